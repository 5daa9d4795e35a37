// Trend alerts for the discipline officers (supervisors read them): the list, one alert with its evidence,
// acknowledge and dismiss with a reason. Each action takes the version the client saw (stale: 409) and
// only applies to an alert still open (else 409). Turning an alert into an order is `POST /orders` with
// its `alertId` (the order-issued event marks the alert ordered).
import { type App, Errors, Problem } from '@tingjian/kit'
import { isConflict, type Stored } from '@tingjian/store'
import type { RectificationContext } from '../collections.ts'
import { departmentNames } from '../consumers/departments.ts'
import { closeAlertInTrend } from '../consumers/trends.ts'
import { type AlertCommand, applyAlertCommand } from '../domain/alerts.ts'
import type { AlertDoc } from '../problems.ts'
import {
  AcknowledgeAlert,
  AlertDetail,
  AlertList,
  AlertParams,
  AlertQuery,
  type AlertView,
  AlertView as AlertViewSchema,
  DismissAlert,
} from '../schemas/alerts.ts'
import { problemView } from './problems.ts'

export const ALERT_READERS = ['discipline_officer', 'supervisor'] as const
export const ALERT_ACTORS = ['discipline_officer'] as const

const alertView = (a: Stored<AlertDoc>, names: ReadonlyMap<string, string>): AlertView => ({
  id: a._id,
  version: a.version,
  level: a.level,
  departmentId: a.departmentId,
  departmentName: names.get(a.departmentId) ?? null,
  office: a.office,
  window: a.window,
  staffNumber: a.staffNumber,
  problemIds: a.problemIds,
  threshold: a.threshold,
  windowDays: a.windowDays,
  status: a.status,
  raisedAt: a.raisedAt,
  updatedAt: a.updatedAt,
  acknowledged: a.acknowledged,
  dismissed: a.dismissed,
  orderId: a.orderId,
})

export interface AlertRoutesOptions {
  ctx: RectificationContext
}

export async function alertRoutes(app: App, opts: AlertRoutesOptions): Promise<void> {
  const { ctx } = opts

  app.get(
    '/alerts',
    {
      config: { access: ALERT_READERS },
      schema: {
        summary: 'Trend alerts, newest first',
        querystring: AlertQuery,
        response: { 200: AlertList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const q = request.query
      const page = await ctx.alerts.find(
        { status: q.status, departmentId: q.departmentId },
        { sort: [['raisedAt', -1]], limit: q.limit ?? 50, cursor: q.cursor ?? null },
      )
      const names = await departmentNames(
        ctx.departments,
        page.items.map((a) => a.departmentId),
      )
      return { items: page.items.map((a) => alertView(a, names)), nextCursor: page.nextCursor }
    },
  )

  app.get(
    '/alerts/:id',
    {
      config: { access: ALERT_READERS },
      schema: {
        summary: 'One alert with its problems (the evidence)',
        params: AlertParams,
        response: { 200: AlertDetail, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const alert = await ctx.alerts.get(request.params.id)
      if (!alert) throw new Errors.NotFound()
      const problems = []
      for (let i = 0; i < alert.problemIds.length; i += 500) {
        const chunk = alert.problemIds.slice(i, i + 500)
        const page = await ctx.problems.find({ _id: { $in: chunk } }, { limit: chunk.length })
        problems.push(...page.items)
      }
      problems.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a._id.localeCompare(b._id))
      const names = await departmentNames(ctx.departments, [alert.departmentId])
      return { ...alertView(alert, names), problems: problems.map((p) => problemView(p, names)) }
    },
  )

  async function act(id: string, version: number, command: AlertCommand) {
    const alert = await ctx.alerts.get(id)
    if (!alert) throw new Errors.NotFound()
    if (alert.version !== version) throw new Errors.StaleVersion()
    const result = applyAlertCommand(alert, command, ctx.clock.now())
    if (!result.ok) throw new Errors.InvalidState(`The alert is ${alert.status}`)
    try {
      const next = await ctx.alerts.update(id, version, result.next, { now: ctx.clock.now() })
      if (next.status === 'dismissed') await closeAlertInTrend(ctx, next.departmentId, id)
      return next
    } catch (err) {
      if (isConflict(err, 'stale')) throw new Errors.StaleVersion()
      throw err
    }
  }

  const actionResponses = {
    200: AlertViewSchema,
    400: Problem,
    401: Problem,
    403: Problem,
    404: Problem,
    409: Problem,
  }

  app.post(
    '/alerts/:id/acknowledge',
    {
      config: { access: ALERT_ACTORS },
      schema: {
        summary: 'Acknowledge an open alert (seen, being looked into)',
        params: AlertParams,
        body: AcknowledgeAlert,
        response: actionResponses,
      },
    },
    async (request) => {
      const next = await act(request.params.id, request.body.version, {
        kind: 'acknowledge',
        by: request.user.sub,
      })
      request.log.info({ alertId: next._id }, 'alert acknowledged')
      return alertView(next, await departmentNames(ctx.departments, [next.departmentId]))
    },
  )

  app.post(
    '/alerts/:id/dismiss',
    {
      config: { access: ALERT_ACTORS },
      schema: {
        summary: 'Dismiss an open or acknowledged alert, with the reason',
        params: AlertParams,
        body: DismissAlert,
        response: actionResponses,
      },
    },
    async (request) => {
      const next = await act(request.params.id, request.body.version, {
        kind: 'dismiss',
        by: request.user.sub,
        reason: request.body.reason,
      })
      request.log.info({ alertId: next._id }, 'alert dismissed')
      return alertView(next, await departmentNames(ctx.departments, [next.departmentId]))
    },
  )
}
