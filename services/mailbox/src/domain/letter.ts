// Turns a submitted letter into the stored letter and its event, or the list of fields at fault. Pure.
import { createHash } from 'node:crypto'
import type { SubmitLetter } from '../schemas/letters.ts'
import { isValidIdNumber, normalisePhone } from './identifiers.ts'

export interface Citizen {
  name?: string
  phone?: string
  email?: string
  idNumber?: string
}

export interface PreparedLetter {
  category: SubmitLetter['category']
  subject: string
  body: string
  anonymous: boolean
  citizen: Citizen
  consentToPublish: boolean
  locale: 'zh-CN' | 'en'
}

export type FieldError = { path: string; message: string }

const clean = (s: string) => s.normalize('NFC').trim()

export function prepareLetter(input: SubmitLetter): { letter: PreparedLetter } | { errors: FieldError[] } {
  const errors: FieldError[] = []
  const subject = clean(input.subject)
  const body = clean(input.body)
  if (subject.length < 2) errors.push({ path: 'body/subject', message: 'must not be blank' })
  if (body.length < 10) errors.push({ path: 'body/body', message: 'must have at least 10 characters' })

  const citizen: Citizen = {}
  if (input.anonymous) {
    for (const field of ['name', 'phone', 'idNumber'] as const) {
      if (input[field] !== undefined)
        errors.push({ path: `body/${field}`, message: 'must be absent in an anonymous letter' })
    }
  } else {
    const name = input.name === undefined ? '' : clean(input.name)
    if (!name) errors.push({ path: 'body/name', message: 'is required unless the letter is anonymous' })
    else citizen.name = name
    if (input.phone === undefined) {
      errors.push({ path: 'body/phone', message: 'is required unless the letter is anonymous' })
    } else {
      const phone = normalisePhone(input.phone)
      if (!phone) errors.push({ path: 'body/phone', message: 'must be a mainland mobile or landline number' })
      else citizen.phone = phone
    }
    if (input.idNumber !== undefined) {
      if (!isValidIdNumber(input.idNumber)) {
        errors.push({ path: 'body/idNumber', message: 'is not a valid ID card number (check digit or date)' })
      } else citizen.idNumber = input.idNumber.toUpperCase()
    }
  }
  if (input.email !== undefined) citizen.email = input.email.trim().toLowerCase()

  if (errors.length) return { errors }
  return {
    letter: {
      category: input.category,
      subject,
      body,
      anonymous: input.anonymous,
      citizen,
      consentToPublish: input.consentToPublish,
      locale: input.locale ?? 'zh-CN',
    },
  }
}

/** A fingerprint of the request, to tell an idempotent retry from a different letter under the same key. */
export function requestFingerprint(input: SubmitLetter): string {
  const canonical = JSON.stringify(
    Object.keys(input)
      .sort()
      .map((k) => [k, input[k as keyof SubmitLetter]]),
  )
  return createHash('sha256').update(canonical).digest('hex')
}
