export { createCalendar, MAX_WORKING_DAYS, SHANGHAI_OFFSET_MINUTES } from './calendar.ts'
export { CN_2025, CN_2026, NATIONAL_YEARS } from './data/index.ts'
export { InvalidCalendarDataError, InvalidDayError } from './errors.ts'
export { halfDayOf, UNREACHABLE_AFTER, unreachableAfter } from './half-day.ts'
export { isLocalDate, type LocalDate, parseLocalDate } from './local-date.ts'
export {
  builtInYear,
  calendarFromTables,
  daysOfYear,
  type Fault,
  type PublishedYear,
  type TableHoliday,
  type TableRegion,
  type TableRegionDays,
  validateYearTable,
  type YearTable,
} from './published.ts'
export {
  PublishedCalendar,
  tableFromPublished,
  type UncoveredListener,
  uncoveredYears,
} from './published-calendar.ts'
export { MAX_RANGE_DAYS } from './tables.ts'
export type {
  CalendarOptions,
  Coverage,
  DayInfo,
  DayInput,
  DayKind,
  DayName,
  HolidayPeriod,
  RegionDays,
  RegionOverrides,
  WorkingDayCalendar,
  YearData,
} from './types.ts'
