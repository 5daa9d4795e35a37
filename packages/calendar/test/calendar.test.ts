import t from 'tap'
import { createCalendar, InvalidDayError, type LocalDate } from '../src/index.ts'
import { endOfDayIso, sh } from './helpers.ts'

const cal = createCalendar()

t.test('2025: holidays are days off, make-up weekend days are working days', async (t) => {
  const off: LocalDate[] = [
    '2025-01-01',
    ...range('2025-01-28', '2025-02-04'),
    ...range('2025-04-04', '2025-04-06'),
    ...range('2025-05-01', '2025-05-05'),
    ...range('2025-05-31', '2025-06-02'),
    ...range('2025-10-01', '2025-10-08'),
  ]
  t.equal(off.length, 1 + 8 + 3 + 5 + 3 + 8)
  for (const d of off) t.notOk(cal.isWorkingDay(d), `${d} is a day off`)
  for (const d of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'] as const) {
    t.ok(cal.isWorkingDay(d), `${d} (weekend) is a make-up working day`)
  }
  t.ok(cal.isWorkingDay('2025-01-27'), 'an ordinary Monday')
  t.notOk(cal.isWorkingDay('2025-01-25'), 'an ordinary Saturday')
  t.notOk(cal.isWorkingDay('2025-10-12'), 'the Sunday after the make-up Saturday')
})

t.test('2026: holidays are days off, make-up weekend days are working days', async (t) => {
  const off: LocalDate[] = [
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
  ]
  for (const d of off) t.notOk(cal.isWorkingDay(d), `${d} is a day off`)
  for (const d of [
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ] as const) {
    t.ok(cal.isWorkingDay(d), `${d} (weekend) is a make-up working day`)
  }
  t.ok(cal.isWorkingDay('2026-10-08'), 'the Thursday after National Day')
})

t.test('a whole year has the published number of working days', async (t) => {
  // 261 weekdays − weekday holidays + make-up days, counted by hand from the notices
  t.equal(cal.workingDaysBetween('2024-12-31', '2025-12-31'), 261 - 18 + 5, '2025: 248')
  t.equal(cal.workingDaysBetween('2025-12-31', '2026-12-31'), 261 - 19 + 6, '2026: 248')
})

