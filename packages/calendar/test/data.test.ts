import t from 'tap'
import {
  CN_2025,
  CN_2026,
  createCalendar,
  InvalidCalendarDataError,
  type LocalDate,
  NATIONAL_YEARS,
  type YearData,
} from '../src/index.ts'
import { endOfDayIso, sh } from './helpers.ts'

// An illustrative 2027 table, NOT the official notice: it only shows that a year is added as data.
const Y2027: YearData = {
  year: 2027,
  source: 'test fixture (not the official 2027 notice)',
  holidays: [{ name: { zh: '元旦', en: "New Year's Day" }, from: '2027-01-01', to: '2027-01-03' }],
}

function yearWith(holidays: YearData['holidays'], year = 2027): YearData {
  return { year, source: 'test fixture', holidays }
}

const NY = { zh: '元旦', en: "New Year's Day" }

t.test('the built-in tables', async (t) => {
  t.same(
    NATIONAL_YEARS.map((y) => y.year),
    [2025, 2026],
  )
  t.equal(CN_2025.holidays.length, 6, '2025: six holidays (National Day and Mid-Autumn are merged)')
  t.equal(CN_2026.holidays.length, 7)
  for (const y of NATIONAL_YEARS) {
    t.match(y.source, /国务院办公厅关于\d{4}年部分节假日安排的通知/)
    for (const h of y.holidays) {
      t.ok(h.name.zh.length > 0 && h.name.en.length > 0, `${y.year} ${h.name.en} is named in zh and en`)
    }
  }
  t.doesNotThrow(() => createCalendar(), 'the shipped data passes validation')
})

t.test('a year is added as data, without code changes', async (t) => {
  const cal = createCalendar({ years: [Y2027] })
  t.same(cal.coverage(), { from: '2025-01-01', to: '2027-12-31', years: [2025, 2026, 2027] })
  t.ok(cal.isCovered('2027-06-01'))
  t.notOk(cal.isWorkingDay('2027-01-01'))
  t.same(cal.describe('2027-01-01').name, NY)
  t.equal(cal.addWorkingDays(sh('2026-12-31T10:00'), 1).toISOString(), endOfDayIso('2027-01-04'))
})

t.test('a gap between covered years is not covered', async (t) => {
  const cal = createCalendar({ years: [{ ...Y2027, year: 2028, source: 'fixture', holidays: [] }] })
  t.same(cal.coverage(), { from: '2025-01-01', to: '2028-12-31', years: [2025, 2026, 2028] })
  t.notOk(cal.isCovered('2027-05-05'))
  t.ok(cal.isCovered('2028-05-05'))
})

t.test('a supplied table replaces the built-in one for its year (a correction)', async (t) => {
  const corrected: YearData = {
    ...CN_2025,
    source: 'corrected copy',
    holidays: CN_2025.holidays.filter((h) => h.from !== '2025-10-01'),
  }
  const cal = createCalendar({ years: [corrected] })
  t.ok(cal.isWorkingDay('2025-10-08'))
  t.notOk(cal.isWorkingDay('2025-10-11'), 'its make-up day went with it')
  t.notOk(cal.isWorkingDay('2025-01-28'), 'the rest of the table still applies')
  t.same(cal.coverage().years, [2025, 2026])
})

t.test('a notice may reach into the neighbouring year', async (t) => {
  // like the 2019 notice: 30 Dec 2018 – 1 Jan 2019 off, Saturday 29 Dec 2018 worked
  const cal = createCalendar({
    years: [
      yearWith([{ name: NY, from: '2026-12-31', to: '2027-01-01', makeUpWorkdays: ['2026-12-26'] }], 2027),
    ],
  })
  t.notOk(cal.isWorkingDay('2026-12-31'))
  t.ok(cal.isWorkingDay('2026-12-26'), 'Saturday worked')
})

