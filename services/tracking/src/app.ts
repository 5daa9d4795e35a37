// The tracking service as a Fastify app: routes, the intake consumer, the escalation scheduler and the
// outbox relay. No process concerns (see server.ts).
import type { EventBus } from '@tingjian/bus'
import { createCalendar } from '@tingjian/calendar'
import {
  type App,
  type AppOptions,
  buildApp,
  type Clock,
  closeInOrder,
  type JwtConfig,
  type Logger,
  type ReadinessCheck,
  systemClock,
} from '@tingjian/kit'
import { type DocumentStore, OutboxRelay } from '@tingjian/store'
import { CASE_INDEXES, CASES_COLLECTION, type Cases } from './case-store.ts'
import { consumeDepartments } from './consumers/departments.ts'
import { consumeLetters } from './consumers/letters.ts'
import { consumeMergedReplies } from './consumers/merged-replies.ts'
import { DEPARTMENTS_COLLECTION, type DepartmentDoc, type Departments } from './departments.ts'
import { type Calendar, type CaseDoc, DEFAULT_DUE_DAYS, type DueDays } from './domain/case.ts'
import { caseRoutes } from './routes/cases.ts'
import { publicRoutes } from './routes/public.ts'
import { statsRoutes } from './routes/stats.ts'
import { EscalationScheduler } from './scheduler.ts'

export interface TrackingDeps {
  bus: EventBus
  store: DocumentStore
  logger: Logger
  jwt: JwtConfig
  /** Key of the HMAC that makes phone and ID numbers searchable without storing a plain hash. */
  piiKey: string
  clock?: Clock
  calendar?: Calendar
  dueDays?: DueDays
  /** Period of the escalation scheduler; 0 leaves it to `scheduler.tick()` (tests). */
  escalationIntervalMs?: number
  rateLimit?: { max: number } | false
  /** Per client address and minute on the public routes (default 30). */
  publicRateLimitPerMinute?: number
  bodyLimit?: number
  trustProxy?: AppOptions['trustProxy']
  readiness?: readonly ReadinessCheck[]
  relaySweepIntervalMs?: number
  /**
   * Consumer group of the intake consumer (default `tracking`; the departments consumer uses
   * `<group>.departments`); Kafka groups are not namespaced.
   */
  group?: string
}

export interface TrackingApp {
  app: App
  cases: Cases
  departments: Departments
  scheduler: EscalationScheduler
  relay: OutboxRelay
}

export async function buildTracking(deps: TrackingDeps): Promise<TrackingApp> {
  const clock = deps.clock ?? systemClock
  const calendar = deps.calendar ?? createCalendar()
  const dueDays = deps.dueDays ?? DEFAULT_DUE_DAYS
  const log = deps.logger.child({ service: 'tracking' })
  const app = await buildApp({
    service: 'tracking',
    logger: deps.logger,
    jwt: deps.jwt,
    rateLimit: deps.rateLimit,
    bodyLimit: deps.bodyLimit,
    trustProxy: deps.trustProxy,
    readiness: deps.readiness,
  })

  const cases: Cases = deps.store.collection<CaseDoc>(CASES_COLLECTION)
  await cases.ensureIndexes(CASE_INDEXES)
  const departments: Departments = deps.store.collection<DepartmentDoc>(DEPARTMENTS_COLLECTION)
  const group = deps.group ?? 'tracking'

  caseRoutes(app, { cases, departments, clock, calendar, piiKey: deps.piiKey, dueDays })
  const publicRateLimitPerMinute = deps.publicRateLimitPerMinute ?? 30
  publicRoutes(app, {
    cases,
    departments,
    clock,
    calendar,
    dueDays,
    rateLimitPerMinute: publicRateLimitPerMinute,
  })
  statsRoutes(app, { cases, departments, clock, calendar, publicRateLimitPerMinute })

  const relay = new OutboxRelay({
    store: deps.store,
    bus: deps.bus,
    collections: [CASES_COLLECTION],
    logger: log,
    sweepIntervalMs: deps.relaySweepIntervalMs,
  })
  relay.start()
  const scheduler = new EscalationScheduler({
    cases,
    clock,
    calendar,
    intervalMs: deps.escalationIntervalMs ?? 0,
    logger: log,
  })
  if (deps.escalationIntervalMs) scheduler.start()
  const subscription = await consumeLetters({
    bus: deps.bus,
    cases,
    clock,
    piiKey: deps.piiKey,
    logger: log,
    group,
  })
  const departmentSubscription = await consumeDepartments({
    bus: deps.bus,
    departments,
    logger: log,
    group: `${group}.departments`,
  })
  const mergedReplySubscription = await consumeMergedReplies({
    bus: deps.bus,
    cases,
    clock,
    logger: log,
    group: `${group}.merged-replies`,
  })

  closeInOrder(app, [
    { name: 'letters consumer', close: () => subscription.close() },
    { name: 'departments consumer', close: () => departmentSubscription.close() },
    { name: 'merged replies consumer', close: () => mergedReplySubscription.close() },
    { name: 'escalation scheduler', close: () => scheduler.stop() },
    { name: 'outbox relay', close: () => relay.stop() },
  ])
  return { app, cases, departments, scheduler, relay }
}