t.test('describe tells why a day is or is not a working day', async (t) => {
  t.same(cal.describe('2025-01-26'), {
    date: '2025-01-26',
    working: true,
    kind: 'adjusted-workday',
    name: { zh: '春节', en: 'Spring Festival' },
    covered: true,
  })
  t.same(cal.describe(sh('2025-10-03T12:00')), {
    date: '2025-10-03',
    working: false,
    kind: 'holiday',
    name: { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' },
    covered: true,
  })
  t.same(cal.describe('2025-03-08'), { date: '2025-03-08', working: false, kind: 'weekend', covered: true })
  t.same(cal.describe('2025-03-10'), { date: '2025-03-10', working: true, kind: 'workday', covered: true })
})

t.test('addWorkingDays: deadlines across the holidays', async (t) => {
  const cases: Array<[string, Date, number, string]> = [
    [
      'consultation before National Day ends on the make-up Saturday',
      sh('2025-09-30T16:00'),
      3,
      '2025-10-11',
    ],
    ['complaint before the 2025 Spring Festival', sh('2025-01-24T10:00'), 7, '2025-02-10'],
    ['signing on the last day before the 2025 Spring Festival', sh('2025-01-27T17:00'), 1, '2025-02-05'],
    ['consultation before the 2026 Spring Festival', sh('2026-02-13T10:00'), 3, '2026-02-25'],
    ['complaint before the 2026 Spring Festival', sh('2026-02-13T10:00'), 7, '2026-03-02'],
    ['the 2026 New Year make-up Sunday', sh('2025-12-31T09:00'), 1, '2026-01-04'],
    ['2026 National Day', sh('2026-09-30T09:00'), 3, '2026-10-10'],
    ['2026 Labour Day', sh('2026-04-30T12:00'), 1, '2026-05-06'],
    ['2026 Labour Day with its make-up Saturday', sh('2026-04-30T12:00'), 5, '2026-05-11'],
    ['15 working days across National Day', sh('2025-09-15T09:00'), 15, '2025-10-11'],
    ['an extension of 15 working days', sh('2025-09-30T16:00'), 15, '2025-10-28'],
    ['an ordinary week', sh('2025-03-10T09:00'), 5, '2025-03-17'],
  ]
  for (const [what, from, n, due] of cases) {
    t.equal(cal.addWorkingDays(from, n).toISOString(), endOfDayIso(due), `${what}: +${n} → ${due}`)
  }
  t.equal(
    cal.addWorkingDays('2025-09-30', 3).toISOString(),
    endOfDayIso('2025-10-11'),
    'a LocalDate works too',
  )
})

t.test('addWorkingDays with n = 0: the same day if it is a working day, else the next one', async (t) => {
  t.equal(cal.addWorkingDays(sh('2025-09-30T16:00'), 0).toISOString(), endOfDayIso('2025-09-30'))
  t.equal(
    cal.addWorkingDays(sh('2025-10-11T08:00'), 0).toISOString(),
    endOfDayIso('2025-10-11'),
    'make-up day',
  )
  t.equal(cal.addWorkingDays(sh('2025-10-04T08:00'), 0).toISOString(), endOfDayIso('2025-10-09'), 'holiday')
  t.equal(cal.addWorkingDays(sh('2025-03-08T08:00'), 0).toISOString(), endOfDayIso('2025-03-10'), 'weekend')
})

t.test('addWorkingDays with negative n counts backwards', async (t) => {
  const due = new Date(endOfDayIso('2025-10-11'))
  t.equal(
    cal.addWorkingDays(due, -1).toISOString(),
    endOfDayIso('2025-10-10'),
    'reminder before a Saturday due date',
  )
  const cases: Array<[string, number, string]> = [
    ['2025-10-09', -1, '2025-09-30'],
    ['2026-02-24', -1, '2026-02-14'],
    ['2026-02-24', -2, '2026-02-13'],
    ['2025-02-05', -1, '2025-01-27'],
    ['2025-02-05', -2, '2025-01-26'],
    ['2025-02-05', -3, '2025-01-24'],
    ['2025-10-04', -1, '2025-09-30'],
  ]
  for (const [from, n, expected] of cases) {
    t.equal(cal.addWorkingDays(sh(`${from}T09:00`), n).toISOString(), endOfDayIso(expected), `${from} ${n}`)
  }
  t.equal(cal.previousWorkingDay('2025-10-09'), '2025-09-30')
})

t.test('workingDaysBetween: counts after from up to and including to; antisymmetric', async (t) => {
  const from = sh('2025-09-30T16:00')
  const due = cal.addWorkingDays(from, 3)
  t.equal(cal.workingDaysBetween(from, due), 3)
  t.equal(cal.workingDaysBetween(due, from), -3)
  t.equal(cal.workingDaysBetween(from, sh('2025-09-30T23:00')), 0, 'same day')
  t.equal(cal.workingDaysBetween(from, sh('2025-10-08T12:00')), 0, 'only holidays in between')
  t.equal(cal.workingDaysBetween(sh('2025-10-08T12:00'), from), 0, 'and not -0')
  t.ok(Object.is(cal.workingDaysBetween(sh('2025-10-08T12:00'), from), 0))
  // escalation: due at the end of 2025-10-11
  t.equal(
    cal.workingDaysBetween(due, sh('2025-10-12T10:00')),
    0,
    'past due on Sunday, 0 working days overdue',
  )
  t.equal(cal.workingDaysBetween(due, sh('2025-10-13T10:00')), 1, 'supervision notice the day after')
  t.equal(
    cal.workingDaysBetween(due, sh('2025-10-17T10:00')),
    5,
    'public criticism at 5 working days overdue',
  )
  const pairs: Array<[LocalDate, LocalDate]> = [
    ['2025-01-20', '2025-02-14'],
    ['2025-12-20', '2026-03-01'],
    ['2026-09-18', '2026-10-12'],
  ]
  for (const [a, b] of pairs) {
    const ab = cal.workingDaysBetween(a, b)
    t.ok(ab > 0)
    t.equal(cal.workingDaysBetween(b, a), -ab, `${a} ↔ ${b}`)
  }
})

t.test('nextWorkingDay: the callback day after a reply', async (t) => {
  t.equal(cal.nextWorkingDay(sh('2025-09-30T16:00')), '2025-10-09')
  t.equal(cal.nextWorkingDay(sh('2025-01-24T16:00')), '2025-01-26', 'a make-up Sunday')
  t.equal(cal.nextWorkingDay(sh('2026-02-13T16:00')), '2026-02-14', 'a make-up Saturday')
  t.equal(cal.nextWorkingDay(sh('2026-02-14T16:00')), '2026-02-24')
  t.equal(cal.nextWorkingDay('2025-03-07'), '2025-03-10')
})

t.test('days are Shanghai calendar days, whatever the machine time zone', async (t) => {
  const before = process.env.TZ
  t.teardown(() => {
    if (before === undefined) delete process.env.TZ
    else process.env.TZ = before
  })
  for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
    process.env.TZ = tz
    const late = new Date('2025-01-27T16:30:00Z')
    t.equal(cal.localDate(late), '2025-01-28', `${tz}: 16:30Z is already the 28th in Shanghai`)
    t.notOk(cal.isWorkingDay(late), `${tz}: and that is Spring Festival`)
    const early = new Date('2025-01-27T15:59:59.999Z')
    t.equal(cal.localDate(early), '2025-01-27', `${tz}: 15:59:59.999Z is still the 27th`)
    t.ok(cal.isWorkingDay(early))
    t.equal(cal.addWorkingDays(early, 0).toISOString(), endOfDayIso('2025-01-27'))
    t.equal(cal.addWorkingDays(late, 0).toISOString(), endOfDayIso('2025-02-05'))
    t.equal(cal.startOfDay('2025-01-28').toISOString(), '2025-01-27T16:00:00.000Z')
    t.equal(cal.endOfDay('2025-01-28').toISOString(), '2025-01-28T15:59:59.999Z')
  }
})

