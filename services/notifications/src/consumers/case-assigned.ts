// tracking.case-assigned: the assignee, or else the department's active handlers.
import type { TrackingEvents } from '@tingjian/contracts'
import { assignmentTemplate, render } from '../domain/templates.ts'
import { assigneeOrHandlers, toStaff } from './context.ts'
import type { Handler } from './index.ts'

export const onCaseAssigned: Handler<typeof TrackingEvents.caseAssigned> = async (deps, event, log) => {
  const d = event.data
  const { staff, toAssignee } = await assigneeOrHandlers(deps, d.departmentId, d.assigneeId)
  if (staff.length === 0) {
    log.warn({ caseId: d.caseId, departmentId: d.departmentId }, 'no staff with an address to notify')
    return
  }
  const rendered = render(
    assignmentTemplate(
      {
        trackingCode: d.trackingCode,
        subject: d.subject,
        departmentName: await deps.directory.departmentName(d.departmentId),
        dueAt: d.dueAt,
        webUrl: deps.webUrl,
      },
      toAssignee,
    ),
  )
  await deps.deliveries.deliver(event, toStaff(staff, 'assignment', d.trackingCode, rendered), log)
}
