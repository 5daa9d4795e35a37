// buildApp: the Fastify instance every service starts from, with the platform's cross-cutting concerns.
// Services register their routes on it; process concerns (listen, signals) live in serve.ts.

import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { uuidv7 } from '@tingjian/contracts'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify'
import { enforceAccessRules, type JwtConfig, registerJwt } from './auth.ts'
import { healthRoutes, type ReadinessCheck } from './health.ts'
import { strictJsonBodies } from './json-body.ts'
import type { Logger } from './logger.ts'
import { isOneLine, ONE_LINE_FORMAT } from './one-line.ts'
import { installProblemHandlers, Problem, problem, sendProblem } from './problem.ts'
import { SnapshotRateLimitStore } from './rate-limit-store.ts'
import { scrub } from './redact.ts'
import type { TrustProxy } from './server-config.ts'
import { validatorCompiler } from './validation.ts'

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>

export interface AppOptions {
  /** Service name: in logs, in the OpenAPI title. */
  service: string
  version?: string
  logger: Logger
  /** Largest accepted request body in bytes (default 256 KiB). */
  bodyLimit?: number
  /** Requests per minute per client address on every route not opting out (default 600); false disables. */
  rateLimit?: { max: number; timeWindowMs?: number } | false
  /** Verification (and for identity, signing) of staff tokens; without it only public routes may exist. */
  jwt?: JwtConfig
  readiness?: readonly ReadinessCheck[]
  /**
   * Behind the gateway or a load balancer: take the client address from X-Forwarded-For. `true` believes
   * any peer; a list (addresses, CIDRs, `loopback`…) believes only those peers (see `trustProxyOf`).
   */
  trustProxy?: TrustProxy
  /** The Content-Security-Policy directives (default: an API's, which allows nothing to load). */
  contentSecurityPolicy?: Record<string, string[]>
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** `/api` and everything under it (with or without a query string). */
const isApiPath = (url: string) => /^\/api(?:[/?#]|$)/.test(url)

export async function buildApp(options: AppOptions): Promise<App> {
  let closing = false
  const log: FastifyBaseLogger = options.logger.child({ service: options.service })
  const app = Fastify({
    loggerInstance: log,
    bodyLimit: options.bodyLimit ?? 256 * 1024,
    trustProxy: options.trustProxy ?? false,
    // The caller's request id (the gateway's) is kept when it looks like one: a UUID, or an id that holds
    // nothing the log scrub would remove (the logs keep request ids as they are). It becomes the
    // correlationId of events.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      const usable =
        typeof given === 'string' && REQUEST_ID.test(given) && (UUID.test(given) || scrub(given) === given)
      return usable ? given : uuidv7()
    },
    return503OnClosing: true,
    // The serializer compiles response schemas with an Ajv of its own (to pick a branch of a union); it
    // must know the kit's one-line format, or it warns on every response schema that uses OneLine.
    serializerOpts: { ajv: { formats: { [ONE_LINE_FORMAT]: isOneLine } } },
    // A bad URL (broken percent-encoding) or an over-long path parameter never reaches a route: answer
    // it as a problem like every other refusal.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode ?? 400
      sendProblem(
        reply,
        problem(request, status, error.code, status === 414 ? 'The URL is too long' : 'The URL is malformed'),
      )
    },
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  app.addHook('preClose', async () => {
    closing = true
  })
  // Responses finished during shutdown close their connection, so that keep-alive clients (which may
  // hold a socket for the 72 s keep-alive) don't hold the shutdown up. No API answer may be cached (by
  // a browser, a proxy): they carry tokens, access keys and personal data.
  app.addHook('onSend', async (request, reply, payload) => {
    if (closing) reply.header('connection', 'close')
    if (isApiPath(request.url)) reply.header('cache-control', 'no-store')
    return payload
  })

  installProblemHandlers(app)
  app.addSchema(Problem)
  strictJsonBodies(app)
  // One compiler validates every route: strict for bodies, converting text for query, params and headers.
  app.setValidatorCompiler(validatorCompiler)

  await app.register(helmet, {
    // An API answers JSON; the web service sets its own content security policy for pages, and only the
    // directives it gives (helmet's defaults add upgrade-insecure-requests, which breaks a plain-HTTP
    // site on a LAN address).
    contentSecurityPolicy: options.contentSecurityPolicy
      ? { useDefaults: false, directives: options.contentSecurityPolicy }
      : { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  })
  if (options.rateLimit !== false) {
    await app.register(rateLimit, {
      max: options.rateLimit?.max ?? 600,
      timeWindow: options.rateLimit?.timeWindowMs ?? 60_000,
      store: SnapshotRateLimitStore,
      errorResponseBuilder: (_request, context) => ({
        statusCode: context.statusCode,
        code: 'TJ_RATE_LIMITED',
        message: `Too many requests; retry in ${context.after}`,
      }),
    })
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: `tingjian ${options.service}`, version: options.version ?? '0.1.0' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
  })
  if (options.jwt) registerJwt(app, options.jwt)
  enforceAccessRules(app, !!options.jwt)

  healthRoutes(app, options.readiness ?? [], () => closing)
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  )
  return app
}
