// The case model: its document, the commands and actors, the rules tables (roles, statuses, time limits)
// and the helpers that the command handlers (./commands/) and the state machine (./case.ts) share. Pure.
import type { WorkingDayCalendar } from '@tingjian/calendar'
import {
  CASE_STATUSES,
  type CallbacksEvents,
  type Category,
  type EventEnvelope,
  ROLES,
  type Static,
  TrackingEvents,
} from '@tingjian/contracts'
import type { NewEntry, Role, TimelineEntry } from '@tingjian/kit'

/** The part of the working-day calendar the domain needs. */
export type Calendar = Pick<
  WorkingDayCalendar,
  | 'addWorkingDays'
  | 'isCovered'
  | 'isWorkingDay'
  | 'localDate'
  | 'nextWorkingDay'
  | 'startOfDay'
  | 'workingDaysBetween'
>

/** The statuses of the brief; one list, in the contracts. */
export type CaseStatus = (typeof CASE_STATUSES)[number]
export type CategoryName = Static<typeof Category>
export type Urgency = 'normal' | 'urgent'
export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied'

/** 核查结果: what the department found when it looked into the matter, given with the reply. */
export const FINDINGS = ['substantiated', 'partly_substantiated', 'unfounded'] as const
export type Finding = (typeof FINDINGS)[number]

/**
 * 被投诉对象: what the complaint is about within the lead department — the office or service hall, the
 * window, the staff number (work identifiers, not personal data). Each null when not known.
 */
export interface Concerns {
  office: string | null
  window: string | null
  staffNumber: string | null
}

/** Statuses in which the case still waits for the administration; escalation applies to these. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'assigned', 'in_progress', 'reply_review']

/**
 * Time limits in working days per category, counted from acceptance (assignment); null: no reply is due
 * (praise), the case has no due date (`dueAt: null`) and is never escalated by the ladder.
 */
