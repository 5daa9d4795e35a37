// rectification.order-escalated: a ladder step to the department's leads; 督办 and 告诫 also to every
// discipline officer.
import type { RectificationEvents } from '@tingjian/contracts'
import { ladderAudience, orderEscalatedTemplate } from '../domain/rectification.ts'
import type { Handler } from './index.ts'
import { orderMail, sendToStaff } from './rectification-mail.ts'

export const onOrderEscalated: Handler<typeof RectificationEvents.orderEscalated> = async (
  deps,
  event,
  log,
) => {
  const d = event.data
  const template = orderEscalatedTemplate({
    ...(await orderMail(deps, d)),
    title: d.title,
    step: d.step,
    previousDueAt: d.previousDueAt,
  })
  await sendToStaff(deps, event, ladderAudience(d.step, d.departmentId), template, log, {
    orderId: d.orderId,
    step: d.step,
  })
}
