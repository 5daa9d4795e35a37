// rectification's events → staff mails through the real Mailpit, from issue 13's design ("Events and
// e-mail"): order-issued → the department's dept_leads; order-escalated → the dept_leads, and for supervision
// (督办) and warning (告诫) also every discipline_officer; order-sent-back → dept_leads; order-evidence-submitted
// → discipline officers; alert-raised → discipline officers; order-reopened → dept_leads. Subjects carry
// the order number; the link leads to the order (or the alert) in the staff console. Once per event.
import { randomInt } from 'node:crypto'
import { RectificationEvents, uuidv7 } from '@tingjian/contracts'
import { type AdapterKind, eventually, mailText, mailTo, personalDataIn, uniqueName } from '@tingjian/testkit'
import t from 'tap'
import {
  departmentChanged,
  notifications,
  publishAll,
  staffAddress,
  userChanged,
  WEB_URL,
} from './helpers.ts'

type Step = 'acknowledgement_overdue' | 'reminder' | 'supervision' | 'warning'

function orderEvents(departmentId: string) {
  const orderId = `rord_${uuidv7()}`
  const number = `ZG2026-${randomInt(10_000, 100_000)}`
  const ref = (orderVersion: number) => ({
    orderId,
    number,
    departmentId,
    office: '城东出入境办证大厅',
    window: '3号窗口',
    staffNumber: 'A-1024',
    caseIds: ['case_1'],
    dueAt: '2026-03-24T09:30:00.000Z',
    orderVersion,
    actorId: 'u-officer',
    at: '2026-03-03T02:00:00.000Z',
  })
  return {
    orderId,
    number,
    issued: () =>
      RectificationEvents.orderIssued.create({
        subject: orderId,
        data: {
          ...ref(1),
          problemIds: ['case_1:dissatisfied:0'],
          problemKinds: ['dissatisfied'],
          title: '城东大厅3号窗口服务态度问题整改',
          measuresRequired: '开展服务规范培训，公开整改结果。',
          priority: 'high',
          acknowledgeBy: '2026-03-04T09:30:00.000Z',
          alertId: null,
        },
      }),
    escalated: (step: Step, orderVersion: number) =>
      RectificationEvents.orderEscalated.create({
        subject: orderId,
        data: {
          ...ref(orderVersion),
          step,
          previousDueAt: '2026-03-24T09:30:00.000Z',
          title: '城东大厅3号窗口服务态度问题整改',
        },
      }),
    sentBack: (orderVersion: number) =>
      RectificationEvents.orderSentBack.create({
        subject: orderId,
        data: { ...ref(orderVersion), kind: 'not_effective', reason: '整改措施未落实到窗口<一线>' },
      }),
    evidence: (orderVersion: number) =>
      RectificationEvents.orderEvidenceSubmitted.create({
        subject: orderId,
        data: {
          ...ref(orderVersion),
          round: 1,
          attachments: [
            { attachmentId: 'ratt_1', sha256: 'a'.repeat(64), bytes: 1234, contentType: 'application/pdf' },
          ],
        },
      }),
    reopened: (orderVersion: number) =>
      RectificationEvents.orderReopened.create({
        subject: orderId,
        data: { ...ref(orderVersion), reason: '回头看发现窗口仍有推诿' },
      }),
  }
}

