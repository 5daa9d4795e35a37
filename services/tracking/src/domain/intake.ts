// A case opened from an intake event (a letter from the director's mailbox).
import { createHash } from 'node:crypto'
import type { EventEnvelope, MailboxEvents, Static } from '@tingjian/contracts'
import { type CaseState, caseChanged, type DueDays } from './model.ts'
import { maskCitizen, piiHash, searchTerms } from './privacy.ts'
import { appendEntry, headOf } from './timeline.ts'

export type LetterSubmitted = Static<(typeof MailboxEvents.letterSubmitted)['data']>

/** The case id of an intake item: the same letter always gives the same case (redelivery is a duplicate). */
export function caseIdFor(channel: string, originId: string): string {
  return `case_${createHash('sha256').update(`${channel}:${originId}`).digest('hex').slice(0, 32)}`
}

/**
 * The case of a letter whose contact fields are in clear (the consumer opens them first and seals the
 * case's before it is stored).
 */
export function openFromLetter(
  letter: LetterSubmitted,
  piiKey: string,
  now: Date,
  cause: Pick<EventEnvelope, 'id' | 'correlationId'>,
  dueDays?: DueDays,
): { case: CaseState; events: EventEnvelope[] } {
  const id = caseIdFor('mailbox', letter.letterId)
  const citizen = letter.anonymous ? {} : letter.citizen
  const c: CaseState = {
    _id: id,
    version: 1,
    trackingCode: letter.trackingCode,
    accessKeyHash: letter.accessKeyHash,
    channel: 'mailbox',
    originId: letter.letterId,
    category: letter.category,
    subject: letter.subject,
    body: letter.body,
    anonymous: letter.anonymous,
    consentToPublish: letter.consentToPublish,
    locale: letter.locale ?? null,
    region: letter.region ?? null,
    citizen,
    citizenMasked: maskCitizen(citizen),
    phoneHash: citizen.phone ? piiHash(piiKey, 'phone', citizen.phone) : null,
    idNumberHash: citizen.idNumber ? piiHash(piiKey, 'idNumber', citizen.idNumber) : null,
    searchTerms: searchTerms(letter.subject),
    status: 'received',
    submittedAt: letter.submittedAt,
    acceptedAt: null,
    signDueAt: null,
    dueAt: null,
    departmentId: null,
    supportingDepartmentIds: [],
    departmentIds: [],
    assigneeId: null,
    escalationLevel: 0,
    escalatedAt: null,
    extension: null,
    extendedDays: 0,
    returned: null,
    draftReply: null,
    reply: null,
    repliedAt: null,
    closedAt: null,
    onTime: null,
    rating: null,
    reworkCount: 0,
    notAcceptedReason: null,
    mergedInto: null,
    mergedCaseIds: [],
    timeline: appendEntry([], {
      at: letter.submittedAt,
      actorId: null,
      actorRole: 'system',
      action: 'opened',
      note: null,
      public: true,
    }),
  }
  Object.assign(c, headOf(c.timeline))
  return {
    case: c,
    events: [
      caseChanged(c, 'opened', null, null, now, {
        correlationId: cause.correlationId,
        causationId: cause.id,
        dueDays,
      }),
    ],
  }
}
