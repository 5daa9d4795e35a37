import { buildApp, PROBLEM_CONTENT_TYPE } from '@tingjian/kit'
import { PERSONAL_DATA } from '@tingjian/testkit'
import t from 'tap'
import { identity, PASSWORD } from '../helpers.ts'

const decode = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>

t.test('login answers tokens and the user; the access token carries the claims', async (t) => {
  const { login, seeded, lines } = await identity(t)
  const res = await login('handler.traffic')
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.expiresIn, 900)
  t.match(body.refreshToken, /^[A-Za-z0-9_-]{43}$/)
  t.same(body.user, {
    id: seeded.users['handler.traffic'],
    username: 'handler.traffic',
    displayName: '交警承办人',
    roles: ['handler'],
    departmentId: seeded.departments.traffic,
  })
  t.notOk('email' in body.user)
  const claims = decode(body.accessToken)
  t.equal(claims.sub, seeded.users['handler.traffic'])
  t.equal(claims.username, 'handler.traffic')
  t.same(claims.roles, ['handler'])
  t.equal(claims.departmentId, seeded.departments.traffic)
  t.equal(claims.iss, 'tingjian-identity')
  t.equal(claims.aud, 'tingjian')
  t.equal((claims.exp as number) - (claims.iat as number), 900)
  t.equal(JSON.parse(Buffer.from(body.accessToken.split('.')[0], 'base64url').toString()).alg, 'EdDSA')
  t.notOk(
    lines.some((l) => l.includes(PASSWORD) || l.includes(body.refreshToken)),
    'no password or token in logs',
  )
})

t.test('usernames are case-insensitive at login', async (t) => {
  const { login } = await identity(t)
  t.equal((await login('Admin')).statusCode, 200)
})

t.test('unknown user, wrong password and inactive account get the same 401 problem', async (t) => {
  const { app, login, tokenOf, auth, seeded } = await identity(t)
  const admin = await tokenOf('admin')
  const off = await app.inject({
    method: 'DELETE',
    url: `/api/v1/users/${seeded.users.operator}`,
    headers: auth(admin),
  })
  t.equal(off.statusCode, 200)
  const answers = [
    await login('nobody'),
    await login('dispatcher', 'wrong-password-1'),
    await login('operator'), // deactivated, right password
  ]
  const shapes = answers.map((r) => {
    const { requestId: _r, ...rest } = r.json()
    return { status: r.statusCode, type: r.headers['content-type'], body: rest }
  })
  t.equal(shapes[0]?.status, 401)
  t.equal(shapes[0]?.type, PROBLEM_CONTENT_TYPE)
  t.equal(shapes[0]?.body.type, '/problems/invalid-credentials')
  t.same(shapes[1], shapes[0])
  t.same(shapes[2], shapes[0])
})

t.test("the kit verifies identity's tokens: admin routes accept admins only", async (t) => {
  const { tokenOf, jwt } = await identity(t)
  const other = await buildApp({
    service: 'other',
    logger: (await import('@tingjian/kit')).createLogger({ level: 'silent' }),
    jwt: { publicKey: jwt.config.publicKey, issuer: jwt.config.issuer, audience: jwt.config.audience },
  })
  other.get('/admin-only', { config: { access: ['admin'] } }, async () => ({ ok: true }))
  other.get('/staff', { config: { access: 'staff' } }, async (request) => ({ who: request.user.username }))
  t.teardown(() => other.close())
  const admin = await tokenOf('admin')
  const dispatcher = await tokenOf('dispatcher')
  const get = (url: string, token?: string) =>
    other.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} })
  t.equal((await get('/admin-only', admin)).statusCode, 200)
  t.equal((await get('/admin-only', dispatcher)).statusCode, 403)
  t.equal((await get('/admin-only')).statusCode, 401)
  t.same((await get('/staff', dispatcher)).json(), { who: 'dispatcher' })
  const tampered = `${dispatcher.slice(0, -4)}AAAA`
  t.equal((await get('/staff', tampered)).statusCode, 401)
})

t.test('GET /me answers the signed-in user', async (t) => {
  const { app, tokenOf, auth, seeded } = await identity(t)
  const res = await app.inject({ url: '/api/v1/me', headers: auth(await tokenOf('lead.exit-entry')) })
  t.equal(res.statusCode, 200)
  t.equal(res.json().id, seeded.users['lead.exit-entry'])
  t.equal(res.json().email, 'lead.exit-entry@staff.example.org')
  t.notOk('passwordHash' in res.json())
  t.equal((await app.inject({ url: '/api/v1/me' })).statusCode, 401)
})

t.test('refresh rotates: a new pair in the same session, the old token used up', async (t) => {
  const { app, login } = await identity(t)
  const first = (await login('supervisor')).json()
  const refresh = (refreshToken: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } })
  const second = await refresh(first.refreshToken)
  t.equal(second.statusCode, 200)
  const pair = second.json()
  t.not(pair.refreshToken, first.refreshToken)
  t.equal(pair.user.username, 'supervisor')
  t.equal(decode(pair.accessToken).sub, decode(first.accessToken).sub)
  const third = await refresh(pair.refreshToken)
  t.equal(third.statusCode, 200, 'the new token works')
  t.equal((await refresh('not-a-token')).statusCode, 401)
})

