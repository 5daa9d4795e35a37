// tableFromPublished reads the calendar.year-published event's table (checked, or its faults);
// PublishedCalendar counts with the tables a service was given last and tells a listener when a count
// crosses a year no table covers.
import t from 'tap'
import {
  InvalidCalendarDataError,
  PublishedCalendar,
  type PublishedYear,
  tableFromPublished,
  uncoveredYears,
} from '../src/index.ts'
import { endOfDayIso } from './helpers.ts'

const NY = { zh: '元旦', en: "New Year's Day" }
const SF = { zh: '春节', en: 'Spring Festival' }

// NOT the official 2027 notice: a fixture whose days are chosen by the test. 1 January 2027 is a Friday.
const data2027 = (revision = 1): PublishedYear => ({
  year: 2027,
  revision,
  source: 'test fixture (not the official 2027 notice)',
  holidays: [
    { name: NY, from: '2027-01-01', to: '2027-01-03' },
    { name: SF, from: '2027-02-06', to: '2027-02-12', makeUpWorkdays: ['2027-01-31', '2027-02-20'] },
  ],
  regions: {
    '650000': {
      name: { zh: '新疆维吾尔自治区', en: 'Xinjiang' },
      holidays: [{ name: { zh: '古尔邦节', en: 'Eid al-Adha' }, from: '2027-05-17', to: '2027-05-19' }],
    },
    '650100': {
      parent: '650000',
      workingDays: [{ name: { zh: '补班', en: 'Make-up' }, from: '2027-05-22' }],
    },
  },
  publishedAt: '2026-11-20T02:00:00.000Z',
  publishedBy: 'admin-1',
})

/** The table of a result, failing the test with the faults when there are some. */
function tableOf(result: ReturnType<typeof tableFromPublished>): PublishedYear {
  if ('faults' in result) throw new Error(`unexpected faults: ${JSON.stringify(result.faults)}`)
  return result.table
}

t.test('tableFromPublished: a sound table is the table, with only the fields a table has', async (t) => {
  const data = data2027(3)
  const withExtra = {
    ...data,
    note: 'a field of a later event version',
    holidays: data.holidays.map((h) => ({ ...h, extra: true })),
  }
  const table = tableOf(tableFromPublished(withExtra))
  t.same(table, data)
  t.notOk('note' in table)
  t.notOk(table.holidays.some((h) => 'extra' in h))
  t.same(Object.keys(table.regions['650100'] ?? {}).sort(), ['parent', 'workingDays'])
  t.equal(table.regions['650100']?.workingDays?.[0]?.to, undefined, 'a single day stays without `to`')
})

t.test('tableFromPublished: the table does not share arrays with the event', async (t) => {
  const data = data2027()
  const table = tableOf(tableFromPublished(data))
  const makeUp = data.holidays[1]?.makeUpWorkdays as string[]
  makeUp.push('2027-02-21')
  ;(data.holidays as unknown[]).pop()
  t.equal(table.holidays.length, 2)
  t.same(table.holidays[1]?.makeUpWorkdays, ['2027-01-31', '2027-02-20'])
})

t.test('tableFromPublished: every fault, with its path; nothing to count with', async (t) => {
  const bad: PublishedYear = {
    ...data2027(),
    holidays: [
      { name: NY, from: '2027-01-01', to: '2027-02-30' },
      { name: SF, from: '2027-02-06', to: '2027-02-12', makeUpWorkdays: ['2027-02-17'] },
    ],
  }
  const result = tableFromPublished(bad)
  t.ok('faults' in result && !('table' in result))
  if (!('faults' in result)) return
  t.same(result.faults.map((f) => f.path).sort(), ['/holidays/0/to', '/holidays/1/makeUpWorkdays/0'])
  t.match(result.faults.find((f) => f.path === '/holidays/0/to')?.message, /not a YYYY-MM-DD calendar date/)
})

t.test('tableFromPublished: a revision below 1 is a fault', async (t) => {
  for (const revision of [0, -1, 1.5]) {
    const result = tableFromPublished(data2027(revision))
    t.same('faults' in result ? result.faults.map((f) => f.path) : [], ['/revision'], `revision ${revision}`)
  }
})

