// The year tables the hotline counts service hours with: the calendar service's published tables, kept in
// `calendar_years` so that a restart counts with them at once — the calendar package's shared module
// (`@tingjian/calendar/years`), re-exported under the names the app uses. The calendar itself (one object
// for the whole app, rebuilt in place when a table arrives) is @tingjian/calendar's `PublishedCalendar`.
export {
  CALENDAR_YEARS,
  type CalendarYearDoc,
  type CalendarYears,
  storedTables,
  storeYearTable,
} from '@tingjian/calendar/years'
