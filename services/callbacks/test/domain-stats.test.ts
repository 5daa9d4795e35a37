// The KPIs' arithmetic against values worked out by hand: the Wilson interval of the issue's example, a
// stratified estimate of two strata sampled at different rates, the rows per group, the CSV.
import t from 'tap'
import { parseCsv } from '../src/domain/csv.ts'
import { statsCsv, statsRows, stratifiedEstimate, type TaskFacts } from '../src/domain/stats.ts'

const pct = (x: number | undefined | null) => (x === null || x === undefined ? null : (x * 100).toFixed(1))

function facts(over: Partial<TaskFacts>): TaskFacts {
  return {
    departmentId: 'dept-a',
    office: '出入境大厅',
    staffNumber: 'S001',
    serviceType: 'passport',
    month: '2026-03',
    stratum: '出入境大厅|passport',
    samplingRate: 1,
    status: 'completed',
    satisfaction: 'satisfied',
    attitude: 5,
    promiseKept: true,
    overcharged: false,
    count: 1,
    ...over,
  }
}

t.test('180 satisfied of 200 at one rate → 90 %, Wilson 85.1 %–93.4 % (the issue)', async (t) => {
  const rows = statsRows(
    [facts({ count: 180 }), facts({ satisfaction: 'dissatisfied', count: 20 })],
    'department',
    new Map(),
  )
  t.equal(rows.length, 1)
  const s = rows[0]?.satisfaction
  t.equal(s?.method, 'wilson')
  t.equal(s?.n, 200)
  t.equal(s?.satisfied, 180)
  t.equal(s?.rate, 0.9)
  t.same([pct(s?.interval?.low), pct(s?.interval?.high)], ['85.1', '93.4'])
})

t.test('the stratified estimate of two strata, by hand', async (t) => {
  // A: N = 1000 drawn at 10 %, 100 answered, 90 satisfied; B: N = 100, all drawn, 100 answered, 60 satisfied.
  // p = (1000·0.9 + 100·0.6) / 1100 = 960/1100 = 0.872727…
  // V = (1000/1100)²·(1 − 100/1000)·0.9·0.1/100 + (100/1100)²·(1 − 1)·0.6·0.4/100
  //   = 0.8264463·0.9·0.0009 = 0.00066942; √V = 0.0258731; 1.959964·√V = 0.0507103
  // → [0.822017, 0.923438]
  const e = stratifiedEstimate([
    { population: 1000, n: 100, satisfied: 90 },
    { population: 100, n: 100, satisfied: 60 },
  ])
  t.ok(e.rate !== null && Math.abs(e.rate - 0.872727) < 1e-6, `rate ${e.rate}`)
  t.ok(e.interval && Math.abs(e.interval.low - 0.822017) < 1e-5, `low ${e.interval?.low}`)
  t.ok(e.interval && Math.abs(e.interval.high - 0.923438) < 1e-5, `high ${e.interval?.high}`)
  t.equal(e.coverage, 1)

  // the same through the rows: a department whose two strata were drawn at 0.1 and 1
  const A = { stratum: 'a|passport', samplingRate: 0.1 }
  const B = { stratum: 'b|passport', samplingRate: 1 }
  const rows = statsRows(
    [
      facts({ ...A, count: 90 }),
      facts({ ...A, satisfaction: 'very_dissatisfied', count: 10 }),
      facts({ ...B, satisfaction: 'basically_satisfied', count: 60 }),
      facts({ ...B, satisfaction: 'dissatisfied', count: 40 }),
    ],
    'department',
    new Map([
      ['2026-03|a|passport', 1000],
      ['2026-03|b|passport', 100],
    ]),
  )
  const s = rows[0]?.satisfaction
  t.equal(s?.method, 'stratified')
  t.equal(s?.n, 200)
  t.equal(s?.rate, 0.8727)
  t.same(s?.interval, { low: 0.822, high: 0.9234 })
  // unweighted it would be 150/200 = 75 %: the weighting matters
})

t.test('clipped to [0, 1]; a stratum without answers is left out and the coverage says so', async (t) => {
  const all = stratifiedEstimate([
    { population: 50, n: 5, satisfied: 5 },
    { population: 10, n: 10, satisfied: 10 },
  ])
  t.same([all.rate, all.interval], [1, { low: 1, high: 1 }], 'p_h = 1 has no variance')
  const partial = stratifiedEstimate([
    { population: 300, n: 30, satisfied: 15 },
    { population: 100, n: 0, satisfied: 0 },
  ])
  t.equal(partial.rate, 0.5)
  t.equal(partial.coverage, 0.75)
  t.equal(partial.strata, 1)
  t.same(stratifiedEstimate([{ population: 10, n: 0, satisfied: 0 }]).rate, null)
})

t.test(
  'rows per group: callback rate, unreachable, fees, attitude, promises; sorted, null last',
  async (t) => {
    const rows = statsRows(
      [
        facts({ office: 'B', attitude: 2, overcharged: true, promiseKept: false }),
        facts({ office: 'B', attitude: 5 }),
        facts({ office: 'B', status: 'unreachable', satisfaction: null, attitude: null, promiseKept: null }),
        facts({ office: 'B', status: 'open', satisfaction: null, attitude: null, promiseKept: null }),
        facts({ office: 'A', satisfaction: null, attitude: null, promiseKept: null }),
        facts({ office: null, serviceType: 'case' }),
      ],
      'office',
      new Map(),
    )
    t.same(
      rows.map((r) => r.group),
      ['A', 'B', null],
    )
    const b = rows[1]
    t.equal(b?.eligible, 4)
    t.equal(b?.completed, 2)
    t.equal(b?.unreachable, 1)
    t.equal(b?.callbackRate, 0.5)
    t.equal(b?.feeProblems, 1)
    t.same(b?.attitude, { mean: 3.5, n: 2 })
    t.same(b?.promisesKept, { rate: 0.5, kept: 1, n: 2 })
    t.same([b?.satisfaction.n, b?.satisfaction.rate], [2, 1])
    const a = rows[0]
    t.same([a?.satisfaction.n, a?.satisfaction.rate, a?.satisfaction.interval], [0, null, null])
  },
)

t.test('CSV: byte-order mark, header, formula-safe cells, names', async (t) => {
  const rows = statsRows([facts({ office: '=HYPERLINK("x")' })], 'office', new Map())
  const csv = statsCsv('office', rows, new Map())
  t.ok(csv.startsWith('\uFEFFgroup_by,group,name,eligible,completed'))
  const parsed = parseCsv(csv, 10)
  t.ok(parsed.ok)
  if (!parsed.ok) return
  t.equal(parsed.rows[0]?.cells[1], `'=HYPERLINK("x")`, 'a leading = is neutralised')
  t.equal(parsed.rows[0]?.cells[3], '1')
  const d = statsCsv(
    'department',
    statsRows([facts({})], 'department', new Map()),
    new Map([['dept-a', '出入境管理局']]),
  )
  t.match(d, /\r\ndepartment,dept-a,出入境管理局,1,1,0,1,1,1,1,/)
})
