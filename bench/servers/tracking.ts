// services/tracking/src/server.ts with one difference: the consumer groups are named by BENCH_GROUP.
// Kafka consumer groups are not namespaced and tracking's server.ts always joins `tracking`: a bench on a
// Kafka shared with tests must not join (and rebalance, or be handed partitions of) their groups.
// For diagnosis only, BENCH_NO_RELAY=1 keeps the outbox relay asleep (events stay in the outbox), to tell
// the consumer's cost from the relay's.
import {
  connectAdapters,
  createLogger,
  fieldCipherOf,
  loadAdapterConfig,
  loadConfig,
  ServerConfig,
  serve,
  systemClock,
  Type,
  trustProxyOf,
} from '../../packages/kit/src/index.ts'
import type { DocumentStore } from '../../packages/store/src/index.ts'
import { buildTracking } from '../../services/tracking/src/app.ts'

const Config = Type.Object({
  ...ServerConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3003 }),
  JWT_PUBLIC_KEY: Type.String(),
  TRACKING_PII_KEY: Type.String({ minLength: 32 }),
  ESCALATION_INTERVAL_MS: Type.Integer({ minimum: 1000, default: 60_000 }),
  PUBLIC_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 30 }),
  BENCH_GROUP: Type.String({ minLength: 1 }),
  BENCH_NO_RELAY: Type.Boolean({ default: false }),
})

const config = loadConfig(Config, process.env)
const cipher = fieldCipherOf(config)
const adapterConfig = loadAdapterConfig(process.env)
const logger = createLogger({ level: config.LOG_LEVEL, name: 'tracking' })
const adapters = await connectAdapters('tracking', adapterConfig, logger)
const { bus, readiness } = adapters
const store: DocumentStore = config.BENCH_NO_RELAY
  ? new Proxy(adapters.store, {
      get(target, key) {
        // the relay is woken by outbox writes: no wake-ups, and its sweep is set to an hour below
        if (key === 'onOutboxWrite') return () => () => {}
        const value = Reflect.get(target, key, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  : adapters.store

const app = await buildTracking({
  bus,
  store,
  logger,
  readiness,
  clock: systemClock,
  jwt: { publicKey: config.JWT_PUBLIC_KEY, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
  piiKey: config.TRACKING_PII_KEY,
  cipher,
  escalationIntervalMs: config.ESCALATION_INTERVAL_MS,
  rateLimit: { max: config.RATE_LIMIT_PER_MINUTE },
  publicRateLimitPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
  bodyLimit: config.BODY_LIMIT_BYTES,
  trustProxy: trustProxyOf(config),
  group: config.BENCH_GROUP,
  ...(config.BENCH_NO_RELAY ? { relaySweepIntervalMs: 3_600_000 } : {}),
})

await serve(app, {
  host: config.HOST,
  port: config.PORT,
  logger,
  closeAfter: [
    { name: 'bus', close: () => bus.close() },
    { name: 'store', close: () => store.close() },
  ],
})
