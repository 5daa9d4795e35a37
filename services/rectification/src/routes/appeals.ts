// Appeals (申诉): the responsible department's lead appeals a problem it believes unfounded (one pending
// appeal per problem); a discipline officer upholds or rejects it with a reason. Upheld: the links consumer
// withdraws the problem on `rectification.appeal-decided` (out of every KPI and alert count). An appeal
// about a problem in an order is also noted on that order's timeline.
import { uuidv7 } from '@tingjian/contracts'
import { type App, Problem, type StaffClaims } from '@tingjian/kit'
import { type Filter, isConflict, modify } from '@tingjian/store'
import type { AppealDoc, RectificationContext } from '../collections.ts'
import { type Appeal, decideAppeal, fileAppeal } from '../domain/appeal.ts'
import { type ActorRef, maySee, noteAppeal } from '../domain/order.ts'
import { Refusals } from '../errors.ts'
import {
  AppealIdParams,
  AppealList,
  AppealListQuery,
  AppealView,
  DecideAppeal,
  FileAppeal,
} from '../schemas/appeals.ts'
import { actorOf, READERS } from './orders.ts'

export interface AppealRoutesOptions {
  ctx: RectificationContext
}

const refusals = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem }

function view(a: Appeal) {
  return {
    appealId: a._id,
    problemId: a.problemId,
    departmentId: a.departmentId,
    orderId: a.orderId,
    reasons: a.reasons,
    status: a.status,
    filed: a.filed,
    decided: a.decided,
    version: a.version,
  }
}

export async function appealRoutes(app: App, opts: AppealRoutesOptions): Promise<void> {
  const { ctx } = opts

  async function visible(appealId: string, user: StaffClaims): Promise<Appeal> {
    const a = await ctx.appeals.get(appealId)
    if (!a || !maySee(user, a.departmentId)) throw new Refusals.notFound('No such appeal')
    return a
  }

  /** The order the problem is in (the newest one), if any. */
  async function orderOf(problemId: string, known: string | null): Promise<string | null> {
    if (known) return known
    const page = await ctx.orders.find({ problemIds: problemId }, { sort: [['issued.at', -1]], limit: 1 })
    return page.items[0]?._id ?? null
  }

  /** Best effort after the appeal's own write: the order's timeline shows the appeal (once). */
  async function noteOnOrder(
    orderId: string | null,
    action: Parameters<typeof noteAppeal>[1],
    note: string,
    actor: ActorRef,
  ) {
    if (!orderId) return
    const now = ctx.clock.now()
    try {
      await modify(
        ctx.orders,
        orderId,
        (o) => noteAppeal(o, action, note, { now, calendar: ctx.calendar, actor })?.order ?? null,
        { now },
      )
    } catch (err) {
      app.log.warn(
        { orderId, err: err instanceof Error ? err.message : String(err) },
        'appeal not noted on the order',
      )
    }
  }

  app.post(
    '/appeals',
    {
      config: { access: ['dept_lead'] },
      schema: {
        summary: "Appeal a problem as unfounded (the problem's department's lead)",
        body: FileAppeal,
        response: { 201: AppealView, ...refusals },
      },
    },
    async (request, reply) => {
      const problem = await ctx.problems.get(request.body.problemId)
      if (!problem || problem.departmentId !== request.user.departmentId)
        throw new Refusals.notFound('No such problem')
      const now = ctx.clock.now()
      const actor = actorOf(request.user, ['dept_lead'])
      const doc = fileAppeal(problem, request.body.reasons, actor, now)
      doc.orderId = await orderOf(problem._id, problem.orderId)
      const id = `rapl_${uuidv7()}`
      let stored: Appeal
      try {
        stored = await ctx.appeals.insert(id, doc, { now })
      } catch (err) {
        if (isConflict(err, 'duplicate')) throw new Refusals.appealPending()
        throw err
      }
      await noteOnOrder(stored.orderId, 'appeal_filed', `${id} against ${problem._id}`, actor)
      request.log.info({ appealId: id, problemId: problem._id }, 'appeal filed')
      reply.code(201)
      return view(stored)
    },
  )

  app.get(
    '/appeals',
    {
      config: { access: READERS },
      schema: {
        summary: 'Appeals (a department sees its own), newest first',
        querystring: AppealListQuery,
        response: { 200: AppealList, ...refusals },
      },
    },
    async (request) => {
      const q = request.query
      const user = request.user
      const filter: Filter = {}
      const everything = user.roles.includes('discipline_officer') || user.roles.includes('supervisor')
      if (!everything) {
        if (!user.departmentId || (q.departmentId && q.departmentId !== user.departmentId))
          return { items: [], nextCursor: null }
        filter.departmentId = user.departmentId
      } else if (q.departmentId) filter.departmentId = q.departmentId
      if (q.status) filter.status = q.status
      if (q.problemId) filter.problemId = q.problemId
      const page = await ctx.appeals.find(filter, {
        sort: [['filed.at', -1]],
        limit: q.limit ?? 50,
        cursor: q.cursor ?? null,
      })
      return { items: page.items.map(view), nextCursor: page.nextCursor }
    },
  )

  app.get(
    '/appeals/:appealId',
    {
      config: { access: READERS },
      schema: { summary: 'One appeal', params: AppealIdParams, response: { 200: AppealView, ...refusals } },
    },
    async (request) => view(await visible(request.params.appealId, request.user)),
  )

  app.post(
    '/appeals/:appealId/decide',
    {
      config: { access: ['discipline_officer'] },
      schema: {
        summary: 'Uphold (the problem is withdrawn from every KPI) or reject an appeal',
        params: AppealIdParams,
        body: DecideAppeal,
        response: { 200: AppealView, ...refusals },
      },
    },
    async (request) => {
      const current = await visible(request.params.appealId, request.user)
      if (current.version !== request.body.version) throw new Refusals.stale()
      const now = ctx.clock.now()
      const actor = actorOf(request.user, ['discipline_officer'])
      const { appeal, events } = decideAppeal(current, request.body, actor, now)
      let stored: Appeal
      try {
        stored = await ctx.appeals.update(current._id, current.version, appeal as AppealDoc, { events, now })
      } catch (err) {
        if (isConflict(err, 'stale')) throw new Refusals.stale()
        throw err
      }
      await noteOnOrder(
        stored.orderId,
        stored.status === 'upheld' ? 'appeal_upheld' : 'appeal_rejected',
        `${stored._id} against ${stored.problemId}: ${request.body.reason}`,
        actor,
      )
      request.log.info({ appealId: stored._id, decision: stored.status }, 'appeal decided')
      return view(stored)
    },
  )
}
