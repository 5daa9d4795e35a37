// The calendar API through the real servers: what the issue (10) and the shared contract ask of it.
// Expected values come from them: 422 `/problems/invalid-calendar` naming each fault with nothing saved,
// 403 for any role but admin, the whole table on the bus, a consumer started later still getting it,
// coverage judged on the injected clock's day in Asia/Shanghai.
import { CalendarEvents, type EventEnvelope } from '@tingjian/contracts'
import { PROBLEM_CONTENT_TYPE, type Role } from '@tingjian/kit'
import { eventually } from '@tingjian/testkit'
import t from 'tap'
import type { YearPublished } from '../src/domain/year.ts'
import { calendarService, drained, type Harness, NOV_20, table2027 } from './helpers.ts'

const put = (h: Harness, url: string, payload: object, headers: Record<string, string>) =>
  h.app.inject({ method: 'PUT', url, payload, headers })

const ofYear = (events: EventEnvelope[], year: number) =>
  events.filter((e) => CalendarEvents.yearPublished.is(e) && e.subject === `year-${year}`) as Array<
    EventEnvelope<YearPublished>
  >

t.test('each fault of an invalid table is a 422 naming it, and nothing is saved or announced', async (t) => {
  const h = await calendarService(t)
  const events = await h.subscriber('faults')
  const good = table2027()
  const [ny, sf] = good.holidays as [
    (typeof good.holidays)[0],
    (typeof good.holidays)[1] & { makeUpWorkdays: string[] },
  ]
  const other = { zh: '其他', en: 'Other' }
  // [the fault as the issue names it, the table, the path of the fault, what its message says]
  const cases: Array<[string, object, string, RegExp]> = [
    [
      'a make-up day that is not a weekend day',
      { ...good, holidays: [ny, { ...sf, makeUpWorkdays: ['2027-02-01'] }] },
      '/holidays/1/makeUpWorkdays/0',
      /Monday/,
    ],
    [
      'overlapping periods',
      { ...good, holidays: [ny, sf, { name: other, from: '2027-02-11', to: '2027-02-13' }] },
      '/holidays/2',
      /overlaps/,
    ],
    [
      'a date outside the year',
      { ...good, holidays: [ny, sf, { name: other, from: '2028-03-01', to: '2028-03-02' }] },
      '/holidays/2',
      /outside the 2027 table/,
    ],
    [
      'from after to',
      { ...good, holidays: [{ ...ny, from: '2027-01-03', to: '2027-01-01' }, sf] },
      '/holidays/0/to',
      /after/,
    ],
    [
      'duplicate names',
      { ...good, holidays: [ny, sf, { name: ny.name, from: '2027-12-31', to: '2027-12-31' }] },
      '/holidays/2/name',
      /twice/,
    ],
    [
      'an impossible date',
      { ...good, holidays: [{ ...ny, to: '2027-02-29' }, sf] },
      '/holidays/0/to',
      /not a YYYY-MM-DD calendar date/,
    ],
  ]
  for (const [fault, table, path, says] of cases) {
    const res = await put(h, '/api/v1/calendar/years/2027', table, h.auth('admin'))
    t.equal(res.statusCode, 422, fault)
    t.equal(res.headers['content-type'], PROBLEM_CONTENT_TYPE)
    const problem = res.json()
    t.equal(problem.type, '/problems/invalid-calendar', fault)
    t.same(
      problem.errors.map((e: { path: string }) => e.path),
      [path],
      `${fault}: named at ${path}`,
    )
    t.match(problem.errors[0].message, says, fault)
  }
  // a regional override outside the year, set on the built-in 2026
  const region = await put(
    h,
    '/api/v1/calendar/years/2026/regions/650000',
    { holidays: [{ name: { zh: '古尔邦节', en: 'Eid al-Adha' }, from: '2027-05-17' }] },
    h.auth('admin'),
  )
  t.equal(region.statusCode, 422, 'a region override outside the year')
  t.same(region.json().errors, [
    { path: '/regions/650000/holidays/0', message: region.json().errors[0].message },
  ])
  t.match(region.json().errors[0].message, /outside 2026/)

  t.equal(await h.years.count(), 0, 'nothing saved')
  // marker: a sound table of another year; once its event is in, nothing else came before it
  t.equal((await put(h, '/api/v1/calendar/years/2027', table2027(), h.auth('admin'))).statusCode, 200)
  await eventually(async () => ofYear(events, 2027).length === 1)
  t.same(
    events.map((e) => [e.subject, (e.data as YearPublished).revision]),
    [['year-2027', 1]],
    'only the sound table was announced',
  )
})

