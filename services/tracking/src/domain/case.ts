// The case state machine: (case, command, actor, now, calendar) → the next case and its events, or a
// typed refusal. Pure: no I/O; time and the working-day calendar are passed in.
import type { WorkingDayCalendar } from '@tingjian/calendar'
import {
  CASE_STATUSES,
  type Category,
  type EventEnvelope,
  type Static,
  TrackingEvents,
} from '@tingjian/contracts'
import type { Role } from '@tingjian/kit'
import { appendEntry, type NewEntry, type TimelineEntry } from './timeline.ts'

/** The part of the working-day calendar the domain needs. */
export type Calendar = Pick<
  WorkingDayCalendar,
  'addWorkingDays' | 'isWorkingDay' | 'localDate' | 'nextWorkingDay' | 'startOfDay' | 'workingDaysBetween'
>

/** The statuses of the brief; one list, in the contracts. */
export type CaseStatus = (typeof CASE_STATUSES)[number]
export type CategoryName = Static<typeof Category>
export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied'

/** Statuses in which the case still waits for the administration; escalation applies to these. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'assigned', 'in_progress', 'reply_review']

/** Time limits in working days per category, counted from acceptance (assignment). */
export type DueDays = Record<CategoryName, number>
export const DEFAULT_DUE_DAYS: DueDays = {
  consultation: 3,
  complaint: 7,
  report: 7,
  suggestion: 7,
  praise: 7,
}
export const SIGNING_DAYS = 1
export const MAX_EXTENSION_DAYS = 15
/** An open case is due soon when it is due by the end of this many working days after today. */
export const DUE_SOON_WORKING_DAYS = 2

export interface Citizen {
  name?: string
  phone?: string
  email?: string
  idNumber?: string
}

export interface CaseDoc {
  trackingCode: string
  accessKeyHash: string
  channel: 'mailbox' | 'hotline' | 'poll' | 'callback'
  originId: string
  category: CategoryName
  subject: string
  body: string
  anonymous: boolean
  consentToPublish: boolean
  locale: string | null
  region: string | null
  citizen: Citizen
  phoneHash: string | null
  idNumberHash: string | null
  /** Unigrams and bigrams of the subject, for the q search (the store has no text search). */
  searchTerms: string[]
  status: CaseStatus
  submittedAt: string
  acceptedAt: string | null
  signDueAt: string | null
  dueAt: string | null
  departmentId: string | null
  supportingDepartmentIds: string[]
  /** Lead and supporting departments: who may see the case. */
  departmentIds: string[]
  assigneeId: string | null
  escalationLevel: number
  escalatedAt: string | null
  extension: { days: number; reason: string; requestedBy: string | null; requestedAt: string } | null
  extendedDays: number
  /**
   * The last return (退回) by a department, until the case is assigned again: a received case with it
   * waits for re-assignment. Null on cases stored before it was recorded.
   */
  returned: { departmentId: string | null; reason: string; at: string } | null
  draftReply: { text: string; public: boolean; by: string | null; at: string } | null
  reply: {
    text: string
    public: boolean
    departmentId: string | null
    repliedAt: string
    /** On a merged case: the lead case's tracking.case-replied event it came from (idempotency). */
    fromEventId?: string
  } | null
  repliedAt: string | null
  closedAt: string | null
  /** Replied within the time limit (set at reply; null before). */
  onTime: boolean | null
  rating: { satisfaction: Satisfaction; comment: string | null; at: string } | null
  reworkCount: number
  notAcceptedReason: string | null
  mergedInto: string | null
  /** On a lead case: the cases merged into it (并单); their citizens get its reply too. */
  mergedCaseIds: string[]
  timeline: TimelineEntry[]
}

export interface CaseState extends CaseDoc {
  _id: string
  version: number
}

export interface StaffActor {
  kind: 'staff'
  id: string
  roles: readonly Role[]
  departmentId: string | null
}
export type Actor = StaffActor | { kind: 'citizen' } | { kind: 'system' }

export type Command =
  | {
      type: 'assign'
      departmentId: string
      supportingDepartmentIds?: string[]
      assigneeId?: string
      note?: string
    }
  | { type: 'not-accept'; reason: string }
  | { type: 'answer'; text: string; public?: boolean }
  | { type: 'sign' }
  | { type: 'return'; reason: string }
  | { type: 'extension'; days: number; reason: string }
  | { type: 'extension/approve' }
  | { type: 'extension/refuse'; reason: string }
  | { type: 'reply'; text: string; public?: boolean }
  | { type: 'reply/approve' }
  | { type: 'reply/send-back'; reason: string }
  | { type: 'escalate'; note: string }
  | { type: 'close' }
  | { type: 'reopen'; reason: string }
  /** `target`: the lead case as the caller found it (null: missing). */
  | { type: 'merge'; intoCaseId: string; target: { id: string; status: CaseStatus } | null }
  | { type: 'notes'; text: string }
  | { type: 'rate'; satisfaction: Satisfaction; comment?: string }

