// The year tables the hotline counts service hours with: the calendar service's published tables, kept in
// `calendar_years` so that a restart counts with them at once. The calendar itself (one object for the
// whole app, rebuilt in place when a table arrives) is @tingjian/calendar's `PublishedCalendar`.
import type { PublishedYear } from '@tingjian/calendar'
import { type Collection, upsert } from '@tingjian/store'

// The replaceable calendar is the calendar package's `PublishedCalendar` (tracking counts with it too);
// this name stays only for the app context's type.

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
