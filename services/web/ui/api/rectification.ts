// The rectification service's API as the pages use it (services/rectification, /api/v1/rectification):
// who may use which page, the lists the pages iterate over, the evidence upload (multipart, with the staff
// token) and the attachment download (fetched with the token, saved by the browser).
import { staffApi } from './client.ts'
import type { paths as RectApi } from './generated/rectification.ts'
import type { Role } from './types.ts'

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
export const postEvidence = <T>(orderId: string, form: FormData): Promise<T> =>
  staffApi<T>(`${orderPath(orderId)}/evidence`, { method: 'POST', raw: form })

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

type P = '/api/v1/rectification'
type Orders = RectApi[`${P}/orders`]

export type OrderSummary = Answer<Orders['get']>['items'][number]
export type OrderView = Answer<RectApi[`${P}/orders/{orderId}`]['get']>
export type IssueOrder = RequestBody<Orders['post']>
export type OrderProblem = OrderView['problems'][number]
export type AttachmentView = OrderView['evidence'][number]['attachments'][number]
export type OrderTimelineEntry = OrderView['timeline'][number]
export type TimelineVerification = Answer<RectApi[`${P}/orders/{orderId}/timeline/verify`]['get']>
export type AlertView = Answer<RectApi[`${P}/alerts`]['get']>['items'][number]
export type AlertDetail = Answer<RectApi[`${P}/alerts/{id}`]['get']>
export type ProblemView = Answer<RectApi[`${P}/problems`]['get']>['items'][number]
export type NewProblem = RequestBody<RectApi[`${P}/problems`]['post']>
export type AppealView = Answer<RectApi[`${P}/appeals`]['get']>['items'][number]
export type Kpis = Answer<RectApi[`${P}/kpis`]['get']>
export type KpiRow = Kpis['rows'][number]
export type PublicSummary = Answer<RectApi[`${P}/public/summary`]['get']>

/** Where a problem or an order is: the department always; office, window and staff number when known. */
export interface Place {
  departmentId: string
  departmentName?: string | null
  office: string | null
  window: string | null
  staffNumber: string | null
}

/** What a problem came from (a case, a callback survey, a service record). */
export interface ProblemSource {
  kind: string
  id: string
  trackingCode: string | null
}

// ---- the values the pages list, checked against the API ----

export const ORDER_STATUSES = [
  'issued',
  'acknowledged',
  'planned',
  'evidence_submitted',
  'verified',
  'closed',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
same<Same<OrderStatus, OrderView['status']>>(true)

export const PRIORITIES = ['normal', 'high', 'urgent'] as const
export type Priority = (typeof PRIORITIES)[number]
same<Same<Priority, OrderView['priority']>>(true)

export const LADDER_STEPS = ['acknowledgement_overdue', 'reminder', 'supervision', 'warning'] as const
same<Same<(typeof LADDER_STEPS)[number], OrderView['ladder'][number]>>(true)

export const ALERT_LEVELS = ['staff', 'window', 'office', 'department'] as const
same<Same<(typeof ALERT_LEVELS)[number], AlertView['level']>>(true)

export const ALERT_STATUSES = ['open', 'acknowledged', 'ordered', 'dismissed'] as const
export type AlertStatus = (typeof ALERT_STATUSES)[number]
same<Same<AlertStatus, AlertView['status']>>(true)

export const SEND_BACK_KINDS = ['evidence_insufficient', 'not_effective'] as const
same<
  Same<
    (typeof SEND_BACK_KINDS)[number],
    RequestBody<RectApi[`${P}/orders/{orderId}/send-back`]['post']>['kind']
  >
>(true)

export const RECHECK_OUTCOMES = ['held', 'returned'] as const
same<
  Same<
    (typeof RECHECK_OUTCOMES)[number],
    RequestBody<RectApi[`${P}/orders/{orderId}/recheck`]['post']>['outcome']
  >
>(true)

export const APPEAL_DECISIONS = ['upheld', 'rejected'] as const
same<
  Same<
    (typeof APPEAL_DECISIONS)[number],
    RequestBody<RectApi[`${P}/appeals/{appealId}/decide`]['post']>['decision']
  >
>(true)

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
same<Same<ProblemKind, ProblemView['kind']>>(true)
