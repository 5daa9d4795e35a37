// The callbacks service's collections, their indexes, the task, claim, policy, script and officer
// documents, and the context every route plugin, consumer and the scheduler get. The service records'
// side (records, strata, sources) is declared in ./records.ts. Renaming a collection or a field needs a
// migration.
import type { PublishedCalendar } from '@tingjian/calendar'
import type { Clock } from '@tingjian/kit'
import type { Collection, DocumentStore, IndexSpec } from '@tingjian/store'
import type { Telephony } from '@tingjian/telephony'
import type { Answers } from './domain/answers.ts'
import type { Policy } from './domain/policy.ts'
import type { Script } from './domain/scripts.ts'
import { openRecordCollections, type RecordCollections } from './records.ts'

export const TASKS = 'tasks'
/** One document per claim (`<taskId>:<generation>`): the unique insert decides who holds a task. */
export const CLAIMS = 'claims'
/** The stored policy (`_id` = `policy`). */
export const POLICY = 'policy'
/** Scripts per service type (`_id` = the service type). */
export const SCRIPTS = 'scripts'
/** Callback officers' own phones (`_id` = the user id). */
export const OFFICERS = 'officers'
/**
 * One document per replied case that was eligible (`_id` = the sampling key `case:<caseId>:<rework>`):
 * its draw, and whether it was counted in its stratum's population (once, however often redelivered).
 */
export const CASE_DRAWS = 'case_draws'

export const SUBJECT_KINDS = ['case', 'service_record'] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]
export const TASK_STATUSES = ['open', 'claimed', 'completed', 'unreachable'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
export const TASK_MODES = ['staff', 'automated'] as const
export type TaskMode = (typeof TASK_MODES)[number]
/** What an attempt came to. `machine` and `no_input` are the automated line's. */
export const ATTEMPT_OUTCOMES = [
  'completed',
  'no_answer',
  'busy',
  'wrong_number',
  'refused',
  'call_back_later',
  'machine',
  'no_input',
  'hung_up',
] as const
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number]
/** The outcomes a callback officer records by hand. */
export const STAFF_OUTCOMES = [
  'completed',
  'no_answer',
  'busy',
  'wrong_number',
  'refused',
  'call_back_later',
] as const
export type StaffOutcome = (typeof STAFF_OUTCOMES)[number]
export type AttemptChannel = 'staff' | 'automated'

export interface TaskAttempt {
  n: number
  at: string
  /** The officer (staff attempts); null for the automated line. */
  by: string | null
  channel: AttemptChannel
  outcome: AttemptOutcome
  callId: string | null
  /** The officer's note (staff words; never the citizen's number). */
  note: string | null
  /** call_back_later: the time the citizen asked for. */
  callBackAt?: string | null
}

export interface TaskClaim {
  by: string
  at: string
  /** The claim's generation: `<taskId>:<generation>` in the claims collection. */
  generation: number
}

export interface TaskCall {
  by: string
  at: string
  callId: string
  /** The attempt number the call was placed for. */
  attempt: number
  /** How the citizen's leg ended, when the provider said (completed, busy, no-answer, …). */
  dialStatus?: string | null
}

export interface TaskReveal {
  by: string
  at: string
}

/** A service record the task is about (subject kind `service_record`). */
export interface TaskRecordRef {
  source: string
  recordId: string
}

export interface TaskDoc {
  subjectKind: SubjectKind
  caseId: string | null
  trackingCode: string | null
  serviceRecord: TaskRecordRef | null
  /** passport, id_card, …; `case` for a case's callback. */
  serviceType: string
  departmentId: string
  office: string | null
  window: string | null
  staffNumber: string | null
  /** The number to dial (normalised mainland number), sealed. */
  phone: string
  /** `cipher.hash(normalised, 'phone')`. */
  phoneHash: string
  /** `138****5678`. */
  phoneMasked: string
  /** The applicant's name, sealed (service records only). */
  applicantName: string | null
  /** The rate the task was drawn at (1: every eligible one). */
  samplingRate: number
  /** The stratum the rate belongs to (`department:<id>`, `category:<c>`, `<office>|<serviceType>`). */
  stratum: string
  /** The fee schedule's amount (service records), for the overcharge rule. */
  feeSchedule: number | null
  /** The rework round of the case the task is for (0 for the first reply; 0 for records). */
  reworkCount: number
  mode: TaskMode
  status: TaskStatus
  /** 09:00 of the next working day after the reply or the service. */
  dueFrom: string
  /** Call back later, or the next half-day after a failed attempt: not offered before. */
  notBefore: string | null
  /** max(dueFrom, notBefore): what the queue compares with now. */
  availableAt: string
  claim: TaskClaim | null
  /** The next claim's generation (a release moves it on). */
  generation: number
  attempts: TaskAttempt[]
  answers: Answers | null
  reveals: TaskReveal[]
  calls: TaskCall[]
  /** The month (`YYYY-MM`, Asia/Shanghai) the task became eligible in: the KPIs' month. */
  month: string
  /** When the subject happened: the reply, or the service's completion. */
  subjectAt: string
  closedAt: string | null
  /** unreachable: why (unreachable, wrong_number, refused). */
  closedReason: 'unreachable' | 'wrong_number' | 'refused' | null
}

