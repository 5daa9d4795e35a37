// The staff work queues (待受理, 待签收, …): one store filter per queue, used both by the counts of
// GET /cases/queues and by GET /cases?queue=, so that a count is the length of its list.
import type { Filter, Scalar } from '@tingjian/store'
import type { Cases } from './case-store.ts'
import {
  ALLOWED_FROM,
  type Calendar,
  type CaseStatus,
  canSee,
  dueSoonLimit,
  OPEN_STATUSES,
  type StaffActor,
} from './domain/case.ts'

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
export type QueueCounts = Record<Queue, number>

/** Queues that are exactly one status: counted together by one grouped count. */
const STATUS_QUEUES = {
  to_accept: 'received',
  to_sign: 'assigned',
  in_progress: 'in_progress',
  reply_review: 'reply_review',
} as const satisfies Partial<Record<Queue, CaseStatus>>

const NOTHING: Filter = { _id: { $in: [] } }

/** Every filter must hold (empty ones are dropped). */
export function allOf(...filters: Array<Filter | null>): Filter {
  const parts = filters.filter((f): f is Filter => f !== null && Object.keys(f).length > 0)
  if (parts.length === 0) return {}
  if (parts.length === 1) return parts[0] as Filter
  return { $and: parts }
}

/** What the actor may see, as a filter: handlers and department leads their department's cases (as canSee). */
export function visibilityFilter(actor: StaffActor): Filter | null {
  if (canSee({ departmentIds: [] }, actor)) return null
  // an actor without a department sees nothing: no case has this id among its departments
  return { departmentIds: actor.departmentId ?? '\u0000none' }
}

/** Open and past the due date (isOverdue). `dueAt > ''`: a string, so not null. */
export const overdueFilter = (now: Date): Filter => ({
  status: { $in: [...OPEN_STATUSES] },
  dueAt: { $gt: '', $lt: now.toISOString() },
})

/**
 * Open, not overdue, and due by the end of the second working day after today (isDueSoon). That day
 * depends on the case's region (regional holidays), so the regions of the candidates are looked up
 * first (one grouped count) and the regions with the same limit share one condition.
 */
async function dueSoonFilter(cases: Cases, visible: Filter | null, now: Date, calendar: Calendar) {
  const window: Filter = { status: { $in: [...OPEN_STATUSES] }, dueAt: { $gte: now.toISOString() } }
  const regions = await cases.countBy(['region'], allOf(visible, window))
  const byLimit = new Map<string, Scalar[]>()
  for (const { key } of regions) {
    const region = typeof key.region === 'string' ? key.region : null
    const limit = dueSoonLimit(now, calendar, region).toISOString()
    byLimit.set(limit, [...(byLimit.get(limit) ?? []), region])
  }
  const due = (limit: string): Filter => ({ dueAt: { $gte: now.toISOString(), $lte: limit } })
  if (byLimit.size === 0) return NOTHING
  const status = { $in: [...OPEN_STATUSES] }
  if (byLimit.size === 1) return { status, ...due([...byLimit.keys()][0] as string) }
  // `region: {$in: [null]}` also finds cases without the field, as the grouped count grouped them
  return { status, $or: [...byLimit].map(([limit, list]) => ({ region: { $in: list }, ...due(limit) })) }
}

/** The filter of one queue (without the visibility rule). */
export async function queueFilter(
  queue: Queue,
  deps: { cases: Cases; calendar: Calendar },
  visible: Filter | null,
  now: Date,
): Promise<Filter> {
  switch (queue) {
    case 'to_accept':
    case 'to_sign':
    case 'in_progress':
    case 'reply_review':
      return { status: STATUS_QUEUES[queue] }
    case 'overdue':
      return overdueFilter(now)
    case 'due_soon':
      return dueSoonFilter(deps.cases, visible, now, deps.calendar)
    case 'returned':
      return { status: 'received', 'returned.at': { $gt: '' } }
    case 'extension_requested':
      // waiting for a decision: a pending request in a status where it can be approved or refused
      return {
        status: { $in: [...ALLOWED_FROM['extension/approve']] },
        'extension.requestedAt': { $gt: '' },
      }
  }
}

/**
 * The size of every queue the actor may see: one grouped count for the status queues, one count for
 * each of the others (due soon: a grouped count of regions, then a count). All on indexed fields
 * (status, dueAt; departmentIds for handlers), none loads a case.
 */
export async function queueCounts(
  deps: { cases: Cases; calendar: Calendar },
  actor: StaffActor,
  now: Date,
): Promise<QueueCounts> {
  const visible = visibilityFilter(actor)
  const statusOf = Object.entries(STATUS_QUEUES) as Array<[keyof typeof STATUS_QUEUES, CaseStatus]>
  const count = async (queue: Queue) =>
    deps.cases.count(allOf(visible, await queueFilter(queue, deps, visible, now)))
  const [byStatus, due_soon, overdue, returned, extension_requested] = await Promise.all([
    deps.cases.countBy(['status'], allOf(visible, { status: { $in: statusOf.map(([, s]) => s) } })),
    count('due_soon'),
    count('overdue'),
    count('returned'),
    count('extension_requested'),
  ])
  const ofStatus = (status: CaseStatus) => byStatus.find((g) => g.key.status === status)?.count ?? 0
  return {
    to_accept: ofStatus(STATUS_QUEUES.to_accept),
    to_sign: ofStatus(STATUS_QUEUES.to_sign),
    in_progress: ofStatus(STATUS_QUEUES.in_progress),
    due_soon,
    overdue,
    reply_review: ofStatus(STATUS_QUEUES.reply_review),
    returned,
    extension_requested,
  }
}
