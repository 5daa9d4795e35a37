// The hotline's pure rules, against expectations written from issue 11 and the API document.
import { createCalendar, halfDayOf } from '@tingjian/calendar'
import { FieldCipher, generateFieldKeys } from '@tingjian/kit'
import t from 'tap'
import {
  applyStatus,
  type CallDoc,
  callIdOf,
  claimCall,
  dialEnded,
  leftQueue,
  newInboundCall,
  operatorAnswered,
  voicemailLeft,
} from '../src/domain/call.ts'
import { prepareLog } from '../src/domain/call-log.ts'
import { newCallbackItem, recordAttempt } from '../src/domain/callback.ts'
import { dashboard, percentile } from '../src/domain/dashboard.ts'
import { callerFields, maskPhone } from '../src/domain/phone.ts'
import { positionAnnouncement, queueOrder } from '../src/domain/queue.ts'
import { addServiceHours, isOpen, parseServiceHours } from '../src/domain/service-hours.ts'
import type { LogCallBody } from '../src/schemas/calls.ts'

const cipher = FieldCipher.fromConfig(generateFieldKeys('t1'))
const calendar = createCalendar()
const at = (iso: string) => new Date(iso)
const missed = (reason: Parameters<typeof newCallbackItem>[1]) =>
  newCallbackItem('x', reason, at('2026-03-02T02:00:00Z'), at('2026-03-02T04:00:00Z'))

function inbound(providerCallId = 'CA1', now = '2026-03-02T02:00:00.000Z'): CallDoc {
  return newInboundCall(
    {
      callId: providerCallId,
      direction: 'inbound',
      from: '+8613812345678',
      to: '+861012345678',
      status: 'ringing',
    },
    callerFields('+8613812345678', cipher),
    false,
    at(now),
  ).call
}

t.test('the caller: sealed, hashed, masked 138****5678', async (t) => {
  const c = callerFields('+8613812345678', cipher)
  t.equal(c.masked, '138****5678')
  t.equal(maskPhone('13812345678'), '138****5678')
  t.equal(cipher.decrypt(c.sealed as string), '+8613812345678')
  t.equal(cipher.decrypt(c.normalisedSealed as string), '13812345678')
  t.equal(c.hash, cipher.hash('13812345678', 'phone'))
  t.same(callerFields('anonymous', cipher), {
    sealed: null,
    normalisedSealed: null,
    hash: null,
    masked: 'withheld',
  })
})

t.test('the same provider call is one call id', async (t) => {
  t.equal(callIdOf('CA1'), callIdOf('CA1'))
  t.not(callIdOf('CA1'), callIdOf('CA2'))
  t.match(callIdOf('CA1'), /^call_[0-9a-f]{32}$/)
})

t.test('status callbacks never move a call backwards and have their effect once', async (t) => {
  const call = inbound()
  const ringing = applyStatus(call, 'ringing', at('2026-03-02T02:00:01Z'), missed)
  t.equal(ringing, null, 'ringing again: the incoming webhook said ringing already')
  const inProgress = applyStatus(call, 'in-progress', at('2026-03-02T02:00:01Z'), missed)
  t.equal(inProgress?.call.providerStatus, 'in-progress')
  const ended = applyStatus(inProgress?.call as CallDoc, 'completed', at('2026-03-02T02:00:30Z'), missed)
  t.equal(ended?.call.state, 'ended')
  t.equal(ended?.call.endReason, 'abandoned', 'hung up while queued: abandoned')
  t.same(
    ended?.events.map((e) => e.type),
    ['hotline.call-ended', 'hotline.call-missed'],
  )
  t.equal(
    applyStatus(ended?.call as CallDoc, 'completed', at('2026-03-02T02:00:31Z'), missed),
    null,
    'repeat',
  )
  t.equal(
    applyStatus(ended?.call as CallDoc, 'in-progress', at('2026-03-02T02:00:31Z'), missed),
    null,
    'late',
  )
})

t.test('a queue hang-up and the status callback end the call once', async (t) => {
  const call = inbound()
  const left = leftQueue(call, 'hangup', at('2026-03-02T02:00:20Z'), missed)
  t.equal(left?.call.endReason, 'abandoned')
  t.equal(left?.call.waitSeconds, 20)
  const status = applyStatus(left?.call as CallDoc, 'completed', at('2026-03-02T02:00:21Z'), missed)
  t.same(status?.events, [], 'the status moves on, no second end')
  t.equal(leftQueue(left?.call as CallDoc, 'hangup', at('2026-03-02T02:00:22Z'), missed), null)
})

