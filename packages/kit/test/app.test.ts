import { setTimeout as sleep } from 'node:timers/promises'
import { StoreConflictError, StoreUnavailableError } from '@tingjian/store'
import { createSigner } from 'fast-jwt'
import t, { type Test } from 'tap'
import { buildApp, Errors, PROBLEM_CONTENT_TYPE, Type } from '../src/index.ts'
import { capturedLogger, keyPair } from './helpers.ts'

const keys = keyPair()
const jwt = { publicKey: keys.publicKey, issuer: 'tingjian-identity', audience: 'tingjian' }

function sign(payload: Record<string, unknown>, opts: Record<string, unknown> = {}) {
  const signer = createSigner({
    key: keys.privateKey,
    algorithm: 'EdDSA',
    iss: jwt.issuer,
    aud: jwt.audience,
    expiresIn: 60_000,
    ...opts,
  })
  return signer({ sub: 'u1', username: 'li', roles: ['dispatcher'], departmentId: 'd1', ...payload })
}

async function testApp(t: Test, options: { rateLimit?: { max: number } } = {}) {
  const { logger, lines } = capturedLogger()
  let ready = true
  const app = await buildApp({
    service: 'test',
    logger,
    jwt,
    bodyLimit: 1024,
    rateLimit: options.rateLimit ?? { max: 1000 },
    readiness: [{ name: 'store', check: async () => ({ ok: ready }) }],
  })
  app.post(
    '/items',
    {
      config: { access: 'public' },
      schema: {
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 10 }), n: Type.Integer() }),
        response: { 201: Type.Object({ name: Type.String(), requestId: Type.String() }) },
      },
    },
    async (request, reply) => reply.code(201).send({ name: request.body.name, requestId: request.id }),
  )
  app.get('/boom', { config: { access: 'public' } }, async () => {
    throw new Error('connection string mongodb://admin:secret@db/x failed')
  })
  app.get('/store-down', { config: { access: 'public' } }, async () => {
    throw new StoreUnavailableError('mongo', { cause: new Error('connect ECONNREFUSED 127.0.0.1:27017') })
  })
  app.get('/conflict', { config: { access: 'public' } }, async () => {
    throw new Errors.InvalidState('the case is closed')
  })
  app.get('/api/v1/stale-store', { config: { access: 'public' } }, async () => {
    throw new StoreConflictError('stale', 'cases', 'c1')
  })
  app.get('/api/v1/stale-coded', { config: { access: 'public' } }, async () => {
    throw new Errors.StaleVersion()
  })
  app.get('/api/v1/me', { config: { access: 'public' } }, async () => ({ token: 'secret-ish' }))
  app.get('/staff', { config: { access: 'staff' } }, async (request) => ({ user: request.user.username }))
  app.get('/dispatch', { config: { access: ['dispatcher', 'admin'] } }, async () => ({ ok: true }))
  app.get('/admin', { config: { access: ['admin'] } }, async () => ({ ok: true }))
  app.post(
    '/admin/things',
    { config: { access: ['admin'] }, schema: { body: Type.Object({ n: Type.Integer() }) } },
    async () => ({ ok: true }),
  )
  // /slow answers once released, so that a test can close the app while it is surely in flight
  let entered: () => void = () => {}
  const slowEntered = new Promise<void>((resolve) => {
    entered = resolve
  })
  app.get('/slow', { config: { access: 'public' } }, async () => {
    entered()
    await sleep(300)
    return { done: true }
  })
  t.teardown(() => app.close())
  await app.ready()
  return { app, lines, setReady: (v: boolean) => (ready = v), slowEntered }
}

