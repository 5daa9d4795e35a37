// `./dev start`: the whole platform in one process, at one address (PORT, default 3000): the web app and
// the gateway in front of every service, the services on loopback ports of their own. On the embedded
// adapters (the default) it needs nothing but Node: SQLite files under DATA_DIR, keys generated on first
// start and kept there. With KAFKA_BROKERS and MONGO_URL set, the same services run on Kafka and MongoDB
// (then the keys must be configured).
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseServiceHours } from '@tingjian/hotline'
import {
  AdapterConfig,
  ConfigError,
  createLogger,
  FieldCipher,
  generateFieldKeys,
  loadConfig,
  ServerConfig,
  scrub,
  systemClock,
  Type,
  trustProxyOf,
} from '@tingjian/kit'
import { DEFAULT_STATIC_DIR } from '@tingjian/web'
import { openPlatform, SIMULATED_LINE, startPlatform } from './platform.ts'

const E164 = '^\\+[1-9][0-9]{6,14}$'

const servicePort = (service: string) =>
  Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 0,
    description: `loopback port of ${service} (default: any free one; only the gateway talks to it)`,
  })

const Config = Type.Object({
  ...ServerConfig.properties,
  ...AdapterConfig.properties,
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
  HOTLINE_PORT: servicePort('hotline'),
  POLLS_PORT: servicePort('polls'),
  CALLBACKS_PORT: servicePort('callbacks'),
  RECTIFICATION_PORT: servicePort('rectification'),
  CALENDAR_PORT: servicePort('calendar'),
  JWT_PRIVATE_KEY: Type.Optional(
    Type.String({ description: 'PEM (Ed25519); generated under DATA_DIR when absent' }),
  ),
  TRACKING_PII_KEY: Type.Optional(Type.String({ minLength: 32 })),
  MAILBOX_SECRET: Type.Optional(
    Type.String({
      minLength: 44,
      description: 'base64 of 32+ random bytes; generated (embedded) when absent',
    }),
  ),
  POLLS_SECRET: Type.Optional(
    Type.String({
      minLength: 44,
      description:
        'base64 of 32+ random bytes: the polls’ voter-ledger key; generated (embedded) when absent',
    }),
  ),
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
  PUBLIC_BASE_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^/?#]+$',
      description:
        'the address the telephony provider calls (webhooks are verified against it); default WEB_URL or http://localhost:PORT',
    }),
  ),
  TWILIO_ACCOUNT_SID: Type.Optional(Type.String({ pattern: '^AC[0-9a-fA-F]{32}$' })),
  TWILIO_AUTH_TOKEN: Type.Optional(
    Type.String({
      minLength: 32,
      description: 'set: calls and SMS through Twilio, webhooks checked against it',
    }),
  ),
  TWILIO_HOTLINE_NUMBER: Type.Optional(Type.String({ pattern: E164 })),
  TWILIO_SMS_FROM: Type.Optional(Type.String({ pattern: E164 })),
  SIMULATOR_AUTH_TOKEN: Type.Optional(
    Type.String({
      minLength: 32,
      description: 'signs the simulator’s webhooks; generated under DATA_DIR when absent',
    }),
  ),
  HOTLINE_LINE_NUMBER: Type.String({
    pattern: E164,
    default: SIMULATED_LINE,
    description: 'the simulated line',
  }),
  HOTLINE_SERVICE_HOURS: Type.String({
    default: '24x7',
    description:
      '`24x7`, `workdays 08:30-17:30` or `daily 08:00-20:00` (Asia/Shanghai, working-day calendar)',
  }),
  HOTLINE_CALLBACK_DUE_HOURS: Type.Number({ minimum: 0.25, maximum: 240, default: 2 }),
  HOTLINE_RECORDING_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 180 }),
  HOTLINE_RECORD_CALLS: Type.Boolean({ default: false }),
})

interface Secrets {
  jwtPrivateKey: string
  jwtPublicKey: string
  piiKey: string
  /** base64 of 32 bytes: the mailbox's key for access keys of idempotent retries. */
  mailboxSecret: string
  /** FIELD_KEYS: the keys that seal citizens' contact fields (first current). */
  fieldKeys: string
  /** SIMULATOR_AUTH_TOKEN: signs the telephony simulator's webhooks. */
  simulatorToken: string
  /** POLLS_SECRET: base64 of 32 bytes, the key of the polls' voter ledger and voting tokens. */
  pollsSecret: string
}

