// Process concerns of the mailbox service: configuration, logger, adapters, listen, shutdown.
import {
  connectAdapters,
  createLogger,
  loadAdapterConfig,
  loadConfig,
  ServerConfig,
  serve,
  systemClock,
  Type,
  trustProxyOf,
} from '@tingjian/kit'
import { buildMailbox } from './app.ts'

const Config = Type.Object({
  ...ServerConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3002 }),
  MAILBOX_SECRET: Type.Optional(
    Type.String({
      minLength: 44,
      description: 'base64 of 32+ random bytes; generated and stored when absent',
    }),
  ),
  MAILBOX_SUBMISSIONS_PER_MINUTE: Type.Integer({ minimum: 1, default: 30 }),
})

const config = loadConfig(Config, process.env)
const adapterConfig = loadAdapterConfig(process.env)
const logger = createLogger({ level: config.LOG_LEVEL, name: 'mailbox' })
const { bus, store, readiness } = await connectAdapters('mailbox', adapterConfig, logger)
const app = await buildMailbox({
  logger,
  bus,
  store,
  clock: systemClock,
  readiness,
  secret: config.MAILBOX_SECRET ? Buffer.from(config.MAILBOX_SECRET, 'base64') : undefined,
  rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  submissionsPerMinute: config.MAILBOX_SUBMISSIONS_PER_MINUTE,
  trustProxy: trustProxyOf(config),
  bodyLimit: config.BODY_LIMIT_BYTES,
})
await serve(app, { host: config.HOST, port: config.PORT, logger, closeAfter: [bus, store] })
