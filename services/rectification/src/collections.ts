// The rectification service's collections, their indexes, the order and appeal documents, and the context
// every route plugin, consumer and the scheduler get. The problem side (problems, alerts, case counts,
// departments, trends) is declared in ./problems.ts. Renaming a collection or a field needs a migration.
import type { BlobStore } from '@tingjian/blob'
import type { PublishedCalendar } from '@tingjian/calendar'
import type {
  ORDER_LADDER_STEPS,
  ORDER_PRIORITIES,
  ORDER_STATUSES,
  SEND_BACK_KINDS,
} from '@tingjian/contracts'
import type { Clock, TimelineEntry } from '@tingjian/kit'
import type { Collection, DocumentStore, IndexSpec } from '@tingjian/store'
import { openProblemCollections, type ProblemCollections, type ProblemKind } from './problems.ts'

export const ORDERS = 'orders'
export const APPEALS = 'appeals'
/** Per-year counters of order numbers (`_id` = `orders-<yyyy>`); the unique index on `number` decides. */
export const COUNTERS = 'counters'

export type OrderStatus = (typeof ORDER_STATUSES)[number]
export type OrderPriority = (typeof ORDER_PRIORITIES)[number]
export type LadderStep = (typeof ORDER_LADDER_STEPS)[number]
export type SendBackKind = (typeof SEND_BACK_KINDS)[number]

/** How the deadline was given: working days from the issue, or a date (`YYYY-MM-DD`, Asia/Shanghai). */
export type Deadline = { workingDays: number } | { date: string }

export interface Actor {
  by: string
  role: string
  at: string
}

export interface OrderPlan extends Actor {
  round: number
  measures: string
  /** Who carries the measures out (a post or a name: staff data). */
  owner: string
  /** By when (the end of that day, Asia/Shanghai). */
  plannedBy: string
}

export interface OrderAttachment {
  /** `ratt_<uuidv7>`: what the download URL names (never the blob id). */
  id: string
  blobId: string
  /** The name as uploaded (checked: no path); sent back only encoded in Content-Disposition. */
  filename: string
  contentType: string
  bytes: number
  sha256: string
}

export interface OrderEvidence extends Actor {
  id: string
  round: number
  text: string
  attachments: OrderAttachment[]
  /** The decision on it: null while it waits for a discipline officer. */
  review: { outcome: 'verified' | SendBackKind; reason: string | null; by: string; at: string } | null
}

export interface LadderTaken {
  step: LadderStep
  at: string
  /** The deadline the step was about (for a warning, the one that was missed). */
  dueAt: string
}

export interface OrderDoc {
  /** `ZG<yyyy>-<5 digits>`, unique. */
  number: string
  title: string
  status: OrderStatus
  /** For the list's order: 0 while the department owes something, 1 while an officer must act, 2 closed. */
  rank: 0 | 1 | 2
  priority: OrderPriority
  problemIds: string[]
  problemKinds: ProblemKind[]
  /** The cases among the problems' sources (tracking shows the order on their timelines). */
  caseIds: string[]
  alertId: string | null
  departmentId: string
  office: string | null
  window: string | null
  staffNumber: string | null
  /** The responsible official's name or post (staff data). */
  person: string | null
  measuresRequired: string
  deadline: Deadline
  issued: Actor
  /** The lead's acknowledgement deadline (1 working day after the issue, or after a reopening). */
  acknowledgeBy: string
  /** The first deadline: `onTime` is measured against it. */
  originalDueAt: string
  /** The deadline in force (a warning or a reopening sets a new one). */
  dueAt: string
  /** 1 for the first plan; a send-back as not effective, or a reopening, asks for the next. */
  round: number
  acknowledged: Actor | null
  plans: OrderPlan[]
  evidence: OrderEvidence[]
  /** Attachments of every evidence submission (at most `maxAttachmentsPerOrder`). */
  attachmentCount: number
  sendBacks: Array<Actor & { kind: SendBackKind; reason: string; round: number }>
  verified: Actor | null
  closed: (Actor & { publicSummary: string; onTime: boolean; month: string }) | null
  /** When the re-check (回头看) is due; null when none is set or it is done. */
  recheckAt: string | null
  rechecks: Array<Actor & { outcome: 'held' | 'returned'; note: string }>
  reopenCount: number
  /** The current ladder (a reopening starts a new one); each step at most once. */
  ladder: LadderTaken[]
  /** When the scheduler must look at this order next (null: nothing owed). */
  nextLadderAt: string | null
  timeline: TimelineEntry[]
  timelineHead: string
  timelineCount: number
}

