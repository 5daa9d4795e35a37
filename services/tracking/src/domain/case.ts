// The case state machine: (case, command, actor, now, calendar) → the next case and its events, or a
// typed refusal. Pure: no I/O; time and the working-day calendar are passed in. `permission` decides who
// may take which action in which state; each command's own logic is a handler in ./commands/.
import { TrackingEvents } from '@tingjian/contracts'
import type { Role } from '@tingjian/kit'
import { appendEntry, headOf } from '@tingjian/kit'
import { callbackDueEvent, hasOwnCitizen } from './callbacks.ts'
import { HANDLERS, type Handler } from './commands/index.ts'
import { dueProvisionalOf } from './deadlines.ts'
import {
  ACTION_ROLES,
  type Actor,
  ALLOWED_FROM,
  type Calendar,
  type CaseDoc,
  type CaseState,
  type Command,
  type CommandType,
  type Context,
  canSee,
  caseChanged,
  DUE_SOON_WORKING_DAYS,
  LEAD_DEPARTMENT_ACTIONS,
  MAX_EXTENSION_DAYS,
  OPEN_STATUSES,
  type Outcome,
  type Refusal,
  STAFF_ACTIONS,
  type StaffAction,
  type StaffActor,
  TOO_MANY_DAYS,
} from './model.ts'

export * from './model.ts'
export { appendEntry }

/** The role under which the actor takes the action, or null when none of theirs allows it. */
function grantingRole(c: CaseState, type: StaffAction, actor: StaffActor): Role | null {
  for (const role of ACTION_ROLES[type]) {
    if (!actor.roles.includes(role)) continue
    if (role === 'handler' || role === 'dept_lead') {
      if (LEAD_DEPARTMENT_ACTIONS.has(type)) {
        if (actor.departmentId === null || actor.departmentId !== c.departmentId) continue
      } else if (!canSee(c, actor)) continue
    }
    return role
  }
  return null
}

export type Permission =
  | { ok: true; actorId: string | null; actorRole: string }
  | { ok: false; refusal: Refusal }

/**
 * Whether the actor may take this kind of action on the case as it stands, whatever the request says:
 * role and department first (forbidden before invalid state), then the status, then the state the action
 * needs (a pending extension, a draft reply, days left to extend). `decide` starts with it and
 * `availableActions` lists what it allows, so the two cannot disagree. What depends on the request
 * (how many days, which lead case to merge into) is decided by `decide` alone.
 */
export function permission(c: CaseState, type: CommandType, actor: Actor): Permission {
  let actorId: string | null = null
  let actorRole: string
  if (type === 'rate') {
    if (actor.kind !== 'citizen') return deny('forbidden', 'only the citizen rates the reply')
    actorRole = 'citizen'
  } else {
    if (actor.kind !== 'staff') return deny('forbidden', 'staff only')
    const role = grantingRole(c, type, actor)
    if (!role) return deny('forbidden', `your role or department may not ${type} this case`)
    actorId = actor.id
    actorRole = role
  }
  if (!ALLOWED_FROM[type].includes(c.status)) {
    return deny('invalid_state', `${type} is not possible while the case is ${c.status}`)
  }
  switch (type) {
    case 'extension':
      if (c.extension) return deny('invalid_state', 'an extension request is already pending')
      // the smallest request (one day) is already too many
      if (c.extendedDays + 1 > MAX_EXTENSION_DAYS) return deny('invalid', TOO_MANY_DAYS)
      break
    case 'extension/approve':
    case 'extension/refuse':
      if (!c.extension) return deny('invalid_state', 'no extension request is pending')
      break
    case 'reply/approve':
      if (!c.draftReply) return deny('invalid_state', 'there is no draft reply')
      break
    case 'rate':
      if (c.rating) return deny('invalid_state', 'the reply has already been rated')
      break
  }
  return { ok: true, actorId, actorRole }
}

/** The staff actions this actor may take on the case now (see `permission`), in the order of the API. */
export function availableActions(c: CaseState, actor: StaffActor): StaffAction[] {
  return STAFF_ACTIONS.filter((type) => permission(c, type, actor).ok)
}

const deny = (kind: Refusal['kind'], detail: string): Permission => ({ ok: false, refusal: { kind, detail } })

/**
 * Applies a command: `permission` first (403 before 409), then the command's handler (what the request
 * asks for), then one timeline entry per step entry and `tracking.case-changed` ahead of the handler's
 * events.
 */
export function decide(c: CaseState, command: Command, actor: Actor, ctx: Context): Outcome {
  const allowed = permission(c, command.type, actor)
  if (!allowed.ok) return allowed
  const { actorId, actorRole } = allowed
  const now = ctx.now
  const at = now.toISOString()
  // the table pairs each command type with its handler, which TypeScript cannot follow through the index
  const handler = HANDLERS[command.type] as Handler<CommandType>
  const step = handler(c, command, { actorId, actorRole, ctx, now, at })
  if ('refusal' in step) return { ok: false, refusal: step.refusal }

  let timeline = c.timeline
  for (const e of step.entries) timeline = appendEntry(timeline, { ...e, at, actorId, actorRole })
  const next: CaseState = { ...c, ...step.set, timeline, ...headOf(timeline), version: c.version + 1 }
  // a due date counted across a year no table covers is provisional until the year's table arrives
  if ('dueAt' in step.set) next.dueProvisional = dueProvisionalOf(next, ctx.calendar, ctx.dueDays)
  const changed = caseChanged(next, step.action, c.status, actorId, now, ctx)
  return { ok: true, case: next, events: [changed, ...step.events] }
}

