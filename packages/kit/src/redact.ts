// Personal data and secrets never reach a log line: pino's path redaction for known keys, and a scrub of
// the serialised line for values that appear anywhere (messages, error texts, stack traces, URLs).

/** Keys whose values are secret or personal wherever they appear in a logged object. */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'accessKey',
  '*.accessKey',
  'secret',
  '*.secret',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-access-key"]',
  'req.headers["x-twilio-signature"]',
  'res.headers["set-cookie"]',
  'phone',
  '*.phone',
  'email',
  '*.email',
  'idNumber',
  '*.idNumber',
]

const PATTERNS: Array<[RegExp, string]> = [
  // JSON Web Tokens (three base64url parts, the first a JSON header starting {"…)
  [/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[token]'],
  // Bearer credentials of any shape
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[token]'],
  // e-mail addresses
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, '[email]'],
  // Numbers are bounded by digits only, not letters: "tel13812345678" is still a phone. The price is that
  // a run of digits inside a hex id may be scrubbed now and then; a log line may lose an id, never leak a phone.
  // mainland ID card numbers: 18 digits (the last may be X) or the old 15-digit form
  [
    /(?<!\d)[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g,
    '[id-number]',
  ],
  [/(?<!\d)[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)/g, '[id-number]'],
  // mainland mobiles, optionally +86 / 0086 and separated by spaces or dashes
  [/(?<![\d+])(?:(?:\+|00)86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g, '[phone]'],
  // landlines: area code 0xx / 0xxx, then 7–8 digits (possibly grouped), optionally with a dash or space and an extension
  [/(?<![\d+])(?:(?:\+|00)86[ -]?)?0\d{2,3}[ -]?\d{3,4}[ -]?\d{4}(?:-\d{1,6})?(?!\d)/g, '[phone]'],
  // password / secret fields that arrive as text (e.g. a JSON body quoted inside an error message)
  [
    /("?(?:password|passwd|secret|accessKey|refreshToken|accessToken)"?\s*[:=]\s*)"[^"]*"/gi,
    '$1"[redacted]"',
  ],
]

/** Replaces personal data and secrets in a piece of text. Idempotent. */
export function scrub(text: string): string {
  let out = text
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

/**
 * Fields of a log line that are the platform's own and never personal: the request id (the kit only takes
 * a caller's id that `scrub` leaves alone) and the response time (a float whose decimals could look like a
 * phone number). They are kept as they are; `scrub` would rewrite digits in them.
 */
const KEPT_FIELDS = /"(?:reqId|responseTime)":(?:"[A-Za-z0-9._:-]{1,128}"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g
/** A stand-in for a kept field while the rest of the line is scrubbed (private-use characters). */
const KEPT_MARK = /\uE000(\d{1,3})\uE001/g

/** `scrub` for a serialised pino line: everything except the kept fields (reqId, responseTime). */
export function scrubLine(line: string): string {
  const kept: string[] = []
  const masked = line.replace(KEPT_FIELDS, (field) => `\uE000${kept.push(field) - 1}\uE001`)
  return scrub(masked).replace(KEPT_MARK, (mark, i: string) => kept[Number(i)] ?? mark)
}
