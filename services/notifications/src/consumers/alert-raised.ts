// rectification.alert-raised: every discipline officer, with the place and the count.
import type { RectificationEvents } from '@tingjian/contracts'
import { alertRaisedTemplate, disciplineOfficers } from '../domain/rectification.ts'
import type { Handler } from './index.ts'
import { sendToStaff } from './rectification-mail.ts'

export const onAlertRaised: Handler<typeof RectificationEvents.alertRaised> = async (deps, event, log) => {
  const d = event.data
  const template = alertRaisedTemplate({
    alertId: d.alertId,
    level: d.level,
    departmentName: await deps.directory.departmentName(d.departmentId),
    office: d.office,
    window: d.window,
    staffNumber: d.staffNumber,
    problems: d.problemIds.length,
    threshold: d.threshold,
    windowDays: d.windowDays,
    webUrl: deps.webUrl,
  })
  await sendToStaff(deps, event, disciplineOfficers(), template, log, { alertId: d.alertId })
}
