import t from 'tap'
import { createCalendar, InvalidCalendarDataError, type RegionOverrides } from '../src/index.ts'
import { endOfDayIso, sh } from './helpers.ts'

// Illustrative regions and days, NOT real regional notices: 990000 is an unused province code
// and 990100 a city in it.
const festival = { zh: '民族节日', en: 'Ethnic festival' }
const makeUp = { zh: '民族节日调休', en: 'Ethnic festival make-up day' }

const regions: Record<string, RegionOverrides> = {
  '990000': {
    name: { zh: '示例自治区', en: 'Example Autonomous Region' },
    holidays: [
      { name: festival, from: '2025-06-05', to: '2025-06-06' },
      { name: { zh: '示例节', en: 'Example day' }, from: '2025-10-11' },
      { name: festival, from: '2027-03-01' },
    ],
    workingDays: [
      { name: makeUp, from: '2025-06-14' },
      { name: { zh: '示例', en: 'Example working day' }, from: '2025-10-08' },
    ],
  },
  '990100': {
    parent: '990000',
    workingDays: [{ name: { zh: '市调整', en: 'City adjustment' }, from: '2025-06-05' }],
  },
}

const cal = createCalendar({ regions })

t.test('a region adds days off and working days on top of the national calendar', async (t) => {
  t.ok(cal.isWorkingDay('2025-06-05'), 'nationally an ordinary Thursday')
  t.notOk(cal.isWorkingDay('2025-06-05', '990000'), 'a regional holiday')
  t.notOk(cal.isWorkingDay('2025-06-06', '990000'))
  t.notOk(cal.isWorkingDay('2025-06-14'), 'nationally a Saturday')
  t.ok(cal.isWorkingDay('2025-06-14', '990000'), 'a regional working day')
  t.same(cal.describe('2025-06-05', '990000'), {
    date: '2025-06-05',
    working: false,
    kind: 'holiday',
    name: festival,
    region: '990000',
    covered: true,
  })
  t.same(cal.describe('2025-06-14', '990000'), {
    date: '2025-06-14',
    working: true,
    kind: 'adjusted-workday',
    name: makeUp,
    region: '990000',
    covered: true,
  })
  t.notOk(cal.isWorkingDay('2025-01-28', '990000'), 'national holidays still apply')
  t.ok(cal.isWorkingDay('2025-01-26', '990000'), 'national make-up days still apply')
})

t.test('a regional entry wins over the national one for that day', async (t) => {
  t.ok(cal.isWorkingDay('2025-10-08', '990000'))
  t.notOk(cal.isWorkingDay('2025-10-08'))
  t.notOk(cal.isWorkingDay('2025-10-11', '990000'))
  t.ok(cal.isWorkingDay('2025-10-11'))
})

t.test('a city inherits its province and overrides it', async (t) => {
  t.ok(cal.isWorkingDay('2025-06-05', '990100'), "the city's own working day wins")
  t.notOk(cal.isWorkingDay('2025-06-06', '990100'), "the province's holiday applies")
  t.ok(cal.isWorkingDay('2025-06-14', '990100'), "the province's working day applies")
  t.equal(cal.describe('2025-06-06', '990100').region, '990000', 'describe names the deciding region')
})

t.test('an unknown region or none means the national calendar', async (t) => {
  t.ok(cal.isWorkingDay('2025-06-05', '110000'))
  t.ok(cal.isWorkingDay('2025-06-05', undefined))
  t.equal(cal.describe('2025-06-05', '110000').kind, 'workday')
})

t.test('deadlines and counts honour the region', async (t) => {
  const from = sh('2025-06-04T10:00')
  t.equal(cal.addWorkingDays(from, 1).toISOString(), endOfDayIso('2025-06-05'))
  t.equal(cal.addWorkingDays(from, 1, '990000').toISOString(), endOfDayIso('2025-06-09'))
  t.equal(cal.addWorkingDays(from, 1, '990100').toISOString(), endOfDayIso('2025-06-05'))
  t.equal(cal.addWorkingDays(from, 2, '990100').toISOString(), endOfDayIso('2025-06-09'))
  t.equal(cal.addWorkingDays(sh('2025-06-13T10:00'), 1, '990000').toISOString(), endOfDayIso('2025-06-14'))
  t.equal(cal.addWorkingDays(sh('2025-06-09T10:00'), -1, '990000').toISOString(), endOfDayIso('2025-06-04'))
  t.equal(cal.workingDaysBetween('2025-06-04', '2025-06-16'), 8)
  t.equal(cal.workingDaysBetween('2025-06-04', '2025-06-16', '990000'), 7, '-2 festival days, +1 Saturday')
  t.equal(cal.workingDaysBetween('2025-06-16', '2025-06-04', '990000'), -7)
  t.equal(cal.nextWorkingDay('2025-06-04', '990000'), '2025-06-09')
})

t.test('regional days apply in uncovered years too', async (t) => {
  t.notOk(cal.isCovered('2027-03-01'))
  t.notOk(cal.isWorkingDay('2027-03-01', '990000'), 'a Monday, off in the region')
  t.ok(cal.isWorkingDay('2027-03-01'))
})

t.test('inconsistent region data is rejected at creation', async (t) => {
  const rejects = (what: string, r: Record<string, RegionOverrides>, pattern: RegExp) => {
    const e = t.throws(() => createCalendar({ regions: r }), InvalidCalendarDataError, what)
    t.match(e, { message: pattern }, what)
  }
  rejects(
    'a day both off and worked',
    {
      '990000': {
        holidays: [{ name: festival, from: '2025-06-05' }],
        workingDays: [{ name: makeUp, from: '2025-06-05' }],
      },
    },
    /2025-06-05 is listed both as a day off and a working day: region 990000 Ethnic festival holiday and region 990000 Ethnic festival make-up day working day/,
  )
  rejects(
    'a bad date',
    { '990000': { holidays: [{ name: festival, from: '2025-13-01' }] } },
    /region 990000 holidays\[0\] \(Ethnic festival\): from "2025-13-01" is not a YYYY-MM-DD date/,
  )
  rejects(
    'a reversed range',
    { '990000': { holidays: [{ name: festival, from: '2025-06-06', to: '2025-06-05' }] } },
    /to 2025-06-05 is before from 2025-06-06/,
  )
  rejects(
    'an unknown parent',
    { '990100': { parent: '990000' } },
    /region 990100: parent "990000" is not among/,
  )
  rejects(
    'a parent cycle',
    { a: { parent: 'b' }, b: { parent: 'a' } },
    /region a: parent chain has a cycle \(a → b → a\)/,
  )
  rejects('an empty code', { '': {} }, /a region code is empty/)
})

t.test('a city may contradict its province without error', async (t) => {
  t.doesNotThrow(() =>
    createCalendar({
      regions: {
        p: { holidays: [{ name: festival, from: '2025-06-05' }] },
        c: { parent: 'p', workingDays: [{ name: makeUp, from: '2025-06-05' }] },
      },
    }),
  )
})
