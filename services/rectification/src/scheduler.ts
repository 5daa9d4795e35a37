// The ladder scheduler: reminder, 督办 and 告诫 of open orders on the working-day calendar. Restart-safe:
// every step is recorded on the order with its event in one write, and each is taken once.
import type { EventEnvelope } from '@tingjian/contracts'
import type { Logger } from '@tingjian/kit'
import { modify } from '@tingjian/store'
import type { RectificationContext } from './collections.ts'
import { escalate, relook } from './domain/ladder.ts'

export type SchedulerDeps = Pick<RectificationContext, 'orders' | 'clock' | 'calendar' | 'settings'> & {
  logger: Logger
}

/**
 * One pass over the orders whose next look is due: the steps due now are taken (recorded with their events
 * in one write, re-read on a conflict, so a step is never taken twice, even by two replicas); an order
 * whose steps moved (a new calendar table) gets its next look recomputed. Returns the ids it escalated.
 */
export async function schedulerPass(deps: SchedulerDeps): Promise<string[]> {
  const now = deps.clock.now()
  const escalated: string[] = []
  let cursor: string | null = null
  do {
    const page = await deps.orders.find(
      { nextLadderAt: { $lte: now.toISOString() } },
      { sort: [['nextLadderAt', 1]], limit: 100, cursor },
    )
    for (const due of page.items) {
      let took = false
      let events: EventEnvelope[] = []
      await modify(
        deps.orders,
        due._id,
        (current) => {
          const step = escalate(current, now, deps.calendar, deps.settings.warningExtensionDays)
          took = step !== null
          events = step?.events ?? []
          return step ? step.order : relook(current, deps.calendar)
        },
        { events: () => events, now },
      )
      if (took) {
        escalated.push(due._id)
        deps.logger.info({ orderId: due._id }, 'order escalated')
      }
    }
    cursor = page.nextCursor
  } while (cursor)
  return escalated
}

/** Runs a pass every `intervalMs` (0: never; tests call schedulerPass), one at a time. */
export function scheduler(deps: SchedulerDeps, intervalMs: number) {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    running = running.then(() =>
      schedulerPass(deps).catch((err: unknown) =>
        deps.logger.error(
          { err: err instanceof Error ? err.message : String(err) },
          'rectification ladder pass failed',
        ),
      ),
    )
  }
  return {
    start() {
      if (intervalMs <= 0 || timer) return
      tick()
      timer = setInterval(tick, intervalMs)
      timer.unref()
    },
    async stop() {
      if (timer) clearInterval(timer)
      timer = null
      await running
    },
  }
}
