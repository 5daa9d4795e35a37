// The telephony simulator: plays Twilio's part on one machine. It posts signed webhooks to the service,
// follows the TwiML it answers, sends the status callbacks a real call would, in order, and keeps the calls,
// recordings and SMS in memory for the test phone (and the tests) to read.
//
// This class is its face: the phone side (dial the line, press keys, leave a voicemail, answer or decline a
// watched number, hang up), the port (`telephony`: the REST side a service calls), and reads. The work is
// in the modules: call.ts (the call model, its transcript), script.ts (a call's course), queues.ts,
// dial.ts (dialling and bridges), recordings.ts, sms.ts, webhooks.ts (the signed poster), engine.ts (the
// shared state and each call's step chain).
//
// Concurrency: every change of one call runs as a step on that call's promise chain, so its webhooks never
// overlap. A step never waits for another call's chain (a service answering a webhook may call the REST side
// — redirect, hang up — which only schedules a step); what two calls share (a queue, a bridge) is changed
// synchronously, between awaits, after checking the other call's current state.
import { type PlaceCallRequest, type Telephony, TelephonyError, type WebhookRequest } from '../port.ts'
import { parseCallParams, parseSmsStatusParams, renderTwiml, verifySignedRequest } from '../wire/index.ts'
import { audioSeconds, spokenSeconds, toneWav } from './audio.ts'
import { clearTimer, note, type SimulatedCall } from './call.ts'
import { E164 } from './common.ts'
import { answered, notAnswered, ring } from './dial.ts'
import { Engine, type SimulatorOptions } from './engine.ts'
import { copyBehaviour, KEYS, type PhoneBehaviour } from './phones.ts'
import { postRecordingStatus } from './recordings.ts'
import { applicationError, end, key, markAnswered, redirect, run } from './script.ts'
import type { SimulatedSms } from './sms.ts'
import { fetchDoc, postStatus, type WebhookTransport } from './webhooks.ts'

export type { CallState, SimulatedCall, TranscriptKind } from './call.ts'
export type { SimulatorLogger, SimulatorOptions } from './engine.ts'
export type { PhoneBehaviour } from './phones.ts'
export type { SimulatedSms } from './sms.ts'
export { httpTransport, type Injectable, injectTransport, type WebhookTransport } from './webhooks.ts'

export type VoicemailContent = { text: string } | { audio: Uint8Array; contentType: string }

