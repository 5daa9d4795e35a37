// Calling hours (default 09:00–12:00 and 14:00–20:00 Asia/Shanghai, working days only, on the
// working-day calendar with its holidays and make-up days): whether now is inside, when the next window
// opens, when a task becomes due, and where the next half-day's window starts. Pure.
import { halfDayOf, type LocalDate, type WorkingDayCalendar } from '@tingjian/calendar'
import type { CallingWindow } from './policy.ts'

type Days = Pick<WorkingDayCalendar, 'isWorkingDay' | 'localDate' | 'startOfDay' | 'nextWorkingDay'>

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** The instant of `HH:MM` on a local day (Asia/Shanghai has no daylight saving). */
const at = (days: Days, day: LocalDate, hhmm: string) =>
  new Date(days.startOfDay(day).getTime() + minutesOf(hhmm) * 60_000)

const sorted = (hours: readonly CallingWindow[]) =>
  [...hours].sort((a, b) => minutesOf(a.from) - minutesOf(b.from))

/** Whether `now` falls inside a calling window of a working day (from inclusive, to exclusive). */
export function isCallingTime(now: Date, hours: readonly CallingWindow[], days: Days): boolean {
  const day = days.localDate(now)
  if (!days.isWorkingDay(day)) return false
  return hours.some((w) => {
    const t = now.getTime()
    return t >= at(days, day, w.from).getTime() && t < at(days, day, w.to).getTime()
  })
}

/** The start of the first calling window at or after `from` (`from` itself when inside one). */
export function nextCallingTime(from: Date, hours: readonly CallingWindow[], days: Days): Date {
  if (isCallingTime(from, hours, days)) return from
  return nextWindowStart(from, hours, days)
}

/** The start of the first calling window strictly after `from`. */
export function nextWindowStart(from: Date, hours: readonly CallingWindow[], days: Days): Date {
  const windows = sorted(hours)
  let day = days.localDate(from)
  for (let i = 0; i < 400; i++) {
    if (days.isWorkingDay(day))
      for (const w of windows) {
        const start = at(days, day, w.from)
        if (start.getTime() > from.getTime()) return start
      }
    day = days.nextWorkingDay(day)
  }
  throw new Error('no calling window within 400 days')
}

/** When a task becomes due: the first window's start of the next working day after `after`. */
export function dueFromAfter(after: Date, hours: readonly CallingWindow[], days: Days): Date {
  const first = sorted(hours)[0]
  const day = days.nextWorkingDay(after)
  return at(days, day, first?.from ?? '09:00')
}

/**
 * After a failed attempt (no answer, busy): the first calling window that starts on another half-day
 * than the attempt's, so that the next try counts towards "three different half-days".
 */
export function nextHalfDayWindow(attemptAt: Date, hours: readonly CallingWindow[], days: Days): Date {
  const half = halfDayOf(attemptAt)
  let from = attemptAt
  for (let i = 0; i < 1000; i++) {
    const start = nextWindowStart(from, hours, days)
    if (halfDayOf(start) !== half) return start
    from = start
  }
  throw new Error('no calling window on another half-day')
}

/** Whether the time a citizen asked to be called back is a calling time in the future. */
export function validCallBackTime(
  wanted: Date,
  now: Date,
  hours: readonly CallingWindow[],
  days: Days,
): boolean {
  return wanted.getTime() > now.getTime() && isCallingTime(wanted, hours, days)
}

/** `YYYY-MM` of an instant in Asia/Shanghai. */
export function monthOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 7)
}
