// The service's own copies of what it needs from other services: the staff directory (from identity
// events), and per letter or hotline case what its receipt and reply need (from the mailbox's, the
// hotline's and tracking's events, keyed by tracking code). A citizen's address is kept sealed (the kit's FieldCipher) and opened only to send;
// it is never logged and never shown unmasked.
import type { Role } from '@tingjian/kit'
import { type Collection, type DocumentStore, type Stored, upsert } from '@tingjian/store'
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

/** What the letter said about its receipt: from `mailbox.letter-submitted`. */
export interface LetterPart {
  eventId: string
  letterId: string
  category: string
  subject: string
  submittedAt: string
  anonymous: boolean
}

/** What tracking said when it opened the case: from `tracking.case-changed` (opened). */
export interface OpenedPart {
  eventId: string
  /** The category's time limit in working days; null: no reply is due; undefined: the event did not say. */
  timeLimitDays: number | null | undefined
}

/** A reply published before the caller's number was known (the streams are not ordered): sent when it is. */
export interface PendingReply {
  eventId: string
  caseId: string
}

/**
 * One per letter or hotline case, keyed by tracking code. A letter's receipt goes out when both halves are
 * here, whichever came first (the two streams are not ordered against each other).
 */
export interface ContactDoc {
  /** The citizen's address, sealed; null when the letter gave none. */
  email: string | null
  /**
   * Hotline cases: the caller's number for SMS (E.164), sealed; missing or null when there is none (a
   * letter, an anonymous call, a landline).
   */
  phone?: string | null
  locale: string | null
  letter: LetterPart | null
  opened: OpenedPart | null
  /** Hotline cases: a reply that waits for the caller's number. */
  pendingReply?: PendingReply | null
}

export const COLLECTIONS = {
  staff: 'staff',
  departments: 'departments',
  contacts: 'contacts',
  deliveries: 'deliveries',
  receiptCounts: 'receipt_counts',
  smsStatuses: 'sms_statuses',
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
  async save<T extends { eventAt: string }>(collection: Collection<T>, id: string, doc: T): Promise<void> {
    await upsert(
      collection,
      id,
      () => doc,
      (current) => (current.eventAt > doc.eventAt ? null : doc),
    )
  }

  /** Adds one half of a letter's contact (the first write of each half wins: events are immutable). */
  async rememberLetter(
    trackingCode: string,
    part: { email: string | null; locale: string | null; letter: LetterPart },
  ): Promise<Stored<ContactDoc>> {
    return upsert(
      this.contacts,
      trackingCode,
      () => ({ ...part, opened: null }),
      (current) => (current.letter ? null : { ...current, ...part }),
    )
  }

  /** A hotline caller's number (sealed) for the case's SMS; the first number kept wins. */
  async rememberCaller(
    trackingCode: string,
    phone: string,
    locale: string | null,
  ): Promise<Stored<ContactDoc>> {
    return upsert(
      this.contacts,
      trackingCode,
      () => ({ email: null, phone, locale, letter: null, opened: null }),
      (current) => (current.phone ? null : { ...current, phone }),
    )
  }

  /** A reply to send once the caller's number is known; the first one kept (later ones wait in the bus). */
  async rememberPendingReply(trackingCode: string, reply: PendingReply): Promise<Stored<ContactDoc>> {
    return upsert(
      this.contacts,
      trackingCode,
      () => ({ email: null, phone: null, locale: null, letter: null, opened: null, pendingReply: reply }),
      (current) => (current.pendingReply ? null : { ...current, pendingReply: reply }),
    )
  }

  async rememberOpened(trackingCode: string, opened: OpenedPart): Promise<Stored<ContactDoc>> {
    return upsert(
      this.contacts,
      trackingCode,
      () => ({ email: null, locale: null, letter: null, opened }),
      (current) => (current.opened ? null : { ...current, opened }),
    )
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
