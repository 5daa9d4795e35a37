// What the simulator's modules share: the options, the webhook poster, the calls, queues, recordings and
// messages it keeps, and the bookkeeping of calls — each call's changes run as steps on its own promise
// chain, so its webhooks never overlap, and `idle()` waits for every step and webhook in flight.
import { TelephonyError } from '../port.ts'
import { type CallRec, type NewCall, newCallRec } from './call.ts'
import { errorText, noop, prune, sid } from './common.ts'
import type { PhoneBehaviour } from './phones.ts'
import type { Queue } from './queues.ts'
import { RecordingStore } from './recordings.ts'
import { SmsOffice } from './sms.ts'
import { httpTransport, WebhookPoster, type WebhookTransport } from './webhooks.ts'

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

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'autoAnswer' | 'logger' | 'transport'>> &
  Pick<SimulatorOptions, 'autoAnswer'>

const silent: SimulatorLogger = { info: noop, warn: noop, error: noop }

export class Engine {
  readonly accountSid = sid('AC')
  readonly options: ResolvedOptions
  readonly log: SimulatorLogger
  readonly poster: WebhookPoster
  readonly calls = new Map<string, CallRec>()
  readonly queues = new Map<string, Queue>()
  readonly recordings: RecordingStore
  readonly sms: SmsOffice
  /** Numbers a test phone watches: calls to them ring until answered. */
  readonly watched = new Set<string>()
  /** Programmed phones by number: how they take the calls placed to them. */
  readonly phones = new Map<string, PhoneBehaviour>()
  private readonly inflight = new Set<Promise<unknown>>()
  closed = false

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
    this.log = options.logger ?? silent
    this.poster = new WebhookPoster(options.authToken, options.transport ?? httpTransport, this.log)
    this.recordings = new RecordingStore(this.accountSid, this.options.maxCalls)
    this.sms = new SmsOffice(this)
  }

  newCall(init: Omit<NewCall, 'callId'>): CallRec {
    const rec = newCallRec({ ...init, callId: sid('CA') })
    this.calls.set(rec.view.callId, rec)
    this.log.info({ callId: rec.view.callId, direction: rec.wireDirection }, 'simulated call started')
    return rec
  }

  /** Runs `fn` as this call's next step; the caller gets its outcome, the chain goes on regardless. */
  step<T>(rec: CallRec, fn: () => Promise<T>): Promise<T> {
    const result = rec.chain.then(fn)
    rec.chain = result.then(noop, (err: unknown) => {
      if (!(err instanceof TelephonyError)) {
        this.log.error({ callId: rec.view.callId, err: errorText(err) }, 'simulator step failed')
      }
    })
    this.track(rec.chain)
    return result
  }

  track(p: Promise<unknown>): void {
    this.inflight.add(p)
    void p.finally(() => this.inflight.delete(p))
  }

  /** Resolves when no webhook or step is in flight (timers still pending do not count). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight])
  }

  get(callId: string): CallRec {
    this.open()
    const rec = this.calls.get(callId)
    if (!rec) throw new TelephonyError('not_found', 'The call was not found (error 20404)', false, 404)
    return rec
  }

  live(rec: CallRec): void {
    if (rec.ended) throw new TelephonyError('invalid_state', 'the call is over', false, 409)
  }

  open(): void {
    if (this.closed) throw new TelephonyError('closed', 'the simulator is closed', false, 503)
  }

  url(path: string): string {
    return `${this.options.publicBaseUrl}${path.startsWith('/') ? '' : '/'}${path}`
  }

  /** Drops the oldest finished calls beyond maxCalls. */
  pruneCalls(): void {
    prune(this.calls, this.options.maxCalls, (c) => c.ended)
  }
}
