// One MongoDB collection behind the port. Documents are stored flat: `_id`, the managed fields, the caller's
// fields, and the outbox as `_outbox` (a map keyed by event id, so that removing an event is one `$unset`
// that no concurrent write can undo) plus `_outboxAt` (the time of the oldest pending write, indexed).
import type { EventEnvelope } from '@tingjian/contracts'
import {
  assertEventIds,
  assertGroupPaths,
  assertId,
  assertPublished,
  assertSort,
  type Collection,
  type Fields,
  type Filter,
  type FindOptions,
  type GroupCount,
  type IndexSpec,
  InvalidQueryError,
  type Page,
  type PublishedEvents,
  planFind,
  type Scalar,
  StoreConflictError,
  type Stored,
  StoreNotFoundError,
  toFields,
  toPage,
  type WriteOptions,
} from '@tingjian/store'
import type { Document, Collection as DriverCollection, UpdateFilter } from 'mongodb'
import { duplicateOf, resolveIndex } from './errors.ts'
import { toMongoFilter } from './filter.ts'

/** A document as MongoDB holds it. */
export interface RawDoc {
  _id: string
  [field: string]: unknown
}

/** One pending event: the version of the write that added it, its place in that write, the envelope as JSON. */
interface OutboxEntry {
  v: number
  i: number
  e: string
}

export const OUTBOX = '_outbox'
export const OUTBOX_AT = '_outboxAt'
/** The index that lets the relay find pending documents without scanning. */
export const OUTBOX_INDEX = 'tj_outbox_pending'

const HIDDEN = { projection: { [OUTBOX]: 0, [OUTBOX_AT]: 0 } }
const INDEX_NAME = /^[A-Za-z0-9_]{1,64}$/

/** What a collection needs from its store. */
export interface CollectionHost {
  /** Runs a write of documents; on FerretDB the writes of one document are serialized. */
  exclusive<T>(keys: string | readonly string[], fn: () => Promise<T>): Promise<T>
  notifyOutbox(collection: string): void
}

function entries(version: number, events: readonly EventEnvelope[]): Record<string, OutboxEntry> {
  const out: Record<string, OutboxEntry> = {}
  events.forEach((event, i) => {
    out[event.id] = { v: version, i, e: JSON.stringify(event) }
  })
  return out
}

function stripped<T>(raw: RawDoc): Stored<T> {
  const { [OUTBOX]: _o, [OUTBOX_AT]: _a, ...doc } = raw
  return doc as Stored<T>
}

function assertVersion(version: number): void {
  if (!Number.isInteger(version) || version < 1) {
    throw new InvalidQueryError('expectedVersion must be a positive integer')
  }
}

export class MongoCollection<T extends object> implements Collection<T> {
  #outboxIndex: Promise<unknown> | null = null

