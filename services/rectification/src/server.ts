// Process concerns of the rectification service: configuration (read once), logger, adapters (bus,
// store, and the evidence blobs: the kit's connectBlobs, GridFS beside MongoDB, else files), listen, shutdown.
import type { BlobStore } from '@tingjian/blob'
import {
  AdapterConfig,
  ConfigError,
  connectAdapters,
  connectBlobs,
  createLogger,
  loadConfig,
  ServerConfig,
  scrub,
  serve,
  systemClock,
  Type,
  trustProxyOf,
} from '@tingjian/kit'
import { buildRectification, SERVICE } from './app.ts'

const Config = Type.Object({
  ...ServerConfig.properties,
  ...AdapterConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3008 }),
  JWT_PUBLIC_KEY: Type.String({ description: 'PEM of the token-verifying public key' }),
  RECTIFICATION_ALERT_THRESHOLD: Type.Integer({
    minimum: 1,
    maximum: 1000,
    default: 3,
    description: 'problems at one place within the window that raise a trend alert',
  }),
  RECTIFICATION_ALERT_WINDOW_DAYS: Type.Integer({
    minimum: 1,
    maximum: 366,
    default: 30,
    description: 'the rolling window of trend alerts, in days',
  }),
  RECTIFICATION_DEADLINE_DAYS: Type.Integer({
    minimum: 1,
    maximum: 120,
    default: 15,
    description: "an order's deadline in working days when the officer gives none",
  }),
  RECTIFICATION_WARNING_DAYS: Type.Integer({
    minimum: 1,
    maximum: 60,
    default: 5,
    description: "a warning's (告诫) new deadline, in working days after it",
  }),
  RECTIFICATION_SCHEDULER_INTERVAL_MS: Type.Integer({ minimum: 1000, default: 60_000 }),
  BLOB_DIR: Type.Optional(
    Type.String({
      minLength: 1,
      description: 'evidence files without MongoDB (default DATA_DIR/blobs/rectification)',
    }),
  ),
})

async function main(): Promise<void> {
  const config = loadConfig(Config, process.env)
  const logger = createLogger({ level: config.LOG_LEVEL, name: SERVICE })
  const { bus, store, readiness } = await connectAdapters(SERVICE, config, logger)
  let blobs: BlobStore
  try {
    blobs = await connectBlobs(SERVICE, config, logger, {
      bucket: 'evidence',
      ...(config.BLOB_DIR ? { dir: config.BLOB_DIR } : {}),
    })
  } catch (err) {
    await bus.close()
    await store.close()
    throw err
  }
  const app = await buildRectification({
    logger,
    bus,
    store,
    blobs,
    clock: systemClock,
    jwt: { publicKey: config.JWT_PUBLIC_KEY, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
    readiness,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    settings: {
      alertThreshold: config.RECTIFICATION_ALERT_THRESHOLD,
      alertWindowDays: config.RECTIFICATION_ALERT_WINDOW_DAYS,
      defaultDeadlineDays: config.RECTIFICATION_DEADLINE_DAYS,
      warningExtensionDays: config.RECTIFICATION_WARNING_DAYS,
    },
    schedulerIntervalMs: config.RECTIFICATION_SCHEDULER_INTERVAL_MS,
    trustProxy: trustProxyOf(config),
    bodyLimit: config.BODY_LIMIT_BYTES,
  })
  await serve(app, { host: config.HOST, port: config.PORT, logger, closeAfter: [blobs, bus, store] })
}

main().catch((err: unknown) => {
  // a configuration problem names the variables; anything else is scrubbed of personal data and secrets
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(
    err instanceof ConfigError
      ? `${SERVICE}: ${message}\n`
      : `${SERVICE}: failed to start: ${scrub(message)}\n`,
  )
  process.exit(1)
})
