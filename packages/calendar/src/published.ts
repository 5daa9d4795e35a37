// Year tables as data the platform holds: the validator that judges a table before it is published
// (every fault named, with the path of the field at fault), and the calendar built from published tables.
import { createCalendar } from './calendar.ts'
import { NATIONAL_YEARS } from './data/index.ts'
import {
  type DayNumber,
  dayNumberOf,
  isWeekend,
  localDateOf,
  WEEKDAY_NAMES,
  weekdayOf,
} from './local-date.ts'
import { MAX_RANGE_DAYS } from './tables.ts'
import type {
  CalendarOptions,
  DayInfo,
  DayName,
  RegionOverrides,
  WorkingDayCalendar,
  YearData,
} from './types.ts'

/**
 * A holiday period as a table holds it before it is judged: dates are strings (from a request or an
 * event); `validateYearTable` says whether they are real days in the right place.
 */
export interface TableHoliday {
  readonly name: DayName
  readonly from: string
  readonly to: string
  readonly makeUpWorkdays?: readonly string[]
}

/** A regional day or range as a table holds it (see `RegionDays`). */
export interface TableRegionDays {
  readonly name: DayName
  readonly from: string
  readonly to?: string
}

/** A region's overrides of one year as a table holds them (see `RegionOverrides`). */
export interface TableRegion {
  readonly name?: DayName
  readonly parent?: string
  readonly holidays?: readonly TableRegionDays[]
  readonly workingDays?: readonly TableRegionDays[]
}

/**
 * What `validateYearTable` judges: a year's national table and, optionally, that year's regional
 * overrides. A built-in `YearData` is one.
 */
export interface YearTable {
  readonly year: number
  /** The notice: title, number, date. */
  readonly source: string
  readonly holidays: readonly TableHoliday[]
  readonly regions?: Readonly<Record<string, TableRegion>>
}

/**
 * A year's table as the calendar service publishes it: the data of the `calendar.year-published`
 * event (the national holidays and that year's regional overrides, with its revision).
 */
export interface PublishedYear extends YearTable {
  /** Per year, +1 on each publication; a consumer keeps the highest it has seen. */
  readonly revision: number
  /** That year's regional overrides, keyed by region code; their days lie in the year. */
  readonly regions: Readonly<Record<string, TableRegion>>
  readonly publishedAt: string
  readonly publishedBy: string
}

/** One thing wrong with a table: where (a JSON pointer into the table) and what. */
export interface Fault {
  readonly path: string
  readonly message: string
}

/**
 * Every fault of a year's table, collected (an empty list: the table is sound). National dates may
 * reach from December of the year before to January of the year after (a notice may); regional days
 * lie in the year itself.
 */
