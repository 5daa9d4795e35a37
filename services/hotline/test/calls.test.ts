// The call flow through HTTP and the simulator: greeting and queue, positions, answer next, concurrent
// operators, abandoned calls on the callback list, 100 simultaneous calls.
import { injectTransport } from '@tingjian/telephony/simulator'
import t from 'tap'
import { CALLS } from '../src/calls-store.ts'
import type { CallDoc } from '../src/domain/call.ts'
import { BASE, hotline, LINE, published, signedHeaders } from './helpers.ts'

const API = '/api/v1/hotline'

t.test('an incoming call is greeted in zh-CN and queued; waiting callers hear their position', async (t) => {
  const h = await hotline(t)
  const first = await h.dial()
  const second = await h.dial()
  const third = await h.dial()
  await h.simulator.idle()
  const said = (id: string) =>
    h.simulator
      .call(id)
      ?.transcript.map((l) => `${l.kind}:${l.text}`)
      .join('\n') ?? ''
  t.match(said(first.providerCallId), /录音/, 'recording notice')
  t.match(said(first.providerCallId), /紧急情况请挂机拨打110/, 'emergency: hang up and dial 110')
  t.match(said(first.providerCallId), /queue/, 'straight to the queue, no menu')
  t.notMatch(said(first.providerCallId), /gather/, 'no menu')
  t.match(said(first.providerCallId), /您是第 1 位/)
  t.match(said(third.providerCallId), /您前面还有 2 位/)
  const queue = await h.app.inject({ url: `${API}/queue`, headers: h.as('s1', ['supervisor']) })
  t.equal(queue.statusCode, 200)
  const body = queue.json()
  t.same(
    body.waiting.map((w: { callId: string; position: number }) => [w.callId, w.position]),
    [
      [first.callId, 1],
      [second.callId, 2],
      [third.callId, 3],
    ],
  )
  t.match(body.waiting[0].callerMasked, /^139\*{4}\d{4}$/)
  const received = await published(h.events, (e) => e.type === 'hotline.call-received', 3)
  t.equal(received.length, 3)
})

t.test('answer next bridges the oldest caller to the operator; the call ends answered', async (t) => {
  const h = await hotline(t)
  const headers = await h.operator('op1')
  const first = await h.dial()
  const second = await h.dial()
  const res = await h.app.inject({ method: 'POST', url: `${API}/queue/answer-next`, headers })
  t.equal(res.statusCode, 200, res.body)
  t.equal(res.json().call.callId, first.callId, 'the oldest')
  t.equal(res.json().call.caller, first.from, 'the operator sees the number')
  await h.simulator.idle()
  const sim = h.simulator.call(first.providerCallId)
  t.equal(sim?.state, 'in-progress')
  t.ok(sim?.bridgedTo, 'bridged to the operator leg')
  const queue = await h.app.inject({ url: `${API}/queue`, headers })
  t.same(
    queue.json().waiting.map((w: { callId: string }) => w.callId),
    [second.callId],
  )
  await h.simulator.hangup(first.providerCallId)
  await h.simulator.idle()
  const card = await h.app.inject({ url: `${API}/calls/${first.callId}`, headers })
  t.equal(card.json().status, 'ended')
  t.equal(card.json().endReason, 'answered')
  t.equal(card.json().operatorId, 'op1')
  const ended = await published(
    h.events,
    (e) => e.type === 'hotline.call-ended' && e.subject === first.callId,
  )
  t.equal(ended.length, 1)
  t.equal((ended[0]?.data as { reason: string } | undefined)?.reason, 'answered')
  const empty = await h.app.inject({
    method: 'POST',
    url: `${API}/queue/answer-next`,
    headers: await h.operator('op2'),
  })
  t.equal(empty.statusCode, 200, 'the second caller')
  const none = await h.app.inject({
    method: 'POST',
    url: `${API}/queue/answer-next`,
    headers: await h.operator('op3'),
  })
  t.equal(none.statusCode, 409)
  t.equal(none.json().code, 'TJ_QUEUE_EMPTY')
  const unavailable = await h.app.inject({
    method: 'POST',
    url: `${API}/queue/answer-next`,
    headers: h.as('op9', ['hotline_operator']),
  })
  t.equal(unavailable.json().code, 'TJ_OPERATOR_UNAVAILABLE')
})

