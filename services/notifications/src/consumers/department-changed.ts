// identity.department-changed: department names for the mails; an older event never overwrites a newer one.
import type { IdentityEvents } from '@tingjian/contracts'
import type { Handler } from './index.ts'

export const onDepartmentChanged: Handler<typeof IdentityEvents.departmentChanged> = async (
  deps,
  event,
  log,
) => {
  const d = event.data
  await deps.directory.save(deps.directory.departments, d.departmentId, {
    name: d.name,
    nameEn: d.nameEn ?? null,
    active: d.active,
    eventAt: event.occurredAt,
  })
  log.debug({ departmentId: d.departmentId }, 'department directory updated')
}
