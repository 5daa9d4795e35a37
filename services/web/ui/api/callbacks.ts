// The callback surveys' API as the pages use it (services/callbacks, /api/v1/callbacks): who may use which
// page, the shapes of its answers, the lists the pages iterate over, and the CSV import (a text/csv body
// with the staff token).
import { API, ApiError } from './client.ts'
import { session } from './session.ts'
import type { Problem, Role } from './types.ts'

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

/** Posts a CSV file's text as `text/csv` with the token; the import's report, or an ApiError. */
export async function postCsv<T>(path: string, csv: string): Promise<T> {
  const send = (token: string) =>
    fetch(`${API}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/csv; charset=utf-8',
        accept: 'application/json, application/problem+json',
      },
      body: csv,
      credentials: 'same-origin',
      cache: 'no-store',
    })
  const token = await session.freshToken()
  if (!token) throw new ApiError(401, { status: 401, title: 'Unauthorized', code: 'NO_SESSION' })
  let res: Response
  try {
    res = await send(token)
    if (res.status === 401) {
      const renewed = await session.refresh()
      if (!renewed) throw new ApiError(401, { status: 401, title: 'Unauthorized', code: 'SESSION_EXPIRED' })
      res = await send(renewed)
    }
  } catch (err) {
    if (err instanceof ApiError) throw err
    throw new ApiError(0, { title: 'network', code: 'NETWORK' })
  }
  const text = await res.text()
  let data: unknown = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = null
  }
  if (!res.ok) {
    const problem = data && typeof data === 'object' ? (data as Problem) : { title: res.statusText }
    throw new ApiError(res.status, { status: res.status, ...problem })
  }
  return data as T
}

// ---- shapes (interim, written from services/callbacks/src/schemas until the generated types land) ----

type Nullable<T> = T | null
export interface AnswersView {
  feeCorrect: Nullable<boolean>
  amountPaid: Nullable<number>
  attitude: Nullable<number>
  promiseKept: Nullable<boolean>
  satisfaction: Nullable<SatisfactionLevel>
  comment: Nullable<string>
}
export type AnswersInput = Partial<AnswersView>
export interface TaskAttempt {
  n: number
  at: string
  by: string | null
  channel: 'staff' | 'automated'
  outcome: (typeof ATTEMPT_OUTCOMES)[number]
  callId: string | null
  note: string | null
  callBackAt?: string | null
}
export interface TaskView {
  id: string
  version: number
  subjectKind: 'case' | 'service_record'
  caseId: string | null
  trackingCode: string | null
  serviceRecord: { source: string; recordId: string } | null
  serviceType: string
  departmentId: string
  office: string | null
  window: string | null
  staffNumber: string | null
  phoneMasked: string
  applicantNameMasked: string | null
  samplingRate: number
  stratum: string
  mode: 'staff' | 'automated'
  status: TaskStatus
  dueFrom: string
  notBefore: string | null
  claim: { by: string; at: string } | null
  attempts: TaskAttempt[]
  answers: AnswersView | null
  reveals: Array<{ by: string; at: string }>
  calls: Array<{ by: string; at: string; callId: string; attempt: number; dialStatus?: string | null }>
  createdAt: string
  closedAt: string | null
  closedReason: 'unreachable' | 'wrong_number' | 'refused' | null
}
export interface ScriptView {
  serviceType: string
  custom: boolean
  intro: { zh: string; en: string }
  questions: Array<{ key: AnswerKey; text: { zh: string; en: string }; keypad: string | null }>
}
export interface RecordSummary {
  source: string
  recordId: string
  serviceType: string
  office: string
  window: string | null
  staffNumber: string | null
  feeCharged: number
  feeSchedule: number
  promisedDays: number
  completedAt: string
}
export interface TaskDetail {
  task: TaskView
  script: ScriptView
  record: RecordSummary | null
}
export interface TaskList {
  items: TaskView[]
  nextCursor: string | null
}
export interface AttemptBody {
  version?: number
  outcome: StaffOutcome
  at?: string
  note?: string
  answers?: AnswersInput
}
export interface Revealed {
  phone: string
  task: TaskView
}
export interface PlacedCall {
  callId: string
  attempt: number
  task: TaskView
}
export interface OfficerView {
  endpoint: string | null
}
export interface PolicyBody {
  version?: number
  seed: string
  cases: {
    categoryRates: Partial<Record<(typeof CASE_CATEGORIES)[number], number>>
    dissatisfiedRate: number
    departmentRates: Record<string, number>
    defaultRate: number
    reopenOnDissatisfied: boolean
  }
  serviceRecords: { rates: Record<string, number>; defaultRate: number }
  callingHours: Array<{ from: string; to: string }>
  automated: { serviceTypes: string[]; subjectKinds: Array<'case' | 'service_record'> }
}
export type PolicyView = Omit<PolicyBody, 'version'> & {
  version: number
  updatedAt: string | null
  updatedBy: string | null
}
export interface ScriptList {
  items: ScriptView[]
}
export interface ScriptBody {
  intro: { zh: string; en: string }
  questions: Array<{ key: AnswerKey; text: { zh: string; en: string }; keypad?: string | null }>
}
export interface Rejection {
  row: number
  recordId: string | null
  errors: Array<{ field: string; message: string }>
}
export interface ImportReport {
  importId: string
  received: number
  accepted: number
  duplicates: number
  rejected: Rejection[]
  sampled: number
}
export interface SourceView {
  source: string
  name: string
  createdBy: string
  createdAt: string
  revokedAt: string | null
}
export type IssuedKey = SourceView & { apiKey: string }
export interface StatsRow {
  group: string | null
  name?: string | null
  eligible: number
  completed: number
  unreachable: number
  callbackRate: number | null
  satisfaction: {
    n: number
    satisfied: number
    rate: number | null
    interval: { low: number; high: number } | null
    method: 'wilson' | 'stratified'
    strata: number
    coverage: number | null
  }
  feeProblems: number
  attitude: { mean: number | null; n: number }
  promisesKept: { rate: number | null; kept: number; n: number }
}
export interface Stats {
  from: string
  to: string
  groupBy: GroupBy
  rows: StatsRow[]
}
export interface PublicMonthly {
  month: string
  departments: Array<{
    departmentId: string
    departmentName: string | null
    eligible: number
    completed: number
    callbackRate: number | null
    satisfaction: StatsRow['satisfaction']
  }>
}

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

/** Every outcome an attempt may have (the automated line's too). */
export const ATTEMPT_OUTCOMES = [...STAFF_OUTCOMES, 'machine', 'no_input', 'hung_up'] as const

export const TASK_STATUSES = ['open', 'claimed', 'completed', 'unreachable'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export const ANSWER_KEYS = [
  'feeCorrect',
  'amountPaid',
  'attitude',
  'promiseKept',
  'satisfaction',
  'comment',
] as const
export type AnswerKey = (typeof ANSWER_KEYS)[number]

export const GROUP_BYS = ['department', 'office', 'staffNumber', 'serviceType', 'month'] as const
export type GroupBy = (typeof GROUP_BYS)[number]

export const CASE_CATEGORIES = ['complaint', 'report', 'suggestion', 'consultation', 'praise'] as const

/** `HH:MM` as the policy's calling hours take it. */
export const CLOCK_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/
/** An officer's phone: E.164 or a soft phone `client:<name>`, as the hotline's operators have. */
export const ENDPOINT = /^(\+[1-9]\d{6,14}|client:[A-Za-z0-9_.-]{1,64})$/
