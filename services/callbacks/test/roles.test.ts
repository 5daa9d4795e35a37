// Who may call what, written out from the design's roles (not imported from the routes): callback
// officers work the queue and read scripts; supervisors do all that plus policy and scripts; admins the
// policy only (no calling, no answers, no reveal); everyone else 403, no token 401.
import type { Role } from '@tingjian/kit'
import t from 'tap'
import { API, callbacks, sh } from './helpers.ts'

const TASK = `cbt_${'0'.repeat(32)}`
const ALL_ROLES: Role[] = [
  'admin',
  'dispatcher',
  'handler',
  'dept_lead',
  'supervisor',
  'callback_agent',
  'discipline_officer',
  'hotline_operator',
  'poll_manager',
]
const CALLERS: Role[] = ['callback_agent', 'supervisor']
const POLICY: Role[] = ['supervisor', 'admin']

const policyBody = {
  seed: 'tingjian',
  cases: {
    categoryRates: { complaint: 1, report: 1 },
    dissatisfiedRate: 1,
    departmentRates: {},
    defaultRate: 0.2,
    reopenOnDissatisfied: true,
  },
  serviceRecords: { rates: {}, defaultRate: 0.1 },
  callingHours: [
    { from: '09:00', to: '12:00' },
    { from: '14:00', to: '20:00' },
  ],
  automated: { serviceTypes: [], subjectKinds: [] },
}
const scriptBody = {
  intro: { zh: '您好', en: 'Hello' },
  questions: [{ key: 'satisfaction', text: { zh: '满意吗？', en: 'Satisfied?' } }],
}

const MATRIX: Array<[method: 'GET' | 'POST' | 'PUT', path: string, allowed: Role[], body?: object]> = [
  ['GET', '/tasks', CALLERS],
  ['POST', '/tasks/next', CALLERS],
  ['GET', `/tasks/${TASK}`, CALLERS],
  ['POST', `/tasks/${TASK}/claim`, CALLERS],
  ['POST', `/tasks/${TASK}/release`, CALLERS, {}],
  ['POST', `/tasks/${TASK}/reveal`, CALLERS],
  ['POST', `/tasks/${TASK}/call`, CALLERS],
  ['POST', `/tasks/${TASK}/attempts`, CALLERS, { outcome: 'busy' }],
  ['GET', '/officers/me', CALLERS],
  ['PUT', '/officers/me', CALLERS, { endpoint: 'client:x' }],
  ['GET', '/scripts', CALLERS],
  ['GET', '/scripts/passport', CALLERS],
  ['PUT', '/scripts/passport', ['supervisor'], scriptBody],
  ['GET', '/policy', POLICY],
  ['PUT', '/policy', POLICY, policyBody],
]

t.test('role × endpoint', async (t) => {
  const h = await callbacks(t, 'embedded', { start: sh('2026-03-02T10:00:00').toISOString() })
  for (const [method, path, allowed, body] of MATRIX) {
    const url = `${API}${path}`
    const none = await h.app.inject({ method, url, ...(body ? { payload: body } : {}) })
    t.equal(none.statusCode, 401, `${method} ${path} without a token`)
    for (const role of ALL_ROLES) {
      const res = await h.app.inject({
        method,
        url,
        headers: h.as(`u-${role}`, [role]),
        ...(body ? { payload: body } : {}),
      })
      if (allowed.includes(role))
        t.not([401, 403].includes(res.statusCode), true, `${role} may ${method} ${path} (${res.statusCode})`)
      else t.equal(res.statusCode, 403, `${role} may not ${method} ${path}`)
    }
  }
})
