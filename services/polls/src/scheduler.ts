// The closing scheduler: polls whose closing time passed are closed and settled; closed polls not yet
// settled (a crash between the two) are settled; pending ballots of running polls whose ledger entry
// claims them (a crash between the ledger write and the cast) are cast. Restart-safe: everything it
// does is read from the store on each pass, and each step is idempotent.
import type { Logger } from '@tingjian/kit'
import { closePoll, type SettleDeps, settleClosed, settlePending } from './voting.ts'

/** One pass; returns the ids of the polls it closed or settled. */
export async function schedulerPass(deps: SettleDeps): Promise<string[]> {
  const now = deps.clock.now().toISOString()
  const done: string[] = []
  for (;;) {
    const due = await deps.polls.find({ status: 'published', closesAt: { $lte: now } }, { limit: 100 })
    for (const poll of due.items) {
      await closePoll(deps, poll._id, 'scheduler')
      done.push(poll._id)
    }
    if (!due.nextCursor) break
  }
  const unsettled = await deps.polls.find({ status: 'closed', settled: false }, { limit: 100 })
  for (const poll of unsettled.items) {
    await settleClosed(deps, poll)
    done.push(poll._id)
  }
  const pending = await deps.ballots.countBy(['pollId'], { state: 'pending' })
  for (const group of pending) {
    const poll = typeof group.key.pollId === 'string' ? await deps.polls.get(group.key.pollId) : null
    if (poll?.status === 'published') await settlePending(deps, poll)
  }
  return done
}

/** Runs a pass every `intervalMs` (0: never; tests call schedulerPass), one at a time. */
export function scheduler(deps: SettleDeps & { logger: Logger }, intervalMs: number) {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    running = running.then(() =>
      schedulerPass(deps).catch((err: unknown) =>
        deps.logger.error(
          { err: err instanceof Error ? err.message : String(err) },
          'polls scheduler pass failed',
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
