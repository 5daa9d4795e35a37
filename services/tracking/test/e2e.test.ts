// The path through the real servers: Kafka and FerretDB (start them with `pnpm infra:up`).
import { eventually } from '@tingjian/testkit'
import t from 'tap'
import { harness } from './helpers.ts'

t.test(
  'distributed: letter → case → assign → sign → reply → approve → public page; events on Kafka',
  async (t) => {
    const h = await harness(t, 'distributed')
    const types: string[] = []
    const sub = await h.bus.subscribe({ group: 'observer', streams: ['tracking'] }, async (e) => {
      types.push(e.type)
    })
    t.teardown(() => sub.close())
    const { id, code, key } = await h.submit()
    const post = async (
      role: 'dispatcher' | 'handler' | 'dept_lead',
      action: string,
      version: number,
      body = {},
    ) => {
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${id}/${action}`,
        headers: { authorization: `Bearer ${h.token(role, role === 'dispatcher' ? null : 'exit-entry')}` },
        payload: { version, ...body },
      })
      t.equal(res.statusCode, 200, action)
    }
    await post('dispatcher', 'assign', 1, { departmentId: 'exit-entry' })
    await post('handler', 'sign', 2)
    await post('handler', 'reply', 3, { text: '答复内容' })
    await post('dept_lead', 'reply/approve', 4)
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/public/cases/${code}`,
      headers: { 'x-access-key': key },
    })
    t.match(res.json(), { status: 'replied', reply: { text: '答复内容' } })
    await eventually(async () => types.includes('tracking.case-replied'), 60_000)
    t.ok(types.includes('tracking.case-assigned'))
    t.ok(types.includes('tracking.case-changed'))
  },
)

t.test('distributed: queue counts and lists, and the published statistics, on FerretDB', async (t) => {
  const h = await harness(t, 'distributed')
  const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
  const handler = { authorization: `Bearer ${h.token('handler', 'exit-entry')}` }
  const act = async (headers: Record<string, string>, id: string, action: string, body: object = {}) => {
    const version = (await h.cases.get(id))?.version
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/${action}`,
      headers,
      payload: { version, ...body },
    })
    t.equal(res.statusCode, 200, action)
  }
  const a = await h.submit({ category: 'consultation', region: 'XZ' }) // due Thursday 5 March
  await act(dispatcher, a.id, 'assign', { departmentId: 'exit-entry' })
  await act(handler, a.id, 'sign')
  await act(handler, a.id, 'extension', { days: 2, reason: '需调查' })
  const b = await h.submit()
  await act(dispatcher, b.id, 'assign', { departmentId: 'exit-entry' })
  await act(handler, b.id, 'return', { reason: '不属本部门' })
  const c = await h.submit()
  await act(dispatcher, c.id, 'answer', { text: '可在线办理' })
  h.clock.set('2026-03-03T02:00:00Z')
  const counts = async (headers: Record<string, string>) =>
    (await h.app.inject({ method: 'GET', url: '/api/v1/cases/queues', headers })).json().counts
  t.same(await counts(dispatcher), {
    to_accept: 1,
    to_sign: 0,
    in_progress: 1,
    due_soon: 1,
    overdue: 0,
    reply_review: 0,
    returned: 1,
    extension_requested: 1,
  })
  t.match(await counts(handler), { to_accept: 0, returned: 0, in_progress: 1, due_soon: 1 })
  const list = async (queue: string) =>
    (await h.app.inject({ method: 'GET', url: `/api/v1/cases?queue=${queue}`, headers: dispatcher }))
      .json()
      .items.map((i: { id: string }) => i.id)
  t.same(await list('due_soon'), [a.id])
  t.same(await list('returned'), [b.id])
  t.same(await list('extension_requested'), [a.id])
  const stats = await h.app.inject({ method: 'GET', url: '/api/v1/public/stats?from=2026-03&to=2026-03' })
  t.same(stats.json().months, [
    {
      month: '2026-03',
      departments: [
        {
          departmentId: 'exit-entry',
          departmentName: '出入境管理局',
          received: 1,
          closed: 0,
          onTimeClosed: 0,
          satisfaction: { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 },
        },
      ],
    },
  ])
})
