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
