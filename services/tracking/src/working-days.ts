// The working-day calendar tracking counts with: the built-in years of @tingjian/calendar, replaced by the
// year tables the calendar service publishes (`calendar.year-published`), kept in the `calendar_years`
// collection so that a restart counts with them at once. The object is one for the whole app (routes,
// consumers, scheduler) and is rebuilt in place whenever a table arrives.
import {
  type CalendarOptions,
  type Coverage,
  calendarFromTables,
  type DayInput,
  type DayName,
  type Fault,
  type HolidayPeriod,
  InvalidCalendarDataError,
  type PublishedYear,
  parseLocalDate,
  type RegionDays,
  type RegionOverrides,
  validateYearTable,
  type WorkingDayCalendar,
} from '@tingjian/calendar'
import type { PublishedYearSchema, Static } from '@tingjian/contracts'
import type { Collection } from '@tingjian/store'
import { upsert } from '@tingjian/store'
import { uncoveredYears } from './domain/deadlines.ts'

export const CALENDAR_YEARS_COLLECTION = 'calendar_years'

/** One year's latest table, and how far the open cases' deadlines were counted again with it. */
export interface CalendarYearDoc {
  year: number
  revision: number
  table: PublishedYear
  /** Id of the event the table came from. */
  eventId: string
  /**
   * The revision whose recomputation of open cases' deadlines finished (0: none yet). Below `revision`,
   * a recomputation is pending (a crash midway): it is resumed at start and on the next delivery.
   */
  recomputedRevision: number
}

export type CalendarYears = Collection<CalendarYearDoc>

export const calendarYearId = (year: number): string => `year-${year}`

/**
 * Keeps the table unless the same or a higher revision of its year is stored: 'stored' or 'ignored'
 * (a redelivery, or an older revision arriving late).
 */
export async function storeYearTable(
  years: CalendarYears,
  table: PublishedYear,
  eventId: string,
): Promise<'stored' | 'ignored'> {
  let outcome: 'stored' | 'ignored' = 'stored'
  const doc = (recomputedRevision: number): CalendarYearDoc => ({
    year: table.year,
    revision: table.revision,
    table,
    eventId,
    recomputedRevision,
  })
  await upsert(
    years,
    calendarYearId(table.year),
    () => doc(0),
    (stored) => {
      outcome = table.revision > stored.revision ? 'stored' : 'ignored'
      return outcome === 'stored' ? doc(stored.recomputedRevision) : null
    },
  )
  return outcome
}

/** Every stored year (a few dozen documents at most: one per year). */
export async function storedYears(years: CalendarYears): Promise<CalendarYearDoc[]> {
  const out: CalendarYearDoc[] = []
  let cursor: string | null = null
  do {
    const page = await years.find({}, { sort: [['year', 1]], limit: 100, cursor })
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

type YearPublished = Static<typeof PublishedYearSchema>

/**
 * The event's table as the calendar package types it (its dates checked to be real days), or the faults
 * that make it unusable: the calendar service validates before it publishes, but a table that would stop
 * the calendar from being built must never be stored (the service could not start with it).
 */
export function tableOf(data: YearPublished): { table: PublishedYear } | { faults: Fault[] } {
  let table: PublishedYear
  try {
    const days = (d: { name: DayName; from: string; to?: string }): RegionDays =>
      d.to === undefined
        ? { name: d.name, from: parseLocalDate(d.from) }
        : { name: d.name, from: parseLocalDate(d.from), to: parseLocalDate(d.to) }
    const regions: Record<string, RegionOverrides> = {}
    for (const [code, r] of Object.entries(data.regions)) {
      regions[code] = {
        ...(r.name ? { name: r.name } : {}),
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.holidays ? { holidays: r.holidays.map(days) } : {}),
        ...(r.workingDays ? { workingDays: r.workingDays.map(days) } : {}),
      }
    }
    table = {
      year: data.year,
      revision: data.revision,
      source: data.source,
      publishedAt: data.publishedAt,
      publishedBy: data.publishedBy,
      holidays: data.holidays.map(
        (h): HolidayPeriod => ({
          name: h.name,
          from: parseLocalDate(h.from),
          to: parseLocalDate(h.to),
          ...(h.makeUpWorkdays ? { makeUpWorkdays: h.makeUpWorkdays.map(parseLocalDate) } : {}),
        }),
      ),
      regions,
    }
  } catch (err) {
    return { faults: [{ path: '', message: err instanceof Error ? err.message : String(err) }] }
  }
  const faults = validateYearTable(table)
  return faults.length ? { faults } : { table }
}

/** Why these tables do not make one calendar (null: they do), e.g. two years' notices listing one day. */
export function contradiction(tables: readonly PublishedYear[]): string[] | null {
  try {
    calendarFromTables(tables)
    return null
  } catch (err) {
    if (err instanceof InvalidCalendarDataError) return [...err.issues]
    throw err
  }
}

/** Called with the years a count crossed that no table covers (Monday to Friday was assumed there). */
export type UncoveredListener = (years: number[]) => void

/**
 * A WorkingDayCalendar whose tables can be replaced while the service runs. Every count that reaches into
 * a year no table covers is reported to the listener (the service's daily warning).
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

  /** Counts with these tables from now on (the built-in years stay for the years none replaces). */
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

/**
 * The service's warning while it counts on days no table covers: one a day (the calendar day of the
 * injected clock) per service instance, naming the years; never a case or anything personal.
 */
export function dailyUncoveredWarning(
  calendar: PublishedCalendar,
  clock: { now(): Date },
  logger: { warn(obj: object, msg?: string): void },
): UncoveredListener {
  let warnedOn: string | null = null
  return (years) => {
    const today = calendar.localDate(clock.now())
    if (today === warnedOn) return
    warnedOn = today
    logger.warn(
      { uncoveredYears: years, coveredYears: [...calendar.coverage().years] },
      'working days counted in a year no calendar table covers: Monday to Friday assumed, due dates provisional',
    )
  }
}