t.test('another offset can be configured', async (t) => {
  const utc = createCalendar({ timeZoneOffsetMinutes: 0 })
  t.equal(utc.localDate(new Date('2025-01-27T16:30:00Z')), '2025-01-27')
  t.equal(utc.endOfDay('2025-01-27').toISOString(), '2025-01-27T23:59:59.999Z')
  const west = createCalendar({ timeZoneOffsetMinutes: -300 })
  t.equal(west.localDate(new Date('2025-01-01T03:00:00Z')), '2024-12-31')
})

t.test('outside the covered years the calendar falls back to Monday to Friday', async (t) => {
  t.same(cal.coverage(), { from: '2025-01-01', to: '2026-12-31', years: [2025, 2026] })
  t.notOk(cal.isCovered('2024-12-31'))
  t.ok(cal.isCovered('2025-01-01'))
  t.ok(cal.isCovered(sh('2026-12-31T23:59')))
  t.notOk(cal.isCovered(sh('2027-01-01T00:00')))
  t.ok(cal.isWorkingDay('2024-10-01'), 'uncovered Tuesday: working, although it was National Day')
  t.ok(cal.isWorkingDay('2027-01-01'), 'uncovered Friday')
  t.notOk(cal.isWorkingDay('2027-01-02'), 'uncovered Saturday')
  t.equal(cal.describe('2027-01-01').covered, false)
  t.equal(cal.workingDaysBetween('2026-12-31', '2027-12-31'), 261, '2027 counted Monday to Friday')
  t.equal(cal.addWorkingDays(sh('2026-12-31T10:00'), 1).toISOString(), endOfDayIso('2027-01-01'))
  t.equal(
    cal.addWorkingDays(sh('2025-01-02T10:00'), -2).toISOString(),
    endOfDayIso('2024-12-30'),
    'back over New Year into uncovered 2024',
  )
})

t.test('malformed input is rejected clearly; uncovered dates are not', async (t) => {
  t.throws(() => cal.isWorkingDay('2025-02-30' as LocalDate), InvalidDayError)
  t.throws(() => cal.isWorkingDay('2025-2-3' as LocalDate), /not a YYYY-MM-DD calendar date: "2025-2-3"/)
  t.throws(() => cal.localDate(new Date('nonsense')), InvalidDayError)
  t.throws(() => cal.addWorkingDays(sh('2025-01-02T10:00'), 1.5), /n must be an integer/)
  t.throws(() => cal.addWorkingDays(sh('2025-01-02T10:00'), Number.NaN), InvalidDayError)
  t.throws(() => cal.addWorkingDays(sh('2025-01-02T10:00'), Date.now()), /n must be an integer between/)
  t.doesNotThrow(() => cal.isWorkingDay('1999-12-31'))
  t.doesNotThrow(() => cal.addWorkingDays('2099-06-01', 10))
  const e = t.throws(() => cal.isWorkingDay('x' as LocalDate))
  t.match(e, { code: 'TJ_CALENDAR_INVALID_DAY' })
})

function range(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = []
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    out.push(d.toISOString().slice(0, 10) as LocalDate)
  }
  return out
}
