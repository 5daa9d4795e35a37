// A call's life on the hotline: the state machine driven by the provider's webhooks and the operators,
// and the events it announces. Pure: (call, input, now) → the next call and its events, or null when
// nothing changes (a repeated or late webhook), so that a duplicate has its effect once.
import { createHash } from 'node:crypto'
import { type EventEnvelope, HotlineEvents } from '@tingjian/contracts'
import type { CallStatus, CallWebhook } from '@tingjian/telephony'
import type { CallLog } from './call-log.ts'
import type { CallbackItem } from './callback.ts'
import type { CallerFields } from './phone.ts'

/**
 * - `ringing`: the provider announced it; nothing decided yet.
 * - `queued`: waiting for an operator (`queuedAt` orders the queue).
 * - `connecting`: claimed by an operator, whose phone is being rung.
 * - `in-progress`: talking (inbound: to the operator; outbound: the callee answered).
 * - `voicemail`: out of hours, recording a message.
 * - `ended`: over; `endReason` says how.
 */
export const CALL_STATES = ['ringing', 'queued', 'connecting', 'in-progress', 'voicemail', 'ended'] as const
export type CallState = (typeof CALL_STATES)[number]
export type EndReason = 'answered' | 'abandoned' | 'no-answer' | 'busy' | 'failed' | 'voicemail'
export type MissedReason = Exclude<EndReason, 'answered'>

export interface RecordingMeta {
  recordingId: string
  durationSeconds: number
  status: 'in-progress' | 'completed' | 'absent' | 'failed'
  /** When the audio was deleted after the retention period (the metadata stays). */
  deletedAt: string | null
}

/** A call document (collection `calls`; `_id` = callId). */
export interface CallDoc {
  callId: string
  /** The provider's id of the call (leg); the document id derives from it. */
  providerCallId: string
  direction: 'inbound' | 'outbound'
  state: CallState
  endReason: EndReason | null
  caller: CallerFields
  afterHours: boolean
  receivedAt: string
  /** When the caller joined the queue; kept when an operator's leg fails and the caller goes back to the front. */
  queuedAt: string | null
  answeredAt: string | null
  endedAt: string | null
  waitSeconds: number
  talkSeconds: number
  operatorId: string | null
  /** The provider's latest status; statuses only move forward (see STATUS_RANK). */
  providerStatus: CallStatus
  voicemail: RecordingMeta | null
  recording: RecordingMeta | null
  log: CallLog | null
  /** The callback item of a missed inbound call. */
  callback: CallbackItem | null
  /** Outbound callback calls: the id of the call they call back, and which attempt placed them. */
  callbackFor: string | null
  /** Outbound callback calls: how the citizen's leg ended (the provider's dial status). */
  dialOutcome: string | null
}

export interface Change {
  call: CallDoc
  events: EventEnvelope[]
}

/** The document id of a provider's call: derived, so that the same webhook twice is one call. */
export function callIdOf(providerCallId: string): string {
  return `call_${createHash('sha256').update(`call:${providerCallId}`).digest('hex').slice(0, 32)}`
}

/** Provider statuses in the order a call goes through them; a status of a lower rank is stale. */
const STATUS_RANK: Record<CallStatus, number> = {
  queued: 0,
  initiated: 0,
  ringing: 1,
  'in-progress': 2,
  completed: 3,
  busy: 3,
  'no-answer': 3,
  failed: 3,
  canceled: 3,
}
const isFinal = (s: CallStatus) => STATUS_RANK[s] === 3

const seconds = (from: string, to: Date | string) =>
  Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 1000))

function blankCall(
  w: Pick<CallWebhook, 'callId' | 'direction' | 'status'>,
  caller: CallerFields,
  now: Date,
): CallDoc {
  return {
    callId: callIdOf(w.callId),
    providerCallId: w.callId,
    direction: w.direction,
    state: 'ringing',
    endReason: null,
    caller,
    afterHours: false,
    receivedAt: now.toISOString(),
    queuedAt: null,
    answeredAt: null,
    endedAt: null,
    waitSeconds: 0,
    talkSeconds: 0,
    operatorId: null,
    providerStatus: w.status,
    voicemail: null,
    recording: null,
    log: null,
    callback: null,
    callbackFor: null,
    dialOutcome: null,
  }
}

/**
 * A new inbound call: queued at once in service hours (the script greets and enqueues, no menu), else
 * offered a voicemail. Its `hotline.call-received`.
 */
export function newInboundCall(w: CallWebhook, caller: CallerFields, afterHours: boolean, now: Date): Change {
  const call: CallDoc = {
    ...blankCall(w, caller, now),
    state: afterHours ? 'voicemail' : 'queued',
    afterHours,
    queuedAt: afterHours ? null : now.toISOString(),
  }
  return { call, events: [callReceivedEvent(call)] }
}

