// What an operator's live work goes through: the queue's server-sent stream over a real socket, hanging up
// a live call (and the provider's late status callbacks after it), the recording of an answered call
// streamed through the service, and the retention sweep deleting that audio at the provider.
import { createLogger } from '@tingjian/kit'
import { TelephonyError } from '@tingjian/telephony'
import t from 'tap'
import { CALLS } from '../src/calls-store.ts'
import type { CallDoc } from '../src/domain/call.ts'
import { sweepRecordings } from '../src/recordings.ts'
import { BASE, hotline, published, signedHeaders } from './helpers.ts'

const API = '/api/v1/hotline'

type QueueEvent = { waiting: Array<{ callId: string }>; operatorsAvailable: number }

/** Reads server-sent `queue` events from a fetch response's body, one at a time. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  return {
    /** The next `queue` event; null when the stream ended. */
    async next(): Promise<QueueEvent | null> {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const lines = block.split('\n')
          if (!lines.includes('event: queue')) continue // a heartbeat comment
          const data = lines.find((l) => l.startsWith('data: '))
          if (data) return JSON.parse(data.slice('data: '.length)) as QueueEvent
          continue
        }
        const { done, value } = await reader.read()
        if (done) return null
        buffer += decoder.decode(value, { stream: true })
      }
    },
    /** The next event for which `match` holds (events in between are skipped). */
    async until(match: (e: QueueEvent) => boolean): Promise<QueueEvent | null> {
      for (;;) {
        const e = await this.next()
        if (e === null || match(e)) return e
      }
    },
    cancel: () => reader.cancel(),
  }
}

t.test(
  'the queue stream: an event when a call is queued and when it is answered; closes cleanly',
  async (t) => {
    const h = await hotline(t)
    const address = await h.app.listen({ host: '127.0.0.1', port: 0 })
    const headers = await h.operator('op1')

    const refused = await fetch(`${address}${API}/queue/stream`)
    t.equal(refused.status, 401, 'no token, no stream')
    await refused.body?.cancel()

    const res = await fetch(`${address}${API}/queue/stream`, { headers: h.as('s1', ['supervisor']) })
    t.equal(res.status, 200)
    t.match(res.headers.get('content-type'), /^text\/event-stream/)
    if (!res.body) throw new Error('no body')
    const stream = sseReader(res.body)
    const first = await stream.next()
    t.same(first?.waiting, [], 'the queue as it is when the stream opens: empty')
    t.equal(first?.operatorsAvailable, 1)

    const call = await h.dial()
    const queued = await stream.until((e) => e.waiting.some((w) => w.callId === call.callId))
    t.same(
      queued?.waiting.map((w) => w.callId),
      [call.callId],
      'the queued call',
    )

    const answered = await h.app.inject({ method: 'POST', url: `${API}/queue/answer-next`, headers })
    t.equal(answered.statusCode, 200, answered.body)
    const after = await stream.until((e) => !e.waiting.some((w) => w.callId === call.callId))
    t.same(after?.waiting, [], 'answered: nobody waits')

    // closing the app ends the open stream (the response finishes; nothing holds the shutdown up)
    await h.simulator.close()
    await h.app.close()
    t.equal(await stream.next(), null, 'the stream ended')
  },
)

