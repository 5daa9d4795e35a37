// The polls service's coded errors: they leave the API as problem+json with their code and status (the
// kit's error handler reads `code` and `statusCode`).
export class PollError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
  ) {
    super(message)
    this.name = 'PollError'
  }
}

export const Refusals = {
  notOpen: (detail = 'The poll does not take ballots now') => new PollError('TJ_POLL_NOT_OPEN', 409, detail),
  alreadyVoted: () =>
    new PollError('TJ_ALREADY_VOTED', 409, 'A ballot from this voter is already in this poll'),
  wrongRule: (detail: string) => new PollError('TJ_WRONG_RULE', 409, detail),
  voterRequired: (detail: string) => new PollError('TJ_VOTER_REQUIRED', 403, detail),
  tokenInvalid: () => new PollError('TJ_TOKEN_INVALID', 403, 'The voting token is not valid for this poll'),
  tokenExpired: () =>
    new PollError('TJ_TOKEN_EXPIRED', 403, 'The voting token has expired; verify the number again'),
  invitationInvalid: () =>
    new PollError('TJ_INVITATION_INVALID', 403, 'The invitation code is not valid for this poll'),
  codeWrong: (triesLeft: number) =>
    new PollError('TJ_CODE_WRONG', 422, `The code is wrong; ${triesLeft} tries left`),
  codeExpired: () => new PollError('TJ_CODE_EXPIRED', 422, 'The code has expired; ask for a new one'),
  codeUsed: () => new PollError('TJ_CODE_USED', 422, 'The code was used already; ask for a new one'),
  codeLocked: () => new PollError('TJ_CODE_LOCKED', 422, 'Too many wrong codes; ask for a new one'),
  codeUnknown: () => new PollError('TJ_CODE_UNKNOWN', 422, 'No code was sent to this number for this poll'),
  numberRateLimited: (retryAt: Date) =>
    new PollError(
      'TJ_NUMBER_RATE_LIMITED',
      429,
      `Too many codes for this number; try again after ${retryAt.toISOString()}`,
    ),
  resultsNotPublic: (detail: string) => new PollError('TJ_RESULTS_NOT_PUBLIC', 403, detail),
  notAMobile: () => new PollError('TJ_NOT_A_MOBILE', 400, 'Codes go by SMS: give a mainland mobile number'),
  invalidState: (detail: string) => new PollError('TJ_INVALID_STATE', 409, detail),
  stale: () =>
    new PollError('TJ_STALE_VERSION', 409, 'The poll was changed by someone else; reload and retry'),
  notFound: () => new PollError('TJ_NOT_FOUND', 404, 'No such poll'),
}
