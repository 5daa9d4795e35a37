// The stored year tables (`@tingjian/calendar/years`) on a real embedded store: a published table is
// stored and counted with at once, a redelivery or an older revision changes nothing, a higher one
// replaces it, a table with faults or one contradicting another year is never stored, and a restart
// (a new calendar loading the stored tables) counts with them.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CalendarEvents, calendarSubject } from '@tingjian/contracts'
import { createEmbeddedStore } from '@tingjian/store-embedded'
import t from 'tap'
import { PublishedCalendar } from '../src/index.ts'
import {
  CALENDAR_YEARS,
  type CalendarYearDoc,
  calendarYearsHandler,
  loadStoredTables,
  storedTables,
} from '../src/years.ts'

/** Test data (no 2027 notice is known): 1–3 January 2027 off. */
type YearData = Parameters<typeof CalendarEvents.yearPublished.create>[0]['data']

function table2027(revision: number, holidays = [{ from: '2027-01-01', to: '2027-01-03' }]): YearData {
  return {
    year: 2027,
    revision,
    source: 'test table',
    publishedAt: '2026-12-31T02:00:00.000Z',
    publishedBy: 'u-admin',
    holidays: holidays.map((h) => ({ name: { zh: '元旦', en: "New Year's Day" }, ...h })),
    regions: {},
  }
}

const event = (table: YearData) =>
  CalendarEvents.yearPublished.create({ subject: calendarSubject(table.year), data: table })
const delivery = { attempt: 1 } as unknown as Parameters<ReturnType<typeof calendarYearsHandler>>[1]

t.test('stored, idempotent by revision, refused when faulty, loaded after a restart', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'tj-years-'))
  const store = await createEmbeddedStore({ path: join(dir, 'store.sqlite') })
  t.teardown(async () => {
    await store.close()
    await rm(dir, { recursive: true, force: true })
  })
  const years = store.collection<CalendarYearDoc>(CALENDAR_YEARS)
  const errors: string[] = []
  const logger = { info: () => {}, error: (_o: object, msg?: string) => void errors.push(msg ?? '') }
  const calendar = new PublishedCalendar()
  const handle = calendarYearsHandler({ years, calendar, logger })

  // before any table: Monday to Friday, so Friday 1 January 2027 is a working day
  t.equal(calendar.isWorkingDay('2027-01-01'), true)
  await handle(event(table2027(1)), delivery)
  t.equal(calendar.isWorkingDay('2027-01-01'), false, 'counted with at once')
  t.equal((await years.get('year-2027'))?.revision, 1)

  const newYearOnly = [{ from: '2027-01-01', to: '2027-01-01' }]
  await handle(event(table2027(1, [{ from: '2027-01-01', to: '2027-01-04' }])), delivery)
  t.equal(calendar.isWorkingDay('2027-01-04'), true, 'the same revision again changes nothing')
  await handle(event(table2027(3, [{ from: '2027-01-01', to: '2027-01-04' }])), delivery)
  t.equal(calendar.isWorkingDay('2027-01-04'), false, 'a higher revision replaces it')
  await handle(event(table2027(2, newYearOnly)), delivery)
  t.equal((await years.get('year-2027'))?.revision, 3, 'an older revision arriving late is ignored')
  t.equal(calendar.isWorkingDay('2027-01-04'), false)

  const faulty = table2027(4, [{ from: '2027-01-05', to: '2027-01-02' }])
  await handle({ ...event(table2027(4)), data: faulty }, delivery)
  t.equal((await years.get('year-2027'))?.revision, 3, 'a table with faults is never stored')
  t.same(errors, ['calendar year table refused'])

  t.same(
    (await storedTables(years)).map((y) => y.revision),
    [3],
  )
  const afterRestart = new PublishedCalendar()
  await loadStoredTables(afterRestart, years, logger)
  t.equal(afterRestart.isWorkingDay('2027-01-04'), false, 'a restart counts with the stored tables')
})
