// The complaint and report hotline's events. The subject of every event is the call id (`call_…`), so one
// call's events stay in order; a callback item's events use the id of the call it calls back.
import Type from 'typebox'
import type { EventCatalogue } from '../catalogue.ts'
import { Category, Id, Sealed, Timestamp, TrackingCode } from './common.ts'

/** A keyed hash of the caller's normalised number (FieldCipher.hash(phone, 'phone')): the history's key. */
const PhoneHash = Type.String({
  minLength: 1,
  maxLength: 128,
  description: "keyed hash of the caller's number",
})

export const CALL_END_REASONS = ['answered', 'abandoned', 'no-answer', 'busy', 'failed', 'voicemail'] as const
export const CALL_LOG_OUTCOMES = ['answered_on_spot', 'case', 'referred', 'not_a_matter'] as const
export const REFERRAL_TARGETS = ['110', '12345', 'other'] as const
export const NOT_A_MATTER_REASONS = ['silent', 'nuisance', 'wrong_number', 'other'] as const
export const CALLBACK_ATTEMPT_OUTCOMES = ['answered', 'no_answer', 'busy', 'wrong_number'] as const
export const URGENCIES = ['normal', 'urgent'] as const

export function defineHotlineEvents(c: EventCatalogue) {
  return {
    callReceived: c.define({
      type: 'hotline.call-received',
      version: 1,
      source: 'hotline',
      description:
        'A call reached the hotline (or an operator placed a callback). The number is sealed; consumers keep it sealed and out of logs.',
      data: Type.Object({
        callId: Id,
        direction: Type.Enum(['inbound', 'outbound']),
        callerPhone: Type.Optional(Sealed('normalised caller number')),
        callerHash: Type.Union([PhoneHash, Type.Null()]),
        /** Outside service hours: the caller was offered a voicemail instead of the queue. */
        afterHours: Type.Boolean(),
        receivedAt: Timestamp,
      }),
    }),
    callEnded: c.define({
      type: 'hotline.call-ended',
      version: 1,
      source: 'hotline',
      description:
        'A call ended: how (answered, abandoned in the queue, not answered, busy, failed, voicemail), how long the caller waited and talked, and who answered. For the dashboard; no personal data.',
      data: Type.Object({
        callId: Id,
        direction: Type.Enum(['inbound', 'outbound']),
        reason: Type.Enum(CALL_END_REASONS),
        /** Seconds from arrival to answer (or to hanging up when not answered). */
        waitSeconds: Type.Number({ minimum: 0 }),
        talkSeconds: Type.Number({ minimum: 0 }),
        operatorId: Type.Union([Id, Type.Null()]),
        receivedAt: Timestamp,
        endedAt: Timestamp,
      }),
    }),
    callMissed: c.define({
      type: 'hotline.call-missed',
      version: 1,
      source: 'hotline',
      description:
        'A call the line missed (abandoned in the queue, not answered, or a voicemail) is on the callback list, due by `dueAt`.',
      data: Type.Object({
        callId: Id,
        callbackId: Id,
        reason: Type.Enum(['abandoned', 'no-answer', 'voicemail', 'failed', 'busy']),
        callerHash: Type.Union([PhoneHash, Type.Null()]),
        dueAt: Timestamp,
        at: Timestamp,
      }),
    }),
    callLogged: c.define({
      type: 'hotline.call-logged',
      version: 1,
      source: 'hotline',
      description:
        'An operator logged a call. `case` and `answered_on_spot` open a case in tracking (channel hotline; the case id derives from the call id); `addTo` adds the call to an existing case instead; `referred` and `not_a_matter` open nothing. The access key travels sealed so that the SMS to the caller can carry it; tracking keeps only its hash.',
      data: Type.Object({
        callId: Id,
        outcome: Type.Enum(CALL_LOG_OUTCOMES),
        operatorId: Id,
        loggedAt: Timestamp,
        /** When the call itself was received (the case's submission time). */
        receivedAt: Timestamp,
        callerHash: Type.Union([PhoneHash, Type.Null()]),
        /** Outcomes `case` and `answered_on_spot`: the case to open. */
        case: Type.Optional(
          Type.Object({
            trackingCode: TrackingCode,
            accessKeyHash: Type.String({
              pattern: '^sha256:[0-9a-f]{64}$',
              description: 'SHA-256 of the access key',
            }),
            accessKey: Sealed('the access key, for the SMS to the caller'),
            category: Category,
            subject: Type.String({ minLength: 1, maxLength: 200 }),
            summary: Type.String({ minLength: 1, maxLength: 20_000 }),
            urgency: Type.Enum(URGENCIES),
            anonymous: Type.Boolean(),
            consentToPublish: Type.Boolean(),
            locale: Type.Optional(Type.String({ maxLength: 10 })),
            region: Type.Optional(Type.String({ maxLength: 20 })),
            citizen: Type.Object({
              name: Type.Optional(Sealed('name')),
              phone: Type.Optional(Sealed('normalised phone number')),
            }),
            /** `answered_on_spot`: the answer the operator gave, published as the case's reply. */
            answer: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
          }),
        ),
        /** The call adds to this existing case (a follow-up call) instead of opening one. */
        addTo: Type.Optional(
          Type.Object({
            trackingCode: TrackingCode,
            summary: Type.String({ minLength: 1, maxLength: 20_000 }),
          }),
        ),
        referral: Type.Optional(
          Type.Object({
            to: Type.Enum(REFERRAL_TARGETS),
            body: Type.Optional(
              Type.String({ maxLength: 100, description: 'the other body, when `to` is other' }),
            ),
            reason: Type.String({ minLength: 1, maxLength: 1000 }),
          }),
        ),
        notAMatter: Type.Optional(
          Type.Object({
            reason: Type.Enum(NOT_A_MATTER_REASONS),
            note: Type.Optional(Type.String({ maxLength: 1000 })),
          }),
        ),
      }),
    }),
    callbackAttempted: c.define({
      type: 'hotline.callback-attempted',
      version: 1,
      source: 'hotline',
      description:
        'An operator tried to call back a missed caller: the outcome of the attempt and the state of the callback item after it (three failed attempts on different half-days: unreachable).',
      data: Type.Object({
        callbackId: Id,
        callId: Id,
        attempt: Type.Integer({ minimum: 1 }),
        outcome: Type.Enum(CALLBACK_ATTEMPT_OUTCOMES),
        operatorId: Id,
        itemStatus: Type.Enum(['open', 'done', 'unreachable']),
        at: Timestamp,
      }),
    }),
  }
}
