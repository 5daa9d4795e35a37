// Rectification (整改) orders on the cases whose problems they cover: rectification announces an order
// issued, closed (销号) or reopened (回头看 found the problem back), and each case in the order's `caseIds`
// gets an internal timeline entry and the order in its list, once per event however often it is delivered
// (the case keeps the keys of the events it recorded). Pure.
import type { EventEnvelope } from '@tingjian/contracts'
import { appendEntry, headOf } from '@tingjian/kit'
import { type CaseRectification, type CaseState, caseChanged, type Outcome } from './model.ts'

export const RECTIFICATION_ACTIONS = {
  ordered: 'rectification_ordered',
  closed: 'rectification_closed',
  reopened: 'rectification_reopened',
} as const

/** What an order's event says to the cases it covers. */
export interface RectificationNotice {
  orderId: string
  /** The order's printed number (`ZG2026-00017`). */
  number: string
  status: CaseRectification['status']
  /** The timeline entry's note. */
  note: string
  /** The order's version after the change: with the order and the status, what makes the event one. */
  orderVersion: number
  actorId: string | null
  at: string
}

export const rectificationKey = (n: RectificationNotice) => `${n.orderId}:${n.status}:${n.orderVersion}`

/** The entry and the order on the case; null when this event was already recorded. */
export function recordRectification(
  c: CaseState,
  n: RectificationNotice,
  now: Date,
  cause: Pick<EventEnvelope, 'id' | 'correlationId'>,
): Outcome | null {
  const key = rectificationKey(n)
  const keys = c.rectificationKeys ?? []
  if (keys.includes(key)) return null
  const action = RECTIFICATION_ACTIONS[n.status]
  const order: CaseRectification = { orderId: n.orderId, number: n.number, status: n.status, at: n.at }
  const orders = c.rectifications ?? []
  const next: CaseState = {
    ...c,
    rectifications: orders.some((o) => o.orderId === n.orderId)
      ? orders.map((o) => (o.orderId === n.orderId ? order : o))
      : [...orders, order],
    rectificationKeys: [...keys, key],
    version: c.version + 1,
  }
  next.timeline = appendEntry(c.timeline, {
    action,
    note: n.note,
    public: false,
    at: now.toISOString(),
    actorId: n.actorId,
    actorRole: n.actorId ? 'discipline_officer' : 'system',
  })
  Object.assign(next, headOf(next.timeline))
  const changed = caseChanged(next, action, c.status, n.actorId, now, {
    correlationId: cause.correlationId,
    causationId: cause.id,
  })
  return { ok: true, case: next, events: [changed] }
}
