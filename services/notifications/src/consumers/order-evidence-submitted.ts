// rectification.order-evidence-submitted: every discipline officer, to verify it.
import type { RectificationEvents } from '@tingjian/contracts'
import { disciplineOfficers, evidenceSubmittedTemplate } from '../domain/rectification.ts'
import type { Handler } from './index.ts'
import { orderMail, sendToStaff } from './rectification-mail.ts'

export const onEvidenceSubmitted: Handler<typeof RectificationEvents.orderEvidenceSubmitted> = async (
  deps,
  event,
  log,
) => {
  const d = event.data
  const template = evidenceSubmittedTemplate({
    ...(await orderMail(deps, d)),
    round: d.round,
    attachments: d.attachments.length,
  })
  await sendToStaff(deps, event, disciplineOfficers(), template, log, { orderId: d.orderId })
}
