// The caller's number as the hotline keeps it: sealed for dialling back, a keyed hash for the history, a
// masked form for roles that may not see it. Pure.
import { normalisePhone } from '@tingjian/kit'

/** Seals a field (the kit's FieldCipher) and hashes it for equality search. */
export interface Sealer {
  encrypt(plain: string): string
  decrypt(sealed: string): string
  isEncrypted(value: string): boolean
  hash(plain: string, field?: string): string
}

/** What a call document keeps of the caller's number. */
export interface CallerFields {
  /** The number as the provider gave it (E.164), sealed: what a callback dials. Null when withheld. */
  sealed: string | null
  /** The normalised mainland number (`normalisePhone`), sealed: what events carry. */
  normalisedSealed: string | null
  /** `cipher.hash(normalised, 'phone')`: the caller's history and tracking's search. */
  hash: string | null
  /** `138****5678`, or `withheld`. */
  masked: string
}

const E164 = /^\+[1-9]\d{6,14}$/

/** `138****5678`: the first three and the last four digits; shorter numbers keep only the last two. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/^\+86/, '').replace(/\D/g, '')
  if (digits.length >= 9) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  if (digits.length >= 4) return `****${digits.slice(-2)}`
  return '****'
}

export const WITHHELD = 'withheld'

/** The caller fields of a provider's `from` (E.164, or a caller-id string such as "anonymous"). */
export function callerFields(from: string, sealer: Sealer): CallerFields {
  if (!E164.test(from)) return { sealed: null, normalisedSealed: null, hash: null, masked: WITHHELD }
  const normalised = normalisePhone(from) ?? from
  return {
    sealed: sealer.encrypt(from),
    normalisedSealed: sealer.encrypt(normalised),
    hash: sealer.hash(normalised, 'phone'),
    masked: maskPhone(normalised),
  }
}

/** Opens a sealed field (a value stored before sealing is returned as it is). */
export function openField(value: string, sealer: Sealer): string {
  return sealer.isEncrypted(value) ? sealer.decrypt(value) : value
}
