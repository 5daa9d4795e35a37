// Who may call what: a table written from issue 11 and the API document (not from the routes' own role
// lists). 401 without a token; 403 for a role the table does not name; anything else means "allowed".
import type { Role } from '@tingjian/kit'
import t from 'tap'
import { hotline } from './helpers.ts'

const API = '/api/v1/hotline'
const ROLES: Role[] = ['hotline_operator', 'dispatcher', 'supervisor', 'admin', 'handler', 'callback_agent']
const STAFF_HOTLINE: Role[] = ['hotline_operator', 'dispatcher', 'supervisor', 'admin']

const MATRIX: Array<[method: 'GET' | 'POST' | 'PUT', path: string, allowed: Role[], body?: object]> = [
  ['GET', '/operators/me', ['hotline_operator', 'admin']],
  ['PUT', '/operators/me', ['hotline_operator', 'admin'], { available: false }],
  ['GET', '/operators', ['supervisor', 'dispatcher', 'admin']],
  ['GET', '/queue', STAFF_HOTLINE],
  ['POST', '/queue/answer-next', ['hotline_operator', 'admin']],
  ['GET', '/calls', STAFF_HOTLINE],
  ['GET', '/calls/call_x', STAFF_HOTLINE],
  [
    'POST',
    '/calls/call_x/log',
    ['hotline_operator', 'dispatcher', 'admin'],
    { outcome: 'not_a_matter', notAMatter: { reason: 'silent' } },
  ],
  ['POST', '/calls/call_x/hangup', ['hotline_operator', 'admin']],
  ['GET', '/calls/call_x/recording', STAFF_HOTLINE],
  ['GET', '/calls/call_x/voicemail', STAFF_HOTLINE],
  ['GET', '/callbacks', STAFF_HOTLINE],
  ['POST', '/callbacks/cb_x/claim', ['hotline_operator', 'admin']],
  ['POST', '/callbacks/cb_x/call', ['hotline_operator', 'admin']],
  ['POST', '/callbacks/cb_x/attempts', ['hotline_operator', 'admin'], { outcome: 'busy' }],
  ['GET', '/dashboard?from=2026-03-01&to=2026-03-02', ['supervisor', 'dispatcher', 'admin']],
  ['POST', '/simulator/calls', ['admin'], { from: '+8613900000000' }],
]

t.test('roles × endpoints', async (t) => {
  const h = await hotline(t)
  for (const [method, path, allowed, body] of MATRIX) {
    const url = `${API}${path}`
    const anonymous = await h.app.inject({ method, url, ...(body ? { payload: body } : {}) })
    t.equal(anonymous.statusCode, 401, `${method} ${path} without a token`)
    for (const role of ROLES) {
      const res = await h.app.inject({
        method,
        url,
        headers: h.as(`u-${role}`, [role]),
        ...(body ? { payload: body } : {}),
      })
      if (allowed.includes(role)) t.not(res.statusCode, 403, `${method} ${path} allowed for ${role}`)
      else t.equal(res.statusCode, 403, `${method} ${path} refused for ${role}`)
    }
  }
  await h.simulator.idle()
})

t.test('webhooks never ask for a staff token: unsigned is 403 whatever the token', async (t) => {
  const h = await hotline(t)
  const res = await h.app.inject({
    method: 'POST',
    url: `${API}/voice/incoming`,
    headers: { ...h.as('a', ['admin']), 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'CallSid=CA1',
  })
  t.equal(res.statusCode, 403)
  t.equal(res.json().code, 'TJ_BAD_SIGNATURE')
})
