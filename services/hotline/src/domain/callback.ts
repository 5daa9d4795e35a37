// The callback list (回拨): a missed call's item, due within N service hours; claimed by an operator,
// called back, each attempt recorded; three failed attempts on different half-days close it as
// unreachable. The item lives inside its call's document, so that the call's end and its item are one
// write. Pure.
import { createHash } from 'node:crypto'
import { halfDayOf, UNREACHABLE_AFTER } from '@tingjian/calendar'
import { type EventEnvelope, HotlineEvents } from '@tingjian/contracts'
import type { CallDoc, MissedReason } from './call.ts'

export type CallbackStatus = 'open' | 'claimed' | 'done' | 'unreachable'
export type AttemptOutcome = 'answered' | 'no_answer' | 'busy' | 'wrong_number'

export interface CallbackAttempt {
  n: number
  at: string
  outcome: AttemptOutcome
  operatorId: string
  /** The outbound call of the attempt, when it went through the line. */
  callId: string | null
}

export interface CallbackItem {
  callbackId: string
  reason: MissedReason
  createdAt: string
  dueAt: string
  status: CallbackStatus
  claimedBy: string | null
  attempts: CallbackAttempt[]
  /** The call logged for this item (the callback's outbound call or the missed call itself). */
  loggedCallId: string | null
  closedAt: string | null
}

/** The item's id: derived from the call's, so that one call never has two items. */
export function callbackIdOf(callId: string): string {
  return `cb_${createHash('sha256').update(`callback:${callId}`).digest('hex').slice(0, 32)}`
}

export function newCallbackItem(callId: string, reason: MissedReason, now: Date, dueAt: Date): CallbackItem {
  return {
    callbackId: callbackIdOf(callId),
    reason,
    createdAt: now.toISOString(),
    dueAt: dueAt.toISOString(),
    status: 'open',
    claimedBy: null,
    attempts: [],
    loggedCallId: null,
    closedAt: null,
  }
}

export type CallbackRefusal = 'claimed-by-other' | 'closed' | 'not-claimed'

export type CallbackResult = { item: CallbackItem } | { refused: CallbackRefusal }

const closed = (item: CallbackItem) => item.status === 'done' || item.status === 'unreachable'

/** Claims the item for `userId` (claiming one's own claim again changes nothing). */
export function claimCallback(item: CallbackItem, userId: string): CallbackResult {
  if (closed(item)) return { refused: 'closed' }
  if (item.status === 'claimed' && item.claimedBy !== userId) return { refused: 'claimed-by-other' }
  return { item: { ...item, status: 'claimed', claimedBy: userId } }
}

/** Gives the claim back (only its holder, or an administrator). */
export function releaseCallback(item: CallbackItem, userId: string, isAdmin: boolean): CallbackResult {
  if (closed(item)) return { refused: 'closed' }
  if (item.status !== 'claimed') return { item }
  if (item.claimedBy !== userId && !isAdmin) return { refused: 'claimed-by-other' }
  return { item: { ...item, status: 'open', claimedBy: null } }
}

/**
 * Records an attempt (claiming an open item for the caller): `answered` closes the item as done; a
 * wrong number closes it as unreachable at once (calling it again cannot help); no answer or busy on
 * the third different half-day closes it as unreachable.
 */
export function recordAttempt(
  item: CallbackItem,
  attempt: { outcome: AttemptOutcome; operatorId: string; callId: string | null },
  now: Date,
): CallbackResult {
  const claim = claimCallback(item, attempt.operatorId)
  if ('refused' in claim) return claim
  const at = now.toISOString()
  const attempts = [...item.attempts, { n: item.attempts.length + 1, at, ...attempt }]
  const failedHalfDays = new Set(
    attempts
      .filter((a) => a.outcome === 'no_answer' || a.outcome === 'busy')
      .map((a) => halfDayOf(new Date(a.at))),
  )
  let status: CallbackStatus = claim.item.status
  if (attempt.outcome === 'answered') status = 'done'
  else if (attempt.outcome === 'wrong_number' || failedHalfDays.size >= UNREACHABLE_AFTER)
    status = 'unreachable'
  return {
    item: {
      ...claim.item,
      attempts,
      status,
      closedAt: status === 'done' || status === 'unreachable' ? at : null,
    },
  }
}

/** Whether the item is past its due time and still open or claimed. */
export function isOverdue(item: CallbackItem, now: Date): boolean {
  return !closed(item) && new Date(item.dueAt).getTime() < now.getTime()
}

export function callbackAttemptedEvent(call: CallDoc, item: CallbackItem): EventEnvelope {
  const last = item.attempts[item.attempts.length - 1]
  if (!last) throw new Error('an attempted callback has an attempt')
  return HotlineEvents.callbackAttempted.create({
    subject: call.callId,
    occurredAt: new Date(last.at),
    data: {
      callbackId: item.callbackId,
      callId: call.callId,
      attempt: last.n,
      outcome: last.outcome,
      operatorId: last.operatorId,
      itemStatus: item.status === 'claimed' ? 'open' : item.status,
      at: last.at,
    },
  })
}