t.test('valid input passes; invalid input is a 400 problem naming the fields', async (t) => {
  const { app } = await testApp(t)
  const ok = await app.inject({ method: 'POST', url: '/items', payload: { name: 'a', n: 1 } })
  t.equal(ok.statusCode, 201)
  const bad = await app.inject({ method: 'POST', url: '/items', payload: { name: '', n: 'x', extra: 1 } })
  t.equal(bad.statusCode, 400)
  t.equal(bad.headers['content-type'], PROBLEM_CONTENT_TYPE)
  const body = bad.json()
  t.equal(body.type, '/problems/validation')
  t.equal(body.status, 400)
  t.equal(body.code, 'FST_ERR_VALIDATION')
  t.ok(body.requestId)
  t.ok(body.errors.some((e: { path: string }) => e.path === 'body/name'))
  t.ok(body.errors.some((e: { path: string }) => e.path === 'body/n'))
})

t.test('malformed requests get problem answers', async (t) => {
  const { app } = await testApp(t)
  const json = await app.inject({
    method: 'POST',
    url: '/items',
    headers: { 'content-type': 'application/json' },
    payload: '{"name":',
  })
  t.equal(json.statusCode, 400)
  t.equal(json.json().type, '/problems/invalid-json')
  const type = await app.inject({
    method: 'POST',
    url: '/items',
    headers: { 'content-type': 'text/xml' },
    payload: '<a/>',
  })
  t.equal(type.statusCode, 415)
  t.equal(type.headers['content-type'], PROBLEM_CONTENT_TYPE)
  const big = await app.inject({ method: 'POST', url: '/items', payload: { name: 'x'.repeat(2000), n: 1 } })
  t.equal(big.statusCode, 413)
  t.equal(big.json().type, '/problems/payload-too-large')
  const missing = await app.inject({ method: 'GET', url: '/nowhere?phone=13812345678' })
  t.equal(missing.statusCode, 404)
  t.equal(missing.json().instance, '/nowhere')
})

t.test('a server error says nothing about internals and is logged', async (t) => {
  const { app, lines } = await testApp(t)
  const res = await app.inject({ method: 'GET', url: '/boom' })
  t.equal(res.statusCode, 500)
  t.notMatch(res.body, /mongodb|secret|stack/)
  t.equal(res.json().code, 'TJ_INTERNAL')
  t.ok(lines.some((l) => l.includes('"level":50') && l.includes('request failed')))
})

t.test('a store out of reach is a 503 with Retry-After, not a 500', async (t) => {
  const { app } = await testApp(t)
  const res = await app.inject({ method: 'GET', url: '/store-down' })
  t.equal(res.statusCode, 503)
  t.equal(res.headers['retry-after'], '5')
  t.equal(res.json().code, 'TJ_STORE_UNAVAILABLE')
  t.notMatch(res.body, /ECONNREFUSED|27017/)
})

t.test('coded errors keep their status and message', async (t) => {
  const { app } = await testApp(t)
  const res = await app.inject({ method: 'GET', url: '/conflict' })
  t.equal(res.statusCode, 409)
  t.equal(res.json().type, '/problems/invalid-state')
  t.equal(res.json().detail, 'the case is closed')
})

t.test('the request id is taken from the caller when well-formed and always returned', async (t) => {
  const { app } = await testApp(t)
  const given = await app.inject({
    method: 'POST',
    url: '/items',
    headers: { 'x-request-id': 'req-12345678' },
    payload: { name: 'a', n: 1 },
  })
  t.equal(given.headers['x-request-id'], 'req-12345678')
  t.equal(given.json().requestId, 'req-12345678')
  const hostile = await app.inject({
    method: 'GET',
    url: '/healthz',
    headers: { 'x-request-id': 'a b\u202e<script>' },
  })
  t.match(hostile.headers['x-request-id'], /^[0-9a-f-]{36}$/)
  // the logs keep request ids as they are, so one that carries a phone number is not taken
  const personal = await app.inject({
    method: 'GET',
    url: '/healthz',
    headers: { 'x-request-id': 'call-13812345678' },
  })
  t.match(personal.headers['x-request-id'], /^[0-9a-f-]{36}$/)
})

