// KPIs per department and month (JSON and CSV) for discipline officers, supervisors and administrators, and
// the public monthly summary of rectifications closed. Everything is counted with the store's grouped
// counts (`countBy`), one set of queries per month; no order is loaded for the KPIs.
import { type App, Errors, Problem } from '@tingjian/kit'
import type { Filter, Stored } from '@tingjian/store'
import type { OrderDoc, RectificationContext } from '../collections.ts'
import { departmentNames } from '../consumers/departments.ts'
import {
  addMonths,
  type Counter,
  type GroupBy,
  KpiTable,
  kpisCsv,
  monthRange,
  monthsBetween,
} from '../domain/kpis.ts'
import { shanghaiDate, shanghaiMonth } from '../domain/problem.ts'
import type { ProblemKind } from '../problems.ts'
import { Csv, KpiQuery, Kpis, PublicSummary, SummaryQuery } from '../schemas/stats.ts'

export const KPI_READERS = ['discipline_officer', 'supervisor', 'admin'] as const
/** At most this many months per KPI request; by default the last 12 up to the current one. */
export const KPI_MAX_MONTHS = 24
export const KPI_DEFAULT_MONTHS = 12
/** Requests per minute per client address on the public summary. */
export const PUBLIC_SUMMARY_RATE_LIMIT = 60
/** Send-backs counted per order at most (the count stops there). */
const MAX_SEND_BACKS_COUNTED = 50

export interface StatsRoutesOptions {
  ctx: RectificationContext
}

type Table = KpiTable
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/** The months asked for: `from`..`to`, by default the twelve up to the current month. */
function monthsOf(q: KpiQuery, current: string): { from: string; to: string; months: string[] } {
  const to = q.to ?? (q.from ? addMonths(q.from, KPI_DEFAULT_MONTHS - 1) : current)
  const from = q.from ?? addMonths(to, 1 - KPI_DEFAULT_MONTHS)
  if (from > to) throw new Errors.BadRequest('from must not be after to')
  const months = monthsBetween(from, to)
  if (months.length > KPI_MAX_MONTHS)
    throw new Errors.BadRequest(`at most ${KPI_MAX_MONTHS} months at a time`)
  return { from, to, months }
}

/** Adds the orders' `countBy(['departmentId'], filter)` to the table under the month and counters. */
async function addCounts(
  ctx: RectificationContext,
  table: Table,
  month: string,
  counters: Counter | Counter[],
  filter: Filter,
): Promise<number> {
  const groups = await ctx.orders.countBy(['departmentId'], filter)
  let total = 0
  for (const { key, count } of groups) {
    const dept = str(key.departmentId)
    if (dept === null) continue
    for (const c of [counters].flat()) table.add(dept, month, c, count)
    total += count
  }
  return total
}

/** The orders issued in the month (Asia/Shanghai): issued, sent back, re-checked, reopened on re-check. */
async function issuedCohort(
  ctx: RectificationContext,
  table: Table,
  month: string,
  dept: string | undefined,
) {
  const { from, to } = monthRange(month)
  const issued: Filter = { 'issued.at': { $gte: from, $lt: to }, departmentId: dept }
  await Promise.all([
    addCounts(ctx, table, month, 'issued', issued),
    addCounts(ctx, table, month, 'rechecked', { $and: [issued, { 'rechecks.0.at': { $exists: true } }] }),
    addCounts(ctx, table, month, 'reopened', { $and: [issued, { reopenCount: { $gt: 0 } }] }),
  ])
  // Σ over k of the orders with more than k send-backs is the number of send-backs
  for (let k = 0; k < MAX_SEND_BACKS_COUNTED; k++) {
    const n = await addCounts(ctx, table, month, k === 0 ? ['sentBackOrders', 'sendBacks'] : 'sendBacks', {
      $and: [issued, { [`sendBacks.${k}.at`]: { $exists: true } }],
    })
    if (n === 0) break
  }
}

async function kpiTable(
  ctx: RectificationContext,
  months: string[],
  dept: string | undefined,
): Promise<KpiTable> {
  const table = new KpiTable()
  const from = months[0] as string
  const to = months[months.length - 1] as string
  const inMonths = { $gte: from, $lte: to }
  const [closed, problems, withdrawn, cases] = await Promise.all([
    ctx.orders.countBy(['departmentId', 'closed.month', 'closed.onTime'], {
      'closed.month': inMonths,
      departmentId: dept,
    }),
    ctx.problems.countBy(['departmentId', 'month'], { month: inMonths, withdrawn: null, departmentId: dept }),
    ctx.problems.countBy(['departmentId', 'month'], {
      month: inMonths,
      withdrawn: { $ne: null },
      departmentId: dept,
    }),
    ctx.caseCounts.countBy(['departmentId', 'month'], { month: inMonths, departmentId: dept }),
    ...months.map((m) => issuedCohort(ctx, table, m, dept)),
  ])
  for (const { key, count } of closed) {
    const d = str(key.departmentId)
    const m = str(key['closed.month'])
    if (d === null || m === null) continue
    table.add(d, m, 'closed', count)
    if (key['closed.onTime'] === true) table.add(d, m, 'closedOnTime', count)
  }
  const byMonth = (groups: typeof problems, counter: Counter) => {
    for (const { key, count } of groups) {
      const d = str(key.departmentId)
      const m = str(key.month)
      if (d !== null && m !== null) table.add(d, m, counter, count)
    }
  }
  byMonth(problems, 'problems')
  byMonth(withdrawn, 'problemsWithdrawn')
  byMonth(cases, 'casesAssigned')
  return table
}

