// The rectification service's API as the pages use it (services/rectification, /api/v1/rectification):
// who may use which page, the lists the pages iterate over, the evidence upload (multipart, with the staff
// token) and the attachment download (fetched with the token, saved by the browser).
import { API, ApiError } from './client.ts'
import { session } from './session.ts'
import type { Problem, Role } from './types.ts'

export const RECT = '/rectification'

/** The discipline console and the alerts: discipline officers act, supervisors read. */
export const CONSOLE_ROLES: readonly Role[] = ['discipline_officer', 'supervisor']
/** Orders are issued, verified, sent back, closed and re-checked by discipline officers only. */
export const OFFICER_ROLES: readonly Role[] = ['discipline_officer']
/** The responsible department's view: its lead and handlers. */
export const DEPARTMENT_ROLES: readonly Role[] = ['dept_lead', 'handler']
/** Who may open an order's page (the service answers 404 for another department's order). */
export const ORDER_ROLES: readonly Role[] = [...CONSOLE_ROLES, ...DEPARTMENT_ROLES]
/** The KPIs: discipline officers, supervisors, administrators. */
export const KPI_ROLES: readonly Role[] = ['discipline_officer', 'supervisor', 'admin']

export const orderPath = (id: string) => `${RECT}/orders/${encodeURIComponent(id)}`
export const orderPage = (id: string) => `/staff/rectification/orders/${encodeURIComponent(id)}`
export const alertPage = (id: string) => `/staff/rectification/alerts/${encodeURIComponent(id)}`

/** Posts the evidence form (text and files) with the token; the order as it is now, or an ApiError. */
export async function postEvidence<T>(orderId: string, form: FormData): Promise<T> {
  const send = async (token: string) =>
    fetch(`${API}${orderPath(orderId)}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, accept: 'application/json, application/problem+json' },
      body: form,
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

/** Fetches a staff file (an attachment, a CSV) with the token and hands it to the browser as a download. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const token = await session.freshToken()
  if (!token) throw new ApiError(401, { status: 401, title: 'Unauthorized', code: 'NO_SESSION' })
  let res: Response
  try {
    res = await fetch(`${API}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: '*/*' },
      credentials: 'same-origin',
      cache: 'no-store',
    })
  } catch {
    throw new ApiError(0, { title: 'network', code: 'NETWORK' })
  }
  if (!res.ok) {
    let problem: Record<string, unknown> = {}
    try {
      problem = (await res.json()) as Record<string, unknown>
    } catch {
      // not a problem document
    }
    throw new ApiError(res.status, { status: res.status, title: res.statusText, ...problem })
  }
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

// ---- shapes (provisional: written from services/rectification/src/schemas/*.ts; replaced by aliases of the
// generated types once the platform serves the service's OpenAPI document) ----

