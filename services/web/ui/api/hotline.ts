// The hotline's API as the pages use it (services/hotline, /api/v1/hotline): the shapes of its answers,
// the live queue (server-sent events read with fetch, since EventSource cannot send the bearer token;
// polling when the stream cannot be had) and audio fetched with the token into a blob URL, so that no
// provider URL ever reaches the browser.
import { API, ApiError, staffApi } from './client.ts'
import { session } from './session.ts'
import type { Role } from './types.ts'

export const HOTLINE = '/hotline'

/** Everyone who works with the hotline's pages. */
export const HOTLINE_ROLES: readonly Role[] = ['hotline_operator', 'dispatcher', 'supervisor', 'admin']
/** Who answers calls and calls back: the operators, and administrators standing in. */
export const OPERATOR_ROLES: readonly Role[] = ['hotline_operator', 'admin']
/** Who may log a call (POST /calls/:id/log). */
export const LOG_ROLES: readonly Role[] = ['hotline_operator', 'dispatcher', 'admin']
/** Who reads the dashboard. */
export const DASHBOARD_ROLES: readonly Role[] = ['supervisor', 'dispatcher', 'admin']

export interface OperatorState {
  userId: string
  available: boolean
  endpoint: string | null
  since: string | null
}

export interface QueueEntry {
  callId: string
  position: number
  callerMasked: string
  waitingSince: string
  waitSeconds: number
}

export interface QueueState {
  waiting: QueueEntry[]
  operatorsAvailable: number
}

export interface CallSummary {
  callId: string
  direction: 'inbound' | 'outbound'
  status: string
  endReason: string | null
  callerMasked: string
  receivedAt: string
  answeredAt?: string | null
  endedAt?: string | null
  waitSeconds?: number | null
  talkSeconds?: number | null
  operatorId?: string | null
  outcome?: LogOutcome | null
  trackingCode?: string | null
}

export const LOG_OUTCOMES = ['answered_on_spot', 'case', 'referred', 'not_a_matter'] as const
export type LogOutcome = (typeof LOG_OUTCOMES)[number]
export const REFERRAL_TARGETS = ['110', '12345', 'other'] as const
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number]
export const NOT_A_MATTER_REASONS = ['silent', 'nuisance', 'wrong_number', 'other'] as const
export type NotAMatterReason = (typeof NOT_A_MATTER_REASONS)[number]
export const URGENCIES = ['normal', 'urgent'] as const
export type Urgency = (typeof URGENCIES)[number]

export interface CallLog {
  outcome: LogOutcome
  operatorId?: string
  loggedAt?: string
  category?: string
  subject?: string
  summary?: string
  urgency?: Urgency
  trackingCode?: string | null
  referral?: { to: ReferralTarget; body?: string; reason: string } | null
  notAMatter?: { reason: NotAMatterReason; note?: string } | null
}

export interface CallCard {
  callId: string
  direction: 'inbound' | 'outbound'
  status: string
  endReason: string | null
  /** In clear for the operator role only; masked for everyone else. */
  caller: string
  callerMasked: string
  receivedAt: string
  answeredAt: string | null
  endedAt: string | null
  waitSeconds: number | null
  talkSeconds: number | null
  operatorId: string | null
  voicemail: { durationSeconds: number; transcript?: string } | null
  recording: { durationSeconds: number } | null
  log: CallLog | null
  callbackId: string | null
  history: { calls: CallSummary[] }
}

export interface LogRequest {
  outcome: LogOutcome
  category?: string
  subject?: string
  summary?: string
  urgency?: Urgency
  name?: string
  anonymous?: boolean
  consentToPublish?: boolean
  answer?: string
  addToTrackingCode?: string
  referral?: { to: ReferralTarget; body?: string; reason: string }
  notAMatter?: { reason: NotAMatterReason; note?: string }
}

export interface LogAnswer {
  callId: string
  outcome: LogOutcome
  trackingCode?: string
  accessKey?: string
}

export const CALLBACK_STATUSES = ['open', 'claimed', 'done', 'unreachable'] as const
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number]
export const ATTEMPT_OUTCOMES = ['answered', 'no_answer', 'busy', 'wrong_number'] as const
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number]

export interface CallbackItem {
  callbackId: string
  callId: string
  reason: 'abandoned' | 'no-answer' | 'voicemail' | 'failed' | 'busy'
  callerMasked: string
  caller?: string
  createdAt: string
  dueAt: string
  overdue: boolean
  status: CallbackStatus
  claimedBy: string | null
  attempts: Array<{
    n: number
    at: string
    outcome: AttemptOutcome
    operatorId: string
    callId?: string | null
  }>
  loggedCallId: string | null
}

export interface HourFigures {
  hour: number
  offered: number
  answered: number
  answeredWithin15s: number
  abandoned: number
}

