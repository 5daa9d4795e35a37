// Process concerns only: configuration (read once), logger, adapters, listen, graceful shutdown.
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
} from '@tingjian/kit'
import { buildTracking, SERVICE } from './app.ts'

const TrackingConfig = Type.Object({
  ...ServerConfig.properties,
  ...AdapterConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3003 }),
  JWT_PUBLIC_KEY: Type.String({ description: 'PEM of the token-verifying public key' }),
  TRACKING_PII_KEY: Type.String({
    minLength: 32,
    description: 'secret of the HMAC that makes phone and ID numbers searchable (32+ characters)',
  }),
  ESCALATION_INTERVAL_MS: Type.Integer({ minimum: 1000, default: 60_000 }),
  PUBLIC_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 30 }),
  PHONE_SEARCHES_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: 10,
    description: 'searches by phone number per member of staff and minute',
  }),
})

const config = loadConfig(TrackingConfig, process.env)
// the letters' contact fields are sealed with FIELD_KEYS: the same keys as the mailbox's
const cipher = fieldCipherOf(config)
const logger = createLogger({ level: config.LOG_LEVEL, name: SERVICE })
const { bus, store, readiness } = await connectAdapters(SERVICE, config, logger)

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
  phoneSearchesPerMinute: config.PHONE_SEARCHES_PER_MINUTE,
  bodyLimit: config.BODY_LIMIT_BYTES,
  trustProxy: trustProxyOf(config),
})

await serve(app, {
  host: config.HOST,
  port: config.PORT,
  logger,
  closeAfter: [bus, store],
})