export type CommandType = Command['type']

export type Refusal =
  | { kind: 'forbidden'; detail: string }
  | { kind: 'not_found'; detail: string }
  | { kind: 'invalid_state'; detail: string }
  | { kind: 'invalid'; detail: string }

export interface Context {
  now: Date
  calendar: Calendar
  dueDays?: DueDays
  correlationId?: string
  causationId?: string | null
  /** Name of the case's lead department, for the reply event (looked up by the caller). */
  departmentName?: string | null
}

export type Outcome = { ok: true; case: CaseState; events: EventEnvelope[] } | { ok: false; refusal: Refusal }

/** The staff actions: the path segments of `POST /cases/{id}/<action>`. */
export type StaffAction = Exclude<CommandType, 'rate'>

/** Which roles may take each staff action (the department rules are checked on top). */
export const ACTION_ROLES: Record<StaffAction, readonly Role[]> = {
  assign: ['dispatcher'],
  'not-accept': ['dispatcher'],
  answer: ['dispatcher', 'hotline_operator'],
  sign: ['handler', 'dept_lead'],
  return: ['handler', 'dept_lead'],
  extension: ['handler'],
  'extension/approve': ['dept_lead', 'supervisor'],
  'extension/refuse': ['dept_lead', 'supervisor'],
  reply: ['handler'],
  'reply/approve': ['dept_lead'],
  'reply/send-back': ['dept_lead'],
  escalate: ['supervisor'],
  close: ['dispatcher', 'supervisor'],
  reopen: ['dispatcher', 'supervisor'],
  merge: ['dispatcher'],
  notes: [
    'admin',
    'dispatcher',
    'handler',
    'dept_lead',
    'supervisor',
    'callback_agent',
    'discipline_officer',
    'hotline_operator',
  ],
}

/** Actions that only the lead department's own staff may take (a supervisor is not bound). */
const LEAD_DEPARTMENT_ACTIONS = new Set<CommandType>([
  'sign',
  'return',
  'extension',
  'extension/approve',
  'extension/refuse',
  'reply',
  'reply/approve',
  'reply/send-back',
])

/** Every staff action, in the order of the API. */
export const STAFF_ACTIONS = Object.keys(ACTION_ROLES) as StaffAction[]

/** The statuses each command may start from. */
export const ALLOWED_FROM: Record<CommandType, readonly CaseStatus[]> = {
  assign: ['received'],
  'not-accept': ['received'],
  answer: ['received'],
  sign: ['assigned'],
  return: ['assigned', 'in_progress'],
  extension: ['in_progress'],
  'extension/approve': ['in_progress', 'reply_review'],
  'extension/refuse': ['in_progress', 'reply_review'],
  reply: ['in_progress'],
  'reply/approve': ['reply_review'],
  'reply/send-back': ['reply_review'],
  escalate: OPEN_STATUSES,
  close: ['replied'],
  reopen: ['replied', 'closed'],
  merge: ['received', 'assigned', 'in_progress'],
  notes: CASE_STATUSES,
  rate: ['replied'],
}

/** Handlers and department leads see cases of their department (lead or supporting); others see all. */
export function canSee(c: Pick<CaseDoc, 'departmentIds'>, actor: StaffActor): boolean {
  if (actor.roles.some((r) => r !== 'handler' && r !== 'dept_lead')) return true
  return actor.departmentId !== null && c.departmentIds.includes(actor.departmentId)
}

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
      if (c.extendedDays + 1 > MAX_EXTENSION_DAYS) return deny('invalid', tooManyDays)
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

const tooManyDays = `extensions may add up to ${MAX_EXTENSION_DAYS} working days in all`
const deny = (kind: Refusal['kind'], detail: string): Permission => ({ ok: false, refusal: { kind, detail } })

export function dueDateFor(
  category: CategoryName,
  from: Date,
  calendar: Calendar,
  region: string | null,
  dueDays: DueDays = DEFAULT_DUE_DAYS,
): Date {
  return calendar.addWorkingDays(from, dueDays[category], region ?? undefined)
}

const refuse = (kind: Refusal['kind'], detail: string): Outcome => ({ ok: false, refusal: { kind, detail } })

