// The variables every service's server.ts reads besides the adapters'.
import Type, { type Static } from 'typebox'
import { FieldKeysConfig } from './field-cipher.ts'

export const ServerConfig = Type.Object({
  HOST: Type.String({ default: '127.0.0.1', description: 'address to listen on (0.0.0.0 in a container)' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, description: 'HTTP port' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  TRUST_PROXY: Type.Boolean({
    default: false,
    description:
      'behind the gateway: trust X-Forwarded-For (from any peer unless TRUSTED_PROXIES names them)',
  }),
  TRUSTED_PROXIES: Type.Optional(
    Type.String({
      pattern: '^ *[0-9A-Za-z.:/]+( *, *[0-9A-Za-z.:/]+)* *$',
      description:
        'comma-separated addresses or CIDRs (or loopback, linklocal, uniquelocal) whose X-Forwarded-For is believed; implies TRUST_PROXY',
    }),
  ),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 600 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 262_144 }),
  JWT_PUBLIC_KEY: Type.Optional(Type.String({ description: 'PEM of the token-verifying public key' })),
  JWT_ISSUER: Type.String({ default: 'tingjian-identity' }),
  JWT_AUDIENCE: Type.String({ default: 'tingjian' }),
  ...FieldKeysConfig.properties,
})
export type ServerConfig = Static<typeof ServerConfig>

/** Fastify's `trustProxy`: false, true (any peer), or the peers whose X-Forwarded-For is believed. */
export type TrustProxy = boolean | string[]

/** The client-address rule of ServerConfig: TRUSTED_PROXIES when given (precise), else TRUST_PROXY. */
export function trustProxyOf(config: Pick<ServerConfig, 'TRUST_PROXY' | 'TRUSTED_PROXIES'>): TrustProxy {
  const peers = (config.TRUSTED_PROXIES ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
  return peers.length > 0 ? peers : config.TRUST_PROXY
}
