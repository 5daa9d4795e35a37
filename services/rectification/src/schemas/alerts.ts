// Trend alerts: the list's query, one alert (with its problems), and the officers' actions.
import { ALERT_LEVELS } from '@tingjian/contracts'
import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'
import { ProblemView } from './problems.ts'

const Instant = Type.String({ format: 'date-time' })
const Nullable = <T extends Type.TSchema>(s: T) => Type.Union([s, Type.Null()])
export const ALERT_STATUSES = ['open', 'acknowledged', 'ordered', 'dismissed'] as const

export const AlertParams = Type.Object(
  { id: Type.String({ pattern: '^ralt_[0-9a-f]{1,59}$' }) },
  { additionalProperties: false },
)
export type AlertParams = Static<typeof AlertParams>

export const AlertQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(ALERT_STATUSES)),
    departmentId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
)
export type AlertQuery = Static<typeof AlertQuery>

export const AlertView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  level: Type.Enum(ALERT_LEVELS),
  departmentId: Type.String(),
  departmentName: Nullable(Type.String()),
  office: Nullable(Type.String()),
  window: Nullable(Type.String()),
  staffNumber: Nullable(Type.String()),
  problemIds: Type.Array(Type.String()),
  threshold: Type.Integer(),
  windowDays: Type.Integer(),
  status: Type.Enum(ALERT_STATUSES),
  raisedAt: Instant,
  updatedAt: Instant,
  acknowledged: Nullable(Type.Object({ by: Type.String(), at: Instant })),
  dismissed: Nullable(Type.Object({ by: Type.String(), at: Instant, reason: Type.String() })),
  orderId: Nullable(Type.String()),
})
export type AlertView = Static<typeof AlertView>

export const AlertList = Type.Object({ items: Type.Array(AlertView), nextCursor: Nullable(Type.String()) })

/** One alert with its evidence (withdrawn problems shown as such). */
export const AlertDetail = Type.Object({ ...AlertView.properties, problems: Type.Array(ProblemView) })

export const AcknowledgeAlert = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
)
export type AcknowledgeAlert = Static<typeof AcknowledgeAlert>

export const DismissAlert = Type.Object(
  { version: Type.Integer({ minimum: 1 }), reason: OneLine({ maxLength: 2000 }) },
  { additionalProperties: false },
)
export type DismissAlert = Static<typeof DismissAlert>