export function validateYearTable(table: YearTable): Fault[] {
  const faults: Fault[] = []
  const fault = (path: string, message: string) => faults.push({ path, message })
  if (typeof table !== 'object' || table === null) return [{ path: '', message: 'must be a year table' }]
  const { year } = table
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    return [{ path: '/year', message: 'must be a four-digit integer year' }]
  }
  if (typeof table.source !== 'string' || table.source.trim() === '')
    fault('/source', 'must name the notice the table comes from (title, number, date)')

  const windowFrom = dayNumberOf(`${year - 1}-12-01`) as DayNumber
  const windowTo = dayNumberOf(`${year + 1}-01-31`) as DayNumber
  const yearFrom = dayNumberOf(`${year}-01-01`) as DayNumber
  const yearTo = dayNumberOf(`${year}-12-31`) as DayNumber

  // national: day → what listed it, to find overlaps and days listed twice
  const offDays = new Map<DayNumber, string>()
  const workDays = new Map<DayNumber, string>()
  const names = new Map<string, number>()

  const holidays = Array.isArray(table.holidays) ? table.holidays : undefined
  if (!holidays) fault('/holidays', 'must be a list of holiday periods')
  else if (holidays.length === 0) fault('/holidays', 'a national table lists at least one holiday period')

  for (const [i, h] of (holidays ?? []).entries()) {
    const at = `/holidays/${i}`
    const label = isName(h?.name) ? `${h.name.zh} (${h.name.en})` : `holiday ${i}`
    if (!isName(h?.name)) fault(`${at}/name`, 'must have a non-empty zh and en name')
    else {
      const keys = [`zh:${h.name.zh.trim()}`, `en:${h.name.en.trim().toLowerCase()}`]
      const first = keys.map((k) => names.get(k)).find((v) => v !== undefined)
      if (first !== undefined)
        fault(
          `${at}/name`,
          `${label}: the name is used twice (also /holidays/${first}); one period per holiday`,
        )
      for (const k of keys) if (!names.has(k)) names.set(k, i)
    }
    const range = checkRange(h, at, label, fault)
    if (range) {
      const [from, to] = range
      const outside = [from, to].some((d) => d < windowFrom || d > windowTo)
      if (outside) {
        fault(
          at,
          `${label}: ${localDateOf(from)}..${localDateOf(to)} is outside the ${year} table (${year - 1}-12-01 to ${year + 1}-01-31)`,
        )
      } else {
        const overlapped = new Set<string>()
        for (let d = from; d <= to; d++) {
          const other = offDays.get(d)
          if (other !== undefined) overlapped.add(other)
          else offDays.set(d, label)
        }
        for (const other of overlapped)
          fault(at, `${label}: ${localDateOf(from)}..${localDateOf(to)} overlaps ${other}`)
      }
    }
    const makeUp = h?.makeUpWorkdays ?? []
    if (!Array.isArray(makeUp)) {
      fault(`${at}/makeUpWorkdays`, 'must be a list of dates')
      continue
    }
    for (const [j, date] of makeUp.entries()) {
      const where = `${at}/makeUpWorkdays/${j}`
      const d = dayNumberOf(date)
      if (d === undefined) {
        fault(where, `${JSON.stringify(date)} is not a YYYY-MM-DD calendar date`)
        continue
      }
      if (d < windowFrom || d > windowTo) {
        fault(
          where,
          `make-up working day ${date} is outside the ${year} table (${year - 1}-12-01 to ${year + 1}-01-31)`,
        )
        continue
      }
      if (!isWeekend(d))
        fault(
          where,
          `make-up working day ${date} is a ${WEEKDAY_NAMES[weekdayOf(d)]}; make-up days (调休) are Saturdays or Sundays`,
        )
      const twice = workDays.get(d)
      if (twice !== undefined) fault(where, `make-up working day ${date} is listed twice (also by ${twice})`)
      else workDays.set(d, label)
    }
  }
  // a day both off and worked, whichever period listed it
  for (const [d, worker] of workDays) {
    const off = offDays.get(d)
    if (off === undefined) continue
    const [i, j] = findMakeUp(holidays ?? [], d)
    fault(
      `/holidays/${i}/makeUpWorkdays/${j}`,
      `${localDateOf(d)} is a make-up working day of ${worker} and a day off of ${off}`,
    )
  }

  const regions = table.regions ?? {}
  if (typeof regions !== 'object' || regions === null || Array.isArray(regions)) {
    fault('/regions', 'must be an object keyed by region code')
    return faults
  }
  for (const [code, overrides] of Object.entries(regions)) {
    const at = `/regions/${escapePointer(code)}`
    if (!/^[0-9A-Za-z_-]{1,20}$/.test(code))
      fault(at, `region code ${JSON.stringify(code)} must be 1–20 letters, digits, - or _`)
    if (typeof overrides !== 'object' || overrides === null) {
      fault(at, 'must be an object of regional overrides')
      continue
    }
    if (overrides.name !== undefined && !isName(overrides.name))
      fault(`${at}/name`, 'must have a non-empty zh and en name')
    if (overrides.parent !== undefined) {
      if (overrides.parent === code) fault(`${at}/parent`, `region ${code} cannot be its own parent`)
      else if (!Object.hasOwn(regions, overrides.parent))
        fault(`${at}/parent`, `parent ${JSON.stringify(overrides.parent)} is not among the year's regions`)
      else if (hasCycle(regions, code)) fault(`${at}/parent`, `the parents of region ${code} form a cycle`)
    }
    const seen = new Map<DayNumber, string>()
    for (const field of ['holidays', 'workingDays'] as const) {
      const entries = overrides[field]
      if (entries === undefined) continue
      if (!Array.isArray(entries)) {
        fault(`${at}/${field}`, 'must be a list of days')
        continue
      }
      for (const [i, e] of entries.entries()) {
        const where = `${at}/${field}/${i}`
        const label = isName(e?.name) ? `${e.name.zh} (${e.name.en})` : `${field} ${i}`
        if (!isName(e?.name)) fault(`${where}/name`, 'must have a non-empty zh and en name')
        const range = checkRange({ from: e?.from, to: e?.to ?? e?.from }, where, label, fault)
        if (!range) continue
        const [from, to] = range
        if (from < yearFrom || to > yearTo) {
          fault(where, `region ${code} ${label}: ${localDateOf(from)}..${localDateOf(to)} is outside ${year}`)
          continue
        }
        const clashes = new Set<string>()
        for (let d = from; d <= to; d++) {
          const other = seen.get(d)
          if (other !== undefined) clashes.add(other)
          else seen.set(d, `${field}/${i} ${label}`)
        }
        for (const other of clashes) fault(where, `region ${code} ${label} overlaps ${other}`)
      }
    }
  }
  return faults
}

