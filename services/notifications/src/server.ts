// Process concerns of the notifications service: configuration (read once), logger, adapters, listen,
// shutdown.
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
import type { SmsChannel } from '@tingjian/telephony'
import { createSimulatorSmsClient } from '@tingjian/telephony/simulator'
import { createTwilioTelephony } from '@tingjian/telephony/twilio'
import type { Static } from 'typebox'
import { buildNotifications, SERVICE } from './app.ts'
import { EmailChannel } from './channels/email.ts'
import { NotificationsConfig } from './schemas/config.ts'

/** The simulated line's number, the sender of simulated SMS when no number is configured. */
const SIMULATOR_SMS_FROM = '+861012345678'
/** Where the hotline serves its simulator's routes (the provider's SMS endpoint among them). */
const SIMULATOR_PATH = '/api/v1/hotline/simulator'

type Config = Static<typeof Config>

/**
 * The SMS provider: Twilio when its auth token is set, else the simulator the hotline runs; none when
 * neither is configured (buildNotifications says so at start).
 */
function smsOf(config: Config): { sms: SmsChannel; from: string; provider: string } | null {
  const from = config.TWILIO_SMS_FROM || config.TWILIO_HOTLINE_NUMBER
  if (config.TWILIO_AUTH_TOKEN) {
    const problems = [
      ...(config.TWILIO_ACCOUNT_SID
        ? []
        : [{ variable: 'TWILIO_ACCOUNT_SID', problem: 'is required with TWILIO_AUTH_TOKEN' }]),
      ...(from
        ? []
        : [
            {
              variable: 'TWILIO_SMS_FROM',
              problem: 'is required with TWILIO_AUTH_TOKEN (or TWILIO_HOTLINE_NUMBER)',
            },
          ]),
    ]
    if (problems.length || !config.TWILIO_ACCOUNT_SID || !from) throw new ConfigError(problems)
    const telephony = createTwilioTelephony({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
    })
    return { sms: telephony.sms, from, provider: telephony.provider }
  }
  if (!config.SIMULATOR_AUTH_TOKEN) return null
  const sms = createSimulatorSmsClient({
    baseUrl: `${config.HOTLINE_URL.replace(/\/+$/, '')}${SIMULATOR_PATH}`,
    token: config.SIMULATOR_AUTH_TOKEN,
  })
  return { sms, from: from || SIMULATOR_SMS_FROM, provider: 'simulator' }
}

const Config = Type.Object({
  ...ServerConfig.properties,
  ...AdapterConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3004 }),
  ...NotificationsConfig.properties,
})

async function main(): Promise<void> {
  const config = loadConfig(Config, process.env)
  if (!config.JWT_PUBLIC_KEY) {
    throw new ConfigError([
      { variable: 'JWT_PUBLIC_KEY', problem: 'is required (the deliveries API is for staff)' },
    ])
  }
  const cipher = fieldCipherOf(config)

  const logger = createLogger({ level: config.LOG_LEVEL, name: SERVICE })
  const sms = smsOf(config)
  if (sms) logger.info({ provider: sms.provider }, 'SMS through the telephony provider')
  const { bus, store, readiness } = await connectAdapters(SERVICE, config, logger)

  const email = new EmailChannel({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    ...(config.SMTP_USER ? { user: config.SMTP_USER } : {}),
    ...(config.SMTP_PASS ? { pass: config.SMTP_PASS } : {}),
    from: config.MAIL_FROM,
    connectionTimeoutMs: config.SMTP_TIMEOUT_MS,
    ...(config.MAIL_FILE_FALLBACK_DIR
      ? { fileFallback: { dir: config.MAIL_FILE_FALLBACK_DIR, logger: logger.child({ service: SERVICE }) } }
      : {}),
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
    ...(sms ? { sms: sms.sms, smsFrom: sms.from } : {}),
    publicBaseUrl: config.PUBLIC_BASE_URL,
    smsLinks: config.SMS_LINKS,
    anonymousReceiptsPerDay: config.ANONYMOUS_RECEIPTS_PER_DAY,
    sendPolicy: {
      attempts: config.SEND_ATTEMPTS,
      initialBackoffMs: config.SEND_BACKOFF_MS,
      maxBackoffMs: Math.max(config.SEND_BACKOFF_MS, 5_000),
    },
    readiness,
    trustProxy: trustProxyOf(config),
    rateLimit: { max: config.RATE_LIMIT_PER_MINUTE },
    bodyLimit: config.BODY_LIMIT_BYTES,
  })

  await serve(app, { host: config.HOST, port: config.PORT, logger, closeAfter: [bus, store] })
}

main().catch((err: unknown) => {
  // a configuration problem names the variables; anything else is scrubbed of personal data and secrets
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(
    err instanceof ConfigError
      ? `notifications: ${message}\n`
      : `notifications: failed to start: ${scrub(message)}\n`,
  )
  process.exit(1)
})
