// What every service that counts working days does with the calendar service's tables: read the
// `calendar.year-published` event's table (checked, or its faults), and count with a calendar whose tables
// are replaced while the service runs. Pure: the services store the tables and feed them in.
import {
  calendarFromTables,
  type Fault,
  type PublishedYear,
  type TableRegionDays,
  validateYearTable,
} from './published.ts'
import type { CalendarOptions, Coverage, DayInput, WorkingDayCalendar } from './types.ts'

/**
 * The event's table as the calendar counts with it (only the fields a table has, its dates checked to be
 * real days), or every fault that makes it unusable. `data` is the event's data as it arrives (the
 * contracts' `PublishedYearSchema` has this shape, dates as strings). The calendar service validates
 * before it publishes, but a table that would stop the calendar from being built must never be stored:
 * the service could not start with it.
 */
export function tableFromPublished(data: PublishedYear): { table: PublishedYear } | { faults: Fault[] } {
  const faults = validateYearTable(data)
  // the revision decides which of two tables of a year is counted with (calendarFromTables)
  if (faults.length === 0 && (!Number.isInteger(data.revision) || data.revision < 1))
    faults.push({ path: '/revision', message: 'must be a positive integer' })
  if (faults.length) return { faults }
  const days = (d: TableRegionDays): TableRegionDays =>
    d.to === undefined ? { name: d.name, from: d.from } : { name: d.name, from: d.from, to: d.to }
  const regions = Object.fromEntries(
    Object.entries(data.regions ?? {}).map(([code, r]) => [
      code,
      {
        ...(r.name ? { name: r.name } : {}),
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.holidays ? { holidays: r.holidays.map(days) } : {}),
        ...(r.workingDays ? { workingDays: r.workingDays.map(days) } : {}),
      },
    ]),
  )
  return {
    table: {
      year: data.year,
      revision: data.revision,
      source: data.source,
      publishedAt: data.publishedAt,
      publishedBy: data.publishedBy,
      holidays: data.holidays.map((h) => ({
        name: h.name,
        from: h.from,
        to: h.to,
        ...(h.makeUpWorkdays ? { makeUpWorkdays: [...h.makeUpWorkdays] } : {}),
      })),
      regions,
    },
  }
}

/** The years from `from`'s to `to`'s (either order) that the calendar does not cover: Monday to Friday assumed there. */
export function uncoveredYears(
  calendar: Pick<WorkingDayCalendar, 'localDate' | 'isCovered'>,
  from: DayInput,
  to: DayInput,
): number[] {
  const yearOf = (d: DayInput) => Number((d instanceof Date ? calendar.localDate(d) : d).slice(0, 4))
  const first = yearOf(from)
  const last = yearOf(to)
  const out: number[] = []
  for (let y = Math.min(first, last); y <= Math.max(first, last); y++) {
    // the middle of the year (UTC) is the same day in every time zone: the year's coverage
    if (!calendar.isCovered(new Date(Date.UTC(y, 6, 1)))) out.push(y)
  }
  return out
}

/** Called with the years a count crossed that no table covers (Monday to Friday was assumed there). */
export type UncoveredListener = (years: number[]) => void

/**
 * A WorkingDayCalendar whose tables can be replaced while the service runs: one object for the whole app
 * (routes, consumers, schedulers), rebuilt in place when a table arrives. Every count that reaches into a
 * year no table covers is reported to the listener, if one is set (e.g. the service's daily warning).
 */
export class PublishedCalendar implements WorkingDayCalendar {
  #current: WorkingDayCalendar
  #listener: UncoveredListener | null = null
  readonly #options: Omit<CalendarOptions, 'years'>

  /** `options`: the regional overrides and time zone that published tables add to (default none). */
  constructor(options: Omit<CalendarOptions, 'years'> = {}) {
    this.#options = options
    this.#current = calendarFromTables([], options)
  }

  /**
   * Counts with these tables from now on (the built-in years stay for the years none replaces). Throws
   * `InvalidCalendarDataError`, and keeps counting with the tables it had, when they contradict each other.
   */
  use(tables: readonly PublishedYear[]): void {
    this.#current = calendarFromTables(tables, this.#options)
  }

  onUncovered(listener: UncoveredListener | null): void {
    this.#listener = listener
  }

  #counted(from: DayInput, to: DayInput): void {
    if (!this.#listener) return
    const years = uncoveredYears(this.#current, from, to)
    if (years.length) this.#listener(years)
  }

  isWorkingDay(day: DayInput, region?: string): boolean {
    return this.#current.isWorkingDay(day, region)
  }
  describe(day: DayInput, region?: string) {
    return this.#current.describe(day, region)
  }
  localDate(instant: Date) {
    return this.#current.localDate(instant)
  }
  startOfDay(day: DayInput): Date {
    return this.#current.startOfDay(day)
  }
  endOfDay(day: DayInput): Date {
    return this.#current.endOfDay(day)
  }
  addWorkingDays(from: DayInput, n: number, region?: string): Date {
    const at = this.#current.addWorkingDays(from, n, region)
    this.#counted(from, at)
    return at
  }
  workingDaysBetween(from: DayInput, to: DayInput, region?: string): number {
    this.#counted(from, to)
    return this.#current.workingDaysBetween(from, to, region)
  }
  nextWorkingDay(after: DayInput, region?: string) {
    const day = this.#current.nextWorkingDay(after, region)
    this.#counted(after, day)
    return day
  }
  previousWorkingDay(before: DayInput, region?: string) {
    const day = this.#current.previousWorkingDay(before, region)
    this.#counted(day, before)
    return day
  }
  coverage(): Coverage {
    return this.#current.coverage()
  }
  isCovered(day: DayInput): boolean {
    return this.#current.isCovered(day)
  }
}
