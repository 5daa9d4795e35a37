// Incoming-call webhooks for the hotline scenario, signed the way Twilio signs them (X-Twilio-Signature over
// PUBLIC_BASE_URL + path and the form parameters) before a round starts, so that signing is never part of
// the measured loop. Every call has a CallSid of its own: the hotline stores each call, and a repeated
// CallSid would be a duplicate webhook (a cheaper path: the call exists already), not a new call.
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import { publicUrl } from '../../packages/telephony/src/port.ts'
import { SIGNATURE_HEADER, signRequest } from '../../packages/telephony/src/wire/signature.ts'
import { prng } from './letters.ts'

export const INCOMING_PATH = '/api/v1/hotline/voice/incoming'
/**
 * The address the provider is told to call (PUBLIC_BASE_URL), the same for the service and the baseline:
 * the URL both verify signatures against and put in their TwiML, so that both answer the same bytes. The
 * bench posts to their loopback ports, as a gateway in front of them would (.invalid never resolves).
 */
export const PUBLIC_BASE_URL = 'https://hotline.bench.invalid'
/** The hotline's own number in every call (the service's line number does not change its answer). */
export const LINE_NUMBER = '+861012345'
/** The account the bench's webhooks claim to come from (Twilio's format: AC + 32 hex). */
export const ACCOUNT_SID = `AC${'0'.repeat(32)}`

export interface SignedCall {
  callSid: string
  /** The urlencoded form body, exactly as signed. */
  body: string
  signature: string
}

export class CallPool {
  readonly #authToken: string
  readonly #url: string
  readonly #rand: () => number
  /** CallSids of this run: a random prefix, then a counter (CA + 32 hex characters, as Twilio's). */
  readonly #prefix = randomBytes(4).toString('hex')
  #counter = 0

  constructor(authToken: string, publicBaseUrl: string, seed = 11) {
    this.#authToken = authToken
    this.#url = publicUrl(publicBaseUrl, INCOMING_PATH)
    this.#rand = prng(seed)
  }

  /** The parameters Twilio posts for a new inbound call (the fields the simulator sends, and the countries). */
  params(callSid: string): Record<string, string> {
    // mobile numbers of mainland China, varied: callers differ, and the hotline keys its history by number
    const from = `+861${3 + Math.floor(this.#rand() * 6)}${String(Math.floor(this.#rand() * 1e9)).padStart(9, '0')}`
    return {
      AccountSid: ACCOUNT_SID,
      ApiVersion: '2010-04-01',
      CallSid: callSid,
      CallStatus: 'ringing',
      Direction: 'inbound',
      From: from,
      To: LINE_NUMBER,
      Caller: from,
      Called: LINE_NUMBER,
      FromCountry: 'CN',
      ToCountry: 'CN',
      CallerCountry: 'CN',
      CalledCountry: 'CN',
    }
  }

  /** The next call, signed. */
  next(): SignedCall {
    const callSid = `CA${this.#prefix}${(this.#counter++).toString(16).padStart(24, '0')}`
    const params = this.params(callSid)
    return {
      callSid,
      body: new URLSearchParams(params).toString(),
      signature: signRequest(this.#authToken, this.#url, params),
    }
  }

  /** `count` new calls, signed now (before the round that sends them). */
  sign(count: number): SignedCall[] {
    return Array.from({ length: count }, () => this.next())
  }
}

export interface WebhookRound {
  seconds: number
  /** 200 text/xml answers. */
  answered: number
  answeredPerSec: number
  /** Latency of the 2xx answers (autocannon records those only). */
  p50Ms: number
  p99Ms: number
  /** Answers other than 2xx (errors). */
  non2xx: number
  /** No answer: connection errors and timeouts (10 s). */
  errors: number
  /** 2xx answers that were not 200 text/xml (errors too). */
  wrongAnswers: number
  /** Calls pre-signed for the round: the round ends early when they are used up. */
  presigned: number
}

/**
 * Closed loop over pre-signed incoming-call webhooks: `connections` connections each posting the next call
 * as soon as the previous one is answered, for `seconds` or until the calls run out (whichever is first).
 * Only 200 text/xml counts as answered; the rest are non-2xx or wrong answers.
 */
export async function webhookLoop(
  baseUrl: string,
  calls: readonly SignedCall[],
  seconds: number,
  connections: number,
): Promise<WebhookRound> {
  let index = 0
  let wrongAnswers = 0
  const result = await autocannon({
    url: `${baseUrl}${INCOMING_PATH}`,
    connections,
    duration: seconds,
    timeout: 10,
    maxOverallRequests: calls.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          // maxOverallRequests bounds the round to the pool; the modulo only guards the index
          const call = calls[index++ % calls.length] as SignedCall
          return {
            ...req,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              [SIGNATURE_HEADER]: call.signature,
            },
            body: call.body,
          }
        },
        onResponse: (status, _body, _context, headers) => {
          if (status < 200 || status >= 300) return
          const type = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1]
          if (status !== 200 || typeof type !== 'string' || !type.startsWith('text/xml')) wrongAnswers++
        },
      },
    ],
  })
  const answered = result['2xx'] - wrongAnswers
  return {
    seconds: result.duration,
    answered,
    answeredPerSec: Math.round((answered / result.duration) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    wrongAnswers,
    presigned: calls.length,
  }
}
