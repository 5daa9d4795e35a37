// validateYearTable names every fault of a year's table; calendarFromTables puts published tables
// over the built-in ones. Expected values from the issue (10) and the State Council notices.
import t, { type Test } from 'tap'
import {
  CN_2026,
  calendarFromTables,
  daysOfYear,
  type Fault,
  type PublishedYear,
  validateYearTable,
  type YearTable,
} from '../src/index.ts'
import { endOfDayIso, sh } from './helpers.ts'

const NY = { zh: '元旦', en: "New Year's Day" }
const SF = { zh: '春节', en: 'Spring Festival' }

// A table shaped like a notice. NOT the official 2027 notice: a fixture whose days are chosen by the test.
const sound = (): YearTable => ({
  year: 2027,
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
    '650100': { parent: '650000' },
  },
})

const published = (table: YearTable, revision = 1): PublishedYear => ({
  ...table,
  regions: table.regions ?? {},
  revision,
  publishedAt: '2026-11-20T02:00:00.000Z',
  publishedBy: 'admin-1',
})

/** The one fault expected, found by its path, and that it says what is wrong. */
function only(t: Test, faults: Fault[], path: string, says: RegExp): void {
  t.same(
    faults.map((f) => f.path),
    [path],
    `exactly one fault, at ${path}: ${JSON.stringify(faults)}`,
  )
  t.match(faults[0]?.message, says)
}

t.test('a sound table and the built-in ones have no fault', async (t) => {
  t.same(validateYearTable(sound()), [])
  t.same(validateYearTable(CN_2026), [])
})

t.test('each fault of the issue is named, with its path', async (t) => {
  const cases: Array<[string, (y: YearTable) => YearTable, string, RegExp]> = [
    [
      'a make-up day that is not a Saturday or Sunday',
      (y) =>
        ({
          ...y,
          holidays: [y.holidays[0], { ...y.holidays[1], makeUpWorkdays: ['2027-02-01'] }],
        }) as YearTable,
      '/holidays/1/makeUpWorkdays/0',
      /2027-02-01 is a Monday.*Saturdays or Sundays/,
    ],
    [
      'overlapping periods',
      (y) => ({
        ...y,
        holidays: [
          ...y.holidays,
          { name: { zh: '其他', en: 'Other' }, from: '2027-02-12', to: '2027-02-14' },
        ],
      }),
      '/holidays/2',
      /overlaps 春节/,
    ],
    [
      "a date outside the year's window",
      (y) => ({
        ...y,
        holidays: [
          ...y.holidays,
          { name: { zh: '国庆节', en: 'National Day' }, from: '2028-10-01', to: '2028-10-07' },
        ],
      }),
      '/holidays/2',
      /outside the 2027 table/,
    ],
    [
      'a make-up day outside the window',
      (y) =>
        ({
          ...y,
          holidays: [y.holidays[0], { ...y.holidays[1], makeUpWorkdays: ['2026-11-07'] }],
        }) as YearTable,
      '/holidays/1/makeUpWorkdays/0',
      /outside the 2027 table/,
    ],
    [
      'from after to',
      (y) =>
        ({
          ...y,
          holidays: [{ ...NYp(), from: '2027-01-03', to: '2027-01-01' }, y.holidays[1]],
        }) as YearTable,
      '/holidays/0/to',
      /from 2027-01-03 is after to 2027-01-01/,
    ],
    [
      'duplicate names',
      (y) => ({ ...y, holidays: [...y.holidays, { name: NY, from: '2027-12-31', to: '2027-12-31' }] }),
      '/holidays/2/name',
      /used twice/,
    ],
    [
      'a region override outside the year',
      (y) => ({
        ...y,
        regions: {
          '650000': { holidays: [{ name: { zh: '古尔邦节', en: 'Eid al-Adha' }, from: '2026-12-30' }] },
        },
      }),
      '/regions/650000/holidays/0',
      /outside 2027/,
    ],
    [
      'a make-up day that is also a day off',
      (y) =>
        ({
          ...y,
          holidays: [y.holidays[0], { ...y.holidays[1], makeUpWorkdays: ['2027-02-06'] }],
        }) as YearTable,
      '/holidays/1/makeUpWorkdays/0',
      /make-up working day of 春节.*day off of 春节/,
    ],
    [
      'a malformed date',
      (y) => ({ ...y, holidays: [{ ...NYp(), to: '2027-02-30' }, y.holidays[1]] }) as YearTable,
      '/holidays/0/to',
      /not a YYYY-MM-DD calendar date/,
    ],
    ['no source', (y) => ({ ...y, source: ' ' }), '/source', /name the notice/],
    ['no holiday at all', (y) => ({ ...y, holidays: [] }), '/holidays', /at least one holiday/],
    [
      'a region whose parent is not among the regions',
      (y) => ({ ...y, regions: { '650100': { parent: '650000' } } }),
      '/regions/650100/parent',
      /not among the year's regions/,
    ],
    [
      'a regional day listed both off and worked',
      (y) => ({
        ...y,
        regions: {
          '650000': {
            holidays: [{ name: { zh: '古尔邦节', en: 'Eid al-Adha' }, from: '2027-05-17', to: '2027-05-19' }],
            workingDays: [{ name: { zh: '调休', en: 'Make-up day' }, from: '2027-05-19' }],
          },
        },
      }),
      '/regions/650000/workingDays/0',
      /overlaps holidays\/0/,
    ],
  ]
  for (const [fault, spoil, path, says] of cases) {
    t.test(fault, async (t) => only(t, validateYearTable(spoil(sound())), path, says))
  }
})

