// Calendar days without a time zone, as `YYYY-MM-DD` strings outside and as day numbers inside.
import { InvalidDayError } from './errors.ts'

/** A calendar day, `YYYY-MM-DD`, in no particular time zone. */
export type LocalDate = `${number}-${number}-${number}`

/** Days since 1970-01-01; the calendar's internal representation of a local date. */
export type DayNumber = number

export const MS_PER_DAY = 86_400_000

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** The day number of a `YYYY-MM-DD` string, or `undefined` when it is not a real date. */
export function dayNumberOf(value: unknown): DayNumber | undefined {
  if (typeof value !== 'string') return undefined
  const m = PATTERN.exec(value)
  if (!m) return undefined
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined
  return Math.round(d.getTime() / MS_PER_DAY)
}

export function isLocalDate(value: unknown): value is LocalDate {
  return dayNumberOf(value) !== undefined
}

/** Checks a string (e.g. from a request) and returns it as a `LocalDate`; throws when it isn't one. */
export function parseLocalDate(value: string): LocalDate {
  if (!isLocalDate(value))
    throw new InvalidDayError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(value)}`)
  return value
}

export function localDateOf(day: DayNumber): LocalDate {
  const d = new Date(day * MS_PER_DAY)
  const y = String(d.getUTCFullYear()).padStart(4, '0')
  const m = String(d.getUTCMonth() + 1).padStart(2, '0')
  const dd = String(d.getUTCDate()).padStart(2, '0')
  return `${y}-${m}-${dd}` as LocalDate
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  // 1970-01-01 was a Thursday
  return (((day + 4) % 7) + 7) % 7
}

export function isWeekend(day: DayNumber): boolean {
  const w = weekdayOf(day)
  return w === 0 || w === 6
}

export function yearOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear()
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
