// The callbacks service (服务调查电话回访): tasks from replied cases (tracking's callback-due) and from the
// business systems' service records, sampled by policy; a queue of claims for the callback officers, calls
// through the telephony port (the officer's phone first, then the citizen's number: the officer never
// needs it), attempts and answers; the automated keypad line; the events that follow (survey-completed,
// survey-unreachable, problem-found); KPIs. Routes under /api/v1/callbacks; no process concerns.
import formbody from '@fastify/formbody'
import type { EventBus, Subscription } from '@tingjian/bus'
import { PublishedCalendar } from '@tingjian/calendar'
import {
  CALENDAR_YEARS,
  type CalendarYearDoc,
  consumeCalendarYears,
  loadStoredTables,
} from '@tingjian/calendar/years'
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
} from '@tingjian/kit'
import { type DocumentStore, OutboxRelay } from '@tingjian/store'
import type { Telephony } from '@tingjian/telephony'
import { dialDueAutomated } from './automated-dialer.ts'
import {
  type CallbacksContext,
  type CallbacksSettings,
  DEFAULT_SETTINGS,
  openCollections,
  type Sealer,
  TASKS,
} from './collections.ts'
import { casesHandler, directoryHandler } from './consumers/index.ts'
import { automatedRoutes } from './routes/automated.ts'
import { officerRoutes } from './routes/officers.ts'
import { policyRoutes } from './routes/policy.ts'
import { scriptRoutes } from './routes/scripts.ts'
import { serviceRecordRoutes } from './routes/service-records.ts'
import { sourceRoutes } from './routes/sources.ts'
import { statsRoutes } from './routes/stats.ts'
import { taskRoutes } from './routes/tasks.ts'
import { voiceRoutes } from './routes/voice.ts'
import { type AutomatedDialer, scheduler } from './scheduler.ts'

export const SERVICE = 'callbacks'
export const PREFIX = '/api/v1/callbacks'

export interface CallbacksDeps {
  logger: Logger
  bus: EventBus
  store: DocumentStore
  clock: Clock
  jwt: JwtConfig
  /** Seals applicants' phones and names; `hash(phone, 'phone')` is the search key. */
  cipher: Sealer
  /** The telephony port (the simulator's or the provider's adapter). */
  telephony: Telephony
  /** The address the provider calls (PUBLIC_BASE_URL): webhook URLs are absolute and verified against it. */
  publicBaseUrl: string
  /** The caller id of outbound calls (E.164). */
  lineNumber: string
  readiness?: readonly ReadinessCheck[]
  trustProxy?: AppOptions['trustProxy']
  bodyLimit?: number
  /** Requests per minute per address on every route (default 600). */
  rateLimitPerMinute?: number
  settings?: Partial<CallbacksSettings>
  /** The working-day calendar (default: the built-in years, replaced by published tables). */
  calendar?: PublishedCalendar
  /** Period of the scheduler (default 60 s; 0: never — tests call `schedulerPass`). */
  schedulerIntervalMs?: number
  /** The automated line's dialler, run by each scheduler pass inside calling hours (default its own). */
  dialer?: AutomatedDialer
  /**
   * Consumer groups' prefix (default `callbacks`): `<group>.cases`, `<group>.directory`,
   * `<group>.calendar`, `<group>.token-revocations`.
   */
  group?: string
}

/** The context of every route plugin, consumer and the scheduler (tests build the same over their store). */
export async function callbacksContext(
  deps: Pick<
    CallbacksDeps,
    'store' | 'clock' | 'cipher' | 'telephony' | 'publicBaseUrl' | 'lineNumber' | 'settings'
  > & { calendar: PublishedCalendar },
): Promise<CallbacksContext> {
  return {
    ...(await openCollections(deps.store)),
    clock: deps.clock,
    calendar: deps.calendar,
    cipher: deps.cipher,
    telephony: deps.telephony,
    publicBaseUrl: deps.publicBaseUrl,
    lineNumber: deps.lineNumber,
    settings: { ...DEFAULT_SETTINGS, ...deps.settings },
  }
}

export async function buildCallbacks(deps: CallbacksDeps): Promise<App> {
  const group = deps.group ?? SERVICE
  const app = await buildApp({
    service: SERVICE,
    logger: deps.logger,
    jwt: deps.jwt,
    readiness: deps.readiness,
    trustProxy: deps.trustProxy,
    bodyLimit: deps.bodyLimit,
    rateLimit: { max: deps.rateLimitPerMinute ?? 600 },
  })
  const log = deps.logger.child({ service: SERVICE })
  // the provider's webhooks are urlencoded forms
  await app.register(formbody)

  const years = deps.store.collection<CalendarYearDoc>(CALENDAR_YEARS)
  const calendar = deps.calendar ?? new PublishedCalendar()
  await loadStoredTables(calendar, years, log)
  const ctx = await callbacksContext({ ...deps, calendar })

  await revocations(app, { bus: deps.bus, store: deps.store, service: group })

  await app.register(taskRoutes, { prefix: PREFIX, ctx })
  await app.register(officerRoutes, { prefix: PREFIX, ctx })
  await app.register(policyRoutes, { prefix: PREFIX, ctx })
  await app.register(scriptRoutes, { prefix: PREFIX, ctx })
  await app.register(voiceRoutes, { prefix: `${PREFIX}/voice`, ctx })
  await app.register(automatedRoutes, { prefix: PREFIX, ctx })
  await app.register(serviceRecordRoutes, { prefix: PREFIX, ctx })
  await app.register(sourceRoutes, { prefix: PREFIX, ctx })
  await app.register(statsRoutes, { prefix: PREFIX, ctx })

  const consumers: Subscription[] = [
    await deps.bus.subscribe({ group: `${group}.cases`, streams: ['tracking'] }, casesHandler(ctx, log)),
    await deps.bus.subscribe(
      { group: `${group}.directory`, streams: ['identity'] },
      directoryHandler(ctx, log),
    ),
    await consumeCalendarYears({ bus: deps.bus, years, calendar, logger: log, group: `${group}.calendar` }),
  ]

  const relay = new OutboxRelay({ store: deps.store, bus: deps.bus, collections: [TASKS], logger: log })
  app.addHook('onReady', async () => relay.start())
  const passes = scheduler(
    { ctx, logger: log, dialer: deps.dialer ?? dialDueAutomated },
    deps.schedulerIntervalMs ?? 60_000,
  )
  app.addHook('onReady', async () => passes.start())

  closeInOrder(app, [
    { name: 'consumers', close: () => Promise.all(consumers.map((c) => c.close())).then(() => undefined) },
    { name: 'scheduler', close: () => passes.stop() },
    { name: 'outbox relay', close: () => relay.stop() },
  ])
  return app
}
