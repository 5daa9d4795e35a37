// The callbacks scheduler: each pass, inside calling hours, hands due tasks of the automated line to its
// dialler (a few at a time). Restart-safe: what a pass did is on the tasks; a pass that fails is logged
// and the next one tries again.
import type { Logger } from '@tingjian/kit'
import type { CallbacksContext } from './collections.ts'
import { isCallingTime } from './domain/calling-hours.ts'
import { loadPolicy } from './domain/policy.ts'

export type AutomatedDialer = (ctx: CallbacksContext, log: Logger) => Promise<unknown>

export interface SchedulerDeps {
  ctx: CallbacksContext
  logger: Logger
  /** The automated line's dialler (places calls for due automated tasks). */
  dialer?: AutomatedDialer
}

/** One pass: outside calling hours nothing is dialled. Returns whether the dialler ran. */
export async function schedulerPass(deps: SchedulerDeps): Promise<boolean> {
  const policy = await loadPolicy(deps.ctx)
  if (!isCallingTime(deps.ctx.clock.now(), policy.callingHours, deps.ctx.calendar)) return false
  if (!deps.dialer) return false
  await deps.dialer(deps.ctx, deps.logger)
  return true
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
          'callbacks scheduler pass failed',
        ),
      ),
    )
  }
  return {
    /** One pass now, after any pass in flight (the test hook). */
    async pass(): Promise<boolean> {
      const done = running.then(() => schedulerPass(deps))
      running = done.catch(() => undefined)
      return done
    },
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
