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

/** Working days from an ISO instant to now are the server's business; this is only "is it past". */
export const isPast = (iso: string | null | undefined, now = Date.now()) =>
  Boolean(iso && Date.parse(iso) < now)

// ---- shapes (provisional: replaced by the generated types once the service's OpenAPI document lands) ----

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
export const FINDINGS = ['substantiated', 'partly_substantiated', 'unfounded'] as const
export type Finding = (typeof FINDINGS)[number]

export interface Place {
  departmentId: string
  office: string | null
  window: string | null
  staffNumber: string | null
}

export interface ProblemView extends Place {
  problemId: string
  kind: ProblemKind
  summary: string
  source: { kind: 'case' | 'survey' | 'service_record'; id: string; trackingCode: string | null }
  evidenceUrl: string | null
  occurredAt: string
  alertId: string | null
  orderId: string | null
  withdrawn: { appealId: string; reason: string; at: string } | null
}

export interface AlertView extends Place {
  alertId: string
  level: (typeof ALERT_LEVELS)[number]
  problemIds: string[]
  problems?: ProblemView[]
  threshold: number
  windowDays: number
  status: AlertStatus
  raisedAt: string
  acknowledged: { by: string; at: string } | null
  dismissed: { by: string; at: string; reason: string } | null
  orderId: string | null
  version: number
}

export interface AttachmentView {
  attachmentId: string
  filename: string
  bytes: number
  contentType: string
  sha256: string
}

export interface OrderTimelineEntry {
  seq: number
  at: string
  action: string
  actorId: string | null
  actorRole: string
  note: string | null
}

export interface OrderView extends Place {
  orderId: string
  number: string
  status: OrderStatus
  version: number
  title: string
  person: string | null
  measuresRequired: string
  priority: Priority
  issuedAt: string
  acknowledgeBy: string
  dueAt: string
  originalDueAt: string
  overdue: boolean
  round: number
  alertId: string | null
  caseIds: string[]
  problemIds: string[]
  problems?: ProblemView[]
  plans: Array<{ round: number; measures: string; owner: string; plannedBy: string; submittedAt: string }>
  evidence: Array<{
    round: number
    text: string
    submittedAt: string
    attachments: AttachmentView[]
    sentBack: { kind: SendBackKind; reason: string; at: string } | null
  }>
  ladder: Array<{ step: (typeof LADDER_STEPS)[number]; at: string }>
  closed: { at: string; publicSummary: string; onTime: boolean; recheckAt: string | null } | null
  timeline?: OrderTimelineEntry[]
}

export interface AppealView {
  appealId: string
  problemId: string
  orderId: string | null
  departmentId: string
  reasons: string
  status: 'pending' | 'upheld' | 'rejected'
  submittedAt: string
  decision: { decision: 'upheld' | 'rejected'; reason: string; at: string } | null
  version: number
}

export interface KpiRow {
  departmentId: string
  month: string
  issued: number
  closed: number
  onTime: number
  sentBack: number
  reopened: number
  problems: number
  cases: number
}

export interface PublicSummary {
  month: string
  items: Array<{
    departmentId: string
    departmentName: string | null
    kinds: ProblemKind[]
    measures: string
    closedAt: string
  }>
}
