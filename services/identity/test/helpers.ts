// Builds the identity service on adapters of its own for one test, with the demo data seeded.
import type { EventEnvelope } from '@tingjian/contracts'
import { ManualClock } from '@tingjian/kit'
import { type AdapterKind, capturedLogger, testAdapters, testJwt, uniqueName } from '@tingjian/testkit'
import type { Test } from 'tap'
import { buildIdentity } from '../src/app.ts'
import { seed } from '../src/seed.ts'

export const PASSWORD = 'demo-password-42'
/** The header refresh and logout require (written here from the README, not imported from the code). */
export const CSRF = { 'x-requested-with': 'tingjian' }
export const REFRESH_COOKIE = 'tj_refresh'

/** The Set-Cookie header of an answer, as one string (empty when none). */
export function setCookie(res: { headers: Record<string, unknown> }): string {
  const h = res.headers['set-cookie']
  return Array.isArray(h) ? h.join('\n') : typeof h === 'string' ? h : ''
}

/** The refresh token an answer set in the tj_refresh cookie, or undefined. */
export function cookieToken(res: { headers: Record<string, unknown> }): string | undefined {
  const match = /(?:^|\n)tj_refresh=([^;]*)/.exec(setCookie(res))
  return match?.[1] || undefined
}
/** Cheap hashes keep the tests fast; test/domain/passwords.test.ts covers the real cost. */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 }

export async function identity(t: Test, kind: AdapterKind = 'embedded', options: { trustProxy?: true } = {}) {
  const { logger, lines } = capturedLogger('debug')
  const { bus, store } = await testAdapters(t, kind, 'identity', logger)
  const jwt = testJwt()
  // Real time at the start, so that the kit (which verifies with the real clock) accepts the tokens.
  const clock = new ManualClock(new Date())
  const delays: number[] = []
  const app = await buildIdentity({
    logger,
    store,
    bus,
    clock,
    jwt: { ...jwt.config, privateKey: jwt.config.privateKey ?? '' },
    rateLimit: false,
    ...options,
    loginDelay: async (ms) => {
      delays.push(ms)
    },
    relay: { sweepIntervalMs: 100 },
    scrypt: TEST_SCRYPT,
  })
  t.teardown(() => app.close())
  await app.ready() // the outbox relay starts when the app is ready
  const seeded = await seed({ store, clock, scrypt: TEST_SCRYPT }, { password: PASSWORD })

  async function login(username: string, password = PASSWORD, remoteAddress = '10.0.0.1') {
    return app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress,
    })
  }
  /** An access token of a demo user, through the front door. */
  async function tokenOf(username: string): Promise<string> {
    const res = await login(username)
    if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode}`)
    return res.json().accessToken
  }
  const auth = (token: string) => ({ authorization: `Bearer ${token}` })
  /** POST /auth/refresh or /auth/logout as the browser sends it: the cookie and the custom header. */
  const withCookie = (
    path: 'refresh' | 'logout',
    token: string | null,
    headers: Record<string, string> = CSRF,
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/auth/${path}`,
      headers: { ...headers, ...(token !== null ? { cookie: `${REFRESH_COOKIE}=${token}` } : {}) },
    })
  const refresh = (token: string | null, headers?: Record<string, string>) =>
    withCookie('refresh', token, headers)
  const logout = (token: string | null, headers?: Record<string, string>) =>
    withCookie('logout', token, headers)

  /** Collects the events of the identity stream (a consumer group of its own). */
  async function events(): Promise<EventEnvelope[]> {
    const seen: EventEnvelope[] = []
    const sub = await bus.subscribe(
      { group: uniqueName('g'), streams: ['identity'], fromBeginning: true },
      async (e) => {
        seen.push(e)
      },
    )
    t.teardown(() => sub.close())
    await sub.ready()
    return seen
  }

  return {
    app,
    bus,
    store,
    clock,
    jwt,
    lines,
    delays,
    seeded,
    login,
    tokenOf,
    auth,
    refresh,
    logout,
    events,
  }
}
