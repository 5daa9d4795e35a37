// The hotline's API as the pages use it (services/hotline, /api/v1/hotline): the shapes of its answers,
// the live queue (server-sent events read with fetch, since EventSource cannot send the bearer token;
// polling when the stream cannot be had) and audio fetched with the token into a blob URL, so that no
// provider URL ever reaches the browser.
import { API, ApiError, staffApi } from './client.ts'
import type { paths as HotlineApi } from './generated/hotline.ts'
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

type Hotline = HotlineApi
/** The JSON body of a request or an answer. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
/** The JSON answer of an operation with this status. */
type Answer<Op, Status extends number = 200> = Op extends { responses: infer R }
  ? Status extends keyof R
    ? Json<R[Status]>
    : never
  : never
/** The JSON body an operation takes. */
type RequestBody<Op> = Op extends { requestBody?: infer B } ? Json<NonNullable<B>> : never
/** Fails the type check unless the two lists of values are the same. */
type Same<A, B> = [Exclude<A, B> | Exclude<B, A>] extends [never] ? true : false
const same = <T extends true>(_: T) => _

export type OperatorState = Answer<Hotline['/api/v1/hotline/operators/me']['get']>
export type QueueState = Answer<Hotline['/api/v1/hotline/queue']['get']>
export type QueueEntry = QueueState['waiting'][number]
export type CallCard = Answer<Hotline['/api/v1/hotline/calls/{callId}']['get']>
export type CallSummary = CallCard['history']['calls'][number]
export type CallLog = NonNullable<CallCard['log']>
export type LogRequest = RequestBody<Hotline['/api/v1/hotline/calls/{callId}/log']['post']>
export type LogAnswer = Answer<Hotline['/api/v1/hotline/calls/{callId}/log']['post'], 201>
export type CallbackItem = Answer<Hotline['/api/v1/hotline/callbacks']['get']>['items'][number]
export type Dashboard = Answer<Hotline['/api/v1/hotline/dashboard']['get']>
export type SimCall = Answer<Hotline['/api/v1/hotline/simulator/calls/{callId}']['get']>
export type SimPhone = Answer<Hotline['/api/v1/hotline/simulator/phones/{number}']['get']>

// ---- the values the pages list, checked against the API ----

export const LOG_OUTCOMES = ['answered_on_spot', 'case', 'referred', 'not_a_matter'] as const
export type LogOutcome = (typeof LOG_OUTCOMES)[number]
same<Same<LogOutcome, LogRequest['outcome']>>(true)
export const REFERRAL_TARGETS = ['110', '12345', 'other'] as const
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number]
same<Same<ReferralTarget, NonNullable<LogRequest['referral']>['to']>>(true)
export const NOT_A_MATTER_REASONS = ['silent', 'nuisance', 'wrong_number', 'other'] as const
export type NotAMatterReason = (typeof NOT_A_MATTER_REASONS)[number]
same<Same<NotAMatterReason, NonNullable<LogRequest['notAMatter']>['reason']>>(true)
export const URGENCIES = ['normal', 'urgent'] as const
export type Urgency = (typeof URGENCIES)[number]
same<Same<Urgency, NonNullable<LogRequest['urgency']>>>(true)
export const CALLBACK_STATUSES = ['open', 'claimed', 'done', 'unreachable'] as const
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number]
same<Same<CallbackStatus, CallbackItem['status']>>(true)
export const ATTEMPT_OUTCOMES = ['answered', 'no_answer', 'busy', 'wrong_number'] as const
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number]
same<Same<AttemptOutcome, CallbackItem['attempts'][number]['outcome']>>(true)

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
