// The rectification order's state machine: pure functions of (order, command, clock, calendar) that return
// the next order and the events to publish with it (in the same store write). No I/O; the routes and the
// ladder scheduler call these and write what they return.
//
//   issued ─ack─► acknowledged ─plan─► planned ─evidence─► evidence_submitted ─verify─► verified ─close─► closed
//                     ▲                   ▲                        │                                        │
//                     │                   └── sent back: evidence_insufficient ◄─┤                          │
//                     └────────────────────── sent back: not_effective (round + 1) ◄┘                       │
//                     └────────────────────── re-check returned (reopened, round + 1, new deadline) ◄───────┘
import { type EventEnvelope, RectificationEvents } from '@tingjian/contracts'
import { appendEntry, headOf, type NewEntry, type Role, type TimelineEntry } from '@tingjian/kit'
import type { Fields, Stored } from '@tingjian/store'
import type {
  Deadline,
  OrderAttachment,
  OrderDoc,
  OrderPriority,
  OrderStatus,
  SendBackKind,
} from '../collections.ts'
import { Refusals } from '../errors.ts'
import type { ProblemDoc, ProblemKind } from '../problems.ts'
import { afterWorkingDays, type Calendar, localDateOrNull, monthOf, workdayEnd } from './deadlines.ts'
import { nextLadderAt } from './ladder.ts'

export type Order = Stored<OrderDoc>

export interface Change {
  order: Fields<OrderDoc>
  events: EventEnvelope[]
}

/** Who acts: the token's subject and role (the role that let the action through). */
export interface ActorRef {
  id: string
  role: Role | 'system'
}

/** The statuses in which the department still owes something (an acknowledgement, a plan, evidence). */
export const OWING: readonly OrderStatus[] = ['issued', 'acknowledged', 'planned']
/** The list's order: owing first (overdue first among them, by deadline), then an officer's turn, then closed. */
export function rankOf(status: OrderStatus): 0 | 1 | 2 {
  return OWING.includes(status) ? 0 : status === 'closed' ? 2 : 1
}

/** Statuses of an order that is not closed. */
export const OPEN: readonly OrderStatus[] = [
  'issued',
  'acknowledged',
  'planned',
  'evidence_submitted',
  'verified',
]

// ---- who may see and act (the design's role table; the routes' `access` lists say the same) ----------

export interface Viewer {
  sub: string
  roles: readonly string[]
  departmentId: string | null
}

/** Officers and supervisors see every order; a department's lead and handlers their department's. */
export function maySee(viewer: Viewer, departmentId: string): boolean {
  if (viewer.roles.includes('discipline_officer') || viewer.roles.includes('supervisor')) return true
  return (
    (viewer.roles.includes('dept_lead') || viewer.roles.includes('handler')) &&
    viewer.departmentId !== null &&
    viewer.departmentId === departmentId
  )
}

/** The department's own staff acting on its order: the role must hold and the department must match. */
export function isOwnDepartment(viewer: Viewer, departmentId: string, roles: readonly string[]): boolean {
  return (
    viewer.departmentId !== null &&
    viewer.departmentId === departmentId &&
    roles.some((r) => viewer.roles.includes(r))
  )
}

// ---- the deadline ------------------------------------------------------------------------------------

/** The deadline's instant: 17:30 of the n-th working day after `from`, or of the date given. */
export function dueAtOf(deadline: Deadline, from: Date, calendar: Calendar): Date {
  if ('workingDays' in deadline) return afterWorkingDays(calendar, from, deadline.workingDays)
  const day = localDateOrNull(deadline.date)
  if (!day) throw new Refusals.badDeadline('The deadline date is not a real calendar date (YYYY-MM-DD)')
  const at = workdayEnd(calendar, day)
  if (at.getTime() <= from.getTime()) throw new Refusals.badDeadline('The deadline date has passed')
  return at
}

// ---- issue -------------------------------------------------------------------------------------------

