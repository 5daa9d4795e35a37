// Rectification's problems, trend alerts, the cases assigned per department and month (for "problems per
// 1,000 cases") and the department directory: collection names, document shapes and indexes. The orders'
// side (collections.ts) reads these shapes; renaming a collection or a field needs a migration.
import type { ALERT_LEVELS, PROBLEM_KINDS, PROBLEM_SOURCE_KINDS } from '@tingjian/contracts'
import type { Collection, DocumentStore, IndexSpec } from '@tingjian/store'

export const PROBLEMS = 'problems'
/** Trend alerts; their outbox carries `rectification.alert-raised` (the relay publishes it). */
export const ALERTS = 'alerts'
/** One document per case: the first department it was assigned to and the month (`_id` = case id). */
export const CASE_COUNTS = 'case_counts'
export const DEPARTMENTS = 'departments'
/**
 * One document per department (`_id` = department id): the recent problems not yet decided away and the open
 * alerts per place key. Every alert decision of a department is one versioned write of this document, so two
 * deliveries racing cannot raise two alerts or count one problem twice.
 */
export const TRENDS = 'problem_trends'

export type ProblemKind = (typeof PROBLEM_KINDS)[number]
export type ProblemSourceKind = (typeof PROBLEM_SOURCE_KINDS)[number]
export type AlertLevel = (typeof ALERT_LEVELS)[number]
export type AlertStatus = 'open' | 'acknowledged' | 'ordered' | 'dismissed'

/** Normalised grouping keys, each prefixed with the department (null where the place is not known). */
export interface PlaceKeys {
  staff: string | null
  window: string | null
  office: string | null
  department: string
}

export interface ProblemDoc {
  kind: ProblemKind
  summary: string
  source: { kind: ProblemSourceKind; id: string; trackingCode: string | null }
  /** The service that reported it (`tracking`, `callbacks`), or `rectification` when recorded by hand. */
  reportedBy: string
  /** The officer who recorded it by hand; null for problems from events. */
  reportedById: string | null
  departmentId: string
  office: string | null
  window: string | null
  staffNumber: string | null
  keys: PlaceKeys
  caseId: string | null
  evidenceUrl: string | null
  occurredAt: string
  /** The month of `occurredAt` in Asia/Shanghai (`YYYY-MM`), for the KPIs' grouped counts. */
  month: string
  receivedAt: string
  /** The problem-found event it came from (null when recorded by hand). */
  eventId: string | null
  alertId: string | null
  orderId: string | null
  /** Set when an appeal against it was upheld: out of every KPI and alert count, shown as withdrawn. */
  withdrawn: { appealId: string; reason: string; at: string } | null
}

export interface AlertDoc {
  level: AlertLevel
  /** The place key the problems share (`PlaceKeys[level]`). */
  key: string
  departmentId: string
  office: string | null
  window: string | null
  staffNumber: string | null
  problemIds: string[]
  threshold: number
  windowDays: number
  status: AlertStatus
  raisedAt: string
  updatedAt: string
  acknowledged: { by: string; at: string } | null
  dismissed: { by: string; at: string; reason: string } | null
  orderId: string | null
}

/** Per case: counted once, in the month and department of its first assignment. */
export interface CaseCountDoc {
  departmentId: string
  month: string
  at: string
}

/** What rectification knows of identity's departments (as tracking keeps it). */
export interface DepartmentDoc {
  code?: string | null
  name: string
  nameEn: string | null
  active: boolean
  changedAt: string
  eventId: string
}

/** A problem as the department's trend document remembers it. */
export interface TrendMember {
  problemId: string
  occurredAt: string
  keys: PlaceKeys
  /** The alert it is evidence of, or null while it only counts towards one. */
  alertId: string | null
}

export interface TrendDoc {
  departmentId: string
  members: TrendMember[]
  /** Alerts still open (open or acknowledged) by their place key. */
  open: Array<{ alertId: string; level: AlertLevel; key: string }>
}

export type Problems = Collection<ProblemDoc>
export type Alerts = Collection<AlertDoc>
export type CaseCounts = Collection<CaseCountDoc>
export type Departments = Collection<DepartmentDoc>
export type Trends = Collection<TrendDoc>

export const PROBLEM_INDEXES: IndexSpec[] = [
  { name: 'occurred', keys: [['occurredAt', -1]] },
  {
    name: 'department_occurred',
    keys: [
      ['departmentId', 1],
      ['occurredAt', -1],
    ],
  },
  {
    name: 'month_department',
    keys: [
      ['month', 1],
      ['departmentId', 1],
    ],
  },
  { name: 'alert', keys: [['alertId', 1]] },
  { name: 'order', keys: [['orderId', 1]] },
  { name: 'case', keys: [['caseId', 1]] },
]
export const ALERT_INDEXES: IndexSpec[] = [
  {
    name: 'status_raised',
    keys: [
      ['status', 1],
      ['raisedAt', -1],
    ],
  },
  { name: 'raised', keys: [['raisedAt', -1]] },
  { name: 'department', keys: [['departmentId', 1]] },
]
export const CASE_COUNT_INDEXES: IndexSpec[] = [
  {
    name: 'month_department',
    keys: [
      ['month', 1],
      ['departmentId', 1],
    ],
  },
]
export const DEPARTMENT_INDEXES: IndexSpec[] = [{ name: 'code', keys: [['code', 1]] }]

export async function openProblemCollections(store: DocumentStore) {
  const problems = store.collection<ProblemDoc>(PROBLEMS)
  const alerts = store.collection<AlertDoc>(ALERTS)
  const caseCounts = store.collection<CaseCountDoc>(CASE_COUNTS)
  const departments = store.collection<DepartmentDoc>(DEPARTMENTS)
  const trends = store.collection<TrendDoc>(TRENDS)
  await problems.ensureIndexes(PROBLEM_INDEXES)
  await alerts.ensureIndexes(ALERT_INDEXES)
  await caseCounts.ensureIndexes(CASE_COUNT_INDEXES)
  await departments.ensureIndexes(DEPARTMENT_INDEXES)
  return { problems, alerts, caseCounts, departments, trends }
}

export type ProblemCollections = Awaited<ReturnType<typeof openProblemCollections>>
