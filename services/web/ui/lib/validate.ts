// Client-side checks that mirror the API's rules (services/mailbox/src/schemas/letters.ts and
// domain/identifiers.ts, services/tracking/src/schemas/cases.ts), so most mistakes are shown before sending.
// The server stays the judge: its field errors are shown the same way.
import type { MessageKey } from '../i18n/zh-CN.ts'

// C0 controls except tab and line breaks, DEL, bidi overrides and isolates
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/
// One-line text as the kit's OneLine checks it (packages/kit/src/one-line.ts): no control characters,
// line or paragraph separators, zero-width or direction marks, U+061C, BOM, bidi overrides or isolates…
const NOT_ONE_LINE = /[\p{Cc}\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u
// …and at least one character someone can see
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{M}\p{Z}\u115F\u1160\u2800\u3164\uFFA0]/u
// biome-ignore lint/suspicious/noControlCharactersInRegex: the tracking API refuses these in free text
const UNSAFE_PLAIN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/** Length in characters as the API counts them (JavaScript string length, after NFC and trim). */
export const textLength = (s: string) => s.normalize('NFC').trim().length

export const isOneLine = (s: string) => !NOT_ONE_LINE.test(s) && VISIBLE.test(s)
export const isSafeText = (s: string) => !UNSAFE_TEXT.test(s)
export const isPlainText = (s: string) => !UNSAFE_PLAIN.test(s)

const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/

/** A mainland mobile (optionally +86) or a landline 0xx(x)-xxxxxxx(x): as normalisePhone in mailbox. */
export function isValidPhone(input: string): boolean {
  if (!/^[0-9+()\- ]{7,20}$/.test(input.trim())) return false
  let p = input.trim().replace(/[\s()]/g, '')
  p = p.replace(/^(\+86|0086)-?/, '')
  return MOBILE.test(p.replaceAll('-', '')) || LANDLINE.test(p)
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** An 18-character resident ID number with a real date of birth and the right check character. */
export function isValidIdNumber(input: string): boolean {
  const id = input.trim().toUpperCase()
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

/** A practical e-mail check (the API's `format: 'email'`): local@domain.tld, no spaces, at most 254. */
export function isValidEmail(input: string): boolean {
  const s = input.trim()
  return (
    s.length <= 254 &&
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/.test(
      s,
    )
  )
}

export const TRACKING_CODE = /^[0-9A-HJ-NP-Z]{10}$/

/** Field → message key (with parameters). */
export type FieldErrors = Record<
  string,
  { key: MessageKey; params?: Record<string, string | number> } | string
>

export interface LetterForm {
  category: string
  subject: string
  body: string
  anonymous: boolean
  name: string
  phone: string
  email: string
  idNumber: string
  consentToPublish: boolean
  /** Don't phone me about the answer (no callback survey); only with a phone number, i.e. not anonymous. */
  declineCallback?: boolean
}

export function validateLetter(f: LetterForm): FieldErrors {
  const e: FieldErrors = {}
  if (!f.category) e.category = { key: 'v.category' }
  const subjectLen = textLength(f.subject)
  if (!subjectLen) e.subject = { key: 'v.required' }
  else if (!isOneLine(f.subject)) e.subject = { key: 'v.oneLine' }
  else if (subjectLen < 2 || f.subject.length > 200) e.subject = { key: 'v.subjectLength' }
  const bodyLen = textLength(f.body)
  if (!bodyLen) e.body = { key: 'v.required' }
  else if (!isSafeText(f.body)) e.body = { key: 'v.controlChars' }
  else if (bodyLen < 10 || f.body.length > 10_000) e.body = { key: 'v.bodyLength' }
  if (!f.anonymous) {
    if (!f.name.trim()) e.name = { key: 'v.required' }
    else if (!isOneLine(f.name)) e.name = { key: 'v.oneLine' }
    else if (f.name.length > 50) e.name = { key: 'v.nameLength' }
    if (!f.phone.trim()) e.phone = { key: 'v.required' }
    else if (!isValidPhone(f.phone)) e.phone = { key: 'v.phone' }
    if (f.idNumber.trim() && !isValidIdNumber(f.idNumber)) e.idNumber = { key: 'v.idNumber' }
  }
  if (f.email.trim() && !isValidEmail(f.email)) e.email = { key: 'v.email' }
  return e
}

/** A required free-text field of a case action: 1..max characters, no control characters. */
export function validateText(value: string, max: number): FieldErrors[string] | null {
  if (!value.trim()) return { key: 'v.required' }
  if (!isPlainText(value)) return { key: 'v.controlChars' }
  if (value.length > max) return { key: 'v.textLength', params: { min: 1, max } }
  return null
}

/** Server field errors (`body/subject`, `body` + "must have required property 'x'") by form field. */
export function serverFieldErrors(errors: Array<{ path: string; message: string }> | undefined): {
  fields: Record<string, string>
  other: string[]
} {
  const fields: Record<string, string> = {}
  const other: string[] = []
  for (const err of errors ?? []) {
    const path = err.path.replace(/^(body|querystring|params|headers)\/?/, '')
    const missing = /required property '([^']+)'/.exec(err.message)?.[1]
    const field = path.split('/')[0] || missing
    if (field && !(field in fields)) fields[field] = err.message
    else if (!field) other.push(err.message)
  }
  return { fields, other }
}