t.test('hangup: the operator ends a live call; status callbacks after it change nothing', async (t) => {
  const h = await hotline(t)
  const headers = await h.operator('op1')
  const other = await h.operator('op2')
  const call = await h.dial()
  const answered = await h.app.inject({ method: 'POST', url: `${API}/queue/answer-next`, headers })
  t.equal(answered.statusCode, 200, answered.body)
  await h.simulator.idle()
  t.equal(h.simulator.call(call.providerCallId)?.state, 'in-progress')

  const hangup = (as: Record<string, string>) =>
    h.app.inject({ method: 'POST', url: `${API}/calls/${call.callId}/hangup`, headers: as })
  t.equal((await hangup(other)).statusCode, 403, "another operator's call")
  t.equal(h.simulator.call(call.providerCallId)?.state, 'in-progress', 'still live')

  const res = await hangup(headers)
  t.equal(res.statusCode, 204, res.body)
  await h.simulator.idle()
  t.equal(h.simulator.call(call.providerCallId)?.state, 'completed', 'the provider ended the call')
  const ended = await h.app.inject({ url: `${API}/calls/${call.callId}`, headers })
  t.equal(ended.json().status, 'ended')
  t.equal(ended.json().endReason, 'answered')
  t.equal((await hangup(headers)).statusCode, 409, 'not live any more')

  // late and repeated status callbacks of the provider for the same call
  const calls = h.store.collection<CallDoc>(CALLS)
  const before = await calls.get(call.callId)
  for (const status of ['in-progress', 'ringing', 'completed', 'no-answer']) {
    const params = {
      AccountSid: `AC${'0'.repeat(32)}`,
      CallSid: call.providerCallId,
      CallStatus: status,
      Direction: 'inbound',
      From: call.from,
      To: '+861012345678',
    }
    const late = await h.app.inject({
      method: 'POST',
      url: `${API}/voice/status`,
      payload: new URLSearchParams(params).toString(),
      headers: signedHeaders(h.authToken, `${BASE}${API}/voice/status`, params),
    })
    t.equal(late.statusCode, 200, `${status}: ${late.body}`)
  }
  const afterwards = await calls.get(call.callId)
  t.equal(afterwards?.version, before?.version, 'the call document was not written again')
  t.same(afterwards, before)
  const endedEvents = await published(
    h.events,
    (e) => e.type === 'hotline.call-ended' && e.subject === call.callId,
  )
  t.equal(endedEvents.length, 1, 'one call-ended event')
  const op = await h.app.inject({ url: `${API}/operators/me`, headers })
  t.equal(op.json().currentCallId ?? null, null, 'the operator is free again')
})

t.test(
  'recordCalls: the answered call is recorded, streamed through the service, deleted after the retention',
  async (t) => {
    const h = await hotline(t, 'embedded', { recordCalls: true, recordingDays: 30 })
    const headers = await h.operator('op1')
    const call = await h.dial()
    const answered = await h.app.inject({ method: 'POST', url: `${API}/queue/answer-next`, headers })
    t.equal(answered.statusCode, 200, answered.body)
    await h.simulator.idle()
    await h.simulator.hangup(call.providerCallId)
    await h.simulator.idle()

    const calls = h.store.collection<CallDoc>(CALLS)
    const stored = await calls.get(call.callId)
    const recordingId = stored?.recording?.recordingId
    if (!recordingId) throw new Error('no recording stored on the call')
    t.equal(stored?.recording?.deletedAt, null)
    const card = await h.app.inject({ url: `${API}/calls/${call.callId}`, headers })
    t.ok(card.json().recording, 'the card shows a recording')

    const provider = await h.simulator.telephony.voice.fetchRecording(recordingId)
    const chunks: Uint8Array[] = []
    for await (const chunk of provider.body) chunks.push(chunk)
    const original = Buffer.concat(chunks)

    const audio = await h.app.inject({ url: `${API}/calls/${call.callId}/recording`, headers })
    t.equal(audio.statusCode, 200)
    t.equal(audio.headers['content-type'], 'audio/wav')
    t.equal(audio.rawPayload.subarray(0, 4).toString('latin1'), 'RIFF', 'a WAV file')
    t.ok(audio.rawPayload.equals(original), "the provider's audio, byte for byte")
    t.equal(
      (await h.app.inject({ url: `${API}/calls/${call.callId}/voicemail`, headers })).statusCode,
      404,
      'no voicemail on an answered call',
    )

    const sweep = () =>
      sweepRecordings({
        calls,
        telephony: h.simulator.telephony,
        clock: h.clock,
        retentionDays: 30,
        logger: createLogger({ level: 'silent' }),
      })
    h.clock.advance(29 * 86_400_000)
    t.equal(await sweep(), 0, 'within the retention: kept')
    t.equal((await h.app.inject({ url: `${API}/calls/${call.callId}/recording`, headers })).statusCode, 200)

    h.clock.advance(2 * 86_400_000)
    t.equal(await sweep(), 1, 'past the retention: deleted')
    const gone = await h.simulator.telephony.voice.fetchRecording(recordingId).then(
      () => null,
      (err: unknown) => err,
    )
    t.ok(gone instanceof TelephonyError && gone.status === 404, 'gone at the provider')
    t.ok((await calls.get(call.callId))?.recording?.deletedAt, 'marked deleted; the metadata stays')
    t.equal((await h.app.inject({ url: `${API}/calls/${call.callId}/recording`, headers })).statusCode, 404)
    t.equal(await sweep(), 0, 'the next pass has nothing to do')
  },
)
