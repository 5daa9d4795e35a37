// calendar.year-published → the year's latest table in `calendar_years` (idempotent by revision) and the
// calendar rebuilt from every stored table. Its own group (`hotline.calendar`), from the beginning of the
// calendar topic, so that a hotline started after a publication still gets every year's table.
import type { EventBus, Subscription } from '@tingjian/bus'
import { type PublishedCalendar, tableFromPublished } from '@tingjian/calendar'
import { CalendarEvents } from '@tingjian/contracts'
import type { Logger } from '@tingjian/kit'
import { type CalendarYears, storedTables, storeYearTable } from '../working-days.ts'

export interface CalendarConsumerDeps {
  bus: EventBus
  years: CalendarYears
  calendar: PublishedCalendar
  logger: Logger
  group: string
}

export async function consumeCalendarYears(deps: CalendarConsumerDeps): Promise<Subscription> {
  return deps.bus.subscribe({ group: deps.group, streams: ['calendar'] }, async (event) => {
    if (!CalendarEvents.yearPublished.is(event)) return
    const checked = tableFromPublished(event.data)
    if ('faults' in checked) {
      deps.logger.error(
        { year: event.data.year, revision: event.data.revision, eventId: event.id, faults: checked.faults },
        'calendar year table refused',
      )
      return
    }
    const tables = await storedTables(deps.years)
    try {
      deps.calendar.use([...tables.filter((y) => y.year !== checked.table.year), checked.table])
    } catch (err) {
      deps.logger.error(
        {
          year: checked.table.year,
          eventId: event.id,
          err: err instanceof Error ? err.message : String(err),
        },
        'calendar year table refused: it contradicts another year',
      )
      deps.calendar.use(tables)
      return
    }
    await storeYearTable(deps.years, checked.table, event.id)
    deps.calendar.use(await storedTables(deps.years))
    deps.logger.info({ year: checked.table.year, revision: checked.table.revision }, 'calendar year table')
  })
}
