// Refresh tokens: opaque random strings, stored only as their SHA-256, in families that rotate. Pure
// decisions about a presented token; the routes do the reading and writing.
import { createHash, randomBytes } from 'node:crypto'

export const ACCESS_TOKEN_TTL_S = 15 * 60
/** A refresh token not used for this long expires (the session was idle). */
export const REFRESH_IDLE_MS = 12 * 60 * 60_000
/** A family (one sign-in) ends this long after the login, however active. */
export const REFRESH_ABSOLUTE_MS = 7 * 24 * 60 * 60_000

export const newRefreshToken = (): string => randomBytes(32).toString('base64url')
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex')
export const refreshTokenId = (token: string): string => `rt_${sha256(token)}`

/** One sign-in: the chain of refresh tokens that rotate from it. */
export interface RefreshFamily {
  userId: string
  /** Id (hash) of the only token of the family that may still be used; every earlier one is used. */
  currentTokenId: string
  status: 'active' | 'revoked'
  revokedReason: 'reuse' | 'logout' | 'expired' | 'inactive-user' | 'password-reset' | null
  revokedAt: string | null
  /** Rotations so far. */
  rotations: number
  idleExpiresAt: string
  absoluteExpiresAt: string
}

/** The lookup from a token's hash to its family (tokens are never stored in clear). */
export interface RefreshTokenRecord {
  familyId: string
  issuedAt: string
}

export type RefreshDecision =
  | { kind: 'rotate' }
  | { kind: 'refuse'; revoke: RefreshFamily['revokedReason'] | null }

/** What to do with a presented token (by its id) of this family at `now`. */
export function decideRefresh(family: RefreshFamily, tokenId: string, now: Date): RefreshDecision {
  if (family.status === 'revoked') return { kind: 'refuse', revoke: null }
  // An earlier token of the family used again: it was stolen, or the rightful owner's was. Revoke all.
  if (family.currentTokenId !== tokenId) return { kind: 'refuse', revoke: 'reuse' }
  const t = now.getTime()
  if (t >= Date.parse(family.idleExpiresAt) || t >= Date.parse(family.absoluteExpiresAt)) {
    return { kind: 'refuse', revoke: 'expired' }
  }
  return { kind: 'rotate' }
}

export function newFamily(userId: string, tokenId: string, now: Date): RefreshFamily {
  return {
    userId,
    currentTokenId: tokenId,
    status: 'active',
    revokedReason: null,
    revokedAt: null,
    rotations: 0,
    idleExpiresAt: new Date(now.getTime() + REFRESH_IDLE_MS).toISOString(),
    absoluteExpiresAt: new Date(now.getTime() + REFRESH_ABSOLUTE_MS).toISOString(),
  }
}

export function rotated(family: RefreshFamily, tokenId: string, now: Date): RefreshFamily {
  const idle = Math.min(now.getTime() + REFRESH_IDLE_MS, Date.parse(family.absoluteExpiresAt))
  return {
    ...family,
    currentTokenId: tokenId,
    rotations: family.rotations + 1,
    idleExpiresAt: new Date(idle).toISOString(),
  }
}

export function revoked(
  family: RefreshFamily,
  reason: NonNullable<RefreshFamily['revokedReason']>,
  now: Date,
): RefreshFamily {
  return { ...family, status: 'revoked', revokedReason: reason, revokedAt: now.toISOString() }
}