export interface IssueInput {
  problemIds: string[]
  alertId: string | null
  title: string
  departmentId: string
  office: string | null
  window: string | null
  staffNumber: string | null
  person: string | null
  measuresRequired: string
  deadline: Deadline
  priority: OrderPriority
}

export interface IssueContext {
  id: string
  number: string
  now: Date
  calendar: Calendar
  actor: ActorRef
  problems: ReadonlyArray<Stored<ProblemDoc>>
}

const entry = (at: Date, actor: ActorRef, action: string, note: string | null): NewEntry => ({
  at: at.toISOString(),
  actorId: actor.role === 'system' ? null : actor.id,
  actorRole: actor.role,
  action,
  note,
  public: false,
})

function withEntries(timeline: readonly TimelineEntry[], entries: readonly NewEntry[]) {
  let out = [...timeline]
  for (const e of entries) out = appendEntry(out, e)
  return { timeline: out, ...headOf(out) }
}

/** The cases among the problems' sources, once each, in the problems' order. */
export function caseIdsOf(problems: ReadonlyArray<Pick<ProblemDoc, 'caseId' | 'source'>>): string[] {
  const ids = problems.map((p) => p.caseId ?? (p.source.kind === 'case' ? p.source.id : null))
  return [...new Set(ids.filter((id): id is string => id !== null))]
}

export function issueOrder(input: IssueInput, ctx: IssueContext): Change {
  const { now, calendar } = ctx
  const dueAt = dueAtOf(input.deadline, now, calendar).toISOString()
  const acknowledgeBy = afterWorkingDays(calendar, now, 1).toISOString()
  const problemKinds = [...new Set(ctx.problems.map((p) => p.kind))] as ProblemKind[]
  const caseIds = caseIdsOf(ctx.problems)
  const at = now.toISOString()
  const base: Fields<OrderDoc> = {
    number: ctx.number,
    title: input.title,
    status: 'issued',
    rank: 0,
    priority: input.priority,
    problemIds: [...input.problemIds],
    problemKinds,
    caseIds,
    alertId: input.alertId,
    departmentId: input.departmentId,
    office: input.office,
    window: input.window,
    staffNumber: input.staffNumber,
    person: input.person,
    measuresRequired: input.measuresRequired,
    deadline: input.deadline,
    issued: { by: ctx.actor.id, role: ctx.actor.role, at },
    acknowledgeBy,
    originalDueAt: dueAt,
    dueAt,
    round: 1,
    acknowledged: null,
    plans: [],
    evidence: [],
    attachmentCount: 0,
    sendBacks: [],
    verified: null,
    closed: null,
    recheckAt: null,
    rechecks: [],
    reopenCount: 0,
    ladder: [],
    nextLadderAt: null,
    ...withEntries(
      [],
      [
        entry(
          now,
          ctx.actor,
          'issued',
          `${ctx.number}; problems ${input.problemIds.join(', ')}${input.alertId ? `; alert ${input.alertId}` : ''}; due ${dueAt}`,
        ),
      ],
    ),
  }
  const order = { ...base, nextLadderAt: nextLadderAt(base, calendar) }
  const ref = orderRef(ctx.id, order, 1, ctx.actor, now)
  const event = RectificationEvents.orderIssued.create({
    subject: ctx.id,
    occurredAt: now,
    data: {
      ...ref,
      problemIds: order.problemIds,
      problemKinds,
      title: order.title,
      measuresRequired: order.measuresRequired,
      priority: order.priority,
      acknowledgeBy,
      alertId: order.alertId,
    },
  })
  return { order, events: [event] }
}

/** The part every order event's data shares. */
export function orderRef(id: string, o: Fields<OrderDoc>, version: number, actor: ActorRef, now: Date) {
  return {
    orderId: id,
    number: o.number,
    departmentId: o.departmentId,
    office: o.office,
    window: o.window,
    staffNumber: o.staffNumber,
    caseIds: o.caseIds,
    dueAt: o.dueAt,
    orderVersion: version,
    actorId: actor.role === 'system' ? null : actor.id,
    at: now.toISOString(),
  }
}

