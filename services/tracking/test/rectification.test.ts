// rectification.order-issued / -closed / -reopened → tracking: each case in the order's caseIds gets an
// internal timeline entry (rectification_ordered with the number and title, rectification_closed and
// rectification_reopened with the number), once per event however often it is delivered (the same envelope
// again, the same change in a new envelope), on both adapters; a case tracking does not have is skipped; the
// hash chain holds.
import { RectificationEvents, uuidv7 } from '@tingjian/contracts'
import { type AdapterKind, eventually } from '@tingjian/testkit'
import t from 'tap'
import { type Harness, harness } from './helpers.ts'

const AT = '2026-03-03T02:00:00.000Z'

function order(caseIds: string[]) {
  const orderId = `rord_${uuidv7()}`
  const number = `ZG2026-${String(Math.floor(Math.random() * 90_000) + 10_000)}`
  const ref = (orderVersion: number) => ({
    orderId,
    number,
    departmentId: 'exit-entry',
    office: '城东出入境办证大厅',
    window: '3号窗口',
    staffNumber: null,
    caseIds,
    dueAt: '2026-03-24T09:30:00.000Z',
    orderVersion,
    actorId: 'u-officer',
    at: AT,
  })
  return {
    orderId,
    number,
    issued: (orderVersion = 1) =>
      RectificationEvents.orderIssued.create({
        subject: orderId,
        data: {
          ...ref(orderVersion),
          problemIds: caseIds.map((id) => `${id}:dissatisfied:0`),
          problemKinds: caseIds.map(() => 'dissatisfied' as const),
          title: '城东大厅3号窗口服务态度问题整改',
          measuresRequired: '开展服务规范培训，公开整改结果。',
          priority: 'normal',
          acknowledgeBy: '2026-03-04T09:30:00.000Z',
          alertId: null,
        },
      }),
    closed: (orderVersion: number) =>
      RectificationEvents.orderClosed.create({
        subject: orderId,
        data: { ...ref(orderVersion), onTime: true, recheckAt: null },
      }),
    reopened: (orderVersion: number) =>
      RectificationEvents.orderReopened.create({
        subject: orderId,
        data: { ...ref(orderVersion), reason: '回头看发现问题反弹' },
      }),
  }
}

const entriesOf = async (h: Harness, id: string, action: string) =>
  ((await h.cases.get(id))?.timeline ?? []).filter((e) => e.action === action)

for (const kind of ['embedded', 'distributed'] as AdapterKind[]) {
  t.test(`${kind}: an order's issue, closure and reopening on each of its cases, once each`, async (t) => {
    const h = await harness(t, kind)
    const a = await h.submit()
    const b = await h.submit()
    const o = order([a.id, b.id, 'case_unknown'])

    // issued: delivered twice, and once more in a new envelope (a producer's retry); the closure of the same
    // order (same key, so consumed after them) is the marker
    const issued = o.issued(1)
    await h.bus.publish(issued)
    await h.bus.publish(issued)
    await h.bus.publish(RectificationEvents.orderIssued.create({ subject: o.orderId, data: issued.data }))
    await h.bus.publish(o.closed(7))
    await eventually(async () => (await entriesOf(h, b.id, 'rectification_closed')).length === 1)
    for (const { id } of [a, b]) {
      const ordered = await entriesOf(h, id, 'rectification_ordered')
      t.equal(ordered.length, 1, 'ordered once')
      t.match(ordered[0], {
        note: `${o.number} 城东大厅3号窗口服务态度问题整改`,
        public: false,
        actorId: 'u-officer',
      })
      t.match((await entriesOf(h, id, 'rectification_closed'))[0], { note: o.number, public: false })
    }

    // closed again (redelivered), then reopened, then a redelivered reopening and a second closure as marker
    await h.bus.publish(o.closed(7))
    const reopened = o.reopened(8)
    await h.bus.publish(reopened)
    await h.bus.publish(reopened)
    await h.bus.publish(o.closed(12))
    await eventually(async () => (await entriesOf(h, b.id, 'rectification_closed')).length === 2)
    for (const { id } of [a, b]) {
      const c = await h.cases.get(id)
      t.same(
        c?.timeline.filter((e) => e.action.startsWith('rectification_')).map((e) => [e.action, e.note]),
        [
          ['rectification_ordered', `${o.number} 城东大厅3号窗口服务态度问题整改`],
          ['rectification_closed', o.number],
          ['rectification_reopened', o.number],
          ['rectification_closed', o.number],
        ],
        'each event once, in order',
      )
    }

    const supervisor = { authorization: `Bearer ${h.token('supervisor')}` }
    const view = await h.app.inject({ method: 'GET', url: `/api/v1/cases/${a.id}`, headers: supervisor })
    t.match(view.json().rectifications, [{ orderId: o.orderId, number: o.number, status: 'closed' }])
    const verify = await h.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${a.id}/timeline/verify`,
      headers: supervisor,
    })
    t.same(verify.json(), { valid: true, entries: 5 }, 'opened and four rectification entries, chained')
    // the public page shows nothing of it
    const pub = await h.app.inject({
      method: 'GET',
      url: `/api/v1/public/cases/${a.code}`,
      headers: { 'x-access-key': a.key },
    })
    t.notOk(
      pub.json().timeline.some((e: { action: string }) => e.action.startsWith('rectification_')),
      'internal entries only',
    )
    t.equal(await h.cases.get('case_unknown'), null, 'an unknown case is skipped, not created')
  })
}
