// The citizen rates the reply; dissatisfied reopens the case for rework (重办).
import { type Handler, rework } from './handler.ts'

export const rate: Handler<'rate'> = (c, command, x) => {
  const rating = { satisfaction: command.satisfaction, comment: command.comment ?? null, at: x.at }
  const dissatisfied = command.satisfaction === 'dissatisfied'
  return {
    set: { rating, ...(dissatisfied ? rework(c, x) : {}) },
    action: 'rated',
    entries: [
      { action: 'rated', note: command.satisfaction, public: true },
      ...(dissatisfied ? [{ action: 'reopened', note: null, public: true }] : []),
    ],
    events: [],
  }
}
