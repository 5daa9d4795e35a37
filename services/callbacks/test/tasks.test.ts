// Replied cases become tasks per policy (tracking's callback-due on the bus): a complaint always, a
// suggestion by the department's seeded sample (predicted with the design's formula), none without a
// phone or when the citizen declined, one task however often the event comes; then attempts and answers
// through HTTP: events once, no phone in them, one problem-found per finding, reopenCase only for a
// dissatisfied answer on a case. Both adapters.
import { createHash } from 'node:crypto'
import type { AdapterKind } from '@tingjian/testkit'
import t from 'tap'
import { API, type Callbacks, callbacks, DEPT_A, sh } from './helpers.ts'

const taskIdOf = (caseId: string, rework = 0) =>
  `cbt_${createHash('sha256').update(`case:${caseId}:${rework}`).digest('hex').slice(0, 32)}`
/** The design's draw: the first 8 hex digits of sha256(`<seed>:<key>`) over 2^32, below the rate. */
const drawn = (key: string, rate: number, seed = 'tingjian') =>
  Number.parseInt(createHash('sha256').update(`${seed}:${key}`).digest('hex').slice(0, 8), 16) / 2 ** 32 <
  rate

/** A marker after the events of this case (same subject, so handled after them): a complaint's rework 99. */
async function marker(h: Callbacks, caseId: string) {
  await h.publishDue({ caseId, reworkCount: 99, category: 'complaint' })
  await h.waitTask(taskIdOf(caseId, 99))
}

