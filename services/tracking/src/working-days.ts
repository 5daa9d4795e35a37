// The working-day calendar tracking counts with: the built-in years of @tingjian/calendar, replaced by the
// year tables the calendar service publishes (`calendar.year-published`), kept in the `calendar_years`
// collection so that a restart counts with them at once. The object is one for the whole app (routes,
// consumers, scheduler) and is rebuilt in place whenever a table arrives.
import {
  calendarFromTables,
  InvalidCalendarDataError,
  type PublishedCalendar,
  type PublishedYear,
  type UncoveredListener,
} from '@tingjian/calendar'
import type { Collection } from '@tingjian/store'
import { upsert } from '@tingjian/store'

// The replaceable calendar lives in the calendar package (the hotline counts with it too); re-exported
// so that the app, the recomputation and the tests keep importing it from here.
export { PublishedCalendar, type UncoveredListener } from '@tingjian/calendar'

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
