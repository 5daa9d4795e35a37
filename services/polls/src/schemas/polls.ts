// The shapes of a poll: what staff send to create and edit one, and what staff and the public see.
import { QUESTION_KINDS, RESULTS_VISIBILITY, VOTER_RULES } from '@tingjian/contracts'
import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'

/** Line breaks and tabs allowed; no other control characters, no bidi overrides. */
export const SAFE_TEXT =
  '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\u202A-\\u202E\\u2066-\\u2069]*$'

export const POLL_ID = '^poll_[0-9a-f]{32}$'
export const PollIdParams = Type.Object(
  { pollId: Type.String({ pattern: POLL_ID, maxLength: 37 }) },
  { additionalProperties: false },
)
export type PollIdParams = Static<typeof PollIdParams>

const Instant = Type.String({
  format: 'date-time',
  maxLength: 40,
  description: 'an ISO 8601 instant with its offset; the web app shows Asia/Shanghai',
})
const DepartmentId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' })
const Label = OneLine({ minLength: 1, maxLength: 200 })

export const QuestionInput = Type.Object(
  {
    kind: Type.Enum(QUESTION_KINDS),
    title: OneLine({ minLength: 1, maxLength: 500 }),
    required: Type.Optional(
      Type.Boolean({ description: 'default true, except for free text (default false)' }),
    ),
    options: Type.Optional(
      Type.Array(Label, { minItems: 2, maxItems: 30, description: 'single and multiple choice' }),
    ),
    min: Type.Optional(Type.Integer({ minimum: 0, maximum: 30, description: 'multiple: fewest selections' })),
    max: Type.Optional(Type.Integer({ minimum: 1, maximum: 30, description: 'multiple: most selections' })),
    items: Type.Optional(
      Type.Array(Label, {
        minItems: 1,
        maxItems: 50,
        description: 'appraisal: the departments or items rated',
      }),
    ),
    maxLength: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2000, description: 'free text: longest answer (default 1000)' }),
    ),
  },
  { additionalProperties: false, $id: 'QuestionInput' },
)
export type QuestionInput = Static<typeof QuestionInput>

const PollFields = {
  title: OneLine({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 5000, pattern: SAFE_TEXT }),
  departmentId: Type.Optional(Type.Union([DepartmentId, Type.Null()])),
  opensAt: Instant,
  closesAt: Instant,
  rule: Type.Enum(VOTER_RULES, {
    description:
      'verified_phone: a code by SMS; invitation: a code per uploaded number; open: one per browser',
  }),
  results: Type.Enum(RESULTS_VISIBILITY, {
    description: 'when the public sees the results: live, after_close, staff_only',
  }),
  questions: Type.Array(QuestionInput, { minItems: 1, maxItems: 50 }),
}

export const PollInput = Type.Object(PollFields, { additionalProperties: false, $id: 'PollInput' })
export type PollInput = Static<typeof PollInput>

export const EditPoll = Type.Object(
  { ...PollFields, version: Type.Integer({ minimum: 1, description: 'the version read (optimistic)' }) },
  { additionalProperties: false, $id: 'EditPoll' },
)
export type EditPoll = Static<typeof EditPoll>

export const VersionBody = Type.Object(
  { version: Type.Integer({ minimum: 1, description: 'the version read (optimistic)' }) },
  { additionalProperties: false, $id: 'PollVersion' },
)
export type VersionBody = Static<typeof VersionBody>

export const ClosingTimeBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), closesAt: Instant },
  { additionalProperties: false, $id: 'PollClosingTime' },
)
export type ClosingTimeBody = Static<typeof ClosingTimeBody>

const Level = Type.Enum(
  ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'],
  { description: '非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意' },
)

export { Level as LevelSchema }

export const Question = Type.Object(
  {
    questionId: Type.String(),
    kind: Type.Enum(QUESTION_KINDS),
    title: Type.String(),
    required: Type.Boolean(),
    options: Type.Optional(Type.Array(Type.Object({ optionId: Type.String(), label: Type.String() }))),
    min: Type.Optional(Type.Integer()),
    max: Type.Optional(Type.Integer()),
    items: Type.Optional(Type.Array(Type.Object({ itemId: Type.String(), label: Type.String() }))),
    maxLength: Type.Optional(Type.Integer()),
  },
  { $id: 'PollQuestion' },
)

const Phase = Type.Enum(['draft', 'upcoming', 'open', 'closed', 'archived'])
const RuleLabel = Type.Object({ zh: Type.String(), en: Type.String(), onePerPerson: Type.Boolean() })

/** What the public sees of a published poll. */
export const PublicPoll = Type.Object(
  {
    pollId: Type.String(),
    title: Type.String(),
    description: Type.String(),
    departmentId: Type.Union([Type.String(), Type.Null()]),
    opensAt: Type.String({ format: 'date-time' }),
    closesAt: Type.String({ format: 'date-time' }),
    phase: Phase,
    rule: Type.Enum(VOTER_RULES),
    ruleLabel: RuleLabel,
    results: Type.Enum(RESULTS_VISIBILITY),
    resultsAvailable: Type.Boolean({ description: 'GET …/results answers now' }),
    questions: Type.Array(Question),
  },
  { $id: 'PublicPoll' },
)
export type PublicPoll = Static<typeof PublicPoll>

export const PublicPollList = Type.Object(
  {
    items: Type.Array(Type.Omit(PublicPoll, ['questions'])),
  },
  { $id: 'PublicPollList' },
)

/** What staff see: everything, with the version to send back. */
export const StaffPoll = Type.Object(
  {
    ...PublicPoll.properties,
    status: Type.Enum(['draft', 'published', 'closed', 'archived']),
    version: Type.Integer(),
    createdBy: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    publishedBy: Type.Union([Type.String(), Type.Null()]),
    closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    closedBy: Type.Union([Type.String(), Type.Null()]),
    settled: Type.Boolean(),
    ballots: Type.Union([Type.Integer(), Type.Null()], { description: 'the final count, once closed' }),
    archivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    duplicatedFrom: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'StaffPoll' },
)
export type StaffPoll = Static<typeof StaffPoll>

export const StaffPollList = Type.Object(
  {
    items: Type.Array(Type.Omit(StaffPoll, ['questions'])),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'StaffPollList' },
)

export const StaffListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(['draft', 'published', 'closed', 'archived'])),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
)
export type StaffListQuery = Static<typeof StaffListQuery>
