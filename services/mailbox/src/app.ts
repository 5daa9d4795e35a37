// The mailbox service: citizens' letters in, `mailbox.letter-submitted` out (through the outbox).
// The smallest complete example of a service (services/README.md): buildApp, route plugins under a
// prefix, the outbox relay started when the app is ready, everything closed in order.
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
import { type DocumentStore, type IndexSpec, isConflict, OutboxRelay } from '@tingjian/store'
import type { Letter, Sealer } from './domain/letter.ts'
import { letterRoutes } from './routes/letters.ts'

export const SERVICE = 'mailbox'
export const LETTERS = 'letters'

const LETTER_INDEXES: IndexSpec[] = [
  { name: 'tracking_code', keys: [['trackingCode', 1]], unique: true },
  { name: 'idempotency_key', keys: [['idempotencyKeyHash', 1]], unique: true, sparse: true },
]

export interface MailboxDeps {
  logger: Logger
  bus: EventBus
  store: DocumentStore
  clock: Clock
  /**
   * Key that derives the access key of an idempotent retry again. From configuration (or the secrets file
   * on one machine), never from the store: with it, the stored letters would give away their access keys.
   */
  secret: Buffer
  /** Encrypts the citizen's contact fields (the kit's FieldCipher). */
  cipher: Sealer
  readiness?: readonly ReadinessCheck[]
  rateLimitPerMinute?: number
  submissionsPerMinute?: number
  trustProxy?: AppOptions['trustProxy']
  bodyLimit?: number
}

export async function buildMailbox(deps: MailboxDeps): Promise<App> {
  if (deps.secret.length < 32) throw new Error('the mailbox secret must have at least 32 bytes')
  const app = await buildApp({
    service: SERVICE,
    logger: deps.logger,
    readiness: deps.readiness,
    trustProxy: deps.trustProxy,
    bodyLimit: deps.bodyLimit,
    rateLimit: { max: deps.rateLimitPerMinute ?? 600 },
  })

  const letters = deps.store.collection<Letter>(LETTERS)
  await letters.ensureIndexes(LETTER_INDEXES)
  await forgetStoredSecret(deps.store, app.log)

  await app.register(letterRoutes, {
    prefix: '/api/v1/mailbox',
    letters,
    clock: deps.clock,
    secret: deps.secret,
    cipher: deps.cipher,
    rateLimitPerMinute: deps.submissionsPerMinute ?? 30,
  })

  const relay = new OutboxRelay({ store: deps.store, bus: deps.bus, collections: [LETTERS], logger: app.log })
  app.addHook('onReady', async () => relay.start())
  closeInOrder(app, [{ name: 'outbox relay', close: () => relay.stop() }])
  return app
}

/**
 * Earlier versions generated the secret and kept it in the `settings` collection, beside the letters it
 * protects. It is no longer read; its value is overwritten so that a copy of the store gives nothing away.
 */
async function forgetStoredSecret(store: DocumentStore, log: App['log']): Promise<void> {
  const settings = store.collection<{ value: string | null }>('settings')
  const stored = await settings.get('mailbox-secret')
  if (!stored || stored.value === null) return
  try {
    await settings.update(stored._id, stored.version, { value: null })
  } catch (err) {
    if (isConflict(err, 'stale')) return // another replica erased it first
    throw err
  }
  log.warn(
    'the mailbox secret kept in the store by an earlier version was erased; it comes from MAILBOX_SECRET now',
  )
}
