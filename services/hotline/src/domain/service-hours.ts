// The line's service hours on the working-day calendar, and "N working hours later" counted in them (the
// callback list's due time). Times are Asia/Shanghai (the calendar's zone). Pure.
import type { WorkingDayCalendar } from '@tingjian/calendar'

/**
 * `24x7`: always open. `workdays`: on the calendar's working days (make-up days included, holidays not)
 * between `open` and `close`; `daily`: every day between them. Minutes after local midnight.
 */
export type ServiceHours =
  | { kind: '24x7' }
  | { kind: 'workdays' | 'daily'; openMinute: number; closeMinute: number }

const SPEC = /^(workdays|daily) ([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/

/** Parses `24x7`, `workdays 08:30-17:30` or `daily 08:00-20:00`; null when it is neither. */
export function parseServiceHours(spec: string): ServiceHours | null {
  const s = spec.trim().toLowerCase()
  if (s === '24x7') return { kind: '24x7' }
  const m = SPEC.exec(s)
  if (!m) return null
  const openMinute = Number(m[2]) * 60 + Number(m[3])
  const closeMinute = Number(m[4]) * 60 + Number(m[5])
  if (closeMinute > 24 * 60 || closeMinute <= openMinute) return null
  return { kind: m[1] as 'workdays' | 'daily', openMinute, closeMinute }
}

const MINUTE = 60_000

/** Whether the line takes calls at `at`. */
export function isOpen(hours: ServiceHours, at: Date, calendar: WorkingDayCalendar): boolean {
  if (hours.kind === '24x7') return true
  if (hours.kind === 'workdays' && !calendar.isWorkingDay(at)) return false
  const minute = (at.getTime() - calendar.startOfDay(at).getTime()) / MINUTE
  return minute >= hours.openMinute && minute < hours.closeMinute
}

/** How far ahead a count may look for open hours (a misconfiguration must not loop for ever). */
const MAX_DAYS = 400

/**
 * The instant `hours` hours of service after `from`: with `24x7` plain hours; otherwise only the time
 * inside the open windows counts (a missed call at 17:00 with 2 working hours due and 08:30-17:30 hours
 * is due at 10:00 on the next working day).
 */
export function addServiceHours(
  hours: ServiceHours,
  from: Date,
  n: number,
  calendar: WorkingDayCalendar,
): Date {
  let remaining = n * 60 * MINUTE
  if (hours.kind === '24x7') return new Date(from.getTime() + remaining)
  let day = calendar.localDate(from)
  for (let i = 0; i < MAX_DAYS; i++) {
    if (hours.kind === 'daily' || calendar.isWorkingDay(day)) {
      const start = calendar.startOfDay(day).getTime()
      const open = Math.max(start + hours.openMinute * MINUTE, from.getTime())
      const close = start + hours.closeMinute * MINUTE
      if (close > open) {
        if (open + remaining <= close) return new Date(open + remaining)
        remaining -= close - open
      }
    }
    day = calendar.localDate(new Date(calendar.endOfDay(day).getTime() + 1))
  }
  throw new Error('no service hours within a year: check HOTLINE_SERVICE_HOURS')
}