export type AppealStatus = 'pending' | 'upheld' | 'rejected'

export interface AppealDoc {
  problemId: string
  departmentId: string
  /** The order the problem is in when the appeal was made, if any. */
  orderId: string | null
  reasons: string
  status: AppealStatus
  filed: Actor
  decided: (Actor & { reason: string }) | null
  /**
   * The problem id while pending, absent once decided: the sparse unique index that allows one pending
   * appeal per problem (absent, not null: a sparse index still holds nulls).
   */
  pendingKey?: string
}

export interface CounterDoc {
  next: number
}

export type Orders = Collection<OrderDoc>
export type Appeals = Collection<AppealDoc>
export type Counters = Collection<CounterDoc>

export const ORDER_INDEXES: IndexSpec[] = [
  { name: 'number', keys: [['number', 1]], unique: true },
  {
    name: 'rank_due',
    keys: [
      ['rank', 1],
      ['dueAt', 1],
    ],
  },
  {
    name: 'status_due',
    keys: [
      ['status', 1],
      ['dueAt', 1],
    ],
  },
  {
    name: 'department_due',
    keys: [
      ['departmentId', 1],
      ['dueAt', 1],
    ],
  },
  { name: 'due', keys: [['dueAt', 1]] },
  { name: 'next_ladder', keys: [['nextLadderAt', 1]] },
  { name: 'recheck', keys: [['recheckAt', 1]] },
  { name: 'problems', keys: [['problemIds', 1]] },
  { name: 'closed_month', keys: [['closed.month', 1]] },
]
export const APPEAL_INDEXES: IndexSpec[] = [
  { name: 'pending', keys: [['pendingKey', 1]], unique: true, sparse: true },
  { name: 'problem', keys: [['problemId', 1]] },
  {
    name: 'department_status',
    keys: [
      ['departmentId', 1],
      ['status', 1],
    ],
  },
  { name: 'filed', keys: [['filed.at', -1]] },
]

export interface RectificationSettings {
  /** Problems at one place within the window that raise a trend alert (default 3). */
  alertThreshold: number
  /** The rolling window of trend alerts, in days (default 30). */
  alertWindowDays: number
  /** An order's deadline in working days when none is given (default 15). */
  defaultDeadlineDays: number
  /** A warning's (告诫) new deadline, in working days after it (default 5). */
  warningExtensionDays: number
  /** Bytes per evidence attachment (default 10 MiB). */
  maxAttachmentBytes: number
  /** Attachments per order in all (default 20). */
  maxAttachmentsPerOrder: number
}

export const DEFAULT_SETTINGS: RectificationSettings = {
  alertThreshold: 3,
  alertWindowDays: 30,
  defaultDeadlineDays: 15,
  warningExtensionDays: 5,
  maxAttachmentBytes: 10 * 1024 * 1024,
  maxAttachmentsPerOrder: 20,
}

export interface RectificationContext extends ProblemCollections {
  orders: Orders
  appeals: Appeals
  counters: Counters
  clock: Clock
  /** The working-day calendar (built-in years, replaced by the calendar service's published tables). */
  calendar: PublishedCalendar
  blobs: BlobStore
  settings: RectificationSettings
}

export async function openCollections(store: DocumentStore) {
  const orders = store.collection<OrderDoc>(ORDERS)
  const appeals = store.collection<AppealDoc>(APPEALS)
  const counters = store.collection<CounterDoc>(COUNTERS)
  await orders.ensureIndexes(ORDER_INDEXES)
  await appeals.ensureIndexes(APPEAL_INDEXES)
  return { orders, appeals, counters, ...(await openProblemCollections(store)) }
}
