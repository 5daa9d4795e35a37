// The citizen rates the reply; dissatisfied reopens the case for rework (重办) and is a problem for
// rectification (tracking.problem-found, when the case has a lead department).
import { problemFoundEvent } from '../problems.ts'
import { type Handler, rework } from './handler.ts'

export const rate: Handler<'rate'> = (c, command, x) => {
  const rating = { satisfaction: command.satisfaction, comment: command.comment ?? null, at: x.at }
  const dissatisfied = command.satisfaction === 'dissatisfied'
  // decided on the case as rated, before the rework raises its count
  const problem = dissatisfied
    ? problemFoundEvent(c, 'dissatisfied', {
        now: x.now,
        correlationId: x.ctx.correlationId,
        causationId: x.ctx.causationId,
      })
    : null
  return {
    set: { rating, ...(dissatisfied ? rework(c, x, command.satisfaction) : {}) },
    action: 'rated',
    entries: [
      { action: 'rated', note: command.satisfaction, public: true },
      ...(dissatisfied ? [{ action: 'reopened', note: null, public: true }] : []),
    ],
    events: problem ? [problem] : [],
  }
}
