// The web service alone (the distributed deployment): the gateway and the app on PORT (3000), the
// services at IDENTITY_URL, MAILBOX_URL, TRACKING_URL, NOTIFICATIONS_URL, CALENDAR_URL, HOTLINE_URL, POLLS_URL,
// CALLBACKS_URL and RECTIFICATION_URL.
import { createLogger, loadConfig, ServerConfig, scrub, serve, Type, trustProxyOf } from '@tingjian/kit'
import { buildGateway, DEFAULT_STATIC_DIR, SERVICE } from './app.ts'

export const DEFAULT_PORT = 3000

const url = (service: string, port: number) =>
  Type.String({
    pattern: '^https?://',
    default: `http://127.0.0.1:${port}`,
    description: `base URL of the ${service} service`,
  })

const Config = Type.Object({
  ...ServerConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: DEFAULT_PORT }),
  IDENTITY_URL: url('identity', 3001),
  MAILBOX_URL: url('mailbox', 3002),
  TRACKING_URL: url('tracking', 3003),
  NOTIFICATIONS_URL: url('notifications', 3004),
  CALENDAR_URL: url('calendar', 3009),
  HOTLINE_URL: url('hotline', 3005),
  POLLS_URL: url('polls', 3006),
  CALLBACKS_URL: url('callbacks', 3007),
  RECTIFICATION_URL: url('rectification', 3008),
  WEB_DIST_DIR: Type.String({ default: DEFAULT_STATIC_DIR, description: 'the built app (vite build)' }),
  UPSTREAM_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 30_000 }),
})

try {
  const config = loadConfig(Config, process.env)
  const logger = createLogger({ level: config.LOG_LEVEL, name: SERVICE })
  const app = await buildGateway({
    logger,
    upstreams: {
      identity: config.IDENTITY_URL,
      mailbox: config.MAILBOX_URL,
      tracking: config.TRACKING_URL,
      notifications: config.NOTIFICATIONS_URL,
      calendar: config.CALENDAR_URL,
      hotline: config.HOTLINE_URL,
      polls: config.POLLS_URL,
      callbacks: config.CALLBACKS_URL,
      rectification: config.RECTIFICATION_URL,
    },
    staticDir: config.WEB_DIST_DIR,
    trustProxy: trustProxyOf(config),
    rateLimit: { max: config.RATE_LIMIT_PER_MINUTE },
    bodyLimit: config.BODY_LIMIT_BYTES,
    upstreamTimeoutMs: config.UPSTREAM_TIMEOUT_MS,
  })
  await serve(app, { host: config.HOST, port: config.PORT, logger })
} catch (err) {
  process.stderr.write(`web: failed to start: ${scrub(err instanceof Error ? err.message : String(err))}\n`)
  process.exit(1)
}
