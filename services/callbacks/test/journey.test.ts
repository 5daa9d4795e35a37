// The callbacks side of the issue's journey, through HTTP on both adapters: a replied complaint becomes a
// task; an officer takes it from the queue, calls through the simulator (their phone, then the citizen),
// records a dissatisfied answer; survey-completed asks tracking to reopen the case (no phone in it) and a
// dissatisfied problem leaves for rectification; the KPIs count it (1 eligible, 1 completed, satisfaction
// 0 of 1). Three overcharged fees at one window → three overcharge problems at that window (rectification's
// rule makes the alert; the platform's journey shows it end to end).
import { createHash } from 'node:crypto'
import type { AdapterKind } from '@tingjian/testkit'
import t from 'tap'
import { API, callbacks, DEPT_A, sh } from './helpers.ts'

const taskIdOf = (caseId: string) =>
  `cbt_${createHash('sha256').update(`case:${caseId}:0`).digest('hex').slice(0, 32)}`

for (const kind of ['embedded', 'distributed'] as AdapterKind[]) {
  t.test(`${kind}: replied → called → dissatisfied → reopen asked, problem found, counted`, async (t) => {
    const h = await callbacks(t, kind, { start: sh('2026-03-03T10:00:00').toISOString() })
    const op1 = await h.officer('op1')
    const c = await h.publishDue({
      category: 'complaint',
      repliedAt: sh('2026-03-02T16:00:00').toISOString(),
    })
    const id = taskIdOf(c.caseId)
    await h.waitTask(id)

    const next = await h.app.inject({ method: 'POST', url: `${API}/tasks/next`, headers: op1 })
    t.equal(next.statusCode, 200, next.body)
    t.equal(next.json().task.id, id)
    const placed = await h.app.inject({ method: 'POST', url: `${API}/tasks/${id}/call`, headers: op1 })
    t.equal(placed.statusCode, 202, placed.body)
    await h.simulator.idle()
    const citizenLeg = h.simulator.calls().find((x) => x.parentCallId === placed.json().callId)
    t.equal(citizenLeg?.to, `+86${c.phoneClear}`, "the citizen's phone rang")
    await h.simulator.hangup(placed.json().callId)
    await h.simulator.idle()

    const done = await h.app.inject({
      method: 'POST',
      url: `${API}/tasks/${id}/attempts`,
      headers: op1,
      payload: {
        outcome: 'completed',
        answers: { feeCorrect: true, attitude: 3, promiseKept: true, satisfaction: 'dissatisfied' },
      },
    })
    t.equal(done.statusCode, 200, done.body)
    t.match(done.json().attempts, [{ n: 1, by: 'op1', outcome: 'completed', callId: placed.json().callId }])

    const [completed] = await h.eventsOf('callbacks.survey-completed', id)
    t.match(completed?.data, {
      caseId: c.caseId,
      reopenCase: true,
      answers: { satisfaction: 'dissatisfied' },
    })
    t.notOk(JSON.stringify(completed).includes(c.phoneClear as string))
    const [problem] = await h.eventsOf('callbacks.problem-found', id)
    t.match(problem?.data, {
      problemId: `${id}:dissatisfied`,
      kind: 'dissatisfied',
      source: { kind: 'case', id: c.caseId, trackingCode: c.trackingCode },
      departmentId: DEPT_A,
    })

    const stats = await h.app.inject({
      url: `${API}/stats?from=2026-03&to=2026-03&groupBy=department`,
      headers: h.supervisor,
    })
    t.equal(stats.statusCode, 200, stats.body)
    const row = stats.json().rows.find((r: { group: string }) => r.group === DEPT_A)
    t.match(row, {
      eligible: 1,
      completed: 1,
      callbackRate: 1,
      satisfaction: { n: 1, satisfied: 0, rate: 0 },
    })
  })

  t.test(`${kind}: three overcharged fees at one window → three overcharge problems there`, async (t) => {
    const h = await callbacks(t, kind, { start: sh('2026-03-03T10:00:00').toISOString() })
    const op1 = await h.officer('op1')
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const c = await h.publishDue({
        category: 'complaint',
        repliedAt: sh('2026-03-02T16:00:00').toISOString(),
      })
      ids.push(taskIdOf(c.caseId))
    }
    for (const id of ids) {
      await h.waitTask(id)
      t.equal(
        (await h.app.inject({ method: 'POST', url: `${API}/tasks/${id}/claim`, headers: op1 })).statusCode,
        200,
      )
      const r = await h.app.inject({
        method: 'POST',
        url: `${API}/tasks/${id}/attempts`,
        headers: op1,
        payload: {
          outcome: 'completed',
          answers: { feeCorrect: false, satisfaction: 'basically_satisfied' },
        },
      })
      t.equal(r.statusCode, 200, r.body)
    }
    for (const id of ids) {
      const found = await h.eventsOf('callbacks.problem-found', id)
      t.match(
        found.map((e) => e.data),
        [{ kind: 'overcharge', departmentId: DEPT_A, office: '城东出入境办证大厅', window: '3号窗口' }],
      )
    }
  })
}
