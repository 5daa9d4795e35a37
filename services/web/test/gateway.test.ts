// The gateway through its front door: requests in, real HTTP to stand-in services built on the kit (so
// they trust X-Forwarded-For exactly as the services do), answers and log lines checked.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type App, buildApp, createLogger } from '@tingjian/kit'
import { capturedLogger, PERSONAL_DATA } from '@tingjian/testkit'
import type { FastifyRequest } from 'fastify'
import t, { type Test } from 'tap'
import { buildGateway, type GatewayOptions, ROUTE_TABLE, UPSTREAMS, type UpstreamUrls } from '../src/app.ts'

const silent = createLogger({ level: 'silent' })
const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app-3f9a1c.js"></script></head><body><div id="root"></div></body></html>'

/** A service stand-in: answers what it saw (its name, the URL, the client address it believes). */
async function standIn(t: Test, name: string): Promise<string> {
  const app: App = await buildApp({
    service: name,
    logger: silent,
    trustProxy: ['loopback'],
    rateLimit: false,
  })
  const echo = async (request: FastifyRequest) => ({
    service: name,
    method: request.method,
    url: request.url,
    ip: request.ip,
    forwardedFor: request.headers['x-forwarded-for'] ?? null,
    requestId: request.headers['x-request-id'] ?? null,
    body: request.body ?? null,
  })
  app.all('/api/v1/*', { config: { access: 'public' } }, echo)
  // identity's cookie-authenticated refresh, as identity answers it (services/identity/README.md)
  app.post('/api/v1/auth/refresh', { config: { access: 'public' } }, async (request, reply) => {
    reply.header('set-cookie', [
      'tj_refresh=next-token; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=600',
      'tj_other=1; Path=/; SameSite=Lax',
    ])
    reply.header('cache-control', 'public, max-age=600')
    return {
      ...(await echo(request)),
      cookie: request.headers.cookie ?? null,
      requestedWith: request.headers['x-requested-with'] ?? null,
    }
  })
  app.get('/api/v1/stats/slow', { config: { access: 'public' } }, async () => {
    await new Promise((r) => setTimeout(r, 3_000))
    return { late: true }
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  t.teardown(() => app.close())
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  return `http://127.0.0.1:${address.port}`
}

/** A port where nothing listens: a service that is down. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no address')
  return address.port
}

async function staticDir(t: Test, built = true): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tj-web-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  if (!built) return dir
  await mkdir(join(dir, 'assets'))
  await writeFile(join(dir, 'index.html'), INDEX)
  await writeFile(join(dir, 'assets', 'app-3f9a1c.js'), 'console.log("app")\n')
  await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  await writeFile(join(dir, '.env'), 'SECRET=1')
  return dir
}

async function allUp(t: Test): Promise<UpstreamUrls> {
  const urls = await Promise.all(UPSTREAMS.map((name) => standIn(t, name)))
  return Object.fromEntries(UPSTREAMS.map((name, i) => [name, urls[i]])) as UpstreamUrls
}

async function gateway(t: Test, options: Partial<GatewayOptions> & { upstreams: UpstreamUrls }) {
  const { logger, lines } = capturedLogger()
  const app = await buildGateway({ logger, staticDir: await staticDir(t), ...options })
  t.teardown(() => app.close())
  return { app, lines }
}

t.test('every prefix of the route table goes to its service, path and query unchanged', async (t) => {
  const { app } = await gateway(t, { upstreams: await allUp(t) })
  for (const { prefix, upstream } of ROUTE_TABLE) {
    for (const url of [prefix, `${prefix}/some/thing?page=2&q=%E6%8A%A4%E7%85%A7`]) {
      const res = await app.inject({ method: 'GET', url })
      t.equal(res.statusCode, 200, `GET ${url}`)
      t.match(res.json(), { service: upstream, url }, `${url} → ${upstream}`)
    }
  }
  const post = await app.inject({
    method: 'POST',
    url: '/api/v1/mailbox/letters',
    payload: { category: 'complaint', subject: '排队' },
  })
  t.same(post.json().body, { category: 'complaint', subject: '排队' }, 'the body reaches the service')
  t.equal(post.json().method, 'POST')
})

t.test(
  'the calendar API (issue 10) goes to the calendar service, method, body and query unchanged',
  async (t) => {
    const { app } = await gateway(t, { upstreams: await allUp(t) })
    const table = {
      source: 'fixture',
      holidays: [{ name: { zh: '元旦', en: "New Year's Day" }, from: '2027-01-01', to: '2027-01-01' }],
    }
    for (const [method, url, payload] of [
      ['GET', '/api/v1/calendar/coverage', undefined],
      ['GET', '/api/v1/calendar/years', undefined],
      ['GET', '/api/v1/calendar/years/2027', undefined],
      ['PUT', '/api/v1/calendar/years/2027', table],
      ['POST', '/api/v1/calendar/years/2027/preview?region=650000', table],
      ['PUT', '/api/v1/calendar/years/2027/regions/650000', { holidays: [] }],
      ['DELETE', '/api/v1/calendar/years/2027/regions/650000', undefined],
    ] as const) {
      const res = await app.inject({ method, url, ...(payload ? { payload } : {}) })
      t.equal(res.statusCode, 200, `${method} ${url}`)
      t.match(
        res.json(),
        { service: 'calendar', method, url, body: payload ?? null },
        `${method} ${url} → calendar`,
      )
    }
    const other = await app.inject({ method: 'GET', url: '/api/v1/calendars' })
    t.equal(other.statusCode, 404, '/api/v1/calendars is nobody’s')
  },
)

t.test('a path under /api that no service owns is a 404 problem', async (t) => {
  const { app } = await gateway(t, { upstreams: await allUp(t) })
  for (const url of [
    '/api',
    '/api/',
    '/api/v1',
    '/api/v1/unknown',
    '/api/v2/cases',
    '/api/v1/authx',
    '/api/v1/cases.js',
  ]) {
    // a prefix matches at a path segment boundary only: /api/v1/authx is nobody's
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 404, url)
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${url} answers problem+json`)
    t.match(res.json(), { status: 404, code: 'TJ_NOT_FOUND' })
  }
  const post = await app.inject({ method: 'POST', url: '/api/v1/nothing', payload: {} })
  t.equal(post.statusCode, 404)
})

t.test('a service that is down is a 503 problem at once, and the gateway is not ready', async (t) => {
  const upstreams = { ...(await allUp(t)), notifications: `http://127.0.0.1:${await closedPort()}` }
  const { app, lines } = await gateway(t, { upstreams })
  const down = await app.inject({ method: 'GET', url: '/api/v1/notifications/deliveries' })
  t.equal(down.statusCode, 503)
  t.match(down.headers['content-type'], /^application\/problem\+json/)
  t.match(down.json(), {
    status: 503,
    code: 'TJ_UPSTREAM_UNAVAILABLE',
    instance: '/api/v1/notifications/deliveries',
  })
  t.equal(down.headers['retry-after'], '5')
  t.ok(
    lines.some((l) => l.includes('"upstream":"notifications"') && l.includes('ECONNREFUSED')),
    'logged',
  )

  const others = await app.inject({ method: 'GET', url: '/api/v1/stats/x' })
  t.equal(others.statusCode, 200, 'the other services still answer')

  const ready = await app.inject({ method: 'GET', url: '/readyz' })
  t.equal(ready.statusCode, 503, 'not ready while a service is down')
  t.same(ready.json(), { status: 'unavailable' }, 'the public answer names no internal service')
  t.ok(
    lines.some((l) => l.includes('not ready') && l.includes('"name":"notifications"')),
    'the log says which service is not ready',
  )
})

t.test('an upstream that does not answer in time is a 504 problem', async (t) => {
  const { app } = await gateway(t, { upstreams: await allUp(t), upstreamTimeoutMs: 300 })
  const res = await app.inject({ method: 'GET', url: '/api/v1/stats/slow' })
  t.equal(res.statusCode, 504)
  t.match(res.json(), { status: 504, code: 'TJ_UPSTREAM_TIMEOUT' })
})

t.test('no path tricks past a prefix', async (t) => {
  const { app } = await gateway(t, { upstreams: await allUp(t) })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  // Raw requests: fetch and inject would resolve the dot segments before sending.
  const status = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
  for (const path of [
    '/api/v1/public/../stats/slow',
    '/api/v1/public/%2e%2e/stats/slow',
    '/api/v1/public/%2E%2e/%2e%2E/openapi.json',
    '/api/v1/me/./x',
  ]) {
    t.equal(await status(path), 400, `${path} is refused`)
  }
  t.equal(await status('/api/v1/public/replies'), 200, 'a plain path passes')
})

t.test('readiness: 200 only when every service is ready', async (t) => {
  const { app } = await gateway(t, { upstreams: await allUp(t) })
  const res = await app.inject({ method: 'GET', url: '/readyz' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'ok' })
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200)
})

t.test(
  'the service sees the real client: X-Forwarded-For is set by the gateway, never by the client',
  async (t) => {
    const { app } = await gateway(t, { upstreams: await allUp(t) })
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/public/replies',
      remoteAddress: '203.0.113.7',
      headers: {
        'x-forwarded-for': '198.51.100.1',
        forwarded: 'for=198.51.100.2',
      },
    })
    t.equal(res.statusCode, 200)
    const seen = res.json()
    t.equal(seen.ip, '203.0.113.7', 'the service rate-limits the real client address')
    t.equal(seen.forwardedFor, '203.0.113.7', 'a planted X-Forwarded-For is replaced')

    // Behind a load balancer the gateway believes it (and only it), and passes the client on.
    const { app: behind } = await gateway(t, { upstreams: await allUp(t), trustProxy: ['192.0.2.10'] })
    const viaLb = await behind.inject({
      method: 'GET',
      url: '/api/v1/public/replies',
      remoteAddress: '192.0.2.10',
      headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' },
    })
    t.equal(viaLb.json().ip, '203.0.113.9', 'the client as the trusted balancer saw it')
    const notLb = await behind.inject({
      method: 'GET',
      url: '/api/v1/public/replies',
      remoteAddress: '203.0.113.50',
      headers: { 'x-forwarded-for': '10.0.0.1' },
    })
    t.equal(notLb.json().ip, '203.0.113.50', 'an untrusted peer cannot claim another address')
  },
)

t.test('the web app: files, deep links to index.html, cache headers, content security policy', async (t) => {
  const { app } = await gateway(t, { upstreams: await allUp(t) })
  for (const url of [
    '/',
    '/track',
    '/track/K7M2Q9XRT4',
    '/staff/cases/case_1?tab=timeline',
    '/admin/users/handler.exit-entry',
    '/index.html',
  ]) {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 200, url)
    t.equal(res.body, INDEX, `${url} is the app`)
    t.match(res.headers['content-type'], /^text\/html/)
    t.equal(res.headers['cache-control'], 'no-cache', 'index.html is always revalidated')
  }
  const csp = (await app.inject({ method: 'GET', url: '/' })).headers['content-security-policy'] as string
  t.match(csp, /default-src 'self'/)
  t.match(csp, /script-src 'self'(;|$)/, 'no inline script')
  t.match(csp, /style-src 'self'(;|$)/)
  t.match(csp, /frame-ancestors 'none'/)
  t.notMatch(csp, /unsafe-inline|unsafe-eval|upgrade-insecure-requests/)

  const asset = await app.inject({ method: 'GET', url: '/assets/app-3f9a1c.js' })
  t.equal(asset.statusCode, 200)
  t.match(asset.headers['content-type'], /javascript/)
  t.equal(
    asset.headers['cache-control'],
    'public, max-age=31536000, immutable',
    'hashed assets are immutable',
  )
  const icon = await app.inject({ method: 'GET', url: '/favicon.svg' })
  t.equal(icon.statusCode, 200)
  t.equal(icon.headers['cache-control'], 'public, max-age=3600')
  t.equal((await app.inject({ method: 'HEAD', url: '/' })).statusCode, 200)

  for (const url of [
    '/assets/app-000000.js',
    '/missing.css',
    '/.env',
    '/assets/../.env',
    '/%2e%2e/%2e%2e/etc/passwd.txt',
  ]) {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 404, `${url} is not found`)
    t.notMatch(res.body, /SECRET|root:/, `${url} leaks nothing`)
  }
  const post = await app.inject({ method: 'POST', url: '/track', payload: {} })
  t.equal(post.statusCode, 404, 'pages are GET only')
})

t.test('without a built app, pages say so and the API still works', async (t) => {
  const { logger } = capturedLogger()
  const app = await buildGateway({ logger, upstreams: await allUp(t), staticDir: await staticDir(t, false) })
  t.teardown(() => app.close())
  const page = await app.inject({ method: 'GET', url: '/' })
  t.equal(page.statusCode, 503)
  t.match(page.json(), { code: 'TJ_WEB_APP_NOT_BUILT' })
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode, 200)
})

t.test('no personal data and no query strings in the log', async (t) => {
  const { app, lines } = await gateway(t, {
    upstreams: { ...(await allUp(t)), identity: `http://127.0.0.1:${await closedPort()}` },
  })
  await app.inject({
    method: 'GET',
    url: '/api/v1/cases?phone=13800138000&q=zhang.san%40example.com&idNumber=110101199003071234',
    remoteAddress: '203.0.113.7',
    headers: {
      authorization: 'Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln',
      'x-access-key': 'uEicTaAL7z2yYj861Sq3nimAgjFKNy71',
    },
  })
  await app.inject({
    method: 'POST',
    url: '/api/v1/mailbox/letters?email=li.si%40example.com',
    remoteAddress: '203.0.113.7',
    payload: { phone: '13912345678', email: 'li.si@example.com', idNumber: '11010119900307123X' },
  })
  await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: 'hunter2-hunter2' },
  })
  await app.inject({ method: 'GET', url: '/track/K7M2Q9XRT4?email=wang%40example.com' })
  t.ok(lines.length > 0, 'there are log lines')
  for (const line of lines) {
    t.notMatch(line, PERSONAL_DATA, 'no phone, ID number or e-mail address')
    t.notMatch(line, /phone=|email=|idNumber=|\?/, 'no query string')
    t.notMatch(
      line,
      /203\.0\.113\.7|eyJ|uEicTaAL|hunter2/,
      'no client address, token, access key or password',
    )
  }
})

t.test('the refresh cookie passes through both ways, unchanged, and the answer is not cached', async (t) => {
  const { app } = await gateway(t, { upstreams: await allUp(t) })
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    headers: { cookie: 'tj_refresh=current-token; tingjian.lang=zh', 'x-requested-with': 'tingjian' },
  })
  t.equal(res.statusCode, 200)
  const seen = res.json()
  t.equal(seen.service, 'identity')
  t.equal(
    seen.cookie,
    'tj_refresh=current-token; tingjian.lang=zh',
    'identity gets the Cookie header as sent',
  )
  t.equal(seen.requestedWith, 'tingjian', 'and the CSRF header')
  t.same(
    res.headers['set-cookie'],
    [
      'tj_refresh=next-token; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=600',
      'tj_other=1; Path=/; SameSite=Lax',
    ],
    "the client gets identity's Set-Cookie headers with every attribute",
  )
  t.equal(res.headers['cache-control'], 'no-store', 'no /api answer is cacheable, whatever the service said')
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

t.test("the gateway makes every request id itself and ignores the client's X-Request-Id", async (t) => {
  const { app, lines } = await gateway(t, { upstreams: await allUp(t) })
  const planted = [
    'req-12345678',
    // another request's id: a client must not be able to join its request to someone else's trail
    '0190a3b2-7c3d-7abc-8def-0123456789ab',
    'forged-by-client-0001',
  ]
  const ids: string[] = []
  for (const clientId of planted) {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/public/replies',
      headers: { 'x-request-id': clientId },
    })
    t.equal(res.statusCode, 200)
    const answered = String(res.headers['x-request-id'])
    t.match(answered, UUID, `${clientId}: the answer carries a request id the gateway made`)
    t.not(answered, clientId, `${clientId}: not the client's`)
    t.equal(res.json().requestId, answered, `${clientId}: the service is given the gateway's id`)
    ids.push(answered)
  }
  // the gateway's own answers (no service involved) too
  const page = await app.inject({ method: 'GET', url: '/', headers: { 'x-request-id': 'req-12345678' } })
  t.match(String(page.headers['x-request-id']), UUID)
  ids.push(String(page.headers['x-request-id']))
  t.equal(new Set(ids).size, ids.length, 'each request its own id')
  t.ok(lines.length > 0, 'there are log lines')
  for (const clientId of planted)
    t.notOk(
      lines.some((l) => l.includes(clientId)),
      `${clientId} is on no log line`,
    )
})

t.test(
  'an upload (multipart) streams through to its service whole, beyond the JSON body limit',
  async (t) => {
    // rectification's evidence: a raw HTTP stand-in that hashes what arrives
    const { createHash, randomBytes } = await import('node:crypto')
    const { createServer: createHttpServer } = await import('node:http')
    const seen: Array<{ url: string; type: string; sha256: string; bytes: number }> = []
    const upload = createHttpServer((req, res) => {
      const hash = createHash('sha256')
      let bytes = 0
      req.on('data', (chunk: Buffer) => {
        hash.update(chunk)
        bytes += chunk.length
      })
      req.on('end', () => {
        seen.push({
          url: req.url ?? '',
          type: req.headers['content-type'] ?? '',
          sha256: hash.digest('hex'),
          bytes,
        })
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}')
      })
    })
    await new Promise<void>((resolve) => upload.listen(0, '127.0.0.1', resolve))
    t.teardown(() => new Promise<void>((resolve) => upload.close(() => resolve())))
    const port = (upload.address() as AddressInfo).port
    const { app } = await gateway(t, {
      upstreams: { ...(await allUp(t)), rectification: `http://127.0.0.1:${port}` },
      bodyLimit: 64 * 1024,
    })
    const boundary = '----tj-test-boundary'
    const file = randomBytes(3 * 1024 * 1024)
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const url = '/api/v1/rectification/orders/rord_1/evidence'
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    })
    t.equal(res.statusCode, 201)
    t.same(seen, [
      {
        url,
        type: `multipart/form-data; boundary=${boundary}`,
        sha256: createHash('sha256').update(payload).digest('hex'),
        bytes: payload.length,
      },
    ])
    // a JSON body of the same size is still refused at the gateway's limit
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/rectification/orders',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(100 * 1024) }),
    })
    t.equal(json.statusCode, 413)
  },
)
