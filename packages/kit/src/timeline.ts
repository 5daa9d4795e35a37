// A hash-chained timeline (a case's, a rectification order's): each entry's hash covers the previous hash and
// the entry itself, so a changed, inserted, reordered or deleted entry breaks the chain from that point on.
// Entries cut off the end leave a valid shorter chain: the owner also keeps the head hash and the entry
// count, and `verify` compares both.
import { createHash } from 'node:crypto'

export interface TimelineEntry {
  seq: number
  at: string
  /** null for the citizen and the system (scheduler, intake). */
  actorId: string | null
  actorRole: string
  action: string
  note: string | null
  /** Shown to the citizen on the public case page. */
  public: boolean
  prevHash: string
  hash: string
}

export type NewEntry = Omit<TimelineEntry, 'seq' | 'prevHash' | 'hash'>

export const GENESIS_HASH = '0'.repeat(64)

/** JSON with object keys sorted at every level, so that the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export function entryHash(entry: Omit<TimelineEntry, 'hash'>): string {
  return createHash('sha256')
    .update(entry.prevHash + canonicalJson(entry))
    .digest('hex')
}

export function appendEntry(timeline: readonly TimelineEntry[], entry: NewEntry): TimelineEntry[] {
  const last = timeline.at(-1)
  const body = { ...entry, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH }
  return [...timeline, { ...body, hash: entryHash(body) }]
}

/** What the case keeps of its timeline besides the entries: the last hash and how many there are. */
export interface TimelineHead {
  timelineHead: string
  timelineCount: number
}

/** The head of a timeline (the genesis hash and 0 for an empty one). */
export function headOf(timeline: readonly TimelineEntry[]): TimelineHead {
  return { timelineHead: timeline.at(-1)?.hash ?? GENESIS_HASH, timelineCount: timeline.length }
}

export interface Verification {
  valid: boolean
  entries: number
  /** seq of the first entry whose link or hash does not hold, or of the first one missing at the end. */
  brokenAt?: number
}

/**
 * Recomputes the chain; with the head the case recorded, also finds entries cut off the end (or added
 * after it). A case stored before heads were recorded is checked by its chain alone.
 */
export function verifyTimeline(
  timeline: readonly TimelineEntry[],
  head?: Partial<TimelineHead>,
): Verification {
  let prev = GENESIS_HASH
  for (const [i, e] of timeline.entries()) {
    const { hash, ...body } = e
    if (e.seq !== i + 1 || e.prevHash !== prev || entryHash(body) !== hash) {
      return { valid: false, entries: timeline.length, brokenAt: i + 1 }
    }
    prev = hash
  }
  if (head?.timelineCount !== undefined && head.timelineHead !== undefined) {
    if (timeline.length !== head.timelineCount || prev !== head.timelineHead) {
      return {
        valid: false,
        entries: timeline.length,
        brokenAt: Math.min(timeline.length, head.timelineCount) + 1,
      }
    }
  }
  return { valid: true, entries: timeline.length }
}
