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
