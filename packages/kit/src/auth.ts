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
  /**
   * When the token was issued, in milliseconds (identity sets it; `iat` has whole seconds only, too coarse
   * to tell a token issued just before a revocation from one issued just after).
   */
  iatMs?: number
}

/**
 * When the token was issued, in ms: `iatMs`, else `iat` (seconds, so the start of its second: a token
 * without `iatMs` issued in the same second as a revocation counts as before it, the safe side).
 */
export function issuedAtMs(claims: Pick<StaffClaims, 'iat' | 'iatMs'>): number {
  if (typeof claims.iatMs === 'number' && Number.isFinite(claims.iatMs)) return claims.iatMs
  if (typeof claims.iat === 'number' && Number.isFinite(claims.iat)) return claims.iat * 1000
  return Number.NEGATIVE_INFINITY
}

/**
 * True when a token with these claims was issued before `tokensValidAfter` (an ISO time or ms), so it
 * must be refused. A user's revocation moves that time forward; identity issues no token before it.
 */
export function issuedBefore(
  claims: Pick<StaffClaims, 'iat' | 'iatMs'>,
  tokensValidAfter: string | number | null | undefined,
): boolean {
  if (tokensValidAfter === null || tokensValidAfter === undefined) return false
  const after = typeof tokensValidAfter === 'number' ? tokensValidAfter : Date.parse(tokensValidAfter)
  if (Number.isNaN(after)) return false
  return issuedAtMs(claims) < after
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: StaffClaims
    user: StaffClaims
  }
}

/** `public`: anyone; `staff`: any signed-in staff member; a list: any of those roles. */
export type AccessRule = 'public' | 'staff' | readonly Role[]

/**
 * A further check of a staff request, run after its token verified and before the route's role rule: it
 * may refuse (throw a problem) or replace `request.user` with what is current (identity: the stored
 * account). Revocations (`revocations()`) and identity's own account check are such checks.
 */
export type AccessCheck = (request: FastifyRequest, rule: Exclude<AccessRule, 'public'>) => Promise<void>

/** The checks of each app built by buildApp (keyed by the instance enforceAccessRules was given). */
const accessChecks = new WeakMap<object, AccessCheck[]>()

/** Adds a check to every staff route of `app` (the instance buildApp returned), present and future. */
export function addAccessCheck(app: FastifyInstance, check: AccessCheck): void {
  const checks = accessChecks.get(app)
  if (!checks) throw new Error('addAccessCheck needs the app that buildApp returned (with JWT configured)')
  checks.push(check)
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule
  }
  interface FastifySchema {
    /** The route's access rule, copied into its OpenAPI operation. */
    'x-access'?: AccessRule
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

/**
 * The claims the routes rely on have the types identity gives them. A token with others verified only
 * because someone holds the signing key or identity has a bug; refused rather than trusted (a `roles`
 * string would crash the role check, a `sub` object would reach a store query).
 */
function wellFormedClaims(claims: unknown): boolean {
  if (typeof claims !== 'object' || claims === null) return false
  const { sub, username, roles, departmentId, iatMs } = claims as Record<string, unknown>
  return (
    typeof sub === 'string' &&
    (iatMs === undefined || (typeof iatMs === 'number' && Number.isFinite(iatMs))) &&
    sub.length > 0 &&
    (username === undefined || typeof username === 'string') &&
    Array.isArray(roles) &&
    roles.every((r) => typeof r === 'string') &&
    (departmentId === undefined || departmentId === null || typeof departmentId === 'string')
  )
}

async function authenticate(request: FastifyRequest): Promise<void> {
  if (!request.headers.authorization) throw new Errors.Unauthorized()
  try {
    await request.jwtVerify()
  } catch {
    throw new Errors.Unauthorized()
  }
  if (!wellFormedClaims(request.user)) throw new Errors.Unauthorized()
}

/** Adds the access check of each route's rule; refuses routes that declare none. */
export function enforceAccessRules(app: FastifyInstance, jwtEnabled: boolean): void {
  const checks: AccessCheck[] = []
  if (jwtEnabled) accessChecks.set(app, checks)
  app.addHook('onRoute', (route: RouteOptions) => {
    const rule = route.config?.access
    if (rule === undefined) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule (config.access)`)
    }
    // The OpenAPI document says who may call each operation (`x-access`), and that staff operations take a
    // bearer token; a copy, so that a schema object shared by several routes is not changed.
    route.schema = {
      ...route.schema,
      'x-access': rule === 'public' || rule === 'staff' ? rule : [...rule],
      ...(rule === 'public' ? {} : { security: route.schema?.security ?? [{ bearer: [] }] }),
    }
    if (rule === 'public') return
    if (!jwtEnabled)
      throw new Error(`route ${route.method} ${route.url} needs staff tokens but JWT is not configured`)
    const check = async (request: FastifyRequest) => {
      await authenticate(request)
      for (const further of checks) await further(request, rule)
      if (rule === 'staff') return
      if (!request.user.roles?.some((r) => rule.includes(r))) throw new Errors.Forbidden()
    }
    // before the body is validated: a caller without the right gets 401/403, never a 400 that tells an
    // anonymous client how the staff API's bodies are checked
    const existing = route.preValidation
    route.preValidation = existing ? [check, ...(Array.isArray(existing) ? existing : [existing])] : [check]
  })
}

export function hasRole(user: StaffClaims | undefined, ...roles: Role[]): boolean {
  return !!user?.roles?.some((r) => roles.includes(r))
}
