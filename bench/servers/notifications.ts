// services/notifications/src/server.ts with one difference: the consumer group is named by BENCH_GROUP
// (Kafka groups are not namespaced; see ./tracking.ts).
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
import { buildNotifications, SERVICE } from '../../services/notifications/src/app.ts'
import { EmailChannel } from '../../services/notifications/src/channels/email.ts'
import { NotificationsConfig } from '../../services/notifications/src/schemas/config.ts'

const Config = Type.Object({
  ...ServerConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3004 }),
  ...NotificationsConfig.properties,
  JWT_PUBLIC_KEY: Type.String(),
  BENCH_GROUP: Type.String({ minLength: 1 }),
})

const config = loadConfig(Config, process.env)
// the receipts' addresses arrive sealed with FIELD_KEYS (the mailbox's and tracking's keys)
const cipher = fieldCipherOf(config)
const adapterConfig = loadAdapterConfig(process.env)
const logger = createLogger({ level: config.LOG_LEVEL, name: SERVICE })
const { bus, store, readiness } = await connectAdapters(SERVICE, adapterConfig, logger)

const email = new EmailChannel({
  host: config.SMTP_HOST,
  port: config.SMTP_PORT,
  secure: config.SMTP_SECURE,
  from: config.MAIL_FROM,
  connectionTimeoutMs: config.SMTP_TIMEOUT_MS,
})

const app = await buildNotifications({
  logger,
  bus,
  store,
  channels: { email },
  clock: systemClock,
  jwt: { publicKey: config.JWT_PUBLIC_KEY, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
  cipher,
  webUrl: config.WEB_URL,
  sendPolicy: {
    attempts: config.SEND_ATTEMPTS,
    initialBackoffMs: config.SEND_BACKOFF_MS,
    maxBackoffMs: Math.max(config.SEND_BACKOFF_MS, 5_000),
  },
  readiness,
  trustProxy: trustProxyOf(config),
  rateLimit: { max: config.RATE_LIMIT_PER_MINUTE },
  bodyLimit: config.BODY_LIMIT_BYTES,
  group: config.BENCH_GROUP,
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