t.test('who may read and who may publish (from the contract: staff read, admin writes)', async (t) => {
  const h = await calendarService(t)
  const writers: Role[] = ['admin']
  const others: Role[] = [
    'dispatcher',
    'handler',
    'dept_lead',
    'supervisor',
    'callback_agent',
    'discipline_officer',
    'hotline_operator',
  ]
  for (const role of others) {
    const res = await put(h, '/api/v1/calendar/years/2027', table2027(), h.auth(role))
    t.equal(res.statusCode, 403, `${role}: PUT refused`)
    t.equal(res.json().type, '/problems/forbidden')
    const region = await put(h, '/api/v1/calendar/years/2026/regions/650000', {}, h.auth(role))
    t.equal(region.statusCode, 403, `${role}: regional PUT refused`)
    const read = await h.app.inject({ url: '/api/v1/calendar/coverage', headers: h.auth(role) })
    t.equal(read.statusCode, 200, `${role}: may read the coverage`)
  }
  t.equal(await h.years.count(), 0, 'nothing saved by the refused requests')
  const anonymous = await h.app.inject({ url: '/api/v1/calendar/years' })
  t.equal(anonymous.statusCode, 401)
  const noToken = await put(h, '/api/v1/calendar/years/2027', table2027(), {})
  t.equal(noToken.statusCode, 401)
  for (const role of writers) {
    const res = await put(h, '/api/v1/calendar/years/2027', table2027(), h.auth(role))
    t.equal(res.statusCode, 200, `${role}: PUT accepted`)
  }
})

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(
    `an admin's PUT is saved and announced with the whole table; a later consumer gets it (${kind})`,
    async (t) => {
      const h = await calendarService(t, kind)
      const early = await h.subscriber('early')
      const res = await put(h, '/api/v1/calendar/years/2027', table2027(), h.auth('admin'))
      t.equal(res.statusCode, 200)
      const body = res.json()
      t.match(body, { year: 2027, revision: 1, builtIn: false, publishedBy: 'admin-1', publishedAt: NOV_20 })
      t.same(body.holidays, table2027().holidays)

      const [event] = await eventually(
        async () => ofYear(early, 2027).length === 1 && ofYear(early, 2027),
        60_000,
      )
      t.equal(event?.subject, 'year-2027')
      t.equal(event?.source, 'calendar')
      t.equal(event?.correlationId, res.headers['x-request-id'])
      t.same(event?.data, {
        year: 2027,
        revision: 1,
        source: table2027().source,
        holidays: table2027().holidays,
        regions: {},
        publishedAt: NOV_20,
        publishedBy: 'admin-1',
      })

      // the same table again: no new revision, no new event
      const again = await put(h, '/api/v1/calendar/years/2027', table2027(), h.auth('admin'))
      t.equal(again.statusCode, 200)
      t.equal(again.json().revision, 1, 'an identical table does not bump the revision')
      // a changed table: revision 2 (the marker: announced after anything the repeat could have caused)
      const changed = { ...table2027(), source: `${table2027().source}, corrected` }
      t.equal((await put(h, '/api/v1/calendar/years/2027', changed, h.auth('admin'))).json().revision, 2)
      await eventually(async () => ofYear(early, 2027).length >= 2, 60_000)
      t.same(
        ofYear(early, 2027).map((e) => e.data.revision),
        [1, 2],
        'one event per publication',
      )

      // a service that starts after the publication reads them from the beginning
      await drained(h.store)
      const late = await h.subscriber('late')
      await eventually(async () => ofYear(late, 2027).length === 2, 60_000)
      t.same(
        ofYear(late, 2027).map((e) => [e.data.revision, e.data.source]),
        [
          [1, table2027().source],
          [2, changed.source],
        ],
      )
    },
  )
}

t.test('coverage is judged on the injected clock in Asia/Shanghai', async (t) => {
  // 31 October 2026, 23:59 in Shanghai
  const h = await calendarService(t, 'embedded', { now: '2026-10-31T15:59:00.000Z' })
  const coverage = async () =>
    (await h.app.inject({ url: '/api/v1/calendar/coverage', headers: h.auth('supervisor') })).json()
  t.same(await coverage(), {
    years: [2025, 2026],
    currentYear: 2026,
    currentYearCovered: true,
    nextYear: 2027,
    nextYearCovered: false,
    warning: false,
    from: '2025-01-01',
    to: '2026-12-31',
  })
  // 1 November in Shanghai while it is still 31 October in UTC
  h.clock.set(new Date('2026-10-31T16:00:00.000Z'))
  t.match(await coverage(), { nextYear: 2027, nextYearCovered: false, warning: true })
  t.equal((await put(h, '/api/v1/calendar/years/2027', table2027(), h.auth('admin'))).statusCode, 200)
  t.same(await coverage(), {
    years: [2025, 2026, 2027],
    currentYear: 2026,
    currentYearCovered: true,
    nextYear: 2027,
    nextYearCovered: true,
    warning: false,
    from: '2025-01-01',
    to: '2027-12-31',
  })
  // on 1 January 2027 (Shanghai) the next year is 2028
  h.clock.set(new Date('2026-12-31T16:00:00.000Z'))
  t.match(await coverage(), {
    currentYear: 2027,
    currentYearCovered: true,
    nextYear: 2028,
    nextYearCovered: false,
    warning: false,
  })
})

