// Deadlines on the working-day calendar: an order's deadlines fall at the end of the working day, 17:30 in
// Asia/Shanghai (the calendar's zone), not at midnight.
import { isLocalDate, type LocalDate, type WorkingDayCalendar } from '@tingjian/calendar'

export type Calendar = Pick<
  WorkingDayCalendar,
  'addWorkingDays' | 'localDate' | 'startOfDay' | 'previousWorkingDay' | 'isWorkingDay'
>

/** The end of the working day: 17:30 local time. */
export const WORKDAY_END_MS = (17 * 60 + 30) * 60_000

/** 17:30 of a local day. */
export function workdayEnd(calendar: Calendar, day: LocalDate): Date {
  return new Date(calendar.startOfDay(day).getTime() + WORKDAY_END_MS)
}

/** 17:30 of the n-th working day after `from`'s day (n ≥ 1). */
export function afterWorkingDays(calendar: Calendar, from: Date, n: number): Date {
  return workdayEnd(calendar, calendar.localDate(calendar.addWorkingDays(from, n)))
}

/** A calendar date given in a request, as a real `YYYY-MM-DD`, or null. */
export function localDateOrNull(value: string): LocalDate | null {
  return isLocalDate(value) ? value : null
}

/** The month (`YYYY-MM`) of an instant in Asia/Shanghai. */
export function monthOf(calendar: Pick<Calendar, 'localDate'>, at: Date): string {
  return calendar.localDate(at).slice(0, 7)
}
