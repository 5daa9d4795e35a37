// The polls service for the bench: buildPolls as its server.ts runs it, with one difference: the consumer
// groups are named by BENCH_GROUP (Kafka groups are not namespaced: a bench must not join the groups of the
// services or tests on the same broker). The per-address limits come from the environment like the
// service's own (the bench raises them: every request comes from 127.0.0.1).
import {
  AdapterConfig,
  connectAdapters,
  createLogger,
  fieldCipherOf,
  loadConfig,
  ServerConfig,
  serve,
  systemClock,
  Type,
  trustProxyOf,
} from '../../packages/kit/src/index.ts'
import { buildPolls, SERVICE } from '../../services/polls/src/app.ts'

const Config = Type.Object({
  ...ServerConfig.properties,
  ...AdapterConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535 }),
  JWT_PUBLIC_KEY: Type.String(),
  POLLS_SECRET: Type.String({ minLength: 44 }),
  POLLS_CODES_PER_MINUTE: Type.Integer({ minimum: 1, default: 10 }),
  POLLS_BALLOTS_PER_MINUTE: Type.Integer({ minimum: 1, default: 30 }),
  POLLS_SCHEDULER_INTERVAL_MS: Type.Integer({ minimum: 1000, default: 15_000 }),
  BENCH_GROUP: Type.String({ minLength: 1 }),
})

const config = loadConfig(Config, process.env)
const cipher = fieldCipherOf(config)
const logger = createLogger({ level: config.LOG_LEVEL, name: SERVICE })
const { bus, store, readiness } = await connectAdapters(SERVICE, config, logger)

const app = await buildPolls({
  logger,
  bus,
  store,
  clock: systemClock,
  jwt: { publicKey: config.JWT_PUBLIC_KEY, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
  secret: Buffer.from(config.POLLS_SECRET, 'base64'),
  cipher,
  readiness,
  rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  codesPerMinute: config.POLLS_CODES_PER_MINUTE,
  ballotsPerMinute: config.POLLS_BALLOTS_PER_MINUTE,
  schedulerIntervalMs: config.POLLS_SCHEDULER_INTERVAL_MS,
  trustProxy: trustProxyOf(config),
  bodyLimit: config.BODY_LIMIT_BYTES,
  group: config.BENCH_GROUP,
})

await serve(app, { host: config.HOST, port: config.PORT, logger, closeAfter: [bus, store] })
