// Who a voter is to the ledger, and the codes and tokens that prove it. Every hash is keyed with the polls
// secret (POLLS_SECRET): a plain hash of a phone number or a six-digit code is reversed by trying them all.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import { newTrackingCode, normalisePhone } from '@tingjian/kit'

export type VoterKind = 'phone' | 'invitation' | 'browser'

const hmac = (secret: Buffer, ...parts: string[]) =>
  createHmac('sha256', secret).update(parts.join('\u0000')).digest('hex')

/** The per-poll keyed hash of a voter: the same number gives unrelated keys in two polls. */
export const voterKey = (secret: Buffer, pollId: string, kind: VoterKind, value: string) =>
  hmac(secret, 'voter', pollId, kind, value)

/** The ledger entry's `_id`: a second ballot by the same voter meets it as a duplicate. */
export const ledgerId = (pollId: string, key: string) => `${pollId}.${key}`

/**
 * The pending ballot's claim: keyed with the secret and a nonce that only the ledger entry keeps, so that
 * the settlement can tell the ballot its ledger entry was written for from any other pending ballot.
 */
export const claimOf = (secret: Buffer, ledger: string, nonce: string) => hmac(secret, 'claim', ledger, nonce)

/** A mainland mobile number, normalised, or null (landlines get no SMS). */
export function mobileOf(input: string): string | null {
  const n = normalisePhone(input)
  return n && /^1[3-9]\d{9}$/.test(n) ? n : null
}

export const newVerificationCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0')
/** Ten symbols without look-alikes (the tracking-code alphabet): 50 bits. */
export const newInvitationCode = () => newTrackingCode()
export const normaliseInvitationCode = (code: string) => code.toUpperCase()

export const codeHash = (secret: Buffer, docId: string, code: string) => hmac(secret, 'code', docId, code)
export const invitationHash = (secret: Buffer, pollId: string, code: string) =>
  hmac(secret, 'invitation', pollId, normaliseInvitationCode(code))

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y)
}

/**
 * A voting token: `<pollId>.<voter key>.<expiry ms>.<mac>`, stateless (any replica checks it). It holds
 * the voter key, never the number; the ledger makes a second use of it a 409.
 */
export function signToken(secret: Buffer, pollId: string, key: string, expiresAt: Date): string {
  const body = `${pollId}.${key}.${expiresAt.getTime()}`
  return `${body}.${hmac(secret, 'token', body)}`
}

export function openToken(
  secret: Buffer,
  token: string,
  pollId: string,
  now: Date,
): { key: string } | { problem: 'invalid' | 'expired' } {
  const parts = token.split('.')
  if (parts.length !== 4) return { problem: 'invalid' }
  const [tokenPoll, key, expiry, mac] = parts as [string, string, string, string]
  const body = `${tokenPoll}.${key}.${expiry}`
  if (!sameHex(hmac(secret, 'token', body), mac) || tokenPoll !== pollId) return { problem: 'invalid' }
  if (!(Number(expiry) > now.getTime())) return { problem: 'expired' }
  return { key }
}
