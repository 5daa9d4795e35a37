// 督办 by hand: a supervisor raises the case one level on the ladder (the scheduler does not repeat it).
// Raised to 通报 (level 3) this way, the case is a problem for rectification, as on the automatic ladder.
import { TrackingEvents } from '@tingjian/contracts'
import { CRITICISM_LEVEL, criticismProblem } from '../escalation.ts'
import { caseRef, eventMeta, type Handler } from './handler.ts'

export const escalate: Handler<'escalate'> = (c, command, x) => {
  const level = Math.min(CRITICISM_LEVEL, c.escalationLevel + 1)
  const problem =
    level === CRITICISM_LEVEL && c.escalationLevel < CRITICISM_LEVEL
      ? criticismProblem(c, x.now, { correlationId: x.ctx.correlationId, causationId: x.ctx.causationId })
      : null
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
      ...(problem ? [problem] : []),
    ],
  }
}
