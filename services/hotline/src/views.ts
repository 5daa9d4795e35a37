// What staff see of calls and callback items: the number in clear for the operator role only, masked for
// every other role (issue 11: "clear for the operator role only").
import type { StaffClaims } from '@tingjian/kit'
import type { Calls } from './calls-store.ts'
import type { CallDoc } from './domain/call.ts'
import { isOverdue } from './domain/callback.ts'
import { openField, type Sealer } from './domain/phone.ts'
import type { CallCard, CallSummary } from './schemas/calls.ts'

export const seesNumbers = (user: StaffClaims) => user.roles.includes('hotline_operator')

export function callSummary(call: CallDoc): CallSummary {
  return {
    callId: call.callId,
    direction: call.direction,
    status: call.state,
    endReason: call.endReason,
    callerMasked: call.caller.masked,
    receivedAt: call.receivedAt,
    endedAt: call.endedAt,
    waitSeconds: call.waitSeconds,
    talkSeconds: call.talkSeconds,
    operatorId: call.operatorId,
    logged: call.log !== null,
    outcome: call.log?.outcome ?? null,
  }
}

const callerOf = (call: CallDoc, user: StaffClaims, cipher: Sealer) =>
  seesNumbers(user) && call.caller.sealed ? openField(call.caller.sealed, cipher) : call.caller.masked

/** The call card, with the caller's earlier calls (found by the number's keyed hash), newest first. */
export async function callCard(
  call: CallDoc,
  user: StaffClaims,
  calls: Calls,
  cipher: Sealer,
): Promise<CallCard> {
  const history = call.caller.hash
    ? (
        await calls.find(
          { 'caller.hash': call.caller.hash, receivedAt: { $lt: call.receivedAt } },
          { sort: [['receivedAt', -1]], limit: 20 },
        )
      ).items
    : []
  return {
    ...callSummary(call),
    caller: callerOf(call, user, cipher),
    answeredAt: call.answeredAt,
    afterHours: call.afterHours,
    voicemail:
      call.voicemail && !call.voicemail.deletedAt
        ? { durationSeconds: call.voicemail.durationSeconds }
        : null,
    recording:
      call.recording && !call.recording.deletedAt
        ? { durationSeconds: call.recording.durationSeconds }
        : null,
    log: call.log,
    callbackId: call.callback?.callbackId ?? null,
    callbackFor: call.callbackFor,
    history: { calls: history.map(callSummary) },
  }
}

export function callbackView(call: CallDoc, user: StaffClaims, cipher: Sealer, now: Date) {
  const item = call.callback
  if (!item) throw new Error('a callback view needs a callback item')
  return {
    callbackId: item.callbackId,
    callId: call.callId,
    reason: item.reason,
    callerMasked: call.caller.masked,
    ...(seesNumbers(user) && call.caller.sealed ? { caller: openField(call.caller.sealed, cipher) } : {}),
    createdAt: item.createdAt,
    dueAt: item.dueAt,
    overdue: isOverdue(item, now),
    status: item.status,
    claimedBy: item.claimedBy,
    attempts: item.attempts,
    loggedCallId: item.loggedCallId,
  }
}
