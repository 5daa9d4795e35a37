// Orders through HTTP on both adapters: the whole lifecycle (issue → acknowledged → plan → evidence with a
// PDF → sent back → new evidence → verified → closed → re-check returned → reopened), its events once
// each, the hash-chained timeline; stale versions, wrong states, other departments, unavailable problems.
import t from 'tap'
import { client, DEPT_A, DEPT_B, pdf, rectification, seedProblems } from './helpers.ts'

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(`${kind}: an order from issue to reopening`, async (t) => {
    const h = await rectification(t, kind)
    const api = client(h)
    const lead = h.as('dept_lead', DEPT_A, 'lead-a')
    const handler = h.as('handler', DEPT_A, 'handler-a')
    const problemIds = await seedProblems(h, 3)

    const issued = await api.issue(problemIds)
    t.match(issued.number, /^ZG2026-\d{5}$/, 'numbered ZG<year>-<5 digits>')
    t.equal(issued.status, 'issued')
    t.equal(issued.departmentId, DEPT_A, 'the department from the problems')
    t.equal(issued.office, '城东出入境办证大厅', 'the place from the problems')
    t.equal(issued.window, '3号窗口')
    // issued Monday 2 March 2026: 15 working days → Monday 23 March, 17:30 in Shanghai
    t.equal(issued.dueAt, '2026-03-23T09:30:00.000Z', 'default deadline: 15 working days, 17:30')
    t.equal(issued.acknowledgeBy, '2026-03-03T09:30:00.000Z', 'acknowledge within 1 working day')
    t.equal((issued.problems as unknown[]).length, 3)
    const id = issued.orderId

    let res = await api.act(id, 'acknowledge', lead, issued.version)
    t.equal(res.status, 200, 'the lead acknowledges')
    t.equal(res.body.status, 'acknowledged')
    res = await api.act(id, 'plan', handler, res.body.version, {
      measures: '全员培训；窗口公示投诉电话',
      owner: '大厅主任',
      plannedBy: '2026-03-13',
    })
    t.equal(res.status, 200, 'a handler submits the plan')
    t.equal(res.body.status, 'planned')
    t.equal(res.body.plans[0].plannedBy, '2026-03-13T09:30:00.000Z')

    const file = pdf('training record')
    let ev = await api.evidence(
      id,
      handler,
      { version: String(res.body.version), text: '培训签到表见附件' },
      [{ filename: '培训签到表.pdf', content: file }],
    )
    t.equal(ev.status, 200, 'evidence with a PDF')
    t.equal(ev.body.status, 'evidence_submitted')
    const attachment = ev.body.evidence[0].attachments[0]
    t.equal(attachment.contentType, 'application/pdf')
    t.equal(attachment.bytes, file.length)
    t.match(attachment.sha256, /^[0-9a-f]{64}$/)
    t.ok(
      ev.body.timeline.some(
        (e: { action: string; note: string }) =>
          e.action === 'attachment_added' && e.note.includes(`sha256=${attachment.sha256}`),
      ),
      "the file's SHA-256 is on the timeline",
    )

    const download = await h.app.inject({ method: 'GET', url: attachment.url, headers: lead })
    t.equal(download.statusCode, 200, 'the department downloads it')
    t.same(download.rawPayload, file, 'the same bytes')
    t.equal(download.headers['content-type'], 'application/pdf')
    t.equal(download.headers['x-content-type-options'], 'nosniff')
    t.equal(
      download.headers['content-disposition'],
      `attachment; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('培训签到表.pdf')}`,
    )

    res = await api.act(id, 'send-back', h.officer, ev.body.version, {
      kind: 'evidence_insufficient',
      reason: '缺少培训照片',
    })
    t.equal(res.status, 200, 'sent back')
    t.equal(res.body.status, 'planned', 'insufficient evidence: new evidence of the same plan')
    t.equal(res.body.round, 1)

    ev = await api.evidence(id, lead, { version: String(res.body.version), text: '补充培训照片' }, [
      { filename: 'photos.pdf', content: pdf('photos') },
    ])
    t.equal(ev.status, 200, 'new evidence')
    t.equal(ev.body.attachmentCount, 2)

    res = await api.act(id, 'verify', h.officer, ev.body.version, { note: '整改到位' })
    t.equal(res.status, 200, 'verified')
    t.equal(res.body.status, 'verified')
    res = await api.act(id, 'close', h.officer, res.body.version, {
      publicSummary: '窗口服务规范培训完成，公示监督电话',
      recheckAfterDays: 30,
    })
    t.equal(res.status, 200, 'closed (销号)')
    t.equal(res.body.status, 'closed')
    t.equal(res.body.closed.onTime, true, 'the verified evidence came by the original deadline')
    t.equal(res.body.recheckAt, '2026-04-01T02:00:00.000Z', 're-check due 30 days later')

    const early = await api.act(id, 'recheck', h.officer, res.body.version, {
      outcome: 'returned',
      note: '群众反映问题反弹',
    })
    t.equal(early.status, 409, 'no re-check before it is due')

    h.clock.set('2026-04-01T03:00:00.000Z')
    res = await api.act(id, 'recheck', h.officer, res.body.version, {
      outcome: 'returned',
      note: '群众反映问题反弹',
      deadline: { workingDays: 10 },
    })
    t.equal(res.status, 200, 'the re-check found the problem back')
    t.equal(res.body.status, 'acknowledged', 'reopened: a new plan is needed')
    t.equal(res.body.round, 2)
    t.equal(res.body.reopenCount, 1)
    t.same(res.body.ladder, [], 'a new ladder')
    t.ok(res.body.dueAt > '2026-04-01T03:00:00.000Z', 'a new deadline')

    const verified = await api.get(`/orders/${id}/timeline/verify`, h.officer)
    t.same(verified.body, { orderId: id, valid: true, entries: res.body.timelineCount })

    const reopened = await h.eventsOf('rectification.order-reopened', id)
    t.equal(reopened.length, 1)
    const types = h.events.filter((e) => e.subject === id).map((e) => e.type)
    t.same(types, [
      'rectification.order-issued',
      'rectification.order-acknowledged',
      'rectification.order-plan-submitted',
      'rectification.order-evidence-submitted',
      'rectification.order-sent-back',
      'rectification.order-evidence-submitted',
      'rectification.order-verified',
      'rectification.order-closed',
      'rectification.order-reopened',
    ])
    const [issuedEvent] = await h.eventsOf('rectification.order-issued', id)
    const data = issuedEvent?.data as { problemIds: string[]; caseIds: string[] }
    t.same(data.problemIds, problemIds)
    t.equal(data.caseIds.length, 3, 'the cases, for their timelines')
  })
}

