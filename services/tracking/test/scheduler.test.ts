import { eventually } from '@tingjian/testkit'
import t from 'tap'
import { harness } from './helpers.ts'

t.test(
  'the ladder: reminder, then 督办, then 通报, each exactly once, across a restart and two replicas',
  async (t) => {
    const h = await harness(t)
    const { id } = await h.submit({ category: 'consultation' })
    const assign = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/assign`,
      headers: { authorization: `Bearer ${h.token('dispatcher')}` },
      payload: { version: 1, departmentId: 'exit-entry' },
    })
    t.equal(assign.json().dueAt, '2026-03-05T15:59:59.999Z')
    // Delivery is at least once (two replicas' relays may both publish an event before either removes
    // it), so the observer dedupes by event id, as every consumer does.
    const seen = new Map<string, { level: number; kind: string }>()
    const sub = await h.bus.subscribe({ group: 'observer', streams: ['tracking'] }, async (e) => {
      if (e.type === 'tracking.case-escalated' && e.subject === id) {
        seen.set(e.id, e.data as { level: number; kind: string })
      }
    })
    t.teardown(() => sub.close())
    const level = async () => (await h.cases.get(id))?.escalationLevel

    t.equal(await h.scheduler.tick(), 0, 'Monday: nothing')
    h.clock.set('2026-03-04T02:00:00Z')
    t.equal(await h.scheduler.tick(), 1, 'Wednesday: reminder')
    t.equal(await h.scheduler.tick(), 0, 'a second tick does nothing')
    t.equal(await level(), 1)

    h.clock.set('2026-03-06T02:00:00Z')
    t.equal(await h.scheduler.tick(), 1, 'Friday: 督办')
    const restarted = await h.restart()
    t.equal(await restarted.scheduler.tick(), 0, 'after a restart: nothing more')

    h.clock.set('2026-03-12T02:00:00Z')
    const [a, b] = await Promise.all([restarted.scheduler.tick(), h.scheduler.tick()])
    t.equal(a + b, 1, 'two replicas take the 通报 step once')
    t.equal(await level(), 3)
    h.clock.set('2026-04-30T02:00:00Z')
    t.equal(await restarted.scheduler.tick(), 0, 'the top of the ladder')

    await eventually(async () => seen.size >= 3)
    await h.relay.drain()
    await restarted.relay.drain()
    await new Promise((r) => setTimeout(r, 300))
    const escalations = [...seen.values()].sort((x, y) => x.level - y.level)
    t.same(escalations, [
      { ...escalations[0], level: 1, kind: 'reminder' },
      { ...escalations[1], level: 2, kind: 'supervision' },
      { ...escalations[2], level: 3, kind: 'criticism' },
    ])
    t.equal(escalations.length, 3)

    const verify = await h.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}/timeline/verify`,
      headers: { authorization: `Bearer ${h.token('supervisor')}` },
    })
    t.same(verify.json(), { valid: true, entries: 5 })
  },
)

t.test('a manual escalation by a supervisor; the scheduler does not repeat it', async (t) => {
  const h = await harness(t)
  const { id } = await h.submit({ category: 'consultation' })
  const sup = { authorization: `Bearer ${h.token('supervisor')}` }
  const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
  await h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/assign`,
    headers: dispatcher,
    payload: { version: 1, departmentId: 'exit-entry' },
  })
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/escalate`,
    headers: sup,
    payload: { version: 2, note: '群众反映强烈' },
  })
  t.equal(res.json().escalationLevel, 1)
  h.clock.set('2026-03-04T02:00:00Z')
  t.equal(await h.scheduler.tick(), 0)
})
