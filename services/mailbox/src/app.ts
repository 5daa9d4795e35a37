// The mailbox service: citizens' letters in, `mailbox.letter-submitted` out (through the outbox).
import { randomBytes } from 'node:crypto'
import type { EventBus } from '@tingjian/bus'
import {
  type App,
  type AppOptions,
  buildApp,
  type Clock,
  closeInOrder,
  type Logger,
  type ReadinessCheck,
} from '@tingjian/kit'
import { type DocumentStore, OutboxRelay, StoreConflictError } from '@tingjian/store'
import { type Letter, letterRoutes } from './routes/letters.ts'

export interface MailboxDeps {
  logger: Logger
  bus: EventBus
  store: DocumentStore
  clock: Clock
  readiness?: ReadinessCheck[]
  /** Key for deriving access keys of idempotent retries; when absent one is made once and kept in the store. */
  secret?: Buffer
  rateLimitPerMinute?: number
  submissionsPerMinute?: number
  trustProxy?: AppOptions['trustProxy']
  bodyLimit?: number
}

interface Setting {
  value: string
}

/** The secret shared by every replica: the configured one, or one generated on first start and stored. */
async function loadSecret(store: DocumentStore, clock: Clock): Promise<Buffer> {
  const settings = store.collection<Setting>('settings')
  const existing = await settings.get('mailbox-secret')
  if (existing) return Buffer.from(existing.value, 'base64')
  try {
    await settings.insert(
      'mailbox-secret',
      { value: randomBytes(32).toString('base64') },
      { now: clock.now() },
    )
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err // another replica made it first
  }
  const made = await settings.get('mailbox-secret')
  if (!made) throw new Error('mailbox secret missing after insert')
  return Buffer.from(made.value, 'base64')
}

export async function buildMailbox(deps: MailboxDeps): Promise<App> {
  const letters = deps.store.collection<Letter>('letters')
  await letters.ensureIndexes([
    { name: 'tracking_code', keys: [['trackingCode', 1]], unique: true },
    { name: 'idempotency_key', keys: [['idempotencyKeyHash', 1]], unique: true, sparse: true },
  ])
  const secret = deps.secret ?? (await loadSecret(deps.store, deps.clock))

  const app = await buildApp({
    service: 'mailbox',
    logger: deps.logger,
    readiness: deps.readiness,
    trustProxy: deps.trustProxy,
    bodyLimit: deps.bodyLimit,
    rateLimit: { max: deps.rateLimitPerMinute ?? 600 },
  })
  letterRoutes(app, {
    letters,
    clock: deps.clock,
    secret,
    rateLimitPerMinute: deps.submissionsPerMinute ?? 30,
  })

  const relay = new OutboxRelay({
    store: deps.store,
    bus: deps.bus,
    collections: ['letters'],
    logger: app.log,
  })
  app.addHook('onReady', async () => relay.start())
  closeInOrder(app, [{ name: 'outbox relay', close: () => relay.stop() }])
  return app
}
