// Optimistic concurrency, written once: recognise a conflict, retry on a stale version, read-change-write
// one document (`modify`) or create it when missing (`upsert`). Services never hand-roll the loop.
import { setTimeout as sleep } from 'node:timers/promises'
import { type BackoffOptions, backoffDelay } from '@tingjian/bus'
import type { EventEnvelope } from '@tingjian/contracts'
import {
  type Collection,
  type Fields,
  StoreConflictError,
  type Stored,
  StoreNotFoundError,
  type WriteOptions,
} from './port.ts'

/**
 * True when `err` is the store's conflict, of the given kind if one is named: `'stale'` (the version
 * changed since it was read: re-read and retry) or `'duplicate'` (an `_id` or unique key is taken).
 */
export function isConflict(err: unknown, kind?: StoreConflictError['kind']): err is StoreConflictError {
  return err instanceof StoreConflictError && (kind === undefined || err.kind === kind)
}

/** Waits between attempts: a few milliseconds, doubling, fully jittered, so that racers spread out. */
export const RETRY_BACKOFF: Readonly<Required<Omit<BackoffOptions, 'random'>>> = {
  initialMs: 5,
  maxMs: 200,
  jitter: 1,
}

export interface RetryOptions {
  /** Attempts in all, the first included (default 5). */
  maxAttempts?: number
  /** Overrides parts of RETRY_BACKOFF (`{ initialMs: 0 }` retries at once). */
  backoff?: Partial<BackoffOptions>
  /** Aborts the wait between attempts (the wait then rejects with the abort reason). */
  signal?: AbortSignal
}

/**
 * Runs `fn` again when it fails with a stale-version conflict, up to maxAttempts; any other error, or the
 * last stale conflict, is thrown. `fn` must re-read what it writes: it gets the attempt number (from 1).
 */
export async function withRetry<R>(
  fn: (attempt: number) => Promise<R>,
  options: RetryOptions = {},
): Promise<R> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5)
  const backoff = { ...RETRY_BACKOFF, ...options.backoff }
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (err) {
      if (!isConflict(err, 'stale') || attempt >= maxAttempts) throw err
      const wait = backoffDelay(attempt, backoff)
      await sleep(wait, undefined, options.signal ? { signal: options.signal } : undefined)
    }
  }
}

export interface ModifyOptions<T extends object> extends RetryOptions {
  /** Events saved with the write; a function is called on each attempt with the document it changes. */
  events?: readonly EventEnvelope[] | ((current: Stored<T>, next: Fields<T>) => readonly EventEnvelope[])
  now?: WriteOptions['now']
}

function writeOptions(events: readonly EventEnvelope[] | undefined, now: Date | undefined): WriteOptions {
  return { ...(events ? { events } : {}), ...(now ? { now } : {}) }
}

/**
 * Reads the document, applies `change` (a pure function of it), writes the result with the version it
 * read, and starts over when another write got there first. `change` returns null for "nothing to do"
 * (the current document is returned and nothing is written). A missing document throws StoreNotFoundError.
 */
export function modify<T extends object>(
  collection: Collection<T>,
  id: string,
  change: (current: Stored<T>) => Fields<T> | null,
  options: ModifyOptions<T> = {},
): Promise<Stored<T>> {
  return withRetry(async () => {
    const current = await collection.get(id)
    if (!current) throw new StoreNotFoundError(collection.name, id)
    const next = change(current)
    if (next === null) return current
    const events = typeof options.events === 'function' ? options.events(current, next) : options.events
    return collection.update(id, current.version, next, writeOptions(events, options.now))
  }, options)
}

export interface UpsertOptions<T extends object> extends RetryOptions {
  /**
   * Events saved with the write; a function is called on each attempt with the document it changes
   * (null when the write creates it) and what is written.
   */
  events?:
    | readonly EventEnvelope[]
    | ((current: Stored<T> | null, next: Fields<T>) => readonly EventEnvelope[])
  now?: WriteOptions['now']
}

/**
 * Creates the document with `create()` when it is missing, or else changes it as `modify` does. Two racing
 * creators both end well: the loser's insert meets a duplicate `_id`, and it applies `change` to the
 * winner's document instead. A duplicate on another unique index (the document still missing) is thrown.
 * `change` returning null leaves an existing document as it is.
 */
export function upsert<T extends object>(
  collection: Collection<T>,
  id: string,
  create: () => Fields<T>,
  change: (current: Stored<T>) => Fields<T> | null,
  options: UpsertOptions<T> = {},
): Promise<Stored<T>> {
  const eventsFor = (current: Stored<T> | null, next: Fields<T>) =>
    typeof options.events === 'function' ? options.events(current, next) : options.events
  return withRetry(async () => {
    let current = await collection.get(id)
    if (!current) {
      const doc = create()
      try {
        return await collection.insert(id, doc, writeOptions(eventsFor(null, doc), options.now))
      } catch (err) {
        if (!isConflict(err, 'duplicate')) throw err
        current = await collection.get(id)
        if (!current) throw err
      }
    }
    const next = change(current)
    if (next === null) return current
    return collection.update(id, current.version, next, writeOptions(eventsFor(current, next), options.now))
  }, options)
}
