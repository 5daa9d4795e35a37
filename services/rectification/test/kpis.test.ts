// KPIs, their CSV and the public summary, on both adapters. Orders are seeded as the order code stores them
// (through the store the test passed in); problems and cases arrive as events. Expected values are worked
// out by hand below from issue 13: orders on time, sent back, reopened on re-check, problems per 1,000 cases,
// by department and month; an upheld appeal removes the problem from the KPIs, visibly; the public summary
// has problem type, department and measures, no names.
import { randomBytes } from 'node:crypto'
import { RectificationEvents, TrackingEvents } from '@tingjian/contracts'
import { eventually } from '@tingjian/testkit'
import t from 'tap'
import { ORDERS } from '../src/collections.ts'
import { API, rectification } from './helpers.ts'

const hex = () => randomBytes(5).toString('hex')

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(kind, async (t) => {
    const h = await rectification(t, kind)
    const d = `dept_${hex()}`
    const orders = h.store.collection<Record<string, unknown>>(ORDERS)
    const actor = (at: string) => ({ by: 'u1', role: 'discipline_officer', at })
    const order = (o: Record<string, unknown>) => ({
      number: `ZG2026-${hex()}`,
      departmentId: d,
      office: '城东出入境办证大厅',
      window: '7号窗口',
      staffNumber: 'J90210',
      person: '王科长',
      problemKinds: ['dissatisfied'],
      sendBacks: [],
      rechecks: [],
      reopenCount: 0,
      closed: null,
      ...o,
    })
    // March (Asia/Shanghai): o1 closed in March on time, sent back twice, re-checked (held);
    // o2 closed in April late, sent back once; o3 open, re-checked and reopened. o4 issued 31 March 23:30
    // Shanghai (= 15:30 UTC): March's cohort too.
    await orders.insert(
      `rord_${hex()}`,
      order({
        status: 'closed',
        issued: actor('2026-03-03T02:00:00.000Z'),
        sendBacks: [actor('2026-03-10T02:00:00.000Z'), actor('2026-03-12T02:00:00.000Z')],
        rechecks: [{ ...actor('2026-03-30T02:00:00.000Z'), outcome: 'held', note: 'ok' }],
        problemKinds: ['overcharge', 'attitude'],
        closed: {
          ...actor('2026-03-20T02:00:00.000Z'),
          month: '2026-03',
          onTime: true,
          publicSummary: '收费公示牌已更新，窗口人员已培训',
        },
      }),
    )
    await orders.insert(
      `rord_${hex()}`,
      order({
        status: 'closed',
        issued: actor('2026-03-10T02:00:00.000Z'),
        sendBacks: [actor('2026-03-25T02:00:00.000Z')],
        closed: {
          ...actor('2026-04-08T02:00:00.000Z'),
          month: '2026-04',
          onTime: false,
          publicSummary: '办理时限已公示',
        },
      }),
    )
    await orders.insert(
      `rord_${hex()}`,
      order({
        status: 'acknowledged',
        issued: actor('2026-03-20T02:00:00.000Z'),
        rechecks: [{ ...actor('2026-03-28T02:00:00.000Z'), outcome: 'returned', note: 'back' }],
        reopenCount: 1,
      }),
    )
    await orders.insert(
      `rord_${hex()}`,
      order({ status: 'issued', issued: actor('2026-03-31T15:30:00.000Z') }),
    )
    await orders.insert(
      `rord_${hex()}`,
      order({ status: 'issued', issued: actor('2026-04-01T02:00:00.000Z') }),
    )

    // three problems in March, two cases assigned in March (one assigned twice: counted once)
    const subject = `case_${hex()}`
    const problemIds: string[] = []
    for (const day of ['05', '06', '07']) {
      const e = TrackingEvents.problemFound.create({
        subject,
        data: {
          problemId: `${subject}:substantiated:${day}`,
          kind: 'substantiated_complaint',
          summary: '投诉属实：complaint',
          source: { kind: 'case', id: subject, trackingCode: null },
          departmentId: d,
          office: '城东出入境办证大厅',
          window: '7号窗口',
          staffNumber: null,
          evidenceUrl: `/staff/cases/${subject}`,
          occurredAt: `2026-03-${day}T02:00:00.000Z`,
        },
      })
      problemIds.push(e.data.problemId)
      await h.bus.publish(e)
    }
    const assigned = (caseId: string, departmentId: string, at: string) =>
      TrackingEvents.caseAssigned.create({
        subject: caseId,
        data: {
          caseId,
          trackingCode: 'ABCDEFGH23',
          channel: 'mailbox',
          originId: `letter_${hex()}`,
          subject: 'x',
          departmentId,
          supportingDepartmentIds: [],
          assigneeId: null,
          dueAt: null,
          at,
        },
      })
    const c1 = `case_${hex()}`
    const c2 = `case_${hex()}`
    await h.bus.publish(assigned(c1, d, '2026-03-04T02:00:00.000Z'))
    await h.bus.publish(assigned(c2, d, '2026-03-05T02:00:00.000Z'))
    await h.bus.publish(assigned(c2, `dept_${hex()}`, '2026-04-05T02:00:00.000Z'))
    const caseCounts = h.store.collection('case_counts')
    await eventually(async () => (await caseCounts.count({ departmentId: d })) === 2 || undefined)
    await eventually(async () => (await h.problems.count({ departmentId: d })) === 3 || undefined)

    const kpis = async () => {
      const res = await h.app.inject({
        url: `${API}/kpis?from=2026-03&to=2026-04&departmentId=${d}`,
        headers: h.officer,
      })
      t.equal(res.statusCode, 200)
      return res.json().rows as Array<Record<string, unknown>>
    }

    t.test('per department and month, by hand', async (t) => {
      const rows = await kpis()
      t.equal(rows.length, 2)
      t.match(rows[0], {
        departmentId: d,
        month: '2026-03',
        issued: 4,
        closed: 1,
        closedOnTime: 1,
        onTimeRate: 1,
        sentBackOrders: 2,
        sendBacks: 3,
        rechecked: 2,
        reopened: 1,
        problems: 3,
        problemsWithdrawn: 0,
        casesAssigned: 2,
        problemsPer1000Cases: 1500,
      })
      t.match(rows[1], {
        month: '2026-04',
        issued: 1,
        closed: 1,
        closedOnTime: 0,
        onTimeRate: 0,
        problems: 0,
      })
      const byDept = await h.app.inject({
        url: `${API}/kpis?from=2026-03&to=2026-04&departmentId=${d}&groupBy=department`,
        headers: h.officer,
      })
      t.match(byDept.json().rows, [
        { departmentId: d, month: null, issued: 5, closed: 2, closedOnTime: 1, onTimeRate: 0.5 },
      ])
    })

    t.test('who may read the KPIs', async (t) => {
      for (const [headers, status] of [
        [h.as('supervisor'), 200],
        [h.as('admin'), 200],
        [h.as('dept_lead', d), 403],
        [h.as('handler', d), 403],
        [h.as('dispatcher'), 403],
        [{}, 401],
      ] as const) {
        const res = await h.app.inject({ url: `${API}/kpis?from=2026-03&to=2026-03`, headers })
        t.equal(res.statusCode, status)
      }
      const bad = await h.app.inject({ url: `${API}/kpis?from=2026-05&to=2026-03`, headers: h.officer })
      t.equal(bad.statusCode, 400)
    })

    t.test('CSV: BOM, header, attachment, the same figures', async (t) => {
      const res = await h.app.inject({
        url: `${API}/kpis.csv?from=2026-03&to=2026-03&departmentId=${d}`,
        headers: h.officer,
      })
      t.equal(res.statusCode, 200)
      t.match(res.headers['content-type'], /^text\/csv; charset=utf-8/)
      t.match(res.headers['content-disposition'], /^attachment; filename="/)
      t.ok(
        res.body.startsWith(
          '\uFEFFdepartment_id,department,month,issued,closed,closed_on_time,on_time_rate,',
        ),
      )
      t.equal(res.body.split('\r\n')[1], `${d},,2026-03,4,1,1,1,2,3,2,1,3,0,2,1500`)
    })

    t.test('an upheld appeal takes the problem out of the KPIs, visibly', async (t) => {
      const problemId = problemIds[0] as string
      await h.bus.publish(
        RectificationEvents.appealDecided.create({
          subject: `rapl_${hex()}`,
          data: {
            appealId: `rapl_${hex()}`,
            problemId,
            orderId: null,
            departmentId: d,
            decision: 'upheld',
            reason: 'The rating was about another office',
            actorId: 'officer-1',
            at: '2026-03-09T02:00:00.000Z',
          },
        }),
      )
      await eventually(async () => (await h.problems.get(problemId))?.withdrawn ?? undefined)
      const rows = await kpis()
      t.match(rows[0], { month: '2026-03', problems: 2, problemsWithdrawn: 1, problemsPer1000Cases: 1000 })
      const listed = await h.app.inject({
        url: `${API}/problems/${encodeURIComponent(problemId)}`,
        headers: h.officer,
      })
      t.match(listed.json().withdrawn, { reason: 'The rating was about another office' })
    })

    t.test('the public summary: what was fixed, no names, numbers, windows or cases', async (t) => {
      const res = await h.app.inject({ url: `${API}/public/summary?month=2026-03` })
      t.equal(res.statusCode, 200)
      const body = res.json()
      const mine = body.items.filter((i: { departmentId: string }) => i.departmentId === d)
      t.same(mine, [
        {
          departmentId: d,
          departmentName: null,
          problemKinds: ['attitude', 'overcharge'],
          measures: '收费公示牌已更新，窗口人员已培训',
          closedOn: '2026-03-20',
          onTime: true,
        },
      ])
      for (const secret of ['ZG2026', '王科长', 'J90210', '7号窗口', subject, 'u1']) {
        t.notOk(res.body.includes(secret), `no ${secret}`)
      }
      const april = await h.app.inject({ url: `${API}/public/summary?month=2026-04` })
      t.match(april.json().byDepartment, [{ departmentId: d, closed: 1, closedOnTime: 0 }])
      t.equal((await h.app.inject({ url: `${API}/public/summary?month=2026-13` })).statusCode, 400)
    })
  })
}
