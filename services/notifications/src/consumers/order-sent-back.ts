// rectification.order-sent-back: the department's leads, with the kind and the reason.
import type { RectificationEvents } from '@tingjian/contracts'
import { departmentLeads, orderSentBackTemplate } from '../domain/rectification.ts'
import type { Handler } from './index.ts'
import { orderMail, sendToStaff } from './rectification-mail.ts'

export const onOrderSentBack: Handler<typeof RectificationEvents.orderSentBack> = async (
  deps,
  event,
  log,
) => {
  const d = event.data
  const template = orderSentBackTemplate({ ...(await orderMail(deps, d)), kind: d.kind, reason: d.reason })
  await sendToStaff(deps, event, departmentLeads(d.departmentId), template, log, { orderId: d.orderId })
}