t.test('every fault is collected in one run', async (t) => {
  const faults = validateYearTable({
    year: 2027,
    source: '',
    holidays: [
      { name: NY, from: '2027-01-03', to: '2027-01-01' },
      { name: NY, from: '2027-02-06', to: '2027-02-12', makeUpWorkdays: ['2027-02-03'] },
    ],
  })
  t.same(faults.map((f) => f.path).sort(), [
    '/holidays/0/to',
    '/holidays/1/makeUpWorkdays/0',
    '/holidays/1/name',
    '/source',
  ])
})

function NYp() {
  return { name: NY, from: '2027-01-01', to: '2027-01-03' } as const
}

t.test('calendarFromTables: a published year counts; the built-in years stay the defaults', async (t) => {
  const before = calendarFromTables([])
  // the defect of the issue: under no 2027 table New Year's Day 2027 counts as a working day
  t.equal(before.describe('2027-01-01').working, true)
  t.equal(before.isCovered('2027-01-01'), false)

  const cal = calendarFromTables([published(sound())])
  t.same(cal.coverage().years, [2025, 2026, 2027])
  t.equal(cal.describe('2027-01-01').working, false, "New Year's Day 2027 is off")
  t.same(cal.describe('2027-01-01').name, NY)
  t.equal(cal.describe('2027-01-31').kind, 'adjusted-workday', 'Sunday 31 January is worked')
  // 2026-12-31 10:00 + 7 working days: Jan 1–3 off, then Mon 4 … Tue 12 January
  t.equal(cal.addWorkingDays(sh('2026-12-31T10:00'), 7).toISOString(), endOfDayIso('2027-01-12'))
  t.equal(cal.describe('2026-10-01').working, false, 'the built-in 2026 table still applies')
  // regional overrides of the year, with the parent chain
  t.equal(cal.isWorkingDay('2027-05-18', '650100'), false, 'the city inherits the province’s festival')
  t.equal(cal.isWorkingDay('2027-05-18'), true, 'nationally a working day')
})

t.test(
  'calendarFromTables: a published year replaces the built-in one; the highest revision wins',
  async (t) => {
    const corrected: YearTable = {
      year: 2026,
      source: 'correction fixture',
      holidays: [{ name: NY, from: '2026-01-01', to: '2026-01-01' }],
    }
    const cal = calendarFromTables([
      published(corrected, 2),
      published({ ...corrected, holidays: [{ name: NY, from: '2026-01-02', to: '2026-01-02' }] }, 1),
    ])
    t.equal(cal.isWorkingDay('2026-01-02'), true, 'revision 2 wins over revision 1 whatever the order')
    t.equal(cal.isWorkingDay('2026-10-01'), true, 'the built-in 2026 table is replaced as a whole')
  },
)

t.test('calendarFromTables merges the regional overrides of all years per region code', async (t) => {
  const y2027 = published(sound())
  const y2026 = published({
    ...CN_2026,
    regions: { '650000': { holidays: [{ name: { zh: '肉孜节', en: 'Eid al-Fitr' }, from: '2026-03-20' }] } },
  })
  const cal = calendarFromTables([y2027, y2026])
  t.equal(cal.isWorkingDay('2026-03-20', '650000'), false)
  t.equal(cal.isWorkingDay('2027-05-17', '650000'), false)
  t.equal(cal.isWorkingDay('2026-03-20'), true)
})

t.test('daysOfYear: every day of the year, for a month grid', async (t) => {
  const days = daysOfYear(calendarFromTables([published(sound())]), 2027)
  t.equal(days.length, 365)
  t.equal(days[0]?.date, '2027-01-01')
  t.same(
    { working: days[0]?.working, kind: days[0]?.kind, name: days[0]?.name },
    { working: false, kind: 'holiday', name: NY },
  )
  t.equal(days.at(-1)?.date, '2027-12-31')
})
