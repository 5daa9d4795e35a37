// Department names as tracking knows them: a small copy of identity's departments, kept by the
// identity.department-changed consumer, for the department name of replies (public page, e-mail).
import type { Collection } from '@tingjian/store'
import { upsert } from '@tingjian/store'

export const DEPARTMENTS_COLLECTION = 'departments'

export interface DepartmentDoc {
  name: string
  nameEn: string | null
  active: boolean
  /** `occurredAt` and id of the event this state came from: an older event changes nothing. */
  changedAt: string
  eventId: string
}

export type Departments = Collection<DepartmentDoc>

export interface DepartmentChange {
  departmentId: string
  name: string
  nameEn?: string
  active: boolean
}

const newer = (
  a: Pick<DepartmentDoc, 'changedAt' | 'eventId'>,
  b: Pick<DepartmentDoc, 'changedAt' | 'eventId'>,
) => a.changedAt > b.changedAt || (a.changedAt === b.changedAt && a.eventId > b.eventId)

/**
 * Stores the department's state unless a newer one is already stored. Idempotent: a redelivered event
 * is not newer than itself. Concurrent writers are settled by the store's `upsert`.
 */
export async function applyDepartmentChange(
  departments: Departments,
  change: DepartmentChange,
  event: { id: string; occurredAt: string },
): Promise<'stored' | 'ignored'> {
  const doc: DepartmentDoc = {
    name: change.name,
    nameEn: change.nameEn ?? null,
    active: change.active,
    changedAt: event.occurredAt,
    eventId: event.id,
  }
  let outcome: 'stored' | 'ignored' = 'stored'
  await upsert(
    departments,
    change.departmentId,
    () => doc,
    (stored) => {
      outcome = newer(doc, stored) ? 'stored' : 'ignored'
      return outcome === 'stored' ? doc : null
    },
  )
  return outcome
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