export async function statsRoutes(app: App, opts: StatsRoutesOptions): Promise<void> {
  const { ctx } = opts

  async function kpis(q: KpiQuery) {
    const { from, to, months } = monthsOf(q, shanghaiMonth(ctx.clock.now()))
    const groupBy: GroupBy = q.groupBy ?? 'department_month'
    const rows = (await kpiTable(ctx, months, q.departmentId)).rows(groupBy)
    const names = await departmentNames(
      ctx.departments,
      rows.map((r) => r.departmentId),
    )
    return { from, to, groupBy, rows, names }
  }

  app.get(
    '/kpis',
    {
      config: { access: KPI_READERS },
      schema: {
        summary:
          'KPIs per department and month: orders issued, closed (on time), sent back, re-checked and reopened; problems (and withdrawn on appeal) per 1,000 cases',
        querystring: KpiQuery,
        response: { 200: Kpis, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const { names, rows, ...rest } = await kpis(request.query)
      return {
        ...rest,
        rows: rows.map((r) => ({ ...r, departmentName: names.get(r.departmentId) ?? null })),
      }
    },
  )

  app.get(
    '/kpis.csv',
    {
      config: { access: KPI_READERS },
      schema: {
        summary: 'The KPIs as CSV (UTF-8 with a byte-order mark)',
        querystring: KpiQuery,
        produces: ['text/csv'],
        response: { 200: Csv, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const { names, rows, from, to } = await kpis(request.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rectification-kpis-${from}-${to}.csv"`)
        .send(kpisCsv(rows, names))
    },
  )

  app.get(
    '/public/summary',
    {
      config: { access: 'public', rateLimit: { max: PUBLIC_SUMMARY_RATE_LIMIT, timeWindow: 60_000 } },
      schema: {
        summary:
          'Rectifications closed in a month (Asia/Shanghai; default the current one): problem kinds, department, what was fixed — no names, numbers, windows or cases',
        querystring: SummaryQuery,
        response: { 200: PublicSummary, 400: Problem, 429: Problem },
      },
    },
    async (request) => {
      const month = request.query.month ?? shanghaiMonth(ctx.clock.now())
      const orders: Array<Stored<OrderDoc>> = []
      let cursor: string | null = null
      do {
        const page = await ctx.orders.find(
          { 'closed.month': month, status: 'closed' },
          { sort: [['closed.at', 1]], limit: 500, cursor },
        )
        orders.push(...page.items)
        cursor = page.nextCursor
      } while (cursor)
      const names = await departmentNames(
        ctx.departments,
        orders.map((o) => o.departmentId),
      )
      const byKind = new Map<ProblemKind, number>()
      const byDepartment = new Map<string, { closed: number; closedOnTime: number }>()
      // only what the department publishes: kinds, department, the officer's public summary, date, on time
      const items = orders.flatMap((o) => {
        if (!o.closed) return []
        const kinds = [...new Set(o.problemKinds)].sort()
        for (const k of kinds) byKind.set(k, (byKind.get(k) ?? 0) + 1)
        const d = byDepartment.get(o.departmentId) ?? { closed: 0, closedOnTime: 0 }
        d.closed += 1
        if (o.closed.onTime) d.closedOnTime += 1
        byDepartment.set(o.departmentId, d)
        return [
          {
            departmentId: o.departmentId,
            departmentName: names.get(o.departmentId) ?? null,
            problemKinds: kinds,
            measures: o.closed.publicSummary,
            closedOn: shanghaiDate(o.closed.at),
            onTime: o.closed.onTime,
          },
        ]
      })
      return {
        month,
        closed: items.length,
        closedOnTime: items.filter((i) => i.onTime).length,
        items,
        byKind: [...byKind.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([kind, n]) => ({ kind, orders: n })),
        byDepartment: [...byDepartment.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([departmentId, c]) => ({
            departmentId,
            departmentName: names.get(departmentId) ?? null,
            ...c,
          })),
      }
    },
  )
}
