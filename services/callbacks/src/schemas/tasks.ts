// The tasks' requests and answers: the queue, one task with its script, claims, reveal, call, attempts.
// No answer carries the applicant's number or name in clear (reveal is the one route that opens it).
import Type, { type Static } from 'typebox'
import { ATTEMPT_OUTCOMES, STAFF_OUTCOMES, TASK_MODES, TASK_STATUSES } from '../collections.ts'
import { SATISFACTION_LEVELS } from '../domain/answers.ts'
import { Instant, Nullable, ServiceType, Text, Version } from './common.ts'
import { ScriptView } from './scripts.ts'

export const AnswersInput = Type.Object(
  {
    feeCorrect: Type.Optional(Nullable(Type.Boolean())),
    amountPaid: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1_000_000, multipleOf: 0.01 }))),
    attitude: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 5 }))),
    promiseKept: Type.Optional(Nullable(Type.Boolean())),
    satisfaction: Type.Optional(Nullable(Type.Enum(SATISFACTION_LEVELS))),
    comment: Type.Optional(Nullable(Text(2000))),
  },
  {
    additionalProperties: false,
    description: 'what the citizen said; a question not asked or not answered is null',
  },
)
export type AnswersInput = Static<typeof AnswersInput>

export const AnswersView = Type.Object({
  feeCorrect: Nullable(Type.Boolean()),
  amountPaid: Nullable(Type.Number()),
  attitude: Nullable(Type.Integer()),
  promiseKept: Nullable(Type.Boolean()),
  satisfaction: Nullable(Type.Enum(SATISFACTION_LEVELS)),
  comment: Nullable(Type.String()),
})

export const AttemptBody = Type.Object(
  {
    version: Type.Optional(Version),
    outcome: Type.Enum(STAFF_OUTCOMES),
    at: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'call_back_later: when the citizen asked (calling hours)',
      }),
    ),
    note: Type.Optional(Text(500, "the officer's note (no numbers or names)")),
    answers: Type.Optional(AnswersInput),
  },
  { additionalProperties: false },
)
export type AttemptBody = Static<typeof AttemptBody>

export const VersionBody = Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false })
export type VersionBody = Static<typeof VersionBody>

export const TaskView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  subjectKind: Type.Enum(['case', 'service_record']),
  caseId: Nullable(Type.String()),
  trackingCode: Nullable(Type.String()),
  serviceRecord: Nullable(Type.Object({ source: Type.String(), recordId: Type.String() })),
  serviceType: Type.String(),
  departmentId: Type.String(),
  office: Nullable(Type.String()),
  window: Nullable(Type.String()),
  staffNumber: Nullable(Type.String()),
  phoneMasked: Type.String(),
  /** The applicant's name masked (`张*`), records only. */
  applicantNameMasked: Nullable(Type.String()),
  samplingRate: Type.Number(),
  stratum: Type.String(),
  mode: Type.Enum(TASK_MODES),
  status: Type.Enum(TASK_STATUSES),
  dueFrom: Instant,
  notBefore: Nullable(Instant),
  claim: Nullable(Type.Object({ by: Type.String(), at: Instant })),
  attempts: Type.Array(
    Type.Object({
      n: Type.Integer(),
      at: Instant,
      by: Nullable(Type.String()),
      channel: Type.Enum(['staff', 'automated']),
      outcome: Type.Enum(ATTEMPT_OUTCOMES),
      callId: Nullable(Type.String()),
      note: Nullable(Type.String()),
      callBackAt: Type.Optional(Nullable(Instant)),
    }),
  ),
  answers: Nullable(AnswersView),
  reveals: Type.Array(Type.Object({ by: Type.String(), at: Instant })),
  calls: Type.Array(
    Type.Object({
      by: Type.String(),
      at: Instant,
      callId: Type.String(),
      attempt: Type.Integer(),
      dialStatus: Type.Optional(Nullable(Type.String())),
    }),
  ),
  createdAt: Instant,
  closedAt: Nullable(Instant),
  closedReason: Nullable(Type.Enum(['unreachable', 'wrong_number', 'refused'])),
})
export type TaskView = Static<typeof TaskView>

/** The service record a task is about, without the applicant's data. */
export const RecordSummary = Type.Object({
  source: Type.String(),
  recordId: Type.String(),
  serviceType: Type.String(),
  office: Type.String(),
  window: Nullable(Type.String()),
  staffNumber: Nullable(Type.String()),
  feeCharged: Type.Number(),
  feeSchedule: Type.Number(),
  promisedDays: Type.Integer(),
  completedAt: Instant,
})

export const TaskDetail = Type.Object({
  task: TaskView,
  script: ScriptView,
  record: Nullable(RecordSummary),
})

export const TaskList = Type.Object({ items: Type.Array(TaskView), nextCursor: Nullable(Type.String()) })

export const TaskQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(TASK_STATUSES)),
    mode: Type.Optional(Type.Enum(TASK_MODES)),
    mine: Type.Optional(Type.Boolean({ description: 'only the tasks the caller holds' })),
    serviceType: Type.Optional(ServiceType),
    caseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
)
export type TaskQuery = Static<typeof TaskQuery>

export const Revealed = Type.Object({ phone: Type.String(), task: TaskView })
export const PlacedCall = Type.Object({ callId: Type.String(), attempt: Type.Integer(), task: TaskView })
