// The telephony simulator: plays Twilio's part on one machine. It posts signed webhooks to the service,
// follows the TwiML it answers, sends the status callbacks a real call would, in order, and keeps the calls,
// recordings and SMS in memory for the test phone (and the tests) to read.
//
// Concurrency: every change of one call runs as a step on that call's promise chain, so its webhooks never
// overlap. A step never waits for another call's chain (a service answering a webhook may call the REST side
// — redirect, hang up — which only schedules a step); what two calls share (a queue, a bridge) is changed
// synchronously, between awaits, after checking the other call's current state.
import { randomBytes, randomUUID } from 'node:crypto'
import {
  type CallStatus,
  type PlaceCallRequest,
  type Recording,
  type SendSmsRequest,
  type SmsStatus,
  type Telephony,
  TelephonyError,
  type WebhookRequest,
} from '../port.ts'
import {
  parseCallParams,
  parseSmsStatusParams,
  renderTwiml,
  SIGNATURE_HEADER,
  signRequest,
  verifySignedRequest,
} from '../wire/index.ts'
import { audioSeconds, spokenSeconds, toneWav } from './audio.ts'
import {
  type DialInstruction,
  type EnqueueInstruction,
  type GatherInstruction,
  type Instruction,
  type RecordInstruction,
  readTwiml,
} from './twiml-reader.ts'

export interface SimulatorOptions {
  /** Signs webhooks (Twilio's algorithm). */
  authToken: string
  /** Base of the webhook URLs (the service's PUBLIC_BASE_URL). */
  publicBaseUrl: string
  /** The hotline's number, E.164. */
  lineNumber: string
  /** Like a Twilio number's voice URL (default '/api/v1/hotline/voice/incoming'). */
  incomingPath?: string
  /** The number's status callback URL (default '/api/v1/hotline/voice/status'). */
  statusPath?: string
  /** How webhooks reach the service; default: fetch() over HTTP to the URL. */
  transport?: WebhookTransport
  /**
   * Dialled endpoints that answer at once; default: every one (`client:*` and numbers no test phone
   * watches). Numbers a test phone watches ring until answered whatever this says.
   */
  autoAnswer?: (endpoint: string) => boolean
  /** A ringing endpoint gives no-answer after this (default 30_000; a dial's shorter timeout wins). */
  ringTimeoutMs?: number
  /** A queued call fetches its wait script again after this (default 10_000). */
  waitRepeatMs?: number
  /** Calls kept in memory, the oldest finished dropped first (default 1000); the same for SMS. */
  maxCalls?: number
  /** pino-like; never given numbers. */
  logger?: SimulatorLogger
}

export interface SimulatorLogger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export type WebhookTransport = (request: {
  url: string
  params: Record<string, string>
  headers: Record<string, string>
}) => Promise<{ status: number; contentType: string; body: string }>

export type CallState =
  | 'ringing'
  | 'queued'
  | 'in-progress'
  | 'completed'
  | 'busy'
  | 'no-answer'
  | 'failed'
  | 'canceled'

export type TranscriptKind =
  | 'say'
  | 'play'
  | 'pause'
  | 'queue'
  | 'dial'
  | 'record'
  | 'gather'
  | 'redirect'
  | 'status'
  | 'hangup'
  | 'digits'
  | 'voicemail'
  | 'error'

export interface SimulatedCall {
  callId: string
  parentCallId?: string
  from: string
  to: string
  direction: 'inbound' | 'outbound'
  state: CallState
  queue?: string
  position?: number
  /** The other leg's callId, while bridged and after (the leg it was last bridged to). */
  bridgedTo?: string
  startedAt: string
  endedAt?: string
  transcript: Array<{ at: string; kind: TranscriptKind; text: string }>
}

export interface SimulatedSms {
  messageId: string
  from: string
  to: string
  body: string
  at: string
  status: SmsStatus
}

export type VoicemailContent = { text: string } | { audio: Uint8Array; contentType: string }

