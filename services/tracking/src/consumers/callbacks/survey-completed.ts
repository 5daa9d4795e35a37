// callbacks.survey-completed → `callback_completed` (public; note: the satisfaction level heard, or null) on
// the case's timeline, and the case reopened for rework when the callbacks policy says so (`reopenCase`).
import type { CallbacksEvents, Static } from '@tingjian/contracts'
import type { SurveyNotice } from '../../domain/callbacks.ts'

export const surveyCompletedNotice = (
  d: Static<typeof CallbacksEvents.surveyCompleted.data>,
): SurveyNotice => ({
  taskId: d.taskId,
  outcome: 'completed',
  satisfaction: d.answers.satisfaction,
  note: d.answers.satisfaction,
  reopenCase: d.reopenCase ?? false,
  officerId: d.channel === 'staff' ? d.officerId : null,
  at: d.at,
})
