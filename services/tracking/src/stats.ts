// Department statistics of the cases accepted in a period, by grouped counts (no case is loaded): shared by
// the staff statistics and the published monthly figures.
import type { LocalDate } from '@tingjian/calendar'
import type { Filter } from '@tingjian/store'
import type { Cases } from './case-store.ts'
import type { Calendar, Satisfaction } from './domain/case.ts'
import { overdueFilter } from './queues.ts'

export interface DepartmentCounts {
  departmentId: string
  /** Accepted (assigned) in the period with this lead department. */
  received: number
  /** Answered: replied or closed. */
  closed: number
  /** Answered by the due date. */
  onTimeClosed: number
  /** Levels ≥ 1 of the escalation ladder (or by hand). */
  escalated: number
  satisfaction: Record<Satisfaction, number>
}

/** An ISO instant range [from, to). */
export interface Period {
  from: string
  to: string
}

const accepted = (period: Period): Filter => ({
  acceptedAt: { $gte: period.from, $lt: period.to },
  departmentId: { $ne: null },
})

/** Counts of the cases accepted in the period, by lead department, sorted by department id. */
export async function departmentCounts(cases: Cases, period: Period): Promise<DepartmentCounts[]> {
  const groups = await cases.countBy(
    ['departmentId', 'status', 'onTime', 'escalationLevel', 'rating.satisfaction'],
    accepted(period),
  )
  const rows = new Map<string, DepartmentCounts>()
  for (const { key, count } of groups) {
    if (typeof key.departmentId !== 'string') continue
    let row = rows.get(key.departmentId)
    if (!row) {
      row = {
        departmentId: key.departmentId,
        received: 0,
        closed: 0,
        onTimeClosed: 0,
        escalated: 0,
        satisfaction: { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 },
      }
      rows.set(key.departmentId, row)
    }
    row.received += count
    if (key.status === 'replied' || key.status === 'closed') {
      row.closed += count
      if (key.onTime === true) row.onTimeClosed += count
    }
    if (typeof key.escalationLevel === 'number' && key.escalationLevel > 0) row.escalated += count
    const rating = key['rating.satisfaction']
    if (rating === 'satisfied' || rating === 'basically_satisfied' || rating === 'dissatisfied') {
      row.satisfaction[rating] += count
    }
  }
  return [...rows.values()].sort((a, b) => a.departmentId.localeCompare(b.departmentId))
}

/** Of the cases accepted in the period: how many are open and past their due date now, by department. */
export async function overdueCounts(cases: Cases, period: Period, now: Date): Promise<Map<string, number>> {
  const groups = await cases.countBy(['departmentId'], { $and: [accepted(period), overdueFilter(now)] })
  return new Map(
    groups.flatMap(({ key, count }) =>
      typeof key.departmentId === 'string' ? [[key.departmentId, count] as const] : [],
    ),
  )
}

/** A month as `YYYY-MM`. */
export type Month = string
export const MONTH_PATTERN = '^[12][0-9]{3}-(0[1-9]|1[0-2])$'

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + n
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** Months from `from` to `to`, both included (empty when from is after to). */
export function monthsBetween(from: Month, to: Month): Month[] {
  const months: Month[] = []
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m)
  return months
}

/** The month's instants in the calendar's time zone (Asia/Shanghai): [first day 00:00, next month). */
export function monthPeriod(month: Month, calendar: Pick<Calendar, 'startOfDay'>): Period {
  return {
    from: calendar.startOfDay(`${month}-01` as LocalDate).toISOString(),
    to: calendar.startOfDay(`${addMonths(month, 1)}-01` as LocalDate).toISOString(),
  }
}

/** The month of an instant in the calendar's time zone. */
export const monthOf = (instant: Date, calendar: Pick<Calendar, 'localDate'>): Month =>
  calendar.localDate(instant).slice(0, 7)
