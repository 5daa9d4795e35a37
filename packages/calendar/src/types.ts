import type { LocalDate } from './local-date.ts'

/** A holiday's or working day's name, Chinese first. */
export interface DayName {
  readonly zh: string
  readonly en: string
}

/**
 * One holiday of a State Council notice: the days off (inclusive range) and the weekend days that
 * are worked instead (调休). Kept together because the notice announces them together, so a
 * correction touches one entry.
 */
export interface HolidayPeriod {
  readonly name: DayName
  readonly from: LocalDate
  /** Inclusive. */
  readonly to: LocalDate
  /** Saturdays or Sundays that are working days because of this holiday. */
  readonly makeUpWorkdays?: readonly LocalDate[]
}

/**
 * The national calendar of one year. A notice may reach into the neighbouring year (a New Year
 * holiday starting on 30 December), so dates may fall in December of `year - 1` or January of
 * `year + 1`.
 */
export interface YearData {
  readonly year: number
  /** Where the data comes from: the notice's title, number and date. */
  readonly source: string
  readonly holidays: readonly HolidayPeriod[]
}

/** A day or an inclusive range of days in a regional override. */
export interface RegionDays {
  readonly name: DayName
  readonly from: LocalDate
  /** Inclusive; defaults to `from`. */
  readonly to?: LocalDate
}

/**
 * What a region changes on top of the national calendar. A region's own entries win over its
 * parent's, which win over the national calendar.
 */
export interface RegionOverrides {
  readonly name?: DayName
  /** Region code whose overrides apply first (e.g. the province of a city). */
  readonly parent?: string
  /** Extra days off (e.g. an ethnic-minority festival). */
  readonly holidays?: readonly RegionDays[]
  /** Extra working days (e.g. a regional make-up day for such a festival). */
  readonly workingDays?: readonly RegionDays[]
}

export interface CalendarOptions {
  /** Year tables added to the built-in ones; a table for a built-in year replaces it. */
  readonly years?: readonly YearData[]
  /** Overrides keyed by region code. An unknown code means the national calendar. */
  readonly regions?: Readonly<Record<string, RegionOverrides>>
  /** Offset of the calendar's time zone from UTC; default 480 (Asia/Shanghai, no DST). */
  readonly timeZoneOffsetMinutes?: number
}

/**
 * - `workday`: an ordinary Monday to Friday.
 * - `weekend`: an ordinary Saturday or Sunday.
 * - `holiday`: a day off from the national or regional data.
 * - `adjusted-workday`: a working day from the data (调休 make-up day or regional extra working day).
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday'

export interface DayInfo {
  readonly date: LocalDate
  readonly working: boolean
  readonly kind: DayKind
  /** The holiday or make-up day's name; absent for ordinary days. */
  readonly name?: DayName
  /** The region code whose override decided the day; absent when the national calendar did. */
  readonly region?: string
  /** Whether the national data covers the day's year (otherwise Monday to Friday is assumed). */
  readonly covered: boolean
}

export interface Coverage {
  readonly from: LocalDate
  readonly to: LocalDate
  /** The covered years; when they have gaps, days in the gaps are not covered. */
  readonly years: readonly number[]
}

/** A day given as an instant (its local calendar day is used) or as a `YYYY-MM-DD` local date. */
export type DayInput = Date | LocalDate

export interface WorkingDayCalendar {
  /** Whether the local calendar day is a working day (in `region`, when given). */
  isWorkingDay(day: DayInput, region?: string): boolean
  /** Everything the calendar knows about a day: working or not, why, and the holiday's name. */
  describe(day: DayInput, region?: string): DayInfo
  /** The calendar day of an instant in the calendar's time zone. */
  localDate(instant: Date): LocalDate
  /** The first instant of a local day. */
  startOfDay(day: DayInput): Date
  /** The last millisecond of a local day (23:59:59.999 local time). */
  endOfDay(day: DayInput): Date
  /**
   * The deadline `n` working days after `from`: counts from the day after `from`'s local day and
   * returns the end of the n-th working day. `n = 0`: the end of `from`'s day if it is a working
   * day, else of the next working day. Negative `n` counts backwards from the day before.
   */
  addWorkingDays(from: DayInput, n: number, region?: string): Date
  /**
   * Working days after `from`'s local day up to and including `to`'s; negative when `to` is
   * earlier. `workingDaysBetween(a, b) === -workingDaysBetween(b, a)`.
   */
  workingDaysBetween(from: DayInput, to: DayInput, region?: string): number
  /** The first working day after `after`'s local day. */
  nextWorkingDay(after: DayInput, region?: string): LocalDate
  /** The last working day before `before`'s local day. */
  previousWorkingDay(before: DayInput, region?: string): LocalDate
  /** The span of years the national data covers. */
  coverage(): Coverage
  /** Whether the national data covers the day's year; outside it the calendar assumes Monday to Friday. */
  isCovered(day: DayInput): boolean
}
