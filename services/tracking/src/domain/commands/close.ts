// 办结 and 重办: a replied case is closed, or reopened for rework.
import { type Handler, rework } from './handler.ts'

export const close: Handler<'close'> = (_c, _command, x) => ({
  set: { status: 'closed', closedAt: x.at },
  action: 'closed',
  entries: [{ action: 'closed', note: null, public: true }],
  events: [],
})

export const reopen: Handler<'reopen'> = (c, command, x) => ({
  set: rework(c, x),
  action: 'reopened',
  entries: [{ action: 'reopened', note: command.reason, public: true }],
  events: [],
})
