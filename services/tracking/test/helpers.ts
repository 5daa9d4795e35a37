// A tracking app of its own for one test, with tokens per role and a way to send in a letter.
import { createHash, randomBytes } from 'node:crypto'
import { MailboxEvents } from '@tingjian/contracts'
import { type Logger, ManualClock, type Role } from '@tingjian/kit'
import type { DocumentStore } from '@tingjian/store'
import { type AdapterKind, capturedLogger, eventually, testAdapters, testJwt } from '@tingjian/testkit'
import type { Test } from 'tap'
import { buildTracking, type TrackingApp, type TrackingDeps } from '../src/app.ts'
import { caseIdFor } from '../src/domain/intake.ts'
import { letter, MONDAY, PII_KEY } from './fixtures.ts'

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const trackingCode = () => Array.from(randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join('')

export interface Harness extends TrackingApp {
  clock: ManualClock
  store: DocumentStore
  bus: Awaited<ReturnType<typeof testAdapters>>['bus']
  lines: string[]
  token(role: Role, departmentId?: string | null, sub?: string): string
  /** Publishes a letter and waits for its case; returns the case id, the tracking code and the access key. */
  submit(overrides?: Parameters<typeof letter>[0]): Promise<{ id: string; code: string; key: string }>
  /** Rebuilds the app on the same bus and store (a restart). */
  restart(): Promise<TrackingApp>
}

export interface HarnessOptions {
  /** A calendar of the test's own (regional holidays); default the national one. */
  calendar?: TrackingDeps['calendar']
  /** Default 1000, so that tests are not limited. */
  publicRateLimitPerMinute?: number
}

export async function harness(
  t: Test,
  kind: AdapterKind = 'embedded',
  options: HarnessOptions = {},
): Promise<Harness> {
  const { logger, lines } = capturedLogger('debug')
  const { bus, store } = await testAdapters(t, kind, 'tracking', logger as Logger)
  const jwt = testJwt()
  const clock = new ManualClock(MONDAY)
  const build = async () => {
    const built = await buildTracking({
      bus,
      store,
      logger,
      jwt: jwt.config,
      piiKey: PII_KEY,
      clock,
      calendar: options.calendar,
      rateLimit: { max: 10_000 },
      publicRateLimitPerMinute: options.publicRateLimitPerMinute ?? 1000,
      relaySweepIntervalMs: 200,
    })
    t.teardown(() => built.app.close())
    await built.app.ready()
    return built
  }
  const built = await build()
  return {
    ...built,
    clock,
    store,
    bus,
    lines,
    token: (role, departmentId = null, sub = `u-${role}-${departmentId ?? 'all'}`) =>
      jwt.token({ sub, roles: [role], departmentId }),
    async submit(overrides = {}) {
      const key = randomBytes(16).toString('base64url')
      const code = trackingCode()
      const data = letter({
        trackingCode: code,
        accessKeyHash: `sha256:${createHash('sha256').update(key).digest('hex')}`,
        submittedAt: clock.now().toISOString(),
        ...overrides,
      })
      await bus.publish(MailboxEvents.letterSubmitted.create({ subject: data.letterId, data }))
      const id = caseIdFor('mailbox', data.letterId)
      await eventually(async () => (await built.cases.get(id)) !== null)
      return { id, code, key }
    },
    restart: build,
  }
}
