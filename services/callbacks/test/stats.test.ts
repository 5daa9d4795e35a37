// The callback KPIs through HTTP on both adapters, from tasks and strata seeded as stored. Every expected
// figure is worked out by hand below from the design's definitions (callback rate = completed / eligible;
// satisfaction = the three upper levels over answered, Wilson at one rate, stratified by population where
// rates differ; fee problems; attitude mean; promises kept), not taken from the code.
import { randomBytes } from 'node:crypto'
import { deleteTestNamespace } from '@tingjian/bus-kafka/testing'
import { PublishedCalendar } from '@tingjian/calendar'
import { FieldCipher, generateFieldKeys, ManualClock, type Role } from '@tingjian/kit'
import type { Fields } from '@tingjian/store'
import { TelephonySimulator } from '@tingjian/telephony/simulator'
import { type AdapterKind, capturedLogger, KAFKA_BROKERS, testAdapters, testJwt } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import { buildCallbacks } from '../src/app.ts'
import type { TaskDoc } from '../src/collections.ts'
import { parseCsv } from '../src/domain/csv.ts'
import { DEFAULT_POLICY } from '../src/domain/policy.ts'
import { newTask } from '../src/domain/task.ts'

const API = '/api/v1/callbacks'
/** Monday 2 March 2026, 10:00 in Shanghai. */
const MONDAY_10 = '2026-03-02T02:00:00.000Z'

async function callbacks(t: Test, kind: AdapterKind) {
  const { logger } = capturedLogger()
  const { bus, store, namespace } = await testAdapters(t, kind, 'callbacks', logger)
  if (kind === 'distributed') t.teardown(() => deleteTestNamespace(KAFKA_BROKERS.split(','), namespace))
  const jwt = testJwt()
  const cipher = FieldCipher.fromConfig(generateFieldKeys('test1'))
  const calendar = new PublishedCalendar()
  const simulator = new TelephonySimulator({
    authToken: randomBytes(32).toString('hex'),
    publicBaseUrl: 'https://callbacks.example.test',
    lineNumber: '+862012345678',
  })
  const app = await buildCallbacks({
    logger,
    bus,
    store,
    clock: new ManualClock(MONDAY_10),
    cipher,
    jwt: jwt.config,
    telephony: simulator.telephony,
    publicBaseUrl: 'https://callbacks.example.test',
    lineNumber: '+862012345678',
    calendar,
    group: `${namespace}-callbacks`,
    rateLimitPerMinute: 1_000_000,
    schedulerIntervalMs: 0,
  })
  t.teardown(() => app.close())
  t.teardown(() => simulator.close())
  await app.ready()
  const as = (role: Role) => ({
    authorization: `Bearer ${jwt.token({ sub: `u-${role}`, roles: [role], departmentId: null })}`,
  })
  return { app, store, cipher, calendar, as }
}

type H = Awaited<ReturnType<typeof callbacks>>

interface Seed {
  department: string
  office: string
  stratum: string
  rate: number
  status?: TaskDoc['status']
  answers?: Partial<NonNullable<TaskDoc['answers']>>
  feeSchedule?: number
}