/** A new outbound call (a callback placed by an operator), calling back `callbackFor`. */
export function newOutboundCall(
  providerCallId: string,
  caller: CallerFields,
  callbackFor: string | null,
  operatorId: string | null,
  now: Date,
): Change {
  const call: CallDoc = {
    ...blankCall({ callId: providerCallId, direction: 'outbound', status: 'initiated' }, caller, now),
    callbackFor,
    operatorId,
  }
  return { call, events: [callReceivedEvent(call)] }
}

/**
 * Fills in what a later writer knows about an outbound call created first by a status webhook (which
 * arrived before the route that placed it stored it). Null when already known.
 */
export function outboundKnown(call: CallDoc, callbackFor: string, operatorId: string, caller: CallerFields) {
  if (call.callbackFor === callbackFor && call.operatorId === operatorId && call.caller.hash === caller.hash)
    return null
  return { ...call, callbackFor, operatorId, caller }
}

/** The end of a call: its reason, times, and for a missed inbound call its callback item (due by `dueAt`). */
export function endCall(
  call: CallDoc,
  reason: EndReason,
  now: Date,
  missed: (reason: MissedReason) => CallbackItem | null,
  talk?: { answeredAt: string; talkSeconds: number },
): Change {
  const answeredAt = reason === 'answered' ? (talk?.answeredAt ?? call.answeredAt ?? now.toISOString()) : null
  const endedAt = now.toISOString()
  const next: CallDoc = {
    ...call,
    state: 'ended',
    endReason: reason,
    answeredAt,
    endedAt,
    waitSeconds: seconds(call.receivedAt, answeredAt ?? endedAt),
    talkSeconds: answeredAt ? (talk?.talkSeconds ?? seconds(answeredAt, endedAt)) : 0,
  }
  const events: EventEnvelope[] = [callEndedEvent(next)]
  if (reason !== 'answered' && call.direction === 'inbound' && !call.callback) {
    const item = missed(reason)
    if (item) {
      next.callback = item
      events.push(callMissedEvent(next, item))
    }
  }
  return { call: next, events }
}

/** How a call ended when the provider says it is over, by where it was. */
function reasonOnFinal(call: CallDoc, status: CallStatus): EndReason {
  if (call.direction === 'outbound') {
    if (call.answeredAt || call.state === 'in-progress') return 'answered'
    if (status === 'busy') return 'busy'
    if (status === 'failed') return 'failed'
    return 'no-answer'
  }
  if (status === 'failed') return 'failed'
  switch (call.state) {
    case 'in-progress':
      return 'answered'
    case 'connecting':
      // the caller hung up while an operator's phone rang
      return 'no-answer'
    case 'voicemail':
      return call.voicemail ? 'voicemail' : 'abandoned'
    default:
      return 'abandoned'
  }
}

/**
 * A status callback. A status not later than the one stored changes nothing (a repeat, or a late one
 * overtaken by a later); a final one ends the call unless something else ended it first.
 */
export function applyStatus(
  call: CallDoc,
  status: CallStatus,
  now: Date,
  missed: (reason: MissedReason) => CallbackItem | null,
): Change | null {
  if (STATUS_RANK[status] <= STATUS_RANK[call.providerStatus]) return null
  const moved: CallDoc = { ...call, providerStatus: status }
  if (isFinal(status)) {
    if (call.state === 'ended') return { call: moved, events: [] }
    return endCall(moved, reasonOnFinal(call, status), now, missed)
  }
  if (status === 'in-progress' && call.direction === 'outbound' && call.state === 'ringing') {
    return { call: { ...moved, state: 'in-progress', answeredAt: now.toISOString() }, events: [] }
  }
  return { call: moved, events: [] }
}

/** The caller left the queue: hung up (abandoned → callback list); other results change nothing here. */
export function leftQueue(
  call: CallDoc,
  result: CallWebhook['queueResult'],
  now: Date,
  missed: (reason: MissedReason) => CallbackItem | null,
): Change | null {
  if (result !== 'hangup' || call.state !== 'queued') return null
  return endCall(call, 'abandoned', now, missed)
}

/** "Answer next": the waiting call is claimed for the operator. Null when it no longer waits. */
export function claimCall(call: CallDoc, operatorId: string): CallDoc | null {
  if (call.state !== 'queued') return null
  return { ...call, state: 'connecting', operatorId }
}

/**
 * The operator's leg failed (not answered, busy, the bridge could not be made): the caller goes back to
 * the queue at the front — `queuedAt` is kept, so the call is again the oldest.
 */
export function requeue(call: CallDoc, operatorId: string): CallDoc | null {
  if (call.state !== 'connecting' || call.operatorId !== operatorId) return null
  return { ...call, state: 'queued', operatorId: null }
}

/**
 * The operator picked up (the answered status callback of the leg the connect script dialled): the call is
 * being talked, answered now, after waiting since it was received. Only a call still connecting — to this
 * operator, when the callback names one — moves: a repeated, late (the call requeued, claimed by another,
 * ended) or stale callback changes nothing, and nothing moves a call back.
 */
