// The officers' queue through HTTP: calling hours and rest days (a Saturday, a statutory holiday, the
// lunch gap → 409 naming the next window; a make-up Saturday works), nothing before it is due, due
// soonest then oldest, call back later and failed half-days respected, three failed half-days →
// unreachable once; and two officers racing `POST /tasks/next` 20 times each over 20 tasks never get the
// same task (on FerretDB too, where only unique inserts hold across connections). Both adapters.
import { createHash } from 'node:crypto'
import type { AdapterKind } from '@tingjian/testkit'
import t from 'tap'
import { DEFAULT_POLICY } from '../src/domain/policy.ts'
import { newTask } from '../src/domain/task.ts'
import { API, type Callbacks, callbacks, sh } from './helpers.ts'

const taskIdOf = (caseId: string, rework = 0) =>
  `cbt_${createHash('sha256').update(`case:${caseId}:${rework}`).digest('hex').slice(0, 32)}`

async function seed(h: Callbacks, repliedAt: string, n = 1) {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const c = await h.publishDue({ category: 'complaint', repliedAt: sh(repliedAt).toISOString() })
    ids.push(taskIdOf(c.caseId))
  }
  for (const id of ids) await h.waitTask(id)
  return ids
}

const next = (h: Callbacks, headers: Record<string, string>) =>
  h.app.inject({ method: 'POST', url: `${API}/tasks/next`, headers })