t.test('answer next, the dial, and a failed operator leg back to the front', async (t) => {
  const a = inbound('CA1', '2026-03-02T02:00:00.000Z')
  const b = inbound('CA2', '2026-03-02T02:00:05.000Z')
  const claimed = claimCall(a, 'op1') as CallDoc
  t.equal(claimed.state, 'connecting')
  t.equal(claimCall(claimed, 'op2'), null, 'a claimed call cannot be claimed again')
  const back = dialEnded(claimed, 'op1', { status: 'no-answer' }, at('2026-03-02T02:00:30Z'), missed)
  t.equal(back.change?.call.state, 'queued')
  t.same(
    queueOrder([b, back.change?.call as CallDoc]).map((c) => c.callId),
    [a.callId, b.callId],
    'the caller keeps the original arrival: at the front',
  )
  const talked = dialEnded(
    claimCall(a, 'op1') as CallDoc,
    'op1',
    { status: 'completed', durationSeconds: 60 },
    at('2026-03-02T02:01:10Z'),
    missed,
  )
  t.equal(talked.change?.call.endReason, 'answered')
  t.equal(talked.change?.call.waitSeconds, 10, 'answered 60 s before the end of a call received 70 s before')
  t.equal(talked.change?.call.talkSeconds, 60)
  t.equal(talked.change?.call.callback, null, 'an answered call is not missed')
})

t.test("the operator's pickup: in progress from then, once, for that operator only", async (t) => {
  const call = inbound('CA1', '2026-03-02T02:00:00.000Z')
  t.equal(operatorAnswered(call, at('2026-03-02T02:00:09Z'), 'op1'), null, 'a queued call: nothing')
  const claimed = claimCall(call, 'op1') as CallDoc
  t.equal(operatorAnswered(claimed, at('2026-03-02T02:00:09Z'), 'op2'), null, "another operator's leg")
  const talking = operatorAnswered(claimed, at('2026-03-02T02:00:09Z'), 'op1') as CallDoc
  t.equal(talking.state, 'in-progress')
  t.equal(talking.answeredAt, '2026-03-02T02:00:09.000Z')
  t.equal(talking.waitSeconds, 9)
  t.equal(operatorAnswered(talking, at('2026-03-02T02:00:12Z'), 'op1'), null, 'the same again: nothing')
  const ended = dialEnded(
    talking,
    'op1',
    { status: 'completed', durationSeconds: 40 },
    at('2026-03-02T02:01:00Z'),
    missed,
  ).change?.call as CallDoc
  t.equal(ended.answeredAt, '2026-03-02T02:00:09.000Z', 'the pickup, not worked back from the dial')
  t.equal(ended.waitSeconds, 9)
  t.equal(operatorAnswered(ended, at('2026-03-02T02:01:01Z'), 'op1'), null, 'late: nothing')
})

t.test('a voicemail ends the call on the callback list', async (t) => {
  const call = { ...inbound(), state: 'voicemail' as const, afterHours: true, queuedAt: null }
  const left = voicemailLeft(call, { id: 'RE1', durationSeconds: 12 }, at('2026-03-02T14:00:30Z'), missed)
  t.equal(left?.call.endReason, 'voicemail')
  t.equal(left?.call.callback?.reason, 'voicemail')
  t.equal(
    voicemailLeft(
      left?.call as CallDoc,
      { id: 'RE1', durationSeconds: 12 },
      at('2026-03-02T14:00:31Z'),
      missed,
    ),
    null,
  )
})

t.test('waiting announcements', async (t) => {
  t.match(positionAnnouncement(1), '您是第 1 位')
  t.match(positionAnnouncement(4), '您前面还有 3 位')
})

