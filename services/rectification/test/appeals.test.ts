// Appeals (申诉) through HTTP on both adapters: the lead of the problem's department appeals (one pending
// appeal per problem); an officer upholds → the problem is withdrawn (by the links consumer, from the
// appeal-decided event) and leaves the KPIs, visibly; a rejected appeal leaves it counted.
import { eventually } from '@tingjian/testkit'
import t from 'tap'
import { client, DEPT_A, DEPT_B, rectification, seedProblems } from './helpers.ts'

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(`${kind}: an upheld appeal withdraws the problem from the KPIs`, async (t) => {
    const h = await rectification(t, kind)
    const api = client(h)
    const lead = h.as('dept_lead', DEPT_A, 'lead-a')
    const [p1, p2] = (await seedProblems(h, 2)) as [string, string]
    const order = await api.issue([p1, p2])

    const kpi = async () => {
      const res = await api.get(`/kpis?from=2026-02&to=2026-02&departmentId=${DEPT_A}`, h.officer)
      t.equal(res.status, 200)
      const row = res.body.rows.find((r: { departmentId: string }) => r.departmentId === DEPT_A)
      return { problems: row?.problems ?? 0, withdrawn: row?.problemsWithdrawn ?? 0 }
    }
    t.same(await kpi(), { problems: 2, withdrawn: 0 }, 'both problems counted')

    const filed = await api.post('/appeals', lead, { problemId: p1, reasons: '回访对象并非办事群众本人' })
    t.equal(filed.status, 201, 'the lead appeals')
    t.equal(filed.body.status, 'pending')
    t.equal(filed.body.orderId, order.orderId, 'the order the problem is in')
    const again = await api.post('/appeals', lead, { problemId: p1, reasons: '再次申诉' })
    t.equal(again.status, 409, 'one pending appeal per problem')
    t.equal(again.body.code, 'TJ_APPEAL_PENDING')
    t.equal(
      (await api.post('/appeals', h.as('dept_lead', DEPT_B), { problemId: p1, reasons: 'x' })).status,
      404,
    )

    t.same(
      (await api.get('/appeals', lead)).body.items.map((a: { appealId: string }) => a.appealId),
      [filed.body.appealId],
      'the department sees its appeal',
    )
    t.same((await api.get('/appeals', h.as('handler', DEPT_B))).body.items, [], 'another department does not')

    const stale = await api.post(`/appeals/${filed.body.appealId}/decide`, h.officer, {
      version: filed.body.version + 1,
      decision: 'upheld',
      reason: '核实属实',
    })
    t.equal(stale.status, 409, 'a stale version')
    const decided = await api.post(`/appeals/${filed.body.appealId}/decide`, h.officer, {
      version: filed.body.version,
      decision: 'upheld',
      reason: '经核实，回访对象错误',
    })
    t.equal(decided.status, 200)
    t.equal(decided.body.status, 'upheld')
    const [event] = await h.eventsOf('rectification.appeal-decided', filed.body.appealId)
    t.match(event?.data, { problemId: p1, decision: 'upheld', departmentId: DEPT_A, orderId: order.orderId })

    await eventually(async () => (await h.problems.get(p1))?.withdrawn?.appealId === filed.body.appealId)
    t.same(await kpi(), { problems: 1, withdrawn: 1 }, 'out of the KPIs, and shown as withdrawn')
    const view = await api.get(`/orders/${order.orderId}`, h.officer)
    t.same(
      view.body.problems.map((p: { problemId: string; withdrawn: boolean }) => [p.problemId, p.withdrawn]),
      [
        [p1, true],
        [p2, false],
      ],
      'the order shows the problem withdrawn on appeal',
    )
    const actions = view.body.timeline.map((e: { action: string }) => e.action)
    t.ok(actions.includes('appeal_filed') && actions.includes('appeal_upheld'), "on the order's timeline")
    t.equal((await api.get(`/orders/${order.orderId}/timeline/verify`, h.officer)).body.valid, true)

    const twice = await api.post(`/appeals/${filed.body.appealId}/decide`, h.officer, {
      version: decided.body.version,
      decision: 'rejected',
      reason: 'x',
    })
    t.equal(twice.status, 409, 'decided once')
    const onWithdrawn = await api.post('/appeals', lead, { problemId: p1, reasons: 'x' })
    t.equal(onWithdrawn.status, 409, 'nothing to appeal on a withdrawn problem')

    const second = await api.post('/appeals', lead, { problemId: p2, reasons: '与本窗口无关' })
    const rejected = await api.post(`/appeals/${second.body.appealId}/decide`, h.officer, {
      version: second.body.version,
      decision: 'rejected',
      reason: '证据充分',
    })
    t.equal(rejected.body.status, 'rejected')
    await h.eventsOf('rectification.appeal-decided', second.body.appealId)
    // a new appeal is allowed once one is decided (the pending slot is freed by the decision's own write).
    // The links consumer (another group) ignores rejections; this check cannot wait for "nothing happened"
    // in that group, so it guards the decision's own write only.
    const third = await api.post('/appeals', lead, { problemId: p2, reasons: '补充新证据' })
    t.equal(third.status, 201, 'after a decision the problem may be appealed again')
    t.equal((await h.problems.get(p2))?.withdrawn, null, 'a rejected appeal leaves the problem counted')
    t.same(await kpi(), { problems: 1, withdrawn: 1 })
  })
}
