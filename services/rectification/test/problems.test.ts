// Problems through HTTP and the problems consumer, on both adapters: recorded by hand (discipline officers,
// into the same trend rule), listed and read with the department scoping of the role table (officers and
// supervisors all; a department's lead and handlers their own; others 403; no token 401), and taken in from
// any `<source>.problem-found` v1 — a callbacks one included, with no change here — while bad data is refused.
import { randomBytes } from 'node:crypto'
import { createEvent, type EventEnvelope } from '@tingjian/contracts'
import { createLogger } from '@tingjian/kit'
import t from 'tap'
import { DEFAULT_SETTINGS, openCollections, type RectificationContext } from '../src/collections.ts'
import { problemsHandler } from '../src/consumers/index.ts'
import { API, rectification } from './helpers.ts'

const hex = () => randomBytes(5).toString('hex')

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(kind, async (t) => {
    const h = await rectification(t, kind)
    const a = `dept_${hex()}`
    const b = `dept_${hex()}`
    const record = (body: Record<string, unknown>, headers = h.officer) =>
      h.app.inject({ method: 'POST', url: `${API}/problems`, headers, payload: body })
    const base = (departmentId: string) => ({
      caseId: `case_${hex()}`,
      kind: 'overcharge',
      summary: '多收取证件工本费',
      departmentId,
      office: '城东出入境办证大厅',
      window: '5号窗口',
      staffNumber: 'J10086',
      occurredAt: '2026-03-01T02:00:00.000Z',
    })

    t.test(
      'a discipline officer records problems by hand; three about one window raise an alert',
      async (t) => {
        const first = await record(base(a))
        t.equal(first.statusCode, 201)
        t.match(first.json(), {
          id: /^rprb_/,
          reportedBy: 'rectification',
          reportedById: 'officer-1',
          departmentId: a,
          staffNumber: 'J10086',
          alertId: null,
          withdrawn: null,
        })
        t.equal(first.json().evidenceUrl, `/staff/cases/${first.json().caseId}`)
        await record({ ...base(a), staffNumber: 'j10087' })
        const third = await record({ ...base(a), staffNumber: 'J10088' })
        t.match(third.json().alertId, /^ralt_/, 'the third about 5号窗口 raised an alert')
        const alert = await h.alerts.get(third.json().alertId)
        t.equal(alert?.level, 'window')
        t.equal(alert?.problemIds.length, 3)
      },
    )

    t.test("one case's problems: ?caseId=", async (t) => {
      const one = base(a)
      const made = await record(one)
      await record(base(a))
      const res = await h.app.inject({ url: `${API}/problems?caseId=${one.caseId}`, headers: h.officer })
      t.equal(res.statusCode, 200)
      t.same(
        res.json().items.map((p: { id: string }) => p.id),
        [made.json().id],
      )
    })

    t.test('bad input is 400 and stores nothing', async (t) => {
      const before = await h.problems.count({ departmentId: b })
      const { caseId: _caseId, ...noCase } = base(b)
      for (const body of [
        noCase,
        { ...base(b), occurredAt: '2026-04-01T00:00:00.000Z' },
        { ...base(b), kind: 'bribery' },
        { ...base(b), staffNumber: 'J 1/0' },
        { ...base(b), summary: 'a\u202Eb' },
        { ...base(b), extra: 1 },
      ]) {
        const res = await record(body)
        t.equal(res.statusCode, 400, JSON.stringify(Object.keys(body)))
        t.match(res.headers['content-type'], /application\/problem\+json/)
      }
      t.equal(await h.problems.count({ departmentId: b }), before)
    })

    t.test('who may record, list and read (the role table)', async (t) => {
      const mine = await record(base(b))
      const id = mine.json().id as string
      for (const [role, status] of [
        ['dept_lead', 403],
        ['handler', 403],
        ['supervisor', 403],
        ['admin', 403],
      ] as const) {
        t.equal((await record(base(b), h.as(role, b))).statusCode, status, `${role} records`)
      }
      t.equal(
        (await h.app.inject({ method: 'POST', url: `${API}/problems`, payload: base(b) })).statusCode,
        401,
      )

      const list = async (headers: Record<string, string>, query = '') => {
        const res = await h.app.inject({ url: `${API}/problems${query}`, headers })
        return {
          status: res.statusCode,
          ids: res.statusCode === 200 ? res.json().items.map((p: { id: string }) => p.id) : [],
        }
      }
      t.ok((await list(h.officer)).ids.includes(id), 'officers see every department')
      t.ok((await list(h.as('supervisor'))).ids.includes(id), 'supervisors too')
      const leadB = await list(h.as('dept_lead', b))
      t.ok(leadB.ids.includes(id))
      const leadA = await list(h.as('dept_lead', a), `?departmentId=${b}`)
      t.same(leadA.ids, [], 'another department’s problems are not listed even when asked for')
      const handlerA = await list(h.as('handler', a))
      t.notOk(handlerA.ids.includes(id))
      for (const role of [
        'admin',
        'dispatcher',
        'callback_agent',
        'hotline_operator',
        'poll_manager',
      ] as const) {
        t.equal((await list(h.as(role))).status, 403, role)
      }
      t.equal((await list({})).status, 401)

      const one = (headers: Record<string, string>) => h.app.inject({ url: `${API}/problems/${id}`, headers })
      t.equal((await one(h.as('handler', b))).statusCode, 200)
      t.equal((await one(h.as('handler', a))).statusCode, 404, 'another department: as if absent')
      t.equal((await one(h.as('dispatcher'))).statusCode, 403)

      const filtered = await list(
        h.officer,
        `?departmentId=${b}&kind=overcharge&window=5号窗口&inOrder=false&withdrawn=false`,
      )
      t.ok(filtered.ids.includes(id))
      const none = await list(h.officer, `?departmentId=${b}&inOrder=true`)
      t.same(none.ids, [])
    })

    t.test(
      'any source’s problem-found v1 is taken in (callbacks plugs in unchanged); bad data is refused',
      async (t) => {
        const ctx: RectificationContext = {
          ...(await openCollections(h.store)),
          clock: h.clock,
          calendar: h.deps.calendar as RectificationContext['calendar'],
          blobs: h.blobs,
          settings: DEFAULT_SETTINGS,
        }
        const handle = problemsHandler(ctx, createLogger({ level: 'silent', name: 'test' }))
        const delivery = { topic: 'x', partition: 0, offset: '0', attempt: 1 }
        const surveyId = `svy_${hex()}`
        const data = {
          problemId: `${surveyId}:overcharge`,
          kind: 'overcharge',
          summary: 'Callback: fee above the posted schedule',
          source: { kind: 'survey', id: surveyId, trackingCode: null },
          departmentId: b,
          office: null,
          window: null,
          staffNumber: 'J20001',
          evidenceUrl: `/staff/callbacks/${surveyId}`,
          occurredAt: '2026-03-01T03:00:00.000Z',
        }
        const callbacks = (d: unknown, version = 1): EventEnvelope =>
          createEvent({
            type: 'callbacks.problem-found',
            version,
            source: 'callbacks',
            subject: surveyId,
            data: d,
          })
        await handle(callbacks(data), delivery)
        await handle(callbacks(data), delivery)
        const stored = await h.problems.get(data.problemId)
        t.match(stored, {
          reportedBy: 'callbacks',
          caseId: null,
          source: { kind: 'survey' },
          staffNumber: 'J20001',
        })
        t.equal(await h.problems.count({ 'source.id': surveyId }), 1, 'a redelivery is the same problem')

        await t.rejects(
          handle(callbacks({ ...data, problemId: `${surveyId}:x`, staffNumber: '警号 1' }), delivery),
          {
            code: 'TJ_INVALID_PROBLEM',
          },
        )
        t.equal(await h.problems.get(`${surveyId}:x`), null)
        await handle(callbacks({ anything: true }, 2), delivery)
        await handle(
          createEvent({
            type: 'callbacks.survey-completed',
            version: 1,
            source: 'callbacks',
            subject: surveyId,
            data: {},
          }),
          delivery,
        )
        t.equal(await h.problems.count({ 'source.id': surveyId }), 1, 'other types and versions are skipped')
      },
    )
  })
}
