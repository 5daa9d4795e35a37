// The shapes of orders: the issue, the list, one order, the actions' bodies, the timeline's verification.
import { ORDER_LADDER_STEPS, ORDER_PRIORITIES, ORDER_STATUSES, SEND_BACK_KINDS } from '@tingjian/contracts'
import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'
import {
  Actor,
  ATTACHMENT_ID,
  Deadline,
  DepartmentId,
  Instant,
  Nullable,
  OrderId,
  PlaceInput,
  ProblemId,
  Text,
  TimelineEntryView,
  Version,
} from './common.ts'

export const IssueOrder = Type.Object(
  {
    problemIds: Type.Array(ProblemId, { minItems: 1, maxItems: 100, uniqueItems: true }),
    alertId: Type.Optional(Type.String({ pattern: '^ralt_[A-Za-z0-9_-]{1,59}$', maxLength: 64 })),
    title: OneLine({ minLength: 1, maxLength: 200 }),
    departmentId: Type.Optional(DepartmentId),
    ...PlaceInput,
    person: Type.Optional(
      Nullable(
        OneLine({ minLength: 1, maxLength: 100, description: "the responsible official's name or post" }),
      ),
    ),
    measuresRequired: Text(4000, 'what the department must do'),
    deadline: Type.Optional(Deadline),
    priority: Type.Optional(Type.Enum(ORDER_PRIORITIES)),
  },
  { additionalProperties: false, $id: 'IssueOrder' },
)
export type IssueOrder = Static<typeof IssueOrder>

