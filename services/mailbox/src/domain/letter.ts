// A submitted letter: its checks, the stored letter and the `mailbox.letter-submitted` event it makes. Pure.
import { createHmac } from 'node:crypto'
import { type EventEnvelope, MailboxEvents } from '@tingjian/contracts'
import { isValidIdNumber, normalisePhone } from '@tingjian/kit'
import type { SubmitLetter } from '../schemas/letters.ts'

/** How to reach the citizen. In a stored letter and in its event each field is sealed (see `sealCitizen`). */
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
  /** The citizen asked not to be phoned about the answer (回访). Absent in letters stored before it: false. */
  declineCallback?: boolean
  locale: 'zh-CN' | 'en'
}

/** The stored letter (the document of the `letters` collection; its `_id` is `letterId`). */
export interface Letter extends PreparedLetter {
  letterId: string
  trackingCode: string
  accessKeyHash: string
  submittedAt: string
  /** sha256 of the Idempotency-Key header, when the client sent one. */
  idempotencyKeyHash?: string
  requestFingerprint: string
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
      declineCallback: input.declineCallback ?? false,
      locale: input.locale ?? 'zh-CN',
    },
  }
}

/** Encrypts a value into a self-describing string (the kit's FieldCipher). */
export interface Sealer {
  encrypt(plain: string): string
}

/** The citizen with every field encrypted: what a letter stores and its event carries. */
export function sealCitizen(citizen: Citizen, sealer: Sealer): Citizen {
  const sealed: Citizen = {}
  for (const field of ['name', 'phone', 'email', 'idNumber'] as const) {
    const value = citizen[field]
    if (value !== undefined) sealed[field] = sealer.encrypt(value)
  }
  return sealed
}

/** The letter to store: the prepared one, its identifiers, and the citizen sealed. */
export function newLetter(
  prepared: PreparedLetter,
  ids: Pick<
    Letter,
    'letterId' | 'trackingCode' | 'accessKeyHash' | 'idempotencyKeyHash' | 'requestFingerprint'
  >,
  now: Date,
  sealer: Sealer,
): Letter {
  return {
    ...prepared,
    citizen: sealCitizen(prepared.citizen, sealer),
    letterId: ids.letterId,
    trackingCode: ids.trackingCode,
    accessKeyHash: ids.accessKeyHash,
    submittedAt: now.toISOString(),
    ...(ids.idempotencyKeyHash ? { idempotencyKeyHash: ids.idempotencyKeyHash } : {}),
    requestFingerprint: ids.requestFingerprint,
  }
}

/** `mailbox.letter-submitted` for a stored letter; its subject (and Kafka key) is the letter id. */
export function letterSubmittedEvent(letter: Letter, cause: { correlationId?: string } = {}): EventEnvelope {
  return MailboxEvents.letterSubmitted.create({
    subject: letter.letterId,
    ...(cause.correlationId ? { correlationId: cause.correlationId } : {}),
    occurredAt: new Date(letter.submittedAt),
    data: {
      letterId: letter.letterId,
      trackingCode: letter.trackingCode,
      accessKeyHash: letter.accessKeyHash,
      category: letter.category,
      subject: letter.subject,
      body: letter.body,
      anonymous: letter.anonymous,
      citizen: letter.citizen,
      consentToPublish: letter.consentToPublish,
      declineCallback: letter.declineCallback ?? false,
      locale: letter.locale,
      submittedAt: letter.submittedAt,
    },
  })
}

/**
 * A fingerprint of the request, to tell an idempotent retry from a different letter under the same key.
 * Keyed (HMAC with the mailbox secret): the request holds the contact fields in clear, and a plain hash
 * stored beside the letter would let whoever reads the store test guesses of them.
 */
export function requestFingerprint(input: SubmitLetter, secret: Buffer): string {
  // `declineCallback: false` is the default: the same request as one without it (and the fingerprint of a
  // letter stored before the field existed stays what it was). `true` changes the request like any field.
  const keys = Object.keys(input).filter((k) => !(k === 'declineCallback' && input.declineCallback === false))
  const canonical = JSON.stringify(keys.sort().map((k) => [k, input[k as keyof SubmitLetter]]))
  return createHmac('sha256', secret).update(`fingerprint:${canonical}`).digest('hex')
}