t.test('service hours on the working-day calendar', async (t) => {
  t.same(parseServiceHours('24x7'), { kind: '24x7' })
  const h = parseServiceHours('workdays 08:30-17:30')
  t.same(h, { kind: 'workdays', openMinute: 510, closeMinute: 1050 })
  t.equal(parseServiceHours('workdays 18:00-08:00'), null)
  t.equal(parseServiceHours('sometimes'), null)
  if (!h) return
  // Monday 2 March 2026, Shanghai: 09:00 open, 08:00 closed, 17:30 closed
  t.equal(isOpen(h, at('2026-03-02T01:00:00Z'), calendar), true)
  t.equal(isOpen(h, at('2026-03-02T00:00:00Z'), calendar), false)
  t.equal(isOpen(h, at('2026-03-02T09:30:00Z'), calendar), false)
  t.equal(isOpen(h, at('2026-03-07T02:00:00Z'), calendar), false, 'Saturday')
  t.equal(isOpen(h, at('2026-10-01T02:00:00Z'), calendar), false, 'National Day')
  // missed at 17:00 Monday with 2 working hours: 30 min on Monday, 90 min from 08:30 Tuesday → 10:00
  t.equal(
    addServiceHours(h, at('2026-03-02T09:00:00Z'), 2, calendar).toISOString(),
    '2026-03-03T02:00:00.000Z',
  )
  // missed on Friday 6 March 20:00: Monday 9 March 10:30
  t.equal(
    addServiceHours(h, at('2026-03-06T12:00:00Z'), 2, calendar).toISOString(),
    '2026-03-09T02:30:00.000Z',
  )
  t.equal(
    addServiceHours({ kind: '24x7' }, at('2026-03-06T12:00:00Z'), 2, calendar).toISOString(),
    '2026-03-06T14:00:00.000Z',
  )
})

t.test('callback attempts: three failures on different half-days make the caller unreachable', async (t) => {
  t.equal(halfDayOf(at('2026-03-02T03:59:00Z')), '2026-03-02 am')
  t.equal(halfDayOf(at('2026-03-02T04:00:00Z')), '2026-03-02 pm')
  let item = newCallbackItem('call_1', 'abandoned', at('2026-03-02T01:00:00Z'), at('2026-03-02T03:00:00Z'))
  const attempt = (outcome: 'no_answer' | 'busy' | 'answered', iso: string) => {
    const r = recordAttempt(item, { outcome, operatorId: 'op1', callId: null }, at(iso))
    if ('refused' in r) throw new Error(r.refused)
    item = r.item
    return item.status
  }
  t.equal(attempt('no_answer', '2026-03-02T01:10:00Z'), 'claimed', 'Monday morning')
  t.equal(attempt('busy', '2026-03-02T02:10:00Z'), 'claimed', 'Monday morning again: same half-day')
  t.equal(attempt('no_answer', '2026-03-02T06:10:00Z'), 'claimed', 'Monday afternoon: second half-day')
  t.equal(attempt('no_answer', '2026-03-03T01:10:00Z'), 'unreachable', 'Tuesday morning: third half-day')
  t.equal(item.attempts.length, 4)
  const other = recordAttempt(
    item,
    { outcome: 'answered', operatorId: 'op1', callId: null },
    at('2026-03-03T02:00:00Z'),
  )
  t.same(other, { refused: 'closed' })
  let answered = newCallbackItem(
    'call_2',
    'voicemail',
    at('2026-03-02T01:00:00Z'),
    at('2026-03-02T03:00:00Z'),
  )
  const r = recordAttempt(
    answered,
    { outcome: 'answered', operatorId: 'op1', callId: null },
    at('2026-03-02T01:30:00Z'),
  )
  if ('item' in r) answered = r.item
  t.equal(answered.status, 'done')
  const byOther = recordAttempt(
    {
      ...newCallbackItem('call_3', 'abandoned', at('2026-03-02T01:00:00Z'), at('2026-03-02T03:00:00Z')),
      status: 'claimed',
      claimedBy: 'op2',
    },
    { outcome: 'busy', operatorId: 'op1', callId: null },
    at('2026-03-02T01:30:00Z'),
  )
  t.same(byOther, { refused: 'claimed-by-other' })
})

t.test('the log per outcome: every missing or misplaced field named', async (t) => {
  const errors = (body: LogCallBody) => {
    const r = prepareLog(body)
    return 'errors' in r ? r.errors.map((e) => e.path).sort() : []
  }
  t.same(errors({ outcome: 'case' }), ['body/category', 'body/subject', 'body/summary'])
  t.same(
    errors({ outcome: 'answered_on_spot', category: 'consultation', subject: '咨询', summary: '问了办证' }),
    ['body/answer'],
  )
  t.same(errors({ outcome: 'referred' }), ['body/referral'])
  t.same(errors({ outcome: 'referred', referral: { to: 'other', reason: '不属本部门' } }), [
    'body/referral/body',
  ])
  t.same(errors({ outcome: 'not_a_matter' }), ['body/notAMatter'])
  t.same(errors({ outcome: 'not_a_matter', notAMatter: { reason: 'silent' }, answer: 'x' }), ['body/answer'])
  t.same(errors({ outcome: 'case', addToTrackingCode: 'ABCDEFGHJK' }), ['body/summary'])
  t.same(
    errors({
      outcome: 'case',
      category: 'complaint',
      subject: 's',
      summary: 'x',
      anonymous: true,
      name: '张三',
    }),
    ['body/name'],
  )
  t.same(errors({ outcome: 'case', category: 'complaint', subject: 's', summary: 'x' }), [])
  t.same(errors({ outcome: 'not_a_matter', notAMatter: { reason: 'wrong_number' } }), [])
})

