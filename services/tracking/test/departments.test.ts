// Department names from identity.department-changed: the public view, the published replies and the
// tracking.case-replied event name the department; an older change is ignored; redelivery is harmless.
import { IdentityEvents } from '@tingjian/contracts'
import { eventually } from '@tingjian/testkit'
import t from 'tap'
import { MONDAY } from './fixtures.ts'
import { harness } from './helpers.ts'

const change = (name: string, at: Date, active = true) =>
  IdentityEvents.departmentChanged.create({
    subject: 'exit-entry',
    occurredAt: at,
    data: {
      departmentId: 'exit-entry',
      code: 'exit-entry',
      name,
      nameEn: 'Exit-Entry',
      parentId: null,
      active,
    },
  })

t.test('department names reach the reply, the public view and the event', async (t) => {
  const h = await harness(t, 'embedded', { noDepartments: true })
  const current = change('人口与出入境管理局', new Date(MONDAY.getTime() + 60_000))
  await h.bus.publish(current)
  await h.bus.publish(change('出入境管理处（旧名）', MONDAY)) // older: ignored
  await h.bus.publish(current) // redelivered: no change
  // the marker: another department's event under the same key, consumed after the three above
  const marker = IdentityEvents.departmentChanged.create({
    subject: 'exit-entry',
    data: { departmentId: 'marker', code: 'marker', name: '标记', parentId: null, active: true },
  })
  await h.bus.publish(marker)
  await eventually(async () => (await h.departments.get('marker'))?.eventId === marker.id)
  const stored = await h.departments.get('exit-entry')
  t.match(stored, { name: '人口与出入境管理局', nameEn: 'Exit-Entry', active: true, eventId: current.id })
  t.equal(stored?.version, 1, 'the older and the redelivered events changed nothing')

  const replied: Array<{ caseId: string; departmentName: string | null }> = []
  const sub = await h.bus.subscribe({ group: 'test-observer', streams: ['tracking'] }, async (e) => {
    if (e.type === 'tracking.case-replied') replied.push(e.data as (typeof replied)[number])
  })
  t.teardown(() => sub.close())

  const { id, code, key } = await h.submit()
  const as = (role: 'dispatcher' | 'handler' | 'dept_lead') => ({
    authorization: `Bearer ${h.token(role, role === 'dispatcher' ? null : 'exit-entry')}`,
  })
  const steps: Array<[ReturnType<typeof as>, string, object]> = [
    [as('dispatcher'), 'assign', { version: 1, departmentId: 'exit-entry' }],
    [as('handler'), 'sign', { version: 2 }],
    [as('handler'), 'reply', { version: 3, text: '已增开窗口。' }],
    [as('dept_lead'), 'reply/approve', { version: 4 }],
  ]
  for (const [headers, action, payload] of steps) {
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/${action}`, headers, payload })
    t.equal(res.statusCode, 200, action)
  }
  const view = await h.app.inject({
    method: 'GET',
    url: `/api/v1/public/cases/${code}`,
    headers: { 'x-access-key': key },
  })
  t.match(view.json().reply, { text: '已增开窗口。', department: '人口与出入境管理局' })
  const list = await h.app.inject({ method: 'GET', url: '/api/v1/public/replies' })
  t.equal(list.json().items[0].department, '人口与出入境管理局')
  await eventually(async () => replied.some((r) => r.caseId === id))
  t.equal(replied.find((r) => r.caseId === id)?.departmentName, '人口与出入境管理局')
})

t.test('an unknown department shows no name, never its id', async (t) => {
  const h = await harness(t)
  const { id, code, key } = await h.submit()
  const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
  await h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/answer`,
    headers: dispatcher,
    payload: { version: 1, text: '答复' },
  })
  const view = await h.app.inject({
    method: 'GET',
    url: `/api/v1/public/cases/${code}`,
    headers: { 'x-access-key': key },
  })
  t.equal(view.json().reply.department, null)
})