// ---- the lifecycle's actions ---------------------------------------------------------------------------

export interface ActionContext {
  now: Date
  calendar: Calendar
  actor: ActorRef
}

function fields(o: Order): Fields<OrderDoc> {
  const { _id, version, createdAt, updatedAt, ...rest } = o
  return rest
}

function requireStatus(o: Order, allowed: readonly OrderStatus[], action: string): void {
  if (!allowed.includes(o.status))
    throw new Refusals.invalidState(`The order is ${o.status}; it cannot be ${action} now`)
}

/** The next order with timeline entries appended and the ladder's next look recomputed. */
function advance(
  o: Order,
  patch: Partial<Fields<OrderDoc>>,
  entries: readonly NewEntry[],
  calendar: Calendar,
): Fields<OrderDoc> {
  const next = { ...fields(o), ...patch, ...withEntries(o.timeline, entries) }
  return { ...next, rank: rankOf(next.status), nextLadderAt: nextLadderAt(next, calendar) }
}

export function acknowledge(o: Order, ctx: ActionContext): Change {
  requireStatus(o, ['issued'], 'acknowledged')
  const at = ctx.now.toISOString()
  const order = advance(
    o,
    { status: 'acknowledged', acknowledged: { by: ctx.actor.id, role: ctx.actor.role, at } },
    [entry(ctx.now, ctx.actor, 'acknowledged', null)],
    ctx.calendar,
  )
  const event = RectificationEvents.orderAcknowledged.create({
    subject: o._id,
    occurredAt: ctx.now,
    data: orderRef(o._id, order, o.version + 1, ctx.actor, ctx.now),
  })
  return { order, events: [event] }
}

export interface PlanInput {
  measures: string
  owner: string
  /** `YYYY-MM-DD`: the measures are done by the end of that working day. */
  plannedBy: string
}

export function submitPlan(o: Order, input: PlanInput, ctx: ActionContext): Change {
  requireStatus(o, ['acknowledged'], 'planned')
  const day = localDateOrNull(input.plannedBy)
  if (!day) throw new Refusals.badDeadline('plannedBy is not a real calendar date (YYYY-MM-DD)')
  if (day < ctx.calendar.localDate(ctx.now)) throw new Refusals.badDeadline('plannedBy has passed')
  const plannedBy = workdayEnd(ctx.calendar, day).toISOString()
  const at = ctx.now.toISOString()
  const order = advance(
    o,
    {
      status: 'planned',
      plans: [
        ...o.plans,
        {
          round: o.round,
          measures: input.measures,
          owner: input.owner,
          plannedBy,
          by: ctx.actor.id,
          role: ctx.actor.role,
          at,
        },
      ],
    },
    [entry(ctx.now, ctx.actor, 'plan_submitted', `round ${o.round}; planned by ${plannedBy}`)],
    ctx.calendar,
  )
  const event = RectificationEvents.orderPlanSubmitted.create({
    subject: o._id,
    occurredAt: ctx.now,
    data: { ...orderRef(o._id, order, o.version + 1, ctx.actor, ctx.now), round: o.round, plannedBy },
  })
  return { order, events: [event] }
}

export interface EvidenceInput {
  id: string
  text: string
  attachments: OrderAttachment[]
}

/** May this order take evidence now, with this many more attachments? (Checked before any file is read.) */
export function checkEvidence(o: Order, attachments: number, maxPerOrder: number): void {
  requireStatus(o, ['planned'], 'given evidence')
  if (o.attachmentCount + attachments > maxPerOrder) throw new Refusals.tooManyAttachments(maxPerOrder)
}

