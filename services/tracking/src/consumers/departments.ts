// identity.department-changed → the departments collection (names, codes, active). Its own consumer group,
// so that its offsets are independent of the intake's; idempotent (an event not newer than the stored
// state changes nothing).
import type { EventBus, Subscription } from '@tingjian/bus'
import { IdentityEvents } from '@tingjian/contracts'
import type { Logger } from '@tingjian/kit'
import { applyDepartmentChange, type Departments } from '../departments.ts'

export interface DepartmentConsumerDeps {
  bus: EventBus
  departments: Departments
  logger: Logger
  group: string
}

export async function consumeDepartments(deps: DepartmentConsumerDeps): Promise<Subscription> {
  return deps.bus.subscribe({ group: deps.group, streams: ['identity'] }, async (event) => {
    if (!IdentityEvents.departmentChanged.is(event)) return
    const outcome = await applyDepartmentChange(deps.departments, event.data, event)
    deps.logger.debug({ departmentId: event.data.departmentId, eventId: event.id, outcome }, 'department')
  })
}
