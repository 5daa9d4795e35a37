// The rectification service (整改): discipline officers' orders with deadlines, plans, evidence,
// verification and the re-check; the ladder (reminder, 督办, 告诫) on the working-day calendar; appeals;
// problems from every source's `<source>.problem-found` event and the trend alerts over them; KPIs and the
// public monthly summary. Routes under /api/v1/rectification; no process concerns (see server.ts).
import multipart from '@fastify/multipart'
import type { BlobStore } from '@tingjian/blob'
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
import {
  APPEALS,
  DEFAULT_SETTINGS,
  ORDERS,
  openCollections,
  type RectificationContext,
  type RectificationSettings,
} from './collections.ts'
import { linksHandler, problemsHandler } from './consumers/index.ts'
import { ALERTS } from './problems.ts'
import { alertRoutes } from './routes/alerts.ts'
import { appealRoutes } from './routes/appeals.ts'
import { evidenceRoutes } from './routes/evidence.ts'
import { orderRoutes } from './routes/orders.ts'
import { problemRoutes } from './routes/problems.ts'
import { statsRoutes } from './routes/stats.ts'
import { scheduler } from './scheduler.ts'

export const SERVICE = 'rectification'
export const PREFIX = '/api/v1/rectification'

export interface RectificationDeps {
  logger: Logger
  bus: EventBus
  store: DocumentStore
  clock: Clock
  jwt: JwtConfig
  /** Evidence files: the file adapter on one machine, GridFS on MongoDB (made by the process). */
  blobs: BlobStore
  readiness?: readonly ReadinessCheck[]
  trustProxy?: AppOptions['trustProxy']
  bodyLimit?: number
  /** Requests per minute per address on every route (default 600). */
  rateLimitPerMinute?: number
  /** Thresholds, deadlines and attachment limits; each missing one takes its default. */
  settings?: Partial<RectificationSettings>
  /** The working-day calendar (default: the built-in years, replaced by published tables). */
  calendar?: PublishedCalendar
  /** Period of the ladder scheduler (default 60 s; 0: never — tests call schedulerPass). */
  schedulerIntervalMs?: number
  /**
   * Consumer groups' prefix (default `rectification`): `<group>.problems`, `<group>.links`,
   * `<group>.calendar`, `<group>.token-revocations`.
   */
  group?: string
}

export async function buildRectification(deps: RectificationDeps): Promise<App> {
  const group = deps.group ?? SERVICE
  const app = await buildApp({
    service: SERVICE,
    logger: deps.logger,
    jwt: deps.jwt,
    readiness: [
      ...(deps.readiness ?? []),
      { name: 'blobs', check: async () => ({ ...(await deps.blobs.health()) }) },
    ],
    trustProxy: deps.trustProxy,
    bodyLimit: deps.bodyLimit,
    rateLimit: { max: deps.rateLimitPerMinute ?? 600 },
  })
  const log = deps.logger.child({ service: SERVICE })
  const settings: RectificationSettings = { ...DEFAULT_SETTINGS, ...deps.settings }
  // multipart bodies only on the evidence route; the limits there are checked per part as they stream
  await app.register(multipart, {
    limits: {
      fileSize: settings.maxAttachmentBytes,
      files: settings.maxAttachmentsPerOrder + 1,
      fields: 10,
      fieldSize: 64 * 1024,
      parts: settings.maxAttachmentsPerOrder + 12,
      headerPairs: 100,
    },
  })

  const collections = await openCollections(deps.store)
  const years = deps.store.collection<CalendarYearDoc>(CALENDAR_YEARS)
  const calendar = deps.calendar ?? new PublishedCalendar()
  await loadStoredTables(calendar, years, log)
  const ctx: RectificationContext = {
    ...collections,
    clock: deps.clock,
    calendar,
    blobs: deps.blobs,
    settings,
  }

  await revocations(app, { bus: deps.bus, store: deps.store, service: group })

  await app.register(orderRoutes, { prefix: PREFIX, ctx })
  await app.register(evidenceRoutes, { prefix: PREFIX, ctx })
  await app.register(appealRoutes, { prefix: PREFIX, ctx })
  await app.register(problemRoutes, { prefix: PREFIX, ctx })
  await app.register(alertRoutes, { prefix: PREFIX, ctx })
  await app.register(statsRoutes, { prefix: PREFIX, ctx })

  const consumers: Subscription[] = [
    await deps.bus.subscribe(
      { group: `${group}.problems`, streams: ['tracking', 'callbacks', 'identity'] },
      problemsHandler(ctx, log),
    ),
    await deps.bus.subscribe({ group: `${group}.links`, streams: ['rectification'] }, linksHandler(ctx, log)),
    await consumeCalendarYears({ bus: deps.bus, years, calendar, logger: log, group: `${group}.calendar` }),
  ]

  const relay = new OutboxRelay({
    store: deps.store,
    bus: deps.bus,
    collections: [ORDERS, APPEALS, ALERTS],
    logger: log,
  })
  app.addHook('onReady', async () => relay.start())
  const ladder = scheduler({ ...ctx, logger: log }, deps.schedulerIntervalMs ?? 60_000)
  app.addHook('onReady', async () => ladder.start())

  closeInOrder(app, [
    { name: 'consumers', close: () => Promise.all(consumers.map((c) => c.close())).then(() => undefined) },
    { name: 'ladder scheduler', close: () => ladder.stop() },
    { name: 'outbox relay', close: () => relay.stop() },
  ])
  return app
}
