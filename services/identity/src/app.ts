// buildIdentity: the identity service as the kit's App (departments, staff accounts, login and tokens).
// Route plugins under their prefix, the outbox relay started when the app is ready, everything closed in
// order (services/README.md). No process concerns (see server.ts).
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { EventBus } from '@tingjian/bus'
import {
  type App,
  type AppOptions,
  addAccessCheck,
  buildApp,
  type Clock,
  closeInOrder,
  type JwtConfig,
  type Logger,
  type ReadinessCheck,
  systemClock,
} from '@tingjian/kit'
import { type DocumentStore, OutboxRelay } from '@tingjian/store'
import { storedAccountCheck } from './access.ts'
import { collections, DEPARTMENTS, ensureIndexes, USERS } from './data.ts'
import { DEFAULT_SCRYPT, hashPassword, type ScryptParams } from './domain/passwords.ts'
import { authRoutes } from './routes/auth.ts'
import { departmentRoutes } from './routes/departments.ts'
import { userRoutes } from './routes/users.ts'

export const SERVICE = 'identity'
/** Identity's resources (`/auth/…`, `/me`, `/departments`, `/users`) sit directly under `/api/v1`. */
const API_PREFIX = '/api/v1'

export interface IdentityDeps {
  logger: Logger
  store: DocumentStore
  bus: EventBus
  /** Verifies and signs access tokens: identity is the only service with the private key. */
  jwt: JwtConfig & { privateKey: string }
  clock?: Clock
  bodyLimit?: number
  rateLimit?: AppOptions['rateLimit']
  trustProxy?: AppOptions['trustProxy']
  readiness?: readonly ReadinessCheck[]
  /**
   * How a throttled login waits (default: a timer of the given length). Tests pass one that records the
   * delay and returns at once.
   */
  loginDelay?: (ms: number) => Promise<void>
  /**
   * Cost of new password hashes (default N=2^15, r=8, p=1). Stored hashes carry their own parameters;
   * tests lower it to stay fast.
   */
  scrypt?: ScryptParams
  /** The outbox relay's options; false starts none (a test that calls drain() itself). */
  relay?: { sweepIntervalMs?: number } | false
}

export async function buildIdentity(deps: IdentityDeps): Promise<App> {
  const clock = deps.clock ?? systemClock
  const app = await buildApp({
    service: SERVICE,
    logger: deps.logger,
    jwt: deps.jwt,
    ...(deps.bodyLimit !== undefined ? { bodyLimit: deps.bodyLimit } : {}),
    ...(deps.rateLimit !== undefined ? { rateLimit: deps.rateLimit } : {}),
    ...(deps.trustProxy !== undefined ? { trustProxy: deps.trustProxy } : {}),
    ...(deps.readiness ? { readiness: deps.readiness } : {}),
  })

  const c = collections(deps.store)
  await ensureIndexes(c)

  const scrypt = deps.scrypt ?? DEFAULT_SCRYPT
  const dummyHash = hashPassword(randomBytes(18).toString('base64url'), scrypt)
  await app.register(authRoutes, {
    prefix: API_PREFIX,
    collections: c,
    clock,
    loginDelay: deps.loginDelay ?? ((ms) => sleep(ms)),
    dummyHash,
  })
  await app.register(departmentRoutes, { prefix: API_PREFIX, collections: c, clock })
  await app.register(userRoutes, { prefix: API_PREFIX, collections: c, clock, scrypt })

  // Identity's own staff routes refuse revoked tokens by the stored account (the other services learn
  // revocations from identity's events through the kit's `revocations`).
  addAccessCheck(app, storedAccountCheck(c))

  if (deps.relay !== false) {
    const relay = new OutboxRelay({
      store: deps.store,
      bus: deps.bus,
      logger: app.log,
      collections: [DEPARTMENTS, USERS],
      ...(deps.relay?.sweepIntervalMs ? { sweepIntervalMs: deps.relay.sweepIntervalMs } : {}),
    })
    app.addHook('onReady', async () => relay.start())
    closeInOrder(app, [{ name: 'outbox relay', close: () => relay.stop() }])
  }
  await dummyHash
  return app
}
