// The call flow through HTTP and the simulator: greeting and queue, positions, answer next, concurrent
// operators, abandoned calls on the callback list, 100 simultaneous calls.
import t from 'tap'
import { hotline, published } from './helpers.ts'

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
