// Trend alerts through the bus and HTTP, on both adapters. From issue 13: the same department, office, window
// or staff number with N or more problems (default 3) in a rolling 30 days raises an alert for the discipline
// officers, with the evidence listed; acknowledged, turned into an order, or dismissed with a reason. The
// design: one alert at the most specific level; a further problem joins the open alert; a redelivered event
// is the same problem. "Nothing else happened" is shown by a marker event of the same subject.
import { randomBytes } from 'node:crypto'
import { type EventEnvelope, TrackingEvents } from '@tingjian/contracts'
import { eventually } from '@tingjian/testkit'
import t from 'tap'
import { API, type Rectification, rectification } from './helpers.ts'

const DAY = 86_400_000
const T0 = Date.parse('2026-02-02T02:00:00.000Z')

interface Found {
  problemId?: string
  departmentId: string
  office?: string | null
  window?: string | null
  staffNumber?: string | null
  day: number
  subject?: string
}

function problemFound(f: Found): EventEnvelope {
  const caseId = f.subject ?? `case_${randomBytes(6).toString('hex')}`
  return TrackingEvents.problemFound.create({
    subject: caseId,
    data: {
      problemId: f.problemId ?? `${caseId}:dissatisfied:${randomBytes(2).toString('hex')}`,
      kind: 'dissatisfied',
      summary: 'Citizen rated the reply dissatisfied',
      source: { kind: 'case', id: caseId, trackingCode: null },
      departmentId: f.departmentId,
      office: f.office === undefined ? '城东出入境办证大厅' : f.office,
      window: f.window === undefined ? '3号窗口' : f.window,
      staffNumber: f.staffNumber ?? null,
      evidenceUrl: `/staff/cases/${caseId}`,
      occurredAt: new Date(T0 + f.day * DAY).toISOString(),
    },
  })
}

const dept = () => `dept_${randomBytes(4).toString('hex')}`

