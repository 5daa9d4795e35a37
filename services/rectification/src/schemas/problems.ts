// Problems: the list's query, one problem as staff see it, and a problem recorded by hand.

import { PROBLEM_KINDS, PROBLEM_SOURCE_KINDS, ProblemPlace, TrackingCode } from '@tingjian/contracts'
import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'

const Id = Type.String({ minLength: 1, maxLength: 128 })
const Instant = Type.String({ format: 'date-time' })
const Nullable = <T extends Type.TSchema>(s: T) => Type.Union([s, Type.Null()])

export const ProblemId = Type.String({ pattern: '^[A-Za-z0-9_:.-]{1,128}$' })
export const ProblemParams = Type.Object({ id: ProblemId }, { additionalProperties: false })
export type ProblemParams = Static<typeof ProblemParams>

export const ProblemQuery = Type.Object(
  {
    departmentId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    kind: Type.Optional(Type.Enum(PROBLEM_KINDS)),
    office: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    window: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    staffNumber: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z-]{1,20}$' })),
    /** occurredAt at or after. */
    from: Type.Optional(Instant),
    /** occurredAt before. */
    to: Type.Optional(Instant),
    withdrawn: Type.Optional(Type.Boolean()),
    inOrder: Type.Optional(Type.Boolean()),
    alertId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** The problems found in one case (its ratings, its finding, its 通报). */
    caseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
)
export type ProblemQuery = Static<typeof ProblemQuery>

export const ProblemView = Type.Object({
  id: Id,
  version: Type.Integer(),
  kind: Type.Enum(PROBLEM_KINDS),
  summary: Type.String(),
  source: Type.Object({
    kind: Type.Enum(PROBLEM_SOURCE_KINDS),
    id: Type.String(),
    trackingCode: Nullable(Type.String()),
  }),
  reportedBy: Type.String(),
  reportedById: Nullable(Type.String()),
  departmentId: Type.String(),
  departmentName: Nullable(Type.String()),
  office: Nullable(Type.String()),
  window: Nullable(Type.String()),
  staffNumber: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  evidenceUrl: Nullable(Type.String()),
  occurredAt: Instant,
  receivedAt: Instant,
  alertId: Nullable(Type.String()),
  orderId: Nullable(Type.String()),
  /** Set when an appeal against it was upheld ("withdrawn on appeal"): out of every KPI and alert count. */
  withdrawn: Nullable(Type.Object({ appealId: Type.String(), reason: Type.String(), at: Instant })),
})
export type ProblemView = Static<typeof ProblemView>

export const ProblemList = Type.Object({
  items: Type.Array(ProblemView),
  nextCursor: Nullable(Type.String()),
})

/** A problem recorded by hand from a case: the case's id or tracking code (at least one). */
export const NewProblem = Type.Object(
  {
    caseId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' })),
    trackingCode: Type.Optional(TrackingCode),
    kind: Type.Enum(PROBLEM_KINDS),
    summary: OneLine({ maxLength: 300 }),
    departmentId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
    office: Type.Optional(ProblemPlace.office),
    window: Type.Optional(ProblemPlace.window),
    staffNumber: Type.Optional(ProblemPlace.staffNumber),
    /** When it happened (default: now); not in the future. */
    occurredAt: Type.Optional(Instant),
  },
  { additionalProperties: false },
)
export type NewProblem = Static<typeof NewProblem>
