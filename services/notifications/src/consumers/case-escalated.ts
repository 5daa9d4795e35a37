// tracking.case-escalated: the escalation ladder's audiences (domain/recipients.ts).
import type { TrackingEvents } from '@tingjian/contracts'
import { escalationAudience } from '../domain/recipients.ts'
import { escalationTemplate, render } from '../domain/templates.ts'
import { assigneeOrHandlers, staffOf, toStaff } from './context.ts'
import type { Handler } from './index.ts'

export const onCaseEscalated: Handler<typeof TrackingEvents.caseEscalated> = async (deps, event, log) => {
  const d = event.data
  const reminder = d.kind !== 'manual' && d.level <= 1
  const staff = reminder
    ? (await assigneeOrHandlers(deps, d.departmentId, d.assigneeId)).staff
    : await staffOf(deps, escalationAudience(d))
  if (staff.length === 0) {
    log.warn({ caseId: d.caseId, level: d.level, kind: d.kind }, 'no staff with an address to notify')
    return
  }
  const rendered = render(
    escalationTemplate({
      trackingCode: d.trackingCode,
      subject: d.subject,
      departmentName: await deps.directory.departmentName(d.departmentId),
      dueAt: d.dueAt,
      webUrl: deps.webUrl,
      level: d.level,
      kind: d.kind,
      ...(d.note ? { note: d.note } : {}),
    }),
  )
  await deps.deliveries.deliver(event, toStaff(staff, 'escalation', d.trackingCode, rendered), log)
}
