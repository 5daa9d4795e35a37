// The identity process: configuration, logger, adapters, listen, graceful shutdown. Nothing else.
import { createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto'
import {
  AdapterConfig,
  ConfigError,
  connectAdapters,
  createLogger,
  loadConfig,
  ServerConfig,
  scrub,
  serve,
  systemClock,
  Type,
  trustProxyOf,
} from '@tingjian/kit'
import { buildIdentity, SERVICE } from './app.ts'
import { seed } from './seed.ts'

const KEY_HELP =
  'create a key pair with `openssl genpkey -algorithm ed25519 -out identity-jwt.pem` and ' +
  '`openssl pkey -in identity-jwt.pem -pubout -out identity-jwt.pub.pem` (see services/identity/README.md)'

const Config = Type.Object({
  ...ServerConfig.properties,
  ...AdapterConfig.properties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3001 }),
  JWT_PRIVATE_KEY: Type.String({
    description: `PEM of the Ed25519 key that signs access tokens; ${KEY_HELP}`,
  }),
  SEED_DEMO: Type.Boolean({ default: false, description: 'create the demo departments and users' }),
  SEED_PASSWORD: Type.Optional(
    Type.String({ minLength: 10, description: 'password of the demo users (default: random, printed once)' }),
  ),
  NODE_ENV: Type.Optional(Type.String()),
})

/** PEM in one environment line may carry its line breaks as `\n`. */
const pem = (value: string) => value.replaceAll('\\n', '\n').trim()

/** The key pair, checked: Ed25519, and the public key (when given) belongs to the private one. */
function jwtKeys(
  privatePem: string,
  publicPem: string | undefined,
): { privateKey: string; publicKey: string } {
  let privateKey: ReturnType<typeof createPrivateKey>
  try {
    privateKey = createPrivateKey(pem(privatePem))
  } catch {
    throw new ConfigError([{ variable: 'JWT_PRIVATE_KEY', problem: `is not a PEM private key; ${KEY_HELP}` }])
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError([{ variable: 'JWT_PRIVATE_KEY', problem: `must be an Ed25519 key; ${KEY_HELP}` }])
  }
  const derived = createPublicKey(privateKey)
  if (publicPem) {
    const probe = randomBytes(16)
    let matches = false
    try {
      matches = verify(null, probe, createPublicKey(pem(publicPem)), sign(null, probe, privateKey))
    } catch {
      matches = false
    }
    if (!matches) {
      throw new ConfigError([
        {
          variable: 'JWT_PUBLIC_KEY',
          problem: 'does not belong to JWT_PRIVATE_KEY (or is not a PEM public key)',
        },
      ])
    }
  }
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: derived.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

async function main(): Promise<void> {
  const config = loadConfig(Config, process.env)
  const keys = jwtKeys(config.JWT_PRIVATE_KEY, config.JWT_PUBLIC_KEY)
  const logger = createLogger({ level: config.LOG_LEVEL, name: SERVICE })
  const { bus, store, readiness } = await connectAdapters(SERVICE, config, logger)

  if (config.SEED_DEMO) {
    if (config.NODE_ENV === 'production')
      logger.warn('SEED_DEMO=true in production: creating the demo accounts')
    const password = config.SEED_PASSWORD ?? randomBytes(12).toString('base64url')
    const result = await seed({ store, clock: systemClock }, { password })
    logger.info({ created: result.created }, 'demo data seeded')
    // Printed once, to the terminal only: never through the logger (log lines are shipped and kept).
    if (!config.SEED_PASSWORD && result.created > 0) {
      process.stdout.write(`\nDemo users' password (shown once): ${password}\n\n`)
    }
  }

  const app = await buildIdentity({
    logger,
    store,
    bus,
    clock: systemClock,
    jwt: { ...keys, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
    bodyLimit: config.BODY_LIMIT_BYTES,
    rateLimit: { max: config.RATE_LIMIT_PER_MINUTE },
    trustProxy: trustProxyOf(config),
    readiness,
  })
  await serve(app, { host: config.HOST, port: config.PORT, logger, closeAfter: [bus, store] })
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`identity: ${err.message}\n`)
  } else {
    process.stderr.write(
      `identity: failed to start: ${scrub(err instanceof Error ? err.message : String(err))}\n`,
    )
  }
  process.exit(1)
})
