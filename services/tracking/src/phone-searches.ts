// Search by phone number is an oracle for the masked numbers (0 or 1 result tells which number it is), so
// it is kept for the roles that see contact data in clear, limited per user and minute, and every attempt
// is written to an audit trail: who, when, the outcome and how many cases were found, never the number.
import { uuidv7 } from '@tingjian/contracts'
import type { Collection, IndexSpec } from '@tingjian/store'
import { upsert } from '@tingjian/store'

export const PHONE_SEARCHES_COLLECTION = 'phone_searches'
export const PHONE_SEARCH_QUOTA_COLLECTION = 'phone_search_quota'
export const DEFAULT_PHONE_SEARCHES_PER_MINUTE = 10

export interface PhoneSearchDoc {
  at: string
  userId: string
  roles: string[]
  /** `ok`: searched; `forbidden`: the role sees masked numbers; `limited`: over the per-minute limit. */
  outcome: 'ok' | 'forbidden' | 'limited'
  /** Cases on the answered page (null when refused); `more`: further pages existed. */
  results: number | null
  more: boolean
  requestId: string
}

/** One per user: the searches of the current minute. */
export interface QuotaDoc {
  userId: string
  /** The minute (ISO, seconds cut off) the count belongs to. */
  minute: string
  count: number
}

export type PhoneSearches = Collection<PhoneSearchDoc>
export type PhoneSearchQuota = Collection<QuotaDoc>

export const PHONE_SEARCH_INDEXES: IndexSpec[] = [
  { name: 'at', keys: [['at', -1]] },
  {
    name: 'user_at',
    keys: [
      ['userId', 1],
      ['at', -1],
    ],
  },
]

/** 429: the user's searches by phone number for this minute are spent. */
export class PhoneSearchLimited extends Error {
  readonly code = 'TJ_PHONE_SEARCH_LIMITED'
  readonly statusCode = 429
  constructor(perMinute: number) {
    super(`At most ${perMinute} searches by phone number per minute; try again in a minute`)
    this.name = 'PhoneSearchLimited'
  }
}

/** 403: the role sees masked numbers, so it may not search by one. */
export class PhoneSearchForbidden extends Error {
  readonly code = 'TJ_PHONE_SEARCH_FORBIDDEN'
  readonly statusCode = 403
  constructor() {
    super('Only roles that see contact data in clear may search by phone number')
    this.name = 'PhoneSearchForbidden'
  }
}

/**
 * Takes one search from the user's allowance for the current minute: one counter per user, raised (or
 * restarted in a new minute) by a write conditioned on its version, so parallel requests cannot slip past
 * the limit. False when the allowance is spent.
 */
export async function takePhoneSearch(
  quota: PhoneSearchQuota,
  userId: string,
  now: Date,
  perMinute: number,
): Promise<boolean> {
  const minute = `${now.toISOString().slice(0, 16)}:00Z`
  let taken = true
  await upsert(
    quota,
    userId,
    () => ({ userId, minute, count: 1 }),
    (current) => {
      if (current.minute !== minute) {
        taken = true
        return { userId, minute, count: 1 }
      }
      taken = current.count < perMinute
      return taken ? { userId, minute, count: current.count + 1 } : null
    },
    { maxAttempts: 50 },
  )
  return taken
}

export function auditPhoneSearch(
  searches: PhoneSearches,
  row: Omit<PhoneSearchDoc, 'more'> & { more?: boolean },
): Promise<unknown> {
  return searches.insert(uuidv7(), { ...row, more: row.more ?? false })
}