/**
 * The lead case records a case merged into it (并单): its id in `mergedCaseIds` and an internal timeline
 * entry. Null when already recorded (a retried request).
 */
export function recordMerge(
  lead: CaseState,
  mergedId: string,
  actor: StaffActor,
  ctx: Pick<Context, 'now' | 'correlationId'>,
): Outcome | null {
  if (lead.mergedCaseIds.includes(mergedId)) return null
  const now = ctx.now
  const next: CaseState = {
    ...lead,
    mergedCaseIds: [...lead.mergedCaseIds, mergedId],
    version: lead.version + 1,
  }
  next.timeline = appendEntry(lead.timeline, {
    action: 'merged_in',
    note: mergedId,
    public: false,
    at: now.toISOString(),
    actorId: actor.id,
    actorRole: 'dispatcher',
  })
  Object.assign(next, headOf(next.timeline))
  return { ok: true, case: next, events: [caseChanged(next, 'merged_in', lead.status, actor.id, now, ctx)] }
}

export interface LeadReply {
  leadCaseId: string
  /** Id of the lead's tracking.case-replied event. */
  eventId: string
  text: string
  public: boolean
  departmentId: string | null
  departmentName: string | null
  repliedAt: string
}

/**
 * A merged case gets its lead case's reply: replied, with its own timeline entry and its own
 * tracking.case-replied (its own tracking code, so that its citizen is told), and, when it has a citizen of
 * its own, its own tracking.callback-due (that citizen may be called back). Null when there is nothing to
 * do: not merged into that lead, already given this reply, or reopened by its citizen since.
 */
export function replyFromLead(
  c: CaseState,
  lead: LeadReply,
  ctx: Pick<Context, 'now' | 'correlationId' | 'sealPhone'>,
): Outcome | null {
  if (c.mergedInto !== lead.leadCaseId) return null
  if (c.reply?.fromEventId === lead.eventId) return null
  if (c.status !== 'merged' && c.status !== 'replied') return null
  const now = ctx.now
  const at = now.toISOString()
  const next: CaseState = {
    ...c,
    status: 'replied',
    reply: {
      text: lead.text,
      public: lead.public,
      departmentId: lead.departmentId,
      repliedAt: lead.repliedAt,
      fromEventId: lead.eventId,
    },
    repliedAt: lead.repliedAt,
    draftReply: null,
    onTime: c.dueAt === null || lead.repliedAt <= c.dueAt,
    version: c.version + 1,
  }
  next.timeline = appendEntry(c.timeline, {
    action: 'replied',
    note: lead.leadCaseId,
    public: true,
    at,
    actorId: null,
    actorRole: 'system',
  })
  Object.assign(next, headOf(next.timeline))
  const replied = TrackingEvents.caseReplied.create({
    subject: c._id,
    occurredAt: now,
    correlationId: ctx.correlationId,
    causationId: lead.eventId,
    data: {
      caseId: c._id,
      trackingCode: c.trackingCode,
      channel: c.channel,
      originId: c.originId,
      subject: c.subject,
      departmentId: lead.departmentId,
      departmentName: lead.departmentName,
      text: lead.text,
      repliedAt: lead.repliedAt,
    },
  })
  const changed = caseChanged(next, 'replied', c.status, null, now, { ...ctx, causationId: lead.eventId })
  const due = hasOwnCitizen(c)
    ? [callbackDueEvent(c, { ...ctx, causationId: lead.eventId }, lead.departmentId, lead.repliedAt)]
    : []
  return { ok: true, case: next, events: [changed, replied, ...due] }
}

/** The end of the last instant at which a case due then is "due soon" (in the case's region). */
export function dueSoonLimit(now: Date, calendar: Calendar, region: string | null): Date {
  return calendar.addWorkingDays(now, DUE_SOON_WORKING_DAYS, region ?? undefined)
}

/** Open, not overdue, and due by the end of the DUE_SOON_WORKING_DAYS-th working day after today. */
export function isDueSoon(
  c: Pick<CaseDoc, 'status' | 'dueAt' | 'region'>,
  now: Date,
  calendar: Calendar,
): boolean {
  if (!OPEN_STATUSES.includes(c.status) || c.dueAt === null || isOverdue(c, now)) return false
  return c.dueAt <= dueSoonLimit(now, calendar, c.region).toISOString()
}

/** Whether an open case is past its due date. */
export function isOverdue(c: Pick<CaseDoc, 'status' | 'dueAt'>, now: Date): boolean {
  return OPEN_STATUSES.includes(c.status) && c.dueAt !== null && c.dueAt < now.toISOString()
}
