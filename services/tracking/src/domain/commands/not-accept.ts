// 不予受理: the dispatcher does not accept the case, with a reason the citizen reads.
import type { Handler } from './handler.ts'

export const notAccept: Handler<'not-accept'> = (_c, command, x) => ({
  set: { status: 'not_accepted', notAcceptedReason: command.reason, closedAt: x.at },
  action: 'not_accepted',
  entries: [{ action: 'not_accepted', note: command.reason, public: true }],
  events: [],
})
