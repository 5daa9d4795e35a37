// Personal data: sealed at rest, masked views for roles that don't need it, keyed hashes for search, and
// search terms.
import { createHmac } from 'node:crypto'
import type { Citizen } from './model.ts'

/** Roles that see the citizen's contact data in clear. */
export const CLEAR_PII_ROLES = ['dispatcher', 'supervisor', 'hotline_operator'] as const

export const normalizePhone = (phone: string) => phone.replace(/^(?:\+|00)86/, '').replace(/\D/g, '')
export const normalizeIdNumber = (id: string) => id.trim().toUpperCase()

/** HMAC-SHA256 under the service's key: equal inputs match, the value can't be recovered or guessed offline. */
export function piiHash(key: string, kind: 'phone' | 'idNumber', value: string): string {
  const normal = kind === 'phone' ? normalizePhone(value) : normalizeIdNumber(value)
  return createHmac('sha256', key).update(`${kind}:${normal}`).digest('hex')
}

export function maskPhone(phone: string): string {
  const d = normalizePhone(phone)
  if (d.length < 7) return '*'.repeat(d.length)
  return `${d.slice(0, 3)}${'*'.repeat(d.length - 7)}${d.slice(-4)}`
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at < 1) return '***'
  return `${email.slice(0, 1)}***${email.slice(at)}`
}

export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length)
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`
}

export function maskName(name: string): string {
  const chars = [...name]
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`
}

/** Seals and opens contact fields (the kit's FieldCipher; values are self-describing `tjf1:…` strings). */
export interface FieldSealer {
  encrypt(plain: string): string
  decrypt(sealed: string): string
  isEncrypted(value: unknown): value is string
}

const CONTACT_FIELDS = ['name', 'phone', 'email', 'idNumber'] as const

/** Every contact field sealed (a value already sealed is left as it is). */
export function sealCitizen(c: Citizen, sealer: FieldSealer): Citizen {
  const out: Citizen = {}
  for (const field of CONTACT_FIELDS) {
    const v = c[field]
    if (v !== undefined) out[field] = sealer.isEncrypted(v) ? v : sealer.encrypt(v)
  }
  return out
}

/** Every contact field in clear (a value stored before sealing is returned as it is). */
export function openCitizen(c: Citizen, sealer: FieldSealer): Citizen {
  const out: Citizen = {}
  for (const field of CONTACT_FIELDS) {
    const v = c[field]
    if (v !== undefined) out[field] = sealer.isEncrypted(v) ? sealer.decrypt(v) : v
  }
  return out
}

export function maskCitizen(c: Citizen): Citizen {
  return {
    ...(c.name ? { name: maskName(c.name) } : {}),
    ...(c.phone ? { phone: maskPhone(c.phone) } : {}),
    ...(c.email ? { email: maskEmail(c.email) } : {}),
    ...(c.idNumber ? { idNumber: maskIdNumber(c.idNumber) } : {}),
  }
}

const normalizeText = (s: string) => [...s.toLowerCase().replace(/\s+/g, '')]

/** Every character and every pair of neighbouring characters of the text. */
export function searchTerms(text: string): string[] {
  const chars = normalizeText(text)
  const terms = new Set<string>(chars)
  for (let i = 0; i + 1 < chars.length; i++) terms.add(`${chars[i]}${chars[i + 1]}`)
  return [...terms]
}

/** The terms a query must all match: its pairs (or its one character); at most `max`. */
export function queryTerms(q: string, max = 12): string[] {
  const chars = normalizeText(q)
  if (chars.length <= 1) return chars
  const pairs = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(`${chars[i]}${chars[i + 1]}`)
  return [...pairs].slice(0, max)
}
