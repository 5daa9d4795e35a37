// buildTracking: the tracking service as the kit's App — cases, assignment, the escalation ladder, replies,
// statistics. Route plugins under their prefixes, one consumer per event type, the outbox relay started
// when the app is ready, everything closed in order. No process concerns (see server.ts).
import type { EventBus } from '@tingjian/bus'
import {
  type App,
  type AppOptions,
  buildApp,
  type Clock,
  closeInOrder,
  type JwtConfig,
  type Logger,
  type ReadinessCheck,
  revocations,
  systemClock,
} from '@tingjian/kit'
import { type DocumentStore, OutboxRelay } from '@tingjian/store'
import { CASE_INDEXES, CASES_COLLECTION, type Cases } from './case-store.ts'
import { consumeCalendarYears } from './consumers/calendar-years.ts'
import { consumeCallbacks } from './consumers/callbacks/index.ts'
import { consumeCalls } from './consumers/calls.ts'
import { consumeDepartments } from './consumers/departments.ts'
import { consumeLetters } from './consumers/letters.ts'
import { consumeMergedReplies } from './consumers/merged-replies.ts'
import { consumePollComments } from './consumers/poll-comments.ts'
import { consumeRectification } from './consumers/rectification/index.ts'
import { consumeStaff } from './consumers/staff.ts'
import {
  DEPARTMENT_INDEXES,
  DEPARTMENTS_COLLECTION,
  type DepartmentDoc,
  type Departments,
  STAFF_COLLECTION,
  type Staff,
  type StaffDoc,
} from './departments.ts'
import { type CaseDoc, DEFAULT_DUE_DAYS, type DueDays } from './domain/case.ts'
import type { FieldSealer } from './domain/privacy.ts'
import {
  DEFAULT_PHONE_SEARCHES_PER_MINUTE,
  PHONE_SEARCH_INDEXES,
  PHONE_SEARCH_QUOTA_COLLECTION,
  PHONE_SEARCHES_COLLECTION,
  type PhoneSearchDoc,
  type QuotaDoc,
} from './phone-searches.ts'
import { type RecomputeDeps, recomputePending, reloadCalendar } from './recompute.ts'
import { auditRoutes } from './routes/audit.ts'
import { caseRoutes } from './routes/cases.ts'
import { publicRoutes } from './routes/public.ts'
import { publicStatsRoutes, statsRoutes } from './routes/stats.ts'
import { EscalationScheduler } from './scheduler.ts'
import {
  CALENDAR_YEARS_COLLECTION,
  type CalendarYearDoc,
  dailyUncoveredWarning,
  PublishedCalendar,
} from './working-days.ts'

export const SERVICE = 'tracking'

export interface TrackingDeps {
  bus: EventBus
  store: DocumentStore
  logger: Logger
  jwt: JwtConfig
  /** Key of the HMAC that makes phone and ID numbers searchable without storing a plain hash. */
  piiKey: string
  /**
   * Seals the citizen's contact fields at rest and opens those of the letter events (the kit's
   * FieldCipher, with the same FIELD_KEYS as the mailbox).
   */
  cipher: FieldSealer
  clock?: Clock
  /**
   * The working-day calendar the app counts with and rebuilds from the published year tables (default: a
   * new one on the built-in years and no regional overrides). A test may pass one of its own (regional
   * overrides) and share it with a scheduler it drives.
   */
  calendar?: PublishedCalendar
  dueDays?: DueDays
  /** Period of the escalation scheduler; 0 (default) starts none: a test drives its own. */
  escalationIntervalMs?: number
  rateLimit?: { max: number } | false
  /** Per client address and minute on the public routes (default 30). */
  publicRateLimitPerMinute?: number
  /** Searches by phone number per user and minute (default 10). */
  phoneSearchesPerMinute?: number
  bodyLimit?: number
  trustProxy?: AppOptions['trustProxy']
  readiness?: readonly ReadinessCheck[]
  relaySweepIntervalMs?: number
  /**
   * Consumer group of the intake consumer (default `tracking`; the others are `<group>.departments`,
   * `<group>.calls`, `<group>.poll-comments`, `<group>.staff`, `<group>.merged-replies`, `<group>.calendar`,
   * `<group>.rectification`, `<group>.callbacks` and `<group>.token-revocations`); Kafka
   * groups are not namespaced.
   */
  group?: string
}

