// One subscription = one kafkajs consumer in the subscription's group. The messages of a fetched batch go
// through the shared deliver() one after another; the offset past the last one done (or durably
// dead-lettered) is committed at the end of the batch and at least every second within it, never past a
// message not done: a crash redelivers at most the uncommitted part of a batch (at-least-once).
import { setTimeout as sleep } from 'node:timers/promises'
import {
  backoffDelay,
  type DeadLetterHandler,
  type DeliverOptions,
  deliver,
  deliverDeadLetter,
  type EventHandler,
  type Logger,
  type Raw,
  type RetryPolicy,
  type Subscription,
} from '@tingjian/bus'
import type { DeadLetter, EventCatalogue } from '@tingjian/contracts'
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs'
import { describe } from './errors.ts'

export interface ConsumerTuning {
  sessionTimeoutMs: number
  heartbeatIntervalMs: number
  rebalanceTimeoutMs: number
  maxWaitTimeMs: number
  partitionsConsumedConcurrently: number
}

export interface SubscriptionDeps {
  kafka: Kafka
  logger: Logger
  catalogue: EventCatalogue
  tuning: ConsumerTuning
  /** Publishes a dead letter durably (rejects if Kafka does not acknowledge it in time). */
  publishDeadLetter(letter: DeadLetter, key: Buffer | null): Promise<void>
  onClosed(sub: KafkaSubscription): void
}

export type SubscriptionMode =
  | { kind: 'events'; handler: EventHandler }
  | { kind: 'dead-letters'; handler: DeadLetterHandler }

export interface SubscriptionSpec {
  group: string
  topics: string[]
  fromBeginning: boolean
  retry: RetryPolicy | undefined
  mode: SubscriptionMode
}

/** Waits before restarting a crashed consumer: 1 s, doubling per restart in a row, up to 30 s. */
const RESTART_BACKOFF = { initialMs: 1_000, maxMs: 30_000 } as const
/** How long the first start of a consumer is tried again (a broker that has just started). */
const FIRST_START_MS = 60_000
/** Longest time a handled offset stays uncommitted while a batch is being worked through. */
const COMMIT_INTERVAL_MS = 1_000

export class KafkaSubscription implements Subscription {
  readonly group: string
  readonly #deps: SubscriptionDeps
  readonly #spec: SubscriptionSpec
  readonly #abort = new AbortController()
  readonly #inFlight = new Set<Promise<void>>()
  readonly #ready: Promise<void>
  #resolveReady: () => void = () => {}
  #consumer: Consumer | null = null
  #closing = false
  #closed: Promise<void> | null = null
  #restartTimer: NodeJS.Timeout | null = null
  #restarts = 0
  /** A consumer being connected and started: close() waits for it, then stops it. */
  #starting: Promise<void> | null = null

