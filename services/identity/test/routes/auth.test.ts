import { buildApp, PROBLEM_CONTENT_TYPE } from '@tingjian/kit'
import { PERSONAL_DATA } from '@tingjian/testkit'
import t from 'tap'
import { CSRF, cookieToken, identity, PASSWORD, setCookie } from '../helpers.ts'

const decode = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>

t.test('login answers tokens and the user; the access token carries the claims', async (t) => {
  const { login, seeded, lines } = await identity(t)
  const res = await login('handler.traffic')
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.expiresIn, 900)
  t.notOk('refreshToken' in body, 'the refresh token is not in the body (scripts must not see it)')
  const refreshToken = cookieToken(res) ?? ''
  t.match(refreshToken, /^[A-Za-z0-9_-]{43}$/)
  const cookie = setCookie(res)
  t.match(cookie, /; Path=\/api\/v1\/auth(;|$)/)
  t.match(cookie, /; HttpOnly(;|$)/)
  t.match(cookie, /; SameSite=Strict(;|$)/)
  t.match(cookie, /; Max-Age=604800(;|$)/, 'lives as long as the session may (7 days)')
  t.notMatch(cookie, /Secure/, 'not Secure over plain HTTP')
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
  t.equal(Math.floor((claims.iatMs as number) / 1000), claims.iat, 'iatMs: the issue time in ms')
  t.equal(JSON.parse(Buffer.from(body.accessToken.split('.')[0], 'base64url').toString()).alg, 'EdDSA')
  t.notOk(
    lines.some((l) => l.includes(PASSWORD) || l.includes(refreshToken)),
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
  const { login, refresh, lines } = await identity(t)
  const first = await login('supervisor')
  const second = await refresh(cookieToken(first) ?? '')
  t.equal(second.statusCode, 200)
  const pair = second.json()
  t.notOk('refreshToken' in pair)
  const next = cookieToken(second) ?? ''
  t.match(next, /^[A-Za-z0-9_-]{43}$/)
  t.not(next, cookieToken(first))
  t.match(setCookie(second), /; Path=\/api\/v1\/auth; Max-Age=\d+; HttpOnly; SameSite=Strict/)
  t.equal(pair.user.username, 'supervisor')
  t.equal(decode(pair.accessToken).sub, decode(first.json().accessToken).sub)
  const third = await refresh(next)
  t.equal(third.statusCode, 200, 'the new token works')
  const bad = await refresh('not-a-token')
  t.equal(bad.statusCode, 401)
  t.match(setCookie(bad), /^tj_refresh=; Path=\/api\/v1\/auth; Max-Age=0/, 'a refused cookie is cleared')
  t.equal((await refresh(null)).statusCode, 401, 'no cookie')
  t.notOk(
    lines.some((l) => [cookieToken(first), next].some((token) => token && l.includes(token))),
    'no refresh token in any log line (cookie or set-cookie)',
  )
})

t.test('refresh and logout need the custom header (CSRF) and change nothing without it', async (t) => {
  const { login, refresh, logout } = await identity(t)
  const token = cookieToken(await login('supervisor')) ?? ''
  for (const headers of [{}, { 'x-requested-with': 'XMLHttpRequest' }] as Record<string, string>[]) {
    const r = await refresh(token, headers)
    t.equal(r.statusCode, 403)
    t.equal(r.headers['content-type'], PROBLEM_CONTENT_TYPE)
    t.equal(r.json().type, '/problems/csrf-header-missing')
    t.equal(setCookie(r), '', 'no cookie set or cleared')
    const l = await logout(token, headers)
    t.equal(l.statusCode, 403)
    t.equal(l.json().type, '/problems/csrf-header-missing')
  }
  t.equal((await refresh(token, CSRF)).statusCode, 200, 'the session was neither rotated nor ended')
})

