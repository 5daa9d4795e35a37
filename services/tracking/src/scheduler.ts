// The escalation scheduler: every interval, raises open cases one ladder step at a time towards the level
// their due date calls for. The level lives in the case and every step is a write conditioned on the
// version read, so a second tick, a restart or a second replica never announces a step twice.
import type { Clock, Logger } from '@tingjian/kit'
import { withRetry } from '@tingjian/store'
import { type Cases, toState } from './case-store.ts'
import { type Calendar, OPEN_STATUSES } from './domain/case.ts'
import { escalateStep } from './domain/escalation.ts'

export interface SchedulerOptions {
  cases: Cases
  clock: Clock
  calendar: Calendar
  intervalMs: number
  logger: Logger
  /**
   * Called before each pass: the app reloads the calendar tables from the store, so that a replica that
   * did not consume a table's event counts with it from its next pass.
   */
  refresh?: () => Promise<unknown>
}

export class EscalationScheduler {
  #timer: NodeJS.Timeout | null = null
  #running: Promise<number> | null = null
  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    if (this.#timer) return
    this.#timer = setInterval(() => {
      this.tick().catch((err) => this.options.logger.error({ err }, 'escalation tick failed'))
    }, this.options.intervalMs)
    this.#timer.unref()
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
    await this.#running?.catch(() => 0)
  }

  /** One pass over the open cases; resolves to the number of steps taken. Overlapping calls share a pass. */
  tick(): Promise<number> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = null
    })
    return this.#running
  }

  async #pass(): Promise<number> {
    const { cases, clock, calendar, logger, refresh } = this.options
    await refresh?.()
    let steps = 0
    let cursor: string | null = null
    do {
      const page = await cases.find(
        { status: { $in: [...OPEN_STATUSES] }, dueAt: { $gt: '' }, escalationLevel: { $lt: 3 } },
        { sort: [['dueAt', 1]], limit: 200, cursor },
      )
      for (const found of page.items) {
        // one ladder step per write, each decided on what is stored (an action or another replica's step
        // may have changed the case since: the store's withRetry reads it again)
        for (;;) {
          const level = await withRetry(async () => {
            const current = await cases.get(found._id)
            if (!current) return null
            const now = clock.now()
            const step = escalateStep(toState(current), now, calendar)
            if (!step) return null
            await cases.update(current._id, current.version, step.case, { events: step.events, now })
            return step.case.escalationLevel
          })
          if (level === null) break
          steps++
          logger.info({ caseId: found._id, level }, 'case escalated')
        }
      }
      cursor = page.nextCursor
    } while (cursor)
    return steps
  }
}