export const OrderListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(ORDER_STATUSES)),
    departmentId: Type.Optional(DepartmentId),
    priority: Type.Optional(Type.Enum(ORDER_PRIORITIES)),
    overdue: Type.Optional(Type.Boolean({ description: 'only orders past their deadline that still owe' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
)
export type OrderListQuery = Static<typeof OrderListQuery>

const Place = {
  departmentId: Type.String(),
  departmentName: Nullable(Type.String()),
  office: Nullable(Type.String()),
  window: Nullable(Type.String()),
  staffNumber: Nullable(Type.String()),
}

const OrderHead = {
  orderId: Type.String(),
  number: Type.String(),
  title: Type.String(),
  status: Type.Enum(ORDER_STATUSES),
  priority: Type.Enum(ORDER_PRIORITIES),
  ...Place,
  issuedAt: Instant,
  acknowledgeBy: Instant,
  dueAt: Instant,
  originalDueAt: Instant,
  overdue: Type.Boolean({ description: 'past the deadline in force while the department still owes' }),
  round: Type.Integer(),
  problemCount: Type.Integer(),
  caseIds: Type.Array(Type.String()),
  alertId: Nullable(Type.String()),
  ladder: Type.Array(Type.Enum(ORDER_LADDER_STEPS), { description: 'the steps taken on the current ladder' }),
  recheckAt: Nullable(Instant),
  version: Type.Integer(),
}

export const OrderSummary = Type.Object(OrderHead, { $id: 'OrderSummary' })
export const OrderList = Type.Object(
  { items: Type.Array(OrderSummary), nextCursor: Nullable(Type.String()) },
  { $id: 'OrderList' },
)

const AttachmentView = Type.Object({
  attachmentId: Type.String(),
  filename: Type.String(),
  contentType: Type.String(),
  bytes: Type.Integer(),
  sha256: Type.String(),
  url: Type.String({ description: 'the download path (same access as the order)' }),
})

export const OrderView = Type.Object(
  {
    ...OrderHead,
    person: Nullable(Type.String()),
    measuresRequired: Type.String(),
    deadline: Deadline,
    issued: Actor,
    acknowledged: Nullable(Actor),
    problems: Type.Array(
      Type.Object({
        problemId: Type.String(),
        kind: Type.String(),
        summary: Nullable(Type.String()),
        source: Nullable(
          Type.Object({ kind: Type.String(), id: Type.String(), trackingCode: Nullable(Type.String()) }),
        ),
        evidenceUrl: Nullable(Type.String()),
        occurredAt: Nullable(Instant),
        withdrawn: Type.Boolean({ description: 'withdrawn on appeal: out of every KPI' }),
      }),
    ),
    plans: Type.Array(
      Type.Object({
        round: Type.Integer(),
        measures: Type.String(),
        owner: Type.String(),
        plannedBy: Instant,
        by: Type.String(),
        at: Instant,
      }),
    ),
    evidence: Type.Array(
      Type.Object({
        evidenceId: Type.String(),
        round: Type.Integer(),
        text: Type.String(),
        attachments: Type.Array(AttachmentView),
        by: Type.String(),
        at: Instant,
        review: Nullable(
          Type.Object({
            outcome: Type.Enum(['verified', ...SEND_BACK_KINDS]),
            reason: Nullable(Type.String()),
            by: Type.String(),
            at: Instant,
          }),
        ),
      }),
    ),
    attachmentCount: Type.Integer(),
    sendBacks: Type.Array(
      Type.Object({
        kind: Type.Enum(SEND_BACK_KINDS),
        reason: Type.String(),
        round: Type.Integer(),
        by: Type.String(),
        at: Instant,
      }),
    ),
    verified: Nullable(Actor),
    closed: Nullable(
      Type.Object({
        by: Type.String(),
        at: Instant,
        publicSummary: Type.String(),
        onTime: Type.Boolean(),
      }),
    ),
    rechecks: Type.Array(
      Type.Object({
        outcome: Type.Enum(['held', 'returned']),
        note: Type.String(),
        by: Type.String(),
        at: Instant,
      }),
    ),
    reopenCount: Type.Integer(),
    appeals: Type.Array(
      Type.Object({
        appealId: Type.String(),
        problemId: Type.String(),
        status: Type.Enum(['pending', 'upheld', 'rejected']),
        filedAt: Instant,
      }),
    ),
    timeline: Type.Array(TimelineEntryView),
    timelineHead: Type.String(),
    timelineCount: Type.Integer(),
  },
  { $id: 'OrderView' },
)

export const ActionBody = Type.Object({ version: Version }, { additionalProperties: false })
export const PlanBody = Type.Object(
  {
    version: Version,
    measures: Text(4000, 'the measures the department takes'),
    owner: OneLine({ minLength: 1, maxLength: 100, description: 'who carries them out (post or name)' }),
    plannedBy: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      maxLength: 10,
      description: 'done by (a date)',
    }),
  },
  { additionalProperties: false },
)
export const VerifyBody = Type.Object(
  { version: Version, note: Type.Optional(Text(2000)) },
  { additionalProperties: false },
)
export const SendBackBody = Type.Object(
  { version: Version, kind: Type.Enum(SEND_BACK_KINDS), reason: Text(2000) },
  { additionalProperties: false },
)
export const CloseBody = Type.Object(
  {
    version: Version,
    publicSummary: Text(500, 'what was fixed, for the public monthly summary; no names'),
    recheckAfterDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  },
  { additionalProperties: false },
)
export const RecheckBody = Type.Object(
  {
    version: Version,
    outcome: Type.Enum(['held', 'returned']),
    note: Text(2000),
    deadline: Type.Optional(Deadline),
  },
  { additionalProperties: false },
)

export const TimelineVerification = Type.Object(
  {
    orderId: Type.String(),
    valid: Type.Boolean(),
    entries: Type.Integer(),
    brokenAt: Type.Optional(Type.Integer()),
  },
  { $id: 'OrderTimelineVerification' },
)

export const AttachmentParams = Type.Object(
  { orderId: OrderId, attachmentId: Type.String({ pattern: ATTACHMENT_ID, maxLength: 41 }) },
  { additionalProperties: false },
)
