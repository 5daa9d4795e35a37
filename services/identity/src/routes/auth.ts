// Login, token refresh and logout (public: the credentials are in the body or the refresh cookie), and
// GET /me. The refresh token travels only in an HttpOnly cookie (see cookie.ts and the README).
import { createHash } from 'node:crypto'
import { uuidv7 } from '@tingjian/contracts'
import { type App, type Clock, Errors, problem, sendProblem } from '@tingjian/kit'
import { modify, type Stored, StoreNotFoundError, withRetry } from '@tingjian/store'
import {
  clearedRefreshCookie,
  hasCsrfHeader,
  type RequestLike,
  readRefreshCookie,
  refreshCookie,
} from '../cookie.ts'
import {
  type Collections,
  findUserByUsername,
  revokeFamily,
  settleThrottle,
  takeAttempt,
  userView,
} from '../data.ts'
import { userChanged } from '../domain/events.ts'
import { verifyPassword } from '../domain/passwords.ts'
import {
  ADDRESS_LIMIT,
  emptyThrottle,
  giveBack,
  MAX_DELAY_MS,
  PAIR_LIMIT,
  type ThrottleDecision,
  takeAccount,
  takeLimited,
} from '../domain/throttle.ts'
import {
  ACCESS_TOKEN_TTL_S,
  decideRefresh,
  newFamily,
  newRefreshToken,
  type RefreshFamily,
  refreshTokenId,
  rotated,
  unseal,
} from '../domain/tokens.ts'
import { issueTimeMs, revokedAt, type User } from '../domain/users.ts'
import { IdentityErrors } from '../errors.ts'
import { Login, Tokens } from '../schemas/auth.ts'
import { ProblemRef, staffProblems } from '../schemas/common.ts'
import { UserView } from '../schemas/users.ts'

/** Throttle keys are hashes: the store never holds a client address or a probed username in clear. */
const throttleKey = (kind: 'pair' | 'account' | 'address', value: string) =>
  `${kind}_${createHash('sha256').update(`tingjian-login-throttle:${kind}:${value}`).digest('hex')}`

/** A hard counter whose write lost every race: refused, the safe side (only its own address races it). */
const BUSY: ThrottleDecision = { kind: 'refuse', retryAfterS: 1 }

export interface AuthRoutesOptions {
  collections: Collections
  clock: Clock
  /** Waits before a throttled login attempt is checked. */
  loginDelay: (ms: number) => Promise<void>
  /** A hash of a random password, checked when the username is unknown so that both cost the same. */
  dummyHash: Promise<string>
}

