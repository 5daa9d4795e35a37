// Staff accounts: the rules on a user's roles and department. Pure.
import type { Role } from '@tingjian/kit'

export interface User {
  username: string
  displayName: string
  /** Personal data: never logged; sent only to notifications in identity.user-changed. */
  email: string | null
  roles: Role[]
  departmentId: string | null
  active: boolean
  /** `scrypt$N$r$p$salt$hash`; never leaves the service. */
  passwordHash: string
  passwordChangedAt: string
  /**
   * Access tokens issued before this ISO time are refused, here and (through identity.user-changed) in
   * every service. Moved forward on deactivation, a change of roles or department, a password reset and
   * logout. Absent on accounts stored before it existed (never revoked).
   */
  tokensValidAfter?: string
}

export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{1,63}$'

/** Roles that act for one department and so need one. */
export const DEPARTMENT_ROLES: readonly Role[] = ['handler', 'dept_lead']

/** A message when the combination of roles and department is not allowed, else null. */
export function checkRoles(roles: readonly Role[], departmentId: string | null): string | null {
  const needing = roles.filter((r) => DEPARTMENT_ROLES.includes(r))
  if (needing.length > 0 && departmentId === null) {
    return `the role${needing.length > 1 ? 's' : ''} ${needing.join(', ')} need${needing.length > 1 ? '' : 's'} a departmentId`
  }
  return null
}

/** True when a change of the account must void the tokens issued before it (their claims are wrong). */
export function changeRevokesTokens(
  current: Pick<User, 'active' | 'roles' | 'departmentId'>,
  next: Pick<User, 'active' | 'roles' | 'departmentId'>,
): boolean {
  return (
    current.active !== next.active ||
    current.departmentId !== next.departmentId ||
    current.roles.length !== next.roles.length ||
    current.roles.some((r) => !next.roles.includes(r))
  )
}

/**
 * The revocation time for a revocation at `now`: one millisecond after it, so that a token issued in the
 * same millisecond before the revocation is refused too. Tokens issued later carry `iatMs` at least this
 * (see `issueTimeMs`), so a login right after a re-activation works even within the same millisecond.
 */
export const revokedAt = (now: Date): string => new Date(now.getTime() + 1).toISOString()

/** When a token issued now counts as issued: never before the account's `tokensValidAfter`. */
export function issueTimeMs(user: Pick<User, 'tokensValidAfter'>, now: Date): number {
  const after = user.tokensValidAfter ? Date.parse(user.tokensValidAfter) : Number.NaN
  return Number.isNaN(after) ? now.getTime() : Math.max(now.getTime(), after)
}
