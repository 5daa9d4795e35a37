// The issue's journey through HTTP on both adapters: three problems about one window arrive as events —
// two citizens' dissatisfied ratings (`tracking.problem-found`) and one standing in for the callbacks
// service (`callbacks.problem-found`, defined in the contracts but published by no service yet: built
// here with the contracts' createEvent and checked against the shared ProblemFoundData) → a trend alert →
// an order from the alert → acknowledged → plan → evidence with a PDF → sent back → new evidence →
// verified → closed (销号); the order's timeline verifies.
import { randomBytes } from 'node:crypto'
import { createEvent, ProblemFoundData, TrackingEvents } from '@tingjian/contracts'
import { eventually } from '@tingjian/testkit'
import t from 'tap'
import { Compile } from 'typebox/compile'
import { client, DEPT_A, pdf, rectification } from './helpers.ts'

const OFFICE = '城东出入境办证大厅'
const WINDOW = '3号窗口'

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(`${kind}: three problems at one window → alert → order → … → closed`, async (t) => {
    const h = await rectification(t, kind)
    const api = client(h)
    const lead = h.as('dept_lead', DEPT_A, 'lead-a')
    const handler = h.as('handler', DEPT_A, 'handler-a')

    const caseIds = [1, 2].map(() => `case_${randomBytes(8).toString('hex')}`)
    const place = { departmentId: DEPT_A, office: OFFICE, window: WINDOW, staffNumber: null }
    for (const [i, caseId] of caseIds.entries()) {
      await h.bus.publish(
        TrackingEvents.problemFound.create({
          subject: caseId,
          data: {
            problemId: `${caseId}:dissatisfied:0`,
            kind: 'dissatisfied',
            summary: 'Citizen rated the reply dissatisfied',
            source: { kind: 'case', id: caseId, trackingCode: null },
            ...place,
            evidenceUrl: `/staff/cases/${caseId}`,
            occurredAt: new Date(Date.parse('2026-02-20T02:00:00.000Z') + i * 86_400_000).toISOString(),
          },
        }),
      )
    }
    const surveyId = `survey_${randomBytes(8).toString('hex')}`
    const fromCallbacks = createEvent({
      type: 'callbacks.problem-found',
      version: 1,
      source: 'callbacks',
      subject: surveyId,
      data: {
        problemId: `${surveyId}:attitude`,
        kind: 'attitude',
        summary: '回访：窗口工作人员态度评分 2/5',
        source: { kind: 'survey', id: surveyId, trackingCode: null },
        // the callbacks service may spell the window differently: the place keys normalise it
        ...place,
        window: ' 3号窗口 ',
        evidenceUrl: `/staff/callbacks/${surveyId}`,
        occurredAt: '2026-02-25T02:00:00.000Z',
      },
    })
    t.ok(Compile(ProblemFoundData).Check(fromCallbacks.data), 'the stand-in carries the shared shape')
    await h.bus.publish(fromCallbacks)

    const alert = await eventually(async () => {
      const res = await api.get('/alerts', h.officer)
      return res.body.items.find((a: { problemIds: string[] }) => a.problemIds.length === 3)
    })
    t.equal(alert.level, 'window', 'one alert at the most specific level reached')
    t.equal(alert.status, 'open')
    const alerts = await api.get('/alerts', h.officer)
    t.equal(alerts.body.items.length, 1, 'not also an office and a department alert')
    await h.eventsOf('rectification.alert-raised', alert.alertId ?? alert.id)

    const order = await api.issue(alert.problemIds, h.officer, { alertId: alert.alertId ?? alert.id })
    t.equal(order.departmentId, DEPT_A)
    t.equal(order.office, alert.office, 'the place from the alert')
    t.equal(order.window, alert.window)
    t.equal(order.window?.toString().trim(), WINDOW)
    t.same(
      [...(order.caseIds as string[])].sort(),
      [...caseIds].sort(),
      'both cases linked (the survey is not a case)',
    )
    const id = order.orderId
    await eventually(async () => (await h.alerts.get(alert.alertId ?? alert.id))?.status === 'ordered')

    let res = await api.act(id, 'acknowledge', lead, order.version)
    t.equal(res.body.status, 'acknowledged')
    res = await api.act(id, 'plan', handler, res.body.version, {
      measures: '窗口人员服务规范培训；评价器上墙',
      owner: '大厅主任',
      plannedBy: '2026-03-13',
    })
    t.equal(res.body.status, 'planned')
    let ev = await api.evidence(id, handler, { version: String(res.body.version), text: '培训记录' }, [
      { filename: '培训记录.pdf', content: pdf('training') },
    ])
    t.equal(ev.status, 200)
    res = await api.act(id, 'send-back', h.officer, ev.body.version, {
      kind: 'evidence_insufficient',
      reason: '缺少整改后群众评价',
    })
    t.equal(res.body.status, 'planned')
    ev = await api.evidence(id, lead, { version: String(res.body.version), text: '整改后评价统计' }, [
      { filename: '评价统计.pdf', content: pdf('ratings') },
    ])
    t.equal(ev.status, 200)
    res = await api.act(id, 'verify', h.officer, ev.body.version)
    t.equal(res.body.status, 'verified')
    res = await api.act(id, 'close', h.officer, res.body.version, { publicSummary: '窗口服务规范培训完成' })
    t.equal(res.status, 200)
    t.equal(res.body.status, 'closed', '销号')

    const verified = await api.get(`/orders/${id}/timeline/verify`, h.officer)
    t.same(verified.body, { orderId: id, valid: true, entries: res.body.timelineCount }, 'the chain holds')
    const [closed] = await h.eventsOf('rectification.order-closed', id)
    const closedData = closed?.data as { caseIds: string[] }
    t.same([...closedData.caseIds].sort(), [...caseIds].sort(), "for the cases' timelines")
    for (const pid of alert.problemIds as string[])
      t.equal((await h.problems.get(pid))?.orderId, id, `problem ${pid} linked to the order`)
  })
}
