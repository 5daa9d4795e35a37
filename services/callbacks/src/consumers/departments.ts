// identity.department-changed → the department directory (service records name a department by code or
// id; the KPIs show names): an event not newer than the stored state changes nothing (idempotent).
import type { Logger } from '@tingjian/kit'
import { type Collection, upsert } from '@tingjian/store'
import type { DepartmentDoc } from '../collections.ts'

type Stamp = Pick<DepartmentDoc, 'changedAt' | 'eventId'>
const newer = (a: Stamp, b: Stamp) =>
  a.changedAt > b.changedAt || (a.changedAt === b.changedAt && a.eventId > b.eventId)

export async function onDepartmentChanged(
  departments: Collection<DepartmentDoc>,
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
