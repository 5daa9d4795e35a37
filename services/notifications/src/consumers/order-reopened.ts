// rectification.order-reopened (回头看): the department's leads, for a new plan.
import type { RectificationEvents } from '@tingjian/contracts'
import { departmentLeads, orderReopenedTemplate } from '../domain/rectification.ts'
import type { Handler } from './index.ts'
import { orderMail, sendToStaff } from './rectification-mail.ts'

export const onOrderReopened: Handler<typeof RectificationEvents.orderReopened> = async (
  deps,
  event,
  log,
) => {
  const d = event.data
  const template = orderReopenedTemplate({ ...(await orderMail(deps, d)), reason: d.reason })
  await sendToStaff(deps, event, departmentLeads(d.departmentId), template, log, { orderId: d.orderId })
}
