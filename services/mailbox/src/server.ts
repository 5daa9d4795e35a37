// Process concerns of the mailbox service: configuration (read once), logger, adapters, listen, shutdown.
import {
  AdapterConfig,
  ConfigError,
  connectAdapters,
  createLogger,
  fieldCipherOf,
  loadConfig,
  ServerConfig,
  scrub,
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

async function main(): Promise<void> {
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
}

main().catch((err: unknown) => {
  // a configuration problem names the variables; anything else is scrubbed of personal data and secrets
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(
    err instanceof ConfigError ? `mailbox: ${message}\n` : `mailbox: failed to start: ${scrub(message)}\n`,
  )
  process.exit(1)
})
