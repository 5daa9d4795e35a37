// What the rectification consumers share (order-*.ts, alert-raised.ts): an order's mail data, and one send to
// the reachable staff of some audiences, once per event and recipient (deliveries.ts).
import type { EventEnvelope, RectificationEvents, Static } from '@tingjian/contracts'
import type { Logger } from '@tingjian/kit'
import type { Audience } from '../domain/recipients.ts'
import type { OrderMailData } from '../domain/rectification.ts'
import { render, type Template } from '../domain/templates.ts'
import { type ConsumerDeps, staffOf, toStaff } from './context.ts'

export type OrderRef = Static<typeof RectificationEvents.orderAcknowledged.data>

export async function orderMail(deps: ConsumerDeps, d: OrderRef): Promise<OrderMailData> {
  return {
    orderId: d.orderId,
    number: d.number,
    departmentName: await deps.directory.departmentName(d.departmentId),
    office: d.office,
    window: d.window,
    staffNumber: d.staffNumber,
    dueAt: d.dueAt,
    webUrl: deps.webUrl,
  }
}

export async function sendToStaff(
  deps: ConsumerDeps,
  event: EventEnvelope,
  audiences: Audience[],
  template: Template,
  log: Logger,
  ids: Record<string, string>,
): Promise<void> {
  const staff = await staffOf(deps, audiences)
  if (staff.length === 0) {
    log.warn(ids, 'no staff with an address to notify')
    return
  }
  await deps.deliveries.deliver(event, toStaff(staff, 'rectification', null, render(template)), log)
}
