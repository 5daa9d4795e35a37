// Process concerns of the mailbox service: configuration (read once), logger, adapters, listen, shutdown.
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
import { buildMailbox, SERVICE } from './app.ts'

const Config = Type.Object({
  ...ServerConfig.properties,
  ...AdapterConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3002 }),
  MAILBOX_SECRET: Type.String({
    minLength: 44,
    description:
      'base64 of 32+ random bytes (`openssl rand -base64 32`): derives the access key of an idempotent retry; the same on every replica',
  }),
  MAILBOX_SUBMISSIONS_PER_MINUTE: Type.Integer({ minimum: 1, default: 30 }),
})

const config = loadConfig(Config, process.env)
const cipher = fieldCipherOf(config)
const logger = createLogger({ level: config.LOG_LEVEL, name: SERVICE })
const { bus, store, readiness } = await connectAdapters(SERVICE, config, logger)
const app = await buildMailbox({
  logger,
  bus,
  store,
  clock: systemClock,
  secret: Buffer.from(config.MAILBOX_SECRET, 'base64'),
  cipher,
  readiness,
  rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  submissionsPerMinute: config.MAILBOX_SUBMISSIONS_PER_MINUTE,
  trustProxy: trustProxyOf(config),
  bodyLimit: config.BODY_LIMIT_BYTES,
})
await serve(app, { host: config.HOST, port: config.PORT, logger, closeAfter: [bus, store] })