export async function buildTracking(deps: TrackingDeps): Promise<App> {
  const clock = deps.clock ?? systemClock
  const calendar = deps.calendar ?? new PublishedCalendar()
  const dueDays = deps.dueDays ?? DEFAULT_DUE_DAYS
  const group = deps.group ?? SERVICE
  const app = await buildApp({
    service: SERVICE,
    logger: deps.logger,
    jwt: deps.jwt,
    rateLimit: deps.rateLimit,
    bodyLimit: deps.bodyLimit,
    trustProxy: deps.trustProxy,
    readiness: deps.readiness,
  })
  const log = deps.logger.child({ service: SERVICE })

  const cases: Cases = deps.store.collection<CaseDoc>(CASES_COLLECTION)
  const departments: Departments = deps.store.collection<DepartmentDoc>(DEPARTMENTS_COLLECTION)
  const staff: Staff = deps.store.collection<StaffDoc>(STAFF_COLLECTION)
  const phoneSearches = deps.store.collection<PhoneSearchDoc>(PHONE_SEARCHES_COLLECTION)
  const phoneSearchQuota = deps.store.collection<QuotaDoc>(PHONE_SEARCH_QUOTA_COLLECTION)
  await cases.ensureIndexes(CASE_INDEXES)
  await departments.ensureIndexes(DEPARTMENT_INDEXES)
  await phoneSearches.ensureIndexes(PHONE_SEARCH_INDEXES)

  // the published year tables: counted with from the start, and a recomputation a crash left unfinished
  // is finished before anything else is decided
  const years = deps.store.collection<CalendarYearDoc>(CALENDAR_YEARS_COLLECTION)
  calendar.onUncovered(dailyUncoveredWarning(calendar, clock, log))
  const recomputeDeps: RecomputeDeps = { cases, years, calendar, clock, dueDays, logger: log }
  await recomputePending(recomputeDeps)

  // tokens of staff that identity deactivated or revoked are refused within seconds
  await revocations(app, { bus: deps.bus, store: deps.store, service: group })

  const publicRateLimitPerMinute = deps.publicRateLimitPerMinute ?? 30
  await app.register(caseRoutes, {
    prefix: '/api/v1',
    cases,
    departments,
    staff,
    phoneSearches,
    phoneSearchQuota,
    phoneSearchesPerMinute: deps.phoneSearchesPerMinute ?? DEFAULT_PHONE_SEARCHES_PER_MINUTE,
    clock,
    calendar,
    piiKey: deps.piiKey,
    sealer: deps.cipher,
    dueDays,
  })
  await app.register(publicRoutes, {
    prefix: '/api/v1/public',
    cases,
    departments,
    clock,
    calendar,
    dueDays,
    rateLimitPerMinute: publicRateLimitPerMinute,
  })
  const statsDeps = { cases, departments, clock, calendar, publicRateLimitPerMinute }
  await app.register(statsRoutes, { prefix: '/api/v1/stats', ...statsDeps })
  await app.register(publicStatsRoutes, { prefix: '/api/v1/public', ...statsDeps })
  await app.register(auditRoutes, { prefix: '/api/v1/audit', phoneSearches })

  const relay = new OutboxRelay({
    store: deps.store,
    bus: deps.bus,
    collections: [CASES_COLLECTION],
    logger: log,
    sweepIntervalMs: deps.relaySweepIntervalMs,
  })
  app.addHook('onReady', async () => relay.start())
  const scheduler = new EscalationScheduler({
    cases,
    clock,
    calendar,
    intervalMs: deps.escalationIntervalMs ?? 0,
    logger: log,
    refresh: () => reloadCalendar(recomputeDeps),
  })
  if (deps.escalationIntervalMs) app.addHook('onReady', async () => scheduler.start())

  const consumers = [
    await consumeLetters({
      bus: deps.bus,
      cases,
      clock,
      piiKey: deps.piiKey,
      sealer: deps.cipher,
      dueDays,
      logger: log,
      group,
    }),
    await consumeCalls({
      bus: deps.bus,
      cases,
      clock,
      calendar,
      piiKey: deps.piiKey,
      sealer: deps.cipher,
      dueDays,
      logger: log,
      group: `${group}.calls`,
    }),
    await consumePollComments({
      bus: deps.bus,
      cases,
      clock,
      dueDays,
      logger: log,
      group: `${group}.poll-comments`,
    }),
    await consumeDepartments({ bus: deps.bus, departments, logger: log, group: `${group}.departments` }),
    await consumeStaff({ bus: deps.bus, staff, logger: log, group: `${group}.staff` }),
    await consumeMergedReplies({
      bus: deps.bus,
      cases,
      clock,
      sealer: deps.cipher,
      logger: log,
      group: `${group}.merged-replies`,
    }),
    await consumeCalendarYears({ bus: deps.bus, ...recomputeDeps, group: `${group}.calendar` }),
    await consumeRectification({
      bus: deps.bus,
      cases,
      clock,
      logger: log,
      group: `${group}.rectification`,
    }),
    await consumeCallbacks({
      bus: deps.bus,
      cases,
      clock,
      calendar,
      dueDays,
      logger: log,
      group: `${group}.callbacks`,
    }),
  ]

  closeInOrder(app, [
    { name: 'consumers', close: () => Promise.all(consumers.map((c) => c.close())).then(() => undefined) },
    { name: 'escalation scheduler', close: () => scheduler.stop() },
    { name: 'outbox relay', close: () => relay.stop() },
  ])
  return app
}