t.test('the built-in years are served as revision 0; unknown years are 404', async (t) => {
  const h = await calendarService(t)
  const list = await h.app.inject({ url: '/api/v1/calendar/years', headers: h.auth('dispatcher') })
  t.same(
    list
      .json()
      .items.map((y: { year: number; revision: number; builtIn: boolean }) => [
        y.year,
        y.revision,
        y.builtIn,
      ]),
    [
      [2025, 0, true],
      [2026, 0, true],
    ],
  )
  const y2026 = (
    await h.app.inject({ url: '/api/v1/calendar/years/2026', headers: h.auth('dispatcher') })
  ).json()
  t.match(y2026, { year: 2026, revision: 0, builtIn: true, publishedAt: null, regions: {} })
  t.match(y2026.source, /国务院办公厅关于2026年部分节假日安排的通知/)
  t.same(y2026.holidays[0], {
    name: { zh: '元旦', en: "New Year's Day" },
    from: '2026-01-01',
    to: '2026-01-03',
    makeUpWorkdays: ['2026-01-04'],
  })
  const none = await h.app.inject({ url: '/api/v1/calendar/years/2027', headers: h.auth('dispatcher') })
  t.equal(none.statusCode, 404)
  t.equal(none.json().type, '/problems/not-found')
  const bad = await h.app.inject({ url: '/api/v1/calendar/years/20x7', headers: h.auth('dispatcher') })
  t.equal(bad.statusCode, 400)
})

t.test(
  'regional overrides: set on a built-in year, read, removed; each a revision with its event',
  async (t) => {
    const h = await calendarService(t)
    const events = await h.subscriber('regions')
    const eid = { name: { zh: '古尔邦节', en: 'Eid al-Adha' }, from: '2026-05-27', to: '2026-05-29' }
    const url = '/api/v1/calendar/years/2026/regions/650000'
    const set = await put(h, url, { name: { zh: '新疆', en: 'Xinjiang' }, holidays: [eid] }, h.auth('admin'))
    t.equal(set.statusCode, 200)
    t.match(set.json(), {
      year: 2026,
      revision: 1,
      builtIn: false,
      regions: { '650000': { holidays: [eid] } },
    })
    t.equal(set.json().holidays.length, 7, 'the built-in national table is kept')
    // the month grid of the region: the built-in national table with the region's festival
    const grid = await h.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/years/2026/preview?region=650000',
      payload: { source: set.json().source, holidays: set.json().holidays },
      headers: h.auth('admin'),
    })
    const day = (date: string) => grid.json().days.find((d: { date: string }) => d.date === date)
    t.same(day('2026-05-28'), { date: '2026-05-28', working: false, kind: 'holiday', name: eid.name })
    t.same(day('2026-10-01'), {
      date: '2026-10-01',
      working: false,
      kind: 'holiday',
      name: { zh: '国庆节', en: 'National Day' },
    })
    const read = await h.app.inject({ url, headers: h.auth('handler') })
    t.same(read.json(), { name: { zh: '新疆', en: 'Xinjiang' }, holidays: [eid] })
    const removed = await h.app.inject({ method: 'DELETE', url, headers: h.auth('admin') })
    t.equal(removed.statusCode, 200)
    t.match(removed.json(), { revision: 2, regions: {} })
    t.equal((await h.app.inject({ method: 'DELETE', url, headers: h.auth('admin') })).statusCode, 404)
    t.equal((await h.app.inject({ url, headers: h.auth('handler') })).statusCode, 404)
    t.equal((await h.app.inject({ method: 'DELETE', url, headers: h.auth('dispatcher') })).statusCode, 403)
    await eventually(async () => ofYear(events, 2026).length === 2)
    t.same(
      ofYear(events, 2026).map((e) => [e.data.revision, Object.keys(e.data.regions)]),
      [
        [1, ['650000']],
        [2, []],
      ],
    )
    // a year with no national table has no regions either
    const orphan = await put(
      h,
      '/api/v1/calendar/years/2031/regions/650000',
      { holidays: [] },
      h.auth('admin'),
    )
    t.equal(orphan.statusCode, 422)
    t.match(orphan.json().errors[0].message, /no national table/)
  },
)

