// The rectification orders on their cases (group `tracking.rectification`): an order issued, closed or
// reopened becomes an internal entry on the timeline of each case in its `caseIds`, once per event (the case
// records the events it took: a redelivery, or a second replica, changes nothing). A case tracking does not
// have is skipped.
import type { EventBus, Subscription } from '@tingjian/bus'
import { type EventEnvelope, RectificationEvents } from '@tingjian/contracts'
import type { Clock, Logger } from '@tingjian/kit'
import { applyChange, type Cases } from '../../case-store.ts'
import { type RectificationNotice, recordRectification } from '../../domain/rectification.ts'
import { orderClosedNotice } from './order-closed.ts'
import { orderIssuedNotice } from './order-issued.ts'
import { orderReopenedNotice } from './order-reopened.ts'

export interface RectificationConsumerDeps {
  bus: EventBus
  cases: Cases
  clock: Clock
  logger: Logger
  group: string
}

/** The notice of an event this group acts on, with the cases it concerns; null for the others. */
function noticeOf(event: EventEnvelope): { notice: RectificationNotice; caseIds: string[] } | null {
  if (RectificationEvents.orderIssued.is(event)) {
    return { notice: orderIssuedNotice(event.data), caseIds: event.data.caseIds }
  }
  if (RectificationEvents.orderClosed.is(event)) {
    return { notice: orderClosedNotice(event.data), caseIds: event.data.caseIds }
  }
  if (RectificationEvents.orderReopened.is(event)) {
    return { notice: orderReopenedNotice(event.data), caseIds: event.data.caseIds }
  }
  return null
}

export async function consumeRectification(deps: RectificationConsumerDeps): Promise<Subscription> {
  return deps.bus.subscribe({ group: deps.group, streams: ['rectification'] }, async (event) => {
    const found = noticeOf(event)
    if (!found) return
    const { notice } = found
    for (const caseId of new Set(found.caseIds)) {
      const now = deps.clock.now()
      const saved = await applyChange(
        deps.cases,
        caseId,
        (c) => recordRectification(c, notice, now, event),
        now,
      )
      const log = { caseId, orderId: notice.orderId, status: notice.status, eventId: event.id }
      if (saved) deps.logger.info(log, 'rectification order recorded on its case')
      else deps.logger.debug(log, 'rectification order already recorded, or the case is unknown')
    }
  })
}
