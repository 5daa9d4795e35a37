// The escalation ladder (ARCHITECTURE.md): where an open case with a due date should stand now.
//   1 reminder: from the working day before the due day;
//   2 督办 (supervision): from the first working day after the due day (one working day overdue);
//   3 通报 (public criticism): from the fifth working day after the due day (five working days overdue).
import type { EventEnvelope } from '@tingjian/contracts'
import { TrackingEvents } from '@tingjian/contracts'
import { appendEntry, headOf } from '@tingjian/kit'
import { type Calendar, type CaseState, caseChanged, OPEN_STATUSES } from './model.ts'
import { problemFoundEvent } from './problems.ts'

export const LADDER = ['none', 'reminder', 'supervision', 'criticism'] as const
export type LadderKind = (typeof LADDER)[number]
/** 通报: the top of the ladder, where the case becomes a problem for rectification. */
export const CRITICISM_LEVEL = 3

/** tracking.problem-found for a case raised to 通报 (automatically or by hand); null without a department. */
export function criticismProblem(
  c: CaseState,
  now: Date,
  meta: { correlationId?: string; causationId?: string | null } = {},
): EventEnvelope | null {
  return problemFoundEvent(c, 'overdue_criticism', { now, ...meta })
}

export function dueLevel(
  c: Pick<CaseState, 'status' | 'dueAt' | 'region'>,
  now: Date,
  calendar: Calendar,
): number {
  if (!c.dueAt || !OPEN_STATUSES.includes(c.status)) return 0
  const due = new Date(c.dueAt)
  const region = c.region ?? undefined
  const today = calendar.localDate(now)
  if (now > due && today >= calendar.localDate(calendar.addWorkingDays(due, 5, region))) return 3
  if (now > due && today >= calendar.nextWorkingDay(due, region)) return 2
  if (today >= calendar.localDate(calendar.addWorkingDays(due, -1, region))) return 1
  return 0
}

/**
 * One step up the ladder when the case is below where it should be; null when it is where it should be
 * (or above: a supervisor may have escalated by hand). One step per call, so each level is announced.
 */
export function escalateStep(
  c: CaseState,
  now: Date,
  calendar: Calendar,
): { case: CaseState; events: EventEnvelope[] } | null {
  const target = dueLevel(c, now, calendar)
  if (target <= c.escalationLevel) return null
  const level = c.escalationLevel + 1
  const kind = LADDER[level] as Exclude<LadderKind, 'none'>
  const at = now.toISOString()
  const next: CaseState = {
    ...c,
    escalationLevel: level,
    escalatedAt: at,
    timeline: appendEntry(c.timeline, {
      at,
      actorId: null,
      actorRole: 'system',
      action: kind,
      note: null,
      public: false,
    }),
    version: c.version + 1,
  }
  Object.assign(next, headOf(next.timeline))
  const escalated = TrackingEvents.caseEscalated.create({
    subject: c._id,
    occurredAt: now,
    data: {
      caseId: c._id,
      trackingCode: c.trackingCode,
      channel: c.channel,
      originId: c.originId,
      subject: c.subject,
      level,
      kind,
      departmentId: c.departmentId,
      assigneeId: c.assigneeId,
      dueAt: c.dueAt,
      at,
    },
  })
  const problem = level === CRITICISM_LEVEL ? criticismProblem(next, now) : null
  return {
    case: next,
    events: [caseChanged(next, kind, c.status, null, now, {}), escalated, ...(problem ? [problem] : [])],
  }
}
