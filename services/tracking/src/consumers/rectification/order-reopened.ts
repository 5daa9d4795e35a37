// rectification.order-reopened → `rectification_reopened` (回头看 found the problem back) on each of the
// order's cases (note: its number).
import type { RectificationEvents, Static } from '@tingjian/contracts'
import type { RectificationNotice } from '../../domain/rectification.ts'

export const orderReopenedNotice = (
  d: Static<typeof RectificationEvents.orderReopened.data>,
): RectificationNotice => ({
  orderId: d.orderId,
  number: d.number,
  status: 'reopened',
  note: d.number,
  orderVersion: d.orderVersion,
  actorId: d.actorId,
  at: d.at,
})