for (const kind of ['embedded', 'distributed'] as AdapterKind[]) {
  t.test(`${kind}: calling hours and rest days`, async (t) => {
    const h = await callbacks(t, kind, { start: sh('2026-02-28T08:30:00').toISOString() })
    const op1 = await h.officer('op1')
    const [id] = await seed(h, '2026-02-27T15:00:00')

    const early = await next(h, op1)
    t.equal(early.statusCode, 409, 'before nine')
    t.equal(early.json().code, 'TJ_OUTSIDE_CALLING_HOURS')
    t.match(early.json().detail ?? early.json().title, sh('2026-02-28T09:00:00').toISOString())

    // the make-up Saturday is a working day: at 10:00 the task is offered
    h.clock.set(sh('2026-02-28T10:00:00'))
    const offered = await next(h, op1)
    t.equal(offered.statusCode, 200, offered.body)
    t.equal(offered.json().task.id, id)
    t.equal(offered.json().script.questions.length, 6, 'the default script')
    t.equal(
      (await h.app.inject({ method: 'POST', url: `${API}/tasks/${id}/release`, headers: op1, payload: {} }))
        .statusCode,
      200,
    )

    for (const [at, nextWindow, why] of [
      ['2026-03-07T10:00:00', '2026-03-09T09:00:00', 'a Saturday'],
      ['2026-04-06T10:00:00', '2026-04-07T09:00:00', 'Qingming, a Monday'],
      ['2026-03-02T12:30:00', '2026-03-02T14:00:00', 'the lunch gap'],
      ['2026-03-02T20:00:00', '2026-03-03T09:00:00', 'after eight'],
    ] as const) {
      h.clock.set(sh(at))
      const res = await next(h, op1)
      t.equal(res.statusCode, 409, why)
      t.match(res.json().detail ?? res.json().title, sh(nextWindow).toISOString(), `${why}: the next window`)
    }
  })

  t.test(`${kind}: due order, not before due, call back later, three half-days`, async (t) => {
    const h = await callbacks(t, kind, { start: sh('2026-03-03T10:00:00').toISOString() })
    const op1 = await h.officer('op1')
    // replied Monday (due Tuesday 09:00), replied Friday (due Monday 09:00), replied Tuesday (due Wednesday)
    const [monday] = await seed(h, '2026-03-02T11:00:00')
    const [friday] = await seed(h, '2026-02-27T11:00:00')
    const [tuesday] = await seed(h, '2026-03-03T09:30:00')

    const a = await next(h, op1)
    t.equal(a.json().task.id, friday, 'due soonest first')
    const b = await next(h, op1)
    t.equal(b.json().task.id, monday)
    t.equal((await next(h, op1)).statusCode, 204, "Wednesday's task is not due yet")

    // call back later: tomorrow 16:00
    const later = await h.app.inject({
      method: 'POST',
      url: `${API}/tasks/${friday}/attempts`,
      headers: op1,
      payload: { outcome: 'call_back_later', at: sh('2026-03-04T16:00:00').toISOString() },
    })
    t.equal(later.statusCode, 200, later.body)
    t.equal(later.json().status, 'open')
    t.equal((await next(h, op1)).statusCode, 204, 'not before the time asked')

    // Monday's task: no answer at 10:00 → back from 14:00
    const attempt = (id: string | undefined, outcome: string) =>
      h.app.inject({ method: 'POST', url: `${API}/tasks/${id}/attempts`, headers: op1, payload: { outcome } })
    t.equal((await attempt(monday, 'no_answer')).json().notBefore, sh('2026-03-03T14:00:00').toISOString())
    h.clock.set(sh('2026-03-03T14:10:00'))
    t.equal((await next(h, op1)).json().task.id, monday, 'the afternoon')
    await attempt(monday, 'busy')
    // a third try the same afternoon (claimed by hand): three attempts, two half-days → still open
    h.clock.set(sh('2026-03-03T15:00:00'))
    t.equal(
      (await h.app.inject({ method: 'POST', url: `${API}/tasks/${monday}/claim`, headers: op1 })).statusCode,
      200,
    )
    const third = await attempt(monday, 'no_answer')
    t.equal(third.json().attempts.length, 3)
    t.equal(third.json().status, 'open', 'two half-days only')

    // Wednesday 09:10: due in order — the Tuesday reply (due 09:00 Wednesday) after Monday's (due earlier)
    h.clock.set(sh('2026-03-04T09:10:00'))
    const wed = await next(h, op1)
    t.equal(wed.json().task.id, monday)
    const fourth = await attempt(monday, 'no_answer')
    t.equal(fourth.json().status, 'unreachable', 'a third half-day')
    const [gone] = await h.eventsOf('callbacks.survey-unreachable', monday as string)
    t.match(gone?.data, { reason: 'unreachable', attempts: 4 })
    t.equal((await next(h, op1)).json().task.id, tuesday)
    h.clock.set(sh('2026-03-04T16:00:00'))
    t.equal((await next(h, op1)).json().task.id, friday, 'called back at the time asked')
    t.equal(
      h.events.filter((e) => e.subject === monday && e.type === 'callbacks.survey-unreachable').length,
      1,
      'unreachable once',
    )
  })

  t.test(`${kind}: two officers racing for 20 tasks never share one`, async (t) => {
    const h = await callbacks(t, kind, { start: sh('2026-03-03T10:00:00').toISOString() })
    const op1 = await h.officer('op1')
    const op2 = await h.officer('op2')
    // stored as the consumer stores them (the intake is tested elsewhere; here the queue is)
    const ids = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const { id, task } = newTask(
          {
            subjectKind: 'case',
            caseId: `case_race_${i}`,
            trackingCode: null,
            serviceRecord: null,
            serviceType: 'case',
            departmentId: 'dept-a',
            office: null,
            window: null,
            staffNumber: null,
            phone: `1390000${String(1000 + i)}`,
            applicantName: null,
            samplingRate: 1,
            stratum: 'category:complaint',
            feeSchedule: null,
            reworkCount: 0,
            subjectAt: sh('2026-03-02T11:00:00'),
          },
          { policy: DEFAULT_POLICY, calendar: h.calendar, cipher: h.cipher },
        )
        await h.tasks.insert(id, task, { now: h.clock.now() })
        return id
      }),
    )
    const calls = []
    for (let i = 0; i < 20; i++) calls.push(next(h, op1), next(h, op2))
    const answers = await Promise.all(calls)
    const given = answers
      .filter((r) => r.statusCode === 200)
      .map((r) => r.json().task as { id: string; claim: { by: string } })
    t.same(
      answers.filter((r) => r.statusCode !== 200 && r.statusCode !== 204),
      [],
      'no failures',
    )
    t.equal(given.length, 20, 'every task given')
    t.equal(new Set(given.map((g) => g.id)).size, 20, 'none given twice')
    t.same([...new Set(given.map((g) => g.id))].sort(), [...ids].sort())
    for (const g of given) {
      const stored = await h.tasks.get(g.id)
      t.equal(stored?.claim?.by, g.claim.by, 'the store agrees who holds it')
    }
    t.equal((await h.ctx.claims.find({}, { limit: 500 })).items.length, 20, 'one claim per task')
  })
}
