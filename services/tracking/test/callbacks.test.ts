// Issue 14 in tracking, through HTTP and the bus on both adapters: tracking.callback-due once per reply that
// reaches the citizen (not on a draft), with the number as sealed in the case (it opens to the citizen's
// number with the test's cipher; null without one) and the letter's declineCallback as contactDeclined; the
// callback surveys on the case — callbacks.survey-completed a public `callback_completed` entry (reopening the
// case for rework only when the event says reopenCase), survey-unreachable an internal one — each once however
// often delivered; the staff view's contactDeclined and callbacks. Expected values come from the issue and the
// lead's design, not from the code.
import { createHash } from 'node:crypto'
import { CallbacksEvents, type EventEnvelope, TrackingEvents, uuidv7 } from '@tingjian/contracts'
import type { Role } from '@tingjian/kit'
import { type AdapterKind, eventually, PERSONAL_DATA } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import { type Harness, harness } from './helpers.ts'

const PHONE = '13812345678'
const NAME = '张三'

/** Every tracking event of the test's bus, deduplicated by id (delivery is at least once). */
async function observe(t: Test, h: Harness) {
  const seen = new Map<string, EventEnvelope>()
  const sub = await h.bus.subscribe(
    { group: `test-observer-${uuidv7()}`, streams: ['tracking'] },
    async (e) => {
      seen.set(e.id, e)
    },
  )
  t.teardown(() => sub.close())
  return {
    of: (subject: string) => [...seen.values()].filter((e) => e.subject === subject),
    due: (subject: string) =>
      [...seen.values()].filter((e) => e.subject === subject && TrackingEvents.callbackDue.is(e)),
  }
}
type Observer = Awaited<ReturnType<typeof observe>>

const WHO: Record<string, [Role, string | null]> = {
  dispatcher: ['dispatcher', null],
  supervisor: ['supervisor', null],
  handler: ['handler', 'exit-entry'],
  lead: ['dept_lead', 'exit-entry'],
  agent: ['callback_agent', null],
}

function client(h: Harness) {
  const headers = (who: string) => {
    const [role, dept] = WHO[who] as [Role, string | null]
    return { authorization: `Bearer ${h.token(role, dept)}` }
  }
  const ok = async (id: string, action: string, who: string, body = {}) => {
    const version = (await h.cases.get(id))?.version
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/${action}`,
      headers: headers(who),
      payload: { version, ...body },
    })
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`)
    return res.json()
  }
  const view = async (id: string, who = 'supervisor') =>
    h.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: headers(who) })
  /** A note after the events under test: once its case-changed is seen, the case's earlier events were too. */
  const marker = async (id: string, events: Observer) => {
    const saved = await ok(id, 'notes', 'supervisor', { text: `marker ${uuidv7()}` })
    await eventually(async () =>
      events
        .of(id)
        .some(
          (e) =>
            TrackingEvents.caseChanged.is(e) &&
            e.data.action === 'note' &&
            e.data.caseVersion === saved.version,
        ),
    )
  }
  return { ok, view, marker, headers }
}

/** A named letter as the mailbox sends it: the contact fields sealed. */
const sealedCitizen = (h: Harness) => ({
  name: h.cipher.encrypt(NAME),
  phone: h.cipher.encrypt(PHONE),
})

/** A letter's case, assigned, signed for, its reply drafted and approved (published to the citizen). */
async function replied(h: Harness, overrides: Parameters<Harness['submit']>[0] = {}) {
  const c = client(h)
  const submitted = await h.submit({ citizen: sealedCitizen(h), ...overrides })
  await c.ok(submitted.id, 'assign', 'dispatcher', { departmentId: 'exit-entry' })
  await c.ok(submitted.id, 'sign', 'handler')
  await c.ok(submitted.id, 'reply', 'handler', { text: '经核查，已整改。' })
  await c.ok(submitted.id, 'reply/approve', 'lead')
  return submitted
}

const taskIdFor = (caseId: string, round: number) =>
  `cbt_${createHash('sha256').update(`case:${caseId}:${round}`).digest('hex').slice(0, 32)}`

