// The telephony port: what the services need from a telephony provider, in the platform's own words.
// Two adapters implement it — Twilio (`@tingjian/telephony/twilio`) and a simulator that plays the
// provider on one machine (`@tingjian/telephony/simulator`). A domestic carrier's adapter must be able to
// replace Twilio (China allows Twilio no two-way SMS, no links in SMS, restricted survey traffic), so no
// provider name or wire field (CallSid, TwiML, …) appears here or in the services.

// ---- call instructions -------------------------------------------------------------------------

export type Language = 'zh-CN' | 'en-US'

/** The moments of a dialled leg that its status URL can be told of. */
export const DIAL_LEG_EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const
export type DialLegEvent = (typeof DIAL_LEG_EVENTS)[number]

/**
 * Status callbacks of the leg a dial rings, so that a service knows when the other party picks up (not
 * only, from the dial's action, that they did once the dial is over). Each is a call webhook of the leg:
 * its own `callId`, the dialling call as `parentCallId`, `direction` outbound, and `status` initiated,
 * ringing, in-progress (answered) or the final status (completed). A provider that cannot send them
 * sends none: the dial's action stays the only certain report.
 */
export interface DialLegStatus {
  /** Absolute, signed like every webhook; its answer is ignored. */
  statusUrl?: string
  /** Which moments are posted; default all of DIAL_LEG_EVENTS. */
  statusEvents?: readonly DialLegEvent[]
}

/** Where a dial rings: a phone number (E.164), an operator's soft phone, or the front of a queue. */
export type DialTarget =
  | ({ kind: 'number'; number: string } & DialLegStatus)
  | ({ kind: 'client'; identity: string } & DialLegStatus)
  | { kind: 'queue'; queue: string }

/**
 * One instruction of a call script. URLs are absolute (`PUBLIC_BASE_URL` + path): the provider calls them,
 * signed, and follows the script they answer. Durations in seconds.
 */
export type Verb =
  | { verb: 'say'; text: string; language?: Language; loop?: number }
  | { verb: 'play'; url: string; loop?: number }
  | { verb: 'pause'; seconds: number }
  /**
   * Put the caller in a named queue. `waitUrl` answers a script played while waiting (the provider posts
   * the caller's position with it); `action` is called when the caller leaves the queue (answered,
   * hung up, redirected).
   */
  | { verb: 'enqueue'; queue: string; waitUrl: string; action?: string }
  /**
   * Connect the call to a target; `action` gets the outcome (answered, busy, no answer, failed) when the
   * dial is over; the target's `statusUrl` hears the dialled leg's progress while it lasts.
   */
  | {
      verb: 'dial'
      target: DialTarget
      callerId?: string
      timeoutSeconds?: number
      action?: string
      /** Record both legs; the recording is reported to `recordingStatusUrl`. */
      record?: boolean
      recordingStatusUrl?: string
    }
  /** Record the caller (a voicemail); `action` gets the recording when done. */
  | {
      verb: 'record'
      maxLengthSeconds: number
      action: string
      recordingStatusUrl?: string
      playBeep?: boolean
      finishOnKey?: string
      timeoutSeconds?: number
    }
  /** Collect keypad digits, optionally while prompting; `action` gets them. */
  | {
      verb: 'gather'
      action: string
      numDigits?: number
      timeoutSeconds?: number
      finishOnKey?: string
      prompt?: Array<Extract<Verb, { verb: 'say' | 'play' | 'pause' }>>
    }
  | { verb: 'redirect'; url: string }
  /** Leave the queue the call waits in (from a wait script): the enqueue's `action` follows. */
  | { verb: 'leave' }
  | { verb: 'hangup' }

export type Script = readonly Verb[]

// ---- webhooks ------------------------------------------------------------------------------------

/** A webhook as the service received it, with the exact URL the provider called (see `publicUrl`). */
export interface WebhookRequest {
  /** The full URL the provider called: the public base URL, the path and the query string, unchanged. */
  url: string
  /** The form parameters of the POST body (urlencoded), as received. */
  params: Readonly<Record<string, string>>
  /** The request headers (lower-case names). */
  headers: Readonly<Record<string, string | string[] | undefined>>
}

export const CALL_STATUSES = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const
export type CallStatus = (typeof CALL_STATUSES)[number]

/** Statuses after which a call never changes again. */
export const FINAL_CALL_STATUSES: readonly CallStatus[] = [
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
]