t.test('dashboard figures against a hand count', async (t) => {
  const base = { direction: 'inbound' as const, afterHours: false, state: 'ended' as const, callback: null }
  // Monday 2 March, Shanghai 10:xx (02:xx UTC): answered after 5, 10, 20 s; one abandoned; Tuesday 09:xx one
  // answered after 40 s; one voicemail out of hours (not offered, but missed); an outbound call (ignored)
  const calls = [
    { ...base, receivedAt: '2026-03-02T02:00:00.000Z', endReason: 'answered' as const, waitSeconds: 5 },
    { ...base, receivedAt: '2026-03-02T02:10:00.000Z', endReason: 'answered' as const, waitSeconds: 10 },
    { ...base, receivedAt: '2026-03-02T02:20:00.000Z', endReason: 'answered' as const, waitSeconds: 20 },
    {
      ...base,
      receivedAt: '2026-03-02T02:30:00.000Z',
      endReason: 'abandoned' as const,
      waitSeconds: 30,
      callback: {
        ...newCallbackItem('c4', 'abandoned', at('2026-03-02T02:30:30Z'), at('2026-03-02T04:30:30Z')),
        status: 'done' as const,
        attempts: [
          {
            n: 1,
            at: '2026-03-02T03:00:30.000Z',
            outcome: 'answered' as const,
            operatorId: 'op',
            callId: null,
          },
        ],
      },
    },
    { ...base, receivedAt: '2026-03-03T01:00:00.000Z', endReason: 'answered' as const, waitSeconds: 40 },
    {
      ...base,
      afterHours: true,
      receivedAt: '2026-03-03T14:00:00.000Z',
      endReason: 'voicemail' as const,
      waitSeconds: 0,
      callback: newCallbackItem('c6', 'voicemail', at('2026-03-03T14:01:00Z'), at('2026-03-04T02:30:00Z')),
    },
    {
      ...base,
      direction: 'outbound' as const,
      receivedAt: '2026-03-02T05:00:00.000Z',
      endReason: 'answered' as const,
      waitSeconds: 3,
    },
  ]
  const d = dashboard(calls, '2026-03-02', '2026-03-03')
  t.equal(d.offered, 5)
  t.equal(d.answered, 4)
  t.equal(d.answeredWithin15s, 2)
  t.equal(d.answeredWithin15sRate, 2 / 5)
  t.equal(d.abandoned, 1)
  t.equal(d.abandonedRate, 1 / 5)
  t.equal(d.averageWaitSeconds, (5 + 10 + 20 + 40) / 4)
  t.equal(d.p90WaitSeconds, 40, 'nearest rank: ceil(0.9 × 4) = 4th of 5, 10, 20, 40')
  t.equal(d.missed, 2)
  t.equal(d.calledBack, 1)
  t.equal(d.calledBackRate, 0.5)
  t.equal(d.averageCallbackMinutes, 30)
  t.same(d.targets, { answerWithinSeconds: 15, answerRate: 0.95 })
  t.same(d.byHour[10], { hour: 10, offered: 4, answered: 3, answeredWithin15s: 2, abandoned: 1 })
  t.same(d.byHour[9], { hour: 9, offered: 1, answered: 1, answeredWithin15s: 0, abandoned: 0 })
  t.same(d.byDay, [
    {
      date: '2026-03-02',
      offered: 4,
      answered: 3,
      answeredWithin15s: 2,
      abandoned: 1,
      averageWaitSeconds: 35 / 3,
    },
    {
      date: '2026-03-03',
      offered: 1,
      answered: 1,
      answeredWithin15s: 0,
      abandoned: 0,
      averageWaitSeconds: 40,
    },
  ])
  t.equal(percentile([], 0.9), 0)
})