export interface ClaimDoc {
  taskId: string
  by: string
  at: string
  generation: number
}

export interface CaseDrawDoc {
  taskId: string
  month: string
  stratum: string
  rate: number
  sampled: boolean
  /** Set once the stratum's population counted it. */
  counted: boolean
}

export interface PolicyDoc {
  policy: Policy
  updatedBy: string | null
}

export interface ScriptDoc {
  script: Script
  updatedBy: string | null
}

export interface OfficerDoc {
  userId: string
  /** The officer's phone (E.164) or soft phone (`client:<name>`): what rings when they call. */
  endpoint: string
}

export type Tasks = Collection<TaskDoc>
export type Claims = Collection<ClaimDoc>
export type Policies = Collection<PolicyDoc>
export type Scripts = Collection<ScriptDoc>
export type Officers = Collection<OfficerDoc>

export const TASK_INDEXES: IndexSpec[] = [
  {
    name: 'queue',
    keys: [
      ['status', 1],
      ['mode', 1],
      ['dueFrom', 1],
      ['createdAt', 1],
    ],
  },
  {
    name: 'claimant',
    keys: [
      ['claim.by', 1],
      ['status', 1],
    ],
  },
  { name: 'case', keys: [['caseId', 1]] },
  { name: 'phone', keys: [['phoneHash', 1]] },
  {
    name: 'month_department',
    keys: [
      ['month', 1],
      ['departmentId', 1],
    ],
  },
  { name: 'available', keys: [['availableAt', 1]] },
]

export interface CallbacksSettings {
  /** Automated calls placed per scheduler pass at most (default 5). */
  automatedBatch: number
  /** Seconds an outbound call rings before it gives up (default 30). */
  ringSeconds: number
}

export const DEFAULT_SETTINGS: CallbacksSettings = {
  automatedBatch: 5,
  ringSeconds: 30,
}

/** Seals a field (the kit's FieldCipher) and hashes it for equality search. */
export interface Sealer {
  encrypt(plain: string): string
  decrypt(sealed: string): string
  isEncrypted(value: string): boolean
  hash(plain: string, field?: string): string
}

export interface CallbacksContext extends RecordCollections {
  tasks: Tasks
  claims: Claims
  policy: Policies
  scripts: Scripts
  officers: Officers
  caseDraws: Collection<CaseDrawDoc>
  clock: Clock
  /** The working-day calendar (built-in years, replaced by the calendar service's published tables). */
  calendar: PublishedCalendar
  cipher: Sealer
  telephony: Telephony
  /** PUBLIC_BASE_URL: webhook URLs are built on it and verified against it. */
  publicBaseUrl: string
  /** The caller id of outbound calls (E.164). */
  lineNumber: string
  settings: CallbacksSettings
  /** Department codes and ids known from identity's events (service records name either). */
  departments: Collection<DepartmentDoc>
}

/** A department as identity announced it (`_id` = its id); the newest event wins. */
export interface DepartmentDoc {
  code: string | null
  name: string
  nameEn: string | null
  active: boolean
  changedAt: string
  eventId: string
}
export const DEPARTMENTS = 'departments'

export async function openCollections(store: DocumentStore) {
  const tasks = store.collection<TaskDoc>(TASKS)
  const claims = store.collection<ClaimDoc>(CLAIMS)
  const policy = store.collection<PolicyDoc>(POLICY)
  const scripts = store.collection<ScriptDoc>(SCRIPTS)
  const officers = store.collection<OfficerDoc>(OFFICERS)
  const departments = store.collection<DepartmentDoc>(DEPARTMENTS)
  const caseDraws = store.collection<CaseDrawDoc>(CASE_DRAWS)
  await tasks.ensureIndexes(TASK_INDEXES)
  await claims.ensureIndexes([{ name: 'task', keys: [['taskId', 1]] }])
  await departments.ensureIndexes([{ name: 'code', keys: [['code', 1]] }])
  return {
    tasks,
    claims,
    policy,
    scripts,
    officers,
    departments,
    caseDraws,
    ...(await openRecordCollections(store)),
  }
}
