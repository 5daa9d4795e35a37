// 受理派单: the dispatcher accepts the case and gives it to a lead department (and supporting ones).
import { TrackingEvents } from '@tingjian/contracts'
import { dueDateFor, SIGNING_DAYS } from '../model.ts'
import { caseRef, eventMeta, type Handler } from './handler.ts'

export const assign: Handler<'assign'> = (c, command, x) => {
  const supporting = [...new Set(command.supportingDepartmentIds ?? [])].filter(
    (d) => d !== command.departmentId,
  )
  const acceptedAt = c.acceptedAt ?? x.at
  const due = dueDateFor(c.category, new Date(acceptedAt), x.ctx.calendar, c.region, x.ctx.dueDays)
  const assigneeId = command.assigneeId ?? null
  // a case assigned again (after a return) keeps the due date it was given at acceptance
  const dueAt = c.dueAt ?? due?.toISOString() ?? null
  return {
    set: {
      status: 'assigned',
      acceptedAt,
      departmentId: command.departmentId,
      supportingDepartmentIds: supporting,
      departmentIds: [command.departmentId, ...supporting],
      assigneeId,
      returned: null,
      signDueAt: x.ctx.calendar.addWorkingDays(x.now, SIGNING_DAYS, c.region ?? undefined).toISOString(),
      dueAt,
    },
    action: 'assigned',
    entries: [{ action: 'assigned', note: command.note ?? null, public: true }],
    events: [
      TrackingEvents.caseAssigned.create({
        ...eventMeta(c, x),
        data: {
          ...caseRef(c),
          subject: c.subject,
          departmentId: command.departmentId,
          supportingDepartmentIds: supporting,
          assigneeId,
          dueAt,
          at: x.at,
        },
      }),
    ],
  }
}