/**
 * Keys for the single-machine run: made once and kept (0600) in DATA_DIR/secrets.json — beside the data
 * directory, never inside a service's store. A file from an earlier version gets the keys it lacks.
 */
function localSecrets(dir: string): Secrets {
  const file = join(dir, 'secrets.json')
  const kept: Partial<Secrets> = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>)
    : {}
  let changed = false
  const keep = <K extends keyof Secrets>(name: K, make: () => Secrets[K]): Secrets[K] => {
    const value = kept[name]
    if (value) return value
    changed = true
    return make()
  }
  const pair = kept.jwtPrivateKey && kept.jwtPublicKey ? null : generateKeyPairSync('ed25519')
  const secrets: Secrets = {
    jwtPrivateKey: keep('jwtPrivateKey', () =>
      (pair?.privateKey.export({ type: 'pkcs8', format: 'pem' }) ?? '').toString(),
    ),
    jwtPublicKey: keep('jwtPublicKey', () =>
      (pair?.publicKey.export({ type: 'spki', format: 'pem' }) ?? '').toString(),
    ),
    piiKey: keep('piiKey', () => randomBytes(32).toString('base64url')),
    mailboxSecret: keep('mailboxSecret', () => randomBytes(32).toString('base64')),
    fieldKeys: keep('fieldKeys', () => generateFieldKeys('k1')),
    simulatorToken: keep('simulatorToken', () => randomBytes(32).toString('base64url')),
    pollsSecret: keep('pollsSecret', () => randomBytes(32).toString('base64')),
  }
  if (changed) {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
    chmodSync(file, 0o600)
  }
  return secrets
}

function cipherOf(fieldKeys: string): FieldCipher {
  try {
    return FieldCipher.fromConfig(fieldKeys)
  } catch (err) {
    throw new ConfigError([{ variable: 'FIELD_KEYS', problem: `is invalid: ${(err as Error).message}` }])
  }
}

/** Twilio's settings when TWILIO_AUTH_TOKEN is set (then the account and the number are required too). */
function twilioOf(config: {
  TWILIO_ACCOUNT_SID?: string
  TWILIO_AUTH_TOKEN?: string
  TWILIO_HOTLINE_NUMBER?: string
  TWILIO_SMS_FROM?: string
}) {
  if (!config.TWILIO_AUTH_TOKEN) return null
  const problems = [
    ...(config.TWILIO_ACCOUNT_SID ? [] : ['TWILIO_ACCOUNT_SID']),
    ...(config.TWILIO_HOTLINE_NUMBER ? [] : ['TWILIO_HOTLINE_NUMBER']),
  ].map((variable) => ({ variable, problem: 'is required with TWILIO_AUTH_TOKEN' }))
  if (problems.length > 0 || !config.TWILIO_ACCOUNT_SID || !config.TWILIO_HOTLINE_NUMBER) {
    throw new ConfigError(problems)
  }
  return {
    accountSid: config.TWILIO_ACCOUNT_SID,
    authToken: config.TWILIO_AUTH_TOKEN,
    hotlineNumber: config.TWILIO_HOTLINE_NUMBER,
    smsFrom: config.TWILIO_SMS_FROM ?? config.TWILIO_HOTLINE_NUMBER,
  }
}

