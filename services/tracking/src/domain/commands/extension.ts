// 延期: a handler asks for more working days; the department lead or a supervisor approves or refuses.
import { MAX_EXTENSION_DAYS, TOO_MANY_DAYS } from '../model.ts'
import { type Handler, refuse } from './handler.ts'

export const requestExtension: Handler<'extension'> = (c, command, x) => {
  if (c.extendedDays + command.days > MAX_EXTENSION_DAYS) return refuse('invalid', TOO_MANY_DAYS)
  return {
    set: {
      extension: { days: command.days, reason: command.reason, requestedBy: x.actorId, requestedAt: x.at },
    },
    action: 'extension_requested',
    entries: [{ action: 'extension_requested', note: `${command.days}: ${command.reason}`, public: false }],
    events: [],
  }
}

export const approveExtension: Handler<'extension/approve'> = (c, _command, x) => {
  const ext = c.extension
  if (!ext) return refuse('invalid_state', 'no extension request is pending') // (permission checked it)
  const base = c.dueAt ? new Date(c.dueAt) : x.now
  return {
    set: {
      dueAt: x.ctx.calendar.addWorkingDays(base, ext.days, c.region ?? undefined).toISOString(),
      extendedDays: c.extendedDays + ext.days,
      extension: null,
      // a new due date restarts the ladder for it
      escalationLevel: 0,
    },
    action: 'extension_approved',
    entries: [{ action: 'extension_approved', note: `${ext.days}`, public: true }],
    events: [],
  }
}

export const refuseExtension: Handler<'extension/refuse'> = (_c, command) => ({
  set: { extension: null },
  action: 'extension_refused',
  entries: [{ action: 'extension_refused', note: command.reason, public: false }],
  events: [],
})
