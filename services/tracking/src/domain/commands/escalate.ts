// 督办 by hand: a supervisor raises the case one level on the ladder (the scheduler does not repeat it).
import { TrackingEvents } from '@tingjian/contracts'
import { caseRef, eventMeta, type Handler } from './handler.ts'

export const escalate: Handler<'escalate'> = (c, command, x) => {
  const level = Math.min(3, c.escalationLevel + 1)
  return {
    set: { escalationLevel: level, escalatedAt: x.at },
    action: 'escalated',
    entries: [{ action: 'escalated', note: command.note, public: false }],
    events: [
      TrackingEvents.caseEscalated.create({
        ...eventMeta(c, x),
        data: {
          ...caseRef(c),
          subject: c.subject,
          level,
          kind: 'manual',
          departmentId: c.departmentId,
          assigneeId: c.assigneeId,
          dueAt: c.dueAt,
          note: command.note,
          at: x.at,
        },
      }),
    ],
  }
}
