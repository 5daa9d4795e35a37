// The callbacks service's coded errors (`@fastify/error`, as the kit's): they leave the API as
// problem+json with their code and status. Messages never carry a number, a name or a citizen's words.
import createError from '@fastify/error'

export const Refusals = {
  notFound: createError('TJ_NOT_FOUND', '%s', 404),
  stale: createError('TJ_STALE_VERSION', 'The task was changed by someone else; reload and retry', 409),
  policyStale: createError(
    'TJ_STALE_VERSION',
    'The policy was changed by someone else; reload and retry',
    409,
  ),
  invalidState: createError('TJ_INVALID_STATE', '%s', 409),
  claimedByOther: createError('TJ_CLAIMED_BY_OTHER', 'Another officer holds the task', 409),
  notClaimed: createError('TJ_NOT_CLAIMED', 'Claim the task first', 409),
  closed: createError('TJ_TASK_CLOSED', 'The task is closed', 409),
  outsideCallingHours: createError(
    'TJ_OUTSIDE_CALLING_HOURS',
    'Outside calling hours; the next calling window opens at %s',
    409,
  ),
  noEndpoint: createError(
    'TJ_NO_ENDPOINT',
    'Set your own phone first (PUT /api/v1/callbacks/officers/me)',
    409,
  ),
  provider: createError('TJ_TELEPHONY_UNAVAILABLE', 'The call could not be placed; try again', 503),
  badSignature: createError('TJ_BAD_SIGNATURE', 'The webhook signature is missing or wrong', 403),
  badWebhookParams: createError('TJ_INVALID_WEBHOOK', 'The webhook parameters are invalid', 400),
  badPolicy: createError('TJ_BAD_POLICY', '%s', 400),
  badScript: createError('TJ_BAD_SCRIPT', '%s', 400),
}