t.test('the log keeps request ids and response times exactly', async (t) => {
  const { app, lines } = await testApp(t)
  // a request id (a UUID, as the gateway makes) whose digits the phone pattern matches in free text
  const id = '0190a0b0-1234-7000-8000-13812345678a'
  const res = await app.inject({ method: 'GET', url: '/conflict', headers: { 'x-request-id': id } })
  t.equal(res.headers['x-request-id'], id)
  const completed = lines
    .map((l) => JSON.parse(l))
    .filter((l) => l.msg === 'request completed' && l.reqId === id)
  t.equal(completed.length, 1, 'the line parses and names the request')
  t.type(completed[0]?.responseTime, 'number', 'the response time is still a number')
})

t.test(
  'tokens: pinned algorithm, issuer, audience and expiry are required; roles guard routes',
  async (t) => {
    const { app } = await testApp(t)
    const get = (url: string, token?: string) =>
      app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} })

    t.equal((await get('/staff')).statusCode, 401)
    t.equal((await get('/staff', sign({}))).json().user, 'li')
    t.equal((await get('/dispatch', sign({}))).statusCode, 200)
    const forbidden = await get('/admin', sign({}))
    t.equal(forbidden.statusCode, 403)
    t.equal(forbidden.json().type, '/problems/forbidden')

    t.equal((await get('/staff', sign({}, { iss: 'someone-else' }))).statusCode, 401, 'wrong issuer')
    t.equal((await get('/staff', sign({}, { aud: 'other' }))).statusCode, 401, 'wrong audience')
    t.equal((await get('/staff', sign({}, { expiresIn: undefined }))).statusCode, 401, 'no expiry')
    t.equal(
      (await get('/staff', sign({}, { expiresIn: 1, clockTimestamp: Date.now() - 10_000 }))).statusCode,
      401,
    )

    const other = keyPair()
    const forged = createSigner({
      key: other.privateKey,
      algorithm: 'EdDSA',
      iss: jwt.issuer,
      aud: jwt.audience,
      expiresIn: 60_000,
    })
    t.equal((await get('/staff', forged({ sub: 'x', roles: ['admin'] }))).statusCode, 401, 'other key')
    const hs = createSigner({
      key: keys.publicKey,
      algorithm: 'HS256',
      iss: jwt.issuer,
      aud: jwt.audience,
      expiresIn: 60_000,
    })
    t.equal((await get('/staff', hs({ sub: 'x', roles: ['admin'] }))).statusCode, 401, 'algorithm confusion')
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['admin'], iss: jwt.issuer, aud: jwt.audience, exp: Date.now() / 1000 + 60 })).toString('base64url')}.`
    t.equal((await get('/admin', none)).statusCode, 401, 'alg none')
  },
)

t.test('a route without an access rule refuses to start', async (t) => {
  const { logger } = capturedLogger()
  const app = await buildApp({ service: 'test', logger })
  t.teardown(() => app.close())
  t.throws(() => app.get('/open', async () => 'x'), /declares no access rule/)
})

t.test('health and readiness', async (t) => {
  const { app, setReady, lines } = await testApp(t)
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200)
  setReady(false)
  const notReady = await app.inject({ method: 'GET', url: '/readyz' })
  t.equal(notReady.statusCode, 503)
  t.strictSame(notReady.json(), { status: 'unavailable' }, 'no names of checks, services or adapters')
  t.notMatch(notReady.body, /store/)
  t.ok(
    lines.some((l) => l.includes('"msg":"not ready"') && l.includes('"name":"store"')),
    'which check failed is in the log',
  )
  setReady(true)
  t.strictSame((await app.inject({ method: 'GET', url: '/readyz' })).json(), { status: 'ok' })
})

t.test('a stale version is one problem, whether the store or a service says so', async (t) => {
  const { app } = await testApp(t)
  const fromStore = await app.inject({ method: 'GET', url: '/api/v1/stale-store' })
  const coded = await app.inject({ method: 'GET', url: '/api/v1/stale-coded' })
  for (const res of [fromStore, coded]) {
    t.equal(res.statusCode, 409)
    t.match(res.json(), {
      type: '/problems/stale-version',
      title: 'Conflict',
      status: 409,
      code: 'TJ_STALE_VERSION',
      detail: 'The resource was changed by someone else; reload and retry',
    })
  }
})

t.test('no answer under /api may be cached; others keep their own rules', async (t) => {
  const { app } = await testApp(t)
  for (const url of ['/api/v1/me', '/api/v1/stale-store', '/api/v1/nowhere', '/api?x=1']) {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.headers['cache-control'], 'no-store', `${url} (${res.statusCode})`)
  }
  const bad = await app.inject({
    method: 'POST',
    url: '/api/v1/me',
    payload: '{',
    headers: { 'content-type': 'application/json' },
  })
  t.equal(bad.headers['cache-control'], 'no-store', 'refusals too')
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).headers['cache-control'], undefined)
  t.equal((await app.inject({ method: 'GET', url: '/apiary' })).headers['cache-control'], undefined)
})

t.test(
  'who may call a route is checked before its body: no 400 for a caller without the right',
  async (t) => {
    const { app } = await testApp(t)
    const post = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/admin/things', headers, payload: { n: 'not a number' } })
    t.equal((await post({})).statusCode, 401, 'anonymous: 401, whatever the body')
    t.equal((await post({ authorization: `Bearer ${sign({})}` })).statusCode, 403, 'a dispatcher: 403')
    t.equal(
      (await post({ authorization: `Bearer ${sign({ roles: ['admin'] })}` })).statusCode,
      400,
      'an admin: 400',
    )
  },
)

t.test('rate limiting answers 429 problem+json', async (t) => {
  const { app } = await testApp(t, { rateLimit: { max: 3 } })
  const codes: number[] = []
  for (let i = 0; i < 5; i++) codes.push((await app.inject({ method: 'GET', url: '/conflict' })).statusCode)
  t.same(codes, [409, 409, 409, 429, 429])
  const res = await app.inject({ method: 'GET', url: '/conflict' })
  t.equal(res.json().type, '/problems/rate-limited')
  t.ok(res.headers['retry-after'])
})

t.test('simultaneous requests are counted one by one: the limit refuses only those beyond it', async (t) => {
  const { app } = await testApp(t, { rateLimit: { max: 10 } })
  const codes = (
    await Promise.all(Array.from({ length: 11 }, () => app.inject({ method: 'GET', url: '/conflict' })))
  ).map((r) => r.statusCode)
  t.equal(codes.filter((c) => c === 409).length, 10, 'ten answered (a conflict, this route always is)')
  t.equal(codes.filter((c) => c === 429).length, 1, 'the eleventh refused')
})

t.test('security headers and the OpenAPI document', async (t) => {
  const { app } = await testApp(t)
  const res = await app.inject({ method: 'GET', url: '/openapi.json' })
  t.equal(res.statusCode, 200)
  t.ok(res.json().paths['/items'])
  t.equal(res.headers['x-content-type-options'], 'nosniff')
})

t.test('graceful close finishes in-flight requests', async (t) => {
  const { app, slowEntered } = await testApp(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json())
  await slowEntered
  await app.close()
  t.same(await inFlight, { done: true })
})

t.test('a malformed URL or an over-long path parameter is a problem too', async (t) => {
  const app = await buildApp({ service: 'test', logger: capturedLogger().logger })
  app.get('/things/:id', { config: { access: 'public' } }, async () => ({ ok: true }))
  t.teardown(() => app.close())
  const long = await app.inject({ method: 'GET', url: `/things/${'x'.repeat(300)}` })
  t.equal(long.statusCode, 414)
  t.equal(long.headers['content-type'], PROBLEM_CONTENT_TYPE)
  const bad = await app.inject({ method: 'GET', url: '/things/%E0%A4%A' })
  t.equal(bad.statusCode, 400)
  t.equal(bad.headers['content-type'], PROBLEM_CONTENT_TYPE)
})
