// The hotline dashboard: offered, answered (within 15 s), abandoned, waits, missed and called back, by
// hour of day and by day (Asia/Shanghai), with the 15 s / 95 % targets.
import { type App, Errors, Problem } from '@tingjian/kit'
import type { HotlineContext } from '../context.ts'
import type { CallDoc } from '../domain/call.ts'
import { dashboard, datesBetween, startOfShanghaiDay } from '../domain/dashboard.ts'
import { DashboardQuery, DashboardView } from '../schemas/dashboard.ts'

/** The longest period one request may count (a quarter and a bit). */
export const MAX_DASHBOARD_DAYS = 92

export async function dashboardRoutes(app: App, opts: HotlineContext): Promise<void> {
  app.get(
    '/dashboard',
    {
      config: { access: ['supervisor', 'dispatcher', 'admin'] },
      schema: {
        summary: 'The hotline figures of a period (dates in Asia/Shanghai, both included)',
        querystring: DashboardQuery,
        response: { 200: DashboardView, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const { from, to } = request.query
      const days = datesBetween(from, to).length
      if (days === 0) throw new Errors.BadRequest('`to` must not be before `from`')
      if (days > MAX_DASHBOARD_DAYS)
        throw new Errors.BadRequest(`At most ${MAX_DASHBOARD_DAYS} days at a time`)
      const start = startOfShanghaiDay(from).toISOString()
      const end = new Date(startOfShanghaiDay(to).getTime() + 86_400_000).toISOString()
      const calls: CallDoc[] = []
      let cursor: string | null = null
      do {
        const page = await opts.calls.find(
          { direction: 'inbound', receivedAt: { $gte: start, $lt: end } },
          { sort: [['receivedAt', 1]], limit: 500, cursor },
        )
        calls.push(...page.items)
        cursor = page.nextCursor
      } while (cursor)
      return dashboard(calls, from, to)
    },
  )
}
