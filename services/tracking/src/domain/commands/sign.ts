// 签收: the lead department signs for the case; a handler who signs becomes its assignee if none was named.
import type { Handler } from './handler.ts'

export const sign: Handler<'sign'> = (c, _command, x) => ({
  set: {
    status: 'in_progress',
    assigneeId: c.assigneeId ?? (x.actorRole === 'handler' ? x.actorId : null),
  },
  action: 'signed',
  entries: [{ action: 'signed', note: null, public: true }],
  events: [],
})
