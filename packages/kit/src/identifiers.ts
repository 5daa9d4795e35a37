// Tracking codes, access keys and the checks on citizens' phone and ID-card numbers, shared by every intake
// channel (mailbox, hotline, …). Pure functions.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** 32 symbols without the look-alikes 0/O and 1/I: 5 bits each, 50 bits per code. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const TRACKING_CODE_LENGTH = 10

export function newTrackingCode(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(TRACKING_CODE_LENGTH)
  let code = ''
  for (const b of bytes) code += TRACKING_ALPHABET[b & 31]
  return code
}

/** A random access key, or (for an idempotent retry) the same key derived again from the request. */
export function newAccessKey(secret: Buffer, idempotency?: { keyHash: string; letterId: string }): string {
  if (!idempotency) return randomBytes(24).toString('base64url')
  return createHmac('sha256', secret)
    .update(`access-key:${idempotency.keyHash}:${idempotency.letterId}`)
    .digest()
    .subarray(0, 24)
    .toString('base64url')
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

export const accessKeyHash = (accessKey: string) => `sha256:${sha256(accessKey)}`

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/

/** Normalises a mainland mobile or landline number (spaces, dashes, +86 removed), or null if it is neither. */
export function normalisePhone(input: string): string | null {
  let p = input.trim().replace(/[\s()]/g, '')
  p = p.replace(/^(\+86|0086)-?/, '')
  if (MOBILE.test(p.replaceAll('-', ''))) return p.replaceAll('-', '')
  if (LANDLINE.test(p)) return p
  return null
}

/**
 * A number in E.164, as telephony providers take it: an E.164 number as it is; a normalised mainland
 * number (`normalisePhone`) with +86 and without the trunk 0 and the dashes; null otherwise.
 */
export function toE164(phone: string): string | null {
  if (/^\+[1-9]\d{6,14}$/.test(phone)) return phone
  const p = normalisePhone(phone)
  if (!p) return null
  return `+86${p.replaceAll('-', '').replace(/^0/, '')}`
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** An 18-digit resident ID number with a valid date of birth and check digit (GB 11643-1999). */
export function isValidIdNumber(input: string): boolean {
  const id = input.toUpperCase()
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const birth = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] ?? 0)
  return ID_CHECK[sum % 11] === id[17]
}
