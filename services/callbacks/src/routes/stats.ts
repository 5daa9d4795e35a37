// The callback KPIs per department, office, staff number, service type or month (JSON and CSV) for
// supervisors and administrators, and the public monthly figures per department. Counted with the store's
// grouped counts over the tasks (no task is loaded) and the strata's populations for the weights.
import { type App, Errors, Problem } from '@tingjian/kit'
import type { Filter, Stored } from '@tingjian/store'
import type { CallbacksContext, DepartmentDoc, TaskStatus } from '../collections.ts'
import { problemsIn, type SatisfactionLevel } from '../domain/answers.ts'
import { monthOf } from '../domain/calling-hours.ts'
import {
  addMonths,
  type GroupBy,
  monthsBetween,
  type StatsRow,
  statsCsv,
  statsRows,
  type TaskFacts,
} from '../domain/stats.ts'
import { Csv, MonthlyQuery, PublicMonthly, Stats, StatsQuery } from '../schemas/stats.ts'

/** Who reads the KPIs. */
export const STATS_READERS = ['supervisor', 'admin'] as const
export const STATS_MAX_MONTHS = 24
export const STATS_DEFAULT_MONTHS = 12
/** Requests per minute per client address on the public figures. */
export const PUBLIC_MONTHLY_RATE_LIMIT = 60

export interface StatsRoutesOptions {
  ctx: CallbacksContext
}

const GROUP_PATH: Record<GroupBy, string> = {
  department: 'departmentId',
  office: 'office',
  staffNumber: 'staffNumber',
  serviceType: 'serviceType',
  month: 'month',
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null)
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null)

function monthsOf(q: { from?: string; to?: string }, current: string) {
  const to = q.to ?? (q.from ? addMonths(q.from, STATS_DEFAULT_MONTHS - 1) : current)
  const from = q.from ?? addMonths(to, 1 - STATS_DEFAULT_MONTHS)
  if (from > to) throw new Errors.BadRequest('from must not be after to')
  if (monthsBetween(from, to).length > STATS_MAX_MONTHS)
    throw new Errors.BadRequest(`at most ${STATS_MAX_MONTHS} months at a time`)
  return { from, to }
}

/** The tasks of the months as facts, grouped by what the KPIs of `by` need. */
async function taskFacts(
  ctx: CallbacksContext,
  from: string,
  to: string,
  by: GroupBy,
  departmentId: string | undefined,
): Promise<TaskFacts[]> {
  const filter: Filter = { month: { $gte: from, $lte: to }, departmentId }
  const group = GROUP_PATH[by]
  const place = (key: Record<string, unknown>) => ({
    office: by === 'office' ? str(key.office) : null,
    staffNumber: by === 'staffNumber' ? str(key.staffNumber) : null,
    serviceType: by === 'serviceType' ? (str(key.serviceType) ?? '') : '',
  })
  // the store groups by at most 8 paths: the tally (status, strata, satisfaction) and the answers apart
  const [tally, answered] = await Promise.all([
    ctx.tasks.countBy(
      [
        ...new Set([
          group,
          'departmentId',
          'month',
          'stratum',
          'samplingRate',
          'status',
          'answers.satisfaction',
        ]),
      ],
      filter,
    ),
    ctx.tasks.countBy(
      [
        ...new Set([
          group,
          'departmentId',
          'answers.attitude',
          'answers.promiseKept',
          'answers.feeCorrect',
          'answers.amountPaid',
          'feeSchedule',
        ]),
      ],
      { $and: [filter, { status: 'completed' }] },
    ),
  ])
  const facts: TaskFacts[] = []
  for (const { key, count } of tally) {
    const dept = str(key.departmentId)
    const month = str(key.month)
    const stratum = str(key.stratum)
    const rate = num(key.samplingRate)
    if (dept === null || month === null || stratum === null || rate === null) continue
    facts.push({
      departmentId: dept,
      ...place(key),
      month,
      stratum,
      samplingRate: rate,
      status: str(key.status) as TaskStatus,
      satisfaction: str(key['answers.satisfaction']) as SatisfactionLevel | null,
      attitude: null,
      promiseKept: null,
      overcharged: false,
      count,
      part: 'tally',
    })
  }
  for (const { key, count } of answered) {
    const dept = str(key.departmentId)
    if (dept === null) continue
    const attitude = num(key['answers.attitude'])
    const answers = {
      feeCorrect: bool(key['answers.feeCorrect']),
      amountPaid: num(key['answers.amountPaid']),
      attitude: attitude as 1 | 2 | 3 | 4 | 5 | null,
      promiseKept: bool(key['answers.promiseKept']),
      satisfaction: null,
      comment: null,
    }
    facts.push({
      departmentId: dept,
      ...place(key),
      // the month of the answers' facts only matters when grouping by it
      month: str(key.month) ?? '',
      stratum: '',
      samplingRate: 1,
      status: 'completed',
      satisfaction: null,
      attitude,
      promiseKept: answers.promiseKept,
      overcharged: problemsIn(answers, num(key.feeSchedule)).includes('overcharge'),
      count,
      part: 'answers',
    })
  }
  return facts
}

