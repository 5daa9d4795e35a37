// Rectification's coded errors (`@fastify/error`, as the kit's): they leave the API as problem+json with
// their code and status. Messages never carry a file name, a person or free text from a request.
import createError from '@fastify/error'

export const Refusals = {
  notFound: createError('TJ_NOT_FOUND', '%s', 404),
  stale: createError('TJ_STALE_VERSION', 'The order was changed by someone else; reload and retry', 409),
  invalidState: createError('TJ_INVALID_STATE', '%s', 409),
  problemUnavailable: createError('TJ_PROBLEM_UNAVAILABLE', '%s', 409),
  alertUnavailable: createError('TJ_ALERT_UNAVAILABLE', '%s', 409),
  appealPending: createError(
    'TJ_APPEAL_PENDING',
    'An appeal against this problem is already waiting for a decision',
    409,
  ),
  badDeadline: createError('TJ_BAD_DEADLINE', '%s', 400),
  badPlace: createError('TJ_BAD_PLACE', '%s', 400),
  tooManyAttachments: createError(
    'TJ_TOO_MANY_ATTACHMENTS',
    'An order takes at most %s attachments in all',
    413,
  ),
  badFileName: createError(
    'TJ_BAD_FILE_NAME',
    'A file name must be a plain name (no folder, drive or path) of 1 to 255 characters',
    400,
  ),
  badUpload: createError('TJ_BAD_UPLOAD', '%s', 400),
  notMultipart: createError('TJ_NOT_MULTIPART', 'Evidence is sent as multipart/form-data', 415),
}
