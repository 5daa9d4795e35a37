// fetch against the one origin (/api/v1): JSON in and out, RFC 9457 problems turned into ApiError, and for
// staff calls the bearer token, refreshed before it expires or once after a 401.
import { session } from './session.ts'
import type { Problem } from './types.ts'

export const API = '/api/v1'

export class ApiError extends Error {
  /** 0 when the server could not be reached. */
  readonly status: number
  readonly problem: Problem
  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
  /** The slug of the problem type: `/problems/stale-version` → `stale-version`. */
  get kind(): string {
    return (this.problem.type ?? '').replace(/^.*\/problems\//, '')
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  /** A body sent as it is (an upload's FormData, a CSV's text), with its type in `headers` when not FormData. */
  raw?: BodyInit
  headers?: Record<string, string>
  query?: Record<string, string | number | boolean | undefined | null>
  signal?: AbortSignal
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    params.set(k, String(v))
  }
  const s = params.toString()
  return s ? `${path}?${s}` : path
}

async function send(path: string, options: RequestOptions, token?: string): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' }
  if (options.body !== undefined && options.raw === undefined) headers['content-type'] = 'application/json'
  if (token) headers.authorization = `Bearer ${token}`
  Object.assign(headers, options.headers)
  try {
    return await fetch(`${API}${withQuery(path, options.query)}`, {
      method: options.method ?? 'GET',
      headers,
      ...(options.raw !== undefined
        ? { body: options.raw }
        : options.body !== undefined
          ? { body: JSON.stringify(options.body) }
          : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      credentials: 'same-origin',
      cache: 'no-store',
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(0, { title: 'network', code: 'NETWORK' })
  }
}

async function read<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let data: unknown = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }
  if (!res.ok) {
    const problem: Problem =
      data && typeof data === 'object' ? (data as Problem) : { status: res.status, title: res.statusText }
    throw new ApiError(res.status, { status: res.status, ...problem })
  }
  return data as T
}

/** A call that needs no account (citizens' routes, login). */
export async function publicApi<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return read<T>(await send(path, options))
}

/** A staff call's response: bearer token, refreshed when about to expire, retried once after a 401. */
async function staffResponse(path: string, options: RequestOptions): Promise<Response> {
  const token = await session.freshToken()
  if (!token) throw new ApiError(401, { status: 401, title: 'Unauthorized', code: 'NO_SESSION' })
  const res = await send(path, options, token)
  if (res.status !== 401) return res
  const renewed = await session.refresh()
  if (!renewed) throw new ApiError(401, { status: 401, title: 'Unauthorized', code: 'SESSION_EXPIRED' })
  return send(path, options, renewed)
}

/** A staff call: JSON (or `raw`, an upload) in, JSON out. */
export async function staffApi<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return read<T>(await staffResponse(path, options))
}

/** A staff file (an attachment, a CSV export) fetched with the token and handed to the browser as a download. */
export async function staffDownload(path: string, filename: string): Promise<void> {
  const res = await staffResponse(path, { headers: { accept: '*/*' } })
  if (!res.ok) await read(res)
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A UUID v4 for Idempotency-Key; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
