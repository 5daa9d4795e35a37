// Process concerns of the calendar service: configuration (read once), logger, adapters, listen, shutdown.
import {
  AdapterConfig,
  ConfigError,
  connectAdapters,
  createLogger,
  loadConfig,
  ServerConfig,
  scrub,
  serve,
  systemClock,
  Type,
  trustProxyOf,
} from '@tingjian/kit'
import { buildCalendar, SERVICE } from './app.ts'

const Config = Type.Object({
  ...ServerConfig.properties,
  ...AdapterConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3009 }),
  JWT_PUBLIC_KEY: Type.String({ description: 'PEM of the token-verifying public key' }),
  CALENDAR_REANNOUNCE_HOURS: Type.Integer({
    minimum: 0,
    default: 24,
    description:
      "a year's table is announced again when its last announcement is this old (0: never); keep it below the calendar topic's retention",
  }),
})

async function main(): Promise<void> {
  const config = loadConfig(Config, process.env)
  const logger = createLogger({ level: config.LOG_LEVEL, name: SERVICE })
  const { bus, store, readiness } = await connectAdapters(SERVICE, config, logger)
  const app = await buildCalendar({
    logger,
    bus,
    store,
    clock: systemClock,
    jwt: { publicKey: config.JWT_PUBLIC_KEY, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
    readiness,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    trustProxy: trustProxyOf(config),
    bodyLimit: config.BODY_LIMIT_BYTES,
    reannounceIntervalMs: config.CALENDAR_REANNOUNCE_HOURS * 3_600_000,
  })
  await serve(app, { host: config.HOST, port: config.PORT, logger, closeAfter: [bus, store] })
}

main().catch((err: unknown) => {
  // a configuration problem names the variables; anything else is scrubbed
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(
    err instanceof ConfigError ? `calendar: ${message}\n` : `calendar: failed to start: ${scrub(message)}\n`,
  )
  process.exit(1)
})
