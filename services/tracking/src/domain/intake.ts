// A case opened from an intake event: a letter from the director's mailbox, a call logged on the hotline
// (opened, answered on the spot, or added to an existing case), a poll's free-text answer escalated by staff.
import { createHash } from 'node:crypto'
import type { EventEnvelope, HotlineEvents, MailboxEvents, PollsEvents, Static } from '@tingjian/contracts'
import { appendEntry, headOf } from '@tingjian/kit'
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

export type LetterSubmitted = Static<(typeof MailboxEvents.letterSubmitted)['data']>
export type CallLogged = Static<(typeof HotlineEvents.callLogged)['data']>
export type CallCase = NonNullable<CallLogged['case']>
export type CommentEscalated = Static<(typeof PollsEvents.commentEscalated)['data']>

/** The case id of an intake item: the same letter always gives the same case (redelivery is a duplicate). */
export function caseIdFor(channel: string, originId: string): string {
  return `case_${createHash('sha256').update(`${channel}:${originId}`).digest('hex').slice(0, 32)}`
}

/** What an intake item says about its case; everything else starts as every new case does. */
interface Intake {
  channel: CaseState['channel']
  originId: string
  trackingCode: string
  accessKeyHash: string
  category: CaseState['category']
  subject: string
  body: string
  anonymous: boolean
  consentToPublish: boolean
  locale?: string | undefined
  region?: string | undefined
  urgency?: CaseState['urgency']
  /** The citizen asked not to be phoned about the answer (letters only). */
  contactDeclined?: boolean
  /** In clear: hashed and masked here; the consumer seals the case's before it is stored. */
  citizen: Citizen
  submittedAt: string
  /** Recorded as the case's department while it waits for the dispatcher (who may see it is set by assignment). */
  departmentId?: string | null
  /** The timeline's first entry. */
  opened: { actorId: string | null; actorRole: string; note: string | null }
}

/** A new case, `received`, at version 1, its timeline opened; the same for every channel. */
function newCase(x: Intake, piiKey: string): CaseState {
  const c: CaseState = {
    _id: caseIdFor(x.channel, x.originId),
    version: 1,
    trackingCode: x.trackingCode,
    accessKeyHash: x.accessKeyHash,
    channel: x.channel,
    originId: x.originId,
    category: x.category,
    subject: x.subject,
    body: x.body,
    anonymous: x.anonymous,
    consentToPublish: x.consentToPublish,
    locale: x.locale ?? null,
    region: x.region ?? null,
    ...(x.urgency ? { urgency: x.urgency } : {}),
    contactDeclined: x.contactDeclined ?? false,
    citizen: x.citizen,
    citizenMasked: maskCitizen(x.citizen),
    phoneHash: x.citizen.phone ? piiHash(piiKey, 'phone', x.citizen.phone) : null,
    idNumberHash: x.citizen.idNumber ? piiHash(piiKey, 'idNumber', x.citizen.idNumber) : null,
    searchTerms: searchTerms(x.subject),
    status: 'received',
    submittedAt: x.submittedAt,
    acceptedAt: null,
    signDueAt: null,
    dueAt: null,
    departmentId: x.departmentId ?? null,
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
    timeline: appendEntry([], { at: x.submittedAt, action: 'opened', public: true, ...x.opened }),
  }
  Object.assign(c, headOf(c.timeline))
  return c
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
  const c = newCase(
    {
      ...letter,
      channel: 'mailbox',
      originId: letter.letterId,
      // absent in letters sent before it existed (and in version 1): not declined
      contactDeclined: letter.declineCallback ?? false,
      citizen: letter.anonymous ? {} : letter.citizen,
      opened: { actorId: null, actorRole: 'system', note: null },
    },
    piiKey,
  )
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
  /** Seals the caller's number for the answer's `tracking.callback-due` (the case holds it in clear here). */
  sealPhone?: (phone: string) => string,
): { case: CaseState; events: EventEnvelope[] } | { refused: string } {
  const k = call.case
  const operator = operatorOf(call)
  const c = newCase(
    {
      ...k,
      channel: 'hotline',
      originId: call.callId,
      body: k.summary,
      citizen: k.anonymous ? {} : pickCallCitizen(k.citizen),
      submittedAt: call.receivedAt,
      opened: { actorId: operator.id, actorRole: 'hotline_operator', note: null },
    },
    piiKey,
  )
  const ctx = { correlationId: cause.correlationId, causationId: cause.id, dueDays }
  const opened = caseChanged(c, 'opened', null, operator.id, now, ctx)
  if (call.outcome !== 'answered_on_spot') return { case: c, events: [opened] }
  if (!k.answer) return { refused: 'answered on the spot without an answer' }
  const out = decide(c, { type: 'answer', text: k.answer }, operator, { ...ctx, now, calendar, sealPhone })
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
  const c = newCase(
    {
      ...credentials,
      channel: 'poll',
      originId: comment.commentId,
      category: comment.category,
      subject: comment.subject,
      body: comment.text,
      anonymous: true,
      // the voter agreed to nothing beyond the poll: the case is not published
      consentToPublish: false,
      citizen: {},
      submittedAt: comment.escalatedAt,
      departmentId: comment.departmentId,
      // where the text came from, for the dispatcher and the handler (the poll and its question are public)
      opened: { actorId: comment.escalatedBy, actorRole: 'poll_manager', note: pollNote(comment) },
    },
    '',
  )
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
