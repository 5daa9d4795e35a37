// Requests and responses of the staff and public case APIs.
import { CASE_STATUSES, CHANNELS, LETTER_CATEGORIES, SATISFACTION_LEVELS } from '@tingjian/contracts'
import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'
import { FINDINGS, STAFF_ACTIONS } from '../domain/case.ts'
import { QUEUES } from '../queues.ts'
import { MONTH_PATTERN } from '../stats.ts'

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()])
/** Free text: tabs and line breaks, but no other control characters (NUL, ESC, DEL…). */
const PLAIN_TEXT = '^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$'
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: PLAIN_TEXT })
/**
 * A short reason or note on one line (the kit's OneLine: no line or paragraph separators, zero-width or
 * direction marks, U+061C, U+FEFF; something visible). Letters' and replies' texts keep their lines.
 */
const Line = (maxLength: number) => OneLine({ minLength: 1, maxLength })
const Version = Type.Integer({ minimum: 1, description: 'the version of the case the client saw' })
const Status = Type.Enum(CASE_STATUSES)
const Satisfaction = Type.Enum(['satisfied', 'basically_satisfied', 'dissatisfied'])
const Timestamp = Type.String({ format: 'date-time' })
const Finding = Type.Enum(FINDINGS, {
  description:
    '核查结果: substantiated (属实), partly_substantiated (部分属实) or unfounded (不属实); a complaint or report published as (partly) substantiated is a problem for rectification',
})

/**
 * 被投诉对象. The limits are those of `ProblemPlace` in the contracts (office 100, window 50, staff number
 * `^[0-9A-Za-z-]{1,20}$`), so that a value set here always fits tracking.problem-found; the office and the
 * window are one line (the kit's OneLine) besides, which the event's schema does not say. Trimmed when stored.
 */
export const CONCERN_LIMITS = { office: 100, window: 50, staffNumber: '^[0-9A-Za-z-]{1,20}$' } as const
const Concerns = Type.Object({
  office: Nullable(Type.String()),
  window: Nullable(Type.String()),
  staffNumber: Nullable(Type.String()),
})

export const CaseParams = Type.Object({ id: Id }, { additionalProperties: false })
export const TrackingCodeParams = Type.Object(
  { trackingCode: Type.String({ pattern: '^[0-9A-HJ-NP-Z]{10}$' }) },
  { additionalProperties: false },
)

export const ListQuery = Type.Object(
  {
    status: Type.Optional(Status),
    category: Type.Optional(Type.Enum(LETTER_CATEGORIES)),
    channel: Type.Optional(Type.Enum(CHANNELS)),
    departmentId: Type.Optional(Id),
    assigneeId: Type.Optional(Id),
    overdue: Type.Optional(Type.Boolean()),
    escalated: Type.Optional(
      Type.Boolean({ description: 'open cases raised on the escalation ladder (督办 and above), or not' }),
    ),
    queue: Type.Optional(
      Type.Enum(QUEUES, { description: 'the cases of one work queue (GET /cases/queues)' }),
    ),
    q: Type.Optional(Line(100)),
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+ -]+$' })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
)
export type ListQuery = Static<typeof ListQuery>

const Entry = Type.Object({
  seq: Type.Integer(),
  at: Timestamp,
  actorId: Nullable(Type.String()),
  actorRole: Type.String(),
  action: Type.String(),
  note: Nullable(Type.String()),
  public: Type.Boolean(),
  prevHash: Type.String(),
  hash: Type.String(),
})

const Citizen = Type.Object({
  name: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  idNumber: Type.Optional(Type.String()),
})

