// The lead case's tracking.case-replied → each case merged into it (并单) gets the reply, with its own
// timeline entry and its own tracking.case-replied, so that its citizen reads and is told of the answer.
// Restart-safe and idempotent per (lead event, merged case): the merged case records the event it was
// answered from, and every write is conditioned on the version read (retried when stale).
import type { EventBus, Subscription } from '@tingjian/bus'
import { TrackingEvents } from '@tingjian/contracts'
import type { Clock, Logger } from '@tingjian/kit'
import { applyChange, type Cases } from '../case-store.ts'
import { replyFromLead } from '../domain/case.ts'
import type { FieldSealer } from '../domain/privacy.ts'

export interface MergedReplyConsumerDeps {
  bus: EventBus
  cases: Cases
  clock: Clock
  /** Seals a number a merged case holds in clear (stored before sealing) for its tracking.callback-due. */
  sealer: FieldSealer
  logger: Logger
  group: string
}

export async function consumeMergedReplies(deps: MergedReplyConsumerDeps): Promise<Subscription> {
  return deps.bus.subscribe({ group: deps.group, streams: ['tracking'] }, async (event) => {
    if (!TrackingEvents.caseReplied.is(event)) return
    const merged = await deps.cases.find({ mergedInto: event.data.caseId }, { limit: 500 })
    if (!merged.items.length) return
    const lead = await deps.cases.get(event.data.caseId)
    const reply = {
      leadCaseId: event.data.caseId,
      eventId: event.id,
      text: event.data.text,
      public: lead?.reply?.public ?? false,
      departmentId: event.data.departmentId,
      departmentName: event.data.departmentName,
      repliedAt: event.data.repliedAt,
    }
    for (const c of merged.items) {
      const now = deps.clock.now()
      const saved = await applyChange(
        deps.cases,
        c._id,
        (current) =>
          replyFromLead(current, reply, {
            now,
            correlationId: event.correlationId,
            sealPhone: (phone) => deps.sealer.encrypt(phone),
          }),
        now,
      )
      if (saved)
        deps.logger.info(
          { caseId: c._id, leadCaseId: reply.leadCaseId, eventId: event.id },
          'merged case answered',
        )
    }
  })
}
