// The published year tables a service counts working days with, kept in its own store: the calendar
// service's `calendar.year-published` tables are stored in `calendar_years` (one document per year, the
// highest revision wins), loaded at start so that a restart counts with them at once, and fed into the
// app's one `PublishedCalendar` whenever a table arrives. Shared by the hotline and rectification (tracking
// keeps its own copy, which also recomputes its open cases' deadlines).
import type { EventBus, EventHandler, Subscription } from '@tingjian/bus'
import { CalendarEvents } from '@tingjian/contracts'
import { type Collection, upsert } from '@tingjian/store'
import { InvalidCalendarDataError } from './errors.ts'
import { calendarFromTables, type PublishedYear } from './published.ts'
import { type PublishedCalendar, tableFromPublished } from './published-calendar.ts'

// Renaming the collection needs a migration.
export const CALENDAR_YEARS = 'calendar_years'

/** One year's latest table. */
export interface CalendarYearDoc {
  year: number
  revision: number
  table: PublishedYear
  /** Id of the event the table came from. */
  eventId: string
}

export type CalendarYears = Collection<CalendarYearDoc>

/** The logging this module needs (a pino logger fits); it logs years, revisions and event ids only. */
export interface YearsLogger {
  info(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export const calendarYearId = (year: number): string => `year-${year}`

/**
 * Keeps the table unless the same or a higher revision of its year is stored: 'stored' or 'ignored' (a
 * redelivery, or an older revision arriving late). Other fields a service keeps on the document stay.
 */
export async function storeYearTable(
  years: CalendarYears,
  table: PublishedYear,
  eventId: string,
): Promise<'stored' | 'ignored'> {
  let outcome: 'stored' | 'ignored' = 'stored'
  const doc = { year: table.year, revision: table.revision, table, eventId }
  await upsert(
    years,
    calendarYearId(table.year),
    () => doc,
    (stored) => {
      outcome = table.revision > stored.revision ? 'stored' : 'ignored'
      return outcome === 'stored' ? { ...stored, ...doc } : null
    },
  )
  return outcome
}

/** Every stored year's table, oldest year first (a few dozen documents at most: one per year). */
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
 * At start: count with the stored tables. Tables that no longer make one calendar (stored by an older
 * version) are logged and the built-in years used, rather than refusing to start.
 */
export async function loadStoredTables(
  calendar: PublishedCalendar,
  years: CalendarYears,
  logger: YearsLogger,
): Promise<void> {
  try {
    calendar.use(await storedTables(years))
  } catch (err) {
    logger.error(
      { err: err instanceof Error ? err.message : String(err) },
      'stored calendar tables refused; built-in years used',
    )
  }
}

export interface CalendarYearsDeps {
  years: CalendarYears
  calendar: PublishedCalendar
  logger: YearsLogger
}

/**
 * The handler of `calendar.year-published`: a table with faults, or one that contradicts another stored
 * year, is logged and never stored (it would stop the calendar from being built at the next start); else
 * it is stored (idempotent by revision) and the calendar rebuilt from every stored table. Other events
 * are ignored.
 */
export function calendarYearsHandler(deps: CalendarYearsDeps): EventHandler {
  return async (event) => {
    if (!CalendarEvents.yearPublished.is(event)) return
    const checked = tableFromPublished(event.data)
    if ('faults' in checked) {
      deps.logger.error(
        { year: event.data.year, revision: event.data.revision, eventId: event.id, faults: checked.faults },
        'calendar year table refused',
      )
      return
    }
    const { table } = checked
    const others = (await storedTables(deps.years)).filter((y) => y.year !== table.year)
    const clash = contradiction([...others, table])
    if (clash) {
      deps.logger.error(
        { year: table.year, revision: table.revision, eventId: event.id, faults: clash },
        'calendar year table refused: it contradicts another year',
      )
      return
    }
    const outcome = await storeYearTable(deps.years, table, event.id)
    deps.calendar.use(await storedTables(deps.years))
    deps.logger.info(
      { year: table.year, revision: table.revision, eventId: event.id, outcome },
      'calendar year table',
    )
  }
}

/**
 * Subscribes the handler with a group of the service's own (`<service>.calendar`), which starts from the
 * beginning of the calendar topic: a service started after a publication still gets every year's table.
 */
export async function consumeCalendarYears(
  deps: CalendarYearsDeps & { bus: EventBus; group: string },
): Promise<Subscription> {
  return deps.bus.subscribe({ group: deps.group, streams: ['calendar'] }, calendarYearsHandler(deps))
}
