// buildHotline: the complaint and report hotline as the kit's App — the provider's webhooks, the
// operators' queue, calls and their logs, the callback list, the dashboard; the outbox relay over the
// calls, the working-day calendar's consumer, the recording retention sweep. No process concerns (see
// server.ts); the provider only through the telephony port.
import formbody from '@fastify/formbody'
import type { EventBus } from '@tingjian/bus'
import { PublishedCalendar } from '@tingjian/calendar'
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
import { simulatorRoutes, type TelephonySimulator } from '@tingjian/telephony/simulator'
import { CALL_INDEXES, CALLS, type Calls, OPERATORS, type OperatorDoc } from './calls-store.ts'
import { consumeCalendarYears } from './consumers/calendar-years.ts'
import type { HotlineContext } from './context.ts'
import type { CallDoc } from './domain/call.ts'
import type { Sealer } from './domain/phone.ts'
import type { ServiceHours } from './domain/service-hours.ts'
import { QueueFeed } from './queue-feed.ts'
import { recordingSweeper } from './recordings.ts'
import { callbackRoutes } from './routes/callbacks.ts'
import { callRoutes } from './routes/calls.ts'
import { dashboardRoutes } from './routes/dashboard.ts'
import { operatorRoutes } from './routes/operators.ts'
import { queueRoutes } from './routes/queue.ts'
import { webhookRoutes } from './routes/webhooks.ts'
import { CALENDAR_YEARS, type CalendarYearDoc, storedTables } from './working-days.ts'

export const SERVICE = 'hotline'
export const PREFIX = '/api/v1/hotline'

export interface HotlineDeps {
  logger: Logger
  bus: EventBus
  store: DocumentStore
  clock: Clock
  /** Seals the caller's number at rest and in events; `hash(phone, 'phone')` is the caller's history key. */
  cipher: Sealer
  jwt: JwtConfig
  telephony: Telephony
  /** The address the provider calls (PUBLIC_BASE_URL): webhook URLs are absolute and verified against it. */
  publicBaseUrl: string
  /** The hotline's number (E.164): the caller id of callbacks. */
  lineNumber: string
  /** When the simulator is the adapter: its test-phone API under `/api/v1/hotline/simulator` (admin). */
  simulator?: TelephonySimulator
  /** Bearer token of the simulator's provider API (`POST /simulator/provider/messages`). */
  simulatorToken?: string
  serviceHours?: ServiceHours
  /** A missed call is due to be called back within this many service hours (default 2). */
  callbackDueHours?: number
  /** Days voicemails and recordings are kept (default 180). */
  recordingDays?: number
  /** Record answered calls (default false). */
  recordCalls?: boolean
  /** Period of the retention sweep (default hourly; 0: none). */
  recordingSweepIntervalMs?: number
  /** Requests per minute per address on every route (default 600); webhooks have their own limit. */
  rateLimitPerMinute?: number
  /** Webhooks per minute per client address (default 3000: the provider calls from few addresses). */
  webhooksPerMinute?: number
  readiness?: readonly ReadinessCheck[]
  trustProxy?: AppOptions['trustProxy']
  bodyLimit?: number
  /** Consumer groups' prefix (default `hotline`): `<group>.calendar`, `<group>.token-revocations`. */
  group?: string
  /** The working-day calendar (default: the built-in years, replaced by published tables). */
  calendar?: PublishedCalendar
}

export async function buildHotline(deps: HotlineDeps): Promise<App> {
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
  await app.register(formbody)

  const calls: Calls = deps.store.collection<CallDoc>(CALLS)
  const operators = deps.store.collection<OperatorDoc>(OPERATORS)
  const years = deps.store.collection<CalendarYearDoc>(CALENDAR_YEARS)
  await calls.ensureIndexes(CALL_INDEXES)

  const calendar = deps.calendar ?? new PublishedCalendar()
  try {
    calendar.use(await storedTables(years))
  } catch (err) {
    log.error(
      { err: err instanceof Error ? err.message : String(err) },
      'stored calendar tables refused; built-in years used',
    )
  }

  await revocations(app, { bus: deps.bus, store: deps.store, service: group })

  const ctx: HotlineContext = {
    calls,
    operators,
    clock: deps.clock,
    cipher: deps.cipher,
    telephony: deps.telephony,
    publicBaseUrl: deps.publicBaseUrl,
    lineNumber: deps.lineNumber,
    serviceHours: deps.serviceHours ?? { kind: '24x7' },
    calendar,
    callbackDueHours: deps.callbackDueHours ?? 2,
    recordingDays: deps.recordingDays ?? 180,
    recordCalls: deps.recordCalls ?? false,
    feed: new QueueFeed(),
  }
  await app.register(webhookRoutes, {
    prefix: `${PREFIX}/voice`,
    ...ctx,
    rateLimitPerMinute: deps.webhooksPerMinute ?? 3000,
  })
  await app.register(operatorRoutes, { prefix: PREFIX, ...ctx })
  await app.register(queueRoutes, { prefix: PREFIX, ...ctx })
  await app.register(callRoutes, { prefix: PREFIX, ...ctx })
  await app.register(callbackRoutes, { prefix: PREFIX, ...ctx })
  await app.register(dashboardRoutes, { prefix: PREFIX, ...ctx })
  if (deps.simulator) {
    if (!deps.simulatorToken || deps.simulatorToken.length < 32)
      throw new Error('the simulator needs a token of at least 32 characters')
    await app.register(simulatorRoutes, {
      prefix: `${PREFIX}/simulator`,
      simulator: deps.simulator,
      token: deps.simulatorToken,
    })
  }

  const relay = new OutboxRelay({ store: deps.store, bus: deps.bus, collections: [CALLS], logger: log })
  app.addHook('onReady', async () => relay.start())
  const sweeper = recordingSweeper(
    { calls, telephony: deps.telephony, clock: deps.clock, retentionDays: ctx.recordingDays, logger: log },
    deps.recordingSweepIntervalMs ?? 3_600_000,
  )
  app.addHook('onReady', async () => sweeper.start())

  const consumers = [
    await consumeCalendarYears({ bus: deps.bus, years, calendar, logger: log, group: `${group}.calendar` }),
  ]

  closeInOrder(app, [
    { name: 'consumers', close: () => Promise.all(consumers.map((c) => c.close())).then(() => undefined) },
    { name: 'recording sweep', close: () => sweeper.stop() },
    { name: 'outbox relay', close: () => relay.stop() },
  ])
  return app
}
export { parseServiceHours } from './domain/service-hours.ts'
