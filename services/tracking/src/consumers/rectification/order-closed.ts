// rectification.order-closed → `rectification_closed` (销号) on each of the order's cases (note: its number).
import type { RectificationEvents, Static } from '@tingjian/contracts'
import type { RectificationNotice } from '../../domain/rectification.ts'

export const orderClosedNotice = (
  d: Static<typeof RectificationEvents.orderClosed.data>,
): RectificationNotice => ({
  orderId: d.orderId,
  number: d.number,
  status: 'closed',
  note: d.number,
  orderVersion: d.orderVersion,
  actorId: d.actorId,
  at: d.at,
})
