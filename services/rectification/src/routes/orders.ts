// Orders: issue (discipline officers), the list (overdue first), one order with its problems, plans,
// evidence, appeals and timeline, the timeline's verification, and the lifecycle's actions. Every action
// carries the version the client saw (stale: 409); an order of another department answers 404 as if absent.
import { uuidv7 } from '@tingjian/contracts'
import { type App, Problem, type Role, type StaffClaims, verifyTimeline } from '@tingjian/kit'
import { type Filter, isConflict, type Stored, upsert } from '@tingjian/store'
import type { TSchema } from 'typebox'
import type { OrderDoc, RectificationContext } from '../collections.ts'
import { counterId, orderNumber } from '../domain/numbering.ts'
import {
  type ActorRef,
  acknowledge,
  type Change,
  close,
  isOverdue,
  issueOrder,
  maySee,
  type Order,
  recheck,
  sendBack,
  submitPlan,
  verify,
} from '../domain/order.ts'
import { Refusals } from '../errors.ts'
import type { ProblemDoc } from '../problems.ts'
import { OrderIdParams } from '../schemas/common.ts'
import {
  ActionBody,
  CloseBody,
  IssueOrder,
  OrderList,
  OrderListQuery,
  OrderView,
  PlanBody,
  RecheckBody,
  SendBackBody,
  TimelineVerification,
  VerifyBody,
} from '../schemas/orders.ts'

export interface OrderRoutesOptions {
  ctx: RectificationContext
}

/** Who may read orders (their department's only, for a department's lead and handlers). */
export const READERS = ['discipline_officer', 'supervisor', 'dept_lead', 'handler'] as const
const OFFICERS = ['discipline_officer'] as const
const LEADS = ['dept_lead'] as const
const DEPARTMENT = ['dept_lead', 'handler'] as const

const refusals = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem }

/** The role that let the request through (the first of the route's roles the token holds). */
export function actorOf(user: StaffClaims, roles: readonly Role[]): ActorRef {
  return { id: user.sub, role: roles.find((r) => user.roles.includes(r)) ?? roles[0] ?? 'system' }
}

/** The order if this user may see it; 404 otherwise (an order of another department looks absent). */
export async function visibleOrder(
  ctx: RectificationContext,
  orderId: string,
  user: StaffClaims,
): Promise<Order> {
  const order = await ctx.orders.get(orderId)
  if (!order || !maySee(user, order.departmentId)) throw new Refusals.notFound('No such order')
  return order
}

/**
 * Applies a lifecycle step to the version the client saw, in one write with its events: a stale version
 * is a 409 (also when another write got in between the read and this one).
 */
export async function applyChange(
  ctx: RectificationContext,
  order: Order,
  version: number,
  step: (o: Order) => Change,
): Promise<Order> {
  if (order.version !== version) throw new Refusals.stale()
  const { order: next, events } = step(order)
  try {
    return await ctx.orders.update(order._id, version, next, { events, now: ctx.clock.now() })
  } catch (err) {
    if (isConflict(err, 'stale')) throw new Refusals.stale()
    throw err
  }
}

async function departmentNames(ctx: RectificationContext, ids: readonly string[]) {
  const names = new Map<string, string | null>()
  for (const id of new Set(ids)) names.set(id, (await ctx.departments.get(id))?.name ?? null)
  return names
}

export function summaryOf(o: Order, now: Date, departmentName: string | null) {
  return {
    orderId: o._id,
    number: o.number,
    title: o.title,
    status: o.status,
    priority: o.priority,
    departmentId: o.departmentId,
    departmentName,
    office: o.office,
    window: o.window,
    staffNumber: o.staffNumber,
    issuedAt: o.issued.at,
    acknowledgeBy: o.acknowledgeBy,
    dueAt: o.dueAt,
    originalDueAt: o.originalDueAt,
    overdue: isOverdue(o, now),
    round: o.round,
    problemCount: o.problemIds.length,
    caseIds: o.caseIds,
    alertId: o.alertId,
    ladder: o.ladder.map((s) => s.step),
    recheckAt: o.recheckAt,
    version: o.version,
  }
}

