// 并单: the case is closed as a duplicate of an open lead case (the lead records it separately).
import { OPEN_STATUSES } from '../model.ts'
import { type Handler, refuse } from './handler.ts'

export const merge: Handler<'merge'> = (c, command, x) => {
  const target = command.target
  if (!target) return refuse('not_found', 'the lead case does not exist')
  if (target.id === c._id) return refuse('invalid_state', 'a case cannot be merged into itself')
  if (!OPEN_STATUSES.includes(target.status)) {
    return refuse('invalid_state', `the lead case is ${target.status}; merge only into an open case`)
  }
  return {
    set: { status: 'merged', mergedInto: target.id, closedAt: x.at },
    action: 'merged',
    entries: [{ action: 'merged', note: target.id, public: false }],
    events: [],
  }
}