export async function authRoutes(app: App, opts: AuthRoutesOptions): Promise<void> {
  const { collections: c, clock } = opts

  function accessToken(user: Stored<User>): string {
    const now = clock.now()
    const iat = Math.floor(now.getTime() / 1000)
    return app.jwt.sign({
      sub: user._id,
      username: user.username,
      roles: user.roles,
      departmentId: user.departmentId,
      iat,
      // never before the account's tokensValidAfter: a token issued after a revocation is valid
      iatMs: issueTimeMs(user, now),
      exp: iat + ACCESS_TOKEN_TTL_S,
    })
  }

  /** The answer of login and refresh: the access token in the body, the refresh token in the cookie. */
  function tokens(
    request: RequestLike,
    reply: { header(name: string, value: string): unknown },
    user: Stored<User>,
    refreshToken: string,
    family: Pick<RefreshFamily, 'absoluteExpiresAt'>,
  ) {
    const maxAgeS = (Date.parse(family.absoluteExpiresAt) - clock.now().getTime()) / 1000
    reply.header('set-cookie', refreshCookie(request, refreshToken, maxAgeS))
    return {
      accessToken: accessToken(user),
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
    '/auth/login',
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
      const keys = {
        pair: throttleKey('pair', `${username}\n${request.ip}`),
        address: throttleKey('address', request.ip),
        account: throttleKey('account', username),
      }
      const now = clock.now()
      const refuse = (decision: Extract<ThrottleDecision, { kind: 'refuse' }>, counter: string) => {
        request.log.warn({ retryAfterS: decision.retryAfterS, counter }, 'login refused: too many attempts')
        reply.header('retry-after', String(decision.retryAfterS))
        return sendProblem(
          reply,
          problem(
            request,
            429,
            'TJ_LOGIN_THROTTLED',
            `Too many sign-in attempts; try again in ${decision.retryAfterS} seconds`,
          ),
        )
      }
      // The attempt is counted before the password is checked, one counter after the other, each in one
      // versioned write: however many run at once, no more than the limit get to the password check.
      const pair = (await takeAttempt(c, keys.pair, (s) => takeLimited(s, now, PAIR_LIMIT), now)) ?? BUSY
      if (pair.kind === 'refuse') return refuse(pair, 'account-address')
      const address =
        (await takeAttempt(c, keys.address, (s) => takeLimited(s, now, ADDRESS_LIMIT), now)) ?? BUSY
      if (address.kind === 'refuse') return refuse(address, 'address')
      // The account's counter only slows; if its write lost every race, the longest wait.
      const account = (await takeAttempt(c, keys.account, (s) => takeAccount(s, now), now)) ?? {
        kind: 'allow',
        delayMs: MAX_DELAY_MS,
      }
      if (account.kind === 'allow' && account.delayMs > 0) await opts.loginDelay(account.delayMs)

      const user = await findUserByUsername(c, username)
      // An unknown user costs a hash too, so that the answer time does not tell which usernames exist.
      const matches = await verifyPassword(
        request.body.password,
        user ? user.passwordHash : await opts.dummyHash,
      )
      if (!user || !matches || !user.active) {
        request.log.info({ userId: user?._id ?? null }, 'login failed')
        throw new IdentityErrors.InvalidCredentials()
      }
      // A success clears its (account, address) counter and gives its attempt back to the others.
      const at = now.toISOString()
      await Promise.all([
        settleThrottle(c, keys.pair, (s) => ((s.attempts ?? []).length ? emptyThrottle() : null), now),
        settleThrottle(c, keys.address, (s) => giveBack(s, now, at), now),
        settleThrottle(c, keys.account, (s) => giveBack(s, now, at), now),
      ])

      const refreshToken = newRefreshToken()
      const tokenId = refreshTokenId(refreshToken)
      const familyId = uuidv7()
      const family = newFamily(user._id, tokenId, now)
      await c.refreshTokens.insert(tokenId, { familyId, issuedAt: now.toISOString() }, { now })
      await c.refreshFamilies.insert(familyId, family, { now })
      request.log.info({ userId: user._id, familyId }, 'login succeeded')
      return tokens(request, reply, user, refreshToken, family)
    },
  )

  /** Refresh and logout are cookie-authenticated: they answer only requests with the custom header. */
  function requireCsrfHeader(request: RequestLike): void {
    if (!hasCsrfHeader(request)) throw new IdentityErrors.CsrfHeaderMissing()
  }

  app.post(
    '/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        description:
          'Rotates the refresh token of the `tj_refresh` cookie (no body; header X-Requested-With: tingjian).',
        response: { 200: Tokens, 400: ProblemRef, 401: ProblemRef, 403: ProblemRef },
      },
    },
    async (request, reply) => {
      requireCsrfHeader(request)
      const invalid = () => {
        reply.header('set-cookie', clearedRefreshCookie(request))
        return new IdentityErrors.InvalidRefreshToken()
      }
      const presented = readRefreshCookie(request)
      if (!presented) throw invalid()
      const tokenId = refreshTokenId(presented)
      const record = await c.refreshTokens.get(tokenId)
      if (!record) throw invalid()
      const { familyId } = record

      /** What this token may do with its family now; a refusal ends the session as it must. */
      const decide = async () => {
        const family = await c.refreshFamilies.get(familyId)
        if (!family) throw invalid()
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
          throw invalid()
        }
        const owner = await c.users.get(family.userId)
        if (!owner?.active) {
          await revokeFamily(c, familyId, 'inactive-user', clock)
          throw invalid()
        }
        return { family, owner, now, decision }
      }
      /** The token the family's last rotation handed out, unsealed with the one presented (the grace). */
      const again = (sealed: string) => {
        const current = unseal(presented, sealed)
        if (!current) throw invalid()
        return current
      }

      // A token that will be refused is refused before the next one is saved: a replayed, expired or
      // revoked token sent again and again leaves no records behind.
      const first = await decide()
      if (first.decision.kind === 'grace') {
        request.log.info({ userId: first.owner._id, familyId }, 'session refreshed again within the grace')
        return tokens(request, reply, first.owner, again(first.decision.sealedCurrent), first.family)
      }

      const refreshToken = newRefreshToken()
      const nextId = refreshTokenId(refreshToken)
      // Saved before the family points at it, so that an answered token always exists; if another use
      // of the same token rotated first, this record is never handed out.
      const issuedAt = clock.now()
      await c.refreshTokens.insert(nextId, { familyId, issuedAt: issuedAt.toISOString() }, { now: issuedAt })

      // Rotation is one versioned write of the family: of two concurrent uses of one token one rotates;
      // the other then finds its token just replaced and, within the grace, answers the same new token.
      const done = await withRetry(async () => {
        const { family, owner, now, decision } = await decide()
        if (decision.kind === 'grace') return { owner, family, token: again(decision.sealedCurrent) }
        const next = rotated(family, presented, refreshToken, now)
        await c.refreshFamilies.update(familyId, family.version, next, { now })
        return { owner, family: next, token: refreshToken }
      })
      request.log.info({ userId: done.owner._id, familyId }, 'session refreshed')
      return tokens(request, reply, done.owner, done.token, done.family)
    },
  )

  app.post(
    '/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        description:
          "Ends the session of the `tj_refresh` cookie and voids the user's access tokens issued before now " +
          '(no body; header X-Requested-With: tingjian).',
        response: { 204: { type: 'null' }, 400: ProblemRef, 403: ProblemRef },
      },
    },
    async (request, reply) => {
      requireCsrfHeader(request)
      reply.header('set-cookie', clearedRefreshCookie(request))
      // The same answer whatever the cookie: logout tells nothing about it.
      const presented = readRefreshCookie(request)
      const record = presented ? await c.refreshTokens.get(refreshTokenId(presented)) : null
      const family = record ? await c.refreshFamilies.get(record.familyId) : null
      if (record && family && (await revokeFamily(c, record.familyId, 'logout', clock))) {
        // The access token of this session must stop working too, everywhere (the services learn it
        // from the event); the user's other sessions get new access tokens at their next refresh.
        const now = clock.now()
        await modify(c.users, family.userId, (u) => ({ ...u, tokensValidAfter: revokedAt(now) }), {
          now,
          events: (u, next) => [userChanged(u._id, next, request.id, now)],
        }).catch((err: unknown) => {
          if (!(err instanceof StoreNotFoundError)) throw err
        })
        request.log.info({ familyId: record.familyId, userId: family.userId }, 'logged out')
      }
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/me',
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
