// An internal note by anyone who can see the case.
import type { Handler } from './handler.ts'

export const notes: Handler<'notes'> = (_c, command) => ({
  set: {},
  action: 'note',
  entries: [{ action: 'note', note: command.text, public: false }],
  events: [],
})