export const CaseView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  trackingCode: Type.String(),
  channel: Type.String(),
  originId: Type.String(),
  category: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  anonymous: Type.Boolean(),
  consentToPublish: Type.Boolean(),
  urgency: Type.Optional(
    Type.Enum(['normal', 'urgent'], { description: "hotline cases: the operator's judgement of the call" }),
  ),
  citizen: Citizen,
  status: Status,
  submittedAt: Timestamp,
  acceptedAt: Nullable(Timestamp),
  signDueAt: Nullable(Timestamp),
  dueAt: Nullable(Timestamp),
  dueProvisional: Type.Boolean({
    description:
      "the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again",
  }),
  overdue: Type.Boolean(),
  departmentId: Nullable(Type.String()),
  supportingDepartmentIds: Type.Array(Type.String()),
  assigneeId: Nullable(Type.String()),
  escalationLevel: Type.Integer({
    description: '0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报)',
  }),
  extension: Nullable(
    Type.Object({
      days: Type.Integer(),
      reason: Type.String(),
      requestedBy: Nullable(Type.String()),
      requestedAt: Timestamp,
    }),
  ),
  extendedDays: Type.Integer(),
  returned: Nullable(
    Type.Object({ departmentId: Nullable(Type.String()), reason: Type.String(), at: Timestamp }),
  ),
  draftReply: Nullable(
    Type.Object({
      text: Type.String(),
      public: Type.Boolean(),
      by: Nullable(Type.String()),
      at: Timestamp,
      finding: Nullable(Finding),
    }),
  ),
  reply: Nullable(
    Type.Object({
      text: Type.String(),
      public: Type.Boolean(),
      departmentId: Nullable(Type.String()),
      repliedAt: Timestamp,
      finding: Nullable(Finding),
    }),
  ),
  rectifications: Type.Array(
    Type.Object({
      orderId: Type.String(),
      number: Type.String(),
      status: Type.Enum(['ordered', 'closed', 'reopened']),
      at: Timestamp,
    }),
    {
      description:
        "rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened",
    },
  ),
  concerns: Type.Union([Concerns, Type.Null()], {
    description: '被投诉对象 (POST /cases/{id}/concerns); null until set',
  }),
  contactDeclined: Type.Boolean({
    description:
      "the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey",
  }),
  callbacks: Type.Array(
    Type.Object({
      taskId: Type.String(),
      outcome: Type.Enum(['completed', 'unreachable']),
      satisfaction: Nullable(Type.Enum(SATISFACTION_LEVELS)),
      at: Timestamp,
    }),
    {
      description:
        'callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable',
    },
  ),
  closedAt: Nullable(Timestamp),
  onTime: Nullable(Type.Boolean()),
  rating: Nullable(
    Type.Object({ satisfaction: Satisfaction, comment: Nullable(Type.String()), at: Timestamp }),
  ),
  reworkCount: Type.Integer(),
  notAcceptedReason: Nullable(Type.String()),
  mergedInto: Nullable(Type.String()),
  mergedCaseIds: Type.Array(Type.String()),
  timeline: Type.Array(Entry),
  actions: Type.Array(Type.Enum(STAFF_ACTIONS), {
    description: 'the actions (POST /cases/{id}/<action>) the caller may take in the current state',
  }),
})
export type CaseView = Static<typeof CaseView>

export const CaseList = Type.Object({ items: Type.Array(CaseView), nextCursor: Nullable(Type.String()) })

const Count = Type.Integer({ minimum: 0 })
export const QueueCounts = Type.Object({
  counts: Type.Object(
    Object.fromEntries(QUEUES.map((q) => [q, Count])) as Record<(typeof QUEUES)[number], typeof Count>,
  ),
})

export const Verification = Type.Object({
  valid: Type.Boolean(),
  entries: Type.Integer(),
  brokenAt: Type.Optional(Type.Integer()),
})

const body = <P extends Record<string, Parameters<typeof Type.Object>[0][string]>>(props: P) =>
  Type.Object({ version: Version, ...props }, { additionalProperties: false })

/** Request bodies of the actions, by path segment after /cases/{id}/. */
export const ActionBodies = {
  assign: body({
    departmentId: Id,
    supportingDepartmentIds: Type.Optional(Type.Array(Id, { maxItems: 10 })),
    assigneeId: Type.Optional(Id),
    note: Type.Optional(Text(2000)),
  }),
  'not-accept': body({ reason: Text(2000) }),
  answer: body({
    text: Text(20_000),
    public: Type.Optional(Type.Boolean()),
    finding: Type.Optional(Finding),
  }),
  sign: body({}),
  return: body({ reason: Line(2000) }),
  extension: body({ days: Type.Integer({ minimum: 1, maximum: 15 }), reason: Line(2000) }),
  'extension/approve': body({}),
  'extension/refuse': body({ reason: Line(2000) }),
  reply: body({
    text: Text(20_000),
    public: Type.Optional(Type.Boolean()),
    finding: Type.Optional(Finding),
  }),
  'reply/approve': body({}),
  'reply/send-back': body({ reason: Line(2000) }),
  escalate: body({ note: Line(2000) }),
  close: body({}),
  reopen: body({ reason: Line(2000) }),
  merge: body({ intoCaseId: Id }),
  notes: body({ text: Text(5000) }),
  // the one action whose version may be left out: then it is written on the case as it stands
  concerns: Type.Object(
    {
      version: Type.Optional(Version),
      office: Type.Optional(Nullable(Line(CONCERN_LIMITS.office))),
      window: Type.Optional(Nullable(Line(CONCERN_LIMITS.window))),
      staffNumber: Type.Optional(Nullable(Type.String({ pattern: CONCERN_LIMITS.staffNumber }))),
    },
    { additionalProperties: false },
  ),
}

