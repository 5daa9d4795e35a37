// The shapes of calls: the summary, the call card, the log form and its answer.
import {
  CALL_LOG_OUTCOMES,
  LETTER_CATEGORIES,
  NOT_A_MATTER_REASONS,
  REFERRAL_TARGETS,
} from '@tingjian/contracts'
import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'
import { CALL_STATES } from '../domain/call.ts'
import { Nullable, SAFE_TEXT, Timestamp } from './common.ts'

const EndReason = Type.Enum(['answered', 'abandoned', 'no-answer', 'busy', 'failed', 'voicemail'])

export const CallSummary = Type.Object({
  callId: Type.String(),
  direction: Type.Enum(['inbound', 'outbound']),
  status: Type.Enum(CALL_STATES),
  endReason: Nullable(EndReason),
  callerMasked: Type.String(),
  receivedAt: Timestamp,
  endedAt: Nullable(Timestamp),
  waitSeconds: Type.Number(),
  talkSeconds: Type.Number(),
  operatorId: Nullable(Type.String()),
  logged: Type.Boolean(),
  outcome: Nullable(Type.Enum(CALL_LOG_OUTCOMES)),
})
export type CallSummary = Static<typeof CallSummary>

export const CallLogView = Type.Object({
  outcome: Type.Enum(CALL_LOG_OUTCOMES),
  operatorId: Type.String(),
  loggedAt: Timestamp,
  trackingCode: Nullable(Type.String()),
  category: Nullable(Type.Enum(LETTER_CATEGORIES)),
  subject: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  urgency: Type.Enum(['normal', 'urgent']),
  anonymous: Type.Boolean(),
  consentToPublish: Type.Boolean(),
  named: Type.Boolean(),
  answer: Nullable(Type.String()),
  addedToExisting: Type.Boolean(),
  referral: Nullable(
    Type.Object({ to: Type.Enum(REFERRAL_TARGETS), body: Nullable(Type.String()), reason: Type.String() }),
  ),
  notAMatter: Nullable(
    Type.Object({ reason: Type.Enum(NOT_A_MATTER_REASONS), note: Nullable(Type.String()) }),
  ),
})

export const CallCard = Type.Object({
  callId: Type.String(),
  direction: Type.Enum(['inbound', 'outbound']),
  status: Type.Enum(CALL_STATES),
  endReason: Nullable(EndReason),
  caller: Type.String({ description: 'clear for hotline_operator, masked for every other role' }),
  callerMasked: Type.String(),
  receivedAt: Timestamp,
  answeredAt: Nullable(Timestamp),
  endedAt: Nullable(Timestamp),
  waitSeconds: Type.Number(),
  talkSeconds: Type.Number(),
  operatorId: Nullable(Type.String()),
  afterHours: Type.Boolean(),
  voicemail: Nullable(
    Type.Object({ durationSeconds: Type.Number(), transcript: Type.Optional(Type.String()) }),
  ),
  recording: Nullable(Type.Object({ durationSeconds: Type.Number() })),
  log: Nullable(CallLogView),
  callbackId: Nullable(Type.String()),
  callbackFor: Nullable(Type.String()),
  history: Type.Object({ calls: Type.Array(CallSummary) }),
})
export type CallCard = Static<typeof CallCard>

export const CallList = Type.Object({ items: Type.Array(CallSummary), nextCursor: Nullable(Type.String()) })

export const CallListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(CALL_STATES)),
    direction: Type.Optional(Type.Enum(['inbound', 'outbound'])),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)

export const LogCallBody = Type.Object(
  {
    outcome: Type.Enum(CALL_LOG_OUTCOMES),
    category: Type.Optional(Type.Enum(LETTER_CATEGORIES)),
    subject: Type.Optional(OneLine({ minLength: 1, maxLength: 200 })),
    summary: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000, pattern: SAFE_TEXT })),
    urgency: Type.Optional(Type.Enum(['normal', 'urgent'])),
    name: Type.Optional(OneLine({ minLength: 1, maxLength: 50 })),
    anonymous: Type.Optional(Type.Boolean()),
    consentToPublish: Type.Optional(Type.Boolean()),
    answer: Type.Optional(Type.String({ minLength: 1, maxLength: 5000, pattern: SAFE_TEXT })),
    addToTrackingCode: Type.Optional(Type.String({ pattern: '^[0-9A-HJ-NP-Z]{10}$' })),
    referral: Type.Optional(
      Type.Object(
        {
          to: Type.Enum(REFERRAL_TARGETS),
          body: Type.Optional(OneLine({ minLength: 1, maxLength: 100 })),
          reason: Type.String({ minLength: 1, maxLength: 1000, pattern: SAFE_TEXT }),
        },
        { additionalProperties: false },
      ),
    ),
    notAMatter: Type.Optional(
      Type.Object(
        {
          reason: Type.Enum(NOT_A_MATTER_REASONS),
          note: Type.Optional(Type.String({ maxLength: 1000, pattern: SAFE_TEXT })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)
export type LogCallBody = Static<typeof LogCallBody>

export const LogReceipt = Type.Object({
  callId: Type.String(),
  outcome: Type.Enum(CALL_LOG_OUTCOMES),
  trackingCode: Type.Optional(Type.String()),
  accessKey: Type.Optional(Type.String({ description: 'shown once, to be read out to the caller' })),
})
