// The hotline's coded errors: they leave the API as problem+json with their code and status (the kit's
// error handler reads `code` and `statusCode`).
export class HotlineError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
  ) {
    super(message)
    this.name = 'HotlineError'
  }
}

export const Refusals = {
  badSignature: () => new HotlineError('TJ_BAD_SIGNATURE', 403, 'The webhook signature is missing or wrong'),
  badWebhook: () => new HotlineError('TJ_BAD_WEBHOOK', 400, 'The webhook parameters are invalid'),
  queueEmpty: () => new HotlineError('TJ_QUEUE_EMPTY', 409, 'Nobody is waiting'),
  operatorUnavailable: () =>
    new HotlineError(
      'TJ_OPERATOR_UNAVAILABLE',
      409,
      'Set yourself available with an endpoint (PUT /operators/me) before answering',
    ),
  alreadyLogged: () => new HotlineError('TJ_CALL_ALREADY_LOGGED', 409, 'This call has been logged already'),
  callbackClaimed: () =>
    new HotlineError('TJ_CALLBACK_CLAIMED', 409, 'Another operator has claimed this callback'),
  callbackClosed: () => new HotlineError('TJ_CALLBACK_CLOSED', 409, 'This callback is done or unreachable'),
  callNotLive: () => new HotlineError('TJ_CALL_NOT_LIVE', 409, 'The call is not in progress'),
  noNumber: () =>
    new HotlineError('TJ_NO_NUMBER', 409, 'The caller withheld the number; it cannot be called back'),
  provider: () =>
    new HotlineError('TJ_TELEPHONY_UNAVAILABLE', 503, 'The telephony provider did not answer; try again'),
}
