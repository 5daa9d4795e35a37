// The service's own copies of what it needs from other services: the staff directory (from identity
// events) and the citizens' contacts (from mailbox events, keyed by tracking code). Addresses are personal
// data: they are kept here to be used, never logged, and never shown unmasked.
import type { Role } from '@tingjian/kit'
import { type Collection, type DocumentStore, StoreConflictError, type Stored } from '@tingjian/store'
import type { StaffEntry } from './domain/recipients.ts'

export interface StaffDoc extends StaffEntry {
  /** occurredAt of the event this state came from: an older event never overwrites a newer state. */
  eventAt: string
}

export interface DepartmentDoc {
  name: string
  nameEn: string | null
  active: boolean
  eventAt: string
}

export interface ContactDoc {
  letterId: string
  email: string
  locale: string | null
}

export const COLLECTIONS = {
  staff: 'staff',
  departments: 'departments',
  contacts: 'contacts',
  deliveries: 'deliveries',
} as const

export class Directory {
  readonly staff: Collection<StaffDoc>
  readonly departments: Collection<DepartmentDoc>
  readonly contacts: Collection<ContactDoc>

  constructor(store: DocumentStore) {
    this.staff = store.collection<StaffDoc>(COLLECTIONS.staff)
    this.departments = store.collection<DepartmentDoc>(COLLECTIONS.departments)
    this.contacts = store.collection<ContactDoc>(COLLECTIONS.contacts)
  }

  async ensureIndexes(): Promise<void> {
    await this.staff.ensureIndexes([{ keys: [['departmentId', 1]], name: 'by_department' }])
  }

  /** Saves the full current state of a user or department unless a newer one is already saved. */
  async upsert<T extends { eventAt: string }>(
    collection: Collection<T>,
    id: string,
    doc: T,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        const current = await collection.get(id)
        if (!current) {
          await collection.insert(id, doc)
          return true
        }
        if (current.eventAt > doc.eventAt) return false
        await collection.update(id, current.version, doc)
        return true
      } catch (err) {
        // Another write (a redelivery in a rebalance) came first: read again.
        if (err instanceof StoreConflictError && attempt < 5) continue
        throw err
      }
    }
  }

  /** Remembers how to reach the citizen of a letter; the first write wins (the event is immutable). */
  async rememberContact(trackingCode: string, contact: ContactDoc): Promise<void> {
    try {
      await this.contacts.insert(trackingCode, contact)
    } catch (err) {
      if (!(err instanceof StoreConflictError && err.kind === 'duplicate')) throw err
    }
  }

  async contact(trackingCode: string): Promise<Stored<ContactDoc> | null> {
    return this.contacts.get(trackingCode)
  }

  async departmentName(departmentId: string | null): Promise<string | null> {
    if (!departmentId) return null
    return (await this.departments.get(departmentId))?.name ?? null
  }

  /** Active staff with one of these roles (in the department, when given). */
  async withRole(role: Role, departmentId: string | null): Promise<StaffEntry[]> {
    const out: StaffEntry[] = []
    let cursor: string | null = null
    do {
      const page = await this.staff.find(
        { roles: role, active: true, ...(departmentId ? { departmentId } : {}) },
        { limit: 200, cursor },
      )
      out.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return out
  }

  async user(userId: string): Promise<StaffEntry | null> {
    return this.staff.get(userId)
  }
}
