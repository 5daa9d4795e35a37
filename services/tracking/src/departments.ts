// What tracking knows of identity's departments and staff, kept by its consumers of identity's events:
// department names (replies, public page, e-mail), whether a department is active (assignment), and
// each staff account's department (an assignee must belong to the lead department). No personal data.
import type { Collection, IndexSpec } from '@tingjian/store'
import { upsert } from '@tingjian/store'

export const DEPARTMENTS_COLLECTION = 'departments'
export const STAFF_COLLECTION = 'staff'

export interface DepartmentDoc {
  /** The department's code (`exit-entry`); null on documents stored before it was kept. */
  code?: string | null
  name: string
  nameEn: string | null
  active: boolean
  /** `occurredAt` and id of the event this state came from: an older event changes nothing. */
  changedAt: string
  eventId: string
}

export interface StaffDoc {
  departmentId: string | null
  roles: string[]
  active: boolean
  changedAt: string
  eventId: string
}

export type Departments = Collection<DepartmentDoc>
export type Staff = Collection<StaffDoc>

export const DEPARTMENT_INDEXES: IndexSpec[] = [{ name: 'code', keys: [['code', 1]] }]

export interface DepartmentChange {
  departmentId: string
  code?: string
  name: string
  nameEn?: string
  active: boolean
}

export interface StaffChange {
  userId: string
  departmentId: string | null
  roles: string[]
  active: boolean
}

type Stamp = Pick<DepartmentDoc, 'changedAt' | 'eventId'>
const newer = (a: Stamp, b: Stamp) =>
  a.changedAt > b.changedAt || (a.changedAt === b.changedAt && a.eventId > b.eventId)

/** Stores `doc` under `id` unless a newer state is stored. Idempotent: an event is not newer than itself. */
async function applyNewest<T extends Stamp>(
  collection: Collection<T>,
  id: string,
  doc: T,
): Promise<'stored' | 'ignored'> {
  let outcome: 'stored' | 'ignored' = 'stored'
  await upsert(
    collection,
    id,
    () => doc,
    (stored) => {
      outcome = newer(doc, stored) ? 'stored' : 'ignored'
      return outcome === 'stored' ? doc : null
    },
  )
  return outcome
}

/** Stores the department's state unless a newer one is already stored. */
export function applyDepartmentChange(
  departments: Departments,
  change: DepartmentChange,
  event: { id: string; occurredAt: string },
): Promise<'stored' | 'ignored'> {
  return applyNewest(departments, change.departmentId, {
    code: change.code ?? null,
    name: change.name,
    nameEn: change.nameEn ?? null,
    active: change.active,
    changedAt: event.occurredAt,
    eventId: event.id,
  })
}

/** Stores a staff account's department, roles and whether it is active (never its name or e-mail). */
export function applyStaffChange(
  staff: Staff,
  change: StaffChange,
  event: { id: string; occurredAt: string },
): Promise<'stored' | 'ignored'> {
  return applyNewest(staff, change.userId, {
    departmentId: change.departmentId,
    roles: [...change.roles],
    active: change.active,
    changedAt: event.occurredAt,
    eventId: event.id,
  })
}

/** The department named by its id or its code (`exit-entry`), or null when tracking has not heard of it. */
export async function findDepartment(
  departments: Departments,
  idOrCode: string,
): Promise<(DepartmentDoc & { _id: string }) | null> {
  const byId = await departments.get(idOrCode)
  if (byId) return byId
  const byCode = await departments.find({ code: idOrCode }, { limit: 1 })
  return byCode.items[0] ?? null
}

/** The department's name (Chinese), or null when tracking has not heard of it. */
export async function departmentName(departments: Departments, id: string | null): Promise<string | null> {
  if (!id) return null
  return (await departments.get(id))?.name ?? null
}

/** Names of several departments at once (for lists). */
export async function departmentNames(
  departments: Departments,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (!wanted.length) return new Map()
  const page = await departments.find({ _id: { $in: wanted } }, { limit: Math.min(wanted.length, 500) })
  return new Map(page.items.map((d) => [d._id, d.name]))
}
