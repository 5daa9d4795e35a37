import { PERSONAL_DATA } from '@tingjian/testkit'
import t from 'tap'
import { cookieToken, identity } from '../helpers.ts'

const newUser = (departmentId: string | null, extra: object = {}) => ({
  username: 'handler.fire',
  displayName: '消防承办人',
  email: 'handler.fire@staff.example.org',
  roles: ['handler'],
  departmentId,
  password: 'a-long-password',
  ...extra,
})

t.test('admins create users who can then sign in; passwords are never returned', async (t) => {
  const { app, tokenOf, auth, seeded, login, lines } = await identity(t)
  const admin = auth(await tokenOf('admin'))
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin,
    payload: newUser(seeded.departments.fire),
  })
  t.equal(res.statusCode, 201)
  const user = res.json()
  t.match(user, {
    username: 'handler.fire',
    roles: ['handler'],
    departmentId: seeded.departments.fire,
    active: true,
  })
  t.notOk('password' in user || 'passwordHash' in user)
  t.equal((await login('handler.fire', 'a-long-password')).statusCode, 200)

  const one = await app.inject({ url: `/api/v1/users/${user.id}`, headers: admin })
  t.equal(one.json().email, 'handler.fire@staff.example.org')
  const list = await app.inject({
    url: `/api/v1/users?departmentId=${seeded.departments.fire}`,
    headers: admin,
  })
  t.same(
    list.json().items.map((u: { username: string }) => u.username),
    ['handler.fire'],
  )
  const leads = await app.inject({ url: '/api/v1/users?role=dept_lead', headers: admin })
  t.same(
    leads.json().items.map((u: { username: string }) => u.username),
    ['lead.exit-entry', 'lead.traffic'],
  )
  t.notOk(
    lines.some((l) => PERSONAL_DATA.test(l)),
    'no e-mail address in logs',
  )
  t.notOk(
    lines.some((l) => l.includes('a-long-password')),
    'no password in logs',
  )
})

t.test('non-admins get 403 on every user-management route', async (t) => {
  const { app, tokenOf, auth, seeded } = await identity(t)
  const id = seeded.users.operator
  for (const name of ['dispatcher', 'lead.traffic', 'supervisor']) {
    const headers = auth(await tokenOf(name))
    for (const [method, url, payload] of [
      ['GET', '/api/v1/users', undefined],
      ['GET', `/api/v1/users/${id}`, undefined],
      ['POST', '/api/v1/users', newUser(seeded.departments.fire)],
      ['PATCH', `/api/v1/users/${id}`, { displayName: 'x' }],
      ['DELETE', `/api/v1/users/${id}`, undefined],
      ['POST', `/api/v1/users/${id}/password`, { password: 'another-long-one' }],
    ] as const) {
      const res = await app.inject({ method, url, headers, payload })
      t.equal(res.statusCode, 403, `${name} ${method} ${url}`)
    }
  }
})

t.test('bad user input is a 400 problem and creates nothing', async (t) => {
  const { app, tokenOf, auth, seeded } = await identity(t)
  const admin = auth(await tokenOf('admin'))
  const fire = seeded.departments.fire
  const cases: Array<[string, object]> = [
    ['upper-case username', newUser(fire, { username: 'Handler.Fire' })],
    ['space in username', newUser(fire, { username: 'handler fire' })],
    ['unknown role', newUser(fire, { roles: ['superuser'] })],
    ['no roles', newUser(fire, { roles: [] })],
    ['handler without department', newUser(null)],
    ['dept_lead without department', newUser(null, { roles: ['dept_lead'] })],
    ['unknown field', newUser(fire, { isAdmin: true })],
    ['short password', newUser(fire, { password: 'short' })],
    ['bad e-mail', newUser(fire, { email: 'not-an-address' })],
    ['operator object', newUser(fire, { username: { $gt: '' } })],
  ]
  for (const [what, payload] of cases) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload })
    t.equal(res.statusCode, 400, what)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', what)
  }
  // one-line fields (issue 9): no separators, invisible or direction characters; something visible
  const notOneLine = [
    ...['\u2028', '\u2029', '\u200B', '\u200E', '\u200F', '\u061C', '\uFEFF', '\u202E'].map(
      (c) => `消防${c}承办人`,
    ),
    '   ',
    '\u200B',
  ]
  for (const displayName of notOneLine) {
    const what = `displayName ${JSON.stringify(displayName).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}`
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: newUser(fire, { displayName }),
    })
    t.equal(res.statusCode, 400, what)
    t.equal(res.json().type, '/problems/validation', what)
    t.match(res.json().errors, [{ path: 'body/displayName' }], what)
  }
  const list = await app.inject({ url: `/api/v1/users?departmentId=${fire}`, headers: admin })
  t.same(list.json().items, [])
  const unknownDept = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin,
    payload: newUser('no-such-department'),
  })
  t.equal(unknownDept.statusCode, 409)
})