t.test('reusing a used refresh token after the grace revokes the whole family', async (t) => {
  const { login, refresh, lines, clock } = await identity(t)
  const first = cookieToken(await login('dispatcher')) ?? ''
  const second = cookieToken(await refresh(first)) ?? ''
  const third = cookieToken(await refresh(second)) ?? ''
  const other = cookieToken(await login('dispatcher')) ?? '' // another session of the same user
  clock.advance(21_000) // past the 20 s grace of the README

  const reuse = await refresh(first)
  t.equal(reuse.statusCode, 401)
  t.equal(reuse.json().type, '/problems/invalid-refresh-token')
  t.equal((await refresh(third)).statusCode, 401, 'the newest token of the family is revoked too')
  t.equal((await refresh(second)).statusCode, 401)
  t.equal((await refresh(other)).statusCode, 200, 'other sessions are untouched')
  t.ok(lines.some((l) => l.includes('"reason":"reuse"')))
})

t.test('an older token than the one just replaced is a reuse even within the grace', async (t) => {
  const { login, refresh } = await identity(t)
  const first = cookieToken(await login('dispatcher')) ?? ''
  const second = cookieToken(await refresh(first)) ?? ''
  const third = cookieToken(await refresh(second)) ?? ''
  t.equal((await refresh(first)).statusCode, 401)
  t.equal((await refresh(third)).statusCode, 401, 'the family is revoked')
})

t.test('two tabs refreshing at once keep the session: both get the same next token', async (t) => {
  const { login, refresh } = await identity(t)
  const token = cookieToken(await login('callback')) ?? ''
  const answers = await Promise.all([1, 2, 3].map(() => refresh(token)))
  t.same(
    answers.map((a) => a.statusCode),
    [200, 200, 200],
  )
  const next = answers.map((a) => cookieToken(a))
  t.equal(new Set(next).size, 1, 'one next token, whichever answer sets the cookie last')
  t.not(next[0], token)
  const later = await refresh(next[0] ?? '')
  t.equal(later.statusCode, 200, 'the session goes on')
  t.not(cookieToken(later), next[0])
})

t.test('within the grace the replaced token answers the same token; the access token is new', async (t) => {
  const { login, refresh, clock } = await identity(t)
  const token = cookieToken(await login('callback')) ?? ''
  const a = await refresh(token)
  clock.advance(19_000)
  const b = await refresh(token)
  t.equal(b.statusCode, 200)
  t.equal(cookieToken(b), cookieToken(a))
  t.ok(b.json().accessToken)
})

t.test('refresh tokens expire: idle after 12 h, absolutely after 7 days', async (t) => {
  const { login, refresh: refreshAs, clock } = await identity(t)
  const refresh = async (token: string) => {
    const res = await refreshAs(token)
    return { statusCode: res.statusCode, json: () => ({ refreshToken: cookieToken(res) }) }
  }
  const idle = cookieToken(await login('discipline')) ?? ''
  clock.advance(11 * 3600_000)
  const kept = (await refresh(idle)).json().refreshToken ?? ''
  t.ok(kept, 'used within 12 h it rotates')
  clock.advance(12 * 3600_000 + 1000)
  t.equal((await refresh(kept)).statusCode, 401, 'idle for more than 12 h')

  let token = cookieToken(await login('discipline')) ?? ''
  for (let i = 1; i <= 20; i++) {
    clock.advance(11 * 3600_000)
    const res = await refresh(token)
    if (res.statusCode !== 200) {
      t.ok(i * 11 > 7 * 24 && (i - 1) * 11 <= 7 * 24, `ended after ${i * 11} h, the first use past 7 days`)
      t.equal(res.statusCode, 401)
      return
    }
    token = res.json().refreshToken ?? ''
  }
  t.fail('a session kept alive lasted more than 7 days')
})

t.test('logout revokes the session and clears the cookie', async (t) => {
  const { login, refresh, logout } = await identity(t)
  const token = cookieToken(await login('operator')) ?? ''
  const out = await logout(token)
  t.equal(out.statusCode, 204)
  t.match(setCookie(out), /^tj_refresh=; Path=\/api\/v1\/auth; Max-Age=0; HttpOnly; SameSite=Strict/)
  t.equal((await refresh(token)).statusCode, 401)
  t.equal((await logout('x')).statusCode, 204, 'the same answer for an unknown token')
  t.equal((await logout(null)).statusCode, 204, 'and for none')
})

