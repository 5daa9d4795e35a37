// `./dev start`: every service in one process. On the embedded adapters (the default) it needs nothing
// but Node: SQLite files under DATA_DIR, keys generated on first start and kept there. With KAFKA_BROKERS
// and MONGO_URL set, the same services run on Kafka and MongoDB (then keys must be configured).
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  ConfigError,
  createLogger,
  loadAdapterConfig,
  loadConfig,
  ServerConfig,
  systemClock,
  Type,
} from '@tingjian/kit'
import { startPlatform } from './platform.ts'

const Config = Type.Object({
  ...ServerConfig.properties,
  PORT: Type.Optional(Type.Integer()),
  IDENTITY_PORT: Type.Integer({ default: 3001 }),
  MAILBOX_PORT: Type.Integer({ default: 3002 }),
  TRACKING_PORT: Type.Integer({ default: 3003 }),
  NOTIFICATIONS_PORT: Type.Integer({ default: 3004 }),
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
  WEB_URL: Type.String({ default: 'http://127.0.0.1:3000' }),
})

const config = loadConfig(Config, process.env)
const adapters = loadAdapterConfig(process.env)
const logger = createLogger({ level: config.LOG_LEVEL, name: 'platform' })
const embedded = !adapters.KAFKA_BROKERS && !adapters.MONGO_URL

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

function secrets(): Secrets {
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
if (embedded) logger.info({ dataDir: adapters.DATA_DIR }, 'single-machine mode: embedded bus and stores')

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
  webUrl: config.WEB_URL,
  ...(seedPassword ? { seedPassword } : {}),
})
if (platform.seeded && platform.seeded.created > 0 && !config.SEED_PASSWORD) {
  // Printed once, on the terminal only: never through the logger.
  process.stdout.write(
    `\nDemo users created (admin, dispatcher, handler.traffic, …) with the password: ${seedPassword}\n\n`,
  )
}

const ports = {
  identity: config.IDENTITY_PORT,
  mailbox: config.MAILBOX_PORT,
  tracking: config.TRACKING_PORT,
  notifications: config.NOTIFICATIONS_PORT,
} as const
for (const [name, port] of Object.entries(ports)) {
  await platform.apps[name as keyof typeof ports].listen({ host: config.HOST, port })
}
logger.info({ ports }, 'platform running')

let stopping = false
const stop = async (signal: string) => {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'shutting down')
  setTimeout(() => process.exit(1), 25_000).unref()
  await platform.close()
  logger.info('stopped')
}
process.once('SIGTERM', () => void stop('SIGTERM'))
process.once('SIGINT', () => void stop('SIGINT'))