  constructor(deps: SubscriptionDeps, spec: SubscriptionSpec) {
    this.#deps = deps
    this.#spec = spec
    this.group = spec.group
    this.#ready = new Promise((resolve) => {
      this.#resolveReady = resolve
    })
  }

  ready(): Promise<void> {
    return this.#ready
  }

  /**
   * Starts the consumer. A broker that has just started may still answer that the group coordinator is
   * loading or a new topic has no metadata yet: the first start is tried again for up to FIRST_START_MS,
   * then rejects (later failures restart the consumer by themselves).
   */
  async start(): Promise<void> {
    const deadline = Date.now() + FIRST_START_MS
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#startConsumer()
        return
      } catch (err) {
        if (this.#closing || Date.now() >= deadline) throw err
        const delayMs = Math.min(backoffDelay(attempt, RESTART_BACKOFF), Math.max(0, deadline - Date.now()))
        this.#deps.logger.warn(
          { group: this.group, attempt, delayMs, error: describe(err) },
          'consumer start failed, retrying',
        )
        await sleep(delayMs, undefined, { signal: this.#abort.signal }).catch(() => {})
        if (this.#closing) throw err
      }
    }
  }

  #startConsumer(): Promise<void> {
    const starting = this.#createConsumer().finally(() => {
      if (this.#starting === starting) this.#starting = null
    })
    this.#starting = starting
    return starting
  }

  close(): Promise<void> {
    if (this.#closed) return this.#closed
    this.#closing = true
    this.#abort.abort()
    if (this.#restartTimer) clearTimeout(this.#restartTimer)
    this.#closed = (async () => {
      await this.#starting?.catch(() => {})
      // let the message in hand finish and commit while the consumer still runs (kafkajs skips commits
      // once stop() has begun), then stop: whatever arrives meanwhile is left uncommitted for redelivery
      await Promise.allSettled([...this.#inFlight])
      const consumer = this.#consumer
      this.#consumer = null
      if (consumer) {
        await consumer.stop().catch(() => {})
        await consumer.disconnect().catch(() => {})
      }
      this.#resolveReady()
      this.#deps.logger.info({ group: this.group, topics: this.#spec.topics }, 'subscription closed')
      this.#deps.onClosed(this)
    })()
    return this.#closed
  }

  async #createConsumer(): Promise<void> {
    const { tuning, logger } = this.#deps
    const consumer = this.#deps.kafka.consumer({
      groupId: this.group,
      sessionTimeout: tuning.sessionTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      rebalanceTimeout: tuning.rebalanceTimeoutMs,
      maxWaitTimeInMs: tuning.maxWaitTimeMs,
      allowAutoTopicCreation: false,
      retry: {
        retries: 5,
        initialRetryTime: 300,
        maxRetryTime: 5_000,
        // kafkajs restarts the consumer itself after a retriable crash (e.g. the broker went away)
        restartOnFailure: async () => !this.#closing,
      },
    })
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.#restarts = 0
      logger.info(
        { group: this.group, memberId: payload.memberId, assignment: payload.memberAssignment },
        'joined consumer group',
      )
      this.#resolveReady()
    })
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (this.#closing) return
      logger.warn(
        { group: this.group, error: describe(payload.error), restart: payload.restart },
        'consumer crashed',
      )
      // a crash kafkajs does not restart from (a non-retriable error) is restarted here
      if (!payload.restart) this.#scheduleRestart(consumer)
    })
    this.#consumer = consumer
    try {
      await consumer.connect()
      await consumer.subscribe({ topics: this.#spec.topics, fromBeginning: this.#spec.fromBeginning })
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: tuning.partitionsConsumedConcurrently,
        // offsets are resolved one by one as messages are done, so that a batch cut short (close, a
        // rebalance, an error) resumes at the first message not done
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.#eachBatch(consumer, payload),
      })
    } catch (err) {
      if (this.#consumer === consumer) this.#consumer = null
      await consumer.disconnect().catch(() => {})
      throw err
    }
  }

  #scheduleRestart(old: Consumer | null): void {
    if (this.#closing || this.#restartTimer) return
    const delay = backoffDelay(++this.#restarts, RESTART_BACKOFF)
    this.#deps.logger.warn({ group: this.group, delayMs: delay }, 'restarting consumer')
    this.#restartTimer = setTimeout(async () => {
      this.#restartTimer = null
      if (this.#closing) return
      if (old) {
        if (this.#consumer === old) this.#consumer = null
        await old.disconnect().catch(() => {})
      }
      if (this.#closing) return
      try {
        await this.#startConsumer()
      } catch (err) {
        this.#deps.logger.warn({ group: this.group, error: describe(err) }, 'consumer restart failed')
        this.#scheduleRestart(null)
      }
    }, delay)
  }

  async #eachBatch(consumer: Consumer, payload: EachBatchPayload): Promise<void> {
    // closing: leave it uncommitted, the group's next member gets it
    if (this.#closing) return
    const work = this.#batch(consumer, payload)
    this.#inFlight.add(work)
    try {
      await work
    } finally {
      this.#inFlight.delete(work)
    }
  }

  async #batch(
    consumer: Consumer,
    { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
  ): Promise<void> {
    const { topic, partition } = batch
    let done: string | null = null
    let committedAt = Date.now()
    const commit = async () => {
      if (done === null) return
      const offset = (BigInt(done) + 1n).toString()
      done = null
      committedAt = Date.now()
      await consumer.commitOffsets([{ topic, partition, offset }])
    }
    try {
      for (const message of batch.messages) {
        if (this.#closing || !isRunning() || isStale()) break
        if (!(await this.#handle(topic, partition, message, heartbeat))) break
        resolveOffset(message.offset)
        done = message.offset
        if (Date.now() - committedAt >= COMMIT_INTERVAL_MS) await commit()
        await heartbeat()
      }
    } finally {
      await commit()
    }
  }

  /** Delivers one message; false when stopped by close (left uncommitted for redelivery). */
  async #handle(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    const { logger } = this.#deps
    const raw: Raw = { topic, partition, offset: message.offset, value: message.value }
    const opts: DeliverOptions = {
      group: this.group,
      retry: this.#spec.retry,
      catalogue: this.#deps.catalogue,
      signal: this.#abort.signal,
    }
    const where = { group: this.group, topic, partition, offset: message.offset }
    // kafkajs heartbeats only between messages; a handler that retries for long would lose the group
    const beat = setInterval(() => {
      heartbeat().catch(() => {})
    }, this.#deps.tuning.heartbeatIntervalMs)
    try {
      if (this.#spec.mode.kind === 'events') {
        const outcome = await deliver(raw, this.#spec.mode.handler, opts)
        if (outcome.kind === 'stopped') return false
        if (outcome.kind === 'dead-letter') {
          const { letter } = outcome
          await this.#deps.publishDeadLetter(letter, message.key).catch((err: unknown) => {
            logger.error({ ...where, error: describe(err) }, 'could not dead-letter; it will be redelivered')
            throw err
          })
          logger.warn(
            {
              ...where,
              eventId: letter.event?.id,
              eventType: letter.event?.type,
              attempts: letter.attempts,
              errorCode: letter.errorCode,
            },
            'event dead-lettered',
          )
        }
      } else {
        const outcome = await deliverDeadLetter(raw, this.#spec.mode.handler, opts)
        if (outcome.kind === 'stopped') return false
        if (outcome.kind === 'gave-up') {
          logger.error(
            { ...where, attempts: outcome.attempts, errorCode: outcome.errorCode },
            'dead-letter handler gave up; the letter is skipped (it stays in the stream)',
          )
        }
      }
    } finally {
      clearInterval(beat)
    }
    return true
  }
}
