// rectification.order-issued → the order on each of its cases' timelines (`rectification_ordered`: the
// order's number and title).
import type { RectificationEvents, Static } from '@tingjian/contracts'
import type { RectificationNotice } from '../../domain/rectification.ts'

export const orderIssuedNotice = (
  d: Static<typeof RectificationEvents.orderIssued.data>,
): RectificationNotice => ({
  orderId: d.orderId,
  number: d.number,
  status: 'ordered',
  note: `${d.number} ${d.title}`,
  orderVersion: d.orderVersion,
  actorId: d.actorId,
  at: d.at,
})
