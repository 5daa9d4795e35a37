import Type from 'typebox'
import { Nullable, Timestamp } from './common.ts'

export const CallbackItemView = Type.Object({
  callbackId: Type.String(),
  callId: Type.String(),
  reason: Type.Enum(['abandoned', 'no-answer', 'voicemail', 'failed', 'busy']),
  callerMasked: Type.String(),
  caller: Type.Optional(Type.String({ description: 'clear, for hotline_operator only' })),
  createdAt: Timestamp,
  dueAt: Timestamp,
  overdue: Type.Boolean(),
  status: Type.Enum(['open', 'claimed', 'done', 'unreachable']),
  claimedBy: Nullable(Type.String()),
  attempts: Type.Array(
    Type.Object({
      n: Type.Integer(),
      at: Timestamp,
      outcome: Type.Enum(['answered', 'no_answer', 'busy', 'wrong_number']),
      operatorId: Type.String(),
      callId: Nullable(Type.String()),
    }),
  ),
  loggedCallId: Nullable(Type.String()),
})

export const CallbackList = Type.Object({
  items: Type.Array(CallbackItemView),
  nextCursor: Nullable(Type.String()),
})

export const CallbackListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(['open', 'claimed', 'done', 'unreachable'])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)

export const AttemptBody = Type.Object(
  {
    outcome: Type.Enum(['answered', 'no_answer', 'busy', 'wrong_number']),
    callId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  { additionalProperties: false },
)

export const PlacedCall = Type.Object({ callId: Type.String() })