async function main(): Promise<void> {
  const config = loadConfig(Config, process.env)
  const adapters: AdapterConfig = config
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'platform' })
  const embedded = !adapters.KAFKA_BROKERS && !adapters.MONGO_URL

  // Each key from its variable; on one machine, what is not configured comes from DATA_DIR/secrets.json.
  const secrets = (): Secrets => {
    const configured = {
      JWT_PRIVATE_KEY: config.JWT_PRIVATE_KEY,
      JWT_PUBLIC_KEY: config.JWT_PUBLIC_KEY,
      TRACKING_PII_KEY: config.TRACKING_PII_KEY,
      MAILBOX_SECRET: config.MAILBOX_SECRET,
      FIELD_KEYS: config.FIELD_KEYS,
      // only the simulator needs it; with Twilio, Twilio's auth token signs
      SIMULATOR_AUTH_TOKEN: config.SIMULATOR_AUTH_TOKEN ?? (config.TWILIO_AUTH_TOKEN ? 'unused' : undefined),
      POLLS_SECRET: config.POLLS_SECRET,
    }
    const missing = Object.entries(configured).filter(([, value]) => !value)
    if (missing.length > 0 && !embedded) {
      throw new ConfigError(
        missing.map(([variable]) => ({ variable, problem: 'is required on the distributed adapters' })),
      )
    }
    const local = missing.length > 0 ? localSecrets(adapters.DATA_DIR) : null
    const pem = (v: string) => v.replaceAll('\\n', '\n')
    const jwtPair =
      configured.JWT_PRIVATE_KEY && configured.JWT_PUBLIC_KEY
        ? { jwtPrivateKey: pem(configured.JWT_PRIVATE_KEY), jwtPublicKey: pem(configured.JWT_PUBLIC_KEY) }
        : null
    const either = (value: string | undefined, name: keyof Secrets): string => {
      const v = value ?? local?.[name]
      if (!v) throw new ConfigError([{ variable: name, problem: 'is missing' }])
      return v
    }
    return {
      jwtPrivateKey: jwtPair?.jwtPrivateKey ?? either(undefined, 'jwtPrivateKey'),
      jwtPublicKey: jwtPair?.jwtPublicKey ?? either(undefined, 'jwtPublicKey'),
      piiKey: either(configured.TRACKING_PII_KEY, 'piiKey'),
      mailboxSecret: either(configured.MAILBOX_SECRET, 'mailboxSecret'),
      fieldKeys: either(configured.FIELD_KEYS, 'fieldKeys'),
      simulatorToken: either(configured.SIMULATOR_AUTH_TOKEN, 'simulatorToken'),
      pollsSecret: either(configured.POLLS_SECRET, 'pollsSecret'),
    }
  }
  const twilio = twilioOf(config)
  const serviceHours = parseServiceHours(config.HOTLINE_SERVICE_HOURS)
  if (!serviceHours) {
    throw new ConfigError([
      {
        variable: 'HOTLINE_SERVICE_HOURS',
        problem: 'must be 24x7, workdays HH:MM-HH:MM or daily HH:MM-HH:MM',
      },
    ])
  }
  const keys = secrets()
  const webUrl = config.WEB_URL ?? `http://localhost:${config.PORT}`
  const seedPassword = config.SEED_DEMO
    ? (config.SEED_PASSWORD ?? randomBytes(9).toString('base64url'))
    : undefined
  const dataDir = resolve(adapters.DATA_DIR)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
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
    cipher: cipherOf(keys.fieldKeys),
    mailboxSecret: Buffer.from(keys.mailboxSecret, 'base64'),
    pollsSecret: Buffer.from(keys.pollsSecret, 'base64'),
    smtp: { host: config.SMTP_HOST, port: config.SMTP_PORT, from: config.MAIL_FROM },
    webUrl,
    telephony: {
      publicBaseUrl: (config.PUBLIC_BASE_URL ?? webUrl).replace(/\/+$/, ''),
      simulatorToken: keys.simulatorToken,
      lineNumber: config.HOTLINE_LINE_NUMBER,
      ...(twilio ? { twilio } : {}),
      hotline: {
        serviceHours,
        callbackDueHours: config.HOTLINE_CALLBACK_DUE_HOURS,
        recordingDays: config.HOTLINE_RECORDING_DAYS,
        recordCalls: config.HOTLINE_RECORD_CALLS,
      },
    },
    rectification: {
      settings: {
        alertThreshold: config.RECTIFICATION_ALERT_THRESHOLD,
        alertWindowDays: config.RECTIFICATION_ALERT_WINDOW_DAYS,
      },
    },
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
        hotline: config.HOTLINE_PORT,
        polls: config.POLLS_PORT,
        callbacks: config.CALLBACKS_PORT,
        rectification: config.RECTIFICATION_PORT,
        calendar: config.CALENDAR_PORT,
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
