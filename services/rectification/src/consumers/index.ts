// The handlers of rectification's consumer groups: `<group>.problems` (problem-found from every source, case
// assignments, departments) and `<group>.links` (its own order and appeal events back onto problems and alerts).
import type { EventHandler } from '@tingjian/bus'
import type { Logger } from '@tingjian/kit'
import type { RectificationContext } from '../collections.ts'

export function problemsHandler(_ctx: RectificationContext, _log: Logger): EventHandler {
  return async () => {}
}

export function linksHandler(_ctx: RectificationContext, _log: Logger): EventHandler {
  return async () => {}
}
