import { eventually } from '@tingjian/testkit'
import t from 'tap'
import { EscalationScheduler } from '../src/scheduler.ts'
import { calendar } from './fixtures.ts'
import { harness } from './helpers.ts'

t.test(
  'the ladder: reminder, then 督办, then 通报, each exactly once, across a restart and two replicas',
  async (t) => {
    const h = await harness(t)
    const { id } = await h.submit({ category: 'consultation' })
    const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
    const assign = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/assign`,
      headers: dispatcher,
      payload: { version: 1, departmentId: 'exit-entry' },
    })
    // consultation: 3 working days from Monday 2 March 2026 → end of Thursday 5 March in Shanghai
    t.equal(assign.json().dueAt, '2026-03-05T15:59:59.999Z')
    // Delivery is at least once (two replicas' relays may both publish an event before either removes
    // it), so the observer dedupes by event id, as every consumer does.
    const seen = new Map<string, { level: number; kind: string }>()
    const notes = new Set<string>()
    const sub = await h.bus.subscribe({ group: 'observer', streams: ['tracking'] }, async (e) => {
      if (e.subject !== id) return
      if (e.type === 'tracking.case-escalated') seen.set(e.id, e.data as { level: number; kind: string })
      if (e.type === 'tracking.case-changed' && (e.data as { action: string }).action === 'note') {
        notes.add(e.id)
      }
    })
    t.teardown(() => sub.close())
    const level = async () => (await h.cases.get(id))?.escalationLevel
    const scheduler = () =>
      new EscalationScheduler({
        cases: h.cases,
        clock: h.clock,
        calendar,
        intervalMs: 0,
        logger: h.logger,
      })

    const first = scheduler()
    t.equal(await first.tick(), 0, 'Monday: nothing')
    h.clock.set('2026-03-04T02:00:00Z')
    t.equal(await first.tick(), 1, 'Wednesday: reminder')
    t.equal(await first.tick(), 0, 'a second tick does nothing')
    t.equal(await level(), 1)

    h.clock.set('2026-03-06T02:00:00Z')
    t.equal(await first.tick(), 1, 'Friday: 督办')
    // a restart: the first instance stops before the second starts, which finds the step already taken
    await first.stop()
    await h.restart()
    const second = scheduler()
    t.equal(await second.tick(), 0, 'after a restart: nothing more')

    // two replicas side by side
    h.clock.set('2026-03-12T02:00:00Z')
    const replica = scheduler()
    const [a, b] = await Promise.all([second.tick(), replica.tick()])
    t.equal(a + b, 1, 'two replicas take the 通报 step once')
    t.equal(await level(), 3)
    h.clock.set('2026-04-30T02:00:00Z')
    t.equal(await second.tick(), 0, 'the top of the ladder')

    // a marker through the same outbox, after the steps: once its event is seen, every step's event
    // (same case, same stream and key, written before it) has been delivered
    const version = (await h.cases.get(id))?.version
    const note = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/notes`,
      headers: dispatcher,
      payload: { version, text: '标记' },
    })
    t.equal(note.statusCode, 200)
    await eventually(async () => notes.size === 1)
    const escalations = [...seen.values()].sort((x, y) => x.level - y.level)
    t.same(
      escalations.map((e) => [e.level, e.kind]),
      [
        [1, 'reminder'],
        [2, 'supervision'],
        [3, 'criticism'],
      ],
      'each step announced once',
    )

    const verify = await h.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}/timeline/verify`,
      headers: { authorization: `Bearer ${h.token('supervisor')}` },
    })
    // opened, assigned, three ladder steps, the note
    t.same(verify.json(), { valid: true, entries: 6 })
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

t.test('praise: no reply is due, so no due date and no ladder', async (t) => {
  const h = await harness(t)
  const { id } = await h.submit({ category: 'praise' })
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/assign`,
    headers: { authorization: `Bearer ${h.token('dispatcher')}` },
    payload: { version: 1, departmentId: 'exit-entry' },
  })
  t.equal(res.statusCode, 200)
  t.equal(res.json().dueAt, null, 'praise needs no reply (ARCHITECTURE: no time limit)')
  h.clock.set('2026-06-01T02:00:00Z')
  t.equal(await h.scheduler.tick(), 0, 'never escalated')
  t.equal((await h.cases.get(id))?.escalationLevel, 0)
})
