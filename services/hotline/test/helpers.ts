// Builds the hotline on adapters of its own, driven by the telephony simulator whose webhooks go
// through app.inject (the form body and headers the simulator signed).
import { randomBytes } from 'node:crypto'
import { deleteTestNamespace } from '@tingjian/bus-kafka/testing'
import type { EventEnvelope } from '@tingjian/contracts'
import { FieldCipher, generateFieldKeys, ManualClock, type Role } from '@tingjian/kit'
import { injectTransport, TelephonySimulator } from '@tingjian/telephony/simulator'
import { SIGNATURE_HEADER, signRequest } from '@tingjian/telephony/wire'
import { type AdapterKind, capturedLogger, KAFKA_BROKERS, testAdapters, testJwt } from '@tingjian/testkit'
import type { Test } from 'tap'
import { buildHotline, type HotlineDeps } from '../src/app.ts'
import { callIdOf } from '../src/domain/call.ts'

export const LINE = '+861012345678'
export const BASE = 'http://hotline.test'
/** Monday 2 March 2026, 10:00 in Shanghai. */
export const MONDAY_10 = '2026-03-02T02:00:00.000Z'

export const testCipher = () => FieldCipher.fromConfig(generateFieldKeys('test1'))

export const callerNumber = () => `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`

export async function hotline(
  t: Test,
  kind: AdapterKind = 'embedded',
  extra: Partial<HotlineDeps> & { start?: string } = {},
) {
  const { logger, lines } = capturedLogger()
  const { bus, store, namespace } = await testAdapters(t, kind, 'hotline', logger)
  if (kind === 'distributed') t.teardown(() => deleteTestNamespace(KAFKA_BROKERS.split(','), namespace))
  const clock = new ManualClock(extra.start ?? MONDAY_10)
  const cipher = testCipher()
  const jwt = testJwt()
  const authToken = randomBytes(32).toString('hex')
  const simulatorToken = randomBytes(32).toString('hex')
  const simulator = new TelephonySimulator({
    authToken,
    publicBaseUrl: BASE,
    lineNumber: LINE,
    waitRepeatMs: 3_600_000,
  })
  const app = await buildHotline({
    logger,
    bus,
    store,
    clock,
    cipher,
    jwt: jwt.config,
    telephony: simulator.telephony,
    publicBaseUrl: BASE,
    lineNumber: LINE,
    simulator,
    simulatorToken,
    group: `${namespace}-hotline`,
    webhooksPerMinute: 1_000_000,
    rateLimitPerMinute: 1_000_000,
    recordingSweepIntervalMs: 0,
    ...extra,
  })
  t.teardown(() => app.close())
  simulator.setTransport(injectTransport(() => app))
  // teardowns run last-registered first: the simulator stops before the app closes
  t.teardown(() => simulator.close())
  await app.ready()
  const events: EventEnvelope[] = []
  const sub = await bus.subscribe({ group: `${namespace}-events`, streams: ['hotline'] }, async (e) => {
    events.push(e)
  })
  await sub.ready()
  t.teardown(() => sub.close())

  const token = (sub: string, roles: Role[]) => jwt.token({ sub, roles })
  const as = (sub: string, roles: Role[]) => ({ authorization: `Bearer ${token(sub, roles)}` })
  const operator = async (id: string, endpoint = `client:${id}`) => {
    const headers = as(id, ['hotline_operator'])
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/hotline/operators/me',
      headers,
      payload: { available: true, endpoint },
    })
    if (res.statusCode !== 200) throw new Error(`operator ${id}: ${res.statusCode} ${res.body}`)
    return headers
  }
  /** A call from `from`, a second after the previous one; resolves with the provider's call id and the hotline's call id. */
  const dial = async (from = callerNumber()) => {
    // a second between callers: the queue orders by arrival (callers of the same millisecond by call id)
    clock.advance(1000)
    const providerCallId = await simulator.dial(from)
    return { providerCallId, callId: callIdOf(providerCallId), from }
  }
  return {
    app,
    bus,
    store,
    clock,
    cipher,
    jwt,
    simulator,
    events,
    lines,
    token,
    as,
    operator,
    dial,
    namespace,
    authToken,
  }
}

/** Waits for the relay to have published events matching `match` (at least `n`). */
export async function published(events: EventEnvelope[], match: (e: EventEnvelope) => boolean, n = 1) {
  const deadline = Date.now() + 20_000
  for (;;) {
    const found = events.filter(match)
    if (found.length >= n) return found
    if (Date.now() > deadline) throw new Error(`expected ${n} events, got ${found.length}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The headers of a webhook signed as the provider signs it (the telephony wire module's one implementation). */
export function signedHeaders(authToken: string, url: string, params: Record<string, string>) {
  return {
    'content-type': 'application/x-www-form-urlencoded',
    [SIGNATURE_HEADER]: signRequest(authToken, url, params),
  }
}
