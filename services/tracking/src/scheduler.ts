// The escalation scheduler: every interval, raises open cases one ladder step at a time towards the level
// their due date calls for. The level lives in the case and every step is a write conditioned on the
// version read, so a second tick, a restart or a second replica never announces a step twice.
import type { Clock, Logger } from '@tingjian/kit'
import { StoreConflictError } from '@tingjian/store'
import { type Cases, toState } from './case-store.ts'
import { type Calendar, OPEN_STATUSES } from './domain/case.ts'
import { escalateStep } from './domain/escalation.ts'

export interface SchedulerOptions {
  cases: Cases
  clock: Clock
  calendar: Calendar
  intervalMs: number
  logger: Logger
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
    const { cases, clock, calendar, logger } = this.options
    let steps = 0
    let cursor: string | null = null
    do {
      const page = await cases.find(
        { status: { $in: [...OPEN_STATUSES] }, dueAt: { $gt: '' }, escalationLevel: { $lt: 3 } },
        { sort: [['dueAt', 1]], limit: 200, cursor },
      )
      for (const found of page.items) {
        let current = toState(found)
        for (;;) {
          const now = clock.now()
          const step = escalateStep(current, now, calendar)
          if (!step) break
          try {
            current = toState(
              await cases.update(current._id, current.version, step.case, { events: step.events, now }),
            )
            steps++
            logger.info({ caseId: current._id, level: current.escalationLevel }, 'case escalated')
          } catch (err) {
            if (!(err instanceof StoreConflictError && err.kind === 'stale')) throw err
            // someone else changed it (an action, or another replica's step): decide again on what is stored
            const fresh = await cases.get(current._id)
            if (!fresh) break
            current = toState(fresh)
          }
        }
      }
      cursor = page.nextCursor
    } while (cursor)
    return steps
  }
}
