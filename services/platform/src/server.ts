// `./dev start`: the whole platform in one process, at one address (PORT, default 3000): the web app and
// the gateway in front of every service, the services on loopback ports of their own. On the embedded
// adapters (the default) it needs nothing but Node: SQLite files under DATA_DIR, keys generated on first
// start and kept there. With KAFKA_BROKERS and MONGO_URL set, the same services run on Kafka and MongoDB
// (then the keys must be configured).
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  ConfigError,
  createLogger,
  loadAdapterConfig,
  loadConfig,
  ServerConfig,
  scrub,
  systemClock,
  Type,
  trustProxyOf,
} from '@tingjian/kit'
import { DEFAULT_STATIC_DIR } from '@tingjian/web'
import { openPlatform, startPlatform } from './platform.ts'

const servicePort = (service: string) =>
  Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 0,
    description: `loopback port of ${service} (default: any free one; only the gateway talks to it)`,
  })

const Config = Type.Object({
  ...ServerConfig.properties,
  PORT: Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 3000,
    description: 'the platform’s one address',
  }),
  IDENTITY_PORT: servicePort('identity'),
  MAILBOX_PORT: servicePort('mailbox'),
  TRACKING_PORT: servicePort('tracking'),
  NOTIFICATIONS_PORT: servicePort('notifications'),
  JWT_PRIVATE_KEY: Type.Optional(
    Type.String({ description: 'PEM (Ed25519); generated under DATA_DIR when absent' }),
  ),
  TRACKING_PII_KEY: Type.Optional(Type.String({ minLength: 32 })),
  SEED_DEMO: Type.Boolean({
    default: true,
    description: 'create the demo departments and users on first start',
  }),
  SEED_PASSWORD: Type.Optional(Type.String({ minLength: 10 })),
  SMTP_HOST: Type.String({ default: '127.0.0.1' }),
  SMTP_PORT: Type.Integer({ default: 1025 }),
  MAIL_FROM: Type.String({ default: '听见 <noreply@tingjian.localhost>' }),
  MAIL_FILE_FALLBACK: Type.Boolean({
    default: true,
    description: 'when no SMTP server listens, write e-mail as .eml files under DATA_DIR/mail',
  }),
  WEB_URL: Type.Optional(Type.String({ description: 'the public site linked from e-mails' })),
  WEB_DIST_DIR: Type.String({ default: DEFAULT_STATIC_DIR, description: 'the built app (pnpm build)' }),
})

interface Secrets {
  jwtPrivateKey: string
  jwtPublicKey: string
  piiKey: string
}

/** Keys for the single-machine run: made once, kept (0600) beside the data they protect. */
function localSecrets(dir: string): Secrets {
  const file = join(dir, 'secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets
  mkdirSync(dir, { recursive: true })
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const secrets: Secrets = {
    jwtPrivateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    jwtPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    piiKey: randomBytes(32).toString('base64url'),
  }
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

async function main(): Promise<void> {
  const config = loadConfig(Config, process.env)
  const adapters = loadAdapterConfig(process.env)
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'platform' })
  const embedded = !adapters.KAFKA_BROKERS && !adapters.MONGO_URL

  const secrets = (): Secrets => {
    if (config.JWT_PRIVATE_KEY && config.JWT_PUBLIC_KEY && config.TRACKING_PII_KEY) {
      const pem = (v: string) => v.replaceAll('\\n', '\n')
      return {
        jwtPrivateKey: pem(config.JWT_PRIVATE_KEY),
        jwtPublicKey: pem(config.JWT_PUBLIC_KEY),
        piiKey: config.TRACKING_PII_KEY,
      }
    }
    if (!embedded) {
      throw new ConfigError(
        ['JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY', 'TRACKING_PII_KEY']
          .filter((v) => !config[v as keyof typeof config])
          .map((variable) => ({ variable, problem: 'is required on the distributed adapters' })),
      )
    }
    return localSecrets(adapters.DATA_DIR)
  }
  const keys = secrets()
  const seedPassword = config.SEED_DEMO
    ? (config.SEED_PASSWORD ?? randomBytes(9).toString('base64url'))
    : undefined
  const dataDir = resolve(adapters.DATA_DIR)
  mkdirSync(dataDir, { recursive: true })
  if (embedded) {
    logger.info({ dataDir }, 'single-machine mode: every service in this process, embedded bus and stores')
  } else {
    logger.info('every service in this process, on Kafka and MongoDB')
  }

  const platform = await startPlatform({
    adapters,
    logger,
    clock: systemClock,
    jwt: {
      privateKey: keys.jwtPrivateKey,
      publicKey: keys.jwtPublicKey,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    },
    piiKey: keys.piiKey,
    smtp: { host: config.SMTP_HOST, port: config.SMTP_PORT, from: config.MAIL_FROM },
    webUrl: config.WEB_URL ?? `http://localhost:${config.PORT}`,
    // The services listen on loopback only, and the gateway reaches them from there.
    trustProxy: ['loopback'],
    ...(config.MAIL_FILE_FALLBACK ? { mailFileFallbackDir: join(dataDir, 'mail') } : {}),
    ...(seedPassword ? { seedPassword } : {}),
  })
  if (platform.seeded && platform.seeded.created > 0 && !config.SEED_PASSWORD) {
    // Printed once, on the terminal only: never through the logger.
    process.stdout.write(
      `\nDemo users created (admin, dispatcher, handler.traffic, …) with the password: ${seedPassword}\n\n`,
    )
  }

  let open: Awaited<ReturnType<typeof openPlatform>>
  try {
    open = await openPlatform(platform, {
      host: config.HOST,
      port: config.PORT,
      logger,
      staticDir: config.WEB_DIST_DIR,
      servicePorts: {
        identity: config.IDENTITY_PORT,
        mailbox: config.MAILBOX_PORT,
        tracking: config.TRACKING_PORT,
        notifications: config.NOTIFICATIONS_PORT,
      },
      rateLimit: { max: config.RATE_LIMIT_PER_MINUTE },
      gatewayTrustProxy: trustProxyOf(config),
    })
  } catch (err) {
    await platform.close().catch(() => {})
    throw err
  }
  if (!existsSync(join(config.WEB_DIST_DIR, 'index.html'))) {
    logger.warn({ dir: config.WEB_DIST_DIR }, 'the web app is not built (run `pnpm build`); the API works')
  }
  const port = (open.gateway.server.address() as { port: number }).port
  const shown = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.HOST) ? 'localhost' : config.HOST
  logger.info({ url: open.url, services: open.upstreams }, 'platform running')
  process.stdout.write(`\nTingjian is running at http://${shown}:${port}  (Ctrl-C stops it)\n\n`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    const timer = setTimeout(() => {
      logger.error('shutdown timed out; exiting')
      process.exit(1)
    }, 25_000)
    timer.unref()
    try {
      await open.close()
      logger.info('stopped')
      process.exitCode = 0
    } catch (err) {
      logger.error({ err }, 'shutdown failed')
      process.exitCode = 1
    }
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(
    err instanceof ConfigError ? `platform: ${message}\n` : `platform: failed to start: ${scrub(message)}\n`,
  )
  process.exit(1)
})