/**
 * The calendar of the published tables: the built-in years stay the defaults, a published year
 * replaces the built-in one (the highest revision when a year comes twice), and the regional
 * overrides of all years are merged per region code (name and parent from the latest year that sets
 * them). Throws `InvalidCalendarDataError` as `createCalendar` does when the tables contradict each other.
 */
export function calendarFromTables(
  tables: readonly PublishedYear[],
  options: Omit<CalendarOptions, 'years'> = {},
): WorkingDayCalendar {
  const latest = new Map<number, PublishedYear>()
  for (const t of tables) {
    const known = latest.get(t.year)
    if (!known || t.revision > known.revision) latest.set(t.year, t)
  }
  const years = [...latest.values()].sort((a, b) => a.year - b.year)
  const regions = new Map<
    string,
    { name?: DayName; parent?: string; holidays: TableRegionDays[]; workingDays: TableRegionDays[] }
  >()
  const sources: Array<Readonly<Record<string, TableRegion>>> = [
    options.regions ?? {},
    ...years.map((y) => y.regions ?? {}),
  ]
  for (const source of sources) {
    for (const [code, o] of Object.entries(source)) {
      const merged = regions.get(code) ?? { holidays: [], workingDays: [] }
      if (o.name !== undefined) merged.name = o.name
      if (o.parent !== undefined) merged.parent = o.parent
      merged.holidays.push(...(o.holidays ?? []))
      merged.workingDays.push(...(o.workingDays ?? []))
      regions.set(code, merged)
    }
  }
  // Dates are strings here; createCalendar checks every one and throws InvalidCalendarDataError naming
  // what is wrong, so the tables are passed as the shapes it checks.
  return createCalendar({
    ...options,
    years: years.map(({ year, source, holidays }) => ({ year, source, holidays }) as YearData),
    regions: Object.fromEntries(regions) as Record<string, RegionOverrides>,
  })
}

/** Every day of a year as the calendar sees it (in `region`, when given): for a month grid. */
export function daysOfYear(calendar: WorkingDayCalendar, year: number, region?: string): DayInfo[] {
  const from = dayNumberOf(`${String(year).padStart(4, '0')}-01-01`)
  const to = dayNumberOf(`${String(year).padStart(4, '0')}-12-31`)
  if (from === undefined || to === undefined) return []
  const days: DayInfo[] = []
  for (let d = from; d <= to; d++) days.push(calendar.describe(localDateOf(d), region))
  return days
}

/** The built-in table of a year, if the package ships one. */
export function builtInYear(year: number): YearData | undefined {
  return NATIONAL_YEARS.find((y) => y.year === year)
}

function checkRange(
  e: { from?: unknown; to?: unknown },
  at: string,
  label: string,
  fault: (path: string, message: string) => void,
): [DayNumber, DayNumber] | undefined {
  const from = dayNumberOf(e?.from)
  const to = dayNumberOf(e?.to)
  if (from === undefined) fault(`${at}/from`, `${JSON.stringify(e?.from)} is not a YYYY-MM-DD calendar date`)
  if (to === undefined) fault(`${at}/to`, `${JSON.stringify(e?.to)} is not a YYYY-MM-DD calendar date`)
  if (from === undefined || to === undefined) return undefined
  if (from > to) {
    fault(`${at}/to`, `${label}: from ${localDateOf(from)} is after to ${localDateOf(to)}`)
    return undefined
  }
  if (to - from + 1 > MAX_RANGE_DAYS) {
    fault(
      at,
      `${label}: ${localDateOf(from)}..${localDateOf(to)} spans ${to - from + 1} days (at most ${MAX_RANGE_DAYS})`,
    )
    return undefined
  }
  return [from, to]
}

function findMakeUp(holidays: readonly TableHoliday[], day: DayNumber): [number, number] {
  for (const [i, h] of holidays.entries()) {
    const j = (Array.isArray(h?.makeUpWorkdays) ? h.makeUpWorkdays : []).findIndex(
      (d) => dayNumberOf(d) === day,
    )
    if (j >= 0) return [i, j]
  }
  return [0, 0]
}

function hasCycle(regions: Readonly<Record<string, TableRegion>>, code: string): boolean {
  const seen = new Set<string>()
  let current: string | undefined = code
  while (current !== undefined && Object.hasOwn(regions, current)) {
    if (seen.has(current)) return true
    seen.add(current)
    current = regions[current]?.parent
  }
  return false
}

function isName(name: unknown): name is DayName {
  if (typeof name !== 'object' || name === null) return false
  const { zh, en } = name as Record<string, unknown>
  return typeof zh === 'string' && zh.trim() !== '' && typeof en === 'string' && en.trim() !== ''
}

/** JSON pointer escaping of one segment (RFC 6901). */
function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}