export function submitEvidence(
  o: Order,
  input: EvidenceInput,
  ctx: ActionContext,
  maxPerOrder: number,
): Change {
  checkEvidence(o, input.attachments.length, maxPerOrder)
  const at = ctx.now.toISOString()
  const order = advance(
    o,
    {
      status: 'evidence_submitted',
      evidence: [
        ...o.evidence,
        {
          id: input.id,
          round: o.round,
          text: input.text,
          attachments: input.attachments,
          by: ctx.actor.id,
          role: ctx.actor.role,
          at,
          review: null,
        },
      ],
      attachmentCount: o.attachmentCount + input.attachments.length,
    },
    [
      entry(
        ctx.now,
        ctx.actor,
        'evidence_submitted',
        `round ${o.round}; ${input.attachments.length} attachment(s); evidence ${input.id}`,
      ),
      // one entry per file with its SHA-256: a file changed in storage no longer matches the chain
      ...input.attachments.map((a) =>
        entry(
          ctx.now,
          ctx.actor,
          'attachment_added',
          `${a.id} sha256=${a.sha256} bytes=${a.bytes} type=${a.contentType}`,
        ),
      ),
    ],
    ctx.calendar,
  )
  const event = RectificationEvents.orderEvidenceSubmitted.create({
    subject: o._id,
    occurredAt: ctx.now,
    data: {
      ...orderRef(o._id, order, o.version + 1, ctx.actor, ctx.now),
      round: o.round,
      attachments: input.attachments.map((a) => ({
        attachmentId: a.id,
        sha256: a.sha256,
        bytes: a.bytes,
        contentType: a.contentType,
      })),
    },
  })
  return { order, events: [event] }
}

function reviewLatest(o: Order, review: NonNullable<OrderDoc['evidence'][number]['review']>) {
  return o.evidence.map((e, i) => (i === o.evidence.length - 1 ? { ...e, review } : e))
}

export function verify(o: Order, note: string | null, ctx: ActionContext): Change {
  requireStatus(o, ['evidence_submitted'], 'verified')
  const at = ctx.now.toISOString()
  const order = advance(
    o,
    {
      status: 'verified',
      verified: { by: ctx.actor.id, role: ctx.actor.role, at },
      evidence: reviewLatest(o, { outcome: 'verified', reason: note, by: ctx.actor.id, at }),
    },
    [entry(ctx.now, ctx.actor, 'verified', note)],
    ctx.calendar,
  )
  const event = RectificationEvents.orderVerified.create({
    subject: o._id,
    occurredAt: ctx.now,
    data: orderRef(o._id, order, o.version + 1, ctx.actor, ctx.now),
  })
  return { order, events: [event] }
}

export function sendBack(
  o: Order,
  input: { kind: SendBackKind; reason: string },
  ctx: ActionContext,
): Change {
  requireStatus(o, ['evidence_submitted'], 'sent back')
  const at = ctx.now.toISOString()
  const newPlan = input.kind === 'not_effective'
  const order = advance(
    o,
    {
      status: newPlan ? 'acknowledged' : 'planned',
      round: newPlan ? o.round + 1 : o.round,
      sendBacks: [
        ...o.sendBacks,
        {
          kind: input.kind,
          reason: input.reason,
          round: o.round,
          by: ctx.actor.id,
          role: ctx.actor.role,
          at,
        },
      ],
      evidence: reviewLatest(o, { outcome: input.kind, reason: input.reason, by: ctx.actor.id, at }),
    },
    [entry(ctx.now, ctx.actor, 'sent_back', `${input.kind}: ${input.reason}`)],
    ctx.calendar,
  )
  const event = RectificationEvents.orderSentBack.create({
    subject: o._id,
    occurredAt: ctx.now,
    data: {
      ...orderRef(o._id, order, o.version + 1, ctx.actor, ctx.now),
      kind: input.kind,
      reason: input.reason,
    },
  })
  return { order, events: [event] }
}

/** The verified evidence came by the original deadline. */
export function onTimeOf(o: Pick<OrderDoc, 'evidence' | 'originalDueAt'>): boolean {
  const verified = o.evidence.findLast((e) => e.review?.outcome === 'verified')
  return verified !== undefined && verified.at <= o.originalDueAt
}