/** Publishes a marker problem of the same subject in a department of its own and waits until it is handled. */
async function marker(h: Rectification, subject: string) {
  const e = problemFound({ departmentId: dept(), day: 0, subject })
  await h.bus.publish(e)
  const id = (e.data as { problemId: string }).problemId
  await eventually(async () => (await h.problems.get(id))?.receivedAt)
  // the problem is stored before the trend decision: wait for the decision's write too
  await eventually(
    async () =>
      (await h.store.collection('problem_trends').get((e.data as { departmentId: string }).departmentId)) ??
      undefined,
  )
}

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(kind, async (t) => {
    const h = await rectification(t, kind)
    const officer = h.officer

    t.test('three dissatisfied ratings about one window → one window alert with the three', async (t) => {
      const d = dept()
      const subject = `case_${randomBytes(6).toString('hex')}`
      const events = [
        problemFound({ departmentId: d, day: 0, subject }),
        problemFound({ departmentId: d, day: 12, window: '３号窗口', subject }),
        problemFound({ departmentId: d, day: 29, window: ' 3号窗口 ', subject }),
      ]
      for (const e of events) await h.bus.publish(e)
      const ids = events.map((e) => (e.data as { problemId: string }).problemId)
      const listed = await eventually(async () => {
        const res = await h.app.inject({ url: `${API}/alerts?departmentId=${d}`, headers: officer })
        const items = res.json().items as Array<{ id: string }>
        return items.length > 0 ? items : undefined
      })
      await marker(h, subject)
      const all = await h.app.inject({ url: `${API}/alerts?departmentId=${d}`, headers: officer })
      t.equal(all.json().items.length, 1, 'one alert: no office or department alert besides')
      const alert = all.json().items[0]
      t.equal(alert.level, 'window')
      t.equal(alert.status, 'open')
      t.same([...alert.problemIds].sort(), [...ids].sort())
      t.equal(alert.threshold, 3)
      t.equal(alert.windowDays, 30)
      const raised = await h.eventsOf('rectification.alert-raised', listed[0]?.id as string)
      t.same(
        [...((raised[0]?.data as { problemIds: string[] } | undefined)?.problemIds ?? [])].sort(),
        [...ids].sort(),
      )
      const one = await h.app.inject({ url: `${API}/alerts/${alert.id}`, headers: officer })
      t.equal(one.statusCode, 200)
      t.same(
        one
          .json()
          .problems.map((p: { id: string }) => p.id)
          .sort(),
        [...ids].sort(),
        'the evidence is listed',
      )
      for (const id of ids) t.equal((await h.problems.get(id))?.alertId, alert.id)

      // a fourth joins the open alert; a redelivery of the third changes nothing
      const fourth = problemFound({ departmentId: d, day: 30, subject })
      await h.bus.publish(fourth)
      await h.bus.publish(events[2] as EventEnvelope)
      await marker(h, subject)
      const after = await h.app.inject({ url: `${API}/alerts/${alert.id}`, headers: officer })
      t.equal(after.json().problems.length, 4, 'the fourth joined')
      t.equal(await h.problems.count({ departmentId: d }), 4, 'the redelivery is the same problem')
      t.equal(await h.alerts.count({ departmentId: d }), 1, 'still one alert')
    })

    t.test('two problems raise nothing; the third 31 days after the first raises nothing', async (t) => {
      const two = dept()
      const late = dept()
      const subject = `case_${randomBytes(6).toString('hex')}`
      for (const e of [
        problemFound({ departmentId: two, day: 0, subject }),
        problemFound({ departmentId: two, day: 1, subject }),
        problemFound({ departmentId: late, day: 0, subject }),
        problemFound({ departmentId: late, day: 10, subject }),
        problemFound({ departmentId: late, day: 31, subject }),
      ])
        await h.bus.publish(e)
      await marker(h, subject)
      t.equal(await h.problems.count({ departmentId: { $in: [two, late] } }), 5)
      t.equal(await h.alerts.count({ departmentId: { $in: [two, late] } }), 0)
    })

    t.test('acknowledge and dismiss take the version; stale and wrong status are 409', async (t) => {
      const d = dept()
      const subject = `case_${randomBytes(6).toString('hex')}`
      for (const day of [0, 1, 2]) await h.bus.publish(problemFound({ departmentId: d, day, subject }))
      const alert = await eventually(async () => {
        const res = await h.app.inject({
          url: `${API}/alerts?departmentId=${d}&status=open`,
          headers: officer,
        })
        return res.json().items[0] as { id: string; version: number } | undefined
      })
      const url = `${API}/alerts/${alert.id}`
      const ack = await h.app.inject({
        method: 'POST',
        url: `${url}/acknowledge`,
        headers: officer,
        payload: { version: alert.version },
      })
      t.equal(ack.statusCode, 200)
      t.equal(ack.json().status, 'acknowledged')
      const stale = await h.app.inject({
        method: 'POST',
        url: `${url}/dismiss`,
        headers: officer,
        payload: { version: alert.version, reason: 'duplicate of an order' },
      })
      t.equal(stale.statusCode, 409)
      t.equal(stale.json().code, 'TJ_STALE_VERSION')
      const again = await h.app.inject({
        method: 'POST',
        url: `${url}/acknowledge`,
        headers: officer,
        payload: { version: ack.json().version },
      })
      t.equal(again.statusCode, 409, 'already acknowledged')
      const noReason = await h.app.inject({
        method: 'POST',
        url: `${url}/dismiss`,
        headers: officer,
        payload: { version: ack.json().version },
      })
      t.equal(noReason.statusCode, 400)
      const dismissed = await h.app.inject({
        method: 'POST',
        url: `${url}/dismiss`,
        headers: officer,
        payload: { version: ack.json().version, reason: 'the ratings were about another office' },
      })
      t.equal(dismissed.statusCode, 200)
      t.match(dismissed.json(), { status: 'dismissed', dismissed: { by: 'officer-1' } })
      const supervisorTry = await h.app.inject({
        method: 'POST',
        url: `${url}/acknowledge`,
        headers: h.as('supervisor'),
        payload: { version: dismissed.json().version },
      })
      t.equal(supervisorTry.statusCode, 403, 'supervisors read alerts only')
      t.equal((await h.app.inject({ url, headers: h.as('supervisor') })).statusCode, 200)
      t.equal((await h.app.inject({ url, headers: h.as('dept_lead', d) })).statusCode, 403)
      t.equal((await h.app.inject({ url })).statusCode, 401)

      // after the dismissal, a new problem about the window counts afresh: one more is not an alert
      await h.bus.publish(problemFound({ departmentId: d, day: 3, subject }))
      await marker(h, subject)
      t.equal(await h.alerts.count({ departmentId: d }), 1)
      t.equal(await h.alerts.count({ departmentId: d, status: 'open' }), 0)
    })
  })
}
