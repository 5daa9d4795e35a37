// identity.department-changed → the department directory (names for the KPIs and the public summary), as
// tracking keeps it: an event not newer than the stored state changes nothing (idempotent).
import type { Logger } from '@tingjian/kit'
import { upsert } from '@tingjian/store'
import type { DepartmentDoc, Departments } from '../problems.ts'

type Stamp = Pick<DepartmentDoc, 'changedAt' | 'eventId'>
const newer = (a: Stamp, b: Stamp) =>
  a.changedAt > b.changedAt || (a.changedAt === b.changedAt && a.eventId > b.eventId)

export async function onDepartmentChanged(
  departments: Departments,
  change: { departmentId: string; code?: string; name: string; nameEn?: string; active: boolean },
  event: { id: string; occurredAt: string },
  log: Logger,
): Promise<void> {
  const doc: DepartmentDoc = {
    code: change.code ?? null,
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
  log.debug({ departmentId: change.departmentId, eventId: event.id, outcome }, 'department')
}

/** Names of several departments at once (for lists). */
export async function departmentNames(
  departments: Departments,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  const names = new Map<string, string>()
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500)
    const page = await departments.find({ _id: { $in: chunk } }, { limit: chunk.length })
    for (const d of page.items) names.set(d._id, d.name)
  }
  return names
}
