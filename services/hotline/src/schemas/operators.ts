import Type from 'typebox'
import { Nullable, Timestamp } from './common.ts'

/** An operator's phone (E.164) or soft-phone identity (`client:<id>`). */
export const Endpoint = Type.String({
  maxLength: 80,
  pattern: '^(\\+[1-9][0-9]{6,14}|client:[A-Za-z0-9_.-]{1,64})$',
})

export const OperatorMe = Type.Object({
  userId: Type.String(),
  available: Type.Boolean(),
  endpoint: Nullable(Type.String()),
  since: Nullable(Timestamp),
})

export const SetOperator = Type.Object(
  { available: Type.Boolean(), endpoint: Type.Optional(Endpoint) },
  { additionalProperties: false },
)

export const OperatorList = Type.Object({
  items: Type.Array(
    Type.Object({
      userId: Type.String(),
      available: Type.Boolean(),
      since: Nullable(Timestamp),
      currentCallId: Nullable(Type.String()),
    }),
  ),
})
