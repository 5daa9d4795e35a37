// A small real service for the simulator's tests: a Fastify app that verifies every webhook's signature
// the way a service must (the public URL and the form parameters as received) and answers TwiML rendered
// from the port's scripts. Every webhook it accepted is kept, in order, for the tests to read.
import Fastify from 'fastify'
import type { Test } from 'tap'
import type { Script } from '../../src/port.ts'
import { renderTwiml, verifySignedRequest } from '../../src/wire/index.ts'

export interface Hook {
  path: string
  url: string
  params: Record<string, string>
  headers: Record<string, string | string[] | undefined>
}

/** What a handler answers: a script (TwiML), or a raw answer (an error, a status callback's 204). */
export type Answer = Script | { status: number; contentType?: string; body?: string }
export type Handler = (params: Record<string, string>, hook: Hook) => Answer | Promise<Answer>

export interface WebhookService {
  base: string
  hooks: Hook[]
  /** Webhooks refused for a bad signature. */
  refused: number
  on(path: string, handler: Handler): void
  /** Hooks to `path` (optionally for one call), in the order they arrived. */
  to(path: string, callId?: string): Hook[]
  /** Resolves with the first hook (past or future) that `match` accepts. */
  waitFor(match: (hook: Hook) => boolean): Promise<Hook>
}

export const PATHS = {
  incoming: '/api/v1/hotline/voice/incoming',
  status: '/api/v1/hotline/voice/status',
}

export async function webhookService(t: Test, authToken: string): Promise<WebhookService> {
  const app = Fastify()
  // the form parser @fastify/formbody would register: the body's parameters exactly as sent
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))))
  })
  const handlers = new Map<string, Handler>()
  const waiters: Array<{ match: (hook: Hook) => boolean; resolve: (hook: Hook) => void }> = []
  const service: WebhookService = {
    base: '',
    hooks: [],
    refused: 0,
    on: (path, handler) => handlers.set(path, handler),
    to: (path, callId) =>
      service.hooks.filter((h) => h.path === path && (!callId || h.params.CallSid === callId)),
    waitFor: (match) => {
      const past = service.hooks.find(match)
      if (past) return Promise.resolve(past)
      return new Promise((resolve) => waiters.push({ match, resolve }))
    },
  }
  app.post('/*', async (request, reply) => {
    const params = (request.body ?? {}) as Record<string, string>
    const url = `${service.base}${request.url}`
    if (!verifySignedRequest(authToken, { url, params, headers: request.headers })) {
      service.refused++
      return reply.code(403).send()
    }
    const path = request.url.split('?')[0] ?? request.url
    const hook: Hook = { path, url, params, headers: request.headers }
    service.hooks.push(hook)
    for (const w of [...waiters]) {
      if (w.match(hook)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(hook)
      }
    }
    const handler = handlers.get(path)
    if (!handler) return reply.code(path === PATHS.status ? 204 : 404).send()
    const answer = await handler(params, hook)
    if (Array.isArray(answer)) return reply.type('text/xml').send(renderTwiml(answer as Script))
    const raw = answer as { status: number; contentType?: string; body?: string }
    return reply
      .code(raw.status)
      .type(raw.contentType ?? 'text/plain')
      .send(raw.body ?? '')
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  t.teardown(() => app.close())
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  service.base = `http://127.0.0.1:${address.port}`
  return service
}
