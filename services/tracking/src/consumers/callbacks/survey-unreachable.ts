// callbacks.survey-unreachable → `callback_unreachable` (internal; note: the reason — unreachable after three
// half-days, wrong_number or refused) on the case's timeline.
import type { CallbacksEvents, Static } from '@tingjian/contracts'
import type { SurveyNotice } from '../../domain/callbacks.ts'

export const surveyUnreachableNotice = (
  d: Static<typeof CallbacksEvents.surveyUnreachable.data>,
): SurveyNotice => ({
  taskId: d.taskId,
  outcome: 'unreachable',
  satisfaction: null,
  note: d.reason,
  reopenCase: false,
  officerId: null,
  at: d.at,
})