t.test('two operators answering at once never get the same call', async (t) => {
  const h = await hotline(t)
  const ops = await Promise.all(['a', 'b', 'c', 'd'].map((id) => h.operator(`op-${id}`)))
  const calls = []
  for (let i = 0; i < 3; i++) calls.push(await h.dial())
  const answers = await Promise.all(
    ops.map((headers) => h.app.inject({ method: 'POST', url: `${API}/queue/answer-next`, headers })),
  )
  const got = answers.filter((r) => r.statusCode === 200).map((r) => r.json().call.callId)
  t.equal(got.length, 3, 'three callers, three operators get one each')
  t.equal(new Set(got).size, 3, 'no call twice')
  t.same(
    answers.filter((r) => r.statusCode === 409).map((r) => r.json().code),
    ['TJ_QUEUE_EMPTY'],
  )
  await h.simulator.idle()
})

t.test('a caller who hangs up in the queue is on the callback list, due in 2 hours', async (t) => {
  const h = await hotline(t)
  const call = await h.dial()
  h.clock.advance(30_000)
  await h.simulator.hangup(call.providerCallId)
  await h.simulator.idle()
  const list = await h.app.inject({
    url: `${API}/callbacks?status=open`,
    headers: h.as('op1', ['hotline_operator']),
  })
  t.equal(list.statusCode, 200)
  const items = list.json().items
  t.equal(items.length, 1)
  t.equal(items[0].callId, call.callId)
  t.equal(items[0].reason, 'abandoned')
  t.equal(items[0].caller, call.from, 'clear for the operator')
  t.equal(
    items[0].dueAt,
    '2026-03-02T04:00:31.000Z',
    '2 hours (24x7) after the miss (dialled at 10:00:01, hung up 30 s later)',
  )
  const masked = await h.app.inject({ url: `${API}/callbacks`, headers: h.as('s1', ['supervisor']) })
  t.equal(masked.json().items[0].caller, undefined, 'no number for a supervisor')
  const missed = await published(
    h.events,
    (e) => e.type === 'hotline.call-missed' && e.subject === call.callId,
  )
  t.equal((missed[0]?.data as { reason: string } | undefined)?.reason, 'abandoned')
  const ended = await published(h.events, (e) => e.type === 'hotline.call-ended' && e.subject === call.callId)
  t.equal((ended[0]?.data as { waitSeconds: number } | undefined)?.waitSeconds, 30)
})

t.test('100 simultaneous incoming calls are all queued, none lost or doubled', async (t) => {
  const h = await hotline(t)
  const calls = await Promise.all(Array.from({ length: 100 }, () => h.dial()))
  await h.simulator.idle()
  const queue = await h.app.inject({ url: `${API}/queue`, headers: h.as('s1', ['supervisor']) })
  const waiting = queue.json().waiting as Array<{ callId: string; position: number }>
  t.equal(waiting.length, 100)
  t.same(
    waiting.map((w) => w.position),
    Array.from({ length: 100 }, (_, i) => i + 1),
  )
  t.same(new Set(waiting.map((w) => w.callId)), new Set(calls.map((c) => c.callId)))
  t.equal(await h.store.collection('calls').count({}), 100)
  const received = await published(h.events, (e) => e.type === 'hotline.call-received', 100)
  t.equal(new Set(received.map((e) => e.subject)).size, 100)
})

