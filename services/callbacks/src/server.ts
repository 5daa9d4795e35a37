// Process concerns of the callbacks service: configuration (read once), logger, adapters, the telephony
// adapter (the provider's when TWILIO_AUTH_TOKEN is set, else the simulator, whose webhooks come back to
// this service's own public address), listen, shutdown.
import { randomBytes } from 'node:crypto'
import {
  AdapterConfig,
  ConfigError,
  type ConfigProblem,
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
import type { Telephony } from '@tingjian/telephony'
import { TelephonySimulator } from '@tingjian/telephony/simulator'
import { createTwilioTelephony } from '@tingjian/telephony/twilio'
import { buildCallbacks, SERVICE } from './app.ts'

const E164 = '^\\+[1-9][0-9]{6,14}$'

const Config = Type.Object({
  ...ServerConfig.properties,
  ...AdapterConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3007 }),
  JWT_PUBLIC_KEY: Type.String({ description: 'PEM of the token-verifying public key' }),
  NODE_ENV: Type.Optional(Type.String()),
  PUBLIC_BASE_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^/?#]+(/[^?#]*)?$',
      description:
        'the address the provider calls: webhook URLs are built on it and their signatures verified against it. Required in production and with Twilio; default http://127.0.0.1:<PORT>',
    }),
  ),
  TWILIO_ACCOUNT_SID: Type.Optional(Type.String({ pattern: '^AC[0-9a-fA-F]{32}$' })),
  TWILIO_AUTH_TOKEN: Type.Optional(Type.String({ minLength: 32 })),
  TWILIO_CALLBACK_NUMBER: Type.Optional(
    Type.String({ pattern: E164, description: 'the caller id of callback surveys with Twilio' }),
  ),
  SIMULATOR_AUTH_TOKEN: Type.Optional(
    Type.String({
      minLength: 32,
      description: 'signs the simulator’s webhooks (required without TWILIO_AUTH_TOKEN)',
    }),
  ),
  CALLBACKS_LINE_NUMBER: Type.String({
    pattern: E164,
    default: '+861012345679',
    description:
      "the simulated line's number, the caller id of callbacks (with Twilio: TWILIO_CALLBACK_NUMBER)",
  }),
  CALLBACKS_SCHEDULER_INTERVAL_MS: Type.Integer({ minimum: 1000, default: 60_000 }),
  CALLBACKS_AUTOMATED_BATCH: Type.Integer({
    minimum: 1,
    maximum: 100,
    default: 5,
    description: 'automated calls placed per scheduler pass at most',
  }),
})

async function main(): Promise<void> {
  const config = loadConfig(Config, process.env)
  const problems: ConfigProblem[] = []
  const twilio = config.TWILIO_AUTH_TOKEN !== undefined
  if (twilio) {
    if (!config.TWILIO_ACCOUNT_SID)
      problems.push({ variable: 'TWILIO_ACCOUNT_SID', problem: 'is required with TWILIO_AUTH_TOKEN' })
    if (!config.TWILIO_CALLBACK_NUMBER)
      problems.push({ variable: 'TWILIO_CALLBACK_NUMBER', problem: 'is required with TWILIO_AUTH_TOKEN' })
  } else if (!config.SIMULATOR_AUTH_TOKEN) {
    problems.push({
      variable: 'SIMULATOR_AUTH_TOKEN',
      problem: 'is required without TWILIO_AUTH_TOKEN (32+ characters)',
    })
  }
  if (!config.PUBLIC_BASE_URL && (twilio || config.NODE_ENV === 'production'))
    problems.push({ variable: 'PUBLIC_BASE_URL', problem: 'is required in production and with Twilio' })
  if (problems.length) throw new ConfigError(problems)
  const publicBaseUrl = (config.PUBLIC_BASE_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, '')
  const cipher = fieldCipherOf(config)
  const logger = createLogger({ level: config.LOG_LEVEL, name: SERVICE })
  const { bus, store, readiness } = await connectAdapters(SERVICE, config, logger)
  let telephony: Telephony
  let lineNumber = config.CALLBACKS_LINE_NUMBER
  if (twilio && config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_CALLBACK_NUMBER) {
    telephony = createTwilioTelephony({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      logger,
    })
    lineNumber = config.TWILIO_CALLBACK_NUMBER
  } else {
    telephony = new TelephonySimulator({
      authToken: config.SIMULATOR_AUTH_TOKEN ?? randomBytes(32).toString('hex'),
      publicBaseUrl,
      lineNumber,
      logger,
    }).telephony
  }
  const app = await buildCallbacks({
    logger,
    bus,
    store,
    clock: systemClock,
    cipher,
    jwt: { publicKey: config.JWT_PUBLIC_KEY, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
    telephony,
    publicBaseUrl,
    lineNumber,
    settings: { automatedBatch: config.CALLBACKS_AUTOMATED_BATCH },
    schedulerIntervalMs: config.CALLBACKS_SCHEDULER_INTERVAL_MS,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    readiness,
    trustProxy: trustProxyOf(config),
    bodyLimit: config.BODY_LIMIT_BYTES,
  })
  await serve(app, { host: config.HOST, port: config.PORT, logger, closeAfter: [telephony, bus, store] })
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