const API_VERSION = '2010-04-01'
const E164 = /^\+[1-9]\d{6,14}$/
const DIGITS = /^[0-9*#]+$/
const APPLICATION_ERROR = 'We are sorry, an application error has occurred. Goodbye.'
/** Twilio's webhook timeout. */
const WEBHOOK_TIMEOUT_MS = 15_000
/** Documents followed without the call ever waiting: a redirect loop, ended like Twilio's loop detection. */
const MAX_HOPS = 50
const MAX_TRANSCRIPT = 500
const SMS_MAX_CHARACTERS = 1600
const RECORDING_BASE = 'https://simulator.invalid'

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`
const seconds = (fromMs: number, toMs: number) => Math.max(0, Math.round((toMs - fromMs) / 1000))
const noop = () => {}
const silent: SimulatorLogger = { info: noop, warn: noop, error: noop }

/** The default transport: a POST of the urlencoded form to the URL, as Twilio sends it. */
export const httpTransport: WebhookTransport = async ({ url, params, headers }) => {
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  })
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() }
}

interface Doc {
  url: string
  verbs: Instruction[]
}
/** Where a script goes on when a waiting verb is over without an action: the next verb of its document. */
interface Cont {
  doc: Doc
  next: number
}

/** What a leg does when its bridge ends. */
type AfterBridge =
  | { kind: 'dial'; verb: DialInstruction; cont: Cont }
  | { kind: 'enqueue'; verb: EnqueueInstruction; cont: Cont; queueSeconds: number; queueSid: string }
  /** A leg created by a dial: it exists for the bridge and ends with it. */
  | { kind: 'leg' }

type Wait =
  | { kind: 'none' }
  | { kind: 'ringing'; timer?: NodeJS.Timeout }
  | {
      kind: 'queued'
      queue: Queue
      verb: EnqueueInstruction
      cont: Cont
      enteredAt: number
      timer?: NodeJS.Timeout
      refetchPending: boolean
    }
  | { kind: 'gather'; verb: GatherInstruction; cont: Cont; digits: string; timer?: NodeJS.Timeout }
  | { kind: 'record'; verb: RecordInstruction; cont: Cont }
  | { kind: 'dialing'; verb: DialInstruction; cont: Cont; child: CallRec }
  | { kind: 'dequeuing'; verb: DialInstruction; cont: Cont; queue: Queue }
  | { kind: 'bridged'; other: CallRec; since: number; after: AfterBridge }

interface CallRec {
  view: SimulatedCall
  /** Twilio's Direction: inbound, outbound-api (REST), outbound-dial (a dial's leg). */
  wireDirection: 'inbound' | 'outbound-api' | 'outbound-dial'
  parent?: CallRec
  statusUrl?: string
  answerUrl?: string
  machineDetection?: boolean
  ringMs: number
  seq: number
  startedMs: number
  answeredAt?: number
  wait: Wait
  /** Bumped whenever a call's course changes under a running script (redirect, bridge, end): it stops. */
  epoch: number
  ended: boolean
  chain: Promise<void>
}

interface Queue {
  name: string
  sid: string
  calls: CallRec[]
  dequeuers: CallRec[]
  waited: { total: number; count: number }
}

interface StoredRecording {
  id: string
  callId: string
  contentType: string
  data: Uint8Array
  durationSeconds: number
  text?: string
}

interface SmsRec {
  view: SimulatedSms
  statusUrl?: string
}

export class TelephonySimulator {
  readonly telephony: Telephony
  readonly accountSid = sid('AC')
  private readonly options: Required<Omit<SimulatorOptions, 'autoAnswer' | 'logger' | 'transport'>> &
    Pick<SimulatorOptions, 'autoAnswer'>
  private transport: WebhookTransport
  private readonly log: SimulatorLogger
  private readonly callRecs = new Map<string, CallRec>()
  private readonly sms = new Map<string, SmsRec>()
  private readonly queues = new Map<string, Queue>()
  private readonly recordings = new Map<string, StoredRecording>()
  private readonly watched = new Set<string>()
  private readonly inflight = new Set<Promise<unknown>>()
  private closed = false

  constructor(options: SimulatorOptions) {
    this.options = {
      authToken: options.authToken,
      publicBaseUrl: options.publicBaseUrl.replace(/\/+$/, ''),
      lineNumber: options.lineNumber,
      incomingPath: options.incomingPath ?? '/api/v1/hotline/voice/incoming',
      statusPath: options.statusPath ?? '/api/v1/hotline/voice/status',
      ringTimeoutMs: options.ringTimeoutMs ?? 30_000,
      waitRepeatMs: options.waitRepeatMs ?? 10_000,
      maxCalls: options.maxCalls ?? 1000,
      ...(options.autoAnswer ? { autoAnswer: options.autoAnswer } : {}),
    }
    this.transport = options.transport ?? httpTransport
    this.log = options.logger ?? silent
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
        fetchRecording: (recordingId) => this.fetchRecording(recordingId),
        deleteRecording: (recordingId) => this.deleteRecording(recordingId),
      },
      sms: {
        send: (request) => this.sendSms(request),
        verify,
        parseStatus: parseSmsStatusParams,
      },
      close: () => this.close(),
    }
  }

  setTransport(transport: WebhookTransport): void {
    this.transport = transport
  }

  // ---- the phone side ------------------------------------------------------------------------

  /** A call from `from` to the line; resolves once its first script has brought it to a wait (or its end). */
  async dial(from: string, to: string = this.options.lineNumber): Promise<string> {
    this.open()
    if (!E164.test(from))
      throw new TelephonyError('invalid_number', 'from is not an E.164 number', false, 400)
    if (!E164.test(to)) throw new TelephonyError('invalid_number', 'to is not an E.164 number', false, 400)
    const rec = this.newCall({
      from,
      to,
      wireDirection: 'inbound',
      statusUrl: this.url(this.options.statusPath),
      ringMs: this.options.ringTimeoutMs,
    })
    await this.step(rec, async () => {
      const epoch = rec.epoch
      await this.status(rec, 'ringing')
      const doc = await this.fetchDoc(rec, this.url(this.options.incomingPath), {})
      if (rec.epoch !== epoch) return
      if (!doc) return this.applicationError(rec)
      // An inbound call is answered by the first script Twilio can follow (a <Reject> aside).
      if (doc.verbs[0]?.verb !== 'reject') await this.markAnswered(rec)
      await this.run(rec, epoch, doc, 0)
    })
    return rec.view.callId
  }

  async press(callId: string, digits: string): Promise<void> {
    const rec = this.get(callId)
    if (!DIGITS.test(digits))
      throw new TelephonyError('invalid_digits', 'digits are 0-9, * and #', false, 400)
    await this.step(rec, async () => {
      this.live(rec)
      this.note(rec, 'digits', digits)
      for (const key of digits) await this.key(rec, key)
    })
  }

  async leaveVoicemail(callId: string, content: VoicemailContent): Promise<void> {
    const rec = this.get(callId)
    await this.step(rec, async () => {
      this.live(rec)
      const wait = rec.wait
      if (wait.kind !== 'record')
        throw new TelephonyError('invalid_state', 'the call is not recording', false, 409)
      rec.wait = { kind: 'none' }
      const epoch = ++rec.epoch
      const spoken = 'text' in content ? spokenSeconds(content.text, wait.verb.maxLengthSeconds) : 0
      const recording =
        'text' in content
          ? this.storeRecording(rec, 'audio/wav', toneWav(spoken), {
              durationSeconds: spoken,
              text: content.text,
            })
          : this.storeRecording(rec, content.contentType, content.audio, {
              durationSeconds: Math.min(
                wait.verb.maxLengthSeconds,
                audioSeconds(content.audio, content.contentType),
              ),
            })
      this.note(
        rec,
        'voicemail',
        'text' in content ? content.text : `audio ${content.contentType}, ${content.audio.byteLength} bytes`,
      )
      const fields = this.recordingFields(recording)
      const doc = await this.fetchDoc(rec, wait.verb.action, fields)
      if (wait.verb.recordingStatusCallback) {
        await this.recordingStatus(rec, wait.verb.recordingStatusCallback, recording, 'RecordVerb')
      }
      if (rec.epoch !== epoch) return
      if (!doc) return this.applicationError(rec)
      await this.run(rec, epoch, doc, 0)
    })
  }

  /** The caller (or the test phone's party) hangs up; a ringing test phone declines (busy). */
  async hangup(callId: string): Promise<void> {
    const rec = this.get(callId)
    await this.step(rec, () => this.end(rec, 'party'))
  }

  async answer(callId: string): Promise<void> {
    const rec = this.get(callId)
    await this.step(rec, async () => {
      const wait = rec.wait
      if (rec.ended || wait.kind !== 'ringing') {
        throw new TelephonyError('invalid_state', 'the call is not ringing', false, 409)
      }
      clearTimeout(wait.timer)
      rec.wait = { kind: 'none' }
      await this.answered(rec)
    })
  }

  async reject(callId: string, reason: 'busy' | 'no-answer' = 'busy'): Promise<void> {
    const rec = this.get(callId)
    await this.step(rec, async () => {
      const wait = rec.wait
      if (rec.ended || wait.kind !== 'ringing') {
        throw new TelephonyError('invalid_state', 'the call is not ringing', false, 409)
      }
      clearTimeout(wait.timer)
      rec.wait = { kind: 'none' }
      await this.notAnswered(rec, reason)
    })
  }

  /** A test phone watches `number`: calls to it ring until answered. */
  watch(number: string): void {
    this.watched.add(number)
  }

  call(callId: string): SimulatedCall | undefined {
    const rec = this.callRecs.get(callId)
    return rec ? structuredClone(rec.view) : undefined
  }

  calls(): SimulatedCall[] {
    return [...this.callRecs.values()].map((rec) => structuredClone(rec.view))
  }

  phone(number: string): { number: string; calls: SimulatedCall[]; messages: SimulatedSms[] } {
    return {
      number,
      calls: this.calls().filter((c) => c.from === number || c.to === number),
      messages: [...this.sms.values()]
        .filter((m) => m.view.to === number || m.view.from === number)
        .map((m) => ({ ...m.view })),
    }
  }

  messages(filter: { to?: string } = {}): SimulatedSms[] {
    return [...this.sms.values()]
      .filter((m) => filter.to === undefined || m.view.to === filter.to)
      .map((m) => ({ ...m.view }))
  }

  /** Resolves when no webhook or step is in flight (timers still pending do not count). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight])
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const rec of this.callRecs.values()) this.clearTimer(rec)
    await this.idle()
  }

  // ---- the REST side (the port) --------------------------------------------------------------

  private async placeCall(request: PlaceCallRequest): Promise<{ callId: string }> {
    this.open()
    if (!E164.test(request.to) && !/^client:[\w.@-]{1,256}$/.test(request.to)) {
      throw new TelephonyError(
        'invalid_number',
        'The To number is not a valid phone number (error 21211)',
        false,
        400,
      )
    }
    const timeoutMs = request.timeoutSeconds ? request.timeoutSeconds * 1000 : this.options.ringTimeoutMs
    const rec = this.newCall({
      from: request.from,
      to: request.to,
      wireDirection: 'outbound-api',
      statusUrl: request.statusUrl,
      answerUrl: request.answerUrl,
      machineDetection: request.machineDetection ?? false,
      ringMs: Math.min(timeoutMs, this.options.ringTimeoutMs),
    })
    void this.step(rec, async () => {
      await this.status(rec, 'initiated')
      await this.status(rec, 'ringing')
      await this.ring(rec)
    })
    return { callId: rec.view.callId }
  }

  private async redirectCall(callId: string, url: string): Promise<void> {
    this.open()
    const rec = this.get(callId)
    if (rec.ended)
      throw new TelephonyError('rejected', 'The call is not in progress (error 21220)', false, 400)
    void this.step(rec, () => this.redirect(rec, url))
  }

  private async hangupCall(callId: string): Promise<void> {
    this.open()
    const rec = this.get(callId)
    if (rec.ended) return
    void this.step(rec, () => this.end(rec, 'rest'))
  }

  private async fetchRecording(recordingId: string): Promise<Recording> {
    this.open()
    const recording = this.recordings.get(recordingId)
    if (!recording)
      throw new TelephonyError('not_found', 'The recording was not found (error 20404)', false, 404)
    const data = recording.data
    async function* chunks(): AsyncIterable<Uint8Array> {
      for (let at = 0; at < data.byteLength; at += 64 * 1024) yield data.subarray(at, at + 64 * 1024)
    }
    return { contentType: recording.contentType, body: chunks(), length: data.byteLength }
  }

  private async deleteRecording(recordingId: string): Promise<void> {
    this.open()
    if (!this.recordings.delete(recordingId)) {
      throw new TelephonyError('not_found', 'The recording was not found (error 20404)', false, 404)
    }
  }

  private async sendSms(request: SendSmsRequest): Promise<{ messageId: string; status: SmsStatus }> {
    this.open()
    if (!E164.test(request.to))
      throw new TelephonyError(
        'invalid_number',
        'The To number is not a valid phone number (error 21211)',
        false,
        400,
      )
    if (request.body.trim() === '')
      throw new TelephonyError('rejected', 'Message body is required (error 21602)', false, 400)
    if ([...request.body].length > SMS_MAX_CHARACTERS) {
      throw new TelephonyError(
        'rejected',
        'The message body exceeds the 1600 character limit (error 21617)',
        false,
        400,
      )
    }
    const rec: SmsRec = {
      view: {
        messageId: sid('SM'),
        from: request.from,
        to: request.to,
        body: request.body,
        at: new Date().toISOString(),
        status: 'queued',
      },
      ...(request.statusUrl ? { statusUrl: request.statusUrl } : {}),
    }
    this.sms.set(rec.view.messageId, rec)
    this.prune(this.sms, (m) => m.view.status === 'delivered' || m.view.status === 'failed')
    this.track(
      (async () => {
        for (const status of ['sent', 'delivered'] as const) {
          rec.view.status = status
          if (!rec.statusUrl || this.closed) continue
          const params = {
            AccountSid: this.accountSid,
            ApiVersion: API_VERSION,
            MessageSid: rec.view.messageId,
            SmsSid: rec.view.messageId,
            MessageStatus: status,
            SmsStatus: status,
            From: rec.view.from,
            To: rec.view.to,
          }
          const res = await this.post(rec.statusUrl, params)
          if (!res.ok)
            this.log.warn(
              { messageId: rec.view.messageId, status: res.status },
              'sms status callback refused',
            )
        }
      })().catch((err: unknown) => this.log.error({ err: errorText(err) }, 'sms status callbacks failed')),
    )
    return { messageId: rec.view.messageId, status: 'queued' }
  }

  // ---- the course of a call ------------------------------------------------------------------

  /** Follows a script from verb `start` until the call waits or ends. */
  private async run(rec: CallRec, epoch: number, first: Doc, start: number): Promise<void> {
    let doc = first
    let i = start
    let hops = 0
    for (;;) {
      if (rec.epoch !== epoch || rec.ended) return
      const verb = doc.verbs[i]
      if (!verb) return this.finish(rec, 'completed') // the end of a script hangs up
      i++
      const cont = { doc, next: i }
      switch (verb.verb) {
        case 'say':
        case 'play':
        case 'pause':
          this.prompt(rec, verb)
          break
        case 'hangup':
          this.note(rec, 'hangup', 'the script hung up')
          return this.finish(rec, 'completed')
        case 'reject':
          this.note(rec, 'hangup', `rejected (${verb.reason})`)
          return this.finish(
            rec,
            rec.answeredAt === undefined ? (verb.reason === 'busy' ? 'busy' : 'no-answer') : 'completed',
          )
        case 'leave':
          // outside a wait script there is no queue to leave: Twilio goes on
          break
        case 'redirect': {
          this.note(rec, 'redirect', verb.url)
          const next = await this.fetchDoc(rec, verb.url, {})
          if (rec.epoch !== epoch) return
          if (!next || ++hops > MAX_HOPS) return this.applicationError(rec)
          doc = next
          i = 0
          break
        }
        case 'enqueue':
          return this.enqueue(rec, verb, cont)
        case 'dial':
          return this.dialVerb(rec, verb, cont)
        case 'record':
          this.note(
            rec,
            'record',
            `recording (at most ${verb.maxLengthSeconds} s)${verb.playBeep ? ', beep' : ''}`,
          )
          rec.wait = { kind: 'record', verb, cont }
          return
        case 'gather': {
          for (const p of verb.prompt) this.prompt(rec, p)
          this.note(rec, 'gather', `waiting for digits${verb.numDigits ? ` (${verb.numDigits})` : ''}`)
          const wait: Wait = { kind: 'gather', verb, cont, digits: '' }
          rec.wait = wait
          this.gatherTimer(rec, wait)
          return
        }
      }
    }
  }

  /** Goes on after a waiting verb: the action's script when there is an action, else the next verb. */
  private async follow(
    rec: CallRec,
    action: string | undefined,
    fields: Record<string, string>,
    cont: Cont,
  ): Promise<void> {
    const epoch = rec.epoch
    if (!action) return this.run(rec, epoch, cont.doc, cont.next)
    const doc = await this.fetchDoc(rec, action, fields)
    if (rec.epoch !== epoch) return
    if (!doc) return this.applicationError(rec)
    return this.run(rec, epoch, doc, 0)
  }

  private prompt(rec: CallRec, verb: Extract<Instruction, { verb: 'say' | 'play' | 'pause' }>): void {
    if (verb.verb === 'say') this.note(rec, 'say', verb.text)
    else if (verb.verb === 'play') this.note(rec, 'play', verb.url)
    else this.note(rec, 'pause', `${verb.seconds} s`)
  }

  private async key(rec: CallRec, key: string): Promise<void> {
    const wait = rec.wait
    if (wait.kind === 'gather') {
      if (wait.verb.finishOnKey.includes(key)) return this.submitGather(rec, wait, key)
      wait.digits += key
      if (wait.verb.numDigits !== undefined && wait.digits.length >= wait.verb.numDigits) {
        return this.submitGather(rec, wait)
      }
      // the timeout counts from the last key
      this.gatherTimer(rec, wait)
      return
    }
    if (wait.kind === 'record' && wait.verb.finishOnKey.includes(key)) {
      // nothing was said: Twilio drops an empty recording and goes on without the action
      rec.wait = { kind: 'none' }
      this.note(rec, 'record', 'ended by a key, nothing recorded')
      return this.run(rec, ++rec.epoch, wait.cont.doc, wait.cont.next)
    }
    // a key nobody listens to is heard and ignored
  }

  private gatherTimer(rec: CallRec, wait: Extract<Wait, { kind: 'gather' }>): void {
    clearTimeout(wait.timer)
    if (this.closed) return
    wait.timer = setTimeout(() => {
      void this.step(rec, async () => {
        if (rec.wait !== wait) return
        if (wait.digits) return this.submitGather(rec, wait)
        rec.wait = { kind: 'none' }
        this.note(rec, 'gather', 'no input')
        await this.run(rec, ++rec.epoch, wait.cont.doc, wait.cont.next)
      })
    }, wait.verb.timeoutSeconds * 1000)
    wait.timer.unref()
  }

  private async submitGather(
    rec: CallRec,
    wait: Extract<Wait, { kind: 'gather' }>,
    finishedOnKey?: string,
  ): Promise<void> {
    clearTimeout(wait.timer)
    rec.wait = { kind: 'none' }
    const epoch = ++rec.epoch
    if (wait.digits === '') return this.run(rec, epoch, wait.cont.doc, wait.cont.next)
    const fields = { Digits: wait.digits, ...(finishedOnKey ? { FinishedOnKey: finishedOnKey } : {}) }
    await this.follow(rec, wait.verb.action, fields, wait.cont)
  }

  // ---- queues ----------------------------------------------------------------------------------

  private queue(name: string): Queue {
    let q = this.queues.get(name)
    if (!q) {
      q = { name, sid: sid('QU'), calls: [], dequeuers: [], waited: { total: 0, count: 0 } }
      this.queues.set(name, q)
    }
    return q
  }

  private async enqueue(rec: CallRec, verb: EnqueueInstruction, cont: Cont): Promise<void> {
    const q = this.queue(verb.queue)
    const wait: Extract<Wait, { kind: 'queued' }> = {
      kind: 'queued',
      queue: q,
      verb,
      cont,
      enteredAt: Date.now(),
      refetchPending: false,
    }
    rec.wait = wait
    q.calls.push(rec)
    rec.view.state = 'queued'
    rec.view.queue = q.name
    rec.view.position = q.calls.length
    this.note(rec, 'queue', `entered queue ${q.name} at position ${q.calls.length}`)
    // a dialler waiting on the empty queue takes this caller at once
    for (let dequeuer = q.dequeuers.shift(); dequeuer; dequeuer = q.dequeuers.shift()) {
      if (this.bridgeFromQueue(dequeuer, rec)) return
    }
    await this.fetchWait(rec, wait)
  }

  /** Fetches and plays the wait script; fetched again after waitRepeatMs or when the position changes. */
  private async fetchWait(rec: CallRec, wait: Extract<Wait, { kind: 'queued' }>): Promise<void> {
    wait.refetchPending = false
    if (rec.wait !== wait) return
    clearTimeout(wait.timer)
    const waitUrl = wait.verb.waitUrl
    if (!waitUrl) {
      this.note(rec, 'play', 'hold music')
      return
    }
    const epoch = rec.epoch
    let url = waitUrl
    for (let hops = 0; hops <= MAX_HOPS; hops++) {
      const doc = await this.fetchDoc(rec, url, this.queueFields(rec, wait))
      if (rec.wait !== wait || rec.epoch !== epoch) return
      if (!doc) break // the caller keeps waiting; Twilio plays silence and tries again
      let next: string | undefined
      for (const verb of doc.verbs) {
        if (verb.verb === 'say' || verb.verb === 'play' || verb.verb === 'pause') this.prompt(rec, verb)
        else if (verb.verb === 'leave') {
          this.note(rec, 'queue', 'left the queue (leave)')
          return this.leaveQueue(rec, wait, 'leave')
        } else if (verb.verb === 'hangup') {
          this.note(rec, 'hangup', 'the wait script hung up')
          return this.end(rec, 'script')
        } else if (verb.verb === 'redirect') {
          next = verb.url
          break
        } else this.note(rec, 'error', `<${verb.verb}> is not allowed in a wait script; skipped`)
      }
      if (!next) break
      url = next
    }
    if (this.closed) return
    wait.timer = setTimeout(() => {
      void this.step(rec, () => this.fetchWait(rec, wait))
    }, this.options.waitRepeatMs)
    wait.timer.unref()
  }

  private queueFields(rec: CallRec, wait: Extract<Wait, { kind: 'queued' }>): Record<string, string> {
    const q = wait.queue
    return {
      QueueSid: q.sid,
      QueuePosition: String(q.calls.indexOf(rec) + 1),
      QueueTime: String(seconds(wait.enteredAt, Date.now())),
      AvgQueueTime: String(q.waited.count ? Math.round(q.waited.total / q.waited.count) : 0),
      CurrentQueueSize: String(q.calls.length),
      MaxQueueSize: '1000',
    }
  }

  /** Takes a call out of its queue (synchronously); the others behind it hear their new position. */
  private takeFromQueue(rec: CallRec, wait: Extract<Wait, { kind: 'queued' }>): number {
    clearTimeout(wait.timer)
    const q = wait.queue
    remove(q.calls, rec)
    const waited = seconds(wait.enteredAt, Date.now())
    q.waited.total += waited
    q.waited.count++
    rec.wait = { kind: 'none' }
    rec.epoch++
    delete rec.view.position
    if (!rec.ended) rec.view.state = 'in-progress'
    for (const [index, other] of q.calls.entries()) {
      if (other.view.position === index + 1) continue
      other.view.position = index + 1
      const otherWait = other.wait
      if (otherWait.kind === 'queued' && !otherWait.refetchPending) {
        otherWait.refetchPending = true
        void this.step(other, () => this.fetchWait(other, otherWait))
      }
    }
    return waited
  }

  private async leaveQueue(
    rec: CallRec,
    wait: Extract<Wait, { kind: 'queued' }>,
    result: 'leave' | 'hangup' | 'redirected',
  ): Promise<void> {
    const waited = this.takeFromQueue(rec, wait)
    const fields = { QueueResult: result, QueueSid: wait.queue.sid, QueueTime: String(waited) }
    if (result === 'leave') return this.follow(rec, wait.verb.action, fields, wait.cont)
    // hung up or redirected: Twilio still reports to the action, and ignores its answer
    if (wait.verb.action) await this.postIgnored(rec, wait.verb.action, fields)
  }

  /** `dialer`'s <Dial><Queue> takes the front of the queue. */
  private bridgeFromQueue(dialer: CallRec, front: CallRec): boolean {
    const dialWait = dialer.wait
    const frontWait = front.wait
    if (dialer.ended || dialWait.kind !== 'dequeuing' || frontWait.kind !== 'queued') return false
    const waited = this.takeFromQueue(front, frontWait)
    this.note(front, 'queue', 'bridged')
    this.note(dialer, 'dial', 'bridged to the front of the queue')
    this.bridge(dialer, { kind: 'dial', verb: dialWait.verb, cont: dialWait.cont }, front, {
      kind: 'enqueue',
      verb: frontWait.verb,
      cont: frontWait.cont,
      queueSeconds: waited,
      queueSid: frontWait.queue.sid,
    })
    return true
  }

  // ---- dialling and bridges ----------------------------------------------------------------

  private async dialVerb(rec: CallRec, verb: DialInstruction, cont: Cont): Promise<void> {
    // Twilio rings several nouns at once; the simulator rings the first
    const target = verb.targets[0]
    if (!target) return this.applicationError(rec)
    if (target.kind === 'queue') {
      const q = this.queue(target.queue)
      this.note(rec, 'dial', `queue ${q.name}`)
      rec.wait = { kind: 'dequeuing', verb, cont, queue: q }
      const front = q.calls[0]
      if (front) this.bridgeFromQueue(rec, front)
      else q.dequeuers.push(rec) // an empty queue: the dialler waits for the next caller
      return
    }
    const endpoint = target.kind === 'client' ? `client:${target.identity}` : target.number
    this.note(rec, 'dial', endpoint)
    const child = this.newCall({
      from: verb.callerId ?? rec.view.from,
      to: endpoint,
      wireDirection: 'outbound-dial',
      parent: rec,
      ringMs: Math.min(verb.timeoutSeconds * 1000, this.options.ringTimeoutMs),
    })
    rec.wait = { kind: 'dialing', verb, cont, child }
    // The new leg's first step: ringing (and answering at once) happens on its own chain.
    void this.step(child, () => this.ring(child))
  }

  private answersAtOnce(endpoint: string): boolean {
    if (this.watched.has(endpoint)) return false
    return this.options.autoAnswer ? this.options.autoAnswer(endpoint) : true
  }

  private async ring(rec: CallRec): Promise<void> {
    if (rec.ended) return
    if (this.answersAtOnce(rec.view.to)) return this.answered(rec)
    const wait: Extract<Wait, { kind: 'ringing' }> = { kind: 'ringing' }
    rec.wait = wait
    if (this.closed) return
    wait.timer = setTimeout(() => {
      void this.step(rec, async () => {
        if (rec.wait !== wait) return
        rec.wait = { kind: 'none' }
        await this.notAnswered(rec, 'no-answer')
      })
    }, rec.ringMs)
    wait.timer.unref()
  }

  /** The dialled endpoint answered: a dial's leg is bridged, a REST call fetches its script. */
  private async answered(rec: CallRec): Promise<void> {
    const parent = rec.parent
    if (parent) {
      const pw = parent.wait
      if (parent.ended || pw.kind !== 'dialing' || pw.child !== rec) return this.finish(rec, 'canceled')
      rec.answeredAt = Date.now()
      this.note(rec, 'status', 'answered')
      this.note(parent, 'dial', 'answered, bridged')
      this.bridge(parent, { kind: 'dial', verb: pw.verb, cont: pw.cont }, rec, { kind: 'leg' })
      return
    }
    await this.markAnswered(rec)
    const epoch = rec.epoch
    const doc = await this.fetchDoc(
      rec,
      rec.answerUrl ?? '',
      rec.machineDetection ? { AnsweredBy: 'human' } : {},
    )
    if (rec.epoch !== epoch) return
    if (!doc) return this.applicationError(rec)
    await this.run(rec, epoch, doc, 0)
  }

  private async notAnswered(
    rec: CallRec,
    status: 'busy' | 'no-answer' | 'canceled' | 'failed',
  ): Promise<void> {
    this.note(rec, 'status', status)
    await this.finish(rec, status)
    const parent = rec.parent
    if (!parent) return
    const pw = parent.wait
    if (pw.kind !== 'dialing' || pw.child !== rec) return
    void this.step(parent, async () => {
      if (parent.wait !== pw) return
      parent.wait = { kind: 'none' }
      parent.epoch++
      this.note(parent, 'dial', status)
      await this.follow(parent, pw.verb.action, this.dialFields(status, rec, 0), pw.cont)
    })
  }

  private bridge(a: CallRec, afterA: AfterBridge, b: CallRec, afterB: AfterBridge): void {
    const since = Date.now()
    a.wait = { kind: 'bridged', other: b, since, after: afterA }
    b.wait = { kind: 'bridged', other: a, since, after: afterB }
    a.view.bridgedTo = b.view.callId
    b.view.bridgedTo = a.view.callId
    a.view.state = 'in-progress'
    b.view.state = 'in-progress'
  }

  private dialFields(status: string, other: CallRec, durationSeconds: number): Record<string, string> {
    return {
      DialCallStatus: status,
      DialCallSid: other.view.callId,
      DialCallDuration: String(durationSeconds),
      DialBridged: String(status === 'completed'),
    }
  }

  /**
   * This leg's bridge is over: `selfEnded` when this leg hung up or was hung up (the action is still posted,
   * its answer ignored), else the other side left and this leg goes on.
   */
  private async afterBridge(
    rec: CallRec,
    wait: Extract<Wait, { kind: 'bridged' }>,
    selfEnded: boolean,
  ): Promise<void> {
    rec.wait = { kind: 'none' }
    rec.epoch++
    const after = wait.after
    const duration = seconds(wait.since, Date.now())
    if (after.kind === 'leg') {
      if (!selfEnded) await this.finish(rec, 'completed')
      return
    }
    let fields: Record<string, string>
    let action: string | undefined
    if (after.kind === 'dial') {
      fields = this.dialFields('completed', wait.other, duration)
      action = after.verb.action
      if (after.verb.record) {
        const recording = this.storeRecording(rec, 'audio/wav', toneWav(Math.max(1, duration)), {
          durationSeconds: Math.max(1, duration),
        })
        fields = { ...fields, ...this.recordingFields(recording) }
        if (after.verb.recordingStatusCallback) {
          await this.recordingStatus(rec, after.verb.recordingStatusCallback, recording, 'DialVerb')
        }
      }
    } else {
      fields = { QueueResult: 'bridged', QueueSid: after.queueSid, QueueTime: String(after.queueSeconds) }
      action = after.verb.action
    }
    if (selfEnded) {
      if (action) await this.postIgnored(rec, action, fields)
      return
    }
    await this.follow(rec, action, fields, after.cont)
  }

  /** Tells the other leg of a bridge that this one left it. */
  private releaseOther(wait: Extract<Wait, { kind: 'bridged' }>): void {
    const other = wait.other
    const otherWait = other.wait
    if (otherWait.kind !== 'bridged') return
    void this.step(other, async () => {
      if (other.wait !== otherWait || other.ended) return
      await this.afterBridge(other, otherWait, false)
    })
  }

  // ---- redirect and hang-up ------------------------------------------------------------------

  private async redirect(rec: CallRec, url: string): Promise<void> {
    if (rec.ended) return
    const wait = rec.wait
    if (wait.kind === 'ringing') {
      this.note(rec, 'error', 'a ringing call cannot be redirected')
      return
    }
    this.note(rec, 'redirect', url)
    this.clearTimer(rec)
    rec.epoch++
    if (wait.kind === 'queued') await this.leaveQueue(rec, wait, 'redirected')
    else if (wait.kind === 'dialing') this.cancelChild(wait.child)
    else if (wait.kind === 'dequeuing') remove(wait.queue.dequeuers, rec)
    else if (wait.kind === 'bridged') this.releaseOther(wait)
    rec.wait = { kind: 'none' }
    rec.view.state = 'in-progress'
    if (rec.ended) return
    const epoch = ++rec.epoch
    const doc = await this.fetchDoc(rec, url, {})
    if (rec.epoch !== epoch) return
    if (!doc) return this.applicationError(rec)
    await this.run(rec, epoch, doc, 0)
  }

  private cancelChild(child: CallRec): void {
    const childWait = child.wait
    if (childWait.kind === 'ringing') clearTimeout(childWait.timer)
    child.wait = { kind: 'none' }
    void this.step(child, async () => {
      if (child.ended) return
      this.note(child, 'status', 'canceled')
      await this.finish(child, 'canceled')
    })
  }

  /**
   * Ends a call: `party` — the caller or the test phone hangs up (a ringing phone declines); `rest` — the
   * service's hangupCall (a ringing call is canceled); `script` — a wait script's <Hangup>.
   */
  private async end(rec: CallRec, by: 'party' | 'rest' | 'script'): Promise<void> {
    if (rec.ended) return
    const wait = rec.wait
    rec.epoch++
    this.clearTimer(rec)
    if (by !== 'script') this.note(rec, 'hangup', by === 'party' ? 'hung up' : 'hung up by the service')
    switch (wait.kind) {
      case 'ringing':
        rec.wait = { kind: 'none' }
        return this.notAnswered(rec, by === 'party' ? 'busy' : 'canceled')
      case 'queued':
        await this.leaveQueue(rec, wait, 'hangup')
        break
      case 'dialing':
        rec.wait = { kind: 'none' }
        this.cancelChild(wait.child)
        if (wait.verb.action)
          await this.postIgnored(rec, wait.verb.action, this.dialFields('canceled', wait.child, 0))
        break
      case 'dequeuing':
        remove(wait.queue.dequeuers, rec)
        break
      case 'bridged':
        this.releaseOther(wait)
        // the action is posted with the call already over (Twilio posts it, and ignores the answer)
        rec.view.state = 'completed'
        await this.afterBridge(rec, wait, true)
        break
    }
    rec.wait = { kind: 'none' }
    await this.finish(
      rec,
      rec.answeredAt === undefined && rec.wireDirection !== 'inbound' ? 'canceled' : 'completed',
    )
  }

  private clearTimer(rec: CallRec): void {
    const wait = rec.wait
    if ('timer' in wait) clearTimeout(wait.timer)
  }

  /** The call is over: its final status, with its duration, is the last callback. */
  private async finish(rec: CallRec, status: CallState): Promise<void> {
    if (rec.ended) return
    const wait = rec.wait
    if (wait.kind === 'queued') this.takeFromQueue(rec, wait)
    this.clearTimer(rec)
    rec.ended = true
    rec.epoch++
    rec.wait = { kind: 'none' }
    rec.view.state = status
    rec.view.endedAt = new Date().toISOString()
    delete rec.view.position
    this.note(rec, 'status', status)
    const duration = rec.answeredAt === undefined ? 0 : seconds(rec.answeredAt, Date.now())
    await this.status(rec, status, {
      CallDuration: String(duration),
      Duration: String(Math.ceil(duration / 60)),
    })
    this.prune(this.callRecs, (c) => c.ended)
  }

  private async applicationError(rec: CallRec): Promise<void> {
    if (rec.ended) return
    if (rec.answeredAt === undefined) await this.markAnswered(rec)
    this.note(rec, 'say', APPLICATION_ERROR)
    await this.finish(rec, 'completed')
  }

  private async markAnswered(rec: CallRec): Promise<void> {
    rec.answeredAt = Date.now()
    rec.view.state = 'in-progress'
    this.note(rec, 'status', 'in-progress')
    await this.status(rec, 'in-progress')
  }

  // ---- webhooks ------------------------------------------------------------------------------

  private callParams(rec: CallRec): Record<string, string> {
    const state = rec.view.state
    return {
      AccountSid: this.accountSid,
      ApiVersion: API_VERSION,
      CallSid: rec.view.callId,
      CallStatus: state === 'queued' ? 'in-progress' : state,
      Direction: rec.wireDirection,
      From: rec.view.from,
      To: rec.view.to,
      Caller: rec.view.from,
      Called: rec.view.to,
      ...(rec.parent ? { ParentCallSid: rec.parent.view.callId } : {}),
    }
  }

  private async status(rec: CallRec, status: CallStatus, extra: Record<string, string> = {}): Promise<void> {
    if (!rec.statusUrl) return
    const params = {
      ...this.callParams(rec),
      CallStatus: status,
      SequenceNumber: String(rec.seq++),
      Timestamp: new Date().toUTCString(),
      CallbackSource: 'call-progress-events',
      ...extra,
    }
    const res = await this.post(rec.statusUrl, params)
    if (!res.ok) this.note(rec, 'error', `the status callback (${status}) was answered ${res.status}`)
  }

  /** Posts a webhook and reads the TwiML it answers; a failure is noted and gives undefined. */
  private async fetchDoc(rec: CallRec, url: string, extra: Record<string, string>): Promise<Doc | undefined> {
    const res = await this.post(url, { ...this.callParams(rec), ...extra })
    if (!res.ok) {
      this.note(rec, 'error', `the webhook was answered ${res.status || 'with no response'}`)
      this.log.warn({ callId: rec.view.callId, status: res.status }, 'webhook failed')
      return undefined
    }
    if (!/xml|html/i.test(res.contentType)) {
      this.note(rec, 'error', `the webhook answered ${res.contentType || 'no content type'}, not TwiML`)
      return undefined
    }
    try {
      return { url, verbs: readTwiml(res.body, url) }
    } catch (err) {
      this.note(rec, 'error', `invalid TwiML: ${errorText(err)}`)
      this.log.warn({ callId: rec.view.callId }, 'webhook answered invalid TwiML')
      return undefined
    }
  }

  private async postIgnored(rec: CallRec, url: string, extra: Record<string, string>): Promise<void> {
    const res = await this.post(url, { ...this.callParams(rec), ...extra })
    if (!res.ok) this.note(rec, 'error', `the action was answered ${res.status || 'with no response'}`)
  }

  private async post(
    url: string,
    params: Record<string, string>,
  ): Promise<{ ok: boolean; status: number; contentType: string; body: string }> {
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'TwilioProxy/1.1',
      'i-twilio-idempotency-token': randomUUID(),
      [SIGNATURE_HEADER]: signRequest(this.options.authToken, url, params),
    }
    try {
      const res = await this.transport({ url, params, headers })
      return { ok: res.status >= 200 && res.status < 300, ...res }
    } catch (err) {
      this.log.warn({ err: errorText(err) }, 'webhook not delivered')
      return { ok: false, status: 0, contentType: '', body: '' }
    }
  }

  // ---- recordings ----------------------------------------------------------------------------

  private storeRecording(
    rec: CallRec,
    contentType: string,
    data: Uint8Array,
    meta: { durationSeconds: number; text?: string },
  ): StoredRecording {
    const recording: StoredRecording = { id: sid('RE'), callId: rec.view.callId, contentType, data, ...meta }
    this.recordings.set(recording.id, recording)
    // recordings of calls long gone go with them
    while (this.recordings.size > this.options.maxCalls) {
      const oldest = this.recordings.keys().next().value
      if (oldest === undefined) break
      this.recordings.delete(oldest)
    }
    return recording
  }

  private recordingFields(recording: StoredRecording): Record<string, string> {
    return {
      RecordingSid: recording.id,
      RecordingUrl: `${RECORDING_BASE}/${API_VERSION}/Accounts/${this.accountSid}/Recordings/${recording.id}`,
      RecordingDuration: String(recording.durationSeconds),
    }
  }

  private async recordingStatus(
    rec: CallRec,
    url: string,
    recording: StoredRecording,
    source: 'RecordVerb' | 'DialVerb',
  ): Promise<void> {
    const params = {
      AccountSid: this.accountSid,
      CallSid: rec.view.callId,
      ...this.recordingFields(recording),
      RecordingStatus: 'completed',
      RecordingChannels: source === 'DialVerb' ? '2' : '1',
      RecordingSource: source,
      RecordingStartTime: new Date().toUTCString(),
    }
    const res = await this.post(url, params)
    if (!res.ok) this.note(rec, 'error', `the recording status callback was answered ${res.status}`)
  }

  // ---- bookkeeping -----------------------------------------------------------------------------

  private newCall(init: {
    from: string
    to: string
    wireDirection: CallRec['wireDirection']
    parent?: CallRec
    statusUrl?: string
    answerUrl?: string
    machineDetection?: boolean
    ringMs: number
  }): CallRec {
    const callId = sid('CA')
    const rec: CallRec = {
      view: {
        callId,
        ...(init.parent ? { parentCallId: init.parent.view.callId } : {}),
        from: init.from,
        to: init.to,
        direction: init.wireDirection === 'inbound' ? 'inbound' : 'outbound',
        state: 'ringing',
        startedAt: new Date().toISOString(),
        transcript: [],
      },
      wireDirection: init.wireDirection,
      ...(init.parent ? { parent: init.parent } : {}),
      ...(init.statusUrl ? { statusUrl: init.statusUrl } : {}),
      ...(init.answerUrl ? { answerUrl: init.answerUrl } : {}),
      ...(init.machineDetection ? { machineDetection: true } : {}),
      ringMs: init.ringMs,
      seq: 0,
      startedMs: Date.now(),
      wait: { kind: 'none' },
      epoch: 0,
      ended: false,
      chain: Promise.resolve(),
    }
    this.callRecs.set(callId, rec)
    this.log.info({ callId, direction: rec.wireDirection }, 'simulated call started')
    return rec
  }

  /** Runs `fn` as this call's next step; the caller gets its outcome, the chain goes on regardless. */
  private step<T>(rec: CallRec, fn: () => Promise<T>): Promise<T> {
    const result = rec.chain.then(fn)
    rec.chain = result.then(noop, (err: unknown) => {
      if (!(err instanceof TelephonyError)) {
        this.log.error({ callId: rec.view.callId, err: errorText(err) }, 'simulator step failed')
      }
    })
    this.track(rec.chain)
    return result
  }

  private track(p: Promise<unknown>): void {
    this.inflight.add(p)
    void p.finally(() => this.inflight.delete(p))
  }

  private note(rec: CallRec, kind: TranscriptKind, text: string): void {
    const transcript = rec.view.transcript
    transcript.push({ at: new Date().toISOString(), kind, text })
    if (transcript.length > MAX_TRANSCRIPT) transcript.splice(0, transcript.length - MAX_TRANSCRIPT)
  }

  private get(callId: string): CallRec {
    this.open()
    const rec = this.callRecs.get(callId)
    if (!rec) throw new TelephonyError('not_found', 'The call was not found (error 20404)', false, 404)
    return rec
  }

  private live(rec: CallRec): void {
    if (rec.ended) throw new TelephonyError('invalid_state', 'the call is over', false, 409)
  }

  private open(): void {
    if (this.closed) throw new TelephonyError('closed', 'the simulator is closed', false, 503)
  }

  private url(path: string): string {
    return `${this.options.publicBaseUrl}${path.startsWith('/') ? '' : '/'}${path}`
  }

  /** Keeps at most maxCalls entries, dropping the oldest that `done` says may go. */
  private prune<V>(map: Map<string, V>, done: (v: V) => boolean): void {
    if (map.size <= this.options.maxCalls) return
    for (const [key, value] of map) {
      if (map.size <= this.options.maxCalls) return
      if (done(value)) map.delete(key)
    }
  }
}

function remove<T>(list: T[], item: T): void {
  const at = list.indexOf(item)
  if (at >= 0) list.splice(at, 1)
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err)
}
