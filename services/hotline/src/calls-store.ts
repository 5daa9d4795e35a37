// The hotline's collections, their indexes, and the one way a call document changes: read, apply a pure
// change, write the call and its events in one store write (the outbox), retried on a stale version.
import type { EventEnvelope } from '@tingjian/contracts'
import {
  type Collection,
  type Fields,
  type IndexSpec,
  isConflict,
  modify,
  type Stored,
} from '@tingjian/store'
import type { CallDoc, Change } from './domain/call.ts'

export const CALLS = 'calls'
export const OPERATORS = 'operators'

export const CALL_INDEXES: IndexSpec[] = [
  {
    name: 'queue',
    keys: [
      ['state', 1],
      ['queuedAt', 1],
    ],
  },
  {
    name: 'history',
    keys: [
      ['caller.hash', 1],
      ['receivedAt', -1],
    ],
  },
  { name: 'received', keys: [['receivedAt', -1]] },
  { name: 'callback', keys: [['callback.callbackId', 1]], sparse: true },
  {
    name: 'callback_status',
    keys: [
      ['callback.status', 1],
      ['callback.dueAt', 1],
    ],
    sparse: true,
  },
]

/** An operator's availability (collection `operators`; `_id` = the staff user id). */
export interface OperatorDoc {
  userId: string
  available: boolean
  /** E.164 or `client:<identity>`: where "answer next" and callbacks ring. Not a citizen's number. */
  endpoint: string | null
  since: string | null
  currentCallId: string | null
}

export type Calls = Collection<CallDoc>
export type Operators = Collection<OperatorDoc>

/** The document without the store's managed fields, to write back. */
export function fieldsOf<T extends object>(stored: Stored<T>): Fields<T> {
  const { _id, version, createdAt, updatedAt, ...fields } = stored
  return fields as Fields<T>
}

/**
 * Applies `change` to the stored call and writes the result with its events in one write; null from
 * `change` writes nothing. Returns the call as stored afterwards and whether this call changed it.
 */
export async function changeCall(
  calls: Calls,
  callId: string,
  change: (call: CallDoc) => Change | CallDoc | null,
  now: Date,
): Promise<{ call: Stored<CallDoc>; changed: boolean; events: EventEnvelope[] }> {
  let events: EventEnvelope[] = []
  let changed = false
  const call = await modify(
    calls,
    callId,
    (current) => {
      const result = change(fieldsOf(current) as CallDoc)
      changed = result !== null
      if (result === null) {
        events = []
        return null
      }
      const next = 'events' in result && 'call' in result ? result : { call: result, events: [] }
      events = next.events
      return next.call
    },
    { events: () => events, now, maxAttempts: 20 },
  )
  return { call, changed, events }
}

/**
 * Creates the call when it is new (with its events), or leaves the stored one as it is. The insert comes
 * first: almost every call is new, and a read before it would cost every incoming webhook a lookup (on
 * FerretDB a scan of the collection). A repeated webhook meets the duplicate `_id` and reads the call.
 */
export async function createCall(
  calls: Calls,
  fresh: Change,
  now: Date,
): Promise<{ call: Stored<CallDoc>; created: boolean }> {
  const id = fresh.call.callId
  try {
    return { call: await calls.insert(id, fresh.call, { events: fresh.events, now }), created: true }
  } catch (err) {
    if (!isConflict(err, 'duplicate')) throw err
  }
  const call = await calls.get(id)
  // a duplicate `_id` means it exists: only a deletion in between (none in this service) would leave none
  if (!call) throw new Error(`call ${id} refused as a duplicate but not found`)
  return { call, created: false }
}
