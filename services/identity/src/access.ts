// Identity's staff routes trust the stored account, not the token alone: a token outlives a deactivation
// or a change of roles by up to 15 minutes, and an admin's token must not be able to undo its own
// revocation. Runs on every staff route after the token verified and before the route's role rule.
import { type AccessCheck, Errors, issuedBefore } from '@tingjian/kit'
import type { Collections } from './data.ts'

export function storedAccountCheck(c: Collections): AccessCheck {
  return async (request) => {
    const user = await c.users.get(request.user.sub)
    if (!user?.active || issuedBefore(request.user, user.tokensValidAfter)) throw new Errors.Unauthorized()
    // The role rule and the routes see the account as it is now.
    request.user = {
      ...request.user,
      username: user.username,
      roles: user.roles,
      departmentId: user.departmentId,
    }
  }
}
