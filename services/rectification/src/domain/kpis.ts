// Rectification KPIs per department and month, assembled from grouped counts (no order is loaded), and
// their CSV. Pure: the queries are in ../routes/stats.ts.
//
// Which month a figure belongs to: orders issued, sent back, re-checked and reopened on re-check count in the
// month of issue (the cohort of orders issued then); closed and closed on time in the month of closing;
// problems in the month they happened (Asia/Shanghai); cases in the month of their first assignment.
import { SHANGHAI_OFFSET_MINUTES } from '@tingjian/calendar'

export interface KpiRow {
  departmentId: string
  /** `YYYY-MM`, or null in a row summed over months (groupBy=department). */
  month: string | null
  issued: number
  closed: number
  closedOnTime: number
  /** closedOnTime / closed, null when nothing was closed. */
  onTimeRate: number | null
  /** Orders sent back at least once. */
  sentBackOrders: number
  /** Send-backs in all. */
  sendBacks: number
  /** Orders re-checked (回头看) at least once. */
  rechecked: number
  /** Orders reopened on re-check. */
  reopened: number
  /** Problems (not withdrawn). */
  problems: number
  /** Problems withdrawn on appeal: shown, not counted in `problems` or the rate. */
  problemsWithdrawn: number
  casesAssigned: number
  /** problems per 1,000 cases assigned, null when no case was assigned. */
  problemsPer1000Cases: number | null
}

export type Counter = Exclude<keyof KpiRow, 'departmentId' | 'month' | 'onTimeRate' | 'problemsPer1000Cases'>

export const COUNTERS: readonly Counter[] = [
  'issued',
  'closed',
  'closedOnTime',
  'sentBackOrders',
  'sendBacks',
  'rechecked',
  'reopened',
  'problems',
  'problemsWithdrawn',
  'casesAssigned',
]

export type GroupBy = 'department' | 'month' | 'department_month'

const round = (value: number, digits: number) => {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** The rates of a row from its counts. */
export function withRates(row: Omit<KpiRow, 'onTimeRate' | 'problemsPer1000Cases'>): KpiRow {
  return {
    ...row,
    onTimeRate: row.closed > 0 ? round(row.closedOnTime / row.closed, 4) : null,
    problemsPer1000Cases: row.casesAssigned > 0 ? round((row.problems * 1000) / row.casesAssigned, 1) : null,
  }
}

/** Collects counts into rows keyed by department and month. */
export class KpiTable {
  readonly #rows = new Map<string, Omit<KpiRow, 'onTimeRate' | 'problemsPer1000Cases'>>()

  add(departmentId: string, month: string, counter: Counter, n: number): void {
    if (n === 0) return
    const id = JSON.stringify([departmentId, month])
    let row = this.#rows.get(id)
    if (!row) {
      row = { departmentId, month, ...Object.fromEntries(COUNTERS.map((c) => [c, 0])) } as Omit<
        KpiRow,
        'onTimeRate' | 'problemsPer1000Cases'
      >
      this.#rows.set(id, row)
    }
    row[counter] += n
  }

  /** The rows grouped as asked, sorted by department then month. Departments/months with no figure are absent. */
  rows(groupBy: GroupBy): KpiRow[] {
    const grouped = new Map<string, Omit<KpiRow, 'onTimeRate' | 'problemsPer1000Cases'>>()
    for (const row of this.#rows.values()) {
      const departmentId = groupBy === 'month' ? '*' : row.departmentId
      const month = groupBy === 'department' ? null : row.month
      const id = JSON.stringify([departmentId, month])
      const into = grouped.get(id) ?? {
        ...row,
        departmentId,
        month,
        ...Object.fromEntries(COUNTERS.map((c) => [c, 0])),
      }
      for (const c of COUNTERS) into[c] += row[c]
      grouped.set(id, into)
    }
    return [...grouped.values()]
      .sort((a, b) =>
        a.departmentId === b.departmentId
          ? (a.month ?? '').localeCompare(b.month ?? '')
          : a.departmentId.localeCompare(b.departmentId),
      )
      .map(withRates)
  }
}

/** A month as `YYYY-MM`. */
export const MONTH_PATTERN = '^[12][0-9]{3}-(0[1-9]|1[0-2])$'

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + n
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** Months from `from` to `to`, both included (empty when from is after to). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m)
  return months
}

/** The month's instants in Asia/Shanghai as ISO strings: [first day 00:00, first of the next month). */
export function monthRange(month: string): { from: string; to: string } {
  const start = (m: string) =>
    new Date(Date.parse(`${m}-01T00:00:00.000Z`) - SHANGHAI_OFFSET_MINUTES * 60_000).toISOString()
  return { from: start(month), to: start(addMonths(month, 1)) }
}

/** CSV cell: quoted where needed, and a leading = + - @ (or tab, CR) neutralised with ' (formula injection). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n']/.test(s) || s !== String(value) ? `"${s.replaceAll('"', '""')}"` : s
}

export const csvLine = (cells: ReadonlyArray<string | number | null | undefined>) =>
  `${cells.map(csvCell).join(',')}\r\n`

export const CSV_BOM = '\uFEFF'

export const KPI_CSV_HEADER = [
  'department_id',
  'department',
  'month',
  'issued',
  'closed',
  'closed_on_time',
  'on_time_rate',
  'sent_back_orders',
  'send_backs',
  'rechecked',
  'reopened_on_recheck',
  'problems',
  'problems_withdrawn_on_appeal',
  'cases_assigned',
  'problems_per_1000_cases',
] as const

/** The KPI rows as CSV (UTF-8 with a byte-order mark, for Excel), a header row first. */
export function kpisCsv(rows: readonly KpiRow[], names: ReadonlyMap<string, string>): string {
  let out = CSV_BOM + csvLine([...KPI_CSV_HEADER])
  for (const r of rows) {
    out += csvLine([
      r.departmentId === '*' ? '' : r.departmentId,
      r.departmentId === '*' ? '' : (names.get(r.departmentId) ?? ''),
      r.month ?? '',
      r.issued,
      r.closed,
      r.closedOnTime,
      r.onTimeRate,
      r.sentBackOrders,
      r.sendBacks,
      r.rechecked,
      r.reopened,
      r.problems,
      r.problemsWithdrawn,
      r.casesAssigned,
      r.problemsPer1000Cases,
    ])
  }
  return out
}