t.test('reusing a used refresh token revokes the whole family', async (t) => {
  const { app, login, lines } = await identity(t)
  const refresh = (refreshToken: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } })
  const first = (await login('dispatcher')).json().refreshToken
  const second = (await refresh(first)).json().refreshToken
  const third = (await refresh(second)).json().refreshToken
  const other = (await login('dispatcher')).json().refreshToken // another session of the same user

  const reuse = await refresh(first)
  t.equal(reuse.statusCode, 401)
  t.equal(reuse.json().type, '/problems/invalid-refresh-token')
  t.equal((await refresh(third)).statusCode, 401, 'the newest token of the family is revoked too')
  t.equal((await refresh(second)).statusCode, 401)
  t.equal((await refresh(other)).statusCode, 200, 'other sessions are untouched')
  t.ok(lines.some((l) => l.includes('"reason":"reuse"')))
})

t.test('concurrent use of one refresh token: at most one rotation succeeds', async (t) => {
  const { app, login } = await identity(t)
  const token = (await login('callback')).json().refreshToken
  const answers = await Promise.all(
    [1, 2, 3].map(() =>
      app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: token } }),
    ),
  )
  t.ok(answers.filter((a) => a.statusCode === 200).length <= 1)
  t.ok(answers.every((a) => a.statusCode === 200 || a.statusCode === 401))
})

t.test('refresh tokens expire: idle after 12 h, absolutely after 7 days', async (t) => {
  const { app, login, clock } = await identity(t)
  const refresh = (refreshToken: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } })
  const idle = (await login('discipline')).json().refreshToken
  clock.advance(11 * 3600_000)
  const kept = (await refresh(idle)).json().refreshToken
  t.ok(kept, 'used within 12 h it rotates')
  clock.advance(12 * 3600_000 + 1000)
  t.equal((await refresh(kept)).statusCode, 401, 'idle for more than 12 h')

  let token = (await login('discipline')).json().refreshToken
  for (let i = 1; i <= 20; i++) {
    clock.advance(11 * 3600_000)
    const res = await refresh(token)
    if (res.statusCode !== 200) {
      t.ok(i * 11 > 7 * 24 && (i - 1) * 11 <= 7 * 24, `ended after ${i * 11} h, the first use past 7 days`)
      t.equal(res.statusCode, 401)
      return
    }
    token = res.json().refreshToken
  }
  t.fail('a session kept alive lasted more than 7 days')
})

t.test('logout revokes the session', async (t) => {
  const { app, login } = await identity(t)
  const token = (await login('operator')).json().refreshToken
  const out = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/logout',
    payload: { refreshToken: token },
  })
  t.equal(out.statusCode, 204)
  const again = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    payload: { refreshToken: token },
  })
  t.equal(again.statusCode, 401)
  const unknown = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/logout',
    payload: { refreshToken: 'x' },
  })
  t.equal(unknown.statusCode, 204, 'the same answer for an unknown token')
})

t.test('failed logins per account: slowed after 5, refused with 429 after 10, success resets', async (t) => {
  const { login, delays, clock } = await identity(t)
  for (let i = 1; i <= 5; i++)
    t.equal((await login('dispatcher', `wrong-${i}-xxxxx`, `10.0.1.${i}`)).statusCode, 401)
  t.same(delays, [], 'no delay for the first five')
  for (let i = 6; i <= 10; i++)
    t.equal((await login('dispatcher', `wrong-${i}-xxxxx`, `10.0.1.${i}`)).statusCode, 401)
  t.equal(delays.length, 5, 'attempts 6–10 were slowed')
  t.ok(
    delays.every((d, i) => i === 0 || d >= (delays[i - 1] ?? 0)),
    'the delay grows',
  )
  t.ok(Math.max(...delays) <= 2000, 'and is bounded')

  const refused = await login('dispatcher', PASSWORD, '10.0.2.1')
  t.equal(refused.statusCode, 429, 'even the right password is refused while locked')
  t.equal(refused.headers['content-type'], PROBLEM_CONTENT_TYPE)
  t.equal(refused.json().type, '/problems/login-throttled')
  t.equal(Number(refused.headers['retry-after']), 15 * 60)
  t.equal((await login('admin', PASSWORD, '10.0.2.2')).statusCode, 200, 'other accounts are not locked')

  clock.advance(15 * 60_000 + 1000)
  t.equal((await login('dispatcher', PASSWORD, '10.0.2.3')).statusCode, 200, 'the lock ends')
  delays.length = 0
  t.equal((await login('dispatcher', 'wrong-again-xxx', '10.0.2.4')).statusCode, 401)
  t.same(delays, [], 'a success reset the counter')
})

t.test('failed logins per address: one client trying many accounts is refused', async (t) => {
  const { login, lines } = await identity(t)
  const names = [
    'admin',
    'dispatcher',
    'supervisor',
    'callback',
    'operator',
    'nobody',
    'x1',
    'x2',
    'x3',
    'x4',
  ]
  for (const name of names) t.equal((await login(name, 'wrong-password', '192.0.2.77')).statusCode, 401)
  t.equal((await login('discipline', PASSWORD, '192.0.2.77')).statusCode, 429)
  t.equal((await login('discipline', PASSWORD, '192.0.2.78')).statusCode, 200, 'other addresses are not')
  t.notOk(
    lines.some((l) => l.includes('192.0.2.77') && !l.includes('"remoteAddress"')),
    'the address is in no line of ours',
  )
})

t.test('bad login input is a 400 problem; no log line holds personal data', async (t) => {
  const { app, lines } = await identity(t)
  for (const payload of [
    {},
    { username: 'a' },
    { username: 'a', password: 'b', extra: 1 },
    { username: { $gt: '' }, password: 'x' },
  ]) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload })
    t.equal(res.statusCode, 400, JSON.stringify(payload))
  }
  t.notOk(
    lines.some((l) => PERSONAL_DATA.test(l)),
    'no e-mail, phone or ID number in logs',
  )
})
