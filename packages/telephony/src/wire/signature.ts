// Twilio's webhook signature (X-Twilio-Signature): an HMAC-SHA1, keyed with the account's auth token, over
// the exact URL Twilio called followed by each POST parameter's name and value, sorted by name; base64.
// The simulator signs with `signRequest`; services verify with `verifySignedRequest`.
//
// What a service must do for verification to work behind a gateway (the reverse proxy, TLS terminator or
// tunnel in front of it): Twilio signs the URL *it* called, which the service never sees as such — its own
// request has another scheme, host and port. So the service rebuilds it as `PUBLIC_BASE_URL` (the base
// configured in the webhooks' URLs, e.g. `https://hotline.example.gov.cn`) + the request's original path
// and query string, byte for byte (`publicUrl()` of port.ts; not a path the router normalised, not a query
// re-encoded by a URL parser), and passes the urlencoded form parameters exactly as received (no trimming,
// no type coercion, no dropped empty values). Guessing the URL from Host / X-Forwarded-* headers fails the
// ways twilio-node's issue tracker records (#411, #650, #924: ports, schemes, re-encoded quotes).
// `validateRequest` already tries the URL with and without the default port (:443/:80), since Twilio has
// signed both forms, and falls back to a normalised query string for escaped characters; a non-default
// port must appear in `PUBLIC_BASE_URL` exactly as in the URL given to Twilio.
import twilio from 'twilio'
import type { WebhookRequest } from '../port.ts'

/** The header that carries the signature (lower-case, as Node reports header names). */
export const SIGNATURE_HEADER = 'x-twilio-signature'

/** The signature Twilio would send for a POST of `params` to `url` (the simulator's side). */
export function signRequest(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params)
}

/** Whether the request carries a valid signature of the account for exactly its URL and parameters. */
export function verifySignedRequest(authToken: string, request: WebhookRequest): boolean {
  const header = request.headers[SIGNATURE_HEADER]
  // A missing, empty or repeated header is never a signature Twilio sent.
  if (typeof header !== 'string' || header === '') return false
  try {
    return twilio.validateRequest(authToken, header, request.url, { ...request.params })
  } catch {
    // validateRequest parses the URL with `new URL()` on its fallback path: an unparsable URL is refused.
    return false
  }
}
