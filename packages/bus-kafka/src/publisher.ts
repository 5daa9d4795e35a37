// One idempotent producer behind a queue. Concurrent publishes are sent together, one request at a time,
// and a request that failed is sent again unchanged before anything else: kafkajs reuses the failed
// request's sequence numbers, so the broker drops the copy if the first try had landed after all. Sending
// different records under those numbers could make the broker take them for that copy and drop them
// silently, so whenever a batch is given up on, the producer is replaced (new producer id).
import { setTimeout as sleep } from 'node:timers/promises'
import { BusClosedError, backoffDelay, type Logger } from '@tingjian/bus'
import { type Kafka, type Message, Partitioners, type Producer } from 'kafkajs'
import { describe, PublishTimeoutError, remedyFor } from './errors.ts'

export interface OutgoingMessage {
  topic: string
  message: Message
  /** Approximate size on the wire, to keep combined requests under the broker's limits. */
  bytes: number
}

interface Job {
  messages: OutgoingMessage[]
  bytes: number
  enqueuedAt: number
  resolve(): void
  reject(err: unknown): void
}

export interface PublisherOptions {
  /** How long a publish keeps retrying while the cluster is unreachable before it rejects. */
  publishTimeoutMs: number
  /** Upper bound of the records combined into one request (a larger single publish goes alone). */
  maxBatchBytes: number
  /** How long the broker may wait for the in-sync replicas before it answers. */
  ackTimeoutMs: number
  logger: Logger
}

/** Waits between sends of a batch Kafka did not acknowledge (until publishTimeoutMs runs out). */
const SEND_RETRY_BACKOFF = { initialMs: 200, maxMs: 3_200 } as const

export class Publisher {
  readonly #kafka: Kafka
  readonly #opts: PublisherOptions
  readonly #queue: Job[] = []
  #producer: Producer | null = null
  #connected = false
  #draining: Promise<void> | null = null
  #closed = false

  constructor(kafka: Kafka, opts: PublisherOptions) {
    this.#kafka = kafka
    this.#opts = opts
  }

  /** Resolves once every message is acknowledged by all in-sync replicas. */
  send(messages: OutgoingMessage[]): Promise<void> {
    if (this.#closed) return Promise.reject(new BusClosedError())
    if (messages.length === 0) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      const bytes = messages.reduce((sum, m) => sum + m.bytes, 0)
      this.#queue.push({ messages, bytes, enqueuedAt: Date.now(), resolve, reject })
      this.#kick()
    })
  }

  /** Sends what is queued (each publish still bounded by publishTimeoutMs), then disconnects. */
  async close(): Promise<void> {
    this.#closed = true
    while (this.#draining) await this.#draining
    await this.#dropProducer()
  }

  #kick(): void {
    if (this.#draining) return
    this.#draining = this.#drain().finally(() => {
      this.#draining = null
      if (this.#queue.length > 0) this.#kick()
    })
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const jobs = this.#takeBatch()
      try {
        await this.#sendWithRetries(jobs)
        for (const job of jobs) job.resolve()
      } catch (err) {
        for (const job of jobs) job.reject(err)
      }
    }
  }

  #takeBatch(): Job[] {
    const first = this.#queue.shift()
    if (!first) return []
    const jobs = [first]
    let bytes = first.bytes
    while (this.#queue.length > 0) {
      const next = this.#queue[0]
      if (!next || bytes + next.bytes > this.#opts.maxBatchBytes) break
      bytes += next.bytes
      jobs.push(next)
      this.#queue.shift()
    }
    return jobs
  }

  async #sendWithRetries(jobs: Job[]): Promise<void> {
    const byTopic = new Map<string, Message[]>()
    for (const job of jobs) {
      for (const { topic, message } of job.messages) {
        const list = byTopic.get(topic)
        if (list) list.push(message)
        else byTopic.set(topic, [message])
      }
    }
    const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }))
    const deadline = Math.min(...jobs.map((j) => j.enqueuedAt)) + this.#opts.publishTimeoutMs

    for (let attempt = 1; ; attempt++) {
      try {
        const producer = await this.#connectedProducer()
        await producer.sendBatch({ topicMessages, acks: -1, timeout: this.#opts.ackTimeoutMs })
        if (attempt > 1) {
          this.#opts.logger.info(
            { attempt, topics: [...byTopic.keys()] },
            'events acknowledged after retries',
          )
        }
        return
      } catch (err) {
        const remedy = remedyFor(err)
        const context = { attempt, remedy, topics: [...byTopic.keys()], error: describe(err) }
        if (remedy === 'fail') {
          this.#opts.logger.error(context, 'Kafka refused the events')
          await this.#dropProducer()
          throw err
        }
        if (remedy === 'new-producer') await this.#dropProducer()
        const left = deadline - Date.now()
        if (left <= 0) {
          this.#opts.logger.error(context, 'giving up publishing: Kafka did not acknowledge in time')
          await this.#dropProducer()
          throw new PublishTimeoutError(this.#opts.publishTimeoutMs, err)
        }
        this.#opts.logger.warn(context, 'publishing failed, retrying')
        await sleep(Math.min(left, backoffDelay(attempt, SEND_RETRY_BACKOFF)))
      }
    }
  }

  async #connectedProducer(): Promise<Producer> {
    if (!this.#producer) {
      this.#producer = this.#kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // the Java client's partitioner: the same key lands on the same partition whichever client wrote it
        createPartitioner: Partitioners.DefaultPartitioner,
        // bounded here, unbounded overall: #sendWithRetries retries the same batch until publishTimeoutMs
        retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
      })
      this.#connected = false
    }
    if (!this.#connected) {
      await this.#producer.connect()
      this.#connected = true
    }
    return this.#producer
  }

  async #dropProducer(): Promise<void> {
    const producer = this.#producer
    this.#producer = null
    this.#connected = false
    if (producer) {
      await producer.disconnect().catch((err: unknown) => {
        this.#opts.logger.debug({ error: describe(err) }, 'producer disconnect failed')
      })
    }
  }
}
