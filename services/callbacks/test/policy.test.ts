// The policy through HTTP: the defaults until one is stored (version 0), replaced with the version read
// (a stale one 409), bad input 400 with nothing changed, and a new rate in force for the next replied case.
import { createHash } from 'node:crypto'
import t from 'tap'
import { API, callbacks, DEPT_A } from './helpers.ts'

const taskIdOf = (caseId: string, rework = 0) =>
  `cbt_${createHash('sha256').update(`case:${caseId}:${rework}`).digest('hex').slice(0, 32)}`

t.test('policy: defaults, replace with versions, bad input, in force', async (t) => {
  const h = await callbacks(t)
  const headers = h.as('admin-1', ['admin'])
  const initial = await h.app.inject({ url: `${API}/policy`, headers })
  t.equal(initial.statusCode, 200)
  t.match(initial.json(), {
    version: 0,
    seed: 'tingjian',
    cases: { categoryRates: { complaint: 1, report: 1 }, defaultRate: 0.2, reopenOnDissatisfied: true },
    serviceRecords: { defaultRate: 0.1 },
    callingHours: [
      { from: '09:00', to: '12:00' },
      { from: '14:00', to: '20:00' },
    ],
  })
  const { version, updatedAt, updatedBy, ...policy } = initial.json()
  const put = (body: object) => h.app.inject({ method: 'PUT', url: `${API}/policy`, headers, payload: body })

  const overlapping = await put({
    ...policy,
    callingHours: [
      { from: '09:00', to: '15:00' },
      { from: '14:00', to: '20:00' },
    ],
  })
  t.equal(overlapping.statusCode, 400)
  t.equal((await put({ ...policy, cases: { ...policy.cases, defaultRate: 1.5 } })).statusCode, 400)
  t.equal((await put({ ...policy, surprise: true })).statusCode, 400)
  t.equal((await h.app.inject({ url: `${API}/policy`, headers })).json().version, 0, 'nothing stored')

  const everyDeptA = { ...policy, version: 0, cases: { ...policy.cases, departmentRates: { [DEPT_A]: 1 } } }
  const stored = await put(everyDeptA)
  t.equal(stored.statusCode, 200, stored.body)
  t.equal(stored.json().version, 1)
  t.equal(stored.json().updatedBy, 'admin-1')
  t.equal((await put(everyDeptA)).statusCode, 409, 'the version read is stale now')

  // every suggestion of department A is called back now
  const c = await h.publishDue({ category: 'suggestion' })
  const task = await h.waitTask(taskIdOf(c.caseId))
  t.equal(task.samplingRate, 1)
  t.equal(task.stratum, `department:${DEPT_A}`)
})
