// Shapes several of rectification's routes share: ids, the version the client saw, multi-line text, the
// place of a problem or an order, the deadline.
import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'

/** Line breaks and tabs allowed; no other control characters, no bidi overrides. */
export const SAFE_TEXT =
  '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\u202A-\\u202E\\u2066-\\u2069]*$'

export const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: SAFE_TEXT, ...(description ? { description } : {}) })

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}'
export const ORDER_ID = `^rord_${UUID}$`
export const ATTACHMENT_ID = `^ratt_${UUID}$`
export const APPEAL_ID = `^rapl_${UUID}$`
/** As in the problem-found event's data. */
export const PROBLEM_ID = '^[A-Za-z0-9_:.-]{1,128}$'

export const OrderId = Type.String({ pattern: ORDER_ID, maxLength: 41 })
export const ProblemId = Type.String({ pattern: PROBLEM_ID, maxLength: 128 })
export const DepartmentId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' })
export const Instant = Type.String({ format: 'date-time' })
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()])

export const Version = Type.Integer({ minimum: 1, description: 'the version the client saw' })

export const OrderIdParams = Type.Object({ orderId: OrderId }, { additionalProperties: false })
export type OrderIdParams = Static<typeof OrderIdParams>

/** A place's fields as a request gives them (same limits as the problem-found event's). */
export const PlaceInput = {
  office: Type.Optional(Nullable(OneLine({ minLength: 1, maxLength: 100 }))),
  window: Type.Optional(Nullable(OneLine({ minLength: 1, maxLength: 50 }))),
  staffNumber: Type.Optional(Nullable(Type.String({ pattern: '^[0-9A-Za-z-]{1,20}$', maxLength: 20 }))),
}

export const Deadline = Type.Union(
  [
    Type.Object(
      { workingDays: Type.Integer({ minimum: 1, maximum: 120 }) },
      { additionalProperties: false, description: 'working days from now; due at 17:30 of the last' },
    ),
    Type.Object(
      { date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 }) },
      { additionalProperties: false, description: 'a date (Asia/Shanghai); due at 17:30 that day' },
    ),
  ],
  { description: 'default: the configured working days (15)' },
)

export const TimelineEntryView = Type.Object({
  seq: Type.Integer(),
  at: Instant,
  actorId: Nullable(Type.String()),
  actorRole: Type.String(),
  action: Type.String(),
  note: Nullable(Type.String()),
  public: Type.Boolean(),
  prevHash: Type.String(),
  hash: Type.String(),
})

export const Actor = Type.Object({ by: Type.String(), role: Type.String(), at: Instant })