/** Populations of the strata in the months (`<month>|<stratum>` → N_h). */
async function populations(ctx: CallbacksContext, from: string, to: string): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  let cursor: string | null = null
  do {
    const page = await ctx.strata.find({ month: { $gte: from, $lte: to } }, { limit: 500, cursor })
    for (const s of page.items) out.set(`${s.month}|${s.stratum}`, s.population)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

async function departmentNames(ctx: CallbacksContext, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const wanted = [...new Set(ids)]
  const docs = await Promise.all(wanted.map((id) => ctx.departments.get(id)))
  docs.forEach((d: Stored<DepartmentDoc> | null, i) => {
    if (d) names.set(wanted[i] as string, d.name)
  })
  return names
}

export async function statsRoutes(app: App, opts: StatsRoutesOptions): Promise<void> {
  const { ctx } = opts

  async function stats(q: StatsQuery) {
    const { from, to } = monthsOf(q, monthOf(ctx.clock.now()))
    const groupBy: GroupBy = q.groupBy ?? 'department'
    const [facts, pops] = await Promise.all([
      taskFacts(ctx, from, to, groupBy, q.departmentId),
      populations(ctx, from, to),
    ])
    const rows: StatsRow[] = statsRows(facts, groupBy, pops)
    const names =
      groupBy === 'department'
        ? await departmentNames(
            ctx,
            rows.flatMap((r) => (r.group === null ? [] : [r.group])),
          )
        : new Map<string, string>()
    return { from, to, groupBy, rows, names }
  }

  app.get(
    '/stats',
    {
      config: { access: STATS_READERS },
      schema: {
        summary:
          'Callback KPIs per department, office, staff number, service type or month: callback rate (回访率), satisfaction (满意率) with its sample and 95 % interval (stratified where sampling rates differ), fee problems, attitude, promises kept',
        querystring: StatsQuery,
        response: { 200: Stats, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const { rows, names, ...rest } = await stats(request.query)
      return {
        ...rest,
        rows: rows.map((r) => ({ ...r, name: r.group === null ? null : (names.get(r.group) ?? null) })),
      }
    },
  )

  app.get(
    '/stats.csv',
    {
      config: { access: STATS_READERS },
      schema: {
        summary: 'The KPIs as CSV (UTF-8 with a byte-order mark)',
        querystring: StatsQuery,
        produces: ['text/csv'],
        response: { 200: Csv, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const { rows, names, from, to, groupBy } = await stats(request.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="callbacks-${groupBy}-${from}-${to}.csv"`)
        .send(statsCsv(groupBy, rows, names))
    },
  )

  app.get(
    '/public/monthly',
    {
      config: { access: 'public', rateLimit: { max: PUBLIC_MONTHLY_RATE_LIMIT, timeWindow: 60_000 } },
      schema: {
        summary:
          'A month’s callback figures per department (Asia/Shanghai; default the current month): callback rate and satisfaction with its sample and interval — no names, numbers, offices or staff',
        querystring: MonthlyQuery,
        response: { 200: PublicMonthly, 400: Problem, 429: Problem },
      },
    },
    async (request) => {
      const month = request.query.month ?? monthOf(ctx.clock.now())
      const [facts, pops] = await Promise.all([
        taskFacts(ctx, month, month, 'department', undefined),
        populations(ctx, month, month),
      ])
      const rows = statsRows(facts, 'department', pops)
      const names = await departmentNames(
        ctx,
        rows.flatMap((r) => (r.group === null ? [] : [r.group])),
      )
      return {
        month,
        departments: rows.flatMap((r) =>
          r.group === null
            ? []
            : [
                {
                  departmentId: r.group,
                  departmentName: names.get(r.group) ?? null,
                  eligible: r.eligible,
                  completed: r.completed,
                  callbackRate: r.callbackRate,
                  satisfaction: r.satisfaction,
                },
              ],
        ),
      }
    },
  )
}
