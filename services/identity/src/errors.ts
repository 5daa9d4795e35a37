// The service's coded errors; they leave the API as problem+json (/problems/<code without TJ_>).
import createError from '@fastify/error'

export const IdentityErrors = {
  /** The same answer for an unknown user, a wrong password and an inactive account. */
  InvalidCredentials: createError('TJ_INVALID_CREDENTIALS', 'Invalid username or password', 401),
  /** Unknown, used, expired or revoked: one answer. */
  InvalidRefreshToken: createError('TJ_INVALID_REFRESH_TOKEN', 'The refresh token is not valid', 401),
  /** Refresh and logout answer only requests that carry `X-Requested-With: tingjian` (CSRF). */
  CsrfHeaderMissing: createError(
    'TJ_CSRF_HEADER_MISSING',
    'This request needs the header X-Requested-With: tingjian',
    403,
  ),
  UnknownDepartment: createError('TJ_UNKNOWN_DEPARTMENT', '%s', 409),
  DepartmentCycle: createError('TJ_DEPARTMENT_CYCLE', 'A department cannot be its own ancestor', 409),
  DepartmentInUse: createError('TJ_DEPARTMENT_IN_USE', '%s', 409),
  SelfLockout: createError('TJ_SELF_LOCKOUT', '%s', 409),
}
