// Issue 9, as an attacker tried it: revoked staff keep no power (here and, through identity's events, in
// any service that wires the kit's revocations), and the login throttle holds against parallel requests.
import { buildApp, createLogger, revocations } from '@tingjian/kit'
import { type AdapterKind, eventually, testAdapters } from '@tingjian/testkit'
import t from 'tap'
import { cookieToken, identity, PASSWORD } from './helpers.ts'

const newAdmin = {
  username: 'second.admin',
  displayName: '第二管理员',
  roles: ['admin'],
  password: 'second-admin-password',
}

t.test('a deactivated admin cannot PATCH themselves back with their still-valid token', async (t) => {
  const { app, tokenOf, auth, seeded, login, clock } = await identity(t)
  const first = await tokenOf('admin')
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: auth(first),
    payload: newAdmin,
  })
  t.equal(created.statusCode, 201)
  const second = (await login('second.admin', newAdmin.password)).json().accessToken
  clock.advance(1)

  const off = await app.inject({
    method: 'DELETE',
    url: `/api/v1/users/${seeded.users.admin}`,
    headers: auth(second),
  })
  t.equal(off.statusCode, 200)
  t.equal(off.json().active, false)

  const back = await app.inject({
    method: 'PATCH',
    url: `/api/v1/users/${seeded.users.admin}`,
    headers: auth(first),
    payload: { active: true },
  })
  t.equal(back.statusCode, 401, 'the old token is refused')
  t.equal(back.json().type, '/problems/unauthorized')
  const still = await app.inject({ url: `/api/v1/users/${seeded.users.admin}`, headers: auth(second) })
  t.equal(still.json().active, false, 'nothing changed')
  t.equal((await login('admin')).statusCode, 401, 'and no new sign-in')
  for (const [method, url] of [
    ['GET', '/api/v1/me'],
    ['GET', '/api/v1/users'],
    ['GET', '/api/v1/departments'],
  ] as const) {
    t.equal((await app.inject({ method, url, headers: auth(first) })).statusCode, 401, `${method} ${url}`)
  }
})

t.test("a deactivated admin's token is refused (401) on every staff endpoint of identity", async (t) => {
  const { app, tokenOf, auth, seeded, login, clock } = await identity(t)
  const first = await tokenOf('admin')
  t.equal(
    (await app.inject({ method: 'POST', url: '/api/v1/users', headers: auth(first), payload: newAdmin }))
      .statusCode,
    201,
  )
  const second = (await login('second.admin', newAdmin.password)).json().accessToken
  clock.advance(1)
  t.equal(
    (
      await app.inject({
        method: 'DELETE',
        url: `/api/v1/users/${seeded.users.admin}`,
        headers: auth(second),
      })
    ).statusCode,
    200,
  )
  const doc = (await app.inject({ url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, { 'x-access'?: unknown }>>
  }
  const bodies: Record<string, object> = {
    'POST /api/v1/users': { ...newAdmin, username: 'third.admin' },
    'PATCH /api/v1/users/{id}': { active: true },
    'POST /api/v1/users/{id}/password': { password: 'taken-over-password' },
    'POST /api/v1/departments': { code: 'taken', name: '接管' },
    'PATCH /api/v1/departments/{id}': { name: '接管' },
  }
  let staffOperations = 0
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (operation['x-access'] === 'public') continue
      staffOperations++
      const key = `${method.toUpperCase()} ${path}`
      const url = path.replace(
        '{id}',
        path.includes('departments') ? (seeded.departments.office ?? '') : (seeded.users.admin ?? ''),
      )
      const res = await app.inject({
        method: method.toUpperCase() as 'GET',
        url,
        headers: auth(first),
        ...(bodies[key] ? { payload: bodies[key] } : {}),
      })
      t.equal(res.statusCode, 401, key)
    }
  }
  t.ok(staffOperations >= 12, `every staff operation was tried (${staffOperations})`)
  const still = await app.inject({ url: `/api/v1/users/${seeded.users.admin}`, headers: auth(second) })
  t.equal(still.json().active, false, 'nothing changed')
  t.equal((await login('admin')).statusCode, 401, 'the password was not taken over')
})

t.test('a demoted admin cannot create an admin with their old token', async (t) => {
  const { app, tokenOf, auth, seeded, login, clock, jwt } = await identity(t)
  const first = await tokenOf('admin')
  t.equal(
    (await app.inject({ method: 'POST', url: '/api/v1/users', headers: auth(first), payload: newAdmin }))
      .statusCode,
    201,
  )
  const second = (await login('second.admin', newAdmin.password)).json().accessToken
  clock.advance(1)
  const demoted = await app.inject({
    method: 'PATCH',
    url: `/api/v1/users/${seeded.users.admin}`,
    headers: auth(second),
    payload: { roles: ['callback_agent'] },
  })
  t.equal(demoted.statusCode, 200)

  const attempt = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: auth(first),
    payload: { ...newAdmin, username: 'third.admin' },
  })
  t.equal(attempt.statusCode, 401, 'the token issued before the demotion is refused')
  const list = await app.inject({ url: '/api/v1/users?role=admin', headers: auth(second) })
  t.same(
    list.json().items.map((u: { username: string }) => u.username),
    ['second.admin'],
    'no admin was created',
  )

  // A token issued after the demotion that still claims admin (a stale claim, a bug, a forged role list
  // signed by mistake): identity believes the stored roles, not the token's.
  const claims = {
    sub: seeded.users.admin ?? '',
    roles: ['admin' as const],
    iatMs: clock.now().getTime() + 10,
  }
  const stale = jwt.token(claims)
  const forged = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: auth(stale),
    payload: { ...newAdmin, username: 'fourth.admin' },
  })
  t.equal(forged.statusCode, 403, 'the stored roles decide')
  const fresh = (await login('admin')).json()
  t.same(fresh.user.roles, ['callback_agent'], 'a new sign-in gets the new roles')
  t.equal(
    (await app.inject({ url: '/api/v1/me', headers: auth(fresh.accessToken) })).statusCode,
    200,
    'and its token works',
  )
})