  constructor(
    readonly name: string,
    private readonly coll: DriverCollection<RawDoc>,
    private readonly host: CollectionHost,
  ) {}

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    for (const spec of indexes) {
      if (!INDEX_NAME.test(spec.name) || spec.name === '_id_' || spec.name === OUTBOX_INDEX) {
        throw new InvalidQueryError(`invalid index name: ${JSON.stringify(spec.name).slice(0, 80)}`)
      }
      if (spec.keys.length === 0) throw new InvalidQueryError(`index ${spec.name} has no keys`)
      assertSort(spec.keys)
    }
    for (const spec of indexes) {
      const keys: Document = {}
      for (const [path, dir] of spec.keys) keys[path] = dir
      await this.coll.createIndex(keys, {
        name: spec.name,
        unique: spec.unique === true,
        ...(spec.sparse === true ? { sparse: true } : {}),
      })
    }
    await this.ensureOutboxIndex()
  }

  private ensureOutboxIndex(): Promise<unknown> {
    this.#outboxIndex ??= this.coll
      // one key: a compound sparse index would hold every document, since every document has an _id
      .createIndex({ [OUTBOX_AT]: 1 }, { name: OUTBOX_INDEX, sparse: true })
      .catch((err: unknown) => {
        this.#outboxIndex = null
        throw err
      })
    return this.#outboxIndex
  }

  async get(id: string): Promise<Stored<T> | null> {
    assertId(id)
    // `{_id: id}`, not `{_id: {$eq: id}}`: the same match for a string (assertId), and the one form FerretDB
    // v1 hands to SQLite; with $eq it decodes every document of the collection (bench/README.md)
    const raw = await this.coll.findOne({ _id: id }, HIDDEN)
    return raw ? stripped<T>(raw) : null
  }

  async insert(id: string, doc: Fields<T>, options: WriteOptions = {}): Promise<Stored<T>> {
    assertId(id)
    const fields = toFields(doc)
    const events = options.events ?? []
    assertEventIds(events)
    const now = (options.now ?? new Date()).toISOString()
    const raw: RawDoc = { _id: id, version: 1, createdAt: now, updatedAt: now, ...fields }
    if (events.length > 0) {
      raw[OUTBOX] = entries(1, events)
      raw[OUTBOX_AT] = now
    }
    try {
      await this.coll.insertOne(raw)
    } catch (err) {
      throw await this.conflictOr(err, id, fields, true)
    }
    if (events.length > 0) this.host.notifyOutbox(this.name)
    return stripped<T>(raw)
  }

  async update(
    id: string,
    expectedVersion: number,
    doc: Fields<T>,
    options: WriteOptions = {},
  ): Promise<Stored<T>> {
    assertId(id)
    assertVersion(expectedVersion)
    const fields = toFields(doc)
    const events = options.events ?? []
    assertEventIds(events)
    const now = (options.now ?? new Date()).toISOString()
    const next = expectedVersion + 1
    const stored = await this.host.exclusive(`${this.name}/${id}`, async () => {
      // Read to learn which fields the replacement drops. The write below is conditional on the version,
      // so a change between this read and that write makes it miss (stale), never mix.
      const current = await this.coll.findOne({ _id: id }, HIDDEN)
      if (!current) throw new StoreNotFoundError(this.name, id)
      if (current.version !== expectedVersion) throw new StoreConflictError('stale', this.name, id)
      const set: Document = { ...fields, version: next, updatedAt: now }
      const unset: Document = {}
      for (const key of Object.keys(current)) {
        if (!(key in set) && key !== '_id' && key !== 'createdAt') unset[key] = ''
      }
      const update: UpdateFilter<RawDoc> = { $set: set }
      if (Object.keys(unset).length > 0) update.$unset = unset
      if (events.length > 0) {
        // appended beside the events still pending: the relay may not have published those yet
        for (const [eventId, entry] of Object.entries(entries(next, events)))
          set[`${OUTBOX}.${eventId}`] = entry
        update.$min = { [OUTBOX_AT]: now }
      }
      let matched: number
      try {
        matched = (await this.coll.updateOne({ _id: { $eq: id }, version: { $eq: expectedVersion } }, update))
          .matchedCount
      } catch (err) {
        throw await this.conflictOr(err, id, fields, false)
      }
      if (matched === 0) {
        const exists = await this.coll.countDocuments({ _id: { $eq: id } }, { limit: 1 })
        throw exists > 0
          ? new StoreConflictError('stale', this.name, id)
          : new StoreNotFoundError(this.name, id)
      }
      return { ...fields, _id: id, version: next, createdAt: current.createdAt, updatedAt: now } as Stored<T>
    })
    if (events.length > 0) this.host.notifyOutbox(this.name)
    return stored
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<Page<Stored<T>>> {
    const plan = planFind(filter, options)
    const rows = await this.coll
      .find(toMongoFilter(plan.filter), {
        ...HIDDEN,
        sort: plan.sort.map(([path, dir]): [string, 1 | -1] => [path, dir]),
        limit: plan.fetch,
      })
      .toArray()
    return toPage(
      rows.map((r) => stripped<T>(r)),
      plan,
    )
  }

  async count(filter: Filter = {}): Promise<number> {
    return this.coll.countDocuments(toMongoFilter(planFind(filter).filter))
  }

  async countBy(paths: readonly string[], filter: Filter = {}): Promise<GroupCount[]> {
    assertGroupPaths(paths)
    const match = toMongoFilter(planFind(filter).filter)
    // positional keys: field names inside a $group _id may not contain dots
    const groupId: Document = {}
    paths.forEach((p, i) => {
      groupId[`k${i}`] = `$${p}`
    })
    const rows = await this.coll
      .aggregate<{ _id: Record<string, unknown> | null; n: number }>([
        { $match: match },
        { $group: { _id: groupId, n: { $sum: 1 } } },
      ])
      .toArray()
    // MongoDB leaves a missing value out of the group key (FerretDB sets it to null): fold both into null
    const groups = new Map<string, GroupCount>()
    for (const row of rows) {
      const key: Record<string, Scalar> = {}
      paths.forEach((p, i) => {
        key[p] = (row._id?.[`k${i}`] ?? null) as Scalar
      })
      const k = JSON.stringify(paths.map((p) => key[p]))
      const g = groups.get(k)
      if (g) g.count += row.n
      else groups.set(k, { key, count: row.n })
    }
    return [...groups.values()]
  }

  async outboxPending(limit: number): Promise<Array<{ id: string; events: EventEnvelope[] }>> {
    if (!Number.isInteger(limit) || limit < 1) throw new InvalidQueryError('limit must be a positive integer')
    await this.ensureOutboxIndex()
    const rows = await this.coll
      .find(
        { [OUTBOX_AT]: { $exists: true } },
        {
          projection: { [OUTBOX]: 1 },
          sort: [
            [OUTBOX_AT, 1],
            ['_id', 1],
          ],
          limit,
        },
      )
      .toArray()
    const out: Array<{ id: string; events: EventEnvelope[] }> = []
    for (const row of rows) {
      const id = String(row._id)
      const pending = Object.values((row[OUTBOX] ?? {}) as Record<string, OutboxEntry>).sort(
        (a, b) => a.v - b.v || a.i - b.i,
      )
      if (pending.length === 0) {
        // a relay stopped between removing the last events and clearing the marker
        await this.clearMarkers([id])
        continue
      }
      out.push({ id, events: pending.map((p) => JSON.parse(p.e) as EventEnvelope) })
    }
    return out
  }

  async outboxRemove(published: readonly PublishedEvents[]): Promise<void> {
    assertPublished(published)
    if (published.length === 0) return
    const ids = [...new Set(published.map((p) => p.id))]
    await this.host.exclusive(
      ids.map((id) => `${this.name}/${id}`),
      async () => {
        const unset: Document = {}
        for (const p of published) for (const eventId of p.eventIds) unset[`${OUTBOX}.${eventId}`] = ''
        // touches only these keys (event ids are unique, so a key names one document's event): events that
        // a concurrent update added stay; version is untouched. One write for the page, then one for the
        // markers of the outboxes it emptied.
        if (Object.keys(unset).length > 0)
          await this.coll.updateMany({ _id: { $in: ids } }, { $unset: unset })
        await this.clearMarkers(ids)
      },
    )
  }

  /** Leaves the pending set once the outbox is empty; a no-op where an update added events meanwhile. */
  private async clearMarkers(ids: readonly string[]): Promise<void> {
    await this.coll.updateMany(
      { _id: { $in: [...ids] }, $or: [{ [OUTBOX]: { $eq: {} } }, { [OUTBOX]: { $exists: false } }] },
      { $unset: { [OUTBOX]: '', [OUTBOX_AT]: '' } },
    )
  }

  private async conflictOr(
    err: unknown,
    id: string,
    fields: Record<string, unknown>,
    isInsert: boolean,
  ): Promise<unknown> {
    const dup = duplicateOf(err)
    if (!dup) return err
    let index = dup.index
    if (index === undefined || index.startsWith('sqlite:')) {
      index = await resolveIndex(this.coll, id, fields, isInsert, index?.slice('sqlite:'.length)).catch(
        () => undefined,
      )
    }
    return new StoreConflictError('duplicate', this.name, id, index)
  }
}
