// A case opened from an intake event: a letter from the director's mailbox, a call logged on the hotline
// (opened, answered on the spot, or added to an existing case), a poll's free-text answer escalated by staff.
import { createHash } from 'node:crypto'
import type { EventEnvelope, HotlineEvents, MailboxEvents, PollsEvents, Static } from '@tingjian/contracts'
import { decide } from './case.ts'
import {
  type Calendar,
  type CaseState,
  type Citizen,
  caseChanged,
  type DueDays,
  type Outcome,
  type StaffActor,
} from './model.ts'
import { maskCitizen, piiHash, searchTerms } from './privacy.ts'
import { appendEntry, headOf } from './timeline.ts'

export type LetterSubmitted = Static<(typeof MailboxEvents.letterSubmitted)['data']>
export type CallLogged = Static<(typeof HotlineEvents.callLogged)['data']>
export type CallCase = NonNullable<CallLogged['case']>
export type CommentEscalated = Static<(typeof PollsEvents.commentEscalated)['data']>

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

/** The operator who logged a call, as the actor of what the call does to a case. */
export const operatorOf = (call: Pick<CallLogged, 'operatorId'>): StaffActor => ({
  kind: 'staff',
  id: call.operatorId,
  roles: ['hotline_operator'],
  departmentId: null,
})

/** The timeline action of a follow-up call added to an existing case. */
export const CALL_ADDED = 'hotline_call_added'

/**
 * The case of a call logged with outcome `case` or `answered_on_spot`, its caller's name and phone in
 * clear (the consumer opens the sealed fields first and seals the case's before it is stored). Answered
 * on the spot (即时办结), the case is opened and answered in the same write: the `answer` command's effect
 * (replied, the operator's answer as the public reply, `tracking.case-replied`) on the opened case, all
 * of it at version 1 since it is one insert. Refused when an answer is missing or not allowed.
 */
export function openFromCall(
  call: CallLogged & { case: CallCase & { citizen: Citizen } },
  piiKey: string,
  now: Date,
  cause: Pick<EventEnvelope, 'id' | 'correlationId'>,
  calendar: Calendar,
  dueDays?: DueDays,
): { case: CaseState; events: EventEnvelope[] } | { refused: string } {
  const k = call.case
  const citizen: Citizen = k.anonymous ? {} : pickCallCitizen(k.citizen)
  const operator = operatorOf(call)
  const c: CaseState = {
    ...baseCase(caseIdFor('hotline', call.callId), call.callId, k, citizen, piiKey),
    submittedAt: call.receivedAt,
    timeline: appendEntry([], {
      at: call.receivedAt,
      actorId: operator.id,
      actorRole: 'hotline_operator',
      action: 'opened',
      note: null,
      public: true,
    }),
  }
  Object.assign(c, headOf(c.timeline))
  const ctx = { correlationId: cause.correlationId, causationId: cause.id, dueDays }
  const opened = caseChanged(c, 'opened', null, operator.id, now, ctx)
  if (call.outcome !== 'answered_on_spot') return { case: c, events: [opened] }
  if (!k.answer) return { refused: 'answered on the spot without an answer' }
  const out = decide(c, { type: 'answer', text: k.answer }, operator, { ...ctx, now, calendar })
  if (!out.ok) return { refused: out.refusal.detail }
  // one insert: the answered case is stored at version 1, and its events say so
  const answered: CaseState = { ...out.case, version: 1 }
  const [, ...rest] = out.events
  return {
    case: answered,
    events: [opened, caseChanged(answered, 'answered', 'received', operator.id, now, ctx), ...rest],
  }
}

function pickCallCitizen(c: Citizen): Citizen {
  return { ...(c.name ? { name: c.name } : {}), ...(c.phone ? { phone: c.phone } : {}) }
}

function baseCase(
  id: string,
  callId: string,
  k: CallCase,
  citizen: Citizen,
  piiKey: string,
): Omit<CaseState, 'submittedAt' | 'timeline'> {
  return {
    _id: id,
    version: 1,
    trackingCode: k.trackingCode,
    accessKeyHash: k.accessKeyHash,
    channel: 'hotline',
    originId: callId,
    category: k.category,
    subject: k.subject,
    body: k.summary,
    anonymous: k.anonymous,
    consentToPublish: k.consentToPublish,
    locale: k.locale ?? null,
    region: k.region ?? null,
    urgency: k.urgency,
    citizen,
    citizenMasked: maskCitizen(citizen),
    phoneHash: citizen.phone ? piiHash(piiKey, 'phone', citizen.phone) : null,
    idNumberHash: null,
    searchTerms: searchTerms(k.subject),
    status: 'received',
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
  }
}

