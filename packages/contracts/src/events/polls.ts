// The online polls' events. The subject of every event is the poll id (`poll_…`), so one poll's events stay
// in order. No event carries a voter's number, code or hash: the eligibility ledger never leaves the polls
// service, and a ballot's event says only that one was cast and on which day.
import Type from 'typebox'
import type { EventCatalogue } from '../catalogue.ts'
import { Category, Id, Sealed, Timestamp } from './common.ts'

export const VOTER_RULES = ['verified_phone', 'invitation', 'open'] as const
export const RESULTS_VISIBILITY = ['live', 'after_close', 'staff_only'] as const
export const QUESTION_KINDS = ['single', 'multiple', 'satisfaction', 'appraisal', 'text'] as const

const PollRef = {
  pollId: Id,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  departmentId: Type.Union([Id, Type.Null()]),
  rule: Type.Enum(VOTER_RULES),
}

export function definePollsEvents(c: EventCatalogue) {
  return {
    pollPublished: c.define({
      type: 'polls.poll-published',
      version: 1,
      source: 'polls',
      description:
        'A poll was published: its questions are frozen and it takes ballots from `opensAt` to `closesAt`.',
      data: Type.Object({
        ...PollRef,
        opensAt: Timestamp,
        closesAt: Timestamp,
        results: Type.Enum(RESULTS_VISIBILITY),
        questions: Type.Array(
          Type.Object({
            questionId: Id,
            kind: Type.Enum(QUESTION_KINDS),
            title: Type.String({ maxLength: 500 }),
          }),
          { maxItems: 100 },
        ),
        publishedBy: Id,
        publishedAt: Timestamp,
      }),
    }),
    pollClosed: c.define({
      type: 'polls.poll-closed',
      version: 1,
      source: 'polls',
      description: 'A poll closed (at its closing time, or by staff): the final number of ballots.',
      data: Type.Object({
        ...PollRef,
        ballots: Type.Integer({ minimum: 0 }),
        closedAt: Timestamp,
      }),
    }),
    ballotCast: c.define({
      type: 'polls.ballot-cast',
      version: 1,
      source: 'polls',
      description:
        'A ballot was cast. Only the poll and the day (Asia/Shanghai): no voter, no hash, no answers, no exact time in the data.',
      data: Type.Object({
        pollId: Id,
        rule: Type.Enum(VOTER_RULES),
        day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
      }),
    }),
    commentEscalated: c.define({
      type: 'polls.comment-escalated',
      version: 1,
      source: 'polls',
      description:
        'Staff turned a free-text answer that reports a problem into a case: tracking opens it with channel poll (no citizen contact; the text as moderated, personal data removed).',
      data: Type.Object({
        pollId: Id,
        /** The escalated answer's own id (the case id derives from it: one case per answer). */
        commentId: Id,
        pollTitle: Type.String({ minLength: 1, maxLength: 200 }),
        questionTitle: Type.String({ maxLength: 500 }),
        category: Category,
        subject: Type.String({ minLength: 1, maxLength: 200 }),
        text: Type.String({ minLength: 1, maxLength: 5000 }),
        departmentId: Type.Union([Id, Type.Null()]),
        escalatedBy: Id,
        escalatedAt: Timestamp,
      }),
    }),
    codeRequested: c.define({
      type: 'polls.code-requested',
      version: 1,
      source: 'polls',
      description:
        "A one-time code to send by SMS: a voter's verification code (6 digits, valid until `expiresAt`) or an invitation's voting code. Notifications sends it; the number and the code travel sealed and never reach a log.",
      data: Type.Object({
        /** Unique per code sent (notifications sends once per request however often it is delivered). */
        requestId: Id,
        pollId: Id,
        pollTitle: Type.String({ minLength: 1, maxLength: 200 }),
        purpose: Type.Enum(['verification', 'invitation']),
        phone: Sealed('normalised mobile number'),
        code: Sealed('the one-time code'),
        expiresAt: Type.Union([Timestamp, Type.Null()]),
      }),
    }),
  }
}
