// The simulator's webhook poster: every request it makes to the service is a signed urlencoded POST, as
// Twilio sends it, through a swappable transport (HTTP by default; app.inject in tests). And the call
// webhooks built on it: a call's parameters, its status callbacks, a script fetched, an action posted.
import { randomUUID } from 'node:crypto'
import type { CallStatus } from '../port.ts'
import { SIGNATURE_HEADER, signRequest } from '../wire/index.ts'
import { type CallRec, type Doc, note } from './call.ts'
import { API_VERSION, errorText } from './common.ts'
import type { Engine, SimulatorLogger } from './engine.ts'
import { type LegEvent, readTwiml } from './twiml-reader.ts'

export type WebhookTransport = (request: {
  url: string
  params: Record<string, string>
  headers: Record<string, string>
}) => Promise<{ status: number; contentType: string; body: string }>

export interface PostResult {
  ok: boolean
  status: number
  contentType: string
  body: string
}

/** Twilio's webhook timeout. */
const WEBHOOK_TIMEOUT_MS = 15_000

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

/** An app that takes requests in process (a Fastify app's `inject`), for `injectTransport`. */
export interface Injectable {
  inject(request: {
    method: 'POST'
    url: string
    headers: Record<string, string>
    payload: string
  }): Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>
}

/**
 * Webhooks handed to an app in this process instead of over HTTP (the single-process platform, tests): the
 * app that owns the URL's path, given by `appFor`; the URL they were signed for stays the public one.
 */
export function injectTransport(appFor: (path: string) => Injectable | undefined): WebhookTransport {
  return async ({ url, params, headers }) => {
    const u = new URL(url)
    const app = appFor(u.pathname)
    if (!app) return { status: 404, contentType: 'text/plain', body: 'no app owns this path' }
    const res = await app.inject({
      method: 'POST',
      url: `${u.pathname}${u.search}`,
      headers,
      payload: new URLSearchParams(params).toString(),
    })
    return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body }
  }
}

export class WebhookPoster {
  constructor(
    private readonly authToken: string,
    private transport: WebhookTransport,
    private readonly log: SimulatorLogger,
  ) {}

  setTransport(transport: WebhookTransport): void {
    this.transport = transport
  }

  /** Posts signed; a failure to deliver is `ok: false` with status 0, never a throw. */
  async post(url: string, params: Record<string, string>): Promise<PostResult> {
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'TwilioProxy/1.1',
      'i-twilio-idempotency-token': randomUUID(),
      [SIGNATURE_HEADER]: signRequest(this.authToken, url, params),
    }
    try {
      const res = await this.transport({ url, params, headers })
      return { ok: res.status >= 200 && res.status < 300, ...res }
    } catch (err) {
      this.log.warn({ err: errorText(err) }, 'webhook not delivered')
      return { ok: false, status: 0, contentType: '', body: '' }
    }
  }
}

// ---- call webhooks ---------------------------------------------------------------------------------

export function callParams(sim: Engine, rec: CallRec): Record<string, string> {
  const state = rec.view.state
  return {
    AccountSid: sim.accountSid,
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

/** The statusCallbackEvent moment a status belongs to. */
function momentOf(status: CallStatus): LegEvent | undefined {
  if (status === 'initiated' || status === 'ringing') return status
  if (status === 'in-progress') return 'answered'
  if (status === 'queued') return undefined
  return 'completed'
}

/**
 * A status callback of the call, numbered in order; none when the call has no status URL, or when its
 * status URL was not asked for this moment (a dialled leg's statusCallbackEvent).
 */
export async function postStatus(
  sim: Engine,
  rec: CallRec,
  status: CallStatus,
  extra: Record<string, string> = {},
): Promise<void> {
  if (!rec.statusUrl) return
  if (rec.statusEvents) {
    const moment = momentOf(status)
    if (!moment || !rec.statusEvents.has(moment)) return
  }
  const params = {
    ...callParams(sim, rec),
    CallStatus: status,
    SequenceNumber: String(rec.seq++),
    Timestamp: new Date().toUTCString(),
    CallbackSource: 'call-progress-events',
    ...extra,
  }
  const res = await sim.poster.post(rec.statusUrl, params)
  if (!res.ok) note(rec, 'error', `the status callback (${status}) was answered ${res.status}`)
}

/** Posts a webhook and reads the TwiML it answers; a failure is noted and gives undefined. */
export async function fetchDoc(
  sim: Engine,
  rec: CallRec,
  url: string,
  extra: Record<string, string>,
): Promise<Doc | undefined> {
  const res = await sim.poster.post(url, { ...callParams(sim, rec), ...extra })
  if (!res.ok) {
    note(rec, 'error', `the webhook was answered ${res.status || 'with no response'}`)
    sim.log.warn({ callId: rec.view.callId, status: res.status }, 'webhook failed')
    return undefined
  }
  if (!/xml|html/i.test(res.contentType)) {
    note(rec, 'error', `the webhook answered ${res.contentType || 'no content type'}, not TwiML`)
    return undefined
  }
  try {
    return { url, verbs: readTwiml(res.body, url) }
  } catch (err) {
    note(rec, 'error', `invalid TwiML: ${errorText(err)}`)
    sim.log.warn({ callId: rec.view.callId }, 'webhook answered invalid TwiML')
    return undefined
  }
}

/** Posts an action whose answer the call no longer follows (it is over, or left where the action was). */
export async function postIgnored(
  sim: Engine,
  rec: CallRec,
  url: string,
  extra: Record<string, string>,
): Promise<void> {
  const res = await sim.poster.post(url, { ...callParams(sim, rec), ...extra })
  if (!res.ok) note(rec, 'error', `the action was answered ${res.status || 'with no response'}`)
}
