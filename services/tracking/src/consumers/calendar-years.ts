// calendar.year-published → the year's latest table in `calendar_years` (idempotent by revision: the same
// or an older revision changes nothing), the calendar rebuilt from every stored table, and the open cases'
// deadlines counted again with it (see ../recompute.ts; resumed here when a crash left one unfinished).
// Its own consumer group, which starts from the beginning of the calendar topic: a service started after
// a publication still gets every year's table.
import type { EventBus, Subscription } from '@tingjian/bus'
import { tableFromPublished } from '@tingjian/calendar'
import { CalendarEvents } from '@tingjian/contracts'
import { type RecomputeDeps, recomputePending } from '../recompute.ts'
import { contradiction, storedYears, storeYearTable } from '../working-days.ts'

export interface CalendarConsumerDeps extends RecomputeDeps {
  bus: EventBus
  group: string
}

export async function consumeCalendarYears(deps: CalendarConsumerDeps): Promise<Subscription> {
  return deps.bus.subscribe({ group: deps.group, streams: ['calendar'] }, async (event) => {
    if (!CalendarEvents.yearPublished.is(event)) return
    const checked = tableFromPublished(event.data)
    if ('faults' in checked) {
      // never stored: a table that contradicts itself would stop the calendar from being built
      deps.logger.error(
        { year: event.data.year, revision: event.data.revision, eventId: event.id, faults: checked.faults },
        'calendar year table refused',
      )
      return
    }
    const { table } = checked
    // with the other years' tables it must still make one calendar (a notice may reach into the next year)
    const others = (await storedYears(deps.years)).filter((y) => y.year !== table.year).map((y) => y.table)
    const clash = contradiction([...others, table])
    if (clash) {
      deps.logger.error(
        { year: table.year, revision: table.revision, eventId: event.id, faults: clash },
        'calendar year table refused: it contradicts another year',
      )
      return
    }
    const outcome = await storeYearTable(deps.years, table, event.id)
    deps.logger.info(
      { year: table.year, revision: table.revision, eventId: event.id, outcome },
      'calendar year table',
    )
    await recomputePending(deps)
  })
}
