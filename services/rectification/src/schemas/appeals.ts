// The shapes of appeals (申诉): filing one, deciding one, the list.
import { APPEAL_DECISIONS } from '@tingjian/contracts'
import Type, { type Static } from 'typebox'
import { Actor, APPEAL_ID, DepartmentId, Instant, Nullable, ProblemId, Text, Version } from './common.ts'

export const APPEAL_STATUSES = ['pending', 'upheld', 'rejected'] as const

export const FileAppeal = Type.Object(
  { problemId: ProblemId, reasons: Text(4000, 'why the department believes the problem unfounded') },
  { additionalProperties: false, $id: 'FileAppeal' },
)
export type FileAppeal = Static<typeof FileAppeal>

export const DecideAppeal = Type.Object(
  { version: Version, decision: Type.Enum(APPEAL_DECISIONS), reason: Text(2000) },
  { additionalProperties: false, $id: 'DecideAppeal' },
)
export type DecideAppeal = Static<typeof DecideAppeal>

export const AppealIdParams = Type.Object(
  { appealId: Type.String({ pattern: APPEAL_ID, maxLength: 41 }) },
  { additionalProperties: false },
)

export const AppealListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(APPEAL_STATUSES)),
    departmentId: Type.Optional(DepartmentId),
    problemId: Type.Optional(ProblemId),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
)
export type AppealListQuery = Static<typeof AppealListQuery>

export const AppealView = Type.Object(
  {
    appealId: Type.String(),
    problemId: Type.String(),
    departmentId: Type.String(),
    orderId: Nullable(Type.String()),
    reasons: Type.String(),
    status: Type.Enum(APPEAL_STATUSES),
    filed: Actor,
    decided: Nullable(
      Type.Object({ by: Type.String(), role: Type.String(), at: Instant, reason: Type.String() }),
    ),
    version: Type.Integer(),
  },
  { $id: 'AppealView' },
)

export const AppealList = Type.Object(
  { items: Type.Array(AppealView), nextCursor: Nullable(Type.String()) },
  { $id: 'AppealList' },
)
