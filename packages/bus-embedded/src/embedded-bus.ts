// The embedded adapter of the EventBus port: a durable log in one SQLite file, for running the whole
// platform as one process on one machine. Same delivery semantics as Kafka, through the same deliver().
import { resolve } from 'node:path'
import {
  BusClosedError,
  type DeadLetterHandler,
  type DeadLetterSubscribeOptions,
  type EventBus,
  type EventHandler,
  type HealthReport,
  type Logger,
  type RetryPolicy,
  type SubscribeOptions,
  type Subscription,
  silentLogger,
} from '@tingjian/bus'
import {
  CONTENT_TYPE,
  DEFAULT_NAMESPACE,
  type DeadLetter,
  type EventCatalogue,
  type EventEnvelope,
  HEADERS,
  isSource,
  catalogue as platformCatalogue,
  type Stream,
  topicName,
} from '@tingjian/contracts'
import { type AppendRow, SqliteLog } from './sqlite-log.ts'
import { EmbeddedSubscription, type SubscriptionSpec } from './subscription.ts'

export interface EmbeddedBusOptions {
  /** The SQLite file (created if missing). ':memory:' works for a throwaway bus in one process. */
  path: string
  /** Stream namespace, as the Kafka topics' (default DEFAULT_NAMESPACE). */
  namespace?: string
  /** Validates what is published and consumed (default: the platform catalogue). */
  catalogue?: EventCatalogue
  logger?: Logger
  /** Handler retries of subscriptions that set none (default DELIVERY_DEFAULTS). */
  retry?: RetryPolicy
  /** How often a subscription looks for events written by other processes (default 250 ms). */
  pollIntervalMs?: number
  /** Messages read at a time per subscription (default 100). */
  batchSize?: number
  /** How long a write waits for another connection's lock on the file (default 5 000 ms). */
  busyTimeoutMs?: number
}

export interface EmbeddedBus extends EventBus {
  readonly adapter: 'embedded'
  readonly namespace: string
  readonly path: string
  /**
   * Appends bytes to a stream without validation, as a faulty producer could. For tests and repair
   * tools only: services publish with publish().
   */
  appendRaw(stream: Stream, key: string | null, value: Buffer | string): Promise<void>
}

/** Per SQLite file in this process: the subscriptions to wake when something is appended. */
const listeners = new Map<string, Set<EmbeddedSubscription>>()
/** Per file and group in this process: the members, the first one reads, the others stand by. */
const groups = new Map<string, EmbeddedSubscription[]>()
let memoryFiles = 0

function positiveInt(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback
  if (!Number.isInteger(v) || v < 1)
    throw new TypeError(`createEmbeddedBus: ${name} must be a positive integer`)
  return v
}

/** Opens (or creates) the log file and returns the bus. */
export function createEmbeddedBus(options: EmbeddedBusOptions): EmbeddedBus {
  if (!options?.path) throw new Error('createEmbeddedBus: path (the SQLite file) is required')
  return new EmbeddedEventBus(options)
}

class EmbeddedEventBus implements EmbeddedBus {
  readonly adapter = 'embedded' as const
  readonly namespace: string
  readonly path: string
  readonly #file: string
  readonly #log: SqliteLog
  readonly #catalogue: EventCatalogue
  readonly #logger: Logger
  readonly #retry: RetryPolicy | undefined
  readonly #pollIntervalMs: number
  readonly #batchSize: number
  readonly #subscriptions = new Set<EmbeddedSubscription>()
  #closed: Promise<void> | null = null

  constructor(options: EmbeddedBusOptions) {
    this.namespace = options.namespace ?? DEFAULT_NAMESPACE
    topicName(this.namespace, 'dead-letter') // throws on an invalid namespace
    this.path = options.path
    this.#file = options.path === ':memory:' ? `:memory:#${++memoryFiles}` : resolve(options.path)
    this.#catalogue = options.catalogue ?? platformCatalogue
    this.#logger = options.logger ?? silentLogger
    this.#retry = options.retry
    this.#pollIntervalMs = positiveInt('pollIntervalMs', options.pollIntervalMs, 250)
    this.#batchSize = positiveInt('batchSize', options.batchSize, 100)
    this.#log = new SqliteLog(options.path, positiveInt('busyTimeoutMs', options.busyTimeoutMs, 5_000))
    for (const warning of this.#log.warnings)
      this.#logger.warn({ adapter: 'embedded', path: options.path }, warning)
    this.#logger.info(
      { adapter: 'embedded', path: options.path, namespace: this.namespace },
      'embedded event bus: one SQLite file, for a single machine (use @tingjian/bus-kafka to scale out)',
    )
  }

  async publish(event: EventEnvelope): Promise<void> {
    await this.publishBatch([event])
  }

  async publishBatch(events: readonly EventEnvelope[]): Promise<void> {
    this.#assertOpen()
    for (const event of events) this.#catalogue.assertValid(event)
    if (events.length === 0) return
    this.#log.append(events.map((e) => this.#eventRow(e)))
    this.#notify()
  }