export const attachmentUrl = (orderId: string, attachmentId: string) =>
  `/api/v1/rectification/orders/${orderId}/evidence/${attachmentId}`

/** One order as the API shows it: its problems, plans, evidence, appeals and timeline. */
export async function orderView(ctx: RectificationContext, o: Order) {
  const now = ctx.clock.now()
  const names = await departmentNames(ctx, [o.departmentId])
  const problems = await Promise.all(o.problemIds.map((id) => ctx.problems.get(id)))
  const appeals = await ctx.appeals.find(
    { problemId: { $in: o.problemIds } },
    { sort: [['filed.at', 1]], limit: 500 },
  )
  return {
    ...summaryOf(o, now, names.get(o.departmentId) ?? null),
    person: o.person,
    measuresRequired: o.measuresRequired,
    deadline: o.deadline,
    issued: o.issued,
    acknowledged: o.acknowledged,
    problems: o.problemIds.map((id, i) => {
      const p = problems[i]
      return {
        problemId: id,
        kind: p?.kind ?? o.problemKinds[0] ?? 'other',
        summary: p?.summary ?? null,
        source: p?.source ?? null,
        evidenceUrl: p?.evidenceUrl ?? null,
        occurredAt: p?.occurredAt ?? null,
        withdrawn: p?.withdrawn != null,
      }
    }),
    plans: o.plans,
    evidence: o.evidence.map((e) => ({
      evidenceId: e.id,
      round: e.round,
      text: e.text,
      attachments: e.attachments.map((a) => ({
        attachmentId: a.id,
        filename: a.filename,
        contentType: a.contentType,
        bytes: a.bytes,
        sha256: a.sha256,
        url: attachmentUrl(o._id, a.id),
      })),
      by: e.by,
      at: e.at,
      review: e.review,
    })),
    attachmentCount: o.attachmentCount,
    sendBacks: o.sendBacks,
    verified: o.verified,
    closed: o.closed,
    rechecks: o.rechecks,
    reopenCount: o.reopenCount,
    appeals: appeals.items.map((a) => ({
      appealId: a._id,
      problemId: a.problemId,
      status: a.status,
      filedAt: a.filed.at,
    })),
    timeline: o.timeline,
    timelineHead: o.timelineHead,
    timelineCount: o.timelineCount,
  }
}

/** Same value in every problem → that value; else null. */
function shared<K extends 'office' | 'window' | 'staffNumber'>(
  problems: ReadonlyArray<Pick<ProblemDoc, K>>,
  key: K,
): ProblemDoc[K] | null {
  const values = new Set(problems.map((p) => p[key]))
  return values.size === 1 ? (problems[0]?.[key] ?? null) : null
}

