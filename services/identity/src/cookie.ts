// The refresh-token cookie: its name, attributes and parsing (one cookie, so no cookie plugin is needed).
import type { IncomingHttpHeaders } from 'node:http'

/** What these helpers read of a request (a Fastify request fits). */
export interface RequestLike {
  headers: IncomingHttpHeaders
  /** 'https' when the client reached us over HTTPS (Fastify: directly or as a trusted proxy says). */
  protocol: string
}

export const REFRESH_COOKIE = 'tj_refresh'
/** The cookie goes only to the auth routes (login, refresh, logout), never to the other APIs or pages. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth'
/** Refresh and logout need it: a cross-site page cannot send a custom header without a CORS preflight. */
export const CSRF_HEADER = 'x-requested-with'
export const CSRF_HEADER_VALUE = 'tingjian'

const TOKEN = /^[A-Za-z0-9_-]{1,200}$/

/** The refresh token in the request's Cookie header, or null (absent, or not shaped like one). */
export function readRefreshCookie(request: RequestLike): string | null {
  const header = request.headers.cookie
  if (typeof header !== 'string') return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== REFRESH_COOKIE) continue
    const value = part.slice(eq + 1).trim()
    return TOKEN.test(value) ? value : null
  }
  return null
}

const attributes = (request: RequestLike, maxAgeS: number) =>
  [
    `Path=${REFRESH_COOKIE_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeS))}`,
    'HttpOnly',
    'SameSite=Strict',
    // Secure when the client reached us over HTTPS (directly, or as a trusted proxy says): a plain-HTTP
    // office LAN still works, a browser never sends an HTTPS session's cookie over HTTP.
    ...(request.protocol === 'https' ? ['Secure'] : []),
  ].join('; ')

export const refreshCookie = (request: RequestLike, token: string, maxAgeS: number): string =>
  `${REFRESH_COOKIE}=${token}; ${attributes(request, maxAgeS)}`

export const clearedRefreshCookie = (request: RequestLike): string =>
  `${REFRESH_COOKIE}=; ${attributes(request, 0)}`

export const hasCsrfHeader = (request: RequestLike): boolean =>
  request.headers[CSRF_HEADER] === CSRF_HEADER_VALUE
