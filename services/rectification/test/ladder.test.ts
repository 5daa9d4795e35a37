// The ladder on the working-day calendar across restarts, on both adapters: acknowledgement overdue,
// reminder the working day before the deadline, 督办 once overdue, 告诫 at 5 working days overdue with a new
// deadline — each once, on the timeline and as events, whatever passes and restarts come between; nothing
// while evidence waits for verification. Expected instants are worked out here from the rules (issue text).
import t from 'tap'
import { client, DEPT_A, pdf, rectification, seedProblems } from './helpers.ts'

const LADDER = ['acknowledgement_overdue', 'reminder', 'supervision', 'warning']

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(`${kind}: each step once, across restarts`, async (t) => {
    const h = await rectification(t, kind)
    const api = client(h)
    const lead = h.as('dept_lead', DEPT_A, 'lead-a')
    // Monday 2 March 2026, 10:00: 5 working days → Monday 9 March, 17:30 (Shanghai)
    const order = await api.issue(await seedProblems(h, 1), h.officer, { deadline: { workingDays: 5 } })
    const id = order.orderId
    t.equal(order.dueAt, '2026-03-09T09:30:00.000Z')
    t.equal(order.acknowledgeBy, '2026-03-03T09:30:00.000Z')

    const steps = async () => (await api.get(`/orders/${id}`, h.officer)).body.ladder as string[]

    h.clock.set('2026-03-03T09:00:00.000Z') // Tuesday 17:00: not yet late
    t.same(await h.pass(), [])
    h.clock.set('2026-03-03T10:00:00.000Z') // Tuesday 18:00: not acknowledged in time
    t.same(await h.pass(), [id], 'acknowledgement overdue')
    t.same(await h.pass(), [], 'once')
    t.same(await steps(), ['acknowledgement_overdue'])

    const ack = await api.act(id, 'acknowledge', lead, (await api.get(`/orders/${id}`, lead)).body.version)
    t.equal(ack.status, 200)

    h.clock.set('2026-03-05T15:00:00.000Z') // Thursday 23:00: the day before the due day has not begun
    t.same(await h.pass(), [])
    h.clock.set('2026-03-06T01:00:00.000Z') // Friday 09:00: the working day before the due day
    t.same(await h.pass(), [id], 'reminder')

    await h.restart()
    t.same(await h.pass(), [], 'a restart does not repeat the reminder')
    t.same(await steps(), ['acknowledgement_overdue', 'reminder'])

    h.clock.set('2026-03-09T09:00:00.000Z') // Monday 17:00: still within the day
    t.same(await h.pass(), [])
    h.clock.set('2026-03-09T10:00:00.000Z') // Monday 18:00: overdue
    t.same(await h.pass(), [id], '督办')

    // 5 working days after Monday 9 March: Tue 10 … Mon 16 March, 17:30
    h.clock.set('2026-03-16T09:00:00.000Z')
    t.same(await h.pass(), [], 'not 5 working days yet')
    await h.restart()
    h.clock.set('2026-03-16T09:31:00.000Z')
    t.same(await h.pass(), [id], '告诫')
    const warned = (await api.get(`/orders/${id}`, h.officer)).body
    t.same(warned.ladder, LADDER)
    // the warning's new deadline: 5 working days after Monday 16 March → Monday 23 March, 17:30
    t.equal(warned.dueAt, '2026-03-23T09:30:00.000Z', 'a new deadline, recorded')
    t.equal(warned.originalDueAt, '2026-03-09T09:30:00.000Z', 'the original one kept')

    await h.restart()
    h.clock.set('2026-03-31T02:00:00.000Z') // the new deadline passed too: each step is taken once
    t.same(await h.pass(), [])
    t.same(await h.pass(), [])

    const entries = warned.timeline
      .map((e: { action: string }) => e.action)
      .filter((a: string) => LADDER.includes(a))
    t.same(entries, LADDER, 'each step once on the timeline')
    const verified = await api.get(`/orders/${id}/timeline/verify`, h.officer)
    t.equal(verified.body.valid, true)

    // marker: a later event of the same order, so every escalation before it has been delivered
    const plan = await api.act(id, 'plan', lead, warned.version, {
      measures: 'm',
      owner: 'o',
      plannedBy: '2026-03-31',
    })
    t.equal(plan.status, 200)
    await h.eventsOf('rectification.order-plan-submitted', id)
    const escalations = h.events.filter((e) => e.type === 'rectification.order-escalated' && e.subject === id)
    t.same(
      escalations.map((e) => (e.data as { step: string }).step),
      LADDER,
      'each step announced once (for the e-mails)',
    )
    const warning = escalations[3]?.data as { previousDueAt: string; dueAt: string }
    t.equal(warning.previousDueAt, '2026-03-09T09:30:00.000Z', 'the warning names the missed deadline')
    t.equal(warning.dueAt, '2026-03-23T09:30:00.000Z', 'and the new one')
  })
}

t.test('nothing is owed while evidence waits for verification', async (t) => {
  const h = await rectification(t)
  const api = client(h)
  const lead = h.as('dept_lead', DEPT_A)
  const order = await api.issue(await seedProblems(h, 1), h.officer, { deadline: { workingDays: 2 } })
  const ack = await api.act(order.orderId, 'acknowledge', lead, order.version)
  const plan = await api.act(order.orderId, 'plan', lead, ack.body.version, {
    measures: 'm',
    owner: 'o',
    plannedBy: '2026-03-03',
  })
  const ev = await api.evidence(order.orderId, lead, { version: String(plan.body.version), text: '证明' }, [
    { filename: 'e.pdf', content: pdf() },
  ])
  t.equal(ev.status, 200)
  h.clock.set('2026-03-20T02:00:00.000Z') // long past the deadline (Wednesday 4 March)
  t.same(await h.pass(), [], 'no step while the officers have the evidence')
  const back = await api.act(order.orderId, 'send-back', h.officer, ev.body.version, {
    kind: 'not_effective',
    reason: '措施无效',
  })
  t.equal(back.body.status, 'acknowledged', 'a new plan is owed')
  t.equal(back.body.round, 2)
  t.same(await h.pass(), [order.orderId], 'owed again: the ladder goes on')
  const after = await api.get(`/orders/${order.orderId}`, h.officer)
  t.same(after.body.ladder, ['reminder', 'supervision', 'warning'], 'the steps due by now, each once')
})