t.test(
  'a cross-site form cannot sign in: only a JSON body is read, nothing else sets the cookie',
  async (t) => {
    const { app } = await identity(t)
    const body = JSON.stringify({ username: 'admin', password: PASSWORD })
    for (const [type, status] of [
      ['text/plain', 400],
      ['application/x-www-form-urlencoded', 415],
      ['multipart/form-data; boundary=x', 415],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': type },
        payload: body,
      })
      t.equal(res.statusCode, status, type)
      t.equal(res.headers['content-type'], PROBLEM_CONTENT_TYPE, type)
      t.equal(setCookie(res), '', `${type}: no cookie`)
    }
  },
)

t.test('the cookie is Secure when the client came over HTTPS (through a trusted proxy)', async (t) => {
  const { app } = await identity(t, 'embedded', { trustProxy: true })
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: PASSWORD },
    headers: { 'x-forwarded-proto': 'https' },
  })
  t.equal(res.statusCode, 200)
  t.match(setCookie(res), /; Secure(;|$)/)
})

t.test('one address hammering one account: 10 attempts, then 429 even for the right password', async (t) => {
  const { login } = await identity(t)
  for (let i = 1; i <= 10; i++)
    t.equal((await login('dispatcher', `wrong-${i}-xxxxx`, '10.0.1.1')).statusCode, 401, `attempt ${i}`)
  const refused = await login('dispatcher', PASSWORD, '10.0.1.1')
  t.equal(refused.statusCode, 429)
  t.equal(refused.headers['content-type'], PROBLEM_CONTENT_TYPE)
  t.equal(refused.json().type, '/problems/login-throttled')
  t.equal(Number(refused.headers['retry-after']), 15 * 60)
  t.equal((await login('dispatcher', PASSWORD, '10.0.1.2')).statusCode, 200, 'another address signs in')
})

t.test(
  'nobody can lock anyone out: 11 failures from 11 addresses, the right password still works',
  async (t) => {
    const { login, delays, clock } = await identity(t)
    const wrong = (i: number) => login('operator', `wrong-${i}-xxxxx`, `10.0.3.${i}`)
    for (let i = 1; i <= 5; i++) t.equal((await wrong(i)).statusCode, 401, `attempt ${i}`)
    t.same(delays, [], 'no delay for the first five attempts on the account')
    for (let i = 6; i <= 11; i++) t.equal((await wrong(i)).statusCode, 401, `attempt ${i}`)
    t.equal(delays.length, 6, 'attempts 6 to 11 were slowed')
    t.ok(
      delays.every((d, i) => i === 0 || d >= (delays[i - 1] ?? 0)),
      'the delay grows',
    )
    t.ok(Math.max(...delays) <= 5000, 'and is bounded')
    delays.length = 0
    const right = await login('operator', PASSWORD, '10.0.3.12')
    t.equal(right.statusCode, 200, 'the right password from a twelfth address signs in')
    t.equal(delays.length, 1, 'after a delay')

    clock.advance(15 * 60_000 + 1000)
    delays.length = 0
    t.equal((await login('operator', 'wrong-again-xxx', '10.0.3.13')).statusCode, 401)
    t.same(delays, [], 'attempts older than 15 minutes no longer count')
  },
)

t.test('a success clears its own (account, address) counter', async (t) => {
  const { login } = await identity(t)
  for (let i = 1; i <= 9; i++)
    t.equal((await login('callback', `wrong-${i}-xxxxx`, '10.0.4.1')).statusCode, 401)
  t.equal((await login('callback', PASSWORD, '10.0.4.1')).statusCode, 200)
  for (let i = 1; i <= 9; i++)
    t.equal((await login('callback', `again-${i}-xxxxx`, '10.0.4.1')).statusCode, 401)
  t.equal((await login('callback', PASSWORD, '10.0.4.1')).statusCode, 200, 'nine more failures are allowed')
  for (let i = 1; i <= 40; i++) t.equal((await login('callback', PASSWORD, '10.0.4.1')).statusCode, 200)
})

t.test('failed logins per address: one client trying many accounts is refused after 30', async (t) => {
  const { login, lines } = await identity(t)
  for (let i = 1; i <= 30; i++)
    t.equal((await login(`probe${i}`, 'wrong-password', '192.0.2.77')).statusCode, 401, `attempt ${i}`)
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