t.test('inconsistent data is rejected at creation with a clear message', async (t) => {
  const rejects = (what: string, years: YearData[], pattern: RegExp) => {
    const e = t.throws(() => createCalendar({ years }), InvalidCalendarDataError, what)
    t.match(e, { code: 'TJ_CALENDAR_INVALID_DATA', message: pattern }, what)
  }
  rejects(
    'a day that is both a holiday and a make-up day',
    [yearWith([{ name: NY, from: '2027-01-01', to: '2027-01-03', makeUpWorkdays: ['2027-01-02'] }])],
    /2027-01-02 is listed both as a day off and a working day: 2027 New Year's Day holiday and 2027 New Year's Day make-up working day/,
  )
  rejects(
    'a holiday of one period that is a make-up day of another',
    [
      yearWith([
        { name: NY, from: '2027-01-01', to: '2027-01-01', makeUpWorkdays: ['2027-02-06'] },
        { name: { zh: '春节', en: 'Spring Festival' }, from: '2027-02-05', to: '2027-02-11' },
      ]),
    ],
    /2027-02-06 is listed both as a day off and a working day/,
  )
  rejects(
    'a day listed twice',
    [
      yearWith([
        { name: NY, from: '2027-01-01', to: '2027-01-02' },
        { name: NY, from: '2027-01-02', to: '2027-01-03' },
      ]),
    ],
    /2027-01-02 is listed twice/,
  )
  rejects(
    'an impossible date',
    [yearWith([{ name: NY, from: '2027-02-30', to: '2027-03-01' }])],
    /2027 holidays\[0\] \(New Year's Day\): from "2027-02-30" is not a YYYY-MM-DD date/,
  )
  rejects(
    'a malformed date',
    [yearWith([{ name: NY, from: '2027-1-1' as LocalDate, to: '2027-01-01' }])],
    /from "2027-1-1" is not a YYYY-MM-DD date/,
  )
  rejects(
    'a malformed make-up date',
    [
      yearWith([
        { name: NY, from: '2027-01-01', to: '2027-01-01', makeUpWorkdays: ['2027/01/09' as LocalDate] },
      ]),
    ],
    /make-up working day "2027\/01\/09" is not a YYYY-MM-DD date/,
  )
  rejects(
    'a make-up day on a weekday',
    [yearWith([{ name: NY, from: '2027-01-01', to: '2027-01-01', makeUpWorkdays: ['2027-01-04'] }])],
    /make-up working day 2027-01-04 is a Monday; 调休 days are Saturdays or Sundays/,
  )
  rejects(
    'a range that ends before it starts',
    [yearWith([{ name: NY, from: '2027-01-03', to: '2027-01-01' }])],
    /to 2027-01-01 is before from 2027-01-03/,
  )
  rejects(
    'a mistyped month',
    [yearWith([{ name: NY, from: '2027-10-01', to: '2027-11-08' }])],
    /2027-10-01..2027-11-08 spans 39 days \(at most 31\)/,
  )
  rejects(
    'a date far from its year',
    [yearWith([{ name: NY, from: '2028-05-01', to: '2028-05-01' }])],
    /2028-05-01 is outside the 2027 table/,
  )
  rejects('a year supplied twice', [Y2027, Y2027], /2027 is supplied twice/)
  rejects('a bad year', [{ ...Y2027, year: 27 }], /years\[0\]\.year must be a four-digit integer year/)
  rejects('a missing source', [{ ...Y2027, source: ' ' }], /2027: source must name the notice/)
  rejects(
    'a name without English',
    [yearWith([{ name: { zh: '元旦', en: '' }, from: '2027-01-01', to: '2027-01-01' }])],
    /name must have non-empty zh and en/,
  )
})

t.test('every problem is reported at once', async (t) => {
  const e = t.throws(() =>
    createCalendar({
      years: [
        yearWith([
          { name: NY, from: '2027-01-01', to: '2027-01-33' as LocalDate },
          { name: NY, from: '2027-05-01', to: '2027-05-01', makeUpWorkdays: ['2027-05-05'] },
        ]),
      ],
    }),
  )
  t.type(e, InvalidCalendarDataError)
  t.equal((e as InvalidCalendarDataError).issues.length, 2, (e as Error).message)
})

t.test('a bad time-zone offset is rejected', async (t) => {
  t.throws(() => createCalendar({ timeZoneOffsetMinutes: 1000 }), /timeZoneOffsetMinutes must be an integer/)
  t.throws(() => createCalendar({ timeZoneOffsetMinutes: 7.5 }), InvalidCalendarDataError)
})
