// The EventBus port. Services depend on this interface only; adapters: @tingjian/bus-kafka, @tingjian/bus-embedded.
import type { DeadLetter, EventEnvelope, Source, Stream } from '@tingjian/contracts'

export interface DeliveryContext {
  topic: string
  partition: number
  /** Position in the topic (decimal string: Kafka offsets exceed 2^53 in theory). */
  offset: string
  /** 1 on the first try. */
  attempt: number
}

/** Handles one event. Throwing means "not done": the event is retried, then dead-lettered. */
export type EventHandler = (event: EventEnvelope, ctx: DeliveryContext) => Promise<void>

/**
 * Reads one dead letter (operators' tools, replays). Throwing retries it with backoff; after the last
 * attempt the letter is logged and skipped (it stays in the stream): a dead letter is never dead-lettered.
 */
export type DeadLetterHandler = (letter: DeadLetter, ctx: DeliveryContext) => Promise<void>

/**
 * A handler error that says a server it needs is unreachable (e.g. the store's StoreUnavailableError)
 * rather than that the event is bad: `transient: true`. Such failures are retried, with the capped
 * backoff, for as long as they last (until the subscription closes) and never count towards maxAttempts:
 * an outage must not turn good events into dead letters.
 */
export function isTransient(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { transient?: unknown }).transient === true
}

export interface RetryPolicy {
  /** Failed attempts before the dead letter, the first included (default DELIVERY_DEFAULTS.maxAttempts); transient failures do not count. */
  maxAttempts?: number
  initialBackoffMs?: number
  maxBackoffMs?: number
}

export interface SubscribeOptions {
  /** Consumer group: each group gets every event once (at least once); members of a group share the partitions. */
  group: string
  /** The producing services whose streams to read (the dead-letter stream: `subscribeDeadLetters`). */
  streams: Source[]
  /** A group with no committed position starts at the beginning (default true: nothing is missed). */
  fromBeginning?: boolean
  retry?: RetryPolicy
}

export type DeadLetterSubscribeOptions = Omit<SubscribeOptions, 'streams'>

export interface Subscription {
  readonly group: string
  /** Resolves once the subscriber is receiving (group joined / log opened). */
  ready(): Promise<void>
  /** Stops taking new events, lets the one in hand finish and commits its position. */
  close(): Promise<void>
}

export interface HealthReport {
  ok: boolean
  adapter: 'kafka' | 'embedded'
  detail?: string
}

export interface EventBus {
  readonly adapter: 'kafka' | 'embedded'
  /** Resolves only when the event is durable (Kafka: acknowledged by all in-sync replicas). */
  publish(event: EventEnvelope): Promise<void>
  /** All or none are durable when it resolves; order within one subject is kept. */
  publishBatch(events: readonly EventEnvelope[]): Promise<void>
  subscribe(options: SubscribeOptions, handler: EventHandler): Promise<Subscription>
  /** Reads the dead-letter stream: what every group gave up on, with the reason (DeadLetter envelopes). */
  subscribeDeadLetters(options: DeadLetterSubscribeOptions, handler: DeadLetterHandler): Promise<Subscription>
  /** Creates the topics of these streams if missing (publish and subscribe call it too). */
  ensureStreams(streams: readonly Stream[]): Promise<void>
  health(): Promise<HealthReport>
  /** Closes every subscription, then flushes and closes the producer. */
  close(): Promise<void>
}

/**
 * The logging the bus needs; a pino logger fits. Log ids, types, topics and groups, never event data
 * (it holds personal information).
 */
export interface Logger {
  debug(obj: object, msg?: string): void
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export class BusClosedError extends Error {
  readonly code = 'TJ_BUS_CLOSED'
  constructor() {
    super('the event bus is closed')
    this.name = 'BusClosedError'
  }
}
