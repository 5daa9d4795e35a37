// The Kafka adapter of the EventBus port: topics per source in a namespace, an idempotent acks=all
// producer, one kafkajs consumer per subscription with manual commits, and the dead-letter topic.
import { setTimeout as sleep } from 'node:timers/promises'
import {
  BusClosedError,
  backoffDelay,
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
  DELIVERY_DEFAULTS,
  type DeadLetter,
  type EventCatalogue,
  type EventEnvelope,
  HEADERS,
  isSource,
  catalogue as platformCatalogue,
  type Stream,
  topicName,
} from '@tingjian/contracts'
import { type Admin, type IHeaders, Kafka, type KafkaConfig, logLevel } from 'kafkajs'
import { describe, PublishTimeoutError } from './errors.ts'
import { kafkaLogCreator } from './kafka-log.ts'
import { type OutgoingMessage, Publisher } from './publisher.ts'
import { type ConsumerTuning, KafkaSubscription, type SubscriptionSpec } from './subscription.ts'

export interface KafkaBusOptions {
  /** Bootstrap brokers, `host:port`. Required: the adapter refuses to start without. */
  brokers: string[]
  /** Client id sent to the brokers (shows in broker logs and quotas): the service name. */
  clientId: string
  /** Topic namespace: `<namespace>.<source>.events`, `<namespace>.dead-letter` (default DEFAULT_NAMESPACE). */
  namespace?: string
  /** Partitions of the topics this bus creates (default DELIVERY_DEFAULTS.partitions). */
  partitions?: number
  /** Replicas of the topics this bus creates (default -1: the broker's default.replication.factor). */
  replicationFactor?: number
  /** Validates what is published and consumed (default: the platform catalogue). */
  catalogue?: EventCatalogue
  logger?: Logger
  /** Handler retries of subscriptions that set none (default DELIVERY_DEFAULTS). */
  retry?: RetryPolicy
  /** How long publish keeps retrying while the cluster is unreachable (default 60 000 ms). */
  publishTimeoutMs?: number
  /** How long the leader may wait for the in-sync replicas before answering (default 30 000 ms). */
  ackTimeoutMs?: number
  /** Upper bound of concurrent publishes combined into one request (default 512 KiB). */
  maxBatchBytes?: number
  connectionTimeoutMs?: number
  requestTimeoutMs?: number
  /** Upper bound of health() (default 5 000 ms). */
  healthTimeoutMs?: number
  consumer?: Partial<ConsumerTuning>
  ssl?: KafkaConfig['ssl']
  sasl?: KafkaConfig['sasl']
  /** kafkajs's own log lines at this level and above go to `logger` (ERROR/WARN as warn). Default 'warn'. */
  kafkaLogLevel?: 'nothing' | 'error' | 'warn' | 'info' | 'debug'
}

export interface KafkaBus extends EventBus {
  readonly adapter: 'kafka'
  readonly namespace: string
}

const DEFAULTS = {
  publishTimeoutMs: 60_000,
  ackTimeoutMs: 30_000,
  maxBatchBytes: 512 * 1024,
  connectionTimeoutMs: 3_000,
  requestTimeoutMs: 30_000,
  healthTimeoutMs: 5_000,
  replicationFactor: -1,
} as const

/**
 * kafkajs's defaults, except a shorter fetch wait so that close() is quick, and a shorter session: a
 * member that died (SIGKILL, a lost machine) holds its partitions until its session runs out, and a
 * restarted service cannot join its group before that (kafkajs has no static membership). Ten seconds
 * is three heartbeats; handlers that retry for long heartbeat meanwhile (subscription.ts).
 */
const CONSUMER_DEFAULTS: ConsumerTuning = {
  sessionTimeoutMs: 10_000,
  heartbeatIntervalMs: 3_000,
  rebalanceTimeoutMs: 60_000,
  maxWaitTimeMs: 1_000,
  partitionsConsumedConcurrently: 1,
}

const LOG_LEVELS = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
} as const

function positiveInt(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback
  if (!Number.isInteger(v) || v < 1) throw new TypeError(`createKafkaBus: ${name} must be a positive integer`)
  return v
}

/** Waits between tries of an admin operation (topic creation) while the cluster is unreachable. */
const ADMIN_RETRY_BACKOFF = { initialMs: 250, maxMs: 2_000 } as const

/** Builds the Kafka bus. Connects lazily; throws at once on a configuration it cannot work with. */
export function createKafkaBus(options: KafkaBusOptions): KafkaBus {
  const brokers = Array.isArray(options?.brokers)
    ? options.brokers.map((b) => String(b).trim()).filter((b) => b.length > 0)
    : []
  if (brokers.length === 0) {
    throw new Error(
      'createKafkaBus: no Kafka brokers configured (brokers: ["host:port", ...]); ' +
        'use @tingjian/bus-embedded to run without Kafka',
    )
  }
  for (const b of brokers) {
    if (!/^[^\s:]+:\d{1,5}$/.test(b)) throw new Error(`createKafkaBus: broker "${b}" is not host:port`)
  }
  if (!options.clientId) throw new Error('createKafkaBus: clientId is required')
  return new KafkaEventBus({ ...options, brokers })
}

