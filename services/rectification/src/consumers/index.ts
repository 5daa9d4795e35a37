// The handlers of rectification's consumer groups: `<group>.problems` (problem-found from every source, case
// assignments, departments) and `<group>.links` (its own order and appeal events back onto problems and
// alerts). Each maps (type, version) to one handler; anything else on those streams is skipped.
import type { EventHandler } from '@tingjian/bus'
import { IdentityEvents, RectificationEvents, TrackingEvents } from '@tingjian/contracts'
import type { Logger } from '@tingjian/kit'
import type { RectificationContext } from '../collections.ts'
import { isProblemFound } from '../domain/problem.ts'
import { onCaseAssigned } from './case-assigned.ts'
import { onDepartmentChanged } from './departments.ts'
import { onProblemFound } from './problem-found.ts'
import { linkOrder, withdrawProblem } from './trends.ts'

/** Streams the problems group reads: every problem source, tracking's assignments, identity's departments. */
export const PROBLEM_STREAMS = ['tracking', 'callbacks', 'identity'] as const

export function problemsHandler(ctx: RectificationContext, log: Logger): EventHandler {
  return async (event) => {
    if (event.source !== 'identity' && isProblemFound(event)) return onProblemFound(ctx, event, log)
    if (TrackingEvents.caseAssigned.is(event) || TrackingEvents.caseAssignedV1.is(event)) {
      return onCaseAssigned(ctx, event.data, log)
    }
    if (IdentityEvents.departmentChanged.is(event)) {
      return onDepartmentChanged(ctx.departments, event.data, event, log)
    }
  }
}

export function linksHandler(ctx: RectificationContext, log: Logger): EventHandler {
  return async (event) => {
    if (RectificationEvents.orderIssued.is(event)) {
      return linkOrder(ctx, event.data, log)
    }
    if (RectificationEvents.appealDecided.is(event) && event.data.decision === 'upheld') {
      return withdrawProblem(ctx, event.data, log)
    }
  }
}
