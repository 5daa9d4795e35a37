// The callback surveys (回访) and the case. Out: `tracking.callback-due` in the same write as a reply reaching
// the citizen (approved, answered on the spot, or a merged case given its lead's reply), so that the callbacks
// service may phone the citizen; the number travels sealed as the case keeps it, never opened here. In: the
// survey's outcome (`callbacks.survey-completed` / `-unreachable`) on the case's timeline, once per task and
// outcome however often delivered, and a dissatisfied survey reopening the case for rework (重办) when the
// callbacks policy asks for it, as the citizen's own dissatisfied rating does. Pure.
import { createHash } from 'node:crypto'
import { type EventEnvelope, TrackingEvents } from '@tingjian/contracts'
import { appendEntry, FIELD_CIPHER_PREFIX, headOf } from '@tingjian/kit'
import { type Exec, rework } from './commands/handler.ts'
import { dueProvisionalOf } from './deadlines.ts'
import {
  type Calendar,
  type CaseCallback,
  type CaseState,
  type Citizen,
  type Context,
  caseChanged,
  type DueDays,
  type EntryDraft,
  type Outcome,
} from './model.ts'

export const CALLBACK_ACTIONS = {
  completed: 'callback_completed',
  unreachable: 'callback_unreachable',
} as const

const SEALED_PREFIX = `${FIELD_CIPHER_PREFIX}:`

/**
 * The citizen's number as the event carries it: the case's sealed value as it is (never opened); a number
 * the case holds in clear is sealed with `seal` when given, else not announced. Null without a number.
 */
export function sealedPhone(citizen: Citizen, seal?: (phone: string) => string): string | null {
  const phone = citizen.phone
  if (!phone) return null
  if (phone.startsWith(SEALED_PREFIX)) return phone
  return seal ? seal(phone) : null
}

/**
 * `tracking.callback-due` for a reply published at `repliedAt` on the case as it stood before the reply
 * (its rework count is that of this round; `previousRating` the rating that sent it back, after a rework).
 */
export function callbackDueEvent(
  c: CaseState,
  ctx: Pick<Context, 'now' | 'correlationId' | 'causationId' | 'sealPhone'>,
  departmentId: string | null,
  repliedAt: string,
): EventEnvelope {
  const concerns = c.concerns ?? null
  return TrackingEvents.callbackDue.create({
    subject: c._id,
    occurredAt: ctx.now,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId,
    data: {
      caseId: c._id,
      trackingCode: c.trackingCode,
      channel: c.channel,
      originId: c.originId,
      category: c.category,
      departmentId,
      office: concerns?.office ?? null,
      window: concerns?.window ?? null,
      staffNumber: concerns?.staffNumber ?? null,
      phone: sealedPhone(c.citizen, ctx.sealPhone),
      contactDeclined: c.contactDeclined ?? false,
      reworkCount: c.reworkCount,
      previousRating: c.reworkCount > 0 ? (c.reworkRating ?? null) : null,
      repliedAt,
    },
  })
}

/** Whether a merged case has a citizen of its own to call back (an anonymous or poll case has none). */
export const hasOwnCitizen = (c: Pick<CaseState, 'citizen'>): boolean =>
  Object.values(c.citizen).some((v) => typeof v === 'string' && v.length > 0)

/** The callbacks service's task id of a case's callback in one round of handling (its design's rule). */
export const callbackTaskIdFor = (caseId: string, reworkCount: number): string =>
  `cbt_${createHash('sha256').update(`case:${caseId}:${reworkCount}`).digest('hex').slice(0, 32)}`

/** The round (rework count) a callback task of this case was for; null when the id is not of that rule. */
export function roundOf(c: Pick<CaseState, '_id' | 'reworkCount'>, taskId: string): number | null {
  for (let round = c.reworkCount; round >= 0; round--) {
    if (callbackTaskIdFor(c._id, round) === taskId) return round
  }
  return null
}

/** What a survey event says to its case. */
export interface SurveyNotice {
  taskId: string
  outcome: CaseCallback['outcome']
  /** Completed: the satisfaction level heard (or null); unreachable: null. */
  satisfaction: CaseCallback['satisfaction']
  /** The timeline entry's note: the satisfaction level, or the reason the citizen was not reached. */
  note: string | null
  /** The callbacks policy asks to reopen the case for rework (a dissatisfied survey). */
  reopenCase: boolean
  /** The officer who asked the questions (null: the automated line, or nobody reached). */
  officerId: string | null
  at: string
}

export interface SurveyContext {
  now: Date
  calendar: Calendar
  dueDays?: DueDays
  correlationId?: string
  causationId?: string | null
}

const REOPENABLE = new Set<CaseState['status']>(['replied', 'closed'])

/**
 * The survey on the case: `callback_completed` (public) or `callback_unreachable` (internal) and the callback
 * in the case's list; with `reopenCase`, a replied or closed case is reopened for rework (a `reopened` entry)
 * unless the survey was about an earlier round that has since been reworked. Null when this task's outcome
 * is already recorded.
 */
export function recordSurvey(c: CaseState, n: SurveyNotice, ctx: SurveyContext): Outcome | null {
  const recorded = c.callbacks ?? []
  if (recorded.some((k) => k.taskId === n.taskId && k.outcome === n.outcome)) return null
  const now = ctx.now
  const at = now.toISOString()
  const actorId = n.officerId
  const actorRole = n.officerId ? 'callback_agent' : 'system'
  const round = roundOf(c, n.taskId)
  const reopen =
    n.outcome === 'completed' &&
    n.reopenCase &&
    REOPENABLE.has(c.status) &&
    (round === null || round === c.reworkCount)
  const x: Exec = { actorId, actorRole, ctx: { ...ctx, now }, now, at }
  const entries: EntryDraft[] = [
    {
      action: CALLBACK_ACTIONS[n.outcome],
      note: n.note,
      public: n.outcome === 'completed',
    },
    ...(reopen ? [{ action: 'reopened', note: null, public: true }] : []),
  ]
  const callback: CaseCallback = {
    taskId: n.taskId,
    outcome: n.outcome,
    satisfaction: n.satisfaction,
    at: n.at,
  }
  let timeline = c.timeline
  for (const e of entries) timeline = appendEntry(timeline, { ...e, at, actorId, actorRole })
  const next: CaseState = {
    ...c,
    ...(reopen ? rework(c, x, 'dissatisfied') : {}),
    callbacks: [...recorded, callback],
    timeline,
    ...headOf(timeline),
    version: c.version + 1,
  }
  // the rework's new due date may be counted across a year no table covers, as `decide` records
  if (reopen) next.dueProvisional = dueProvisionalOf(next, ctx.calendar, ctx.dueDays)
  const changed = caseChanged(next, CALLBACK_ACTIONS[n.outcome], c.status, actorId, now, ctx)
  return { ok: true, case: next, events: [changed] }
}
