// A subscription of the embedded bus: reads its topics in seq order, one message at a time, and commits
// each position after deliver() (a dead letter and the commit go in one transaction).
import {
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
import type { AppendRow, SqliteLog, StoredMessage } from './sqlite-log.ts'

export type SubscriptionMode =
  | { kind: 'events'; handler: EventHandler }
  | { kind: 'dead-letters'; handler: DeadLetterHandler }

export interface SubscriptionDeps {
  log: SqliteLog
  logger: Logger
  catalogue: EventCatalogue
  pollIntervalMs: number
  batchSize: number
  deadLetterRow(letter: DeadLetter, key: string | null): AppendRow
  /** Called once the subscription has stopped; the bus hands the group to its next member. */
  onClosed(sub: EmbeddedSubscription): void
}

export interface SubscriptionSpec {
  group: string
  topics: string[]
  fromBeginning: boolean
  retry: RetryPolicy | undefined
  mode: SubscriptionMode
}

export class EmbeddedSubscription implements Subscription {
  readonly group: string
  readonly #deps: SubscriptionDeps
  readonly #spec: SubscriptionSpec
  readonly #abort = new AbortController()
  readonly #positions = new Map<string, number>()
  readonly #ready: Promise<void>
  #resolveReady: () => void = () => {}
  #wake: (() => void) | null = null
  #loop: Promise<void> | null = null
  #closing = false
  #closed: Promise<void> | null = null

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

  /** Joined as a standby member: another subscription of the group is reading. */
  standBy(): void {
    this.#resolveReady()
  }

  /** Becomes the group's reader: takes the committed positions and starts reading. */
  activate(): void {
    if (this.#loop || this.#closing) return
    this.#loadPositions()
    this.#resolveReady()
    this.#loop = this.#run()
  }

  /** Something was appended: look now rather than at the next poll. */
  wake(): void {
    this.#wake?.()
  }

  close(): Promise<void> {
    if (this.#closed) return this.#closed
    this.#closing = true
    this.#abort.abort()
    this.wake()
    this.#closed = (async () => {
      await this.#loop
      this.#resolveReady()
      this.#deps.logger.info({ group: this.group, topics: this.#spec.topics }, 'subscription closed')
      this.#deps.onClosed(this)
    })()
    return this.#closed
  }

  #loadPositions(): void {
    const { log } = this.#deps
    for (const topic of this.#spec.topics) {
      let position = log.committed(this.group, topic)
      if (position === undefined) {
        position = this.#spec.fromBeginning ? 0 : log.lastSeq(topic)
        // a group that starts at the end keeps that start, so a restart before its first event misses nothing
        if (!this.#spec.fromBeginning) log.commit(this.group, topic, position)
      }
      this.#positions.set(topic, position)
    }
  }

  /** The next messages over all topics, in seq order. */
  #fetch(): StoredMessage[] {
    const { log, batchSize } = this.#deps
    const rows: StoredMessage[] = []
    for (const topic of this.#spec.topics)
      rows.push(...log.read(topic, this.#positions.get(topic) ?? 0, batchSize))
    return rows.sort((a, b) => a.seq - b.seq).slice(0, batchSize)
  }

  async #idle(): Promise<void> {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.#wake = null
        resolve()
      }
      const timer = setTimeout(done, this.#deps.pollIntervalMs)
      this.#wake = done
    })
  }

  async #run(): Promise<void> {
    const { logger } = this.#deps
    while (!this.#closing) {
      try {
        const batch = this.#fetch()
        if (batch.length === 0) {
          await this.#idle()
          continue
        }
        for (const message of batch) {
          if (this.#closing) break
          if (!(await this.#handle(message))) break
        }
      } catch (err) {
        // e.g. the file is locked by another process beyond busy_timeout: nothing was committed, try again
        logger.warn(
          { group: this.group, error: (err as Error).message },
          'embedded bus read failed, retrying',
        )
        await this.#idle()
      }
    }
  }

  /** Delivers one message and commits it; false when stopped by close (left for redelivery). */
  async #handle(message: StoredMessage): Promise<boolean> {
    const { log, logger } = this.#deps
    const raw: Raw = { topic: message.topic, partition: 0, offset: String(message.seq), value: message.value }
    const opts: DeliverOptions = {
      group: this.group,
      retry: this.#spec.retry,
      catalogue: this.#deps.catalogue,
      signal: this.#abort.signal,
    }
    const where = { group: this.group, topic: message.topic, offset: raw.offset }
    if (this.#spec.mode.kind === 'events') {
      const outcome = await deliver(raw, this.#spec.mode.handler, opts)
      if (outcome.kind === 'stopped') return false
      if (outcome.kind === 'dead-letter') {
        const { letter } = outcome
        log.commitWithDeadLetter(
          this.group,
          message.topic,
          message.seq,
          this.#deps.deadLetterRow(letter, message.key),
        )
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
      } else {
        log.commit(this.group, message.topic, message.seq)
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
      log.commit(this.group, message.topic, message.seq)
    }
    this.#positions.set(message.topic, message.seq)
    return true
  }
}