t.test('a stale version is a 409 and changes nothing; a wrong state is a 409', async (t) => {
  const h = await rectification(t)
  const api = client(h)
  const lead = h.as('dept_lead', DEPT_A)
  const order = await api.issue(await seedProblems(h, 1))
  const ack = await api.act(order.orderId, 'acknowledge', lead, order.version)
  t.equal(ack.status, 200)
  const stale = await api.act(order.orderId, 'plan', lead, order.version, {
    measures: 'x',
    owner: 'y',
    plannedBy: '2026-03-10',
  })
  t.equal(stale.status, 409)
  t.equal(stale.body.code, 'TJ_STALE_VERSION')
  const after = await api.get(`/orders/${order.orderId}`, lead)
  t.equal(after.body.version, ack.body.version, 'unchanged')
  t.equal(after.body.plans.length, 0)
  const wrong = await api.act(order.orderId, 'verify', h.officer, ack.body.version)
  t.equal(wrong.status, 409, 'nothing to verify yet')
  t.equal(wrong.body.code, 'TJ_INVALID_STATE')
})

t.test("another department's order looks absent", async (t) => {
  const h = await rectification(t)
  const api = client(h)
  const order = await api.issue(await seedProblems(h, 1))
  const otherLead = h.as('dept_lead', DEPT_B)
  t.equal((await api.get(`/orders/${order.orderId}`, otherLead)).status, 404)
  t.equal((await api.act(order.orderId, 'acknowledge', otherLead, order.version)).status, 404)
  const list = await api.get('/orders', otherLead)
  t.same(list.body.items, [], "no other department's orders in the list")
  const own = await api.get('/orders', h.as('handler', DEPT_A))
  t.same(
    own.body.items.map((o: { orderId: string }) => o.orderId),
    [order.orderId],
  )
})

t.test(
  'problems must exist, not be withdrawn, not be in another open order; the alert must be open',
  async (t) => {
    const h = await rectification(t)
    const api = client(h)
    const [p1] = await seedProblems(h, 1)
    const [withdrawn] = await seedProblems(h, 1, {
      withdrawn: { appealId: 'rapl_x', reason: 'wrong person', at: '2026-03-01T00:00:00.000Z' },
    })
    await api.issue([p1 as string])
    const body = { title: 't', measuresRequired: 'm' }
    for (const [problemIds, why] of [
      [[p1], 'in another open order'],
      [[withdrawn], 'withdrawn'],
      [['case_nope:dissatisfied:0'], 'unknown'],
    ] as const) {
      const res = await api.post('/orders', h.officer, { ...body, problemIds })
      t.equal(res.status, 409, why)
      t.equal(res.body.code, 'TJ_PROBLEM_UNAVAILABLE', why)
    }
    const [p2] = await seedProblems(h, 1)
    const noAlert = await api.post('/orders', h.officer, {
      ...body,
      problemIds: [p2],
      alertId: 'ralt_0123abcd',
    })
    t.equal(noAlert.status, 409, 'an unknown alert')
    t.equal(await h.orders.count({}), 1, 'nothing else issued')
  },
)

t.test('orders list: overdue first, then by deadline; numbers are unique and consecutive', async (t) => {
  const h = await rectification(t)
  const api = client(h)
  const late = await api.issue(await seedProblems(h, 1), h.officer, { deadline: { workingDays: 1 } })
  const soon = await api.issue(await seedProblems(h, 1), h.officer, { deadline: { workingDays: 5 } })
  const later = await api.issue(await seedProblems(h, 1), h.officer, { deadline: { date: '2026-04-30' } })
  t.same(
    [late.number, soon.number, later.number].map((n) => Number(n.slice(-5))),
    [1, 2, 3],
    'consecutive within the year',
  )
  h.clock.set('2026-03-04T02:00:00.000Z') // Wednesday: the 1-day order is overdue
  const list = await api.get('/orders', h.officer)
  t.same(
    list.body.items.map((o: { orderId: string; overdue: boolean }) => [o.orderId, o.overdue]),
    [
      [late.orderId, true],
      [soon.orderId, false],
      [later.orderId, false],
    ],
  )
  const overdue = await api.get('/orders?overdue=true', h.officer)
  t.same(
    overdue.body.items.map((o: { orderId: string }) => o.orderId),
    [late.orderId],
  )
  const past = await api.post('/orders', h.officer, {
    problemIds: await seedProblems(h, 1),
    title: 't',
    measuresRequired: 'm',
    deadline: { date: '2026-03-01' },
  })
  t.equal(past.status, 400, 'a deadline in the past')
})
