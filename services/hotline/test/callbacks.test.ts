// Voicemail out of hours, the callback list (claim, call, attempts → unreachable), logging a call and
// its event, the recording's retention, and no phone number in any log line.
import type { EventEnvelope } from '@tingjian/contracts'
import { accessKeyHash } from '@tingjian/kit'
import { personalDataIn } from '@tingjian/testkit'
import t from 'tap'
import { parseServiceHours } from '../src/domain/service-hours.ts'
import { hotline, published } from './helpers.ts'

const API = '/api/v1/hotline'
const after = parseServiceHours('workdays 08:30-17:30') ?? undefined

t.test(
  'a voicemail out of hours goes to the callback list; its audio streams to staff until it expires',
  async (t) => {
    // Monday 2 March 2026, 20:00 in Shanghai
    const h = await hotline(t, 'embedded', {
      serviceHours: after,
      start: '2026-03-02T12:00:00.000Z',
      recordingDays: 180,
    })
    const call = await h.dial()
    const said = () =>
      h.simulator
        .call(call.providerCallId)
        ?.transcript.map((l) => `${l.kind}:${l.text}`)
        .join('\n') ?? ''
    t.match(said(), /record/, 'offered a voicemail')
    t.notMatch(said(), /queue:/, 'not queued')
    await h.simulator.leaveVoicemail(call.providerCallId, { text: '我要反映派出所办事拖延的问题' })
    await h.simulator.idle()
    const headers = h.as('op1', ['hotline_operator'])
    const items = (await h.app.inject({ url: `${API}/callbacks`, headers })).json().items
    t.equal(items.length, 1)
    t.equal(items[0].reason, 'voicemail')
    t.equal(items[0].dueAt, '2026-03-03T02:30:00.000Z', '2 service hours from 08:30 on Tuesday')
    const card = (await h.app.inject({ url: `${API}/calls/${call.callId}`, headers })).json()
    t.equal(card.endReason, 'voicemail')
    t.ok(card.voicemail.durationSeconds > 0)
    const audio = await h.app.inject({
      url: `${API}/calls/${call.callId}/voicemail`,
      headers: h.as('s1', ['supervisor']),
    })
    t.equal(audio.statusCode, 200)
    t.match(audio.headers['content-type'], /^audio\//)
    t.ok(audio.rawPayload.length > 0)
    t.equal(
      (await h.app.inject({ url: `${API}/calls/${call.callId}/recording`, headers })).statusCode,
      404,
      'no recording',
    )
    h.clock.advance(181 * 86_400_000)
    t.equal(
      (await h.app.inject({ url: `${API}/calls/${call.callId}/voicemail`, headers })).statusCode,
      404,
      'expired',
    )
  },
)

t.test(
  'callback: claim, call (operator first, then the citizen), three failed half-days → unreachable',
  async (t) => {
    const h = await hotline(t)
    const call = await h.dial()
    await h.simulator.hangup(call.providerCallId)
    await h.simulator.idle()
    const op1 = await h.operator('op1')
    const op2 = await h.operator('op2')
    const list = (await h.app.inject({ url: `${API}/callbacks`, headers: op1 })).json().items
    const id = list[0].callbackId
    const claim = await h.app.inject({ method: 'POST', url: `${API}/callbacks/${id}/claim`, headers: op1 })
    t.equal(claim.statusCode, 200)
    t.equal(claim.json().claimedBy, 'op1')
    const other = await h.app.inject({ method: 'POST', url: `${API}/callbacks/${id}/claim`, headers: op2 })
    t.equal(other.statusCode, 409)
    const placed = await h.app.inject({ method: 'POST', url: `${API}/callbacks/${id}/call`, headers: op1 })
    t.equal(placed.statusCode, 202, placed.body)
    await h.simulator.idle()
    const legs = h.simulator.calls().filter((c) => c.direction === 'outbound')
    t.ok(
      legs.some((c) => c.to === 'client:op1'),
      "the operator's endpoint rings first",
    )
    const bridge = legs.find((c) => c.to === 'client:op1')
    t.ok(
      bridge?.transcript.some((l) => l.kind === 'dial' && l.text.includes(call.from)),
      "then the citizen's number, from the sealed field",
    )
    t.ok(
      h.simulator
        .calls()
        .every((c) => c.transcript.every((l) => l.kind !== 'redirect' || !l.text.includes(call.from))),
    )
    const attempt = (outcome: string) =>
      h.app.inject({
        method: 'POST',
        url: `${API}/callbacks/${id}/attempts`,
        headers: op1,
        payload: { outcome },
      })
    t.equal((await attempt('no_answer')).json().status, 'claimed', 'Monday morning')
    h.clock.set('2026-03-02T03:30:00.000Z')
    t.equal((await attempt('busy')).json().status, 'claimed', 'Monday morning again')
    h.clock.set('2026-03-02T07:00:00.000Z')
    t.equal((await attempt('no_answer')).json().status, 'claimed', 'Monday afternoon')
    h.clock.set('2026-03-03T01:00:00.000Z')
    const last = await attempt('no_answer')
    t.equal(last.statusCode, 201)
    t.equal(last.json().status, 'unreachable', 'Tuesday morning: the third half-day')
    t.equal(last.json().attempts.length, 4)
    t.equal((await attempt('answered')).statusCode, 409, 'closed')
    const events = await published(h.events, (e) => e.type === 'hotline.callback-attempted', 4)
    t.same(
      events.map((e) => (e.data as { itemStatus: string }).itemStatus),
      ['open', 'open', 'open', 'unreachable'],
    )
  },
)

t.test(
  'logging a call: 400s per outcome, the case with code and key once, the event sealed, 409 twice',
  async (t) => {
    const h = await hotline(t)
    const headers = await h.operator('op1')
    const call = await h.dial()
    await h.app.inject({ method: 'POST', url: `${API}/queue/answer-next`, headers })
    await h.simulator.idle()
    const log = (payload: object, hdrs = headers) =>
      h.app.inject({ method: 'POST', url: `${API}/calls/${call.callId}/log`, headers: hdrs, payload })
    const missing = await log({ outcome: 'case' })
    t.equal(missing.statusCode, 400)
    t.same(
      missing
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
      ['body/category', 'body/subject', 'body/summary'],
    )
    t.equal((await log({ outcome: 'referred' })).statusCode, 400)
    t.equal(
      (await log({ outcome: 'case' }, h.as('s1', ['supervisor']))).statusCode,
      403,
      'a supervisor does not log',
    )
    const name = '李四'
    const ok = await log({
      outcome: 'case',
      category: 'complaint',
      subject: '派出所办事拖延',
      summary: '来电人反映户籍办理被拖延两周。',
      urgency: 'normal',
      name,
      consentToPublish: true,
    })
    t.equal(ok.statusCode, 201, ok.body)
    const { trackingCode, accessKey } = ok.json()
    t.match(trackingCode, /^[0-9A-HJ-NP-Z]{10}$/)
    t.type(accessKey, 'string')
    const again = await log({ outcome: 'not_a_matter', notAMatter: { reason: 'silent' } })
    t.equal(again.statusCode, 409)
    t.equal(again.json().code, 'TJ_CALL_ALREADY_LOGGED')
    const [event] = (await published(h.events, (e) => e.type === 'hotline.call-logged')) as EventEnvelope[]
    const data = event?.data as {
      case: {
        trackingCode: string
        accessKeyHash: string
        accessKey: string
        citizen: { name: string; phone: string }
      }
      callerHash: string
    }
    t.equal(data.case.trackingCode, trackingCode)
    t.equal(data.case.accessKeyHash, accessKeyHash(accessKey))
    t.equal(h.cipher.decrypt(data.case.accessKey), accessKey, 'the key sealed, for the SMS')
    t.equal(h.cipher.decrypt(data.case.citizen.phone), call.from.replace('+86', ''), 'the number sealed')
    t.equal(h.cipher.decrypt(data.case.citizen.name), name)
    t.equal(data.callerHash, h.cipher.hash(call.from.replace('+86', ''), 'phone'))
    const text = JSON.stringify(event)
    t.same(personalDataIn(text), [], 'no number or name in clear in the event')
    t.notOk(text.includes(accessKey), 'no access key in clear')
    const card = (
      await h.app.inject({ url: `${API}/calls/${call.callId}`, headers: h.as('d1', ['dispatcher']) })
    ).json()
    t.equal(card.caller, card.callerMasked, 'masked for a dispatcher')
    t.equal(card.log.trackingCode, trackingCode)
    // no phone number or name in any log line of everything above
    const leaks = h.lines.flatMap((l) => personalDataIn(l))
    t.same(leaks, [], 'no personal data in the logs')
  },
)

t.test('the history: earlier calls of the same number on the card', async (t) => {
  const h = await hotline(t)
  const from = '+8613912345678'
  const a = await h.dial(from)
  await h.simulator.hangup(a.providerCallId)
  h.clock.advance(60_000)
  const b = await h.dial(from)
  await h.simulator.idle()
  const card = (
    await h.app.inject({ url: `${API}/calls/${b.callId}`, headers: h.as('op', ['hotline_operator']) })
  ).json()
  t.same(
    card.history.calls.map((c: { callId: string }) => c.callId),
    [a.callId],
  )
  t.equal(card.caller, from)
})

t.test('the dashboard through HTTP', async (t) => {
  const h = await hotline(t)
  const headers = await h.operator('op1')
  const answered = await h.dial()
  const abandoned = await h.dial()
  h.clock.advance(10_000)
  await h.app.inject({ method: 'POST', url: `${API}/queue/answer-next`, headers })
  await h.simulator.hangup(abandoned.providerCallId)
  await h.simulator.idle()
  await h.simulator.hangup(answered.providerCallId)
  await h.simulator.idle()
  const d = await h.app.inject({
    url: `${API}/dashboard?from=2026-03-02&to=2026-03-02`,
    headers: h.as('s', ['supervisor']),
  })
  t.equal(d.statusCode, 200, d.body)
  const body = d.json()
  t.equal(body.offered, 2)
  t.equal(body.answered, 1)
  t.equal(body.abandoned, 1)
  t.equal(body.missed, 1)
  t.equal(body.byHour[10].offered, 2, '10:00 in Shanghai')
  t.equal(body.byDay.length, 1)
  t.same(body.targets, { answerWithinSeconds: 15, answerRate: 0.95 })
  t.equal(
    (
      await h.app.inject({
        url: `${API}/dashboard?from=2026-03-02&to=2026-03-01`,
        headers: h.as('s', ['supervisor']),
      })
    ).statusCode,
    400,
  )
})
