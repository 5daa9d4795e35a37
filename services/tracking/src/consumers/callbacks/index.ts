// The callback surveys on their cases (group `tracking.callbacks`): a survey completed or found unreachable
// becomes an entry on the case's timeline and a callback in its list, once per task and outcome (the case
// records the callbacks it took: a redelivery, a republished event or a second replica changes nothing); a
// completed one with `reopenCase` reopens the case for rework. Surveys of service records (no case) and of
// cases tracking does not have are skipped.
import type { EventBus, Subscription } from '@tingjian/bus'
import { CallbacksEvents, type EventEnvelope } from '@tingjian/contracts'
import type { Clock, Logger } from '@tingjian/kit'
import { applyChange, type Cases } from '../../case-store.ts'
import { recordSurvey, type SurveyNotice } from '../../domain/callbacks.ts'
import type { Calendar, DueDays } from '../../domain/case.ts'
import { surveyCompletedNotice } from './survey-completed.ts'
import { surveyUnreachableNotice } from './survey-unreachable.ts'

export interface CallbackConsumerDeps {
  bus: EventBus
  cases: Cases
  clock: Clock
  calendar: Calendar
  dueDays?: DueDays
  logger: Logger
  group: string
}

/** The notice of an event this group acts on, with its case; null for the others and for service records. */
function noticeOf(event: EventEnvelope): { notice: SurveyNotice; caseId: string } | null {
  if (CallbacksEvents.surveyCompleted.is(event)) {
    const caseId = event.data.caseId
    return caseId ? { notice: surveyCompletedNotice(event.data), caseId } : null
  }
  if (CallbacksEvents.surveyUnreachable.is(event)) {
    const caseId = event.data.caseId
    return caseId ? { notice: surveyUnreachableNotice(event.data), caseId } : null
  }
  return null
}

export async function consumeCallbacks(deps: CallbackConsumerDeps): Promise<Subscription> {
  return deps.bus.subscribe({ group: deps.group, streams: ['callbacks'] }, async (event) => {
    const found = noticeOf(event)
    if (!found) return
    const { notice, caseId } = found
    const now = deps.clock.now()
    const ctx = {
      now,
      calendar: deps.calendar,
      dueDays: deps.dueDays,
      correlationId: event.correlationId,
      causationId: event.id,
    }
    const saved = await applyChange(deps.cases, caseId, (c) => recordSurvey(c, notice, ctx), now)
    const log = { caseId, taskId: notice.taskId, outcome: notice.outcome, eventId: event.id }
    if (saved) deps.logger.info({ ...log, status: saved.status }, 'callback survey recorded on its case')
    else deps.logger.debug(log, 'callback survey already recorded, or the case is unknown')
  })
}