let seq = 0
async function seed(h: H, s: Seed, count = 1): Promise<void> {
  for (let i = 0; i < count; i++) {
    seq++
    const { id, task } = newTask(
      {
        subjectKind: 'service_record',
        caseId: null,
        trackingCode: null,
        serviceRecord: { source: 'seed', recordId: `r${seq}` },
        serviceType: 'passport',
        departmentId: s.department,
        office: s.office,
        window: '1号窗口',
        staffNumber: `S${seq % 3}`,
        phone: '13900001111',
        applicantName: '某某',
        samplingRate: s.rate,
        stratum: s.stratum,
        feeSchedule: s.feeSchedule ?? 120,
        reworkCount: 0,
        subjectAt: new Date('2026-02-10T02:00:00Z'),
      },
      { policy: DEFAULT_POLICY, calendar: h.calendar, cipher: h.cipher },
    )
    const status = s.status ?? 'completed'
    const doc: Fields<TaskDoc> = {
      ...task,
      status,
      answers:
        status === 'completed'
          ? {
              feeCorrect: true,
              amountPaid: null,
              attitude: 5,
              promiseKept: true,
              satisfaction: 'satisfied',
              comment: null,
              ...s.answers,
            }
          : null,
      closedAt: status === 'completed' || status === 'unreachable' ? '2026-02-12T03:00:00.000Z' : null,
    }
    await h.store.collection<TaskDoc>('tasks').insert(id, doc)
  }
}

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(`callback KPIs on ${kind}`, async (t) => {
    const h = await callbacks(t, kind)
    const supervisor = h.as('supervisor')
    const A = `dept-a-${randomBytes(3).toString('hex')}`
    const B = `dept-b-${randomBytes(3).toString('hex')}`
    await h.store.collection('departments').insert(A, {
      code: 'CRJ',
      name: '出入境管理支队',
      nameEn: null,
      active: true,
      changedAt: '2026-01-01T00:00:00.000Z',
      eventId: 'e1',
    })

    // Department A, stratum a (drawn at 10 %, population 100): 10 completed, 9 satisfied, 1 dissatisfied;
    // one of them says it paid 150 against the schedule's 120.
    const a = { department: A, office: '东城大厅', stratum: 'a|passport', rate: 0.1 }
    await seed(h, a, 8)
    await seed(h, { ...a, answers: { feeCorrect: null, amountPaid: 150 } })
    await seed(h, { ...a, answers: { satisfaction: 'dissatisfied' } })
    // stratum b (all drawn, population 15): 10 completed — 6 basically satisfied (attitude 4, 3 of them
    // with the promise missed), 4 dissatisfied (attitude 2, 2 of them overcharged) — 2 unreachable, 3 open.
    const b = { department: A, office: '西城大厅', stratum: 'b|passport', rate: 1 }
    await seed(
      h,
      { ...b, answers: { satisfaction: 'basically_satisfied', attitude: 4, promiseKept: false } },
      3,
    )
    await seed(h, { ...b, answers: { satisfaction: 'basically_satisfied', attitude: 4 } }, 3)
    await seed(h, { ...b, answers: { satisfaction: 'dissatisfied', attitude: 2, feeCorrect: false } }, 2)
    await seed(h, { ...b, answers: { satisfaction: 'dissatisfied', attitude: 2 } }, 2)
    await seed(h, { ...b, status: 'unreachable' }, 2)
    await seed(h, { ...b, status: 'open' }, 3)
    // Department B: 5 completed, all very satisfied, all drawn (population 5).
    await seed(
      h,
      {
        department: B,
        office: '南城大厅',
        stratum: 'c|passport',
        rate: 1,
        answers: { satisfaction: 'very_satisfied' },
      },
      5,
    )
    const strata = h.store.collection('strata')
    const stratum = (s: string, population: number, sampled: number, rate: number) =>
      strata.insert(`2026-02|${s}`, {
        month: '2026-02',
        stratum: s,
        kind: 'service_record',
        population,
        sampled,
        rate,
      })
    await stratum('a|passport', 100, 10, 0.1)
    await stratum('b|passport', 15, 15, 1)
    await stratum('c|passport', 5, 5, 1)

    t.test('per department', async (t) => {
      const res = await h.app.inject({ url: `${API}/stats?from=2026-02&to=2026-02`, headers: supervisor })
      t.equal(res.statusCode, 200, res.body.slice(0, 300))
      const rows = res.json().rows as Array<Record<string, unknown>>
      const rowA = rows.find((r) => r.group === A)
      const rowB = rows.find((r) => r.group === B)
      // A: eligible 10 + 15 = 25, completed 20, unreachable 2, callback rate 20/25 = 0.8
      t.match(rowA, {
        name: '出入境管理支队',
        eligible: 25,
        completed: 20,
        unreachable: 2,
        callbackRate: 0.8,
      })
      // fee problems: 150 > 120 once, feeCorrect false twice = 3
      t.equal(rowA?.feeProblems, 3)
      // attitude: 10·5 + 6·4 + 4·2 = 82 over 20 = 4.1
      t.same(rowA?.attitude, { mean: 4.1, n: 20 })
      // promises: 17 of 20
      t.same(rowA?.promisesKept, { rate: 0.85, kept: 17, n: 20 })
      // satisfaction, stratified: p = (100·0.9 + 15·0.6)/115 = 99/115 = 0.8609;
      // V = (100/115)²(1−10/100)(0.9·0.1)/10 + (15/115)²(1−10/15)(0.6·0.4)/10 = 0.0062609, 1.96·√V = 0.1551
      // → [0.7058, 1] (clipped)
      t.same(rowA?.satisfaction, {
        n: 20,
        satisfied: 15,
        rate: 0.8609,
        interval: { low: 0.7058, high: 1 },
        method: 'stratified',
        strata: 2,
        coverage: 1,
      })
      // B: one rate → Wilson 5 of 5 = [0.5655, 1]
      t.match(rowB, { name: null, eligible: 5, completed: 5, callbackRate: 1 })
      t.same(rowB?.satisfaction, {
        n: 5,
        satisfied: 5,
        rate: 1,
        interval: { low: 0.5655, high: 1 },
        method: 'wilson',
        strata: 1,
        coverage: null,
      })
    })

    t.test('per month, per office; another month is empty', async (t) => {
      const month = await h.app.inject({
        url: `${API}/stats?from=2026-02&to=2026-02&groupBy=month`,
        headers: supervisor,
      })
      // three strata: (90 + 9 + 5)/120 = 0.8667; V adds nothing for c (p = 1) → [0.718, 1]
      t.match(month.json().rows, [
        {
          group: '2026-02',
          eligible: 30,
          completed: 25,
          satisfaction: { rate: 0.8667, interval: { low: 0.718, high: 1 }, method: 'stratified' },
        },
      ])
      const office = await h.app.inject({
        url: `${API}/stats?from=2026-02&to=2026-02&groupBy=office&departmentId=${A}`,
        headers: supervisor,
      })
      t.same(
        office
          .json()
          .rows.map(
            (r: { group: string; eligible: number; satisfaction: { rate: number; method: string } }) => [
              r.group,
              r.eligible,
              r.satisfaction.rate,
              r.satisfaction.method,
            ],
          ),
        [
          ['东城大厅', 10, 0.9, 'wilson'],
          ['西城大厅', 15, 0.6, 'wilson'],
        ],
      )
      const march = await h.app.inject({ url: `${API}/stats?from=2026-03&to=2026-03`, headers: supervisor })
      t.same(march.json().rows, [])
      const bad = await h.app.inject({ url: `${API}/stats?from=2026-05&to=2026-03`, headers: supervisor })
      t.equal(bad.statusCode, 400)
      const long = await h.app.inject({ url: `${API}/stats?from=2024-01&to=2026-03`, headers: supervisor })
      t.equal(long.statusCode, 400, 'at most 24 months')
    })

    t.test('CSV', async (t) => {
      const res = await h.app.inject({
        url: `${API}/stats.csv?from=2026-02&to=2026-02`,
        headers: h.as('admin'),
      })
      t.equal(res.statusCode, 200)
      t.match(res.headers['content-type'], /^text\/csv; charset=utf-8/)
      t.match(
        res.headers['content-disposition'],
        /^attachment; filename="callbacks-department-2026-02-2026-02\.csv"$/,
      )
      t.ok(res.body.startsWith('\uFEFFgroup_by,group,name,eligible'))
      const parsed = parseCsv(res.body, 100)
      if (!parsed.ok) throw new Error('the CSV does not parse')
      const row = parsed.rows.find((r) => r.cells[1] === A)?.cells
      t.same(row, [
        'department',
        A,
        '出入境管理支队',
        '25',
        '20',
        '2',
        '0.8',
        '20',
        '15',
        '0.8609',
        '0.7058',
        '1',
        'stratified',
        '3',
        '4.1',
        '20',
        '17',
        '20',
        '0.85',
      ])
    })

    t.test('the public monthly figures: per department, nothing personal', async (t) => {
      const res = await h.app.inject({ url: `${API}/public/monthly?month=2026-02` })
      t.equal(res.statusCode, 200)
      const body = res.json()
      t.equal(body.month, '2026-02')
      t.match(
        body.departments,
        [
          {
            departmentId: A,
            departmentName: '出入境管理支队',
            eligible: 25,
            completed: 20,
            callbackRate: 0.8,
            satisfaction: { rate: 0.8609, n: 20 },
          },
          { departmentId: B, eligible: 5, completed: 5, satisfaction: { rate: 1, n: 5 } },
        ].sort((x, y) => x.departmentId.localeCompare(y.departmentId)),
      )
      t.notMatch(res.body, /大厅|S\d|窗口|139|某某|seed/, 'no office, staff, window, number, name or record')
    })
  })
}
