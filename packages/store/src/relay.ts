// The outbox relay: publishes the events that writes left in their documents' outboxes, then removes them.
import { setTimeout as sleep } from 'node:timers/promises'
import { backoffDelay, type EventBus } from '@tingjian/bus'
import type { EventEnvelope } from '@tingjian/contracts'
import type { DocumentStore, Logger } from './port.ts'

export interface RelayBackoff {
  /** First wait after a failed pass (default 200 ms); doubles per failure, ±20 % jitter (backoffDelay). */
  initialMs?: number
  /** Longest wait (default 30 s). */
  maxMs?: number
}

export interface PublishedOutbox {
  collection: string
  id: string
  events: readonly EventEnvelope[]
}

export interface OutboxRelayOptions {
  store: DocumentStore
  /** Only publishBatch is used. */
  bus: Pick<EventBus, 'publishBatch'>
  /** Collections to relay (default: every collection of the store, listed again at each sweep). */
  collections?: string[]
  /** Documents read per collection and round (default 100). */
  batchSize?: number
  /**
   * Period of the full sweep (default 1000 ms). Writes in this process wake the relay at once; the sweep
   * finds what other processes wrote and what a crashed relay left behind.
   */
  sweepIntervalMs?: number
  backoff?: RelayBackoff
  logger?: Logger
  /**
   * Called after a document's events are published and before they are removed from its outbox. For tests
   * (a crash at this point must lead to a republish, not a loss); a throw counts as a failed publish.
   */
  onPublished?: (published: PublishedOutbox) => void | Promise<void>
}

const DEFAULTS = { batchSize: 100, sweepIntervalMs: 1_000, initialMs: 200, maxMs: 30_000 } as const
/** Events of a page are published in requests of about this many bytes of JSON at most. */
const PUBLISH_CHUNK_BYTES = 256 * 1024
/** A pass stops after this many failing documents: the bus is likely down, back off. */
const FAILURES_PER_PASS = 3

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} }

function describe(err: unknown): { name: string; code?: string; message: string } {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code
    return {
      name: err.name,
      ...(typeof code === 'string' ? { code } : {}),
      message: err.message.slice(0, 500),
    }
  }
  return { name: 'Error', message: String(err).slice(0, 500) }
}

/** A page's events in publishable chunks: in document order, a document's events never split. */
function chunks(docs: ReadonlyArray<{ events: EventEnvelope[] }>): EventEnvelope[][] {
  const out: EventEnvelope[][] = []
  let current: EventEnvelope[] = []
  let bytes = 0
  for (const doc of docs) {
    const size = doc.events.reduce((n, e) => n + JSON.stringify(e).length, 0)
    if (current.length > 0 && bytes + size > PUBLISH_CHUNK_BYTES) {
      out.push(current)
      current = []
      bytes = 0
    }
    current.push(...doc.events)
    bytes += size
  }
  if (current.length > 0) out.push(current)
  return out
}

interface PassResult {
  published: number
  failures: number
  /** A collection filled a whole batch: there may be more right away. */
  more: string[]
}

/**
 * Publishes outbox events at least once, in each document's order, a page of documents at a time:
 * `bus.publishBatch(events)`, THEN `outboxRemove(page)`. A crash between the two republishes the events later; consumers dedupe by event
 * id. A failed publish is retried with backoff, never dropped.
 */
export class OutboxRelay {
  readonly #store: DocumentStore
  readonly #bus: Pick<EventBus, 'publishBatch'>
  readonly #collections: string[] | undefined
  readonly #batchSize: number
  readonly #sweepMs: number
  readonly #initialMs: number
  readonly #maxMs: number
  readonly #log: Logger
  readonly #onPublished: OutboxRelayOptions['onPublished']

  #running = false
  #loop: Promise<void> = Promise.resolve()
  #unsubscribe: () => void = () => {}
  /** Collections that had a write since the last round. */
  readonly #woken = new Set<string>()
  #kick: () => void = () => {}
  #abort = new AbortController()
  /** Passes never overlap (drain() may be called while the loop runs). */
  #passes: Promise<unknown> = Promise.resolve()

