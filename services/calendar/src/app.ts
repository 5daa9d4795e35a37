// The calendar service: the one owner of the working-day year tables. Administrators publish a year's
// national table and its regional overrides; `calendar.year-published` (the whole table, through the
// outbox) tells every service that counts working days. Shaped as services/README.md says (mailbox is
// the reference): buildApp, collections, routes under a prefix, revocations, the relay, closed in order.
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
} from '@tingjian/kit'
import { type DocumentStore, type IndexSpec, OutboxRelay } from '@tingjian/store'
import { Announcer } from './announcer.ts'
import type { YearDoc } from './domain/year.ts'
import { coverageRoutes } from './routes/coverage.ts'
import { yearRoutes } from './routes/years.ts'
import { YEARS } from './years.ts'

export const SERVICE = 'calendar'
export { YEARS }

const YEAR_INDEXES: IndexSpec[] = [{ name: 'year', keys: [['year', 1]], unique: true }]

/** Default age after which a year's table is announced again (a day: well within Kafka's 7-day default). */
export const DEFAULT_REANNOUNCE_MS = 24 * 3_600_000

export interface CalendarDeps {
  logger: Logger
  bus: EventBus
  store: DocumentStore
  clock: Clock
  /** Verifies staff tokens (identity's public key). */
  jwt: JwtConfig
  readiness?: readonly ReadinessCheck[]
  rateLimitPerMinute?: number
  trustProxy?: AppOptions['trustProxy']
  bodyLimit?: number
  /** Age after which a year's table is announced again (default a day; 0: never). */
  reannounceIntervalMs?: number
  /** Consumer-group prefix of the revocations consumer (default the service name). */
  group?: string
}

export async function buildCalendar(deps: CalendarDeps): Promise<App> {
  const app = await buildApp({
    service: SERVICE,
    logger: deps.logger,
    jwt: deps.jwt,
    readiness: deps.readiness,
    trustProxy: deps.trustProxy,
    bodyLimit: deps.bodyLimit,
    rateLimit: { max: deps.rateLimitPerMinute ?? 600 },
  })

  const years = deps.store.collection<YearDoc>(YEARS)
  await years.ensureIndexes(YEAR_INDEXES)

  await app.register(yearRoutes, { prefix: '/api/v1/calendar', years, clock: deps.clock })
  await app.register(coverageRoutes, { prefix: '/api/v1/calendar', years, clock: deps.clock })

  // tokens of staff that identity deactivated or revoked are refused within seconds
  await revocations(app, { bus: deps.bus, store: deps.store, service: deps.group ?? SERVICE })

  const relay = new OutboxRelay({ store: deps.store, bus: deps.bus, collections: [YEARS], logger: app.log })
  app.addHook('onReady', async () => relay.start())
  const interval = deps.reannounceIntervalMs ?? DEFAULT_REANNOUNCE_MS
  const announcer =
    interval > 0
      ? new Announcer({
          years,
          clock: deps.clock,
          logger: deps.logger.child({ service: SERVICE }),
          intervalMs: interval,
        })
      : null
  if (announcer) app.addHook('onReady', async () => announcer.start())
  closeInOrder(app, [
    ...(announcer ? [{ name: 'announcer', close: () => announcer.stop() }] : []),
    { name: 'outbox relay', close: () => relay.stop() },
  ])
  return app
}
