import { NATIONAL_YEARS } from './data/index.ts'
import { InvalidCalendarDataError, InvalidDayError } from './errors.ts'
import {
  type DayNumber,
  dayNumberOf,
  isWeekend,
  type LocalDate,
  localDateOf,
  MS_PER_DAY,
  yearOf,
} from './local-date.ts'
import { compileTables, type DayRule } from './tables.ts'
import type { CalendarOptions, Coverage, DayInfo, DayInput, WorkingDayCalendar } from './types.ts'

/** Asia/Shanghai: UTC+8 all year (China has had no daylight saving time since 1991). */
export const SHANGHAI_OFFSET_MINUTES = 480

/**
 * Largest |n| accepted by `addWorkingDays`: far beyond any time limit, small enough that a
 * mistaken count (a timestamp passed as n) fails at once instead of looping for minutes.
 */
export const MAX_WORKING_DAYS = 100_000

export function createCalendar(options: CalendarOptions = {}): WorkingDayCalendar {
  const offsetMinutes = options.timeZoneOffsetMinutes ?? SHANGHAI_OFFSET_MINUTES
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60) {
    throw new InvalidCalendarDataError([
      `timeZoneOffsetMinutes must be an integer between -840 and 840, got ${String(offsetMinutes)}`,
    ])
  }
  const offsetMs = offsetMinutes * 60_000
  const tables = compileTables(NATIONAL_YEARS, options.years ?? [], options.regions ?? {})
  const coveredYears = new Set(tables.years)

  const dayOfInstant = (instant: Date): DayNumber => {
    const ms = instant.getTime()
    if (Number.isNaN(ms)) throw new InvalidDayError('not a valid Date (its time is NaN)')
    const day = Math.floor((ms + offsetMs) / MS_PER_DAY)
    const year = yearOf(day)
    if (year < 0 || year > 9999)
      throw new InvalidDayError(`${instant.toISOString()} is outside years 0000–9999`)
    return day
  }

  const toDay = (day: DayInput): DayNumber => {
    if (day instanceof Date) return dayOfInstant(day)
    const n = dayNumberOf(day)
    if (n === undefined) throw new InvalidDayError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(day)}`)
    return n
  }

  const ruleOf = (day: DayNumber, region: string | undefined): DayRule | undefined =>
    (region === undefined ? undefined : tables.regions.get(region)?.get(day)) ?? tables.national.get(day)

  const working = (day: DayNumber, region: string | undefined): boolean => {
    const rule = ruleOf(day, region)
    return rule ? rule.working : !isWeekend(day)
  }

  const endOf = (day: DayNumber): Date => new Date((day + 1) * MS_PER_DAY - offsetMs - 1)

  const step = (day: DayNumber, direction: 1 | -1, region: string | undefined): DayNumber => {
    let d = day + direction
    while (!working(d, region)) d += direction
    return d
  }

  const coverage: Coverage = Object.freeze({
    from: `${String(tables.years[0]).padStart(4, '0')}-01-01` as LocalDate,
    to: `${String(tables.years.at(-1)).padStart(4, '0')}-12-31` as LocalDate,
    years: Object.freeze([...tables.years]),
  })

  return {
    isWorkingDay: (day, region) => working(toDay(day), region),

    describe(day, region): DayInfo {
      const d = toDay(day)
      const rule = ruleOf(d, region)
      const covered = coveredYears.has(yearOf(d))
      const date = localDateOf(d)
      if (!rule) {
        const weekend = isWeekend(d)
        return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', covered }
      }
      return {
        date,
        working: rule.working,
        kind: rule.working ? 'adjusted-workday' : 'holiday',
        name: rule.name,
        ...(rule.region === undefined ? {} : { region: rule.region }),
        covered,
      }
    },

    localDate: (instant) => localDateOf(dayOfInstant(instant)),

    startOfDay: (day) => new Date(toDay(day) * MS_PER_DAY - offsetMs),

    endOfDay: (day) => endOf(toDay(day)),

    addWorkingDays(from, n, region) {
      if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) {
        throw new InvalidDayError(
          `n must be an integer between ${-MAX_WORKING_DAYS} and ${MAX_WORKING_DAYS}, got ${n}`,
        )
      }
      let d = toDay(from)
      if (n === 0) return endOf(working(d, region) ? d : step(d, 1, region))
      const direction = n > 0 ? 1 : -1
      for (let left = Math.abs(n); left > 0; left--) d = step(d, direction, region)
      return endOf(d)
    },

    workingDaysBetween(from, to, region) {
      const a = toDay(from)
      const b = toDay(to)
      const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1]
      let count = 0
      for (let d = low + 1; d <= high; d++) if (working(d, region)) count++
      return count === 0 ? 0 : sign * count
    },

    nextWorkingDay: (after, region) => localDateOf(step(toDay(after), 1, region)),

    previousWorkingDay: (before, region) => localDateOf(step(toDay(before), -1, region)),

    coverage: () => coverage,

    isCovered: (day) => coveredYears.has(yearOf(toDay(day))),
  }
}
