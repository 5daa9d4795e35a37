// Published monthly statistics (GET /public/stats): by month of acceptance in Shanghai time, department
// names, bounded ranges, no personal data, rate limited; and the staff statistics' department names.
import { IdentityEvents } from '@tingjian/contracts'
import { eventually, PERSONAL_DATA } from '@tingjian/testkit'
import t from 'tap'
import { addMonths, monthsBetween } from '../src/stats.ts'
import { MONDAY } from './fixtures.ts'
import { type Harness, harness } from './helpers.ts'

const ZERO = { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 }

async function nameDepartment(h: Harness, departmentId: string, name: string) {
  await h.bus.publish(
    IdentityEvents.departmentChanged.create({
      subject: departmentId,
      occurredAt: MONDAY,
      data: { departmentId, code: departmentId, name, parentId: null, active: true },
    }),
  )
  await eventually(async () => (await h.departments.get(departmentId))?.name === name)
}

/** Cases accepted on both sides of midnight, 1 March 2026 in Shanghai (16:00 UTC the day before). */
async function scenario(h: Harness) {
  const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
  const handler = { authorization: `Bearer ${h.token('handler', 'exit-entry', 'u-handler-7')}` }
  const lead = { authorization: `Bearer ${h.token('dept_lead', 'exit-entry', 'u-lead-7')}` }
  const act = async (headers: Record<string, string>, id: string, action: string, body: object = {}) => {
    const version = (await h.cases.get(id))?.version
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/${action}`,
      headers,
      payload: { version, ...body },
    })
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`)
  }
  h.clock.set('2026-02-28T15:00:00Z') // 28 February, 23:00 in Shanghai
  const february = await h.submit({ subject: '二月受理的信件' })
  await act(dispatcher, february.id, 'assign', { departmentId: 'exit-entry', note: '内部批注' })
  h.clock.set('2026-02-28T16:30:00Z') // 1 March, 00:30 in Shanghai
  const march = await h.submit({ subject: '三月受理的信件' })
  await act(dispatcher, march.id, 'assign', { departmentId: 'exit-entry' })
  await act(handler, march.id, 'sign')
  await act(handler, march.id, 'reply', { text: '已答复，请致电13900001111' })
  await act(lead, march.id, 'reply/approve')
  const rated = await h.app.inject({
    method: 'POST',
    url: `/api/v1/public/cases/${march.code}/rating`,
    headers: { 'x-access-key': march.key },
    payload: { satisfaction: 'basically_satisfied', comment: '我是张三，电话13812345678' },
  })
  if (rated.statusCode !== 200) throw new Error(rated.body)
  const traffic = await h.submit({ subject: '交通' })
  await act(dispatcher, traffic.id, 'assign', { departmentId: 'traffic' })
  const onTheSpot = await h.submit({ subject: '当场答复' })
  await act(dispatcher, onTheSpot.id, 'answer', { text: '可在线办理' }) // no department: not counted
  h.clock.set('2026-03-20T02:00:00Z')
  return { february, march, traffic, onTheSpot }
}