t.test(
  "the operator's pickup: connecting while their phone rings, in progress from the pickup, answered then",
  async (t) => {
    const h = await hotline(t)
    const headers = await h.operator('op1')
    await h.operator('op2')
    // the operator's soft phone rings until it is answered (the simulator answers client:* at once)
    h.simulator.watch('client:op1')
    const call = await h.dial()
    const receivedAt = Date.parse(h.clock.now().toISOString())
    h.clock.advance(5_000)
    const res = await h.app.inject({ method: 'POST', url: `${API}/queue/answer-next`, headers })
    t.equal(res.statusCode, 200, res.body)
    await h.simulator.idle()
    const card = async () => (await h.app.inject({ url: `${API}/calls/${call.callId}`, headers })).json()
    t.equal((await card()).status, 'connecting', "the operator's phone rings")
    const leg = h.simulator.calls().find((c) => c.parentCallId === call.providerCallId)
    t.match(leg, { to: 'client:op1', state: 'ringing' })

    h.clock.advance(7_000)
    await h.simulator.answer(leg?.callId ?? '')
    await h.simulator.idle()
    const pickedUp = new Date(receivedAt + 12_000).toISOString()
    const talking = await card()
    t.equal(talking.status, 'in-progress', 'the call card shows the talk while it lasts')
    t.equal(talking.answeredAt, pickedUp, 'answered at the pickup')
    t.equal(talking.waitSeconds, 12, 'waited from its arrival to the pickup')

    // the same callback again, late ones, another operator's, another call's leg, an unsigned one
    const calls = h.store.collection<CallDoc>(CALLS)
    const before = await calls.get(call.callId)
    const legStatus = (status: string, operator = 'op1', parent = call.providerCallId) => {
      const path = `${API}/voice/operator-status?call=${call.callId}&operator=${operator}`
      const params = {
        AccountSid: h.simulator.accountSid,
        CallSid: leg?.callId ?? '',
        ParentCallSid: parent,
        CallStatus: status,
        Direction: 'outbound-dial',
        From: LINE,
        To: 'client:op1',
      }
      return { path, params, headers: signedHeaders(h.authToken, `${BASE}${path}`, params) }
    }
    const post = (w: ReturnType<typeof legStatus>, headers: Record<string, string> = w.headers) =>
      h.app.inject({
        method: 'POST',
        url: w.path,
        payload: new URLSearchParams(w.params).toString(),
        headers,
      })
    h.clock.advance(3_000)
    for (const w of [
      legStatus('in-progress'),
      legStatus('ringing'),
      legStatus('initiated'),
      legStatus('in-progress', 'op2'),
      legStatus('in-progress', 'op1', `CA${'9'.repeat(32)}`),
    ]) {
      const r = await post(w)
      t.equal(r.statusCode, 200, `${w.params.CallStatus}: ${r.body}`)
    }
    const unsigned = legStatus('in-progress')
    const refused = await post(unsigned, { 'content-type': 'application/x-www-form-urlencoded' })
    t.equal(refused.statusCode, 403, 'unsigned: refused')
    t.equal((await calls.get(call.callId))?.version, before?.version, 'none of them wrote the call')

    h.clock.advance(60_000)
    await h.simulator.hangup(call.providerCallId)
    await h.simulator.idle()
    const ended = await card()
    t.equal(ended.status, 'ended')
    t.equal(ended.endReason, 'answered')
    t.equal(ended.answeredAt, pickedUp, 'the answer time stays the pickup')
    t.equal(ended.waitSeconds, 12)
    const afterEnd = await calls.get(call.callId)
    t.equal((await post(legStatus('in-progress'))).statusCode, 200)
    t.equal((await calls.get(call.callId))?.version, afterEnd?.version, 'a callback after the end: nothing')
    const endedEvents = await published(
      h.events,
      (e) => e.type === 'hotline.call-ended' && e.subject === call.callId,
    )
    t.equal((endedEvents[0]?.data as { waitSeconds: number } | undefined)?.waitSeconds, 12)
  },
)

t.test(
  'a provider that sends no leg status: connecting until the dial ends, the answer time worked back',
  async (t) => {
    const h = await hotline(t)
    const headers = await h.operator('op1')
    // the leg's status callbacks never arrive; every other webhook does
    h.simulator.setTransport(
      injectTransport((path) => (path.endsWith('/voice/operator-status') ? undefined : h.app)),
    )
    const call = await h.dial()
    const res = await h.app.inject({ method: 'POST', url: `${API}/queue/answer-next`, headers })
    t.equal(res.statusCode, 200, res.body)
    await h.simulator.idle()
    t.equal(h.simulator.call(call.providerCallId)?.state, 'in-progress', 'bridged at the provider')
    const card = async () => (await h.app.inject({ url: `${API}/calls/${call.callId}`, headers })).json()
    t.equal((await card()).status, 'connecting', 'nothing said the operator picked up')
    h.clock.advance(30_000)
    await h.simulator.hangup(call.providerCallId)
    await h.simulator.idle()
    const ended = await card()
    t.equal(ended.endReason, 'answered', 'the dial action says it was answered')
    t.equal(
      Date.parse(ended.answeredAt),
      Date.parse(ended.endedAt) - ended.talkSeconds * 1000,
      'worked back from the talk the dial reports',
    )
  },
)
