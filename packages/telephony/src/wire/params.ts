// Twilio's webhook parameters (CallSid, CallStatus, …) read into the port's CallWebhook / SmsStatusWebhook.
import {
  CALL_STATUSES,
  type CallStatus,
  type CallWebhook,
  SMS_STATUSES,
  type SmsStatus,
  type SmsStatusWebhook,
  TelephonyError,
} from '../port.ts'

type Params = Readonly<Record<string, string | undefined>>

const QUEUE_RESULTS = [
  'bridged',
  'hangup',
  'redirected',
  'leave',
  'error',
  'system-error',
  'queue-full',
] as const
const DIAL_STATUSES = ['completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled'] as const
const RECORDING_STATUSES = ['in-progress', 'completed', 'absent', 'failed'] as const

function invalid(message: string): TelephonyError {
  return new TelephonyError('invalid_webhook', message, false, 400)
}

function required(params: Params, name: string): string {
  const value = params[name]
  if (value === undefined || value === '') throw invalid(`${name} is missing`)
  return value
}

function oneOf<T extends string>(params: Params, name: string, values: readonly T[]): T | undefined {
  const value = params[name]
  if (value === undefined || value === '') return undefined
  if (!(values as readonly string[]).includes(value)) throw invalid(`${name} is not a known value`)
  return value as T
}

// Counts and durations are non-negative integers; anything else is a malformed webhook, not a zero.
function count(params: Params, name: string): number | undefined {
  const value = params[name]
  if (value === undefined || value === '') return undefined
  if (!/^\d{1,9}$/.test(value)) throw invalid(`${name} is not a whole number`)
  return Number(value)
}

function direction(value: string): CallWebhook['direction'] {
  if (value === 'inbound') return 'inbound'
  // outbound-api: a call placed through the REST API; outbound-dial: a leg created by <Dial>.
  if (value.startsWith('outbound')) return 'outbound'
  throw invalid('Direction is not a known value')
}

function answeredBy(value: string | undefined): CallWebhook['answeredBy'] {
  if (value === undefined || value === '') return undefined
  if (value === 'human' || value === 'fax' || value === 'unknown') return value
  // machine_start, machine_end_beep, machine_end_silence, machine_end_other
  if (value.startsWith('machine')) return 'machine'
  throw invalid('AnsweredBy is not a known value')
}

/** A verified voice webhook's parameters; throws TelephonyError('invalid_webhook', 400) on bad input. */
export function parseCallParams(params: Params): CallWebhook {
  const callId = required(params, 'CallSid')
  // A recording status callback (recordingStatusCallback of <Record>/<Dial>) carries the CallSid and the
  // Recording* fields but neither CallStatus, Direction, From nor To. The port's CallWebhook requires a
  // status and a direction, so such a callback reads as an inbound call 'in-progress': its handler must
  // read `recording` only. (Reported to the port's owner: status and direction could be optional.)
  const recordingCallback = Boolean(params.RecordingSid) && !params.CallStatus
  const status = recordingCallback ? 'in-progress' : oneOf<CallStatus>(params, 'CallStatus', CALL_STATUSES)
  if (status === undefined) throw invalid('CallStatus is missing')
  const webhook: CallWebhook = {
    callId,
    direction: recordingCallback && !params.Direction ? 'inbound' : direction(required(params, 'Direction')),
    from: params.From ?? '',
    to: params.To ?? '',
    status,
  }
  if (params.ParentCallSid) webhook.parentCallId = params.ParentCallSid
  const duration = count(params, 'CallDuration')
  if (duration !== undefined) webhook.durationSeconds = duration
  const sequence = count(params, 'SequenceNumber')
  if (sequence !== undefined) webhook.sequenceNumber = sequence
  if (params.Digits !== undefined) webhook.digits = params.Digits
  const position = count(params, 'QueuePosition')
  if (position !== undefined) webhook.queuePosition = position
  const queueSeconds = count(params, 'QueueTime')
  if (queueSeconds !== undefined) webhook.queueSeconds = queueSeconds
  const queueResult = oneOf(params, 'QueueResult', QUEUE_RESULTS)
  if (queueResult !== undefined) webhook.queueResult = queueResult
  const dialStatus = oneOf(params, 'DialCallStatus', DIAL_STATUSES)
  if (dialStatus !== undefined) webhook.dialStatus = dialStatus
  if (params.DialCallSid) webhook.dialCallId = params.DialCallSid
  const dialDuration = count(params, 'DialCallDuration')
  if (dialDuration !== undefined) webhook.dialDurationSeconds = dialDuration
  if (params.RecordingSid) {
    const recordingStatus = oneOf(params, 'RecordingStatus', RECORDING_STATUSES)
    webhook.recording = {
      id: params.RecordingSid,
      durationSeconds: count(params, 'RecordingDuration') ?? 0,
      ...(recordingStatus === undefined ? {} : { status: recordingStatus }),
    }
  }
  const answered = answeredBy(params.AnsweredBy)
  if (answered !== undefined) webhook.answeredBy = answered
  return webhook
}

/** A verified SMS status callback's parameters; throws TelephonyError('invalid_webhook', 400) on bad input. */
export function parseSmsStatusParams(params: Params): SmsStatusWebhook {
  const messageId = required(params, 'MessageSid')
  const status = oneOf<SmsStatus>(params, 'MessageStatus', SMS_STATUSES)
  if (status === undefined) throw invalid('MessageStatus is missing')
  return { messageId, status, ...(params.ErrorCode ? { errorCode: params.ErrorCode } : {}) }
}
