// /api/v1/* → the owning service (route-table.ts). The gateway answers for the upstream when it cannot:
// a service that refuses connections is a 503, one that does not answer in time a 504, anything else
// that breaks the exchange a 502, all as problem+json and never after a hang.
import httpProxy from '@fastify/http-proxy'
import {
  type App,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  problem,
  problemType,
  sendProblem,
} from '@tingjian/kit'
import type { FastifyInstance } from 'fastify'
import { ROUTE_TABLE, type Upstream, type UpstreamUrls } from '../route-table.ts'

export interface ProxyOptions {
  upstreams: UpstreamUrls
  /** Longest wait for an upstream's answer headers, and between body chunks (default 30 s). */
  timeoutMs?: number
  /** Longest wait to connect to an upstream (default 5 s). */
  connectTimeoutMs?: number
  /** Largest request body passed on (default 256 KiB, the services' own default). */
  bodyLimit?: number
}

/** Error codes that mean the service is not there (down, restarting, not resolvable). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])
const TIMED_OUT = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'FST_REPLY_FROM_GATEWAY_TIMEOUT',
])

/** A `.` or `..` path segment, plain or percent-encoded. */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i

function causeCode(error: unknown): string | undefined {
  // reply-from wraps the undici error; its code (or the code of what caused it) says what happened.
  let e: unknown = error
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (UNREACHABLE.has(code) || TIMED_OUT.has(code))) return code
    e = (e as { cause?: unknown }).cause
  }
  return (error as { code?: string } | null)?.code
}

/** The parts of a request the gateway's own answers use (reply-from types its hooks for any server). */
interface RequestFacts {
  id: string
  ip: string
  protocol: string
  url: string
}

function gatewayProblem(request: RequestFacts, upstream: Upstream, code: string | undefined): Problem {
  const base = { instance: request.url.split('?')[0] ?? '/', requestId: request.id }
  if (code && UNREACHABLE.has(code)) {
    return {
      ...base,
      type: problemType('upstream-unavailable'),
      title: 'Service Unavailable',
      status: 503,
      code: 'TJ_UPSTREAM_UNAVAILABLE',
      detail: `The ${upstream} service is not available; try again shortly`,
    }
  }
  if (code && TIMED_OUT.has(code)) {
    return {
      ...base,
      type: problemType('upstream-timeout'),
      title: 'Gateway Timeout',
      status: 504,
      code: 'TJ_UPSTREAM_TIMEOUT',
      detail: `The ${upstream} service did not answer in time`,
    }
  }
  return {
    ...base,
    type: problemType('bad-gateway'),
    title: 'Bad Gateway',
    status: 502,
    code: 'TJ_BAD_GATEWAY',
    detail: `The ${upstream} service gave no valid answer`,
  }
}

/**
 * What the service is told about the request. X-Forwarded-For is replaced, not appended to: it is the
 * client address as the gateway determined it (its own peer, or what its trusted proxies said), so a
 * client cannot plant addresses the service would believe. Headers that could mislead are dropped.
 */
function forwardedHeaders<H extends Record<string, unknown>>(request: RequestFacts, headers: H): H {
  const out: Record<string, unknown> = { ...headers }
  for (const h of ['forwarded', 'x-real-ip', 'x-forwarded-host', 'x-forwarded-port']) delete out[h]
  out['x-forwarded-for'] = request.ip
  out['x-forwarded-proto'] = request.protocol
  out['x-request-id'] = request.id
  return out as H
}

export async function proxyRoutes(app: App, options: ProxyOptions): Promise<void> {
  await app.register(async (scope) => {
    // A body is passed on as the bytes the client sent (the service parses and checks it), read whole
    // first: streaming the client's request into a connection that then fails would tear the client's
    // socket down with it instead of answering 503. (This scope's parsers only; the app keeps its own.)
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: options.bodyLimit ?? 256 * 1024 },
      (_request, body, done) => done(null, body),
    )
    // Except uploads (rectification's evidence: up to 20 files of 10 MB): multipart bodies stream through
    // as they come, unread, and the owning service enforces its own limits on parts and sizes while it
    // reads them. A service without an upload route refuses the type (415).
    scope.addContentTypeParser('multipart/form-data', (_request, payload, done) => done(null, payload))
    // `.` and `..` segments (plain or percent-encoded) could walk out of a prefix into the service's
    // other paths; no API path has them.
    scope.addHook('onRequest', async (request, reply) => {
      if (DOT_SEGMENT.test(request.url.split('?', 1)[0] ?? '')) {
        return sendProblem(reply, problem(request, 400, 'TJ_BAD_PATH', 'The path has dot segments'))
      }
    })
    for (const route of ROUTE_TABLE) await proxy(scope, route, options)
  })
}

async function proxy(
  scope: FastifyInstance,
  { prefix, upstream }: { prefix: string; upstream: Upstream },
  options: ProxyOptions,
): Promise<void> {
  const timeout = options.timeoutMs ?? 30_000
  await scope.register(httpProxy, {
    upstream: options.upstreams[upstream],
    prefix,
    rewritePrefix: prefix,
    // The service checks who may call what; the gateway only routes.
    config: { access: 'public' },
    // One log line per request is Fastify's own; reply-from's would add two more.
    disableRequestLogging: true,
    // The body was read above and is sent as it came (reply-from would re-encode a parsed JSON body).
    proxyPayloads: false,
    handler: (request, reply, dest, replyOptions) => {
      const body = request.body
      // no body, or an upload's stream: reply-from sends the request's own bytes and headers
      if (!Buffer.isBuffer(body)) return reply.from(dest, replyOptions)
      const contentType = request.headers['content-type'] ?? 'application/octet-stream'
      return reply.from(dest, { ...replyOptions, body, contentType })
    },
    undici: {
      connections: 64,
      pipelining: 1,
      connect: { timeout: options.connectTimeoutMs ?? 5_000 },
      headersTimeout: timeout,
      bodyTimeout: timeout,
    },
    replyOptions: {
      rewriteRequestHeaders: (request, headers) => forwardedHeaders(request, headers),
      onError: (reply, { error }) => {
        const code = causeCode(error)
        reply.request.log.warn({ upstream, code }, 'upstream failed')
        const p = gatewayProblem(reply.request, upstream, code)
        if (p.status === 503) reply.header('retry-after', '5')
        reply.code(p.status).type(PROBLEM_CONTENT_TYPE).send(p)
      },
      // No retries: a 503 from a service that is shutting down goes back to the client at once.
      retryDelay: () => null,
    },
  })
}
