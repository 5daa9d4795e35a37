// rectification.order-issued: the responsible department's leads (dept_lead), to acknowledge it.
import type { RectificationEvents } from '@tingjian/contracts'
import { departmentLeads, orderIssuedTemplate } from '../domain/rectification.ts'
import type { Handler } from './index.ts'
import { orderMail, sendToStaff } from './rectification-mail.ts'

export const onOrderIssued: Handler<typeof RectificationEvents.orderIssued> = async (deps, event, log) => {
  const d = event.data
  const template = orderIssuedTemplate({
    ...(await orderMail(deps, d)),
    title: d.title,
    measuresRequired: d.measuresRequired,
    acknowledgeBy: d.acknowledgeBy,
  })
  await sendToStaff(deps, event, departmentLeads(d.departmentId), template, log, { orderId: d.orderId })
}