for (const kind of ['embedded', 'distributed'] as AdapterKind[]) {
  t.test(`${kind}: each rectification event reaches the people the design names, once`, async (t) => {
    const { bus, store, lines } = await notifications(t, { kind })
    const dept = uniqueName('dept')
    const markerDept = uniqueName('dept')
    const addr = {
      lead: staffAddress('lead'),
      handler: staffAddress('handler'),
      officer: staffAddress('officer'),
      officer2: staffAddress('officer2'),
      supervisor: staffAddress('supervisor'),
      otherLead: staffAddress('otherlead'),
      marker: staffAddress('marker'),
    }
    await publishAll(bus, [
      departmentChanged(dept, '人口与出入境管理局'),
      userChanged({ userId: 'l', email: addr.lead, roles: ['dept_lead'], departmentId: dept }),
      userChanged({ userId: 'h', email: addr.handler, roles: ['handler'], departmentId: dept }),
      userChanged({ userId: 'o', email: addr.officer, roles: ['discipline_officer'], departmentId: 'jjjc' }),
      userChanged({ userId: 'o2', email: addr.officer2, roles: ['discipline_officer'], departmentId: null }),
      userChanged({ userId: 's', email: addr.supervisor, roles: ['supervisor'], departmentId: null }),
      userChanged({ userId: 'x', email: addr.otherLead, roles: ['dept_lead'], departmentId: 'elsewhere' }),
      userChanged({ userId: 'm', email: addr.marker, roles: ['dept_lead'], departmentId: markerDept }),
    ])
    await eventually(async () => (await store.collection('staff').count()) === 7)
    await eventually(async () => (await store.collection('departments').count()) === 1)

    const o = orderEvents(dept)
    const issued = o.issued()
    const alertId = `ralt_${uuidv7()}`
    const alert = RectificationEvents.alertRaised.create({
      subject: alertId,
      data: {
        alertId,
        level: 'window',
        departmentId: dept,
        office: '城东出入境办证大厅',
        window: '3号窗口',
        staffNumber: null,
        problemIds: ['p1', 'p2', 'p3'],
        threshold: 3,
        windowDays: 30,
        at: '2026-03-03T01:00:00.000Z',
      },
    })
    await publishAll(bus, [
      alert,
      issued,
      issued, // redelivered
      o.escalated('acknowledgement_overdue', 1),
      o.escalated('reminder', 3),
      o.escalated('supervision', 3),
      o.escalated('warning', 3),
      o.evidence(4),
      o.sentBack(5),
      o.reopened(9),
    ])
    // the marker: the same order's key, so handled after all of them, to another department's lead
    const marker = orderEvents(markerDept).issued()
    await bus.publish(RectificationEvents.orderIssued.create({ subject: o.orderId, data: marker.data }))
    await eventually(async () => (await mailTo(addr.marker)).length === 1)
    // the alert has a key of its own: wait for its mail to the officers
    await eventually(async () =>
      (await mailTo(addr.officer)).some((m) => m.Subject.startsWith('【听见】趋势预警')),
    )

    const subjects = async (a: string) => (await mailTo(a)).map((m) => m.Subject).sort()
    const n = o.number
    const forLeads = [
      `【听见】整改通知 ${n} (Rectification order ${n})`,
      `【听见】整改通知逾期未签收 ${n} (Rectification order not acknowledged ${n})`,
      `【听见】整改期限提醒 ${n} (Rectification deadline reminder ${n})`,
      `【听见】整改督办 ${n} (Rectification overdue (supervision) ${n})`,
      `【听见】整改告诫 ${n} (Rectification warning ${n})`,
      `【听见】整改退回 ${n} (Rectification sent back ${n})`,
      `【听见】整改重新启动（回头看） ${n} (Rectification reopened on re-check ${n})`,
    ].sort()
    t.same(
      await subjects(addr.lead),
      forLeads,
      "the department's lead: issued (once), every step, sent back, reopened",
    )
    const alertSubject =
      '【听见】趋势预警：人口与出入境管理局 · 城东出入境办证大厅 · 3号窗口 (Trend alert: 3 problems in 30 days)'
    const forOfficers = [
      `【听见】整改督办 ${n} (Rectification overdue (supervision) ${n})`,
      `【听见】整改告诫 ${n} (Rectification warning ${n})`,
      `【听见】整改材料待核验 ${n} (Rectification evidence to verify ${n})`,
      alertSubject,
    ].sort()
    t.same(await subjects(addr.officer), forOfficers, 'a discipline officer: 督办, 告诫, evidence, the alert')
    t.same(await subjects(addr.officer2), forOfficers, 'every discipline officer')
    t.same(await subjects(addr.handler), [], "the department's handlers: nothing")
    t.same(await subjects(addr.supervisor), [], 'supervisors: nothing')
    t.same(await subjects(addr.otherLead), [], "another department's lead: nothing")

    const mine = await mailTo(addr.lead)
    const issuedMail = mine.find((m) => m.Subject === `【听见】整改通知 ${n} (Rectification order ${n})`)
    const text = await mailText(issuedMail?.ID ?? '')
    t.match(text, `${WEB_URL}/staff/rectification/orders/${o.orderId}`, 'the link to the order')
    t.match(text, '城东大厅3号窗口服务态度问题整改')
    t.match(text, '开展服务规范培训')
    t.match(text, '人口与出入境管理局')
    const sentBack = mine.find((m) => m.Subject.startsWith(`【听见】整改退回 ${n}`))
    t.match(await mailText(sentBack?.ID ?? ''), '整改措施未落实到窗口<一线>', 'the reason, as written')
    const alertMail = (await mailTo(addr.officer)).find((m) => m.Subject === alertSubject)
    t.match(await mailText(alertMail?.ID ?? ''), `${WEB_URL}/staff/rectification/alerts/${alertId}`)
    t.same(personalDataIn(lines.join('\n')), [], 'no personal data in the logs')
  })
}
