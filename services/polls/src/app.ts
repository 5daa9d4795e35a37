// The polls service (网上民调): questionnaires and department appraisals, one ballot per voter under the
// poll's rule, an eligibility ledger kept apart from the secret ballots, results counted from the ballots.
// Routes under /api/v1/polls; the outbox relay over the collections that announce events; the closing
// scheduler started when the app is ready.
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
import { type DocumentStore, OutboxRelay } from '@tingjian/store'
import {
  BALLOTS,
  INVITATIONS,
  openCollections,
  POLLS,
  type PollsContext,
  VERIFICATIONS,
} from './collections.ts'
import { commentRoutes } from './routes/comments.ts'
import { invitationRoutes } from './routes/invitations.ts'
import { pollRoutes } from './routes/polls.ts'
import { resultRoutes } from './routes/results.ts'
import { votingRoutes } from './routes/voting.ts'
import { scheduler } from './scheduler.ts'

export const SERVICE = 'polls'
export const PREFIX = '/api/v1/polls'

export interface PollsDeps {
  logger: Logger
  bus: EventBus
  store: DocumentStore
  clock: Clock
  jwt: JwtConfig
  /**
   * Keys the voter hashes of the ledger, the codes' hashes, the pending ballots' claims and the voting
   * tokens (POLLS_SECRET, 32+ bytes, the same on every replica). Configuration, never the store: with it,
   * the ledger's hashes could be tested against guessed numbers. Changing it while a poll runs lets its
   * voters vote again.
   */
  secret: Buffer
  /** Seals the number and the code in `polls.code-requested` (the kit's FieldCipher, FIELD_KEYS). */
  cipher: PollsContext['cipher']
  readiness?: readonly ReadinessCheck[]
  trustProxy?: AppOptions['trustProxy']
  bodyLimit?: number
  /** Requests per minute per address on every route (default 600). */
  rateLimitPerMinute?: number
  /** Verification requests and confirmations per minute per address (default 10). */
  codesPerMinute?: number
  /** Ballots per minute per address (default 30): the open rule's per-address limit. */
  ballotsPerMinute?: number
  /** Period of the closing scheduler (default 15 s; 0: never — tests call schedulerPass). */
  schedulerIntervalMs?: number
  /** Consumer groups' prefix (default `polls`): `<group>.token-revocations`. */
  group?: string
}

export async function buildPolls(deps: PollsDeps): Promise<App> {
  if (deps.secret.length < 32) throw new Error('the polls secret must have at least 32 bytes')
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
  const collections = await openCollections(deps.store)
  const ctx: PollsContext = { ...collections, clock: deps.clock, secret: deps.secret, cipher: deps.cipher }

  await revocations(app, { bus: deps.bus, store: deps.store, service: deps.group ?? SERVICE })

  await app.register(pollRoutes, { prefix: PREFIX, ...ctx, logger: log })
  await app.register(votingRoutes, {
    prefix: PREFIX,
    ...ctx,
    cookiePath: PREFIX,
    codesPerMinute: deps.codesPerMinute ?? 10,
    ballotsPerMinute: deps.ballotsPerMinute ?? 30,
  })
  await app.register(resultRoutes, { prefix: PREFIX, ...ctx })
  await app.register(invitationRoutes, { prefix: PREFIX, ...ctx })
  await app.register(commentRoutes, { prefix: PREFIX, ...ctx })

  const relay = new OutboxRelay({
    store: deps.store,
    bus: deps.bus,
    collections: [POLLS, BALLOTS, VERIFICATIONS, INVITATIONS],
    logger: log,
  })
  app.addHook('onReady', async () => relay.start())
  const closing = scheduler({ ...ctx, logger: log }, deps.schedulerIntervalMs ?? 15_000)
  app.addHook('onReady', async () => closing.start())

  closeInOrder(app, [
    { name: 'closing scheduler', close: () => closing.stop() },
    { name: 'outbox relay', close: () => relay.stop() },
  ])
  return app
}
