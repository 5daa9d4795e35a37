// The calendar service's coded error: a table the calendar's validator refuses. Leaves the API as the
// problem `/problems/invalid-calendar` (422) with `errors: [{ path, message }]`, one per fault.
import type { Fault } from '@tingjian/calendar'

export class InvalidCalendarError extends Error {
  readonly code = 'TJ_INVALID_CALENDAR'
  readonly statusCode = 422
  readonly errors: Array<{ path: string; message: string }>
  constructor(faults: readonly Fault[]) {
    super(`The table has ${faults.length} fault${faults.length === 1 ? '' : 's'}; see errors`)
    this.name = 'InvalidCalendarError'
    this.errors = faults.map(({ path, message }) => ({ path, message }))
  }
}
