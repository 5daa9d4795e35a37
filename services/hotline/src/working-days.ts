// The working-day calendar the hotline counts service hours with: the built-in years of
// @tingjian/calendar, replaced by the year tables the calendar service publishes (kept in
// `calendar_years`, so that a restart counts with them at once). One object for the whole app, rebuilt in
// place when a table arrives.
import {
  calendarFromTables,
  type DayInput,
  type DayName,
  type Fault,
  type HolidayPeriod,
  type PublishedYear,
  parseLocalDate,
  type RegionDays,
  type RegionOverrides,
  validateYearTable,
  type WorkingDayCalendar,
} from '@tingjian/calendar'
import type { PublishedYearSchema, Static } from '@tingjian/contracts'
import { type Collection, upsert } from '@tingjian/store'

export const CALENDAR_YEARS = 'calendar_years'

export interface CalendarYearDoc {
  year: number
  revision: number
  table: PublishedYear
  eventId: string
}

export type CalendarYears = Collection<CalendarYearDoc>

/** Keeps a year's table unless the same or a higher revision is stored (a redelivery, a late older one). */
export async function storeYearTable(
  years: CalendarYears,
  table: PublishedYear,
  eventId: string,
): Promise<void> {
  const doc = { year: table.year, revision: table.revision, table, eventId }
  await upsert(
    years,
    `year-${table.year}`,
    () => doc,
    (stored) => (table.revision > stored.revision ? doc : null),
  )
}

export async function storedTables(years: CalendarYears): Promise<PublishedYear[]> {
  const out: PublishedYear[] = []
  let cursor: string | null = null
  do {
    const page = await years.find({}, { sort: [['year', 1]], limit: 100, cursor })
    out.push(...page.items.map((y) => y.table))
    cursor = page.nextCursor
  } while (cursor)
  return out
}

/**
 * The event's table as the calendar package types it, or its faults. (Tracking reads the same event the
 * same way in its working-days.ts; a shared reader in @tingjian/calendar would keep them one.)
 */
export function tableOf(
  data: Static<typeof PublishedYearSchema>,
): { table: PublishedYear } | { faults: Fault[] } {
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

/** A calendar whose tables can be replaced while the service runs. */
export class HotlineCalendar implements WorkingDayCalendar {
  #current: WorkingDayCalendar = calendarFromTables([])

  /** Counts with these tables from now on; throws (and keeps the old ones) when they contradict each other. */
  use(tables: readonly PublishedYear[]): void {
    this.#current = calendarFromTables(tables)
  }
  isWorkingDay(day: DayInput, region?: string) {
    return this.#current.isWorkingDay(day, region)
  }
  describe(day: DayInput, region?: string) {
    return this.#current.describe(day, region)
  }
  localDate(instant: Date) {
    return this.#current.localDate(instant)
  }
  startOfDay(day: DayInput) {
    return this.#current.startOfDay(day)
  }
  endOfDay(day: DayInput) {
    return this.#current.endOfDay(day)
  }
  addWorkingDays(from: DayInput, n: number, region?: string) {
    return this.#current.addWorkingDays(from, n, region)
  }
  workingDaysBetween(from: DayInput, to: DayInput, region?: string) {
    return this.#current.workingDaysBetween(from, to, region)
  }
  nextWorkingDay(after: DayInput, region?: string) {
    return this.#current.nextWorkingDay(after, region)
  }
  previousWorkingDay(before: DayInput, region?: string) {
    return this.#current.previousWorkingDay(before, region)
  }
  coverage() {
    return this.#current.coverage()
  }
  isCovered(day: DayInput) {
    return this.#current.isCovered(day)
  }
}
