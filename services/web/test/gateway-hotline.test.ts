// The gateway in front of the hotline (issue 11): its API goes to the hotline service; the provider's
// webhooks reach it with the form body byte for byte (their signature covers the parameters) and the
// path and query unchanged (the signature covers the URL); the queue's server-sent events flow through
// as they are sent, not when the stream ends; the page may play audio from blob URLs (voicemails fetched
// with the token) and nothing else new.
import { once } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger } from '@tingjian/kit'
import t, { type Test } from 'tap'
import { buildGateway, ROUTE_TABLE, UPSTREAMS, type UpstreamUrls } from '../src/app.ts'

const silent = createLogger({ level: 'silent' })

/** A bare HTTP stand-in: echoes what it got (raw body, content type, URL) or streams queue events. */
async function hotlineStandIn(t: Test): Promise<{ url: string; release(): void }> {
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/api/v1/hotline/queue/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
      res.write(`event: queue\ndata: ${JSON.stringify({ waiting: [], operatorsAvailable: 1 })}\n\n`)
      // the stream stays open until the test has read the first event through the gateway
      await held
      res.end(': bye\n\n')
      return
    }
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        service: 'hotline',
        method: req.method,
        url: req.url,
        contentType: req.headers['content-type'] ?? null,
        body: Buffer.concat(chunks).toString('utf8'),
      }),
    )
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  t.teardown(() => {
    release()
    server.closeAllConnections()
    server.close()
  })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, release: () => release() }
}

async function gatewayTo(t: Test, hotline: string) {
  const dir = await mkdtemp(join(tmpdir(), 'tj-web-hl-'))
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title>')
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  // every other service: an address nothing is asked of here
  const upstreams = Object.fromEntries(UPSTREAMS.map((n) => [n, 'http://127.0.0.1:9'])) as UpstreamUrls
  const app = await buildGateway({ logger: silent, upstreams: { ...upstreams, hotline }, staticDir: dir })
  t.teardown(() => app.close())
  return app
}

t.test('the route table sends /api/v1/hotline to the hotline service', async (t) => {
  t.ok(UPSTREAMS.includes('hotline'), 'hotline is an upstream')
  t.same(
    ROUTE_TABLE.filter((r) => r.upstream === 'hotline'),
    [{ prefix: '/api/v1/hotline', upstream: 'hotline' }],
  )
  const { url } = await hotlineStandIn(t)
  const app = await gatewayTo(t, url)
  for (const [method, path, payload] of [
    ['GET', '/api/v1/hotline/queue', undefined],
    ['POST', '/api/v1/hotline/queue/answer-next', undefined],
    ['PUT', '/api/v1/hotline/operators/me', { available: true, endpoint: 'client:op-1' }],
    ['GET', '/api/v1/hotline/calls/call_123?x=1', undefined],
    ['POST', '/api/v1/hotline/calls/call_123/log', { outcome: 'not_a_matter' }],
    ['GET', '/api/v1/hotline/callbacks?status=open', undefined],
    ['GET', '/api/v1/hotline/dashboard?from=2026-01-01&to=2026-01-31', undefined],
    ['POST', '/api/v1/hotline/simulator/calls', { from: '+8613800000000' }],
  ] as const) {
    const res = await app.inject({ method, url: path, ...(payload ? { payload } : {}) })
    t.equal(res.statusCode, 200, `${method} ${path}`)
    t.match(
      res.json(),
      { service: 'hotline', method, url: path, body: payload ? JSON.stringify(payload) : '' },
      `${method} ${path} → hotline, body unchanged`,
    )
  }
  const other = await app.inject({ method: 'GET', url: '/api/v1/hotlines' })
  t.equal(other.statusCode, 404, '/api/v1/hotlines is nobody’s')
})

t.test('a webhook reaches the hotline with its form body and query as the provider sent them', async (t) => {
  const { url } = await hotlineStandIn(t)
  const app = await gatewayTo(t, url)
  // parameter order, encoding and the plus sign are part of what the provider signed
  const form = 'CallSid=CA0123&From=%2B8613812345678&To=%2B861012345&CallStatus=ringing&Caller=+x%20y'
  const path = '/api/v1/hotline/voice/dial-result?call=call_1&operator=u_2'
  const res = await app.inject({
    method: 'POST',
    url: path,
    payload: form,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': 'c2lnbmF0dXJl',
    },
  })
  t.equal(res.statusCode, 200)
  t.match(res.json(), {
    url: path,
    contentType: 'application/x-www-form-urlencoded',
    body: form,
  })
})

t.test('the queue’s server-sent events pass through as they are sent', async (t) => {
  const { url, release } = await hotlineStandIn(t)
  const app = await gatewayTo(t, url)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const port = (app.server.address() as AddressInfo).port
  const req = request({
    host: '127.0.0.1',
    port,
    path: '/api/v1/hotline/queue/stream',
    headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, br' },
  })
  req.end()
  const [res] = (await once(req, 'response')) as [IncomingMessage]
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/event-stream/)
  t.notOk(res.headers['content-encoding'], 'not compressed (a compressor would hold events back)')
  // the first event arrives while the service still holds the stream open
  const [first] = (await once(res, 'data')) as [Buffer]
  t.match(first.toString('utf8'), /^event: queue\ndata: \{"waiting":\[\],"operatorsAvailable":1\}/)
  release()
  res.resume()
  await once(res, 'end')
})

t.test('the pages may play audio from blob URLs, and nothing else was opened', async (t) => {
  const { url } = await hotlineStandIn(t)
  const app = await gatewayTo(t, url)
  const csp = (await app.inject({ method: 'GET', url: '/' })).headers['content-security-policy'] as string
  t.match(csp, /media-src 'self' blob:(;|$)/)
  t.match(csp, /connect-src 'self'(;|$)/)
  t.match(csp, /default-src 'self'(;|$)/)
})