export type DueDays = Record<CategoryName, number | null>
export const DEFAULT_DUE_DAYS: DueDays = {
  consultation: 3,
  complaint: 7,
  report: 7,
  suggestion: 7,
  praise: null,
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

/** A rectification order over one of the case's problems, as the case shows it. */
export interface CaseRectification {
  orderId: string
  number: string
  status: 'ordered' | 'closed' | 'reopened'
  at: string
}

/** The five levels a callback survey hears (非常满意 … 非常不满意). */
export type SurveyLevel = NonNullable<
  Static<(typeof CallbacksEvents.surveyCompleted)['data']>['answers']['satisfaction']
>

/** A callback survey (回访) of the case: completed (with the satisfaction level heard) or unreachable. */
export interface CaseCallback {
  taskId: string
  outcome: 'completed' | 'unreachable'
  /** The level of `callbacks.survey-completed` (five levels); null when not answered or unreachable. */
  satisfaction: SurveyLevel | null
  /** When the callbacks service recorded it. */
  at: string
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
  /** How urgent the hotline operator judged the call (missing on letters and older cases: normal). */
  urgency?: Urgency
  /** Hotline calls added to this case after it was opened (their call ids: each is added once). */
  addedCallIds?: string[]
  /** Contact fields, each sealed at rest (FieldCipher); opened only for roles that see them in clear. */
  citizen: Citizen
  /**
   * The masked contact fields (`138****5678`), made at intake so that a masked view never opens the sealed
   * ones. Missing on cases stored before sealing.
   */
  citizenMasked?: Citizen
  phoneHash: string | null
  idNumberHash: string | null
  /** Unigrams and bigrams of the subject, for the q search (the store has no text search). */
  searchTerms: string[]
  status: CaseStatus
  submittedAt: string
  acceptedAt: string | null
  signDueAt: string | null
  dueAt: string | null
  /**
   * The due date was counted across a day of a year that no calendar table covers (Monday to Friday was
   * assumed there); cleared when the year's table arrives and the date is counted again. Missing: false.
   */
  dueProvisional?: boolean
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
  draftReply: {
    text: string
    public: boolean
    by: string | null
    at: string
    /** The finding the handler gave with the draft (missing on drafts stored before findings: null). */
    finding?: Finding | null
  } | null
  reply: {
    text: string
    public: boolean
    departmentId: string | null
    repliedAt: string
    /** 核查结果 published with the reply; null when none was given (missing on older replies: null). */
    finding?: Finding | null
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
  /**
   * The rectification orders (整改) issued over this case's problems, as rectification announced them
   * (missing: none). Each order once; its status the last announced.
   */
  rectifications?: CaseRectification[]
  /** The rectification events already recorded (`<orderId>:<action>:<orderVersion>`): each once. */
  rectificationKeys?: string[]
  /** 被投诉对象, set by `concerns`; missing or null until set. */
  concerns?: Concerns | null
  /**
   * The citizen asked not to be phoned about the answer (the letter's `declineCallback`); calls and poll
   * comments: false. Missing on cases stored before it: false.
   */
  contactDeclined?: boolean
  /**
   * What sent the case back for its latest rework (重办): the citizen's rating of the reply, or
   * `dissatisfied` for a dissatisfied callback survey; null when staff reopened it. Missing: null.
   * `tracking.callback-due` carries it as `previousRating` with the reply after that rework.
   */
  reworkRating?: Satisfaction | null
  /** The callback surveys (回访) of the case, as the callbacks service announced them; each task once. */
  callbacks?: CaseCallback[]
  timeline: TimelineEntry[]
  /** Hash of the last timeline entry and the number of entries (verify finds a cut-off end with them). */
  timelineHead?: string
  timelineCount?: number
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
  | { type: 'answer'; text: string; public?: boolean; finding?: Finding }
  | { type: 'sign' }
  | { type: 'return'; reason: string }
  | { type: 'extension'; days: number; reason: string }
  | { type: 'extension/approve' }
  | { type: 'extension/refuse'; reason: string }
  | { type: 'reply'; text: string; public?: boolean; finding?: Finding }
  | { type: 'reply/approve' }
  | { type: 'reply/send-back'; reason: string }
  | { type: 'escalate'; note: string }
  | { type: 'close' }
  | { type: 'reopen'; reason: string }
  /** `target`: the lead case as the caller found it (null: missing). */
  | { type: 'merge'; intoCaseId: string; target: { id: string; status: CaseStatus } | null }
  | { type: 'notes'; text: string }
  /** Each field: a value sets it, null clears it, missing keeps it (at least one is given). */
  | { type: 'concerns'; office?: string | null; window?: string | null; staffNumber?: string | null }
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
  /**
   * Seals a phone number (the kit's FieldCipher), for `tracking.callback-due` when the case holds the number
   * in clear (a case stored before sealing, or one being opened and answered in the same write). Without
   * it such a number is not announced (null).
   */
  sealPhone?: (phone: string) => string
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
  // every member of staff may add a note
  notes: ROLES,
  // handlers and leads of the lead department only (LEAD_DEPARTMENT_ACTIONS)
  concerns: ['dispatcher', 'supervisor', 'handler', 'dept_lead'],
}

/** Actions that only the lead department's own staff may take (a supervisor is not bound). */
export const LEAD_DEPARTMENT_ACTIONS = new Set<CommandType>([
  'sign',
  'return',
  'extension',
  'extension/approve',
  'extension/refuse',
  'reply',
  'reply/approve',
  'reply/send-back',
  'concerns',
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
  // what a case was about can be recorded (or corrected) whatever its status, until it is merged away
  concerns: CASE_STATUSES.filter((s) => s !== 'merged'),
  rate: ['replied'],
}

/** Handlers and department leads see cases of their department (lead or supporting); others see all. */
export function canSee(c: Pick<CaseDoc, 'departmentIds'>, actor: StaffActor): boolean {
  if (actor.roles.some((r) => r !== 'handler' && r !== 'dept_lead')) return true
  return actor.departmentId !== null && c.departmentIds.includes(actor.departmentId)
}

/** The due date of a case of this category accepted (or reworked) at `from`; null when none is due. */
export function dueDateFor(
  category: CategoryName,
  from: Date,
  calendar: Calendar,
  region: string | null,
  dueDays: DueDays = DEFAULT_DUE_DAYS,
): Date | null {
  const days = dueDays[category]
  return days === null ? null : calendar.addWorkingDays(from, days, region ?? undefined)
}

export const TOO_MANY_DAYS = `extensions may add up to ${MAX_EXTENSION_DAYS} working days in all`

/** A timeline entry a handler asks for; the actor and the time are added by `decide`. */
export type EntryDraft = Omit<NewEntry, 'at' | 'actorId' | 'actorRole'>

export function caseChanged(
  c: CaseState,
  action: string,
  previousStatus: CaseStatus | null,
  actorId: string | null,
  now: Date,
  ctx: Pick<Context, 'correlationId' | 'causationId' | 'dueDays'>,
): EventEnvelope {
  const timeLimitDays = (ctx.dueDays ?? DEFAULT_DUE_DAYS)[c.category]
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
      timeLimitDays,
      escalationLevel: c.escalationLevel,
      caseVersion: c.version,
      actorId,
      at: now.toISOString(),
    },
  })
}
