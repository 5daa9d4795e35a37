// identity.user-changed → the staff collection (each account's department, roles and whether it is
// active), so that an assignment names an assignee of the lead department. Its own consumer group;
// idempotent (an event not newer than the stored state changes nothing). Never stores names or e-mails.
import type { EventBus, Subscription } from '@tingjian/bus'
import { IdentityEvents } from '@tingjian/contracts'
import type { Logger } from '@tingjian/kit'
import { applyStaffChange, type Staff } from '../departments.ts'

export interface StaffConsumerDeps {
  bus: EventBus
  staff: Staff
  logger: Logger
  group: string
}

export async function consumeStaff(deps: StaffConsumerDeps): Promise<Subscription> {
  return deps.bus.subscribe({ group: deps.group, streams: ['identity'] }, async (event) => {
    if (!IdentityEvents.userChanged.is(event)) return
    const outcome = await applyStaffChange(deps.staff, event.data, event)
    deps.logger.debug({ userId: event.data.userId, eventId: event.id, outcome }, 'staff account')
  })
}
