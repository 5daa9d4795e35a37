// Logging a call: the rules per outcome (what each needs, what it must not carry), the log kept on the
// call and its `hotline.call-logged` event. Pure.
import { type EventEnvelope, HotlineEvents } from '@tingjian/contracts'
import type { LogCallBody } from '../schemas/calls.ts'
import type { CallDoc } from './call.ts'

export type Outcome = LogCallBody['outcome']
export type FieldError = { path: string; message: string }

/** The log as the call keeps it (the caller's name, when given, only sealed and only in the event). */
export interface CallLog {
  outcome: Outcome
  operatorId: string
  loggedAt: string
  /** The case opened (case, answered_on_spot) or added to (addToTrackingCode). */
  trackingCode: string | null
  category: NonNullable<LogCallBody['category']> | null
  subject: string | null
  summary: string | null
  urgency: 'normal' | 'urgent'
  anonymous: boolean
  consentToPublish: boolean
  /** Whether a name was given (the name itself travels sealed in the event only). */
  named: boolean
  answer: string | null
  addedToExisting: boolean
  referral: { to: '110' | '12345' | 'other'; body: string | null; reason: string } | null
  notAMatter: { reason: 'silent' | 'nuisance' | 'wrong_number' | 'other'; note: string | null } | null
}

export interface PreparedLog {
  outcome: Outcome
  category: NonNullable<LogCallBody['category']> | null
  subject: string | null
  summary: string | null
  urgency: 'normal' | 'urgent'
  name: string | null
  anonymous: boolean
  consentToPublish: boolean
  answer: string | null
  addToTrackingCode: string | null
  referral: CallLog['referral']
  notAMatter: CallLog['notAMatter']
}

const clean = (s: string | undefined) => {
  if (s === undefined) return null
  const v = s.normalize('NFC').trim()
  return v
}

/** The log's fields checked against its outcome: every missing or misplaced field named (400). */
export function prepareLog(input: LogCallBody): { log: PreparedLog } | { errors: FieldError[] } {
  const errors: FieldError[] = []
  const need = (field: 'category' | 'subject' | 'summary' | 'answer', why: string) => {
    const v = input[field]
    if (v === undefined || (typeof v === 'string' && !v.trim()))
      errors.push({ path: `body/${field}`, message: `is required ${why}` })
  }
  const only = (field: keyof LogCallBody, outcomes: Outcome[], extra = '') => {
    if (input[field] !== undefined && !outcomes.includes(input.outcome))
      errors.push({ path: `body/${field}`, message: `is only for outcome ${outcomes.join(' or ')}${extra}` })
  }
  const opensCase = input.outcome === 'case' || input.outcome === 'answered_on_spot'
  const addTo = input.addToTrackingCode !== undefined
  if (input.outcome === 'case' && addTo) {
    need('summary', 'when the call adds to an existing case')
    for (const f of ['category', 'subject'] as const)
      if (input[f] !== undefined)
        errors.push({ path: `body/${f}`, message: 'must be absent when the call adds to an existing case' })
  } else if (opensCase) {
    need('category', `for outcome ${input.outcome}`)
    need('subject', `for outcome ${input.outcome}`)
    need('summary', `for outcome ${input.outcome}`)
  }
  if (input.outcome === 'answered_on_spot') need('answer', 'for outcome answered_on_spot')
  only('answer', ['answered_on_spot'])
  only('addToTrackingCode', ['case'])
  only('referral', ['referred'])
  only('notAMatter', ['not_a_matter'])
  for (const f of ['category', 'subject', 'urgency', 'name', 'consentToPublish'] as const)
    only(f, ['case', 'answered_on_spot'])
  if (input.outcome === 'referred') {
    if (!input.referral) errors.push({ path: 'body/referral', message: 'is required for outcome referred' })
    else {
      if (!input.referral.reason.trim())
        errors.push({ path: 'body/referral/reason', message: 'must not be blank' })
      if (input.referral.to === 'other' && !input.referral.body?.trim())
        errors.push({ path: 'body/referral/body', message: "is required when the referral goes to 'other'" })
    }
  }
  if (input.outcome === 'not_a_matter' && !input.notAMatter)
    errors.push({ path: 'body/notAMatter', message: 'is required for outcome not_a_matter' })
  const anonymous = input.anonymous ?? false
  if (anonymous && input.name !== undefined)
    errors.push({ path: 'body/name', message: 'must be absent when the caller stays anonymous' })
  if (input.name !== undefined && !input.name.trim())
    errors.push({ path: 'body/name', message: 'must not be blank' })
  if (errors.length) return { errors }
  return {
    log: {
      outcome: input.outcome,
      category: input.category ?? null,
      subject: clean(input.subject),
      summary: clean(input.summary),
      urgency: input.urgency ?? 'normal',
      name: clean(input.name),
      anonymous,
      consentToPublish: input.consentToPublish ?? false,
      answer: clean(input.answer),
      addToTrackingCode: input.addToTrackingCode ?? null,
      referral: input.referral
        ? {
            to: input.referral.to,
            body: clean(input.referral.body) ?? null,
            reason: input.referral.reason.trim(),
          }
        : null,
      notAMatter: input.notAMatter
        ? { reason: input.notAMatter.reason, note: clean(input.notAMatter.note) ?? null }
        : null,
    },
  }
}

