// The shapes of the API answers the app reads, mirrored from the services' TypeBox schemas
// (services/*/src/schemas). Only what the app uses; the API may send more.

export const CATEGORIES = ['complaint', 'report', 'suggestion', 'consultation', 'praise'] as const
export type Category = (typeof CATEGORIES)[number]

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

export const ROLES = [
  'admin',
  'dispatcher',
  'handler',
  'dept_lead',
  'supervisor',
  'callback_agent',
  'discipline_officer',
  'hotline_operator',
] as const
export type Role = (typeof ROLES)[number]

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const
export type Satisfaction = (typeof SATISFACTIONS)[number]

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

/** Action path segments after /cases/{id}/ (services/tracking/src/schemas/cases.ts, ActionBodies). */
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
  'notes',
] as const
export type Action = (typeof ACTIONS)[number]

export interface ProblemField {
  path: string
  message: string
}

export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  requestId?: string
  errors?: ProblemField[]
}

export interface LetterReceipt {
  letterId: string
  trackingCode: string
  accessKey: string
  submittedAt: string
}

export interface SubmitLetter {
  category: Category
  subject: string
  body: string
  anonymous: boolean
  name?: string
  phone?: string
  email?: string
  idNumber?: string
  consentToPublish: boolean
  locale: 'zh-CN' | 'en'
}

export interface PublicCase {
  trackingCode: string
  status: CaseStatus
  category: Category
  subject: string
  submittedAt: string
  dueAt: string | null
  timeline: Array<{ at: string; action: string; text: string | null }>
  reply: { text: string; repliedAt: string; department: string | null } | null
}

export interface PublicReply {
  category: Category
  subject: string
  reply: string
  repliedAt: string
  department: string | null
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface SatisfactionCounts {
  satisfied: number
  basically_satisfied: number
  dissatisfied: number
}

export interface PublicStats {
  /** `YYYY-MM`. */
  from: string
  to: string
  months: Array<{
    month: string
    departments: Array<{
      departmentId: string
      departmentName: string | null
      received: number
      closed: number
      onTimeClosed: number
      satisfaction: SatisfactionCounts
    }>
  }>
}

export interface DepartmentStats {
  from: string
  to: string
  departments: Array<{
    departmentId: string
    departmentName?: string | null
    received: number
    closed: number
    onTimeClosed: number
    overdue: number
    escalated: number
    satisfaction: SatisfactionCounts
  }>
}

export interface TimelineEntry {
  seq: number
  at: string
  actorId: string | null
  actorRole: string
  action: string
  note: string | null
  public: boolean
}

export interface CaseView {
  id: string
  version: number
  trackingCode: string
  channel: string
  category: Category
  subject: string
  body: string
  anonymous: boolean
  consentToPublish: boolean
  citizen: { name?: string; phone?: string; email?: string; idNumber?: string }
  status: CaseStatus
  submittedAt: string
  acceptedAt: string | null
  signDueAt: string | null
  dueAt: string | null
  overdue: boolean
  departmentId: string | null
  supportingDepartmentIds: string[]
  assigneeId: string | null
  escalationLevel: number
  extension: { days: number; reason: string; requestedBy: string | null; requestedAt: string } | null
  extendedDays: number
  /** Set when the department returned the case to the dispatcher. */
  returned?: { departmentId: string | null; reason: string; at: string } | null
  draftReply: { text: string; public: boolean; by: string | null; at: string } | null
  reply: { text: string; public: boolean; departmentId: string | null; repliedAt: string } | null
  closedAt: string | null
  onTime: boolean | null
  rating: { satisfaction: Satisfaction; comment: string | null; at: string } | null
  reworkCount: number
  notAcceptedReason: string | null
  mergedInto: string | null
  mergedCaseIds: string[]
  timeline: TimelineEntry[]
  /** The actions this caller may take now (added by tracking; absent on older servers). */
  actions?: string[]
}

export interface QueueCounts {
  counts: Partial<Record<Queue, number>>
}

export interface Department {
  id: string
  code: string
  name: string
  nameEn: string | null
  parentId: string | null
  active: boolean
  version: number
}

export interface StaffUser {
  id: string
  username: string
  displayName: string
  email: string | null
  roles: Role[]
  departmentId: string | null
  active: boolean
  version: number
}

export interface SessionUser {
  id: string
  username: string
  displayName: string
  roles: Role[]
  departmentId: string | null
}

export interface Tokens {
  accessToken: string
  expiresIn: number
  user: SessionUser
}
