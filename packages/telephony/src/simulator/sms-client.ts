// The SmsChannel of a process that does not hold the simulator (notifications on its own): it posts to the
// simulator's provider endpoint, `POST <baseUrl>/provider/messages`, as the Twilio adapter posts to Twilio.
import { type SmsChannel, TelephonyError } from '../port.ts'
import { parseSmsStatusParams, verifySignedRequest } from '../wire/index.ts'

export interface SimulatorSmsClientOptions {
  /** The simulator routes' base, e.g. `http://127.0.0.1:3007/api/v1/hotline/simulator`. */
  baseUrl: string
  /** The bearer token the simulator routes were given. */
  token: string
  /** The token the simulator signs status callbacks with (its authToken); default `token`. */
  authToken?: string
  fetch?: typeof fetch
}

const TIMEOUT_MS = 15_000

export function createSimulatorSmsClient(options: SimulatorSmsClientOptions): SmsChannel {
  const doFetch = options.fetch ?? fetch
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/provider/messages`
  const authToken = options.authToken ?? options.token
  return {
    async send(request) {
      let res: Response
      try {
        res = await doFetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify({
            to: request.to,
            from: request.from,
            body: request.body,
            ...(request.statusUrl ? { statusUrl: request.statusUrl } : {}),
          }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        })
      } catch {
        throw new TelephonyError('unreachable', 'The simulator could not be reached', true)
      }
      const answer = (await res.json().catch(() => ({}))) as {
        messageId?: string
        status?: string
        code?: string
        detail?: string
      }
      if (res.status === 201 && typeof answer.messageId === 'string') {
        return { messageId: answer.messageId, status: (answer.status ?? 'queued') as 'queued' }
      }
      // the port's codes, as the Twilio adapter gives them; the message never quotes the number
      const status = res.status
      const code =
        status === 401 || status === 403
          ? 'unauthorized'
          : status === 404
            ? 'not_found'
            : status === 429
              ? 'rate_limited'
              : status >= 500
                ? 'unavailable'
                : (answer.code ?? '').startsWith('TELEPHONY_')
                  ? (answer.code ?? '').slice('TELEPHONY_'.length)
                  : 'rejected'
      throw new TelephonyError(
        code,
        answer.detail ?? `The simulator answered HTTP ${status}`,
        status >= 500 || status === 429,
        status,
      )
    },
    verify: (request) => verifySignedRequest(authToken, request),
    parseStatus: parseSmsStatusParams,
  }
}