export interface DayFigures {
  date: string
  offered: number
  answered: number
  answeredWithin15s: number
  abandoned: number
  averageWaitSeconds: number | null
}

export interface Dashboard {
  from: string
  to: string
  offered: number
  answered: number
  answeredWithin15s: number
  answeredWithin15sRate: number | null
  abandoned: number
  abandonedRate: number | null
  averageWaitSeconds: number | null
  p90WaitSeconds: number | null
  missed: number
  calledBack: number
  calledBackRate: number | null
  averageCallbackMinutes: number | null
  targets: { answerWithinSeconds: number; answerRate: number }
  byHour: HourFigures[]
  byDay: DayFigures[]
}

// ---- the test phone (the simulator; absent with a real provider) ----

export interface SimCall {
  callId: string
  from: string
  to: string
  direction: 'inbound' | 'outbound'
  state: 'ringing' | 'queued' | 'in-progress' | 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled'
  position?: number
  startedAt?: string
  endedAt?: string
  transcript: Array<{ at: string; kind: string; text: string }>
}

export interface SimPhone {
  number: string
  calls: SimCall[]
  messages: Array<{ messageId: string; from: string; body: string; at: string; status: string }>
}

// ---- the live queue ----

/** Splits a text/event-stream into events; returns the unfinished rest. */
export function parseEvents(buffer: string, onEvent: (type: string, data: string) => void): string {
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n')
  const rest = blocks.pop() ?? ''
  for (const block of blocks) {
    let type = 'message'
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue // a heartbeat comment
      const colon = line.indexOf(':')
      const field = colon < 0 ? line : line.slice(0, colon)
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
      if (field === 'event') type = value
      else if (field === 'data') data.push(value)
    }
    if (data.length) onEvent(type, data.join('\n'))
  }
  return rest
}

export type QueueFeed = 'connecting' | 'live' | 'polling'

/**
 * Follows the queue: the stream while it lasts, polling GET /queue every `pollMs` while it cannot be had,
 * and a new attempt at the stream after each poll period. Returns the function that stops it.
 */
export function followQueue(
  onState: (q: QueueState) => void,
  onFeed: (f: QueueFeed) => void,
  onError: (err: unknown) => void,
  pollMs = 5_000,
): () => void {
  const ctrl = new AbortController()
  const { signal } = ctrl
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      signal.addEventListener('abort', () => {
        clearTimeout(timer)
        resolve()
      })
    })

  const stream = async (): Promise<void> => {
    const token = await session.freshToken()
    if (!token) throw new ApiError(401, { status: 401, title: 'Unauthorized', code: 'NO_SESSION' })
    const res = await fetch(`${API}${HOTLINE}/queue/stream`, {
      headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    })
    if (!res.ok || !res.body || !res.headers.get('content-type')?.includes('text/event-stream')) {
      await res.body?.cancel()
      throw new ApiError(res.status, { status: res.status, title: res.statusText })
    }
    onFeed('live')
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer = parseEvents(buffer + value, (type, data) => {
        if (type !== 'queue') return
        try {
          onState(JSON.parse(data) as QueueState)
        } catch {
          // a broken event: the next one replaces it
        }
      })
    }
  }

  const poll = async () => {
    try {
      onState(await staffApi<QueueState>(`${HOTLINE}/queue`, { signal }))
    } catch (err) {
      if (!signal.aborted) onError(err)
    }
  }

  void (async () => {
    onFeed('connecting')
    while (!signal.aborted) {
      try {
        await stream()
      } catch (err) {
        if (signal.aborted) return
        // a refused token ends the session elsewhere; anything else: poll, then try the stream again
        if (err instanceof ApiError && err.status === 403) {
          onError(err)
          return
        }
      }
      if (signal.aborted) return
      onFeed('polling')
      await poll()
      await sleep(pollMs)
    }
  })()
  return () => ctrl.abort()
}

// ---- audio ----

/** Fetches a call's voicemail or recording with the token; a blob URL for an <audio>, null when none. */
export async function fetchAudio(
  callId: string,
  which: 'voicemail' | 'recording',
  signal?: AbortSignal,
): Promise<string | null> {
  const token = await session.freshToken()
  if (!token) throw new ApiError(401, { status: 401, title: 'Unauthorized', code: 'NO_SESSION' })
  const res = await fetch(`${API}${HOTLINE}/calls/${encodeURIComponent(callId)}/${which}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'audio/*' },
    credentials: 'same-origin',
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  })
  if (res.status === 404) return null
  if (!res.ok) throw new ApiError(res.status, { status: res.status, title: res.statusText })
  return URL.createObjectURL(await res.blob())
}

/** Reads a file as base64 (no data: prefix), for the test phone's uploaded voicemail. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}
