// identity.user-changed: the local staff directory; an older event never overwrites a newer state.
import type { IdentityEvents } from '@tingjian/contracts'
import type { Handler } from './index.ts'

export const onUserChanged: Handler<typeof IdentityEvents.userChanged> = async (deps, event, log) => {
  const d = event.data
  await deps.directory.save(deps.directory.staff, d.userId, {
    userId: d.userId,
    email: d.email?.trim() || null,
    roles: d.roles,
    departmentId: d.departmentId,
    active: d.active,
    eventAt: event.occurredAt,
  })
  log.debug({ userId: d.userId }, 'staff directory updated')
}