export const AccessKeyHeaders = Type.Object({
  'x-access-key': Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7E]+$' }),
})

/** Routes that take no query parameters refuse any (`?trackingCode[$ne]=…` is a 400, not ignored). */
export const NoQuery = Type.Object({}, { additionalProperties: false })

export const PublicCase = Type.Object({
  trackingCode: Type.String(),
  status: Status,
  category: Type.String(),
  subject: Type.String(),
  submittedAt: Timestamp,
  dueAt: Nullable(Timestamp),
  timeline: Type.Array(Type.Object({ at: Timestamp, action: Type.String(), text: Nullable(Type.String()) })),
  reply: Nullable(
    Type.Object({ text: Type.String(), repliedAt: Timestamp, department: Nullable(Type.String()) }),
  ),
})
export type PublicCase = Static<typeof PublicCase>

export const RatingBody = Type.Object(
  { satisfaction: Satisfaction, comment: Type.Optional(Text(1000)) },
  { additionalProperties: false },
)

export const RepliesQuery = Type.Object(
  {
    q: Type.Optional(
      OneLine({
        minLength: 1,
        maxLength: 100,
        description: 'words of the letter subject (all must match)',
      }),
    ),
    category: Type.Optional(Type.Enum(LETTER_CATEGORIES)),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
)

export const PublicReplies = Type.Object({
  items: Type.Array(
    Type.Object({
      category: Type.String(),
      subject: Type.String(),
      reply: Type.String(),
      repliedAt: Timestamp,
      department: Nullable(Type.String()),
    }),
  ),
  nextCursor: Nullable(Type.String()),
})

export const StatsQuery = Type.Object({ from: Timestamp, to: Timestamp }, { additionalProperties: false })

const SatisfactionCounts = Type.Object({
  satisfied: Type.Integer(),
  basically_satisfied: Type.Integer(),
  dissatisfied: Type.Integer(),
})

export const DepartmentStats = Type.Object({
  from: Timestamp,
  to: Timestamp,
  departments: Type.Array(
    Type.Object({
      departmentId: Type.String(),
      departmentName: Nullable(Type.String()),
      received: Type.Integer(),
      closed: Type.Integer(),
      onTimeClosed: Type.Integer(),
      overdue: Type.Integer(),
      escalated: Type.Integer(),
      satisfaction: SatisfactionCounts,
    }),
  ),
})
export type DepartmentStats = Static<typeof DepartmentStats>

const Month = Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM, Asia/Shanghai' })
export const PublicStatsQuery = Type.Object(
  {
    from: Type.Optional(Month),
    to: Type.Optional(Month),
  },
  { additionalProperties: false },
)
export type PublicStatsQuery = Static<typeof PublicStatsQuery>

export const PublicStats = Type.Object({
  from: Month,
  to: Month,
  months: Type.Array(
    Type.Object({
      month: Month,
      departments: Type.Array(
        Type.Object({
          departmentId: Type.String(),
          departmentName: Nullable(Type.String()),
          received: Type.Integer(),
          closed: Type.Integer(),
          onTimeClosed: Type.Integer(),
          satisfaction: SatisfactionCounts,
        }),
      ),
    }),
  ),
})
export type PublicStats = Static<typeof PublicStats>

export const AuditQuery = Type.Object(
  {
    userId: Type.Optional(Id),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  },
  { additionalProperties: false },
)

export const PhoneSearchAudit = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Timestamp,
      userId: Type.String(),
      roles: Type.Array(Type.String()),
      outcome: Type.Enum(['ok', 'forbidden', 'limited']),
      results: Nullable(Type.Integer({ minimum: 0 })),
      more: Type.Boolean(),
      requestId: Type.String(),
    }),
  ),
  nextCursor: Nullable(Type.String()),
})