for (const kind of ['embedded', 'distributed'] as AdapterKind[]) {
  t.test(`${kind}: replied cases become tasks per policy`, async (t) => {
    const h = await callbacks(t, kind)

    const complaint = await h.publishDue({
      category: 'complaint',
      repliedAt: sh('2026-02-27T15:00:00').toISOString(),
    })
    const task = await h.waitTask(taskIdOf(complaint.caseId))
    t.match(task, {
      subjectKind: 'case',
      caseId: complaint.caseId,
      trackingCode: complaint.trackingCode,
      serviceType: 'case',
      departmentId: DEPT_A,
      office: '城东出入境办证大厅',
      window: '3号窗口',
      staffNumber: 'A1024',
      samplingRate: 1,
      status: 'open',
      mode: 'staff',
      // the next working day after Friday 27 February is the make-up Saturday 28 February
      dueFrom: sh('2026-02-28T09:00:00').toISOString(),
    })
    const phone = complaint.phoneClear as string
    t.equal(task.phoneMasked, `${phone.slice(0, 3)}****${phone.slice(-4)}`)
    t.not(task.phone, phone, 'sealed')
    t.equal(h.cipher.decrypt(task.phone), phone)
    t.equal(task.phoneHash, h.cipher.hash(phone, 'phone'), 'searchable by keyed hash')

    // suggestions: the department's rate (default 0.2), drawn by the seeded formula
    const suggestions = []
    for (let i = 0; i < 15; i++) suggestions.push(await h.publishDue({ category: 'suggestion' }))
    // a rework after a dissatisfied rating is always called back; report always
    const rework = await h.publishDue({
      category: 'suggestion',
      reworkCount: 1,
      previousRating: 'dissatisfied',
    })
    const report = await h.publishDue({ category: 'report' })
    // never without a phone, never when declined
    const noPhone = await h.publishDue({ phoneClear: null })
    const declined = await h.publishDue({ contactDeclined: true })
    for (const c of [...suggestions, rework, report, noPhone, declined]) await marker(h, c.caseId)

    for (const s of suggestions) {
      const expected = drawn(`case:${s.caseId}:0`, 0.2)
      t.equal(!!(await h.tasks.get(taskIdOf(s.caseId))), expected, `suggestion drawn: ${expected}`)
    }
    t.ok(await h.tasks.get(taskIdOf(rework.caseId, 1)), 'a rework after a dissatisfied rating')
    t.ok(await h.tasks.get(taskIdOf(report.caseId)), 'a report')
    t.equal(await h.tasks.get(taskIdOf(noPhone.caseId)), null, 'no phone: no task')
    t.equal(await h.tasks.get(taskIdOf(declined.caseId)), null, 'declined: no task')

    // the stratum of the suggestions counts every eligible one (the KPIs' weights)
    const stratum = await h.ctx.strata.get(`2026-02|department:${DEPT_A}`)
    t.equal(stratum?.population, 15)
    t.equal(stratum?.sampled, suggestions.filter((s) => drawn(`case:${s.caseId}:0`, 0.2)).length)
  })

  t.test(`${kind}: a redelivered callback-due is the same task, counted once`, async (t) => {
    const h = await callbacks(t, kind)
    const { data } = h.dueData({ category: 'complaint' })
    const { TrackingEvents } = await import('@tingjian/contracts')
    const event = TrackingEvents.callbackDue.create({ subject: data.caseId, data })
    await h.bus.publish(event)
    await h.bus.publish(event)
    await h.bus.publish(TrackingEvents.callbackDue.create({ subject: data.caseId, data }))
    await marker(h, data.caseId)
    const page = await h.tasks.find({ caseId: data.caseId })
    t.same(page.items.map((x) => x._id).sort(), [taskIdOf(data.caseId), taskIdOf(data.caseId, 99)].sort())
    const stratum = await h.ctx.strata.get('2026-02|category:complaint')
    t.equal(stratum?.population, 2, 'the case and its marker, each once')
  })

  t.test(`${kind}: attempts and answers through HTTP → events once, no phone`, async (t) => {
    const h = await callbacks(t, kind, { start: sh('2026-03-02T10:00:00').toISOString() })
    const op1 = await h.officer('op1')
    const cases = []
    for (let i = 0; i < 3; i++) cases.push(await h.publishDue({ category: 'complaint' }))
    for (const c of cases) await h.waitTask(taskIdOf(c.caseId))
    const [first, second, third] = cases.map((c) => taskIdOf(c.caseId))

    const claim = (id: string | undefined) =>
      h.app.inject({ method: 'POST', url: `${API}/tasks/${id}/claim`, headers: op1 })
    const attempt = (id: string | undefined, payload: object) =>
      h.app.inject({ method: 'POST', url: `${API}/tasks/${id}/attempts`, headers: op1, payload })

    t.equal((await attempt(first, { outcome: 'busy' })).statusCode, 409, 'claim first')
    t.equal((await claim(first)).statusCode, 200)
    // completed needs answers; answers only with completed; bad answers are 400 and change nothing
    t.equal((await attempt(first, { outcome: 'completed' })).statusCode, 400)
    t.equal((await attempt(first, { outcome: 'busy', answers: { attitude: 3 } })).statusCode, 400)
    t.equal((await attempt(first, { outcome: 'completed', answers: { attitude: 7 } })).statusCode, 400)
    t.equal((await attempt(first, { outcome: 'completed', answers: { satisfaction: 'ok' } })).statusCode, 400)
    t.equal((await attempt(first, { outcome: 'completed', answers: {}, extra: 1 })).statusCode, 400)
    t.equal((await h.tasks.get(first as string))?.attempts.length, 0, 'nothing recorded')

    const dissatisfied = await attempt(first, {
      outcome: 'completed',
      answers: {
        feeCorrect: true,
        attitude: 4,
        promiseKept: true,
        satisfaction: 'dissatisfied',
        comment: '等太久',
      },
    })
    t.equal(dissatisfied.statusCode, 200, dissatisfied.body)
    t.equal(dissatisfied.json().status, 'completed')
    t.equal((await attempt(first, { outcome: 'busy' })).statusCode, 409, 'a completed task is closed')

    await claim(second)
    await attempt(second, {
      outcome: 'completed',
      answers: {
        feeCorrect: false,
        amountPaid: 50,
        attitude: 1,
        promiseKept: false,
        satisfaction: 'satisfied',
      },
    })
    await claim(third)
    t.equal((await attempt(third, { outcome: 'wrong_number', note: '空号' })).statusCode, 200)

    const [completed] = await h.eventsOf('callbacks.survey-completed', first as string)
    t.match(completed?.data, {
      taskId: first,
      subjectKind: 'case',
      caseId: cases[0]?.caseId,
      trackingCode: cases[0]?.trackingCode,
      channel: 'staff',
      officerId: 'op1',
      reopenCase: true,
      attempts: 1,
      answers: { satisfaction: 'dissatisfied', comment: '等太久', feeSchedule: null },
    })
    const found1 = await h.eventsOf('callbacks.problem-found', first as string)
    t.same(
      found1.map((e) => (e.data as { kind: string }).kind),
      ['dissatisfied'],
    )
    const [completed2] = await h.eventsOf('callbacks.survey-completed', second as string)
    t.match(completed2?.data, { reopenCase: false }, 'satisfied: the case stays closed')
    const found2 = await h.eventsOf('callbacks.problem-found', second as string, 3)
    t.same(found2.map((e) => (e.data as { kind: string }).kind).sort(), [
      'attitude',
      'missed_promise',
      'overcharge',
    ])
    const [unreachable] = await h.eventsOf('callbacks.survey-unreachable', third as string)
    t.match(unreachable?.data, { reason: 'wrong_number' })

    const text = JSON.stringify(h.events)
    for (const c of cases) {
      const p = c.phoneClear as string
      t.notOk(text.includes(p) || text.includes(`+86${p}`), 'no phone in any event')
    }
    t.equal(h.events.filter((e) => e.subject === first && e.type === 'callbacks.survey-completed').length, 1)
    const logs = h.lines.join('\n')
    for (const c of cases) {
      const p = c.phoneClear as string
      t.notOk(
        logs.includes(p) || logs.includes(`${p.slice(0, 3)}****${p.slice(-4)}`),
        'no number in the logs',
      )
    }
  })
}