export function close(
  o: Order,
  input: { publicSummary: string; recheckAfterDays: number | null },
  ctx: ActionContext,
): Change {
  requireStatus(o, ['verified'], 'closed')
  const at = ctx.now.toISOString()
  const onTime = onTimeOf(o)
  const recheckAt =
    input.recheckAfterDays === null
      ? null
      : new Date(ctx.now.getTime() + input.recheckAfterDays * 86_400_000).toISOString()
  const order = advance(
    o,
    {
      status: 'closed',
      closed: {
        by: ctx.actor.id,
        role: ctx.actor.role,
        at,
        publicSummary: input.publicSummary,
        onTime,
        month: monthOf(ctx.calendar, ctx.now),
      },
      recheckAt,
    },
    [
      entry(
        ctx.now,
        ctx.actor,
        'closed',
        `${onTime ? 'on time' : 'late'}${recheckAt ? `; re-check due ${recheckAt}` : ''}`,
      ),
    ],
    ctx.calendar,
  )
  const event = RectificationEvents.orderClosed.create({
    subject: o._id,
    occurredAt: ctx.now,
    data: { ...orderRef(o._id, order, o.version + 1, ctx.actor, ctx.now), onTime, recheckAt },
  })
  return { order, events: [event] }
}

export interface RecheckInput {
  outcome: 'held' | 'returned'
  note: string
  deadline: Deadline
}

/** The re-check (回头看): held ends it; returned reopens the order with a new deadline and a new ladder. */
export function recheck(o: Order, input: RecheckInput, ctx: ActionContext): Change {
  requireStatus(o, ['closed'], 're-checked')
  if (o.recheckAt === null) throw new Refusals.invalidState('No re-check is set for this order')
  if (ctx.now.toISOString() < o.recheckAt)
    throw new Refusals.invalidState(`The re-check is due from ${o.recheckAt}`)
  const at = ctx.now.toISOString()
  const rechecks = [
    ...o.rechecks,
    { outcome: input.outcome, note: input.note, by: ctx.actor.id, role: ctx.actor.role, at },
  ]
  if (input.outcome === 'held') {
    const order = advance(
      o,
      { recheckAt: null, rechecks },
      [entry(ctx.now, ctx.actor, 'recheck_held', input.note)],
      ctx.calendar,
    )
    return { order, events: [] }
  }
  const dueAt = dueAtOf(input.deadline, ctx.now, ctx.calendar).toISOString()
  const order = advance(
    o,
    {
      status: 'acknowledged',
      round: o.round + 1,
      dueAt,
      verified: null,
      closed: null,
      recheckAt: null,
      rechecks,
      reopenCount: o.reopenCount + 1,
      ladder: [],
    },
    [entry(ctx.now, ctx.actor, 'reopened', `${input.note}; due ${dueAt}`)],
    ctx.calendar,
  )
  const event = RectificationEvents.orderReopened.create({
    subject: o._id,
    occurredAt: ctx.now,
    data: { ...orderRef(o._id, order, o.version + 1, ctx.actor, ctx.now), reason: input.note },
  })
  return { order, events: [event] }
}

/** An appeal about one of the order's problems, on its timeline (the appeal itself is its own document). */
export function noteAppeal(
  o: Order,
  action: 'appeal_filed' | 'appeal_upheld' | 'appeal_rejected',
  note: string,
  ctx: ActionContext,
): Change | null {
  if (o.timeline.some((e) => e.action === action && e.note === note)) return null
  return { order: advance(o, {}, [entry(ctx.now, ctx.actor, action, note)], ctx.calendar), events: [] }
}

/** Overdue: the department still owes something and the deadline in force has passed. */
export function isOverdue(o: Pick<OrderDoc, 'status' | 'dueAt'>, now: Date): boolean {
  return OWING.includes(o.status) && o.dueAt < now.toISOString()
}