t.test('preview: faults, or every day of the year; nothing saved', async (t) => {
  const h = await calendarService(t)
  const url = '/api/v1/calendar/years/2027/preview'
  const res = await h.app.inject({ method: 'POST', url, payload: table2027(), headers: h.auth('admin') })
  t.equal(res.statusCode, 200)
  const { faults, days } = res.json()
  t.same(faults, [])
  t.equal(days.length, 365)
  t.same(days[0], {
    date: '2027-01-01',
    working: false,
    kind: 'holiday',
    name: { zh: '元旦', en: "New Year's Day" },
  })
  t.same(days[30], {
    date: '2027-01-31',
    working: true,
    kind: 'adjusted-workday',
    name: { zh: '春节', en: 'Spring Festival' },
  })
  t.same(days[3], { date: '2027-01-04', working: true, kind: 'workday' })
  const bad = { ...table2027(), holidays: [{ ...table2027().holidays[0], from: '2027-01-05' }] }
  const faulty = await h.app.inject({ method: 'POST', url, payload: bad, headers: h.auth('admin') })
  t.same(faulty.json().days, [])
  t.same(
    faulty.json().faults.map((f: { path: string }) => f.path),
    ['/holidays/0/to'],
  )
  t.equal(
    (await h.app.inject({ method: 'POST', url, payload: table2027(), headers: h.auth('supervisor') }))
      .statusCode,
    403,
  )
  t.equal(await h.years.count(), 0, 'a preview saves nothing')
})

t.test('bad bodies are 400 problems naming the field; nothing saved', async (t) => {
  const h = await calendarService(t)
  const cases: Array<[string, object, string]> = [
    ['an unknown key', { ...table2027(), extra: 1 }, 'body'],
    ['a control character in the source', { ...table2027(), source: 'notice\u0007' }, 'body/source'],
    [
      'a line break in a name',
      { ...table2027(), holidays: [{ ...table2027().holidays[0], name: { zh: '元\n旦', en: 'x' } }] },
      'body/holidays/0/name/zh',
    ],
    [
      'a date that is not YYYY-MM-DD',
      { ...table2027(), holidays: [{ ...table2027().holidays[0], to: '3 Jan 2027' }] },
      'body/holidays/0/to',
    ],
  ]
  for (const [what, payload, path] of cases) {
    const res = await put(h, '/api/v1/calendar/years/2027', payload, h.auth('admin'))
    t.equal(res.statusCode, 400, what)
    t.ok(
      res.json().errors.some((e: { path: string }) => e.path === path),
      `${what}: names ${path} (${JSON.stringify(res.json().errors)})`,
    )
  }
  t.equal(await h.years.count(), 0)
})

t.test('concurrent publications of one year both land, one revision each', async (t) => {
  const h = await calendarService(t)
  const a = { ...table2027(), source: 'fixture A' }
  const b = { ...table2027(), source: 'fixture B' }
  const [ra, rb] = await Promise.all([
    put(h, '/api/v1/calendar/years/2027', a, h.auth('admin')),
    put(h, '/api/v1/calendar/years/2027', b, h.auth('admin')),
  ])
  t.same([ra.statusCode, rb.statusCode], [200, 200])
  t.same([ra.json().revision, rb.json().revision].sort(), [1, 2])
  const stored = await h.years.get('year-2027')
  t.equal(stored?.revision, 2)
})

t.test('a year is announced again when its last announcement is older than the interval', async (t) => {
  const h = await calendarService(t, 'embedded', { reannounceIntervalMs: 24 * 3_600_000 })
  const events = await h.subscriber('again')
  t.equal((await put(h, '/api/v1/calendar/years/2027', table2027(), h.auth('admin'))).statusCode, 200)
  await eventually(async () => ofYear(events, 2027).length === 1)
  await h.app.close()
  // a day later the service starts again (the sweep runs at start-up)
  h.clock.advance(24 * 3_600_000)
  const second = await h.build()
  t.teardown(() => second.close())
  await second.ready()
  await eventually(async () => ofYear(events, 2027).length === 2)
  t.same(
    ofYear(events, 2027).map((e) => e.data.revision),
    [1, 1],
    'the same revision again: consumers that have it ignore it',
  )
  t.equal(
    (await h.years.get('year-2027'))?.announcedAt,
    new Date(Date.parse(NOV_20) + 24 * 3_600_000).toISOString(),
  )
})