class KafkaEventBus implements KafkaBus {
  readonly adapter = 'kafka' as const
  readonly namespace: string
  readonly #kafka: Kafka
  readonly #catalogue: EventCatalogue
  readonly #logger: Logger
  readonly #retry: RetryPolicy | undefined
  readonly #partitions: number
  readonly #replicationFactor: number
  readonly #publishTimeoutMs: number
  readonly #healthTimeoutMs: number
  readonly #tuning: ConsumerTuning
  readonly #publisher: Publisher
  readonly #subscriptions = new Set<KafkaSubscription>()
  readonly #knownTopics = new Set<string>()
  readonly #creating = new Map<string, Promise<void>>()
  #admin: { client: Admin; connected: Promise<Admin> } | null = null
  #closed: Promise<void> | null = null

  constructor(options: KafkaBusOptions) {
    this.namespace = options.namespace ?? DEFAULT_NAMESPACE
    topicName(this.namespace, 'dead-letter') // throws on an invalid namespace
    this.#catalogue = options.catalogue ?? platformCatalogue
    this.#logger = options.logger ?? silentLogger
    this.#retry = options.retry
    this.#partitions = positiveInt('partitions', options.partitions, DELIVERY_DEFAULTS.partitions)
    this.#replicationFactor = options.replicationFactor ?? DEFAULTS.replicationFactor
    this.#publishTimeoutMs = positiveInt(
      'publishTimeoutMs',
      options.publishTimeoutMs,
      DEFAULTS.publishTimeoutMs,
    )
    this.#healthTimeoutMs = positiveInt('healthTimeoutMs', options.healthTimeoutMs, DEFAULTS.healthTimeoutMs)
    this.#tuning = { ...CONSUMER_DEFAULTS, ...options.consumer }
    this.#kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      ssl: options.ssl,
      sasl: options.sasl,
      connectionTimeout: options.connectionTimeoutMs ?? DEFAULTS.connectionTimeoutMs,
      requestTimeout: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
      retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
      logLevel: LOG_LEVELS[options.kafkaLogLevel ?? 'warn'],
      logCreator: kafkaLogCreator(this.#logger),
    })
    this.#publisher = new Publisher(this.#kafka, {
      publishTimeoutMs: this.#publishTimeoutMs,
      ackTimeoutMs: options.ackTimeoutMs ?? DEFAULTS.ackTimeoutMs,
      maxBatchBytes: options.maxBatchBytes ?? DEFAULTS.maxBatchBytes,
      logger: this.#logger,
    })
    this.#logger.info(
      { adapter: 'kafka', brokers: options.brokers, namespace: this.namespace },
      'Kafka event bus configured',
    )
  }

  async publish(event: EventEnvelope): Promise<void> {
    await this.publishBatch([event])
  }

  async publishBatch(events: readonly EventEnvelope[]): Promise<void> {
    this.#assertOpen()
    for (const event of events) this.#catalogue.assertValid(event)
    if (events.length === 0) return
    await this.ensureStreams([...new Set(events.map((e) => e.source))])
    await this.#publisher.send(events.map((e) => this.#eventMessage(e)))
  }

  async subscribe(options: SubscribeOptions, handler: EventHandler): Promise<Subscription> {
    const streams = [...new Set(options.streams)]
    if (streams.length === 0) throw new TypeError('subscribe: streams must name at least one source')
    for (const s of streams) {
      if (!isSource(s))
        throw new TypeError(`subscribe: ${s} is not a source (dead letters: subscribeDeadLetters)`)
    }
    await this.ensureStreams([...streams, 'dead-letter'])
    return this.#start(options, {
      topics: streams.map((s) => topicName(this.namespace, s)),
      mode: { kind: 'events', handler },
    })
  }

  async subscribeDeadLetters(
    options: DeadLetterSubscribeOptions,
    handler: DeadLetterHandler,
  ): Promise<Subscription> {
    await this.ensureStreams(['dead-letter'])
    return this.#start(options, {
      topics: [topicName(this.namespace, 'dead-letter')],
      mode: { kind: 'dead-letters', handler },
    })
  }

  async ensureStreams(streams: readonly Stream[]): Promise<void> {
    this.#assertOpen()
    await Promise.all(streams.map((s) => this.#ensureTopic(topicName(this.namespace, s))))
  }

  async health(): Promise<HealthReport> {
    if (this.#closed) return { ok: false, adapter: 'kafka', detail: 'closed' }
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.#healthTimeoutMs} ms`)),
        this.#healthTimeoutMs,
      )
    })
    try {
      const cluster = await Promise.race([this.#connectedAdmin().then((a) => a.describeCluster()), timeout])
      return { ok: true, adapter: 'kafka', detail: `${cluster.brokers.length} broker(s) reachable` }
    } catch (err) {
      return { ok: false, adapter: 'kafka', detail: describe(err) }
    } finally {
      clearTimeout(timer)
    }
  }

  close(): Promise<void> {
    if (this.#closed) return this.#closed
    this.#closed = (async () => {
      // subscriptions first: the events in hand may still need the producer for their dead letters
      await Promise.allSettled([...this.#subscriptions].map((s) => s.close()))
      await this.#publisher.close()
      const admin = this.#admin
      this.#admin = null
      // not awaiting a connect that may still be retrying: disconnect ends it
      if (admin) await admin.client.disconnect().catch(() => {})
      this.#logger.info({ adapter: 'kafka', namespace: this.namespace }, 'Kafka event bus closed')
    })()
    return this.#closed
  }

  #assertOpen(): void {
    if (this.#closed) throw new BusClosedError()
  }

  async #start(
    options: DeadLetterSubscribeOptions,
    spec: Pick<SubscriptionSpec, 'topics' | 'mode'>,
  ): Promise<Subscription> {
    this.#assertOpen()
    if (!options.group) throw new TypeError('subscribe: group is required')
    const sub = new KafkaSubscription(
      {
        kafka: this.#kafka,
        logger: this.#logger,
        catalogue: this.#catalogue,
        tuning: this.#tuning,
        publishDeadLetter: (letter, key) => this.#publishDeadLetter(letter, key),
        onClosed: (s) => this.#subscriptions.delete(s),
      },
      {
        group: options.group,
        fromBeginning: options.fromBeginning ?? true,
        retry: options.retry ?? this.#retry,
        ...spec,
      },
    )
    this.#subscriptions.add(sub)
    try {
      await sub.start()
    } catch (err) {
      this.#subscriptions.delete(sub)
      throw err
    }
    this.#logger.info({ group: options.group, topics: spec.topics }, 'subscribed')
    return sub
  }

  #eventMessage(event: EventEnvelope): OutgoingMessage {
    const value = JSON.stringify(event)
    const headers: IHeaders = {
      [HEADERS.eventId]: event.id,
      [HEADERS.eventType]: event.type,
      [HEADERS.eventVersion]: String(event.version),
      [HEADERS.correlationId]: event.correlationId,
      [HEADERS.contentType]: CONTENT_TYPE,
    }
    return {
      topic: topicName(this.namespace, event.source),
      message: { key: event.subject, value, headers },
      bytes: Buffer.byteLength(value) + Buffer.byteLength(event.subject) + 256,
    }
  }

  async #publishDeadLetter(letter: DeadLetter, key: Buffer | null): Promise<void> {
    await this.#ensureTopic(topicName(this.namespace, 'dead-letter'))
    const value = JSON.stringify(letter)
    const headers: IHeaders = { [HEADERS.deadLetterGroup]: letter.group }
    if (letter.event) {
      headers[HEADERS.eventId] = letter.event.id
      headers[HEADERS.eventType] = letter.event.type
      headers[HEADERS.eventVersion] = String(letter.event.version)
      headers[HEADERS.correlationId] = letter.event.correlationId
    }
    const messageKey = key ?? Buffer.from(letter.group)
    await this.#publisher.send([
      {
        topic: topicName(this.namespace, 'dead-letter'),
        // the source's key: one subject's dead letters stay in order too
        message: { key: messageKey, value, headers },
        bytes: Buffer.byteLength(value) + messageKey.length + 256,
      },
    ])
  }

  #ensureTopic(topic: string): Promise<void> {
    if (this.#knownTopics.has(topic)) return Promise.resolve()
    const pending = this.#creating.get(topic)
    if (pending) return pending
    const creation = this.#retrying(`create topic ${topic}`, async () => {
      const admin = await this.#connectedAdmin()
      const created = await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic, numPartitions: this.#partitions, replicationFactor: this.#replicationFactor }],
      })
      if (created) this.#logger.info({ topic, partitions: this.#partitions }, 'topic created')
      this.#knownTopics.add(topic)
    }).finally(() => this.#creating.delete(topic))
    this.#creating.set(topic, creation)
    return creation
  }

  /** Runs an admin operation, retrying while the cluster is unreachable for up to publishTimeoutMs. */
  async #retrying<T>(what: string, op: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.#publishTimeoutMs
    for (let attempt = 1; ; attempt++) {
      try {
        return await op()
      } catch (err) {
        if (this.#closed) throw err
        if (Date.now() >= deadline) throw new PublishTimeoutError(this.#publishTimeoutMs, err)
        this.#logger.warn({ attempt, error: describe(err) }, `${what} failed, retrying`)
        await sleep(Math.min(deadline - Date.now(), backoffDelay(attempt, ADMIN_RETRY_BACKOFF)))
      }
    }
  }

  #connectedAdmin(): Promise<Admin> {
    if (this.#closed) return Promise.reject(new BusClosedError())
    if (!this.#admin) {
      const client = this.#kafka.admin()
      const entry = { client, connected: client.connect().then(() => client) }
      this.#admin = entry
      entry.connected.catch(() => {
        if (this.#admin === entry) this.#admin = null
      })
    }
    return this.#admin.connected
  }
}