const DIGITS = /^[0-9*#]+$/

export class TelephonySimulator {
  readonly telephony: Telephony
  readonly accountSid: string
  private readonly sim: Engine

  constructor(options: SimulatorOptions) {
    const sim = new Engine(options)
    this.sim = sim
    this.accountSid = sim.accountSid
    const authToken = options.authToken
    const verify = (request: WebhookRequest) => verifySignedRequest(authToken, request)
    this.telephony = {
      provider: 'simulator',
      voice: {
        contentType: 'text/xml',
        render: renderTwiml,
        verify,
        parseCall: parseCallParams,
        placeCall: (request) => this.placeCall(request),
        redirectCall: (callId, url) => this.redirectCall(callId, url),
        hangupCall: (callId) => this.hangupCall(callId),
        fetchRecording: async (recordingId) => {
          sim.open()
          return sim.recordings.fetch(recordingId)
        },
        deleteRecording: async (recordingId) => {
          sim.open()
          sim.recordings.delete(recordingId)
        },
      },
      sms: {
        send: async (request) => sim.sms.send(request),
        verify,
        parseStatus: parseSmsStatusParams,
      },
      close: () => this.close(),
    }
  }

  setTransport(transport: WebhookTransport): void {
    this.sim.poster.setTransport(transport)
  }

  // ---- the phone side ------------------------------------------------------------------------

  /** A call from `from` to the line; resolves once its first script has brought it to a wait (or its end). */
  async dial(from: string, to: string = this.sim.options.lineNumber): Promise<string> {
    const sim = this.sim
    sim.open()
    if (!E164.test(from))
      throw new TelephonyError('invalid_number', 'from is not an E.164 number', false, 400)
    if (!E164.test(to)) throw new TelephonyError('invalid_number', 'to is not an E.164 number', false, 400)
    const rec = sim.newCall({
      from,
      to,
      wireDirection: 'inbound',
      statusUrl: sim.url(sim.options.statusPath),
      ringMs: sim.options.ringTimeoutMs,
    })
    await sim.step(rec, async () => {
      const epoch = rec.epoch
      await postStatus(sim, rec, 'ringing')
      const doc = await fetchDoc(sim, rec, sim.url(sim.options.incomingPath), {})
      if (rec.epoch !== epoch) return
      if (!doc) return applicationError(sim, rec)
      // An inbound call is answered by the first script Twilio can follow (a <Reject> aside).
      if (doc.verbs[0]?.verb !== 'reject') await markAnswered(sim, rec)
      await run(sim, rec, epoch, doc, 0)
    })
    return rec.view.callId
  }

  async press(callId: string, digits: string): Promise<void> {
    const sim = this.sim
    const rec = sim.get(callId)
    if (!DIGITS.test(digits))
      throw new TelephonyError('invalid_digits', 'digits are 0-9, * and #', false, 400)
    await sim.step(rec, async () => {
      sim.live(rec)
      note(rec, 'digits', digits)
      for (const pressed of digits) await key(sim, rec, pressed)
    })
  }

  async leaveVoicemail(callId: string, content: VoicemailContent): Promise<void> {
    const sim = this.sim
    const rec = sim.get(callId)
    await sim.step(rec, async () => {
      sim.live(rec)
      const wait = rec.wait
      if (wait.kind !== 'record')
        throw new TelephonyError('invalid_state', 'the call is not recording', false, 409)
      rec.wait = { kind: 'none' }
      const epoch = ++rec.epoch
      const spoken = 'text' in content ? spokenSeconds(content.text, wait.verb.maxLengthSeconds) : 0
      const recording =
        'text' in content
          ? sim.recordings.store(rec, 'audio/wav', toneWav(spoken), {
              durationSeconds: spoken,
              text: content.text,
            })
          : sim.recordings.store(rec, content.contentType, content.audio, {
              durationSeconds: Math.min(
                wait.verb.maxLengthSeconds,
                audioSeconds(content.audio, content.contentType),
              ),
            })
      note(
        rec,
        'voicemail',
        'text' in content ? content.text : `audio ${content.contentType}, ${content.audio.byteLength} bytes`,
      )
      const doc = await fetchDoc(sim, rec, wait.verb.action, sim.recordings.fields(recording))
      if (wait.verb.recordingStatusCallback) {
        await postRecordingStatus(sim, rec, wait.verb.recordingStatusCallback, recording, 'RecordVerb')
      }
      if (rec.epoch !== epoch) return
      if (!doc) return applicationError(sim, rec)
      await run(sim, rec, epoch, doc, 0)
    })
  }

  /** The caller (or the test phone's party) hangs up; a ringing test phone declines (busy). */
  async hangup(callId: string): Promise<void> {
    const rec = this.sim.get(callId)
    await this.sim.step(rec, () => end(this.sim, rec, 'party'))
  }

  async answer(callId: string): Promise<void> {
    const rec = this.sim.get(callId)
    await this.sim.step(rec, async () => {
      const wait = rec.wait
      if (rec.ended || wait.kind !== 'ringing') {
        throw new TelephonyError('invalid_state', 'the call is not ringing', false, 409)
      }
      clearTimeout(wait.timer)
      rec.wait = { kind: 'none' }
      await answered(this.sim, rec)
    })
  }

  async reject(callId: string, reason: 'busy' | 'no-answer' = 'busy'): Promise<void> {
    const rec = this.sim.get(callId)
    await this.sim.step(rec, async () => {
      const wait = rec.wait
      if (rec.ended || wait.kind !== 'ringing') {
        throw new TelephonyError('invalid_state', 'the call is not ringing', false, 409)
      }
      clearTimeout(wait.timer)
      rec.wait = { kind: 'none' }
      await notAnswered(this.sim, rec, reason)
    })
  }

  /** A test phone watches `number`: calls to it ring until answered. */
  watch(number: string): void {
    this.sim.watched.add(number)
  }

  /**
   * Programs the phone at `number` (E.164): how it takes the calls placed to it from now on — a person
   * pressing scripted keys at each gather (`null`: silence), an answering machine, no answer, busy. A
   * program wins over a watch; calls already placed keep the program they started with.
   */
  programPhone(number: string, behaviour: PhoneBehaviour): void {
    this.sim.open()
    if (!E164.test(number))
      throw new TelephonyError('invalid_number', 'number is not an E.164 number', false, 400)
    if (behaviour.kind === 'person' && behaviour.keys.some((k) => k !== null && !KEYS.test(k))) {
      throw new TelephonyError('invalid_digits', 'keys are 1 to 32 of 0-9, * and #, or null', false, 400)
    }
    this.sim.phones.set(number, copyBehaviour(behaviour))
  }

  /** Forgets the program of the phone at `number` (and its watch): calls to it are answered at once again. */
  resetPhone(number: string): void {
    this.sim.phones.delete(number)
    this.sim.watched.delete(number)
  }

  /** The program of the phone at `number`, if any. */
  programOf(number: string): PhoneBehaviour | undefined {
    const behaviour = this.sim.phones.get(number)
    return behaviour ? copyBehaviour(behaviour) : undefined
  }

  call(callId: string): SimulatedCall | undefined {
    const rec = this.sim.calls.get(callId)
    return rec ? structuredClone(rec.view) : undefined
  }

  calls(): SimulatedCall[] {
    return [...this.sim.calls.values()].map((rec) => structuredClone(rec.view))
  }

  phone(number: string): {
    number: string
    behaviour?: PhoneBehaviour
    calls: SimulatedCall[]
    messages: SimulatedSms[]
  } {
    const behaviour = this.programOf(number)
    return {
      number,
      ...(behaviour ? { behaviour } : {}),
      calls: this.calls().filter((c) => c.from === number || c.to === number),
      messages: this.sim.sms.list((m) => m.to === number || m.from === number),
    }
  }

  messages(filter: { to?: string } = {}): SimulatedSms[] {
    return this.sim.sms.list((m) => filter.to === undefined || m.to === filter.to)
  }

  /** Resolves when no webhook or step is in flight (timers still pending do not count). */
  idle(): Promise<void> {
    return this.sim.idle()
  }

  async close(): Promise<void> {
    const sim = this.sim
    if (sim.closed) return
    sim.closed = true
    for (const rec of sim.calls.values()) clearTimer(rec)
    await sim.idle()
  }

  // ---- the REST side (the port) --------------------------------------------------------------

  private async placeCall(request: PlaceCallRequest): Promise<{ callId: string }> {
    const sim = this.sim
    sim.open()
    if (!E164.test(request.to) && !/^client:[\w.@-]{1,256}$/.test(request.to)) {
      throw new TelephonyError(
        'invalid_number',
        'The To number is not a valid phone number (error 21211)',
        false,
        400,
      )
    }
    const timeoutMs = request.timeoutSeconds ? request.timeoutSeconds * 1000 : sim.options.ringTimeoutMs
    const rec = sim.newCall({
      from: request.from,
      to: request.to,
      wireDirection: 'outbound-api',
      statusUrl: request.statusUrl,
      answerUrl: request.answerUrl,
      machineDetection: request.machineDetection ?? false,
      ringMs: Math.min(timeoutMs, sim.options.ringTimeoutMs),
    })
    void sim.step(rec, async () => {
      await postStatus(sim, rec, 'initiated')
      await postStatus(sim, rec, 'ringing')
      await ring(sim, rec)
    })
    return { callId: rec.view.callId }
  }

  private async redirectCall(callId: string, url: string): Promise<void> {
    const sim = this.sim
    sim.open()
    const rec = sim.get(callId)
    if (rec.ended)
      throw new TelephonyError('rejected', 'The call is not in progress (error 21220)', false, 400)
    void sim.step(rec, () => redirect(sim, rec, url))
  }

  private async hangupCall(callId: string): Promise<void> {
    const sim = this.sim
    sim.open()
    const rec = sim.get(callId)
    if (rec.ended) return
    void sim.step(rec, () => end(sim, rec, 'rest'))
  }
}
