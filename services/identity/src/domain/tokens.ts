// Refresh tokens: opaque random strings, stored only as their SHA-256, in families that rotate. Pure
// decisions about a presented token; the routes do the reading and writing.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

export const ACCESS_TOKEN_TTL_S = 15 * 60
/** A refresh token not used for this long expires (the session was idle). */
export const REFRESH_IDLE_MS = 12 * 60 * 60_000
/** A family (one sign-in) ends this long after the login, however active. */
export const REFRESH_ABSOLUTE_MS = 7 * 24 * 60 * 60_000
/**
 * For this long after a rotation, the token it replaced still answers the same next token instead of
 * counting as reuse: two tabs of one browser share the cookie and may refresh at the same moment.
 */
export const REFRESH_GRACE_MS = 20_000

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
  /** Id of the token the last rotation replaced: usable again within REFRESH_GRACE_MS of `rotatedAt`. */
  previousTokenId?: string | null
  rotatedAt?: string | null
  /** The current token, sealed with a key only the replaced token gives (see `seal`): the grace answer. */
  sealedCurrent?: string | null
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
  /** The token the last rotation replaced, within the grace: answer the current token again. */
  | { kind: 'grace'; sealedCurrent: string }
  | { kind: 'refuse'; revoke: RefreshFamily['revokedReason'] | null }

/** What to do with a presented token (by its id) of this family at `now`. */
export function decideRefresh(family: RefreshFamily, tokenId: string, now: Date): RefreshDecision {
  if (family.status === 'revoked') return { kind: 'refuse', revoke: null }
  const t = now.getTime()
  if (t >= Date.parse(family.idleExpiresAt) || t >= Date.parse(family.absoluteExpiresAt)) {
    return { kind: 'refuse', revoke: 'expired' }
  }
  if (family.currentTokenId === tokenId) return { kind: 'rotate' }
  if (
    family.previousTokenId === tokenId &&
    family.rotatedAt &&
    family.sealedCurrent &&
    t - Date.parse(family.rotatedAt) <= REFRESH_GRACE_MS
  ) {
    return { kind: 'grace', sealedCurrent: family.sealedCurrent }
  }
  // An earlier token of the family used again: it was stolen, or the rightful owner's was. Revoke all.
  return { kind: 'refuse', revoke: 'reuse' }
}

// The grace answer must hand out the current token, which is stored only as its hash. It is kept sealed
// (AES-256-GCM) under a key derived from the token it replaced: only whoever presents that token can
// unseal it; the store alone cannot (it holds that token as a different hash).
const sealKey = (token: string) => createHash('sha256').update(`tingjian-refresh-seal:${token}`).digest()

export function seal(previousToken: string, currentToken: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', sealKey(previousToken), iv)
  const body = Buffer.concat([cipher.update(currentToken, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

/** The sealed token, or null when `previousToken` is not the one it was sealed with. */
export function unseal(previousToken: string, sealed: string): string | null {
  const raw = Buffer.from(sealed, 'base64url')
  if (raw.length < 29) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(previousToken), raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}

export function newFamily(userId: string, tokenId: string, now: Date): RefreshFamily {
  return {
    userId,
    currentTokenId: tokenId,
    status: 'active',
    revokedReason: null,
    revokedAt: null,
    rotations: 0,
    previousTokenId: null,
    rotatedAt: null,
    sealedCurrent: null,
    idleExpiresAt: new Date(now.getTime() + REFRESH_IDLE_MS).toISOString(),
    absoluteExpiresAt: new Date(now.getTime() + REFRESH_ABSOLUTE_MS).toISOString(),
  }
}

/** The family after `presented` (its current token) was replaced by `next`. */
export function rotated(family: RefreshFamily, presented: string, next: string, now: Date): RefreshFamily {
  const idle = Math.min(now.getTime() + REFRESH_IDLE_MS, Date.parse(family.absoluteExpiresAt))
  return {
    ...family,
    currentTokenId: refreshTokenId(next),
    previousTokenId: refreshTokenId(presented),
    rotatedAt: now.toISOString(),
    sealedCurrent: seal(presented, next),
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