/** Whether the outcome opens a case in tracking (and so gets a tracking code and an access key). */
export const opensCase = (log: PreparedLog) =>
  (log.outcome === 'case' || log.outcome === 'answered_on_spot') && log.addToTrackingCode === null

export function callLogOf(
  prepared: PreparedLog,
  operatorId: string,
  now: Date,
  trackingCode: string | null,
): CallLog {
  return {
    outcome: prepared.outcome,
    operatorId,
    loggedAt: now.toISOString(),
    trackingCode: trackingCode ?? prepared.addToTrackingCode,
    category: prepared.category,
    subject: prepared.subject,
    summary: prepared.summary,
    urgency: prepared.urgency,
    anonymous: prepared.anonymous,
    consentToPublish: prepared.consentToPublish,
    named: prepared.name !== null,
    answer: prepared.answer,
    addedToExisting: prepared.addToTrackingCode !== null,
    referral: prepared.referral,
    notAMatter: prepared.notAMatter,
  }
}

/** The call with its log; null when it has one already (a second log is refused: 409). */
export function logCall(call: CallDoc, log: CallLog): CallDoc | null {
  if (call.log) return null
  return { ...call, log }
}

/** What the new case needs beyond the log: the access key (sealed and hashed) and the name, sealed. */
export interface CaseSecrets {
  accessKeyHash: string
  accessKeySealed: string
  nameSealed: string | null
}

/** `hotline.call-logged`: the case to open (sealed contact fields), the case to add to, or neither. */
export function callLoggedEvent(
  call: CallDoc,
  prepared: PreparedLog,
  log: CallLog,
  secrets: CaseSecrets | null,
  cause: { correlationId?: string } = {},
): EventEnvelope {
  const citizen: { name?: string; phone?: string } = {}
  if (!prepared.anonymous) {
    if (secrets?.nameSealed) citizen.name = secrets.nameSealed
    if (call.caller.normalisedSealed) citizen.phone = call.caller.normalisedSealed
  }
  return HotlineEvents.callLogged.create({
    subject: call.callId,
    occurredAt: new Date(log.loggedAt),
    ...(cause.correlationId ? { correlationId: cause.correlationId } : {}),
    data: {
      callId: call.callId,
      outcome: log.outcome,
      operatorId: log.operatorId,
      loggedAt: log.loggedAt,
      receivedAt: call.receivedAt,
      callerHash: call.caller.hash,
      ...(secrets && log.trackingCode && prepared.category && prepared.subject && prepared.summary
        ? {
            case: {
              trackingCode: log.trackingCode,
              accessKeyHash: secrets.accessKeyHash,
              accessKey: secrets.accessKeySealed,
              category: prepared.category,
              subject: prepared.subject,
              summary: prepared.summary,
              urgency: prepared.urgency,
              anonymous: prepared.anonymous,
              consentToPublish: prepared.consentToPublish,
              locale: 'zh-CN',
              citizen,
              ...(prepared.answer ? { answer: prepared.answer } : {}),
            },
          }
        : {}),
      ...(prepared.addToTrackingCode && prepared.summary
        ? { addTo: { trackingCode: prepared.addToTrackingCode, summary: prepared.summary } }
        : {}),
      ...(prepared.referral
        ? {
            referral: {
              to: prepared.referral.to,
              ...(prepared.referral.body ? { body: prepared.referral.body } : {}),
              reason: prepared.referral.reason,
            },
          }
        : {}),
      ...(prepared.notAMatter
        ? {
            notAMatter: {
              reason: prepared.notAMatter.reason,
              ...(prepared.notAMatter.note ? { note: prepared.notAMatter.note } : {}),
            },
          }
        : {}),
    },
  })
}
