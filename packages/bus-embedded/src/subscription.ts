// A subscription of the embedded bus: reads its topics in seq order, a batch at a time, delivers each
// message in turn and commits the positions reached once per batch (and at least every second), in one
// transaction: a crash redelivers at most the uncommitted part of a batch (at-least-once; handlers are
// idempotent). A dead letter and the position past its message go in one transaction.
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

/** Longest time a handled position stays uncommitted while a batch is being worked through. */
const COMMIT_INTERVAL_MS = 1_000

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
  /** Positions handled but not yet committed, per topic. */
  readonly #uncommitted = new Map<string, number>()
  #committedAt = 0
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
        try {
          for (const message of batch) {
            if (this.#closing) break
            if (!(await this.#handle(message))) break
            if (Date.now() - this.#committedAt >= COMMIT_INTERVAL_MS) this.#commit()
          }
        } finally {
          this.#commit()
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

  /** Commits the positions handled so far (one transaction); kept for the next try when it fails. */
  #commit(): void {
    this.#committedAt = Date.now()
    if (this.#uncommitted.size === 0) return
    this.#deps.log.commitAll(this.group, this.#uncommitted)
    this.#uncommitted.clear()
  }

  /** Delivers one message; false when stopped by close (left for redelivery). */
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
        this.#uncommitted.delete(message.topic)
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
        this.#uncommitted.set(message.topic, message.seq)
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
      this.#uncommitted.set(message.topic, message.seq)
    }
    this.#positions.set(message.topic, message.seq)
    return true
  }
}
