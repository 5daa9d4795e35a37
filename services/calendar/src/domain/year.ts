// A year's table as the calendar service keeps it, and the pure rules of publishing it: what a change
// makes of the stored table (a new revision, or nothing when the table is the same), the faults that
// refuse it, and the event that announces it. No I/O; the clock's `now` is passed in.
import {
  builtInYear,
  calendarFromTables,
  type Fault,
  type PublishedYear,
  type TableHoliday,
  type TableRegion,
  validateYearTable,
  type WorkingDayCalendar,
} from '@tingjian/calendar'
import { CalendarEvents, calendarSubject, type EventEnvelope, type Static } from '@tingjian/contracts'

/** The stored document of one year (`_id` = `year-<YYYY>`): the published table and when it was last announced. */
export interface YearDoc extends PublishedYear {
  /** When the table was last put on the bus (publication or re-announcement). */
  readonly announcedAt: string
}

export type YearPublished = Static<(typeof CalendarEvents.yearPublished)['data']>

/** The national part of a table, as an administrator sends it. */
export interface NationalTable {
  readonly source: string
  readonly holidays: readonly TableHoliday[]
}

/** What a request changes: the national table, or one region's overrides (null: remove them). */
export type YearChange =
  | { readonly kind: 'national'; readonly table: NationalTable }
  | { readonly kind: 'region'; readonly code: string; readonly overrides: TableRegion | null }

export const yearId = (year: number): string => calendarSubject(year)

/** The table a year has before anyone published it: the built-in one (revision 0), else none. */
export function builtInTable(year: number): PublishedYear | undefined {
  const y = builtInYear(year)
  return y
    ? {
        year,
        source: y.source,
        holidays: y.holidays,
        regions: {},
        revision: 0,
        publishedAt: '',
        publishedBy: '',
      }
    : undefined
}

/** The outcome of a change: the next document, nothing to do (the same table), or the faults that refuse it. */
export type Publication =
  | { readonly outcome: 'published'; readonly doc: YearDoc }
  | { readonly outcome: 'unchanged' }
  | { readonly outcome: 'refused'; readonly faults: Fault[] }

/**
 * Applies a change to the current table of a year (stored, built-in, or none): judged whole by the
 * calendar's validator; an identical table is no new revision (a PUT repeated is idempotent).
 */
export function publish(
  year: number,
  current: PublishedYear | null,
  change: YearChange,
  actor: string,
  now: Date,
): Publication {
  const base = current ?? builtInTable(year)
  let national: NationalTable
  let regions: Record<string, TableRegion> = { ...(base?.regions ?? {}) }
  if (change.kind === 'national') national = change.table
  else {
    if (!base) {
      return {
        outcome: 'refused',
        faults: [
          { path: '/holidays', message: `${year} has no national table yet: publish it before its regions` },
        ],
      }
    }
    national = { source: base.source, holidays: base.holidays }
    if (change.overrides === null) delete regions[change.code]
    else regions = { ...regions, [change.code]: change.overrides }
  }
  const faults = validateYearTable({ year, source: national.source, holidays: national.holidays, regions })
  if (faults.length > 0) return { outcome: 'refused', faults }
  const same =
    current !== null &&
    canonical({ source: current.source, holidays: current.holidays, regions: current.regions }) ===
      canonical({ source: national.source, holidays: national.holidays, regions })
  if (same) return { outcome: 'unchanged' }
  const at = now.toISOString()
  return {
    outcome: 'published',
    doc: {
      year,
      revision: (current?.revision ?? 0) + 1,
      source: national.source,
      holidays: national.holidays,
      regions,
      publishedAt: at,
      publishedBy: actor,
      announcedAt: at,
    },
  }
}

/** The event data of a stored year: the whole table (without the service's own bookkeeping). */
export function publishedYearOf(doc: PublishedYear): PublishedYear {
  const { year, revision, source, holidays, regions, publishedAt, publishedBy } = doc
  return { year, revision, source, holidays, regions, publishedAt, publishedBy }
}

/** `calendar.year-published` for a stored year (also its re-announcement: same revision). */
export function yearPublishedEvent(
  doc: PublishedYear,
  meta: { now: Date; correlationId?: string },
): EventEnvelope<YearPublished> {
  return CalendarEvents.yearPublished.create({
    subject: yearId(doc.year),
    occurredAt: meta.now,
    ...(meta.correlationId ? { correlationId: meta.correlationId } : {}),
    data: publishedYearOf(doc) as YearPublished, // validated against the catalogue by create()
  })
}

/** Whether a stored year is due to be announced again (its last announcement older than `intervalMs`). */
export function dueForReannouncement(doc: YearDoc, now: Date, intervalMs: number): boolean {
  return now.getTime() - Date.parse(doc.announcedAt) >= intervalMs
}

/** The calendar of the stored tables over the built-in ones. */
export function calendarOf(docs: readonly PublishedYear[]): WorkingDayCalendar {
  return calendarFromTables(docs.map(publishedYearOf))
}

export interface CoverageView {
  years: number[]
  currentYear: number
  currentYearCovered: boolean
  nextYear: number
  nextYearCovered: boolean
  /** From 1 November while next year is not covered: administrators and supervisors are warned. */
  warning: boolean
  from: string
  to: string
}

/** Which years are covered, judged on the clock's day in the calendar's time zone (Asia/Shanghai). */
export function coverageAt(calendar: WorkingDayCalendar, now: Date): CoverageView {
  const today = calendar.localDate(now)
  const currentYear = Number(today.slice(0, 4))
  const nextYear = currentYear + 1
  const { years, from, to } = calendar.coverage()
  const nextYearCovered = years.includes(nextYear)
  return {
    years: [...years],
    currentYear,
    currentYearCovered: years.includes(currentYear),
    nextYear,
    nextYearCovered,
    warning: !nextYearCovered && today >= `${currentYear}-11-01`,
    from,
    to,
  }
}

/** A stable text of a value (keys sorted), to tell an identical table from a changed one. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
