// Staff authentication and access rules. Every route declares who may call it (`config.access`); a route
// without a rule fails at start-up, so access is denied unless a rule grants it.
import fastifyJwt from '@fastify/jwt'
import { ROLES } from '@tingjian/contracts'
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify'
import { Errors } from './problem.ts'

export { ROLES }
export type Role = (typeof ROLES)[number]

/** The claims of a staff access token issued by `identity`. */
export interface StaffClaims {
  sub: string
  username: string
  roles: Role[]
  departmentId: string | null
  iss?: string
  aud?: string | string[]
  exp?: number
  iat?: number
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: StaffClaims
    user: StaffClaims
  }
}

/** `public`: anyone; `staff`: any signed-in staff member; a list: any of those roles. */
export type AccessRule = 'public' | 'staff' | readonly Role[]

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule
  }
}

export interface JwtConfig {
  /** PEM of the public key that verifies access tokens. */
  publicKey: string
  /** PEM of the private key; only the issuing service (identity) has it. */
  privateKey?: string
  issuer: string
  audience: string
  /** Pinned; tokens signed with anything else are refused. */
  algorithm?: 'EdDSA' | 'ES256'
}

export function registerJwt(app: FastifyInstance, config: JwtConfig): void {
  const algorithm = config.algorithm ?? 'EdDSA'
  app.register(fastifyJwt, {
    secret: config.privateKey
      ? { public: config.publicKey, private: config.privateKey }
      : { public: config.publicKey },
    sign: { algorithm, iss: config.issuer, aud: config.audience },
    verify: {
      algorithms: [algorithm],
      allowedIss: config.issuer,
      allowedAud: config.audience,
      requiredClaims: ['exp', 'iss', 'aud', 'sub'],
    },
  })
}

async function authenticate(request: FastifyRequest): Promise<void> {
  if (!request.headers.authorization) throw new Errors.Unauthorized()
  try {
    await request.jwtVerify()
  } catch {
    throw new Errors.Unauthorized()
  }
}

/** Adds the access check of each route's rule; refuses routes that declare none. */
export function enforceAccessRules(app: FastifyInstance, jwtEnabled: boolean): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const rule = route.config?.access
    if (rule === undefined) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule (config.access)`)
    }
    if (rule === 'public') return
    if (!jwtEnabled)
      throw new Error(`route ${route.method} ${route.url} needs staff tokens but JWT is not configured`)
    const check = async (request: FastifyRequest) => {
      await authenticate(request)
      if (rule === 'staff') return
      if (!request.user.roles?.some((r) => rule.includes(r))) throw new Errors.Forbidden()
    }
    const existing = route.preHandler
    route.preHandler = existing ? [check, ...(Array.isArray(existing) ? existing : [existing])] : [check]
  })
}

export function hasRole(user: StaffClaims | undefined, ...roles: Role[]): boolean {
  return !!user?.roles?.some((r) => roles.includes(r))
}