t.test('after logout the access token of that sign-in is refused', async (t) => {
  const { app, login, logout, auth, clock } = await identity(t)
  const signedIn = await login('supervisor')
  const access = signedIn.json().accessToken
  t.equal((await app.inject({ url: '/api/v1/me', headers: auth(access) })).statusCode, 200)
  clock.advance(1)
  t.equal((await logout(cookieToken(signedIn) ?? '')).statusCode, 204)
  t.equal((await app.inject({ url: '/api/v1/me', headers: auth(access) })).statusCode, 401)
  const again = await login('supervisor')
  t.equal(
    (await app.inject({ url: '/api/v1/me', headers: auth(again.json().accessToken) })).statusCode,
    200,
    'signing in again works at once',
  )
})

t.test(
  'a token issued in the same millisecond as a re-activation works; one from before does not',
  async (t) => {
    const { app, tokenOf, auth, seeded, login } = await identity(t)
    // The clock does not move in this test: everything happens in one millisecond.
    const admin = auth(await tokenOf('admin'))
    const before = (await login('callback')).json().accessToken
    const off = await app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${seeded.users.callback}`,
      headers: admin,
    })
    t.equal(off.statusCode, 200)
    const on = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${seeded.users.callback}`,
      headers: admin,
      payload: { active: true },
    })
    t.equal(on.statusCode, 200)
    const after = (await login('callback')).json().accessToken
    t.equal((await app.inject({ url: '/api/v1/me', headers: auth(before) })).statusCode, 401)
    t.equal((await app.inject({ url: '/api/v1/me', headers: auth(after) })).statusCode, 200)
  },
)

for (const kind of ['distributed', 'embedded'] as AdapterKind[]) {
  t.test(
    `${kind}: another service refuses a revoked user within seconds, from identity's events`,
    async (t) => {
      const { app, bus, tokenOf, auth, seeded, login, logout, clock, jwt } = await identity(t, kind)
      const { store: otherStore } = await testAdapters(t, kind, 'other')
      const other = await buildApp({
        service: 'other',
        logger: createLogger({ level: 'silent' }),
        jwt: { publicKey: jwt.config.publicKey, issuer: jwt.config.issuer, audience: jwt.config.audience },
        rateLimit: false,
      })
      await revocations(other, { bus, store: otherStore, service: 'other' })
      other.get('/cases', { config: { access: ['dispatcher', 'supervisor'] } }, async () => ({ ok: true }))
      t.teardown(() => other.close())
      const call = async (token: string) =>
        (await other.inject({ url: '/cases', headers: auth(token) })).statusCode
      const settled = (token: string, status: number) =>
        eventually(async () => (await call(token)) === status, 30_000)

      const admin = auth(await tokenOf('admin'))
      const dispatcher = await tokenOf('dispatcher')
      t.equal(await call(dispatcher), 200)
      clock.advance(1)
      const off = await app.inject({
        method: 'DELETE',
        url: `/api/v1/users/${seeded.users.dispatcher}`,
        headers: admin,
      })
      t.equal(off.statusCode, 200)
      await settled(dispatcher, 401)
      t.equal(await call(dispatcher), 401, 'a deactivated user is refused')

      const on = await app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${seeded.users.dispatcher}`,
        headers: admin,
        payload: { active: true },
      })
      t.equal(on.statusCode, 200)
      const renewed = await login('dispatcher')
      await settled(renewed.json().accessToken, 200)
      t.equal(await call(dispatcher), 401, 'the token from before stays refused')

      clock.advance(1)
      t.equal((await logout(cookieToken(renewed) ?? '')).statusCode, 204)
      await settled(renewed.json().accessToken, 401)

      const supervisor = await tokenOf('supervisor')
      t.equal(await call(supervisor), 200, 'others are untouched')
      clock.advance(1)
      const demoted = await app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${seeded.users.supervisor}`,
        headers: admin,
        payload: { roles: ['callback_agent'] },
      })
      t.equal(demoted.statusCode, 200)
      await settled(supervisor, 401)
      t.equal(await call(supervisor), 401, 'a demoted user is refused with the old token')
    },
  )
}

for (const kind of ['distributed', 'embedded'] as AdapterKind[]) {
  for (const n of [40, 100]) {
    t.test(`${kind}: ${n} parallel wrong logins from one address: the limit of 10 holds`, async (t) => {
      const { login } = await identity(t, kind)
      const answers = await Promise.all(
        Array.from({ length: n }, (_, i) => login('operator', `wrong-password-${i}`, '203.0.113.9')),
      )
      const count = (status: number) => answers.filter((a) => a.statusCode === status).length
      t.equal(count(401), 10, 'exactly ten reached the password check')
      t.equal(count(429), n - 10, 'every other one was refused')
      t.equal((await login('operator', PASSWORD, '203.0.113.9')).statusCode, 429, 'the right password too')
      t.equal((await login('operator', PASSWORD, '203.0.113.10')).statusCode, 200, 'from elsewhere it works')
    })
  }
}
