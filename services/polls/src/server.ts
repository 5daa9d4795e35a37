// Process concerns of the polls service: configuration (read once), logger, adapters, listen, shutdown.
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
import { buildPolls, SERVICE } from './app.ts'

const Config = Type.Object({
  ...ServerConfig.properties,
  ...AdapterConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3006 }),
  JWT_PUBLIC_KEY: Type.String({ description: 'PEM of the token-verifying public key' }),
  POLLS_SECRET: Type.String({
    minLength: 44,
    description:
      'base64 of 32+ random bytes (`openssl rand -base64 32`): keys the ledger’s voter hashes, the codes and the voting tokens; the same on every replica; never changed while a poll runs',
  }),
  POLLS_CODES_PER_MINUTE: Type.Integer({ minimum: 1, default: 10 }),
  POLLS_BALLOTS_PER_MINUTE: Type.Integer({ minimum: 1, default: 30 }),
  POLLS_SCHEDULER_INTERVAL_MS: Type.Integer({ minimum: 1000, default: 15_000 }),
})

async function main(): Promise<void> {
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
  })
  await serve(app, { host: config.HOST, port: config.PORT, logger, closeAfter: [bus, store] })
}

main().catch((err: unknown) => {
  // a configuration problem names the variables; anything else is scrubbed of personal data and secrets
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(
    err instanceof ConfigError ? `polls: ${message}\n` : `polls: failed to start: ${scrub(message)}\n`,
  )
  process.exit(1)
})
