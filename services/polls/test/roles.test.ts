// Who may call what: a table written from issue 12 (staff = poll managers; admin has the same rights),
// not from the routes' own role lists. 401 without a token; 403 for a role the table does not name.
// Bodies are valid: the kit validates a body before it checks the token.
import { ROLES, type Role } from '@tingjian/kit'
import t from 'tap'
import { API, pollInput, polls } from './helpers.ts'

const MANAGERS: Role[] = ['poll_manager', 'admin']
const P = 'poll_0123456789abcdef0123456789abcdef'
const C = 'b_AAAAAAAAAAAAAAAAAAAAAA.q5'

const STAFF_ROUTES: Array<[method: 'GET' | 'POST' | 'PUT', path: string, body?: object]> = [
  ['GET', '/manage'],
  ['GET', `/manage/${P}`],
  ['POST', '', pollInput()],
  ['PUT', `/${P}`, { ...pollInput(), version: 1 }],
  ['POST', `/${P}/publish`, { version: 1 }],
  ['PUT', `/${P}/closes-at`, { version: 1, closesAt: '2026-04-01T00:00:00Z' }],
  ['POST', `/${P}/close`, { version: 1 }],
  ['POST', `/${P}/archive`, { version: 1 }],
  ['POST', `/${P}/duplicate`],
  ['POST', `/${P}/invitations`, { csv: '13900000000' }],
  ['GET', `/manage/${P}/invitations`],
  ['GET', `/manage/${P}/results`],
  ['GET', `/manage/${P}/results.csv`],
  ['GET', `/manage/${P}/ballots.csv`],
  ['GET', `/manage/${P}/comments`],
  ['POST', `/${P}/comments/${C}/moderation`, { decision: 'reject' }],
  ['POST', `/${P}/comments/${C}/escalation`, { category: 'complaint', subject: 'x' }],
]

const PUBLIC_ROUTES: Array<[method: 'GET' | 'POST', path: string, body?: object]> = [
  ['GET', ''],
  ['GET', `/${P}`],
  ['GET', `/${P}/results`],
  ['POST', `/${P}/verification`, { phone: '13900000000' }],
  ['POST', `/${P}/verification/confirm`, { phone: '13900000000', code: '123456' }],
  ['POST', `/${P}/ballots`, { answers: [] }],
]

t.test('roles × endpoints', async (t) => {
  const h = await polls(t)
  for (const [method, path, body] of STAFF_ROUTES) {
    const url = `${API}${path}`
    const anonymous = await h.app.inject({ method, url, ...(body ? { payload: body } : {}) })
    t.equal(anonymous.statusCode, 401, `${method} ${path} without a token`)
    for (const role of ROLES) {
      const res = await h.app.inject({ method, url, headers: h.as(role), ...(body ? { payload: body } : {}) })
      if (MANAGERS.includes(role)) t.not(res.statusCode, 403, `${method} ${path} allowed for ${role}`)
      else t.equal(res.statusCode, 403, `${method} ${path} refused for ${role}`)
    }
  }
  for (const [method, path, body] of PUBLIC_ROUTES) {
    const res = await h.app.inject({ method, url: `${API}${path}`, ...(body ? { payload: body } : {}) })
    t.not(res.statusCode, 401, `${method} ${path} is public`)
    t.not(res.statusCode, 403, `${method} ${path} is public`)
  }
})