export const ORDER_STATUSES = [
  'issued',
  'acknowledged',
  'planned',
  'evidence_submitted',
  'verified',
  'closed',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export const PRIORITIES = ['normal', 'high', 'urgent'] as const
export type Priority = (typeof PRIORITIES)[number]
export const LADDER_STEPS = ['acknowledgement_overdue', 'reminder', 'supervision', 'warning'] as const
export type LadderStep = (typeof LADDER_STEPS)[number]
export const ALERT_LEVELS = ['staff', 'window', 'office', 'department'] as const
export const ALERT_STATUSES = ['open', 'acknowledged', 'ordered', 'dismissed'] as const
export type AlertStatus = (typeof ALERT_STATUSES)[number]
export const SEND_BACK_KINDS = ['evidence_insufficient', 'not_effective'] as const
export type SendBackKind = (typeof SEND_BACK_KINDS)[number]
export const RECHECK_OUTCOMES = ['held', 'returned'] as const
export const APPEAL_DECISIONS = ['upheld', 'rejected'] as const
export const PROBLEM_KINDS = [
  'dissatisfied',
  'substantiated_complaint',
  'overdue_criticism',
  'overcharge',
  'attitude',
  'missed_promise',
  'other',
] as const
export type ProblemKind = (typeof PROBLEM_KINDS)[number]

type Instant = string
interface Actor {
  by: string
  role: string
  at: Instant
}

export interface Place {
  departmentId: string
  departmentName?: string | null
  office: string | null
  window: string | null
  staffNumber: string | null
}

export interface ProblemSource {
  kind: 'case' | 'survey' | 'service_record' | string
  id: string
  trackingCode: string | null
}

export interface ProblemView extends Place {
  id: string
  version: number
  kind: ProblemKind
  summary: string
  source: ProblemSource
  reportedBy: string
  reportedById: string | null
  caseId: string | null
  evidenceUrl: string | null
  occurredAt: Instant
  receivedAt: Instant
  alertId: string | null
  orderId: string | null
  withdrawn: { appealId: string; reason: string; at: Instant } | null
}

export interface AlertView extends Place {
  id: string
  version: number
  level: (typeof ALERT_LEVELS)[number]
  problemIds: string[]
  threshold: number
  windowDays: number
  status: AlertStatus
  raisedAt: Instant
  updatedAt: Instant
  acknowledged: { by: string; at: Instant } | null
  dismissed: { by: string; at: Instant; reason: string } | null
  orderId: string | null
}
export interface AlertDetail extends AlertView {
  problems: ProblemView[]
}

export interface AttachmentView {
  attachmentId: string
  filename: string
  contentType: string
  bytes: number
  sha256: string
  url: string
}

export interface OrderTimelineEntry {
  seq: number
  at: Instant
  actorId: string | null
  actorRole: string
  action: string
  note: string | null
  public: boolean
  prevHash: string
  hash: string
}

export interface OrderSummary extends Place {
  orderId: string
  number: string
  title: string
  status: OrderStatus
  priority: Priority
  issuedAt: Instant
  acknowledgeBy: Instant
  dueAt: Instant
  originalDueAt: Instant
  overdue: boolean
  round: number
  problemCount: number
  caseIds: string[]
  alertId: string | null
  ladder: LadderStep[]
  recheckAt: Instant | null
  version: number
}

export interface OrderProblem {
  problemId: string
  kind: string
  summary: string | null
  source: ProblemSource | null
  evidenceUrl: string | null
  occurredAt: Instant | null
  withdrawn: boolean
}

export interface OrderView extends OrderSummary {
  person: string | null
  measuresRequired: string
  deadline: { workingDays: number } | { date: string }
  issued: Actor
  acknowledged: Actor | null
  problems: OrderProblem[]
  plans: Array<{
    round: number
    measures: string
    owner: string
    plannedBy: Instant
    by: string
    at: Instant
  }>
  evidence: Array<{
    evidenceId: string
    round: number
    text: string
    attachments: AttachmentView[]
    by: string
    at: Instant
    review: { outcome: 'verified' | SendBackKind; reason: string | null; by: string; at: Instant } | null
  }>
  attachmentCount: number
  sendBacks: Array<{ kind: SendBackKind; reason: string; round: number; by: string; at: Instant }>
  verified: Actor | null
  closed: { by: string; at: Instant; publicSummary: string; onTime: boolean } | null
  rechecks: Array<{ outcome: 'held' | 'returned'; note: string; by: string; at: Instant }>
  reopenCount: number
  appeals: Array<{
    appealId: string
    problemId: string
    status: 'pending' | 'upheld' | 'rejected'
    filedAt: Instant
  }>
  timeline: OrderTimelineEntry[]
  timelineHead: string
  timelineCount: number
}

export interface AppealView {
  appealId: string
  version: number
  problemId: string
  departmentId: string
  departmentName?: string | null
  orderId: string | null
  reasons: string
  status: 'pending' | 'upheld' | 'rejected'
  filed: Actor
  decided: (Actor & { reason: string }) | null
}

export interface KpiRow {
  departmentId: string
  departmentName: string | null
  month: string | null
  issued: number
  closed: number
  closedOnTime: number
  onTimeRate: number | null
  sentBackOrders: number
  sendBacks: number
  rechecked: number
  reopened: number
  problems: number
  problemsWithdrawn: number
  casesAssigned: number
  problemsPer1000Cases: number | null
}
export interface Kpis {
  from: string
  to: string
  groupBy: 'department' | 'month' | 'department_month'
  rows: KpiRow[]
}

export interface PublicSummary {
  month: string
  closed: number
  closedOnTime: number
  items: Array<{
    departmentId: string
    departmentName: string | null
    problemKinds: ProblemKind[]
    measures: string
    closedOn: string
    onTime: boolean
  }>
  byKind: Array<{ kind: ProblemKind; orders: number }>
  byDepartment: Array<{
    departmentId: string
    departmentName: string | null
    closed: number
    closedOnTime: number
  }>
}
