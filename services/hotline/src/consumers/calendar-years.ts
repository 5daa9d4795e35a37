// calendar.year-published → the year's latest table in `calendar_years` (idempotent by revision) and the
// calendar rebuilt from every stored table: the calendar package's shared consumer
// (`@tingjian/calendar/years`), in the hotline's own group (`hotline.calendar`).
export {
  type CalendarYearsDeps as CalendarConsumerDeps,
  consumeCalendarYears,
} from '@tingjian/calendar/years'