function survey(
  taskId: string,
  caseId: string | null,
  over: { satisfaction?: 'dissatisfied' | 'satisfied' | 'very_dissatisfied'; reopenCase?: boolean } = {},
) {
  const ref = {
    taskId,
    subjectKind: caseId ? ('case' as const) : ('service_record' as const),
    caseId,
    trackingCode: null,
    serviceRecord: caseId ? null : { source: 'exit-entry-system', recordId: 'R-1' },
    serviceType: caseId ? 'case' : 'passport',
    departmentId: 'exit-entry',
    office: '城东出入境办证大厅',
    window: '3号窗口',
    staffNumber: 'A-1024',
    samplingRate: 1,
    attempts: 1,
    at: '2026-03-03T03:00:00.000Z',
  }
  return {
    completed: () =>
      CallbacksEvents.surveyCompleted.create({
        subject: taskId,
        data: {
          ...ref,
          channel: 'staff',
          officerId: 'u-agent',
          ...(over.reopenCase === undefined ? {} : { reopenCase: over.reopenCase }),
          answers: {
            feeCorrect: true,
            amountPaid: null,
            feeSchedule: null,
            attitude: 2,
            promiseKept: true,
            satisfaction: over.satisfaction ?? 'dissatisfied',
            comment: null,
          },
        },
      }),
    unreachable: (reason: 'unreachable' | 'wrong_number' | 'refused' = 'unreachable') =>
      CallbacksEvents.surveyUnreachable.create({ subject: taskId, data: { ...ref, attempts: 3, reason } }),
  }
}

const entries = async (h: Harness, id: string, action: string) =>
  ((await h.cases.get(id))?.timeline ?? []).filter((e) => e.action === action)