/** What a voice webhook says about the call, whatever the provider's field names. */
export interface CallWebhook {
  /** The provider's id of the call (leg). */
  callId: string
  /** For a leg created by a dial: the id of the call that dialled it. */
  parentCallId?: string
  direction: 'inbound' | 'outbound'
  /** E.164 or the provider's caller-id string ("anonymous" when withheld). Personal data. */
  from: string
  to: string
  status: CallStatus
  /** Seconds the call lasted (on the final status). */
  durationSeconds?: number
  /** A monotonically increasing counter of this call's status callbacks, when the provider sends one. */
  sequenceNumber?: number
  /** Digits from a gather. */
  digits?: string
  /** Queue webhooks: the position (1 = next) and seconds waited so far. */
  queuePosition?: number
  queueSeconds?: number
  /** The enqueue action: why the caller left the queue. */
  queueResult?: 'bridged' | 'hangup' | 'redirected' | 'leave' | 'error' | 'system-error' | 'queue-full'
  /** The dial action: how the dialled leg ended. */
  dialStatus?: 'completed' | 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled'
  dialCallId?: string
  dialDurationSeconds?: number
  /** A recording (record action, recording status callback). */
  recording?: {
    id: string
    durationSeconds: number
    status?: 'in-progress' | 'completed' | 'absent' | 'failed'
  }
  /** Answering-machine detection on an outbound call. */
  answeredBy?: 'human' | 'machine' | 'fax' | 'unknown'
}

export const SMS_STATUSES = [
  'accepted',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
] as const
export type SmsStatus = (typeof SMS_STATUSES)[number]

export interface SmsStatusWebhook {
  messageId: string
  status: SmsStatus
  /** The provider's error code on undelivered/failed (no personal data). */
  errorCode?: string
}

// ---- the channels ------------------------------------------------------------------------------

export interface PlaceCallRequest {
  /** E.164 number or `client:<identity>` of the party to ring. Personal data. */
  to: string
  /** The caller id shown (one of the line's numbers). */
  from: string
  /** Called when the party answers; answers the script of the call. */
  answerUrl: string
  /** Called on each status change (initiated, ringing, in-progress, completed…). */
  statusUrl: string
  timeoutSeconds?: number
  /** Answering-machine detection: the answer webhook carries `answeredBy`. */
  machineDetection?: boolean
}

export interface Recording {
  contentType: string
  /** The audio, streamed from the provider. */
  body: AsyncIterable<Uint8Array>
  /** Bytes, when the provider says. */
  length?: number
}

export interface VoiceChannel {
  /** The content type of a rendered script (`text/xml` for TwiML). */
  readonly contentType: string
  /** A script in the provider's format, to answer a webhook with. */
  render(script: Script): string
  /** Whether a webhook carries the provider's valid signature for exactly this URL and these parameters. */
  verify(request: WebhookRequest): boolean
  /** A verified webhook's parameters in the platform's terms; throws TelephonyError('invalid_webhook'). */
  parseCall(params: Readonly<Record<string, string>>): CallWebhook
  placeCall(request: PlaceCallRequest): Promise<{ callId: string }>
  /** Make a live call (e.g. one waiting in a queue) fetch and follow the script at `url`. */
  redirectCall(callId: string, url: string): Promise<void>
  hangupCall(callId: string): Promise<void>
  fetchRecording(recordingId: string): Promise<Recording>
  deleteRecording(recordingId: string): Promise<void>
}

export interface SendSmsRequest {
  /** E.164. Personal data. */
  to: string
  from: string
  /** At most 500 characters; no links unless the deployment allows them (China's carriers do not). */
  body: string
  /** Delivery status callbacks. */
  statusUrl?: string
}

export interface SmsChannel {
  send(request: SendSmsRequest): Promise<{ messageId: string; status: SmsStatus }>
  verify(request: WebhookRequest): boolean
  parseStatus(params: Readonly<Record<string, string>>): SmsStatusWebhook
}

export interface Telephony {
  /** `twilio`, `simulator`, …: for logs and readiness, never for branching in a service. */
  readonly provider: string
  readonly voice: VoiceChannel
  readonly sms: SmsChannel
  close(): Promise<void>
}

/**
 * A provider call that failed. `message` and `code` never hold personal data (provider texts often quote
 * the number); `transient` says whether trying again may help; `status` is the provider's HTTP status.
 */
export class TelephonyError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly transient: boolean,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'TelephonyError'
  }
}

/** The exact URL a provider called, rebuilt behind a gateway: the public base and the path with its query. */
export function publicUrl(base: string, pathAndQuery: string): string {
  return `${base.replace(/\/+$/, '')}${pathAndQuery.startsWith('/') ? '' : '/'}${pathAndQuery}`
}
