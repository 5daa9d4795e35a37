// What a command handler is, and the pieces several handlers share (the reply, rework, event metadata).
import { type EventEnvelope, TrackingEvents } from '@tingjian/contracts'
import { callbackDueEvent } from '../callbacks.ts'
import {
  type CaseState,
  type Command,
  type CommandType,
  type Context,
  dueDateFor,
  type EntryDraft,
  type Finding,
  type Refusal,
  type Satisfaction,
} from '../model.ts'
import { isSubstantiatedComplaint, problemFoundEvent } from '../problems.ts'

/** What `decide` found before the handler runs: who acts, under which role, and when. */
export interface Exec {
  actorId: string | null
  actorRole: string
  ctx: Context
  now: Date
  at: string
}

/** The handler's answer: the fields that change, the action's name, timeline entries, extra events. */
export interface Step {
  set: Partial<CaseState>
  action: string
  entries: EntryDraft[]
  /** Events after the `tracking.case-changed` that `decide` adds for every step. */
  events: EventEnvelope[]
}

export type HandlerResult = Step | { refusal: Refusal }

/** One command: `permission` (role, department, status) has already allowed it. */
export type Handler<T extends CommandType> = (
  c: CaseState,
  command: Extract<Command, { type: T }>,
  x: Exec,
) => HandlerResult

export const refuse = (kind: Refusal['kind'], detail: string): HandlerResult => ({
  refusal: { kind, detail },
})

/** Envelope fields of the events a step publishes. */
export const eventMeta = (c: CaseState, x: Exec) => ({
  subject: c._id,
  occurredAt: x.now,
  correlationId: x.ctx.correlationId,
  causationId: x.ctx.causationId,
})

export const caseRef = (c: CaseState) => ({
  caseId: c._id,
  trackingCode: c.trackingCode,
  channel: c.channel,
  originId: c.originId,
})

/**
 * The reply reaches the citizen: the case's reply fields and `tracking.case-replied`; with a complaint or
 * report found (partly) substantiated, `tracking.problem-found` after it (when the case has a department);
 * last `tracking.callback-due` (the callbacks service decides by its policy whether to phone the citizen).
 */
export function publishReply(
  c: CaseState,
  x: Exec,
  text: string,
  isPublic: boolean,
  departmentId: string | null,
  finding: Finding | null,
): { set: Partial<CaseState>; events: EventEnvelope[] } {
  const problem = isSubstantiatedComplaint(c, finding)
    ? problemFoundEvent(c, 'substantiated_complaint', {
        now: x.now,
        correlationId: x.ctx.correlationId,
        causationId: x.ctx.causationId,
        ...(finding ? { finding } : {}),
      })
    : null
  return {
    set: {
      reply: { text, public: isPublic, departmentId, repliedAt: x.at, finding },
      repliedAt: x.at,
      draftReply: null,
      onTime: c.dueAt === null || x.at <= c.dueAt,
    },
    events: [
      TrackingEvents.caseReplied.create({
        ...eventMeta(c, x),
        data: {
          ...caseRef(c),
          subject: c.subject,
          departmentId,
          departmentName: x.ctx.departmentName ?? null,
          text,
          repliedAt: x.at,
        },
      }),
      ...(problem ? [problem] : []),
      callbackDueEvent(c, { ...x.ctx, now: x.now }, departmentId, x.at),
    ],
  }
}

/**
 * Rework (重办): back to the lead department with a new time limit; without one, back to the dispatcher.
 * `rating`: what sent it back (the citizen's rating, a dissatisfied callback), null when staff reopened it.
 */
export function rework(c: CaseState, x: Exec, rating: Satisfaction | null = null): Partial<CaseState> {
  const common = {
    reworkCount: c.reworkCount + 1,
    reworkRating: rating,
    closedAt: null,
    repliedAt: null,
    onTime: null,
    escalationLevel: 0,
  }
  if (!c.departmentId) return { ...common, status: 'received', dueAt: null }
  const due = dueDateFor(c.category, x.now, x.ctx.calendar, c.region, x.ctx.dueDays)
  return { ...common, status: 'in_progress', dueAt: due?.toISOString() ?? null }
}
