// Errors leave the API as RFC 9457 problem+json. Coded errors (@fastify/error) carry their status;
// anything unexpected becomes a bare 500 that says nothing about internals.
import createError from '@fastify/error'
import { InvalidQueryError, isConflict, StoreNotFoundError, StoreUnavailableError } from '@tingjian/store'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import Type, { type Static } from 'typebox'

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'a URI reference naming the kind of problem; /problems/<slug>' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.String({ description: 'stable machine-readable code' }),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
)
export type Problem = Static<typeof Problem>

export const problemType = (slug: string) => `/problems/${slug}`

/** Coded errors shared by every service. Services add their own with `createError` the same way. */
export const Errors = {
  Unauthorized: createError('TJ_UNAUTHORIZED', 'Authentication required', 401),
  Forbidden: createError('TJ_FORBIDDEN', 'Your role does not allow this action', 403),
  NotFound: createError('TJ_NOT_FOUND', 'Not found', 404),
  Conflict: createError('TJ_CONFLICT', '%s', 409),
  StaleVersion: createError(
    'TJ_STALE_VERSION',
    'The resource was changed by someone else; reload and retry',
    409,
  ),
  InvalidState: createError('TJ_INVALID_STATE', '%s', 409),
  BadRequest: createError('TJ_BAD_REQUEST', '%s', 400),
  UnprocessableContent: createError('TJ_UNPROCESSABLE', '%s', 422),
  Unavailable: createError('TJ_UNAVAILABLE', 'Service temporarily unavailable', 503),
}

/** A 400 that names the fields at fault, in the same shape as schema validation errors. */
export class FieldErrors extends Error {
  readonly code = 'TJ_INVALID_FIELDS'
  readonly statusCode = 400
  constructor(readonly errors: Array<{ path: string; message: string }>) {
    super('The request is invalid; see errors')
    this.name = 'FieldErrors'
  }
}

/** Slugs of the problem type per code; a code not listed gets its own lower-case slug. */
const SLUGS: Record<string, string> = {
  FST_ERR_VALIDATION: 'validation',
  TJ_INVALID_FIELDS: 'validation',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
  FST_ERR_BAD_URL: 'bad-url',
  FST_ERR_MAX_PARAM_LENGTH: 'uri-too-long',
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: 'unauthorized',
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: 'unauthorized',
  FST_JWT_AUTHORIZATION_TOKEN_INVALID: 'unauthorized',
  FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED: 'unauthorized',
  FST_JWT_BAD_REQUEST: 'unauthorized',
  TJ_STALE_VERSION: 'stale-version',
  TJ_STORE_DUPLICATE: 'duplicate',
  TJ_INVALID_QUERY: 'invalid-query',
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

export function problem(
  request: FastifyRequest,
  status: number,
  code: string,
  detail?: string,
  extra: Partial<Problem> = {},
): Problem {
  return {
    type: problemType(
      SLUGS[code] ??
        code
          .toLowerCase()
          .replace(/^(tj|fst)_(err_)?/, '')
          .replaceAll('_', '-'),
    ),
    title: TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    status,
    ...(detail ? { detail } : {}),
    instance: request.url.split('?')[0] ?? request.url,
    code,
    requestId: request.id,
    ...extra,
  }
}

/** What a 503 asks the client to wait before it tries again. */
const RETRY_AFTER_SECONDS = 5

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type(PROBLEM_CONTENT_TYPE).send(p)
}

function fromError(error: FastifyError, request: FastifyRequest): Problem {
  if (error.validation) {
    const errors = error.validation.map((v) => ({
      path: `${error.validationContext ?? 'body'}${v.instancePath || ''}`,
      message: v.message ?? 'is invalid',
    }))
    return problem(request, 400, 'FST_ERR_VALIDATION', 'The request is invalid; see errors', { errors })
  }
  if (isConflict(error, 'stale'))
    return problem(
      request,
      409,
      'TJ_STALE_VERSION',
      'The resource was changed by someone else; reload and retry',
    )
  if (isConflict(error, 'duplicate')) return problem(request, 409, 'TJ_STORE_DUPLICATE', 'It already exists')
  if (error instanceof StoreNotFoundError) return problem(request, 404, 'TJ_NOT_FOUND', 'Not found')
  if (error instanceof InvalidQueryError) return problem(request, 400, 'TJ_INVALID_QUERY', error.message)
  if (error instanceof StoreUnavailableError)
    return problem(request, 503, error.code, 'Service temporarily unavailable; try again shortly')
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    const errors = (error as FastifyError & { errors?: Problem['errors'] }).errors
    return problem(request, status, error.code ?? `HTTP_${status}`, error.message, errors ? { errors } : {})
  }
  if (status === 503)
    return problem(request, 503, error.code ?? 'TJ_UNAVAILABLE', 'Service temporarily unavailable')
  return problem(request, 500, 'TJ_INTERNAL', 'An unexpected error occurred; it has been logged')
}

/** Installs the problem+json error and not-found handlers. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const p = fromError(error, request)
    if (p.status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: p.code, status: p.status }, 'request refused')
    if (p.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS))
    return sendProblem(reply, p)
  })
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem(request, 404, 'TJ_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
    ),
  )
}