t.test('monthly figures per department, by month of acceptance in Shanghai time', async (t) => {
  const h = await harness(t)
  await nameDepartment(h, 'exit-entry', '人口与出入境管理局')
  const cases = await scenario(h)

  const res = await h.app.inject({ method: 'GET', url: '/api/v1/public/stats?from=2026-01&to=2026-04' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), {
    from: '2026-01',
    to: '2026-04',
    months: [
      { month: '2026-01', departments: [] },
      {
        month: '2026-02',
        departments: [
          {
            departmentId: 'exit-entry',
            departmentName: '人口与出入境管理局',
            received: 1,
            closed: 0,
            onTimeClosed: 0,
            satisfaction: ZERO,
          },
        ],
      },
      {
        month: '2026-03',
        departments: [
          {
            departmentId: 'exit-entry',
            departmentName: '人口与出入境管理局',
            received: 1,
            closed: 1,
            onTimeClosed: 1,
            satisfaction: { ...ZERO, basically_satisfied: 1 },
          },
          {
            departmentId: 'traffic',
            departmentName: '交通管理局',
            received: 1,
            closed: 0,
            onTimeClosed: 0,
            satisfaction: ZERO,
          },
        ],
      },
      { month: '2026-04', departments: [] },
    ],
  })

  // no personal data: only counts, months and department ids and names
  const keys = new Set<string>()
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        keys.add(k)
        walk(x)
      }
  }
  walk(res.json())
  t.same([...keys].sort(), [
    'basically_satisfied',
    'closed',
    'departmentId',
    'departmentName',
    'departments',
    'dissatisfied',
    'from',
    'month',
    'months',
    'onTimeClosed',
    'received',
    'satisfaction',
    'satisfied',
    'to',
  ])
  t.notMatch(res.body, PERSONAL_DATA, 'no phone, ID number or e-mail')
  for (const c of Object.values(cases)) {
    t.notOk(res.body.includes(c.id), 'no case id')
    t.notOk(res.body.includes(c.code), 'no tracking code')
  }
  for (const text of ['张三', '信件', '内部批注', '已答复', 'u-', 'dispatcher', 'handler']) {
    t.notOk(res.body.includes(text), `no ${text}`)
  }

  // the staff statistics name the departments too
  const staff = await h.app.inject({
    method: 'GET',
    url: '/api/v1/stats/departments?from=2026-02-28T16:00:00Z&to=2026-04-01T00:00:00Z',
    headers: { authorization: `Bearer ${h.token('supervisor')}` },
  })
  t.equal(staff.statusCode, 200)
  t.match(staff.json().departments, [
    { departmentId: 'exit-entry', departmentName: '人口与出入境管理局', received: 1, closed: 1, overdue: 0 },
    { departmentId: 'traffic', departmentName: '交通管理局', received: 1, closed: 0, overdue: 1 },
  ])
})

t.test('ranges: the last 12 months by default, at most 24, bad input is a 400', async (t) => {
  const h = await harness(t)
  await scenario(h) // now: 20 March 2026
  const get = (qs: string) => h.app.inject({ method: 'GET', url: `/api/v1/public/stats${qs}` })
  const months = async (qs: string) => {
    const res = await get(qs)
    t.equal(res.statusCode, 200, qs)
    return res.json().months.map((m: { month: string }) => m.month)
  }
  t.same(await months(''), monthsBetween('2025-04', '2026-03'), 'default: the last 12 months')
  t.same(await months('?to=2026-02'), monthsBetween('2025-03', '2026-02'), 'to only: 12 months up to it')
  t.same(await months('?from=2026-02'), ['2026-02', '2026-03'], 'from only: up to the current month')
  t.same(await months('?from=2025-01'), monthsBetween('2025-01', '2025-12'), 'from only: 12 months')
  t.same(await months('?from=2026-03&to=2026-03'), ['2026-03'])
  t.equal((await months('?from=2024-04&to=2026-03')).length, 24, '24 months')
  t.same(await months('?from=2025-12&to=2026-01'), ['2025-12', '2026-01'], 'across a year')
  const all = (await get('?from=2025-04&to=2026-03')).json().months
  t.equal(all.at(-1).departments.length, 2)

  for (const qs of [
    '?from=2024-03&to=2026-03',
    '?from=2026-03&to=2026-02',
    '?from=2026-13',
    '?from=2026-3',
    '?from=2026-03-01',
    '?to=26-03',
    '?from=0999-01',
    '?from=2026-03&x=1',
    '?from[$ne]=x',
    '?from=2026-01&from=2026-02',
  ]) {
    const res = await get(qs)
    t.equal(res.statusCode, 400, qs)
    t.match(res.headers['content-type'], /application\/problem\+json/, qs)
  }
  t.equal(addMonths('2026-01', -1), '2025-12')
  t.equal(addMonths('2025-12', 1), '2026-01')
  t.equal(addMonths('2026-03', -11), '2025-04')
})

t.test('public: no account needed, the stricter rate limit', async (t) => {
  const h = await harness(t, 'embedded', { publicRateLimitPerMinute: 3 })
  const codes: number[] = []
  for (let i = 0; i < 4; i++) {
    codes.push((await h.app.inject({ method: 'GET', url: '/api/v1/public/stats' })).statusCode)
  }
  t.same(codes, [200, 200, 200, 429])
})