  constructor(options: OutboxRelayOptions) {
    this.#store = options.store
    this.#bus = options.bus
    this.#collections = options.collections ? [...options.collections] : undefined
    this.#batchSize = options.batchSize ?? DEFAULTS.batchSize
    this.#sweepMs = options.sweepIntervalMs ?? DEFAULTS.sweepIntervalMs
    this.#initialMs = options.backoff?.initialMs ?? DEFAULTS.initialMs
    this.#maxMs = options.backoff?.maxMs ?? DEFAULTS.maxMs
    this.#log = options.logger ?? silent
    this.#onPublished = options.onPublished
    if (!Number.isInteger(this.#batchSize) || this.#batchSize < 1)
      throw new TypeError('batchSize must be >= 1')
    if (!(this.#sweepMs > 0)) throw new TypeError('sweepIntervalMs must be > 0')
  }

  get running(): boolean {
    return this.#running
  }

  /** Starts relaying in the background: at once, then on every outbox write and every sweep. */
  start(): void {
    if (this.#running) return
    this.#running = true
    this.#abort = new AbortController()
    this.#unsubscribe = this.#store.onOutboxWrite((collection) => {
      if (this.#collections && !this.#collections.includes(collection)) return
      this.#woken.add(collection)
      this.#kick()
    })
    this.#log.info(
      { collections: this.#collections ?? 'all', batchSize: this.#batchSize, sweepIntervalMs: this.#sweepMs },
      'outbox relay started',
    )
    this.#loop = this.#run()
  }

  /** Stops: the page in hand is published and removed; no new one is taken. */
  async stop(): Promise<void> {
    if (this.#running) {
      this.#running = false
      this.#unsubscribe()
      this.#abort.abort()
      this.#kick()
    }
    await this.#loop
    await this.#passes.catch(() => {})
  }

  /**
   * Relays until nothing is pending (or a document fails), once, in the caller's time: for tests and for
   * a last flush at shutdown. Returns the number of events published.
   */
  async drain(): Promise<number> {
    let total = 0
    for (;;) {
      const result = await this.#exclusivePass(await this.#targets(), true)
      total += result.published
      if (result.failures > 0)
        throw new Error(`outbox relay: ${result.failures} document(s) failed to publish`)
      if (result.published === 0) return total
    }
  }

  async #targets(): Promise<string[]> {
    return this.#collections ?? (await this.#store.collectionNames())
  }

  async #run(): Promise<void> {
    let failures = 0
    let nextSweep = 0
    while (this.#running) {
      try {
        let targets: string[]
        const now = Date.now()
        if (now >= nextSweep) {
          nextSweep = now + this.#sweepMs
          this.#woken.clear()
          targets = await this.#targets()
        } else if (this.#woken.size > 0) {
          targets = [...this.#woken]
          this.#woken.clear()
        } else {
          await this.#idle(nextSweep - now)
          continue
        }
        const result = await this.#exclusivePass(targets, false)
        if (result.failures === 0) {
          failures = 0
          for (const c of result.more) this.#woken.add(c)
          continue
        }
      } catch (err) {
        // listing collections failed, or something unforeseen: never give up, back off like a failed publish
        this.#log.warn({ err: describe(err) }, 'outbox relay round failed')
      }
      failures++
      const wait = backoffDelay(failures, { initialMs: this.#initialMs, maxMs: this.#maxMs })
      this.#log.warn({ failures, retryInMs: wait }, 'outbox relay backing off')
      // stop() aborts the wait
      await sleep(wait, undefined, { signal: this.#abort.signal }).catch(() => {})
      nextSweep = 0
    }
  }

  #exclusivePass(collections: string[], draining: boolean): Promise<PassResult> {
    const pass = this.#passes.then(() => this.#pass(collections, draining))
    this.#passes = pass.catch(() => {})
    return pass
  }

  async #pass(collections: string[], draining: boolean): Promise<PassResult> {
    const result: PassResult = { published: 0, failures: 0, more: [] }
    const go = () => draining || this.#running
    for (const name of collections) {
      if (!go() || result.failures >= FAILURES_PER_PASS) break
      let pending: Array<{ id: string; events: EventEnvelope[] }>
      try {
        pending = await this.#store.collection(name).outboxPending(this.#batchSize)
      } catch (err) {
        result.failures++
        this.#log.warn({ collection: name, err: describe(err) }, 'outbox relay cannot read pending events')
        continue
      }
      const docs = pending.filter((doc) => doc.events.length > 0)
      const relayed = docs.length > 0 ? await this.#relayPage(name, docs) : { published: 0, failures: 0 }
      result.published += relayed.published
      result.failures += relayed.failures
      const failed = relayed.failures > 0
      if (!failed && pending.length >= this.#batchSize) result.more.push(name)
    }
    return result
  }

  /**
   * Publishes the events of a page of documents (in document order, in requests of at most
   * PUBLISH_CHUNK_BYTES, a document never split), then removes them from their outboxes in one write.
   * When the page cannot be published, each document is tried alone, so that one that keeps failing
   * does not hold up the others. Whatever failed stays pending and is published again later.
   */
  async #relayPage(
    collection: string,
    docs: ReadonlyArray<{ id: string; events: EventEnvelope[] }>,
  ): Promise<{ published: number; failures: number }> {
    let sent: ReadonlyArray<{ id: string; events: EventEnvelope[] }> | null = null
    let failures = 0
    if (docs.length > 1) {
      try {
        await Promise.all(chunks(docs).map((events) => this.#bus.publishBatch(events)))
        sent = docs
      } catch (err) {
        this.#log.debug(
          { collection, documents: docs.length, err: describe(err) },
          'outbox page publish failed; trying each document alone',
        )
      }
    }
    if (sent === null) {
      const alone: Array<{ id: string; events: EventEnvelope[] }> = []
      for (const doc of docs) {
        if (failures >= FAILURES_PER_PASS) break
        try {
          await this.#bus.publishBatch(doc.events)
          alone.push(doc)
        } catch (err) {
          failures++
          const eventIds = doc.events.map((e) => e.id)
          this.#log.warn(
            { collection, id: doc.id, eventIds, err: describe(err) },
            'outbox publish failed; will retry',
          )
        }
      }
      sent = alone
    }
    const published: Array<{ id: string; events: EventEnvelope[] }> = []
    for (const doc of sent) {
      try {
        await this.#onPublished?.({ collection, id: doc.id, events: doc.events })
        published.push(doc)
      } catch (err) {
        failures++
        this.#log.warn(
          { collection, id: doc.id, err: describe(err) },
          'outbox removal skipped; will republish',
        )
      }
    }
    if (published.length === 0) return { published: 0, failures }
    try {
      await this.#store
        .collection(collection)
        .outboxRemove(published.map((d) => ({ id: d.id, eventIds: d.events.map((e) => e.id) })))
    } catch (err) {
      // published but still pending: they will be published again (consumers dedupe by event id)
      const ids = published.map((d) => d.id)
      this.#log.warn({ collection, ids, err: describe(err) }, 'outbox removal failed; will republish')
      return { published: 0, failures: failures + 1 }
    }
    const count = published.reduce((n, d) => n + d.events.length, 0)
    this.#log.debug({ collection, documents: published.length, events: count }, 'outbox events published')
    return { published: count, failures }
  }

  /** Waits for a write, the next sweep or stop(). */
  #idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms))
      function done() {
        clearTimeout(timer)
        resolve()
      }
      // A write wakes the relay on the next turn of the event loop, not at once: on a synchronous store
      // (embedded SQLite) every write resolves at once, so an immediate pass would take a page of ONE
      // document — two more durable commits per request — before the next request is even read from its
      // socket. Deferred, a burst of writes is one page.
      this.#kick = () => {
        this.#kick = () => {}
        setImmediate(done)
      }
      if (!this.#running || this.#woken.size > 0) this.#kick()
    })
  }
}
