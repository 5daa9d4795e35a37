// Department statistics: for staff (registered under /api/v1/stats), of cases accepted in [from, to);
// published (under /api/v1/public), per month of acceptance.
import type { App, Clock } from '@tingjian/kit'
import { Errors, Problem } from '@tingjian/kit'
import type { Cases } from '../case-store.ts'
import { type Departments, departmentNames } from '../departments.ts'
import type { Calendar } from '../domain/case.ts'
import { DepartmentStats, PublicStats, PublicStatsQuery, StatsQuery } from '../schemas/cases.ts'
import { addMonths, departmentCounts, monthOf, monthPeriod, monthsBetween, overdueCounts } from '../stats.ts'

export const STATS_ROLES = ['admin', 'dispatcher', 'supervisor', 'discipline_officer'] as const
/** The published figures cover at most this many months per request; by default the last 12. */
export const PUBLIC_STATS_MAX_MONTHS = 24
export const PUBLIC_STATS_DEFAULT_MONTHS = 12

export interface StatsRoutesOptions {
  cases: Cases
  departments: Departments
  clock: Clock
  calendar: Calendar
  /** Requests per minute per client address on the public route. */
  publicRateLimitPerMinute: number
}

export async function statsRoutes(app: App, opts: StatsRoutesOptions): Promise<void> {
  app.get(
    '/departments',
    {
      config: { access: STATS_ROLES },
      schema: {
        summary: 'Per department: received, closed (answered), on time, overdue, escalated, satisfaction',
        querystring: StatsQuery,
        response: { 200: DepartmentStats, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const from = new Date(request.query.from).toISOString()
      const to = new Date(request.query.to).toISOString()
      if (from >= to) throw new Errors.BadRequest('from must be before to')
      const period = { from, to }
      const [rows, overdue] = await Promise.all([
        departmentCounts(opts.cases, period),
        overdueCounts(opts.cases, period, opts.clock.now()),
      ])
      const names = await departmentNames(
        opts.departments,
        rows.map((r) => r.departmentId),
      )
      return {
        from,
        to,
        departments: rows.map((r) => ({
          ...r,
          departmentName: names.get(r.departmentId) ?? null,
          overdue: overdue.get(r.departmentId) ?? 0,
        })),
      }
    },
  )
}

export async function publicStatsRoutes(app: App, opts: StatsRoutesOptions): Promise<void> {
  app.get(
    '/stats',
    {
      config: { access: 'public', rateLimit: { max: opts.publicRateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        summary:
          'Published monthly figures per department (month of acceptance, Asia/Shanghai): received, answered, on time, satisfaction',
        querystring: PublicStatsQuery,
        response: { 200: PublicStats, 400: Problem, 429: Problem },
      },
    },
    async (request) => {
      const current = monthOf(opts.clock.now(), opts.calendar)
      const to = request.query.to ?? (request.query.from ? undefined : current)
      const from = request.query.from ?? addMonths(to as string, 1 - PUBLIC_STATS_DEFAULT_MONTHS)
      // only `from`: twelve months from it, but not past the current month (unless it starts later)
      const until = to ?? max(from, min(addMonths(from, PUBLIC_STATS_DEFAULT_MONTHS - 1), current))
      if (from > until) throw new Errors.BadRequest('from must not be after to')
      const months = monthsBetween(from, until)
      if (months.length > PUBLIC_STATS_MAX_MONTHS) {
        throw new Errors.BadRequest(`at most ${PUBLIC_STATS_MAX_MONTHS} months at a time`)
      }
      const perMonth = await Promise.all(
        months.map((month) => departmentCounts(opts.cases, monthPeriod(month, opts.calendar))),
      )
      const names = await departmentNames(
        opts.departments,
        perMonth.flatMap((rows) => rows.map((r) => r.departmentId)),
      )
      return {
        from,
        to: until,
        // only counts and department names: nothing about a citizen, a case or a member of staff
        months: months.map((month, i) => ({
          month,
          departments: (perMonth[i] ?? []).map((r) => ({
            departmentId: r.departmentId,
            departmentName: names.get(r.departmentId) ?? null,
            received: r.received,
            closed: r.closed,
            onTimeClosed: r.onTimeClosed,
            satisfaction: r.satisfaction,
          })),
        })),
      }
    },
  )
}

const min = (a: string, b: string) => (a < b ? a : b)
const max = (a: string, b: string) => (a > b ? a : b)
