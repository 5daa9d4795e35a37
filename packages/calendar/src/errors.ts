/** The year or region data given to `createCalendar` is inconsistent; `issues` lists every problem found. */
export class InvalidCalendarDataError extends Error {
  readonly code = 'TJ_CALENDAR_INVALID_DATA'
  constructor(readonly issues: readonly string[]) {
    super(`invalid working-day calendar data: ${issues.join('; ')}`)
    this.name = 'InvalidCalendarDataError'
  }
}

/** A day, instant or count passed to the calendar is malformed (not: outside the covered years). */
export class InvalidDayError extends RangeError {
  readonly code = 'TJ_CALENDAR_INVALID_DAY'
  constructor(message: string) {
    super(message)
    this.name = 'InvalidDayError'
  }
}