t.test('a duplicate username is a 409', async (t) => {
  const { app, tokenOf, auth, seeded } = await identity(t)
  const admin = auth(await tokenOf('admin'))
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin,
    payload: newUser(seeded.departments.traffic, { username: 'handler.traffic' }),
  })
  t.equal(res.statusCode, 409)
  t.equal(res.json().type, '/problems/duplicate')
})

t.test('admins change, deactivate and reset users; sessions end with them', async (t) => {
  const { app, tokenOf, auth, seeded, login, refresh, clock } = await identity(t)
  const admin = auth(await tokenOf('admin'))
  const id = seeded.users['handler.exit-entry']
  const signedIn = await login('handler.exit-entry')
  const session = cookieToken(signedIn) ?? ''
  const me = (accessToken: string) => app.inject({ url: '/api/v1/me', headers: auth(accessToken) })
  t.equal((await me(signedIn.json().accessToken)).statusCode, 200)
  clock.advance(1)

  const moved = await app.inject({
    method: 'PATCH',
    url: `/api/v1/users/${id}`,
    headers: admin,
    payload: { roles: ['handler', 'dept_lead'], email: null },
  })
  t.equal(moved.statusCode, 200)
  t.same(moved.json().roles, ['handler', 'dept_lead'])
  t.equal(moved.json().email, null)
  t.equal((await me(signedIn.json().accessToken)).statusCode, 401, 'new roles void the tokens issued before')
  const noDept = await app.inject({
    method: 'PATCH',
    url: `/api/v1/users/${id}`,
    headers: admin,
    payload: { departmentId: null },
  })
  t.equal(noDept.statusCode, 400, 'a handler keeps a department')

  const reset = await app.inject({
    method: 'POST',
    url: `/api/v1/users/${id}/password`,
    headers: admin,
    payload: { password: 'brand-new-password' },
  })
  t.equal(reset.statusCode, 204)
  t.equal((await refresh(session)).statusCode, 401, 'the reset ended the session')
  t.equal((await login('handler.exit-entry')).statusCode, 401, 'the old password no longer works')
  const renewed = await login('handler.exit-entry', 'brand-new-password')
  const fresh = cookieToken(renewed) ?? ''
  t.ok(fresh)
  t.equal((await me(renewed.json().accessToken)).statusCode, 200, 'a token issued after the reset works')

  const off = await app.inject({ method: 'DELETE', url: `/api/v1/users/${id}`, headers: admin })
  t.equal(off.statusCode, 200)
  t.equal(off.json().active, false)
  t.equal((await refresh(fresh)).statusCode, 401, 'deactivation ended the session')
  t.equal((await me(renewed.json().accessToken)).statusCode, 401, 'and voided its access token')

  const self = await app.inject({
    method: 'DELETE',
    url: `/api/v1/users/${seeded.users.admin}`,
    headers: admin,
  })
  t.equal(self.statusCode, 409, 'admins cannot lock themselves out')
  t.equal((await app.inject({ url: '/api/v1/users/nope', headers: admin })).statusCode, 404)
})
