// Failures of Twilio's REST API as TelephonyErrors. Twilio's own message is never kept: it often quotes the
// phone number ("The 'To' number +86… is not a valid phone number."). Only its numeric code and the HTTP
// status travel, the code in the message so that an operator can look it up in Twilio's error catalogue.
import { TelephonyError } from '../port.ts'

// Twilio error codes that a service can act on without knowing Twilio: a number that can never be called
// or texted (a callback attempt counts as "wrong number", not as a retry).
const INVALID_NUMBER_CODES = new Set([
  21211, // invalid 'To' phone number
  21214, // 'To' phone number cannot be reached
  21217, // phone number does not appear to be valid
  21401, // invalid phone number
  21612, // 'To' number is not currently reachable via SMS
  21614, // 'To' number is not a valid mobile number
])

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** What went wrong, in the port's terms. */
export function telephonyErrorOf(error: unknown): TelephonyError {
  if (error instanceof TelephonyError) return error
  // RestException and TwilioServiceException (RFC 9457 answers) both carry the HTTP status and Twilio's code.
  if (isObject(error) && typeof error.status === 'number') {
    const status = error.status
    const providerCode = typeof error.code === 'number' ? error.code : undefined
    const what = `Twilio answered HTTP ${status}${providerCode === undefined ? '' : ` (error ${providerCode})`}`
    if (status === 429 || providerCode === 20429)
      return new TelephonyError('rate_limited', what, true, status)
    if (status >= 500) return new TelephonyError('unavailable', what, true, status)
    if (status === 401 || providerCode === 20003)
      return new TelephonyError('unauthorized', what, false, status)
    if (status === 404 || providerCode === 20404) return new TelephonyError('not_found', what, false, status)
    if (providerCode !== undefined && INVALID_NUMBER_CODES.has(providerCode)) {
      return new TelephonyError('invalid_number', what, false, status)
    }
    return new TelephonyError('rejected', what, false, status)
  }
  // No answer at all (connection refused or reset, DNS, timeout): axios's error code, never its message,
  // which holds the URL.
  if (isObject(error) && (error.isAxiosError === true || typeof error.code === 'string')) {
    const code = typeof error.code === 'string' && /^[A-Z_]{2,40}$/.test(error.code) ? error.code : ''
    return new TelephonyError('unavailable', `Twilio could not be reached${code ? ` (${code})` : ''}`, true)
  }
  // Anything else failed before a request was made (the library refusing an argument): trying again will not help.
  return new TelephonyError('failed', 'the Twilio request could not be made', false)
}
