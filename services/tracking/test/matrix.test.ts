// Every role against every staff endpoint: allowed (anything but 403) or 403; handlers and department
// leads blind to other departments' cases.
import { ROLES, uuidv7 } from '@tingjian/contracts'
import type { Role } from '@tingjian/kit'
import t from 'tap'
import { ACTION_ROLES, decide } from '../src/domain/case.ts'
import { openFromLetter } from '../src/domain/intake.ts'
import { STATS_ROLES } from '../src/routes/stats.ts'
import { ActionBodies } from '../src/schemas/cases.ts'
import { ACTION_BODIES, calendar, dispatcher, letter, MONDAY, PII_KEY } from './fixtures.ts'
import { harness, trackingCode } from './helpers.ts'

t.test('role × endpoint', async (t) => {
  const h = await harness(t)
  // A case assigned to exit-entry, written straight into the store (setup only).
  const freshCase = async () => {
    const opened = openFromLetter(letter({ trackingCode: trackingCode() }), PII_KEY, MONDAY, {
      id: uuidv7(),
      correlationId: 'x',
    })
    const out = decide(opened.case, { type: 'assign', departmentId: 'exit-entry' }, dispatcher, {
      now: MONDAY,
      calendar,
    })
    if (!out.ok) throw new Error('setup')
    const saved = await h.cases.insert(opened.case._id, { ...out.case }, { events: [] })
    await h.cases.update(saved._id, 1, { ...out.case }, {})
    return saved._id
  }
  const deptOf = (role: Role) => (role === 'handler' || role === 'dept_lead' ? 'exit-entry' : null)
  const headers = (role: Role, dept = deptOf(role)) => ({ authorization: `Bearer ${h.token(role, dept)}` })

  let id = await freshCase()
  for (const role of ROLES) {
    const list = await h.app.inject({ method: 'GET', url: '/api/v1/cases', headers: headers(role) })
    t.equal(list.statusCode, 200, `${role} GET /cases`)
    const get = await h.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: headers(role) })
    t.equal(get.statusCode, 200, `${role} GET /cases/{id}`)
    const verify = await h.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}/timeline/verify`,
      headers: headers(role),
    })
    t.equal(verify.statusCode, 200, `${role} GET verify`)
    const stats = await h.app.inject({
      method: 'GET',
      url: '/api/v1/stats/departments?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
      headers: headers(role),
    })
    t.equal(stats.statusCode, (STATS_ROLES as readonly string[]).includes(role) ? 200 : 403, `${role} stats`)
  }

  for (const action of Object.keys(ActionBodies) as Array<keyof typeof ActionBodies>) {
    for (const role of ROLES) {
      const current = await h.cases.get(id)
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${id}/${action}`,
        headers: headers(role),
        payload: { version: current?.version ?? 1, ...ACTION_BODIES[action] },
      })
      const allowed = action === 'notes' || (ACTION_ROLES[action] as readonly string[]).includes(role)
      if (allowed) t.not(res.statusCode, 403, `${role} ${action} allowed (${res.statusCode})`)
      else t.equal(res.statusCode, 403, `${role} ${action} forbidden`)
      t.not(res.statusCode, 500)
      if (res.statusCode === 200) id = await freshCase()
    }
  }

  // other departments: not found, not listed, not actionable
  const other = { authorization: `Bearer ${h.token('handler', 'traffic')}` }
  const otherLead = { authorization: `Bearer ${h.token('dept_lead', 'traffic')}` }
  const noDept = { authorization: `Bearer ${h.token('handler', null)}` }
  for (const hdr of [other, otherLead, noDept]) {
    t.equal((await h.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: hdr })).statusCode, 404)
    t.same((await h.app.inject({ method: 'GET', url: '/api/v1/cases', headers: hdr })).json().items, [])
    const sign = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/sign`,
      headers: hdr,
      payload: { version: 2 },
    })
    t.equal(sign.statusCode, 404)
  }
  const anonymous = await h.app.inject({ method: 'GET', url: '/api/v1/cases' })
  t.equal(anonymous.statusCode, 401)
})
