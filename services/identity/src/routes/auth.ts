// Login, token refresh and logout (public: the credentials are in the body), and GET /me.
import { createHash } from 'node:crypto'
import { uuidv7 } from '@tingjian/contracts'
import { type App, Errors, problem, sendProblem } from '@tingjian/kit'
import { type Stored, withRetry } from '@tingjian/store'
import { API, type Context } from '../context.ts'
import { addThrottleFailure, findUserByUsername, resetThrottle, revokeFamily, userView } from '../data.ts'
import { verifyPassword } from '../domain/passwords.ts'
import { decide, worst } from '../domain/throttle.ts'
import {
  ACCESS_TOKEN_TTL_S,
  decideRefresh,
  newFamily,
  newRefreshToken,
  refreshTokenId,
  rotated,
} from '../domain/tokens.ts'
import type { User } from '../domain/users.ts'
import { IdentityErrors } from '../errors.ts'
import { Login, RefreshBody, Tokens } from '../schemas/auth.ts'
import { ProblemRef, staffProblems } from '../schemas/common.ts'
import { UserView } from '../schemas/users.ts'

/** Throttle keys are hashes: the store never holds a client address or a probed username in clear. */
const throttleKey = (kind: 'account' | 'address', value: string) =>
  `${kind}_${createHash('sha256').update(`tingjian-login-throttle:${kind}:${value}`).digest('hex')}`

export function authRoutes(app: App, ctx: Context): void {
  const { c, clock } = ctx

  function accessToken(user: Stored<User>): string {
    const iat = Math.floor(clock.now().getTime() / 1000)
    return app.jwt.sign({
      sub: user._id,
      username: user.username,
      roles: user.roles,
      departmentId: user.departmentId,
      iat,
      exp: iat + ACCESS_TOKEN_TTL_S,
    })
  }

  function tokens(user: Stored<User>, refreshToken: string) {
    return {
      accessToken: accessToken(user),
      refreshToken,
      expiresIn: ACCESS_TOKEN_TTL_S,
      user: {
        id: user._id,
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        departmentId: user.departmentId,
      },
    }
  }

  app.post(
    `${API}/auth/login`,
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        body: Login,
        response: { 200: Tokens, 400: ProblemRef, 401: ProblemRef, 429: ProblemRef },
      },
    },
    async (request, reply) => {
      const username = request.body.username.toLowerCase()
      const keys = [throttleKey('account', username), throttleKey('address', request.ip)]
      const counters = await Promise.all(keys.map((k) => c.loginThrottle.get(k)))
      const now = clock.now()
      const decision = worst(counters.map((s) => (s ? decide(s, now) : { kind: 'allow', delayMs: 0 })))
      if (decision.kind === 'refuse') {
        request.log.warn({ retryAfterS: decision.retryAfterS }, 'login refused: too many failures')
        reply.header('retry-after', String(decision.retryAfterS))
        return sendProblem(
          reply,
          problem(
            request,
            429,
            'TJ_LOGIN_THROTTLED',
            `Too many failed sign-ins; try again in ${decision.retryAfterS} seconds`,
          ),
        )
      }
      if (decision.delayMs > 0) await ctx.loginDelay(decision.delayMs)

      const user = await findUserByUsername(c, username)
      // An unknown user costs a hash too, so that the answer time does not tell which usernames exist.
      const matches = await verifyPassword(
        request.body.password,
        user ? user.passwordHash : await ctx.dummyHash,
      )
      if (!user || !matches || !user.active) {
        const failedAt = clock.now()
        await Promise.all(keys.map((k) => addThrottleFailure(c, k, failedAt)))
        request.log.info({ userId: user?._id ?? null }, 'login failed')
        throw new IdentityErrors.InvalidCredentials()
      }
      await resetThrottle(c, keys[0] as string, now)

      const refreshToken = newRefreshToken()
      const tokenId = refreshTokenId(refreshToken)
      const familyId = uuidv7()
      await c.refreshTokens.insert(tokenId, { familyId, issuedAt: now.toISOString() }, { now })
      await c.refreshFamilies.insert(familyId, newFamily(user._id, tokenId, now), { now })
      request.log.info({ userId: user._id, familyId }, 'login succeeded')
      return tokens(user, refreshToken)
    },
  )

  app.post(
    `${API}/auth/refresh`,
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        body: RefreshBody,
        response: { 200: Tokens, 400: ProblemRef, 401: ProblemRef },
      },
    },
    async (request) => {
      const tokenId = refreshTokenId(request.body.refreshToken)
      const record = await c.refreshTokens.get(tokenId)
      if (!record) throw new IdentityErrors.InvalidRefreshToken()
      const { familyId } = record

      /** The family and its owner when this token may rotate it; else the session ends as it must. */
      const rotatable = async () => {
        const family = await c.refreshFamilies.get(familyId)
        if (!family) throw new IdentityErrors.InvalidRefreshToken()
        const now = clock.now()
        const decision = decideRefresh(family, tokenId, now)
        if (decision.kind === 'refuse') {
          if (decision.revoke && (await revokeFamily(c, familyId, decision.revoke, clock))) {
            const level = decision.revoke === 'reuse' ? 'warn' : 'info'
            request.log[level](
              { familyId, userId: family.userId, reason: decision.revoke },
              'session revoked',
            )
          }
          throw new IdentityErrors.InvalidRefreshToken()
        }
        const owner = await c.users.get(family.userId)
        if (!owner?.active) {
          await revokeFamily(c, familyId, 'inactive-user', clock)
          throw new IdentityErrors.InvalidRefreshToken()
        }
        return { family, owner, now }
      }
      // A token that will be refused is refused before the next one is saved: a replayed, expired or
      // revoked token sent again and again leaves no records behind.
      await rotatable()

      const refreshToken = newRefreshToken()
      const nextId = refreshTokenId(refreshToken)
      // Saved before the family points at it, so that an answered token always exists; if the rotation
      // is refused (a concurrent use won), the record is never handed out.
      const issuedAt = clock.now()
      await c.refreshTokens.insert(nextId, { familyId, issuedAt: issuedAt.toISOString() }, { now: issuedAt })

      // Rotation is one versioned write of the family: of two concurrent uses of one token only one
      // rotates; the other then sees a used token and revokes the family, as for any reuse.
      const user = await withRetry(async () => {
        const { family, owner, now } = await rotatable()
        await c.refreshFamilies.update(familyId, family.version, rotated(family, nextId, now), { now })
        return owner
      })
      request.log.info({ userId: user._id, familyId }, 'session refreshed')
      return tokens(user, refreshToken)
    },
  )

  app.post(
    `${API}/auth/logout`,
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], body: RefreshBody, response: { 204: { type: 'null' }, 400: ProblemRef } },
    },
    async (request, reply) => {
      // The same answer whatever the token: logout tells nothing about it.
      const record = await c.refreshTokens.get(refreshTokenId(request.body.refreshToken))
      if (record && (await revokeFamily(c, record.familyId, 'logout', clock))) {
        request.log.info({ familyId: record.familyId }, 'logged out')
      }
      return reply.code(204).send(null)
    },
  )

  app.get(
    `${API}/me`,
    {
      config: { access: 'staff' },
      schema: {
        tags: ['auth'],
        security: [{ bearer: [] }],
        response: { 200: UserView, ...staffProblems, 404: ProblemRef },
      },
    },
    async (request) => {
      const user = await c.users.get(request.user.sub)
      if (!user) throw new Errors.NotFound()
      return userView(user)
    },
  )
}
