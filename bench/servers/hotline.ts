// The hotline service for the bench: buildHotline as its server.ts runs it, with two differences. The
// consumer groups are named by BENCH_GROUP (Kafka groups are not namespaced: a bench must not join the
// groups of the services or tests on the same broker), and the Twilio adapter's HTTP client refuses every
// request: webhooks are verified with the account's auth token and answered with TwiML without any request
// to the provider, and a bench must never send one to Twilio with its made-up account.
// twilio-node is a dependency of the telephony package, not of the bench: imported from there

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
import twilio from '../../packages/telephony/node_modules/twilio/lib/index.js'
import { createTwilioTelephony } from '../../packages/telephony/src/twilio/index.ts'
import { buildHotline } from '../../services/hotline/src/app.ts'

const Config = Type.Object({
  ...ServerConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535 }),
  JWT_PUBLIC_KEY: Type.String(),
  PUBLIC_BASE_URL: Type.String({ minLength: 1 }),
  TWILIO_ACCOUNT_SID: Type.String({ pattern: '^AC[0-9a-fA-F]{32}$' }),
  TWILIO_AUTH_TOKEN: Type.String({ minLength: 32 }),
  TWILIO_HOTLINE_NUMBER: Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' }),
  HOTLINE_WEBHOOKS_PER_MINUTE: Type.Integer({ minimum: 1, default: 3000 }),
  BENCH_GROUP: Type.String({ minLength: 1 }),
})

/** twilio-node's HTTP client with every request refused before it leaves the process. */
class OfflineRequestClient extends twilio.RequestClient {
  override request<TData>(): Promise<never> {
    return Promise.reject(new Error('the bench sends no request to the telephony provider')) as Promise<
      never & TData
    >
  }
}

const config = loadConfig(Config, process.env)
const cipher = fieldCipherOf(config)
const logger = createLogger({ level: config.LOG_LEVEL, name: 'hotline' })
const { bus, store, readiness } = await connectAdapters('hotline', loadAdapterConfig(process.env), logger)

const telephony = createTwilioTelephony({
  accountSid: config.TWILIO_ACCOUNT_SID,
  authToken: config.TWILIO_AUTH_TOKEN,
  httpClient: new OfflineRequestClient(),
})

const app = await buildHotline({
  logger,
  bus,
  store,
  clock: systemClock,
  cipher,
  jwt: { publicKey: config.JWT_PUBLIC_KEY, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
  telephony,
  publicBaseUrl: config.PUBLIC_BASE_URL,
  lineNumber: config.TWILIO_HOTLINE_NUMBER,
  serviceHours: { kind: '24x7' },
  readiness,
  rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  webhooksPerMinute: config.HOTLINE_WEBHOOKS_PER_MINUTE,
  trustProxy: trustProxyOf(config),
  bodyLimit: config.BODY_LIMIT_BYTES,
  group: config.BENCH_GROUP,
})

await serve(app, {
  host: config.HOST,
  port: config.PORT,
  logger,
  closeAfter: [
    { name: 'telephony', close: () => telephony.close() },
    { name: 'bus', close: () => bus.close() },
    { name: 'store', close: () => store.close() },
  ],
})