/**
 * A follow-up call added to an existing case: an internal timeline entry (the call's summary, the
 * operator as actor) and `tracking.case-changed`. Null when this call was already added (a redelivery,
 * or the same log in a new envelope): the case records the calls added to it.
 */
export function addCallTo(
  c: CaseState,
  call: CallLogged & { addTo: NonNullable<CallLogged['addTo']> },
  now: Date,
  cause: Pick<EventEnvelope, 'id' | 'correlationId'>,
): Outcome | null {
  const added = c.addedCallIds ?? []
  if (added.includes(call.callId)) return null
  const next: CaseState = { ...c, addedCallIds: [...added, call.callId], version: c.version + 1 }
  next.timeline = appendEntry(c.timeline, {
    action: CALL_ADDED,
    note: call.addTo.summary,
    public: false,
    at: now.toISOString(),
    actorId: call.operatorId,
    actorRole: 'hotline_operator',
  })
  Object.assign(next, headOf(next.timeline))
  const changed = caseChanged(next, CALL_ADDED, c.status, call.operatorId, now, {
    correlationId: cause.correlationId,
    causationId: cause.id,
  })
  return { ok: true, case: next, events: [changed] }
}

/** The credentials a poll case is opened with (made by the consumer: random, so not part of the pure function). */
export interface PollCaseCredentials {
  trackingCode: string
  accessKeyHash: string
}

/**
 * The case of a poll's free-text answer that staff escalated (`polls.comment-escalated`): channel `poll`,
 * one case per answer (the id derives from the comment id), anonymous — the voter left no contact, and the
 * text is the moderated one. The department the poll concerns is recorded as the case's department, but the
 * case is `received` like every new case: the dispatcher accepts and assigns it (which sets who may see it),
 * and may give it to another department. Nobody holds an access key to the case (see the consumer).
 */
export function openFromPollComment(
  comment: CommentEscalated,
  credentials: PollCaseCredentials,
  now: Date,
  cause: Pick<EventEnvelope, 'id' | 'correlationId'>,
  dueDays?: DueDays,
): { case: CaseState; events: EventEnvelope[] } {
  const c: CaseState = {
    _id: caseIdFor('poll', comment.commentId),
    version: 1,
    trackingCode: credentials.trackingCode,
    accessKeyHash: credentials.accessKeyHash,
    channel: 'poll',
    originId: comment.commentId,
    category: comment.category,
    subject: comment.subject,
    body: comment.text,
    anonymous: true,
    // the voter agreed to nothing beyond the poll: the case is not published
    consentToPublish: false,
    locale: null,
    region: null,
    citizen: {},
    citizenMasked: {},
    phoneHash: null,
    idNumberHash: null,
    searchTerms: searchTerms(comment.subject),
    status: 'received',
    submittedAt: comment.escalatedAt,
    acceptedAt: null,
    signDueAt: null,
    dueAt: null,
    departmentId: comment.departmentId,
    supportingDepartmentIds: [],
    // who may see the case is decided by the assignment, as for every case still waiting for the dispatcher
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
      at: comment.escalatedAt,
      actorId: comment.escalatedBy,
      actorRole: 'poll_manager',
      action: 'opened',
      // where the text came from, for the dispatcher and the handler (the poll and its question are public)
      note: pollNote(comment),
      public: true,
    }),
  }
  Object.assign(c, headOf(c.timeline))
  return {
    case: c,
    events: [
      caseChanged(c, 'opened', null, comment.escalatedBy, now, {
        correlationId: cause.correlationId,
        causationId: cause.id,
        dueDays,
      }),
    ],
  }
}

/** `网上民调「…」：…` — the poll's title and the question the answer was given to. */
export function pollNote(comment: Pick<CommentEscalated, 'pollTitle' | 'questionTitle'>): string {
  const question = comment.questionTitle.trim()
  return `网上民调「${comment.pollTitle}」${question ? `：${question}` : ''}`
}