/** Applies a command: `permission` first (403 before 409), then what the request asks for. */
export function decide(c: CaseState, command: Command, actor: Actor, ctx: Context): Outcome {
  const allowed = permission(c, command.type, actor)
  if (!allowed.ok) return allowed
  const { actorId, actorRole } = allowed

  const now = ctx.now
  const at = now.toISOString()
  const next: CaseState = { ...c }
  const entries: Array<Omit<NewEntry, 'at' | 'actorId' | 'actorRole'>> = []
  const extra: EventEnvelope[] = []
  let action: string = command.type
  const region = c.region ?? undefined
  const meta = {
    subject: c._id,
    occurredAt: now,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId,
  }
  const ref = { caseId: c._id, trackingCode: c.trackingCode, channel: c.channel, originId: c.originId }
  const publishReply = (text: string, isPublic: boolean, departmentId: string | null) => {
    next.reply = { text, public: isPublic, departmentId, repliedAt: at }
    next.repliedAt = at
    next.draftReply = null
    next.onTime = c.dueAt === null || at <= c.dueAt
    extra.push(
      TrackingEvents.caseReplied.create({
        ...meta,
        data: {
          ...ref,
          subject: c.subject,
          departmentId,
          departmentName: ctx.departmentName ?? null,
          text,
          repliedAt: at,
        },
      }),
    )
  }

  switch (command.type) {
    case 'assign': {
      const supporting = [...new Set(command.supportingDepartmentIds ?? [])].filter(
        (d) => d !== command.departmentId,
      )
      const acceptedAt = c.acceptedAt ?? at
      const due = dueDateFor(c.category, new Date(acceptedAt), ctx.calendar, c.region, ctx.dueDays)
      next.status = 'assigned'
      next.acceptedAt = acceptedAt
      next.departmentId = command.departmentId
      next.supportingDepartmentIds = supporting
      next.departmentIds = [command.departmentId, ...supporting]
      next.assigneeId = command.assigneeId ?? null
      next.returned = null
      next.signDueAt = ctx.calendar.addWorkingDays(now, SIGNING_DAYS, region).toISOString()
      next.dueAt = c.dueAt ?? due.toISOString()
      entries.push({ action: 'assigned', note: command.note ?? null, public: true })
      action = 'assigned'
      extra.push(
        TrackingEvents.caseAssigned.create({
          ...meta,
          data: {
            ...ref,
            subject: c.subject,
            departmentId: command.departmentId,
            supportingDepartmentIds: supporting,
            assigneeId: next.assigneeId,
            dueAt: next.dueAt,
            at,
          },
        }),
      )
      break
    }
    case 'not-accept':
      next.status = 'not_accepted'
      next.notAcceptedReason = command.reason
      next.closedAt = at
      action = 'not_accepted'
      entries.push({ action, note: command.reason, public: true })
      break
    case 'answer':
      next.status = 'replied'
      next.acceptedAt = c.acceptedAt ?? at
      action = 'answered'
      entries.push({ action, note: null, public: true })
      publishReply(command.text, command.public ?? true, c.departmentId)
      break
    case 'sign':
      next.status = 'in_progress'
      next.assigneeId = c.assigneeId ?? (actorRole === 'handler' ? actorId : null)
      action = 'signed'
      entries.push({ action, note: null, public: true })
      break
    case 'return':
      next.status = 'received'
      next.departmentId = null
      next.supportingDepartmentIds = []
      next.departmentIds = []
      next.assigneeId = null
      next.signDueAt = null
      next.extension = null
      next.returned = { departmentId: c.departmentId, reason: command.reason, at }
      action = 'returned'
      entries.push({ action, note: command.reason, public: false })
      break
    case 'extension':
      if (c.extendedDays + command.days > MAX_EXTENSION_DAYS) return refuse('invalid', tooManyDays)
      next.extension = { days: command.days, reason: command.reason, requestedBy: actorId, requestedAt: at }
      action = 'extension_requested'
      entries.push({ action, note: `${command.days}: ${command.reason}`, public: false })
      break
    case 'extension/approve': {
      const ext = c.extension
      if (!ext) return refuse('invalid_state', 'no extension request is pending') // (permission checked it)
      const base = c.dueAt ? new Date(c.dueAt) : now
      next.dueAt = ctx.calendar.addWorkingDays(base, ext.days, region).toISOString()
      next.extendedDays = c.extendedDays + ext.days
      next.extension = null
      // A new due date restarts the ladder for it.
      next.escalationLevel = 0
      action = 'extension_approved'
      entries.push({ action, note: `${ext.days}`, public: true })
      break
    }
    case 'extension/refuse':
      next.extension = null
      action = 'extension_refused'
      entries.push({ action, note: command.reason, public: false })
      break
    case 'reply':
      next.status = 'reply_review'
      next.draftReply = { text: command.text, public: command.public ?? true, by: actorId, at }
      action = 'reply_drafted'
      entries.push({ action, note: null, public: false })
      break
    case 'reply/approve': {
      const draft = c.draftReply
      if (!draft) return refuse('invalid_state', 'there is no draft reply') // (permission checked it)
      next.status = 'replied'
      action = 'replied'
      entries.push({ action, note: null, public: true })
      publishReply(draft.text, draft.public, c.departmentId)
      break
    }
    case 'reply/send-back':
      next.status = 'in_progress'
      action = 'reply_sent_back'
      entries.push({ action, note: command.reason, public: false })
      break
    case 'escalate': {
      const level = Math.min(3, c.escalationLevel + 1)
      next.escalationLevel = level
      next.escalatedAt = at
      action = 'escalated'
      entries.push({ action, note: command.note, public: false })
      extra.push(
        TrackingEvents.caseEscalated.create({
          ...meta,
          data: {
            ...ref,
            subject: c.subject,
            level,
            kind: 'manual',
            departmentId: c.departmentId,
            assigneeId: c.assigneeId,
            dueAt: c.dueAt,
            note: command.note,
            at,
          },
        }),
      )
      break
    }
    case 'close':
      next.status = 'closed'
      next.closedAt = at
      action = 'closed'
      entries.push({ action, note: null, public: true })
      break
    case 'reopen':
      reopen(next, c, now, ctx)
      action = 'reopened'
      entries.push({ action, note: command.reason, public: true })
      break
    case 'merge':
      if (!command.target) return refuse('not_found', 'the lead case does not exist')
      if (command.target.id === c._id) return refuse('invalid_state', 'a case cannot be merged into itself')
      if (!OPEN_STATUSES.includes(command.target.status)) {
        return refuse(
          'invalid_state',
          `the lead case is ${command.target.status}; merge only into an open case`,
        )
      }
      next.status = 'merged'
      next.mergedInto = command.target.id
      next.closedAt = at
      action = 'merged'
      entries.push({ action, note: command.target.id, public: false })
      break
    case 'notes':
      action = 'note'
      entries.push({ action, note: command.text, public: false })
      break
    case 'rate':
      next.rating = { satisfaction: command.satisfaction, comment: command.comment ?? null, at }
      action = 'rated'
      entries.push({ action, note: command.satisfaction, public: true })
      if (command.satisfaction === 'dissatisfied') {
        reopen(next, c, now, ctx)
        entries.push({ action: 'reopened', note: null, public: true })
      }
      break
  }

  let timeline = c.timeline
  for (const e of entries) timeline = appendEntry(timeline, { ...e, at, actorId, actorRole })
  next.timeline = timeline
  next.version = c.version + 1
  const changed = caseChanged(next, action, c.status, actorId, now, ctx)
  return { ok: true, case: next, events: [changed, ...extra] }
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
 * tracking.case-replied (its own tracking code, so that its citizen is told). Null when there is nothing
 * to do: not merged into that lead, already given this reply, or reopened by its citizen since.
 */
export function replyFromLead(
  c: CaseState,
  lead: LeadReply,
  ctx: Pick<Context, 'now' | 'correlationId'>,
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
  return { ok: true, case: next, events: [changed, replied] }
}

/** Rework (重办): back to the lead department with a new time limit; without one, back to the dispatcher. */
function reopen(next: CaseState, c: CaseState, now: Date, ctx: Context): void {
  next.reworkCount = c.reworkCount + 1
  next.closedAt = null
  next.repliedAt = null
  next.onTime = null
  next.escalationLevel = 0
  if (c.departmentId) {
    next.status = 'in_progress'
    next.dueAt = dueDateFor(c.category, now, ctx.calendar, c.region, ctx.dueDays).toISOString()
  } else {
    next.status = 'received'
    next.dueAt = null
  }
}

export function caseChanged(
  c: CaseState,
  action: string,
  previousStatus: CaseStatus | null,
  actorId: string | null,
  now: Date,
  ctx: Pick<Context, 'correlationId' | 'causationId'>,
): EventEnvelope {
  return TrackingEvents.caseChanged.create({
    subject: c._id,
    occurredAt: now,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId,
    data: {
      caseId: c._id,
      trackingCode: c.trackingCode,
      channel: c.channel,
      originId: c.originId,
      action,
      status: c.status,
      previousStatus,
      category: c.category,
      departmentId: c.departmentId,
      assigneeId: c.assigneeId,
      dueAt: c.dueAt,
      escalationLevel: c.escalationLevel,
      caseVersion: c.version,
      actorId,
      at: now.toISOString(),
    },
  })
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

export { appendEntry }