t.test('PublishedCalendar counts with the built-in years until tables come, then with them', async (t) => {
  const calendar = new PublishedCalendar()
  // Thursday 31 December 2026: one working day later is Friday 1 January without a 2027 table
  t.equal(calendar.addWorkingDays('2026-12-31', 1).toISOString(), endOfDayIso('2027-01-01'))
  t.equal(calendar.isCovered('2027-06-01'), false)
  calendar.use([tableOf(tableFromPublished(data2027()))])
  t.equal(calendar.addWorkingDays('2026-12-31', 1).toISOString(), endOfDayIso('2027-01-04'))
  t.equal(calendar.isCovered('2027-06-01'), true)
  t.same(calendar.coverage().years.includes(2027), true)
  t.equal(calendar.isWorkingDay('2027-01-31'), true, 'a make-up Sunday')
  t.equal(calendar.isWorkingDay('2027-05-18', '650100'), false, "the parent region's holiday")
  t.equal(calendar.describe('2027-05-22', '650100').kind, 'adjusted-workday')
  t.equal(calendar.nextWorkingDay('2027-02-05'), '2027-02-15', 'Saturday 13 February is no make-up day')
  t.equal(calendar.previousWorkingDay('2027-01-04'), '2026-12-31')
  t.equal(calendar.workingDaysBetween('2026-12-31', '2027-01-04'), 1)
  t.equal(calendar.localDate(new Date('2027-01-01T16:00:00.000Z')), '2027-01-02')
  t.equal(calendar.startOfDay('2027-01-02').toISOString(), '2027-01-01T16:00:00.000Z')
  t.equal(calendar.endOfDay('2027-01-02').toISOString(), endOfDayIso('2027-01-02'))
  // the highest revision of a year is counted with, whatever the order
  const later = { ...data2027(2), holidays: [{ name: NY, from: '2027-01-01', to: '2027-01-01' }] }
  calendar.use([tableOf(tableFromPublished(later)), tableOf(tableFromPublished(data2027(1)))])
  t.equal(calendar.isWorkingDay('2027-02-08'), true, 'revision 2 has no Spring Festival')
})

t.test('PublishedCalendar keeps its tables when new ones contradict each other', async (t) => {
  const calendar = new PublishedCalendar()
  calendar.use([tableOf(tableFromPublished(data2027()))])
  // a 2028 table whose New Year's Day reaches back into December 2027 (a notice may), over a day the 2027
  // table also lists: two years' notices listing one day
  const clash: PublishedYear = {
    ...data2027(),
    year: 2028,
    holidays: [{ name: NY, from: '2027-12-30', to: '2028-01-01' }],
    regions: {},
  }
  const clash2027: PublishedYear = {
    ...data2027(2),
    holidays: [{ name: NY, from: '2027-12-31', to: '2027-12-31' }],
    regions: {},
  }
  t.throws(
    () => calendar.use([tableOf(tableFromPublished(clash)), tableOf(tableFromPublished(clash2027))]),
    InvalidCalendarDataError,
  )
  t.equal(calendar.addWorkingDays('2026-12-31', 1).toISOString(), endOfDayIso('2027-01-04'), 'the old tables')
})

t.test('PublishedCalendar options: regional overrides the tables add to', async (t) => {
  const calendar = new PublishedCalendar({
    regions: { X1: { holidays: [{ name: { zh: '测试', en: 'Test' }, from: '2026-03-02' }] } },
  })
  t.equal(calendar.isWorkingDay('2026-03-02', 'X1'), false)
  t.equal(calendar.isWorkingDay('2026-03-02'), true)
  calendar.use([tableOf(tableFromPublished(data2027()))])
  t.equal(calendar.isWorkingDay('2026-03-02', 'X1'), false, 'still there after use')
})

t.test('PublishedCalendar tells the listener the uncovered years a count crossed', async (t) => {
  const calendar = new PublishedCalendar()
  const told: number[][] = []
  calendar.addWorkingDays('2026-12-31', 1)
  t.same(told, [], 'no listener, nothing told')
  calendar.onUncovered((years) => told.push(years))
  calendar.addWorkingDays('2026-06-01', 3)
  t.same(told, [], 'a count within covered years')
  calendar.addWorkingDays('2026-12-31', 1)
  calendar.workingDaysBetween('2028-01-03', '2026-12-01')
  calendar.nextWorkingDay('2026-12-31')
  calendar.previousWorkingDay('2027-01-04')
  t.same(told, [[2027], [2027, 2028], [2027], [2027]])
  calendar.use([tableOf(tableFromPublished(data2027()))])
  told.length = 0
  calendar.addWorkingDays('2026-12-31', 1)
  t.same(told, [], 'the table covers 2027')
  calendar.onUncovered(null)
  calendar.addWorkingDays('2027-12-31', 1)
  t.same(told, [], 'listener removed')
})

t.test('uncoveredYears: the uncovered years between two days, in either order', async (t) => {
  const calendar = new PublishedCalendar()
  t.same(uncoveredYears(calendar, '2024-12-30', '2026-01-05'), [2024])
  t.same(uncoveredYears(calendar, new Date('2028-01-01T00:00:00+08:00'), '2026-05-01'), [2027, 2028])
  t.same(uncoveredYears(calendar, '2025-01-01', '2026-12-31'), [])
})
