// A tracking app of its own for one test, with tokens per role, the departments identity announced, and a
// way to send in a letter.
import { createHash, randomBytes } from 'node:crypto'
import { type EventEnvelope, IdentityEvents, MailboxEvents } from '@tingjian/contracts'
import {
  type App,
  FieldCipher,
  generateFieldKeys,
  type Logger,
  ManualClock,
  REVOCATIONS_COLLECTION,
  type RevocationDoc,
  type Role,
} from '@tingjian/kit'
import type { Collection, DocumentStore } from '@tingjian/store'
import { type AdapterKind, capturedLogger, eventually, testAdapters, testJwt } from '@tingjian/testkit'
import type { Test } from 'tap'
import { buildTracking } from '../src/app.ts'
import { CASES_COLLECTION, type Cases } from '../src/case-store.ts'
import {
  DEPARTMENTS_COLLECTION,
  type DepartmentDoc,
  type Departments,
  STAFF_COLLECTION,
  type Staff,
  type StaffDoc,
} from '../src/departments.ts'
import type { CaseDoc } from '../src/domain/case.ts'
import { caseIdFor } from '../src/domain/intake.ts'
import { EscalationScheduler } from '../src/scheduler.ts'
import { PublishedCalendar } from '../src/working-days.ts'
import { letter, MONDAY, PII_KEY } from './fixtures.ts'

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const trackingCode = () => Array.from(randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join('')

/** The departments identity announces to every test app: [id, code, name] (here the id is the code). */
export const DEPARTMENTS: ReadonlyArray<[string, string, string]> = [
  ['exit-entry', 'exit-entry', '出入境管理局'],
  ['traffic', 'traffic', '交通管理局'],
]

export const departmentChanged = (id: string, code: string, name: string, at: Date, active = true) =>
  IdentityEvents.departmentChanged.create({
    subject: id,
    occurredAt: at,
    data: { departmentId: id, code, name, parentId: null, active },
  })

export const userChanged = (
  userId: string,
  roles: Role[],
  departmentId: string | null,
  at: Date,
  extra: { active?: boolean; tokensValidAfter?: string } = {},
) =>
  IdentityEvents.userChanged.create({
    subject: userId,
    occurredAt: at,
    data: {
      userId,
      username: userId,
      displayName: userId,
      email: null,
      roles,
      departmentId,
      active: extra.active ?? true,
      ...(extra.tokensValidAfter ? { tokensValidAfter: extra.tokensValidAfter } : {}),
    },
  })

export interface Harness {
  app: App
  cases: Cases
  departments: Departments
  staff: Staff
  /**
   * An escalation scheduler on the app's store and calendar (the app's own runs only with an interval);
   * a new one after a restart.
   */
  scheduler: EscalationScheduler
  cipher: FieldCipher
  clock: ManualClock
  store: DocumentStore
  bus: Awaited<ReturnType<typeof testAdapters>>['bus']
  lines: string[]
  token(role: Role, departmentId?: string | null, sub?: string): string
  /** A token issued at `iatMs` (milliseconds, as identity's tokens carry it). */
  tokenAt(role: Role, departmentId: string | null, sub: string, iatMs: number): string
  logger: Logger
  /** Publishes a letter and waits for its case; returns the case id, the tracking code and the access key. */
  submit(overrides?: Parameters<typeof letter>[0]): Promise<{ id: string; code: string; key: string }>
  /** Publishes identity events and waits until the last one reached its collection. */
  announce(...events: EventEnvelope[]): Promise<void>
  /**
   * Closes the app, then builds it again on the same bus and store (a restart); `whileDown` runs in
   * between (events published while no instance runs).
   */
  restart(whileDown?: () => Promise<void>): Promise<App>
}

export interface HarnessOptions {
  /**
   * A calendar of the test's own (regional holidays), kept across restarts; default a new one for each
   * build (a restart starts from the tables in the store).
   */
  calendar?: PublishedCalendar
  /** Default 1000, so that tests are not limited. */
  publicRateLimitPerMinute?: number
  phoneSearchesPerMinute?: number
  /** Leave out the departments every other test gets. */
  noDepartments?: boolean
  /** Runs on the test's bus and store before the first instance is built (events it missed). */
  beforeStart?: (bus: Harness['bus']) => Promise<void>
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
  const cipher = FieldCipher.fromConfig(generateFieldKeys('test1'))
  const cases: Cases = store.collection<CaseDoc>(CASES_COLLECTION)
  const departments: Departments = store.collection<DepartmentDoc>(DEPARTMENTS_COLLECTION)
  const staff: Staff = store.collection<StaffDoc>(STAFF_COLLECTION)
  let current: App | null = null
  let calendar = options.calendar ?? new PublishedCalendar()
  const build = async () => {
    calendar = options.calendar ?? new PublishedCalendar()
    const app = await buildTracking({
      bus,
      store,
      logger,
      jwt: jwt.config,
      piiKey: PII_KEY,
      cipher,
      clock,
      calendar,
      rateLimit: { max: 10_000 },
      publicRateLimitPerMinute: options.publicRateLimitPerMinute ?? 1000,
      phoneSearchesPerMinute: options.phoneSearchesPerMinute,
      relaySweepIntervalMs: 200,
    })
    current = app
    await app.ready()
    return app
  }
  await options.beforeStart?.(bus)
  t.teardown(() => current?.close())
  // the calendar the app counts with (the tables it consumed), as the app's own scheduler has it
  const schedulerOn = (cal: PublishedCalendar) =>
    new EscalationScheduler({ cases, clock, calendar: cal, intervalMs: 0, logger: logger as Logger })
  const app = await build()
  const announce = async (...events: EventEnvelope[]) => {
    for (const e of events) await bus.publish(e)
    const last = events.at(-1)
    if (!last) return
    const stored = (c: Collection<{ eventId: string }>) => async () =>
      (await c.get(last.subject))?.eventId === last.id
    if (IdentityEvents.userChanged.is(last)) {
      // two consumers keep users: the assignees (staff) and the kit's token revocations
      await eventually(stored(staff))
      await eventually(stored(store.collection<RevocationDoc>(REVOCATIONS_COLLECTION)))
    } else await eventually(stored(departments))
  }
  if (!options.noDepartments) {
    await announce(...DEPARTMENTS.map(([id, code, name]) => departmentChanged(id, code, name, MONDAY)))
    await eventually(async () => (await departments.count({})) === DEPARTMENTS.length)
  }
  const h: Harness = {
    app,
    cases,
    departments,
    staff,
    scheduler: schedulerOn(calendar),
    cipher,
    clock,
    store,
    bus,
    lines,
    token: (role, departmentId = null, sub = `u-${role}-${departmentId ?? 'all'}`) =>
      jwt.token({ sub, roles: [role], departmentId }),
    tokenAt: (role, departmentId, sub, iatMs) =>
      jwt.token({ sub, roles: [role], departmentId, iatMs } as Parameters<typeof jwt.token>[0]),
    logger: logger as Logger,
    announce,
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
      await eventually(async () => (await cases.get(id)) !== null)
      return { id, code, key }
    },
    async restart(whileDown) {
      await current?.close()
      await whileDown?.()
      h.app = await build()
      h.scheduler = schedulerOn(calendar)
      return h.app
    },
  }
  return h
}