  async appendRaw(stream: Stream, key: string | null, value: Buffer | string): Promise<void> {
    this.#assertOpen()
    const bytes = typeof value === 'string' ? Buffer.from(value) : value
    this.#log.append([{ topic: topicName(this.namespace, stream), key, value: bytes, headers: {} }])
    this.#notify()
  }

  async subscribe(options: SubscribeOptions, handler: EventHandler): Promise<Subscription> {
    const streams = [...new Set(options.streams)]
    if (streams.length === 0) throw new TypeError('subscribe: streams must name at least one source')
    for (const s of streams) {
      if (!isSource(s))
        throw new TypeError(`subscribe: ${s} is not a source (dead letters: subscribeDeadLetters)`)
    }
    return this.#start(options, {
      topics: streams.map((s) => topicName(this.namespace, s)),
      mode: { kind: 'events', handler },
    })
  }

  async subscribeDeadLetters(
    options: DeadLetterSubscribeOptions,
    handler: DeadLetterHandler,
  ): Promise<Subscription> {
    return this.#start(options, {
      topics: [topicName(this.namespace, 'dead-letter')],
      mode: { kind: 'dead-letters', handler },
    })
  }

  /** Streams need no creation in the log: this only checks the names. */
  async ensureStreams(streams: readonly Stream[]): Promise<void> {
    this.#assertOpen()
    for (const s of streams) topicName(this.namespace, s)
  }

  async health(): Promise<HealthReport> {
    if (this.#closed) return { ok: false, adapter: 'embedded', detail: 'closed' }
    try {
      this.#log.ping()
      return { ok: true, adapter: 'embedded', detail: this.path }
    } catch (err) {
      return { ok: false, adapter: 'embedded', detail: (err as Error).message }
    }
  }

  close(): Promise<void> {
    if (this.#closed) return this.#closed
    this.#closed = (async () => {
      await Promise.allSettled([...this.#subscriptions].map((s) => s.close()))
      this.#log.close()
      this.#logger.info({ adapter: 'embedded', path: this.path }, 'embedded event bus closed')
    })()
    return this.#closed
  }

  #assertOpen(): void {
    if (this.#closed) throw new BusClosedError()
  }

  #notify(): void {
    for (const sub of listeners.get(this.#file) ?? []) sub.wake()
  }

  async #start(
    options: DeadLetterSubscribeOptions,
    spec: Pick<SubscriptionSpec, 'topics' | 'mode'>,
  ): Promise<Subscription> {
    this.#assertOpen()
    if (!options.group) throw new TypeError('subscribe: group is required')
    const groupKey = `${this.#file}\u0000${options.group}`
    const sub: EmbeddedSubscription = new EmbeddedSubscription(
      {
        log: this.#log,
        logger: this.#logger,
        catalogue: this.#catalogue,
        pollIntervalMs: this.#pollIntervalMs,
        batchSize: this.#batchSize,
        deadLetterRow: (letter, key) => this.#deadLetterRow(letter, key),
        onClosed: (s) => {
          this.#subscriptions.delete(s)
          listeners.get(this.#file)?.delete(s)
          const members = (groups.get(groupKey) ?? []).filter((m) => m !== s)
          if (members.length === 0) groups.delete(groupKey)
          else groups.set(groupKey, members)
          // the next member of the group takes over from the committed positions
          members[0]?.activate()
        },
      },
      {
        group: options.group,
        fromBeginning: options.fromBeginning ?? true,
        retry: options.retry ?? this.#retry,
        ...spec,
      },
    )
    this.#subscriptions.add(sub)
    const set = listeners.get(this.#file) ?? new Set()
    set.add(sub)
    listeners.set(this.#file, set)
    const members = groups.get(groupKey) ?? []
    members.push(sub)
    groups.set(groupKey, members)
    if (members.length === 1) {
      sub.activate()
      this.#logger.info({ group: options.group, topics: spec.topics }, 'subscribed')
    } else {
      sub.standBy()
      this.#logger.info(
        { group: options.group, topics: spec.topics },
        'subscribed as a standby: another subscription of this group is reading in this process',
      )
    }
    return sub
  }

  #eventRow(event: EventEnvelope): AppendRow {
    return {
      topic: topicName(this.namespace, event.source),
      key: event.subject,
      value: Buffer.from(JSON.stringify(event)),
      headers: {
        [HEADERS.eventId]: event.id,
        [HEADERS.eventType]: event.type,
        [HEADERS.eventVersion]: String(event.version),
        [HEADERS.correlationId]: event.correlationId,
        [HEADERS.contentType]: CONTENT_TYPE,
      },
    }
  }

  #deadLetterRow(letter: DeadLetter, key: string | null): AppendRow {
    const headers: Record<string, string> = { [HEADERS.deadLetterGroup]: letter.group }
    if (letter.event) {
      headers[HEADERS.eventId] = letter.event.id
      headers[HEADERS.eventType] = letter.event.type
      headers[HEADERS.eventVersion] = String(letter.event.version)
      headers[HEADERS.correlationId] = letter.event.correlationId
    }
    return {
      topic: topicName(this.namespace, 'dead-letter'),
      key: key ?? letter.group,
      value: Buffer.from(JSON.stringify(letter)),
      headers,
    }
  }
}