export async function orderRoutes(app: App, opts: OrderRoutesOptions): Promise<void> {
  const { ctx } = opts

  /** Inserts the order under the next free number of its year (the unique index decides). */
  async function insertNumbered(id: string, build: (number: string) => Change): Promise<Stored<OrderDoc>> {
    const now = ctx.clock.now()
    const year = ctx.calendar.localDate(now).slice(0, 4)
    for (let attempt = 1; ; attempt++) {
      const counter = await upsert(
        ctx.counters,
        counterId(year),
        () => ({ next: 1 }),
        (c) => ({ next: c.next + 1 }),
      )
      const { order, events } = build(orderNumber(year, counter.next))
      try {
        return await ctx.orders.insert(id, order, { events, now })
      } catch (err) {
        if (!isConflict(err, 'duplicate') || attempt >= 50) throw err
      }
    }
  }

  app.post(
    '/orders',
    {
      config: { access: OFFICERS },
      schema: {
        summary: 'Issue a rectification order (discipline officers)',
        body: IssueOrder,
        response: { 201: OrderView, ...refusals },
      },
    },
    async (request, reply) => {
      const body = request.body
      const now = ctx.clock.now()
      const problems: Array<Stored<ProblemDoc>> = []
      for (const id of body.problemIds) {
        const p = await ctx.problems.get(id)
        if (!p) throw new Refusals.problemUnavailable(`No problem ${id}`)
        if (p.withdrawn) throw new Refusals.problemUnavailable(`Problem ${id} was withdrawn on appeal`)
        const open = await ctx.orders.count({ problemIds: id, status: { $ne: 'closed' } })
        if (open > 0 || (p.orderId && (await isOpen(p.orderId))))
          throw new Refusals.problemUnavailable(`Problem ${id} is in another open order`)
        problems.push(p)
      }
      const alert = body.alertId ? await ctx.alerts.get(body.alertId) : null
      if (body.alertId && !alert) throw new Refusals.alertUnavailable('No such alert')
      if (alert && (alert.status === 'dismissed' || alert.status === 'ordered'))
        throw new Refusals.alertUnavailable(`The alert is ${alert.status}`)
      const first = problems[0] as Stored<ProblemDoc>
      const place = alert ?? {
        departmentId: first.departmentId,
        office: shared(problems, 'office'),
        window: shared(problems, 'window'),
        staffNumber: shared(problems, 'staffNumber'),
      }
      const departmentId = body.departmentId ?? place.departmentId
      const samePlace = departmentId === place.departmentId
      const id = `rord_${uuidv7()}`
      const actor = actorOf(request.user, OFFICERS)
      const stored = await insertNumbered(id, (number) =>
        issueOrder(
          {
            problemIds: body.problemIds,
            alertId: body.alertId ?? null,
            title: body.title,
            departmentId,
            office: body.office !== undefined ? body.office : samePlace ? place.office : null,
            window: body.window !== undefined ? body.window : samePlace ? place.window : null,
            staffNumber:
              body.staffNumber !== undefined ? body.staffNumber : samePlace ? place.staffNumber : null,
            person: body.person ?? null,
            measuresRequired: body.measuresRequired,
            deadline: body.deadline ?? { workingDays: ctx.settings.defaultDeadlineDays },
            priority: body.priority ?? 'normal',
          },
          { id, number, now, calendar: ctx.calendar, actor, problems },
        ),
      )
      request.log.info({ orderId: id, number: stored.number, departmentId }, 'order issued')
      reply.code(201)
      return orderView(ctx, stored)
    },
  )

  async function isOpen(orderId: string): Promise<boolean> {
    const o = await ctx.orders.get(orderId)
    return o !== null && o.status !== 'closed'
  }

  app.get(
    '/orders',
    {
      config: { access: READERS },
      schema: {
        summary: 'Orders by status, overdue first, by department (a department sees its own)',
        querystring: OrderListQuery,
        response: { 200: OrderList, ...refusals },
      },
    },
    async (request) => {
      const q = request.query
      const user = request.user
      const now = ctx.clock.now().toISOString()
      const filter: Filter = {}
      const everything = user.roles.includes('discipline_officer') || user.roles.includes('supervisor')
      if (!everything) {
        if (!user.departmentId) return { items: [], nextCursor: null }
        if (q.departmentId && q.departmentId !== user.departmentId) return { items: [], nextCursor: null }
        filter.departmentId = user.departmentId
      } else if (q.departmentId) filter.departmentId = q.departmentId
      if (q.status) filter.status = q.status
      if (q.priority) filter.priority = q.priority
      if (q.overdue === true) {
        filter.rank = 0
        filter.dueAt = { $lt: now }
      } else if (q.overdue === false) {
        filter.$or = [{ rank: { $ne: 0 } }, { dueAt: { $gte: now } }]
      }
      const page = await ctx.orders.find(filter, {
        sort: [
          ['rank', 1],
          ['dueAt', 1],
        ],
        limit: q.limit ?? 50,
        cursor: q.cursor ?? null,
      })
      const names = await departmentNames(
        ctx,
        page.items.map((o) => o.departmentId),
      )
      const at = ctx.clock.now()
      return {
        items: page.items.map((o) => summaryOf(o, at, names.get(o.departmentId) ?? null)),
        nextCursor: page.nextCursor,
      }
    },
  )

  app.get(
    '/orders/:orderId',
    {
      config: { access: READERS },
      schema: {
        summary: 'One order: problems, plans, evidence, appeals, timeline',
        params: OrderIdParams,
        response: { 200: OrderView, ...refusals },
      },
    },
    async (request) => orderView(ctx, await visibleOrder(ctx, request.params.orderId, request.user)),
  )

  app.get(
    '/orders/:orderId/timeline/verify',
    {
      config: { access: READERS },
      schema: {
        summary: "Recomputes the order's hash chain against its recorded head",
        params: OrderIdParams,
        response: { 200: TimelineVerification, ...refusals },
      },
    },
    async (request) => {
      const o = await visibleOrder(ctx, request.params.orderId, request.user)
      return { orderId: o._id, ...verifyTimeline(o.timeline, o) }
    },
  )

  /** An action: who may, which body, what it does (department actions check the department: else 404). */
  function action<B extends { version: number }>(
    name: string,
    roles: readonly Role[],
    body: TSchema,
    summary: string,
    step: (o: Order, b: B, actor: ActorRef, now: Date) => Change,
  ) {
    app.post<{ Params: { orderId: string }; Body: B }>(
      `/orders/:orderId/${name}`,
      {
        config: { access: roles },
        schema: { summary, params: OrderIdParams, body, response: { 200: OrderView, ...refusals } },
      },
      async (request) => {
        const o = await visibleOrder(ctx, request.params.orderId, request.user)
        const actor = actorOf(request.user, roles)
        if (
          roles.every((r) => r === 'dept_lead' || r === 'handler') &&
          request.user.departmentId !== o.departmentId
        )
          throw new Refusals.notFound('No such order')
        const now = ctx.clock.now()
        // the body was validated against `body` (the kit's compiler); B is that schema's shape
        const b = request.body as B
        const next = await applyChange(ctx, o, b.version, (cur) => step(cur, b, actor, now))
        request.log.info({ orderId: o._id, action: name, status: next.status }, 'order changed')
        return orderView(ctx, next)
      },
    )
  }

  const at = (now: Date, actor: ActorRef) => ({ now, calendar: ctx.calendar, actor })

  action<{ version: number }>(
    'acknowledge',
    LEADS,
    ActionBody,
    "The department's lead acknowledges (签收)",
    (o, _b, actor, now) => acknowledge(o, at(now, actor)),
  )
  action<{ version: number; measures: string; owner: string; plannedBy: string }>(
    'plan',
    DEPARTMENT,
    PlanBody,
    'The department submits its plan: measures, who, by when',
    (o, b, actor, now) => submitPlan(o, b, at(now, actor)),
  )
  action<{ version: number; note?: string }>(
    'verify',
    OFFICERS,
    VerifyBody,
    'A discipline officer verifies the evidence',
    (o, b, actor, now) => verify(o, b.note ?? null, at(now, actor)),
  )
  action<{ version: number; kind: 'evidence_insufficient' | 'not_effective'; reason: string }>(
    'send-back',
    OFFICERS,
    SendBackBody,
    'A discipline officer sends the evidence back: insufficient (new evidence) or not effective (a new plan)',
    (o, b, actor, now) => sendBack(o, b, at(now, actor)),
  )
  action<{ version: number; publicSummary: string; recheckAfterDays?: number }>(
    'close',
    OFFICERS,
    CloseBody,
    'A discipline officer closes the verified order (销号), optionally with a re-check (回头看)',
    (o, b, actor, now) =>
      close(
        o,
        { publicSummary: b.publicSummary, recheckAfterDays: b.recheckAfterDays ?? null },
        at(now, actor),
      ),
  )
  action<{ version: number; outcome: 'held' | 'returned'; note: string; deadline?: OrderDoc['deadline'] }>(
    'recheck',
    OFFICERS,
    RecheckBody,
    'The re-check (回头看): held, or returned (the order reopens with a new deadline)',
    (o, b, actor, now) =>
      recheck(
        o,
        {
          outcome: b.outcome,
          note: b.note,
          deadline: b.deadline ?? { workingDays: ctx.settings.defaultDeadlineDays },
        },
        at(now, actor),
      ),
  )
}
