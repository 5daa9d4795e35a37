// The shapes of the API the app reads and sends, taken from the types generated from the services' own
// OpenAPI documents (./generated/, written by scripts/api-types.ts; a test fails when they are stale). Only
// names are given here; the lists the pages iterate over are checked against the generated types, so a
// value the API adds or drops fails the type check instead of going unnoticed.
import type { paths as CalendarApi } from './generated/calendar.ts'
import type { paths as IdentityApi } from './generated/identity.ts'
import type { paths as MailboxApi } from './generated/mailbox.ts'
import type { paths as TrackingApi } from './generated/tracking.ts'

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

type Letters = MailboxApi['/api/v1/mailbox/letters']['post']
type OneCase = TrackingApi['/api/v1/cases/{id}']['get']

// ---- answers and bodies ----

export type Problem = Partial<Answer<Letters, 400>>
export type ProblemField = NonNullable<Problem['errors']>[number]

export type SubmitLetter = RequestBody<Letters>
export type LetterReceipt = Answer<Letters, 201>

export type CaseView = Answer<OneCase>
export type TimelineEntry = CaseView['timeline'][number]
export type QueueCounts = Answer<TrackingApi['/api/v1/cases/queues']['get']>

export type PublicCase = Answer<TrackingApi['/api/v1/public/cases/{trackingCode}']['get']>
export type PublicReply = Answer<TrackingApi['/api/v1/public/replies']['get']>['items'][number]
export type PublicStats = Answer<TrackingApi['/api/v1/public/stats']['get']>
export type DepartmentStats = Answer<TrackingApi['/api/v1/stats/departments']['get']>
export type SatisfactionCounts = PublicStats['months'][number]['departments'][number]['satisfaction']

export type PhoneSearch = Answer<TrackingApi['/api/v1/audit/searches']['get']>['items'][number]

export type Department = Answer<IdentityApi['/api/v1/departments']['get']>['items'][number]
export type StaffUser = Answer<IdentityApi['/api/v1/users']['get']>['items'][number]
export type Tokens = Answer<IdentityApi['/api/v1/auth/login']['post']>
export type SessionUser = Tokens['user']

type OneYear = CalendarApi['/api/v1/calendar/years/{year}']
export type Coverage = Answer<CalendarApi['/api/v1/calendar/coverage']['get']>
export type YearSummary = Answer<CalendarApi['/api/v1/calendar/years']['get']>['items'][number]
export type YearTable = Answer<OneYear['get']>
export type PutYear = RequestBody<OneYear['put']>
export type HolidayPeriod = PutYear['holidays'][number]
export type RegionOverrides = RequestBody<CalendarApi['/api/v1/calendar/years/{year}/regions/{code}']['put']>
export type RegionDays = NonNullable<RegionOverrides['holidays']>[number]
export type YearPreview = Answer<CalendarApi['/api/v1/calendar/years/{year}/preview']['post']>
export type PreviewDay = YearPreview['days'][number]
/** A fault of a year table, from the preview or a 422 `/problems/invalid-calendar`. */
export type CalendarFault = YearPreview['faults'][number]

export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'adjusted-workday'] as const
export type DayKind = (typeof DAY_KINDS)[number]
same<Same<DayKind, PreviewDay['kind']>>(true)

/** A page of a list: the items and the cursor of the next page. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

// ---- the values the pages list, checked against the API ----

export const CATEGORIES = ['complaint', 'report', 'suggestion', 'consultation', 'praise'] as const
export type Category = (typeof CATEGORIES)[number]
same<Same<Category, SubmitLetter['category']>>(true)

export const CASE_STATUSES = [
  'received',
  'not_accepted',
  'assigned',
  'in_progress',
  'reply_review',
  'replied',
  'closed',
  'merged',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
same<Same<CaseStatus, CaseView['status']>>(true)

export const ROLES = [
  'admin',
  'dispatcher',
  'handler',
  'dept_lead',
  'supervisor',
  'callback_agent',
  'discipline_officer',
  'hotline_operator',
  'poll_manager',
] as const
export type Role = (typeof ROLES)[number]
same<Same<Role, StaffUser['roles'][number]>>(true)

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const
export type Satisfaction = (typeof SATISFACTIONS)[number]
same<Same<Satisfaction, keyof SatisfactionCounts>>(true)

export const QUEUES = [
  'to_accept',
  'to_sign',
  'in_progress',
  'due_soon',
  'overdue',
  'reply_review',
  'returned',
  'extension_requested',
] as const
export type Queue = (typeof QUEUES)[number]
same<Same<Queue, keyof QueueCounts['counts']>>(true)

/** Action path segments after /cases/{id}/, in the order the console shows them. */
export const ACTIONS = [
  'assign',
  'not-accept',
  'answer',
  'sign',
  'return',
  'extension',
  'extension/approve',
  'extension/refuse',
  'reply',
  'reply/approve',
  'reply/send-back',
  'escalate',
  'close',
  'reopen',
  'merge',
  'concerns',
  'notes',
] as const
export type Action = (typeof ACTIONS)[number]
same<Same<Action, CaseView['actions'][number]>>(true)
