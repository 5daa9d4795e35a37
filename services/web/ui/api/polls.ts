// The polls' API as the pages use it (services/polls, /api/v1/polls): the shapes of its answers taken from
// the generated OpenAPI types, the lists the pages iterate over checked against them, times in
// Asia/Shanghai for the builder's fields, and CSV exports fetched with the staff token.
import type { paths as PollsApi } from './generated/polls.ts'
import type { Role } from './types.ts'

export const POLLS = '/polls'

/** Who builds, runs and moderates polls (the service's STAFF). */
export const POLL_ROLES: readonly Role[] = ['poll_manager', 'admin']

/** The JSON body of a request or an answer. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
/** The JSON answer of an operation with this status. */
type Answer<Op, Status extends number = 200> = Op extends { responses: infer R }
  ? Status extends keyof R
    ? Json<R[Status]>
    : never
  : never
/** The JSON body an operation takes. */
type RequestBody<Op> = Op extends { requestBody?: infer B } ? Json<NonNullable<B>> : never
/** Fails the type check unless the two lists of values are the same. */
type Same<A, B> = [Exclude<A, B> | Exclude<B, A>] extends [never] ? true : false
const same = <T extends true>(_: T) => _

type OnePoll = PollsApi['/api/v1/polls/{pollId}']

export type PublicPoll = Answer<OnePoll['get']>
export type PublicPollSummary = Answer<PollsApi['/api/v1/polls']['get']>['items'][number]
export type Question = PublicPoll['questions'][number]
export type StaffPoll = Answer<PollsApi['/api/v1/polls/manage/{pollId}']['get']>
export type StaffPollSummary = Answer<PollsApi['/api/v1/polls/manage']['get']>['items'][number]
export type PollInput = RequestBody<PollsApi['/api/v1/polls']['post']>
export type QuestionInput = PollInput['questions'][number]
export type EditPoll = RequestBody<OnePoll['put']>
export type CodeSent = Answer<PollsApi['/api/v1/polls/{pollId}/verification']['post'], 202>
export type VotingToken = Answer<PollsApi['/api/v1/polls/{pollId}/verification/confirm']['post']>
export type CastBallot = RequestBody<PollsApi['/api/v1/polls/{pollId}/ballots']['post']>
export type AnswerInput = CastBallot['answers'][number]
export type BallotReceipt = Answer<PollsApi['/api/v1/polls/{pollId}/ballots']['post'], 201>
export type PollResults = Answer<PollsApi['/api/v1/polls/{pollId}/results']['get']>
export type QuestionResult = PollResults['questions'][number]
export type LevelStats = NonNullable<QuestionResult['levels']>
export type InvitationReport = Answer<PollsApi['/api/v1/polls/{pollId}/invitations']['post']>
export type StaffComment = Answer<PollsApi['/api/v1/polls/manage/{pollId}/comments']['get']>['items'][number]
export type Escalate = RequestBody<PollsApi['/api/v1/polls/{pollId}/comments/{commentId}/escalation']['post']>

// ---- the values the pages list, checked against the API ----

export const QUESTION_KINDS = ['single', 'multiple', 'satisfaction', 'appraisal', 'text'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]
same<Same<QuestionKind, Question['kind']>>(true)
same<Same<QuestionKind, QuestionInput['kind']>>(true)

/** The five levels, best first (非常满意 … 非常不满意). */
export const LEVELS = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const
export type Level = (typeof LEVELS)[number]
same<Same<Level, NonNullable<AnswerInput['level']>>>(true)

export const RULES = ['verified_phone', 'invitation', 'open'] as const
export type Rule = (typeof RULES)[number]
same<Same<Rule, PollInput['rule']>>(true)

export const VISIBILITIES = ['live', 'after_close', 'staff_only'] as const
export type Visibility = (typeof VISIBILITIES)[number]
same<Same<Visibility, PollInput['results']>>(true)

export const POLL_STATUSES = ['draft', 'published', 'closed', 'archived'] as const
export type PollStatus = (typeof POLL_STATUSES)[number]
same<Same<PollStatus, StaffPoll['status']>>(true)

export const PHASES = ['draft', 'upcoming', 'open', 'closed', 'archived'] as const
export type Phase = (typeof PHASES)[number]
same<Same<Phase, PublicPoll['phase']>>(true)

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]
same<Same<CommentStatus, StaffComment['status']>>(true)

// ---- the API's rules, client side (the 400s it would answer) ----

/** A mainland mobile number, as the service reads it (spaces, dashes, +86 allowed). */
export function mainlandMobile(input: string): string | null {
  const digits = input.replace(/[\s()-]/g, '').replace(/^(\+86|0086)/, '')
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null
}

export const CODE = /^\d{6}$/
export const INVITATION_CODE = /^[0-9A-Za-z]{10}$/

// ---- times: the builder's fields are Asia/Shanghai wall-clock times ----

const SHANGHAI_MS = 8 * 3_600_000

/** An instant as the value of a datetime-local field in Shanghai (`2026-03-02T10:00`). */
export function toShanghaiLocal(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  return new Date(t + SHANGHAI_MS).toISOString().slice(0, 16)
}

/** A datetime-local value read as Shanghai time; null when it is not one. */
export function fromShanghaiLocal(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null
  const t = Date.parse(`${local}:00+08:00`)
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}

/** An instant shown in Shanghai time, whatever the browser's zone (`2026-03-02 10:00`). */
export const shanghaiText = (iso: string | null | undefined) =>
  iso ? toShanghaiLocal(iso).replace('T', ' ') : '—'

// ---- exports ----
