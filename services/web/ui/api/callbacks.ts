// The callback surveys' API as the pages use it (services/callbacks, /api/v1/callbacks): who may use which
// page, the shapes of its answers, the lists the pages iterate over, and the CSV import (a multipart form
// with the staff token).
import { staffApi } from './client.ts'
import type { paths as CallbacksApi } from './generated/callbacks.ts'
import type { Role } from './types.ts'

export const CB = '/callbacks'

/** The callback officer's queue and screen: callback officers and supervisors. */
export const AGENT_ROLES: readonly Role[] = ['callback_agent', 'supervisor']
/** Service records (imports), the sources' API keys and the policy: supervisors and administrators. */
export const MANAGE_ROLES: readonly Role[] = ['supervisor', 'admin']
/** Scripts are read by the officers and edited by supervisors. */
export const SCRIPT_EDIT_ROLES: readonly Role[] = ['supervisor']
/** The KPIs: supervisors and administrators. */
export const STATS_ROLES: readonly Role[] = ['supervisor', 'admin']

export const taskPath = (id: string) => `${CB}/tasks/${encodeURIComponent(id)}`
export const taskPage = (id: string) => `/staff/callbacks/tasks/${encodeURIComponent(id)}`

/**
 * Posts a CSV file as a one-file multipart form with the token (multipart streams through the gateway, whose
 * buffered-body limit is far below the import's 5 MB); the import's report, or an ApiError.
 */
export function postCsv<T>(path: string, file: File): Promise<T> {
  const form = new FormData()
  form.append('file', file, file.name)
  return staffApi<T>(path, { method: 'POST', raw: form })
}

// ---- shapes: from the types generated from the service's OpenAPI document ----

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

type P = '/api/v1/callbacks'
type Api = CallbacksApi

export type TaskDetail = Answer<Api[`${P}/tasks/{id}`]['get']>
export type TaskView = TaskDetail['task']
export type ScriptView = TaskDetail['script']
export type RecordSummary = NonNullable<TaskDetail['record']>
export type TaskAttempt = TaskView['attempts'][number]
export type TaskList = Answer<Api[`${P}/tasks`]['get']>
export type NextTask = Answer<Api[`${P}/tasks/next`]['post']>
export type AttemptBody = RequestBody<Api[`${P}/tasks/{id}/attempts`]['post']>
export type AttemptAnswer = Answer<Api[`${P}/tasks/{id}/attempts`]['post']>
export type ClaimAnswer = Answer<Api[`${P}/tasks/{id}/claim`]['post']>
export type ReleaseAnswer = Answer<Api[`${P}/tasks/{id}/release`]['post']>
export type AnswersInput = NonNullable<AttemptBody['answers']>
export type AnswersView = NonNullable<TaskView['answers']>
export type Revealed = Answer<Api[`${P}/tasks/{id}/reveal`]['post']>
export type PlacedCall = Answer<Api[`${P}/tasks/{id}/call`]['post'], 202>
export type OfficerView = Answer<Api[`${P}/officers/me`]['get']>
export type PolicyView = Answer<Api[`${P}/policy`]['get']>
export type PolicyBody = RequestBody<Api[`${P}/policy`]['put']>
export type ScriptList = Answer<Api[`${P}/scripts`]['get']>
export type ScriptBody = RequestBody<Api[`${P}/scripts/{serviceType}`]['put']>
export type ImportReport = Answer<Api[`${P}/service-records/import`]['post']>
export type Rejection = ImportReport['rejected'][number]
export type SourceView = Answer<Api[`${P}/sources`]['get']>['items'][number]
export type IssuedKey = Answer<Api[`${P}/sources`]['post'], 201>
export type Stats = Answer<Api[`${P}/stats`]['get']>
export type StatsRow = Stats['rows'][number]
export type PublicMonthly = Answer<Api[`${P}/public/monthly`]['get']>

// ---- the values the pages list, checked against the API ----

/** The five levels, best first (非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意). */
export const SATISFACTION_LEVELS = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number]
same<Same<SatisfactionLevel, NonNullable<AnswersInput['satisfaction']>>>(true)

/** The outcomes an officer records. */
export const STAFF_OUTCOMES = [
  'completed',
  'no_answer',
  'busy',
  'wrong_number',
  'refused',
  'call_back_later',
] as const
export type StaffOutcome = (typeof STAFF_OUTCOMES)[number]
same<Same<StaffOutcome, AttemptBody['outcome']>>(true)

/** Every outcome an attempt may have (the automated line's too). */
export const ATTEMPT_OUTCOMES = [...STAFF_OUTCOMES, 'machine', 'no_input', 'hung_up'] as const
same<Same<(typeof ATTEMPT_OUTCOMES)[number], TaskAttempt['outcome']>>(true)

export const TASK_STATUSES = ['open', 'claimed', 'completed', 'unreachable'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
same<Same<TaskStatus, TaskView['status']>>(true)

export const ANSWER_KEYS = [
  'feeCorrect',
  'amountPaid',
  'attitude',
  'promiseKept',
  'satisfaction',
  'comment',
] as const
export type AnswerKey = (typeof ANSWER_KEYS)[number]
same<Same<AnswerKey, ScriptView['questions'][number]['key']>>(true)

export const GROUP_BYS = ['department', 'office', 'staffNumber', 'serviceType', 'month'] as const
export type GroupBy = (typeof GROUP_BYS)[number]
same<Same<GroupBy, Stats['groupBy']>>(true)

export const CASE_CATEGORIES = ['complaint', 'report', 'suggestion', 'consultation', 'praise'] as const
same<Same<(typeof CASE_CATEGORIES)[number], keyof PolicyBody['cases']['categoryRates']>>(true)

/** `HH:MM` as the policy's calling hours take it. */
export const CLOCK_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/
/** An officer's phone: E.164 or a soft phone `client:<name>`, as the hotline's operators have. */
export const ENDPOINT = /^(\+[1-9]\d{6,14}|client:[A-Za-z0-9_.-]{1,64})$/