for (const kind of ['embedded', 'distributed'] as AdapterKind[]) {
  t.test(`${kind}: callback-due once per published reply, with the number sealed`, async (t) => {
    const h = await harness(t, kind)
    const events = await observe(t, h)
    const c = client(h)
    const submitted = await h.submit({ citizen: sealedCitizen(h) })
    const { id, code, key } = submitted
    await c.ok(id, 'assign', 'dispatcher', { departmentId: 'exit-entry' })
    await c.ok(id, 'concerns', 'handler', { office: '城东出入境办证大厅', window: '3号窗口' })
    await c.ok(id, 'sign', 'handler')
    await c.ok(id, 'reply', 'handler', { text: '经核查，已整改。' })
    await c.marker(id, events)
    t.same(events.due(id), [], 'not on a draft')

    await c.ok(id, 'reply/approve', 'lead')
    // the citizen rates it dissatisfied: reworked, replied again
    const rated = await h.app.inject({
      method: 'POST',
      url: `/api/v1/public/cases/${code}/rating`,
      headers: { 'x-access-key': key },
      payload: { satisfaction: 'dissatisfied' },
    })
    t.equal(rated.json().status, 'in_progress')
    await c.ok(id, 'reply', 'handler', { text: '重新核查，已再次整改。' })
    await c.marker(id, events)
    t.equal(events.due(id).length, 1, 'the second draft announces nothing')
    await c.ok(id, 'reply/approve', 'lead')
    await c.marker(id, events)

    const due = events.due(id)
    t.equal(due.length, 2, 'one per published reply')
    const stored = await h.cases.get(id)
    const [first, second] = due.map((e) => e.data as Record<string, unknown>)
    t.match(first, {
      caseId: id,
      trackingCode: code,
      channel: 'mailbox',
      category: 'complaint',
      departmentId: 'exit-entry',
      office: '城东出入境办证大厅',
      window: '3号窗口',
      staffNumber: null,
      contactDeclined: false,
      reworkCount: 0,
      previousRating: null,
    })
    t.match(
      second,
      { reworkCount: 1, previousRating: 'dissatisfied' },
      'the rework after a dissatisfied rating',
    )
    for (const data of [first, second]) {
      const phone = String(data?.phone)
      t.match(phone, /^tjf1:test1:/, 'sealed with the current key')
      t.equal(phone, stored?.citizen.phone, 'as sealed in the case')
      t.equal(h.cipher.decrypt(phone), PHONE, "opens to the citizen's number")
    }
    t.equal(second?.repliedAt, stored?.repliedAt)
    const raw = JSON.stringify(due)
    t.notOk(raw.includes(PHONE) || raw.includes(NAME), 'no contact data in clear in the events')
    for (const line of h.lines) t.notMatch(line, PERSONAL_DATA, 'no personal data in the logs')
  })

  t.test(`${kind}: declined contact and no number travel as they are`, async (t) => {
    const h = await harness(t, kind)
    const events = await observe(t, h)
    const c = client(h)
    const declined = await h.submit({ citizen: sealedCitizen(h), declineCallback: true })
    const view = await c.view(declined.id, 'handler')
    t.equal(view.statusCode, 404, 'not assigned yet: not the handler’s')
    t.equal((await c.view(declined.id, 'dispatcher')).json().contactDeclined, true, 'shown to staff')
    // answered on the spot by the dispatcher: published, so due (declined)
    await c.ok(declined.id, 'answer', 'dispatcher', { text: '已当场答复。' })
    const anonymous = await replied(h, { anonymous: true, citizen: {} })
    const plain = await h.submit({ citizen: sealedCitizen(h) })
    t.equal((await c.view(plain.id, 'dispatcher')).json().contactDeclined, false, 'absent: false')
    await c.marker(declined.id, events)
    await c.marker(anonymous.id, events)
    t.match(
      events.due(declined.id).map((e) => e.data),
      [{ contactDeclined: true, departmentId: null }],
    )
    t.match(
      events.due(anonymous.id).map((e) => e.data),
      [{ phone: null, contactDeclined: false }],
    )
  })

  t.test(`${kind}: the surveys on their cases, once each; reopened only when reopenCase`, async (t) => {
    const h = await harness(t, kind)
    const c = client(h)
    const a = await replied(h)
    const b = await replied(h)
    const m = await replied(h)
    const taskA = taskIdFor(a.id, 0)
    const onA = survey(taskA, a.id, { reopenCase: true })
    // delivered twice, and once more in a new envelope (a producer's retry)
    const done = onA.completed()
    await h.bus.publish(done)
    await h.bus.publish(done)
    await h.bus.publish(onA.completed())
    // a service record's survey: no case
    await h.bus.publish(survey(taskA, null).completed())
    // an unknown case
    await h.bus.publish(survey(taskA, 'case_unknown', { reopenCase: true }).completed())
    // the marker: a survey under the same key (same partition, consumed after them) about another case
    await h.bus.publish(survey(taskA, m.id, { satisfaction: 'satisfied' }).completed())
    await eventually(async () => (await entries(h, m.id, 'callback_completed')).length === 1)

    const caseA = await h.cases.get(a.id)
    t.match(caseA, { status: 'in_progress', reworkCount: 1 }, 'reopened for rework')
    t.same(
      caseA?.timeline.slice(-2).map((e) => [e.action, e.note, e.public]),
      [
        ['callback_completed', 'dissatisfied', true],
        ['reopened', null, true],
      ],
      'one callback entry and one reopening, however often delivered',
    )
    t.equal(await h.cases.get('case_unknown'), null, 'an unknown case is skipped, not created')
    const marked = await h.cases.get(m.id)
    t.equal(marked?.status, 'replied', 'satisfied, no reopenCase: the entry only')

    // dissatisfied but reopenCase false (the policy says no): the entry only
    const taskB = taskIdFor(b.id, 0)
    const onB = survey(taskB, b.id, { satisfaction: 'very_dissatisfied', reopenCase: false })
    await h.bus.publish(onB.completed())
    // unreachable: an internal entry, twice delivered; the marker a survey of another case under the key
    const unreachable = survey(taskB, b.id).unreachable('wrong_number')
    await h.bus.publish(unreachable)
    await h.bus.publish(unreachable)
    const late = await replied(h)
    await h.bus.publish(survey(taskB, late.id, { satisfaction: 'satisfied' }).completed())
    await eventually(async () => (await entries(h, late.id, 'callback_completed')).length === 1)
    const caseB = await h.cases.get(b.id)
    t.equal(caseB?.status, 'replied', 'not reopened')
    t.same(
      caseB?.timeline
        .filter((e) => e.action.startsWith('callback_'))
        .map((e) => [e.action, e.note, e.public]),
      [
        ['callback_completed', 'very_dissatisfied', true],
        ['callback_unreachable', 'wrong_number', false],
      ],
    )

    // the staff view: the callbacks and declined contact, for every role that sees the case
    for (const who of ['supervisor', 'handler', 'agent']) {
      const res = await c.view(b.id, who)
      t.equal(res.statusCode, 200, who)
      t.same(
        res.json().callbacks,
        [
          {
            taskId: taskB,
            outcome: 'completed',
            satisfaction: 'very_dissatisfied',
            at: '2026-03-03T03:00:00.000Z',
          },
          { taskId: taskB, outcome: 'unreachable', satisfaction: null, at: '2026-03-03T03:00:00.000Z' },
        ],
        `${who}: the callbacks`,
      )
      t.equal(res.json().contactDeclined, false)
    }
    t.equal(
      (await h.app.inject({ method: 'GET', url: `/api/v1/cases/${b.id}` })).statusCode,
      401,
      'no token: 401',
    )
    // the citizen's page: the completed callback, not the unreachable one
    const pub = await h.app.inject({
      method: 'GET',
      url: `/api/v1/public/cases/${b.code}`,
      headers: { 'x-access-key': b.key },
    })
    const publicActions = pub.json().timeline.map((e: { action: string }) => e.action)
    t.ok(publicActions.includes('callback_completed'), 'a completed callback is public')
    t.notOk(publicActions.includes('callback_unreachable'), 'an unreachable one is internal')
    for (const id of [a.id, b.id]) {
      const verify = await h.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${id}/timeline/verify`,
        headers: c.headers('supervisor'),
      })
      t.equal(verify.json().valid, true, 'the hash chain holds')
    }
  })
}