export function operatorAnswered(call: CallDoc, now: Date, operatorId?: string): CallDoc | null {
  if (call.state !== 'connecting') return null
  if (operatorId !== undefined && call.operatorId !== operatorId) return null
  const answeredAt = now.toISOString()
  return { ...call, state: 'in-progress', answeredAt, waitSeconds: seconds(call.receivedAt, answeredAt) }
}

/**
 * The dial to the operator ended. Answered (`completed`/`answered`): the talk is over and the call ends
 * answered, its answer time the one the operator's leg reported (`operatorAnswered`), or — from a
 * provider that sent no leg status — worked back from the talk's duration. Otherwise
 * the caller goes back to the queue (`requeue`).
 */
export function dialEnded(
  call: CallDoc,
  operatorId: string,
  dial: { status: CallWebhook['dialStatus']; durationSeconds?: number | undefined },
  now: Date,
  missed: (reason: MissedReason) => CallbackItem | null,
): { change: Change | null; answered: boolean } {
  const answered = dial.status === 'completed' || dial.status === 'answered'
  if (!answered) {
    const back = requeue(call, operatorId)
    return { change: back ? { call: back, events: [] } : null, answered }
  }
  if (call.state === 'ended' || call.operatorId !== operatorId) return { change: null, answered }
  const talkSeconds = dial.durationSeconds ?? 0
  const answeredAt = call.answeredAt ?? new Date(now.getTime() - talkSeconds * 1000).toISOString()
  return { change: endCall(call, 'answered', now, missed, { answeredAt, talkSeconds }), answered }
}

/** A voicemail was left: its metadata; the call ends as `voicemail` (→ callback list). */
export function voicemailLeft(
  call: CallDoc,
  recording: { id: string; durationSeconds: number },
  now: Date,
  missed: (reason: MissedReason) => CallbackItem | null,
): Change | null {
  if (call.voicemail) return null
  const withMessage: CallDoc = {
    ...call,
    voicemail: {
      recordingId: recording.id,
      durationSeconds: recording.durationSeconds,
      status: 'completed',
      deletedAt: null,
    },
  }
  if (call.state === 'ended') return { call: withMessage, events: [] }
  return endCall(withMessage, 'voicemail', now, missed)
}

/** A recording's status callback: the metadata of the voicemail or the call's recording. */
export function recordingReported(
  call: CallDoc,
  kind: 'voicemail' | 'recording',
  recording: { id: string; durationSeconds: number; status?: RecordingMeta['status'] | undefined },
): CallDoc | null {
  const current = call[kind]
  const status = recording.status ?? 'completed'
  if (current && current.recordingId === recording.id && current.status === status) return null
  if (current && current.recordingId !== recording.id) return null
  return {
    ...call,
    [kind]: {
      recordingId: recording.id,
      durationSeconds: recording.durationSeconds,
      status,
      deletedAt: current?.deletedAt ?? null,
    },
  }
}

/** Recordings whose audio is older than the retention period and not yet deleted. */
export function expiredRecordings(
  call: CallDoc,
  now: Date,
  retentionDays: number,
): Array<'voicemail' | 'recording'> {
  if (now.getTime() - new Date(call.receivedAt).getTime() < retentionDays * 86_400_000) return []
  return (['voicemail', 'recording'] as const).filter((k) => call[k] && !call[k]?.deletedAt)
}

export function isRecordingExpired(call: CallDoc, now: Date, retentionDays: number): boolean {
  return now.getTime() - new Date(call.receivedAt).getTime() >= retentionDays * 86_400_000
}

// ---- events -------------------------------------------------------------------------------------

export function callReceivedEvent(call: CallDoc): EventEnvelope {
  return HotlineEvents.callReceived.create({
    subject: call.callId,
    occurredAt: new Date(call.receivedAt),
    data: {
      callId: call.callId,
      direction: call.direction,
      ...(call.caller.normalisedSealed ? { callerPhone: call.caller.normalisedSealed } : {}),
      callerHash: call.caller.hash,
      afterHours: call.afterHours,
      receivedAt: call.receivedAt,
    },
  })
}

export function callEndedEvent(call: CallDoc): EventEnvelope {
  const endedAt = call.endedAt ?? call.receivedAt
  return HotlineEvents.callEnded.create({
    subject: call.callId,
    occurredAt: new Date(endedAt),
    data: {
      callId: call.callId,
      direction: call.direction,
      reason: call.endReason ?? 'abandoned',
      waitSeconds: call.waitSeconds,
      talkSeconds: call.talkSeconds,
      operatorId: call.operatorId,
      receivedAt: call.receivedAt,
      endedAt,
    },
  })
}

export function callMissedEvent(call: CallDoc, item: CallbackItem): EventEnvelope {
  return HotlineEvents.callMissed.create({
    subject: call.callId,
    occurredAt: new Date(item.createdAt),
    data: {
      callId: call.callId,
      callbackId: item.callbackId,
      reason: item.reason,
      callerHash: call.caller.hash,
      dueAt: item.dueAt,
      at: item.createdAt,
    },
  })
}
