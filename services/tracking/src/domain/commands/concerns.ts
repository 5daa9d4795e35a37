// 被投诉对象: what a complaint is about within the lead department (office, window, staff number), recorded
// by the dispatcher, a supervisor or the lead department's own staff. Rectification groups problems by it.
import type { Concerns } from '../model.ts'
import { type Handler, refuse } from './handler.ts'

const FIELDS = ['office', 'window', 'staffNumber'] as const

/** The note of the timeline entry: every field as it now stands ('—' when not known). */
export const concernsNote = (c: Concerns) =>
  `单位/大厅：${c.office ?? '—'}；窗口：${c.window ?? '—'}；警号/工号：${c.staffNumber ?? '—'}`

export const setConcerns: Handler<'concerns'> = (c, command) => {
  if (FIELDS.every((f) => command[f] === undefined)) {
    return refuse('invalid', 'give at least one of office, window and staffNumber (null clears one)')
  }
  const next: Concerns = { office: null, window: null, staffNumber: null, ...(c.concerns ?? {}) }
  for (const f of FIELDS) {
    const value = command[f]
    // the schema allows one line with something visible; the blanks around it are not part of the name
    if (value !== undefined) next[f] = value === null ? null : value.trim()
  }
  return {
    set: { concerns: next },
    action: 'concerns_set',
    entries: [{ action: 'concerns_set', note: concernsNote(next), public: false }],
    events: [],
  }
}
