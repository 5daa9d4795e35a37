// Webhook security and idempotency: a missing or wrong signature, or a replay with a changed parameter,
// gets 403 and changes nothing; duplicated and out-of-order status callbacks have their effect once and
// never move a call backwards.
import t from 'tap'
import { callIdOf } from '../src/domain/call.ts'
import { BASE, callerNumber, hotline, LINE, published, signedHeaders } from './helpers.ts'

const VOICE = '/api/v1/hotline/voice'

t.test(
  'a missing or wrong signature, or a replay with a changed parameter: 403, nothing changes',
  async (t) => {
    const h = await hotline(t)
    const params = {
      AccountSid: `AC${'a'.repeat(32)}`,
      CallSid: `CA${'b'.repeat(32)}`,
      From: callerNumber(),
      To: LINE,
      CallStatus: 'ringing',
      Direction: 'inbound',
    }
    const post = (p: Record<string, string>, headers?: Record<string, string>) =>
      h.app.inject({
        method: 'POST',
        url: `${VOICE}/incoming`,
        payload: new URLSearchParams(p).toString(),
        headers: headers ?? { 'content-type': 'application/x-www-form-urlencoded' },
      })
    const good = signedHeaders(h.authToken, `${BASE}${VOICE}/incoming`, params)
    const missing = await post(params)
    t.equal(missing.statusCode, 403)
    t.equal(missing.json().code, 'TJ_BAD_SIGNATURE')
    t.match(missing.headers['content-type'], /application\/problem\+json/)
    t.equal(
      (await post(params, signedHeaders('x'.repeat(64), `${BASE}${VOICE}/incoming`, params))).statusCode,
      403,
    )
    t.equal((await post({ ...params, From: callerNumber() }, good)).statusCode, 403, 'replay, changed From')
    t.equal((await post({ ...params, Extra: '1' }, good)).statusCode, 403, 'replay, added parameter')
    t.equal(await h.store.collection('calls').count({}), 0, 'nothing stored')
    const ok = await post(params, good)
    t.equal(ok.statusCode, 200)
    t.match(ok.headers['content-type'], /text\/xml/)
    const again = await post(params, good)
    t.equal(again.statusCode, 200, 'the same webhook twice')
    t.equal(await h.store.collection('calls').count({}), 1, 'is one call')
    const received = await published(h.events, (e) => e.type === 'hotline.call-received')
    t.equal(received.length, 1)
  },
)

t.test('status callbacks duplicated and out of order: never backwards, effect once', async (t) => {
  const h = await hotline(t)
  const call = await h.dial()
  const status = (s: string, seq: number) => {
    const p = {
      AccountSid: `AC${'a'.repeat(32)}`,
      CallSid: call.providerCallId,
      From: call.from,
      To: LINE,
      CallStatus: s,
      Direction: 'inbound',
      SequenceNumber: String(seq),
      ...(s === 'completed' ? { CallDuration: '40' } : {}),
    }
    return h.app.inject({
      method: 'POST',
      url: `${VOICE}/status`,
      payload: new URLSearchParams(p).toString(),
      headers: signedHeaders(h.authToken, `${BASE}${VOICE}/status`, p),
    })
  }
  t.equal((await status('completed', 2)).statusCode, 200)
  t.equal((await status('completed', 2)).statusCode, 200, 'repeated')
  t.equal((await status('in-progress', 1)).statusCode, 200, 'late')
  t.equal((await status('ringing', 0)).statusCode, 200, 'later still')
  const doc = await h.store
    .collection<{ state: string; endReason: string; providerStatus: string }>('calls')
    .get(call.callId)
  t.equal(doc?.state, 'ended')
  t.equal(doc?.endReason, 'abandoned')
  t.equal(doc?.providerStatus, 'completed')
  // a marker: a second call's end, published after everything of the first
  const marker = await h.dial()
  await h.simulator.hangup(marker.providerCallId)
  await h.simulator.idle()
  await published(h.events, (e) => e.type === 'hotline.call-ended' && e.subject === marker.callId)
  t.equal(h.events.filter((e) => e.type === 'hotline.call-ended' && e.subject === call.callId).length, 1)
  t.equal(h.events.filter((e) => e.type === 'hotline.call-missed' && e.subject === call.callId).length, 1)
  t.equal(callIdOf(call.providerCallId), call.callId)
})
