// Process concerns of the hotline: configuration (read once), logger, adapters, the telephony adapter
// (Twilio when TWILIO_AUTH_TOKEN is set, else the simulator), listen, shutdown. The only place where the
// provider's name appears: its configuration variables.
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
import { buildHotline, SERVICE } from './app.ts'
import { parseServiceHours } from './domain/service-hours.ts'

const E164 = '^\\+[1-9][0-9]{6,14}$'

const Config = Type.Object({
  ...ServerConfig.properties,
  ...AdapterConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3005 }),
  JWT_PUBLIC_KEY: Type.String({ description: 'PEM of the token-verifying public key' }),
  NODE_ENV: Type.Optional(Type.String()),
  PUBLIC_BASE_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^/?#]+(/[^?#]*)?$',
      description:
        'the address the provider calls (scheme, host, port; no trailing path needed): webhook URLs are built on it and their signatures verified against it. Required in production and with Twilio; default http://127.0.0.1:<PORT>',
    }),
  ),
  TWILIO_ACCOUNT_SID: Type.Optional(Type.String({ pattern: '^AC[0-9a-fA-F]{32}$' })),
  TWILIO_AUTH_TOKEN: Type.Optional(Type.String({ minLength: 32 })),
  TWILIO_HOTLINE_NUMBER: Type.Optional(Type.String({ pattern: E164 })),
  SIMULATOR_AUTH_TOKEN: Type.Optional(
    Type.String({
      minLength: 32,
      description: 'signs the simulator’s webhooks (required without TWILIO_AUTH_TOKEN)',
    }),
  ),
  HOTLINE_LINE_NUMBER: Type.String({
    pattern: E164,
    default: '+861012345678',
    description: "the simulated line's number (with Twilio: TWILIO_HOTLINE_NUMBER)",
  }),
  HOTLINE_SERVICE_HOURS: Type.String({
    default: '24x7',
    description: '`24x7`, `workdays 08:30-17:30` or `daily 08:00-20:00`',
  }),
  HOTLINE_CALLBACK_DUE_HOURS: Type.Number({ minimum: 0.25, maximum: 240, default: 2 }),
  HOTLINE_RECORDING_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 180 }),
  HOTLINE_RECORD_CALLS: Type.Boolean({ default: false }),
  HOTLINE_WEBHOOKS_PER_MINUTE: Type.Integer({ minimum: 1, default: 3000 }),
})

async function main(): Promise<void> {
  const config = loadConfig(Config, process.env)
  const problems: ConfigProblem[] = []
  const twilio = config.TWILIO_AUTH_TOKEN !== undefined
  if (twilio) {
    if (!config.TWILIO_ACCOUNT_SID)
      problems.push({ variable: 'TWILIO_ACCOUNT_SID', problem: 'is required with TWILIO_AUTH_TOKEN' })
    if (!config.TWILIO_HOTLINE_NUMBER)
      problems.push({ variable: 'TWILIO_HOTLINE_NUMBER', problem: 'is required with TWILIO_AUTH_TOKEN' })
  } else if (!config.SIMULATOR_AUTH_TOKEN) {
    problems.push({
      variable: 'SIMULATOR_AUTH_TOKEN',
      problem: 'is required without TWILIO_AUTH_TOKEN (32+ characters)',
    })
  }
  if (!config.PUBLIC_BASE_URL && (twilio || config.NODE_ENV === 'production'))
    problems.push({ variable: 'PUBLIC_BASE_URL', problem: 'is required in production and with Twilio' })
  const serviceHours = parseServiceHours(config.HOTLINE_SERVICE_HOURS)
  if (!serviceHours)
    problems.push({
      variable: 'HOTLINE_SERVICE_HOURS',
      problem: 'must be 24x7, workdays HH:MM-HH:MM or daily HH:MM-HH:MM',
    })
  if (problems.length || !serviceHours) throw new ConfigError(problems)

  const publicBaseUrl = (config.PUBLIC_BASE_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, '')
  const cipher = fieldCipherOf(config)
  const logger = createLogger({ level: config.LOG_LEVEL, name: SERVICE })
  const { bus, store, readiness } = await connectAdapters(SERVICE, config, logger)

  let telephony: Telephony
  let simulator: TelephonySimulator | undefined
  let lineNumber = config.HOTLINE_LINE_NUMBER
  if (twilio && config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_HOTLINE_NUMBER) {
    telephony = createTwilioTelephony({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      logger,
    })
    lineNumber = config.TWILIO_HOTLINE_NUMBER
  } else {
    // the simulator posts its webhooks over HTTP to this service's own public address
    simulator = new TelephonySimulator({
      authToken: config.SIMULATOR_AUTH_TOKEN ?? randomBytes(32).toString('hex'),
      publicBaseUrl,
      lineNumber,
      logger,
    })
    telephony = simulator.telephony
  }

  const app = await buildHotline({
    logger,
    bus,
    store,
    clock: systemClock,
    cipher,
    jwt: { publicKey: config.JWT_PUBLIC_KEY, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
    telephony,
    publicBaseUrl,
    lineNumber,
    ...(simulator ? { simulator, simulatorToken: config.SIMULATOR_AUTH_TOKEN } : {}),
    serviceHours,
    callbackDueHours: config.HOTLINE_CALLBACK_DUE_HOURS,
    recordingDays: config.HOTLINE_RECORDING_DAYS,
    recordCalls: config.HOTLINE_RECORD_CALLS,
    webhooksPerMinute: config.HOTLINE_WEBHOOKS_PER_MINUTE,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    readiness,
    trustProxy: trustProxyOf(config),
    bodyLimit: config.BODY_LIMIT_BYTES,
  })
  await serve(app, { host: config.HOST, port: config.PORT, logger, closeAfter: [telephony, bus, store] })
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(
    err instanceof ConfigError ? `hotline: ${message}\n` : `hotline: failed to start: ${scrub(message)}\n`,
  )
  process.exit(1)
})
