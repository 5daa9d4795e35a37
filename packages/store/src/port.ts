// The document-store port. Services depend on this interface only; adapters: @tingjian/store-mongo,
// @tingjian/store-embedded. It is deliberately small: what MongoDB 7 and FerretDB both do, single-document
// atomic writes, no transactions, no change streams.
import type { EventEnvelope } from '@tingjian/contracts'

export type Scalar = string | number | boolean | null

/** Conditions on one (dotted) path. Comparisons are between values of the same JSON type. */
export interface Condition {
  $eq?: Scalar
  $ne?: Scalar
  $in?: Scalar[]
  $nin?: Scalar[]
  $gt?: string | number
  $gte?: string | number
  $lt?: string | number
  $lte?: string | number
  $exists?: boolean
}

/**
 * A filter: dotted paths mapped to a value (equality; against an array field: contains) or a condition,
 * combined with $and / $or. Nothing else, so that every adapter can honour it exactly.
 */
export interface Filter {
  $and?: Filter[]
  $or?: Filter[]
  [path: string]: Scalar | Condition | Filter[] | undefined
}

export type SortDirection = 1 | -1
/** Sort keys in order; `_id` is always appended as the tie-breaker so that cursors are stable. */
export type Sort = Array<[path: string, direction: SortDirection]>

export interface FindOptions {
  sort?: Sort
  /** Page size, 1..MAX_PAGE_SIZE (default DEFAULT_PAGE_SIZE). */
  limit?: number
  /** The `nextCursor` of the previous page; opaque; only valid with the same filter and sort. */
  cursor?: string | null
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 500

/** Fields the store manages on every document. */
export interface Meta {
  _id: string
  /** Starts at 1 and grows by one with every update; the optimistic-concurrency token. */
  version: number
  createdAt: string
  updatedAt: string
}

export type Stored<T> = T & Meta

/** What a caller hands in: the document without the managed fields. */
export type Fields<T> = Omit<T, keyof Meta>

export interface WriteOptions {
  /** Events saved in the same single-document write; the outbox relay publishes them afterwards. */
  events?: readonly EventEnvelope[]
  /** The clock of the write (createdAt / updatedAt); defaults to now. */
  now?: Date
}

export interface IndexSpec {
  /** Dotted paths with direction, e.g. [['status', 1], ['dueAt', 1]]. */
  keys: Sort
  unique?: boolean
  /** Only documents where this path exists are indexed (lets a unique index skip absent values). */
  sparse?: boolean
  name: string
}

export interface GroupCount {
  key: Record<string, Scalar>
  count: number
}

export interface Collection<T extends object> {
  readonly name: string
  /** Creates the indexes if missing; call at start-up. */
  ensureIndexes(indexes: readonly IndexSpec[]): Promise<void>
  get(id: string): Promise<Stored<T> | null>
  /** Inserts with version 1. A duplicate `_id` or unique key throws StoreConflictError('duplicate'). */
  insert(id: string, doc: Fields<T>, options?: WriteOptions): Promise<Stored<T>>
  /**
   * Replaces the document if its version is still `expectedVersion` and returns it with version + 1.
   * A stale version (or a missing document) throws StoreConflictError('stale') / StoreNotFoundError.
   */
  update(id: string, expectedVersion: number, doc: Fields<T>, options?: WriteOptions): Promise<Stored<T>>
  find(filter?: Filter, options?: FindOptions): Promise<Page<Stored<T>>>
  count(filter?: Filter): Promise<number>
  /** Counts grouped by the values of the given paths (a missing value groups as null). */
  countBy(paths: readonly string[], filter?: Filter): Promise<GroupCount[]>
  /** Documents with unpublished outbox events, oldest first (for the relay). */
  outboxPending(limit: number): Promise<Array<{ id: string; events: EventEnvelope[] }>>
  /**
   * Removes these events from their documents' outboxes once they are published, for a page of documents
   * in one write. Atomic per document against concurrent updates: events appended meanwhile stay; no
   * document's version changes.
   */
  outboxRemove(published: readonly PublishedEvents[]): Promise<void>
}

/** Events of one document that the relay has published: ids it read from that document's outbox. */
export interface PublishedEvents {
  id: string
  eventIds: readonly string[]
}

export interface StoreHealth {
  ok: boolean
  adapter: 'mongo' | 'embedded'
  detail?: string
}

export interface DocumentStore {
  readonly adapter: 'mongo' | 'embedded'
  collection<T extends object>(name: string): Collection<T>
  /** Every collection name that holds documents (the relay sweeps them). */
  collectionNames(): Promise<string[]>
  /** Called after a write that put events in an outbox, so that the relay need not wait for its sweep. */
  onOutboxWrite(listener: (collection: string) => void): () => void
  health(): Promise<StoreHealth>
  close(): Promise<void>
}

export class StoreConflictError extends Error {
  readonly code = 'TJ_STORE_CONFLICT'
  constructor(
    readonly kind: 'duplicate' | 'stale',
    readonly collection: string,
    readonly id: string,
    /** For duplicates: the index that refused the write. */
    readonly index?: string,
  ) {
    super(kind === 'duplicate' ? `duplicate key in ${collection}` : `stale version of ${collection}/${id}`)
    this.name = 'StoreConflictError'
  }
}

export class StoreNotFoundError extends Error {
  readonly code = 'TJ_STORE_NOT_FOUND'
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`${collection}/${id} not found`)
    this.name = 'StoreNotFoundError'
  }
}

/**
 * The store's server cannot be reached (connection refused or lost, no server selectable): the operation
 * may succeed later. `transient: true` tells the bus to wait it out rather than dead-letter the event, and
 * the HTTP layer to answer 503. Whether the write happened is unknown: retry it idempotently.
 */
export class StoreUnavailableError extends Error {
  readonly code = 'TJ_STORE_UNAVAILABLE'
  readonly transient = true
  constructor(
    readonly adapter: 'mongo' | 'embedded',
    options?: { cause?: unknown },
  ) {
    super(`the ${adapter} store is unavailable`, options)
    this.name = 'StoreUnavailableError'
  }
}

/**
 * A document (or outbox event) the store cannot hold the same way in every adapter: a top-level name that
 * is not an identifier or starts with `_` (reserved for the store), a nested key with `.` or a leading `$`,
 * a value that is not JSON (a Date, NaN, a function, a class instance), an event id that is not a UUID.
 */
export class InvalidDocumentError extends Error {
  readonly code = 'TJ_INVALID_DOCUMENT'
  constructor(message: string) {
    super(message)
    this.name = 'InvalidDocumentError'
  }
}

/**
 * The logging the store and the relay need; a pino logger fits. Log ids, collection names and counts,
 * never document contents (they hold personal information).
 */
export interface Logger {
  debug(obj: object, msg?: string): void
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export class InvalidQueryError extends Error {
  readonly code = 'TJ_INVALID_QUERY'
  constructor(message: string) {
    super(message)
    this.name = 'InvalidQueryError'
  }
}
