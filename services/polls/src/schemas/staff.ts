// The shapes of staff's invitations, moderation and escalation.
import { Category } from '@tingjian/contracts'
import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'
import { POLL_ID, SAFE_TEXT } from './polls.ts'

export const UploadInvitations = Type.Object(
  {
    csv: Type.String({
      minLength: 1,
      maxLength: 200_000,
      description:
        'CSV text: a mainland mobile number in the first column of each row (a header row is allowed)',
    }),
  },
  { additionalProperties: false, $id: 'UploadInvitations' },
)
export type UploadInvitations = Static<typeof UploadInvitations>

export const InvitationReport = Type.Object(
  {
    accepted: Type.Integer({ description: 'numbers that get a code by SMS' }),
    rejected: Type.Array(
      Type.Object({
        line: Type.Integer(),
        reason: Type.Enum(['not_a_mobile_number', 'duplicate_in_file', 'already_invited', 'too_many_rows']),
      }),
      { description: 'rows refused, by line number (the number itself is not repeated)' },
    ),
    invited: Type.Integer({ description: 'invitations of this poll in all' }),
  },
  { $id: 'InvitationReport' },
)

export const InvitationCount = Type.Object({ invited: Type.Integer() }, { $id: 'InvitationCount' })

export const CommentParams = Type.Object(
  {
    pollId: Type.String({ pattern: POLL_ID, maxLength: 37 }),
    commentId: Type.String({ pattern: '^b_[A-Za-z0-9_-]{22}\\.q[0-9]{1,3}$', maxLength: 40 }),
  },
  { additionalProperties: false },
)
export type CommentParams = Static<typeof CommentParams>

export const CommentQuery = Type.Object(
  { status: Type.Optional(Type.Enum(['pending', 'approved', 'rejected'])) },
  { additionalProperties: false },
)

export const StaffComment = Type.Object(
  {
    commentId: Type.String(),
    questionId: Type.String(),
    questionTitle: Type.String(),
    day: Type.String(),
    text: Type.String({ description: 'as the voter wrote it (staff only)' }),
    status: Type.Enum(['pending', 'approved', 'rejected']),
    publicText: Type.Union([Type.String(), Type.Null()]),
    escalated: Type.Boolean(),
  },
  { $id: 'StaffComment' },
)

export const CommentList = Type.Object(
  { items: Type.Array(StaffComment), truncated: Type.Boolean() },
  { $id: 'CommentList' },
)

export const Moderate = Type.Object(
  {
    decision: Type.Enum(['approve', 'reject']),
    text: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        pattern: SAFE_TEXT,
        description: 'approve: the text to publish, personal data removed (default: the answer scrubbed)',
      }),
    ),
  },
  { additionalProperties: false, $id: 'Moderate' },
)
export type Moderate = Static<typeof Moderate>

export const Escalate = Type.Object(
  {
    category: Category,
    subject: OneLine({ minLength: 1, maxLength: 200 }),
    text: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 5000,
        pattern: SAFE_TEXT,
        description:
          'the case text, personal data removed (default: the approved text, or the answer scrubbed)',
      }),
    ),
  },
  { additionalProperties: false, $id: 'Escalate' },
)
export type Escalate = Static<typeof Escalate>
