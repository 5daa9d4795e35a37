// @fastify/rate-limit's in-memory store, answering each request with the count as it was when that request
// was counted. The plugin's own LocalStore hands every request the same counter object and the plugin reads
// it after an await, so N concurrent requests all saw the count of the last one: with a limit of 10, eleven
// simultaneous requests from one address were all refused (measured with 11.2.0), not just the eleventh.
import { createRequire } from 'node:module'
import type { FastifyRateLimitStore } from '@fastify/rate-limit'

type Count = { current: number; ttl: number }
type Callback = (err: Error | null, result?: Count) => void

interface Store {
  incr(key: string, cb: Callback, timeWindow: number, max: number): void
  read(key: string, cb: Callback, timeWindow: number, max: number): void
}

interface StoreParams {
  continueExceeding?: boolean
  exponentialBackoff?: boolean
  cache?: number
}

// the plugin's own store (its LRU of counters and window rules), wrapped rather than rewritten
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore.js') as new (
  continueExceeding?: boolean,
  exponentialBackoff?: boolean,
  cache?: number,
) => Store

export class SnapshotRateLimitStore implements FastifyRateLimitStore {
  readonly #inner: Store

  constructor(params: StoreParams = {}) {
    this.#inner = new LocalStore(params.continueExceeding, params.exponentialBackoff, params.cache)
  }

  incr(key: string, cb: Callback, timeWindow: number, max: number): void {
    this.#inner.incr(
      key,
      (err, result) => cb(err, result && { current: result.current, ttl: result.ttl }),
      timeWindow,
      max,
    )
  }

  read(key: string, cb: Callback, timeWindow: number, max: number): void {
    this.#inner.read(key, cb, timeWindow, max)
  }

  /** A route with limits of its own gets a store of its own, as with the plugin's store. */
  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): SnapshotRateLimitStore {
    return new SnapshotRateLimitStore(routeOptions as StoreParams)
  }
}
