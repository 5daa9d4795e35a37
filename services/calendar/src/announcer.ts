// Re-announces every year's table when its last announcement is older than the interval, so that the
// calendar topic always holds each year's latest table even where the broker deletes old messages
// (Kafka's default retention is 7 days; the bus creates topics with the broker's defaults). A consumer
// that starts later reads them from the beginning. The event repeats the revision: consumers keep the
// highest and ignore it. Goes through the outbox like any other event; the check of `announcedAt` in
// the write makes one replica win when several sweep at once.
import type { Clock, Logger } from '@tingjian/kit'
import { modify } from '@tingjian/store'
import { dueForReannouncement, yearPublishedEvent } from './domain/year.ts'
import { allYears, fieldsOf, type Years } from './years.ts'

export interface AnnouncerDeps {
  years: Years
  clock: Clock
  logger: Logger
  /** A year is announced again once its last announcement is this old. */
  intervalMs: number
  /** How often to look (default: an hour, or the interval when shorter). */
  sweepEveryMs?: number
}

export class Announcer {
  readonly #deps: AnnouncerDeps
  #timer: NodeJS.Timeout | undefined
  #running: Promise<void> = Promise.resolve()

  constructor(deps: AnnouncerDeps) {
    this.#deps = deps
  }

  /** One sweep now (at start-up), then one per period. */
  start(): void {
    this.#run()
    const every = this.#deps.sweepEveryMs ?? Math.min(this.#deps.intervalMs, 3_600_000)
    this.#timer = setInterval(() => this.#run(), every)
    this.#timer.unref()
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer)
    await this.#running
  }

  #run(): void {
    this.#running = this.#running.then(() =>
      this.sweep().then(
        () => undefined,
        (err: unknown) =>
          this.#deps.logger.warn({ err }, 'calendar re-announcement failed; next sweep retries'),
      ),
    )
  }

  /** Announces again every year that is due; returns how many. */
  async sweep(): Promise<number> {
    const { years, clock, intervalMs } = this.#deps
    let count = 0
    for (const doc of await allYears(years)) {
      const now = clock.now()
      if (!dueForReannouncement(doc, now, intervalMs)) continue
      let announced = false
      await modify(
        years,
        doc._id,
        (current) => {
          announced = dueForReannouncement(current, now, intervalMs)
          return announced ? { ...fieldsOf(current), announcedAt: now.toISOString() } : null
        },
        { now, events: (_current, next) => [yearPublishedEvent(next, { now })] },
      )
      if (announced) {
        count++
        this.#deps.logger.info({ year: doc.year, revision: doc.revision }, 'calendar year announced again')
      }
    }
    return count
  }
}
