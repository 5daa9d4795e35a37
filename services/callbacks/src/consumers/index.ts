// The handlers of the callbacks service's consumer groups: `<group>.cases` (tracking's callback-due) and
// `<group>.directory` (identity's departments). Each maps (type, version) to one handler; anything else on
// those streams is skipped.
import type { EventHandler } from '@tingjian/bus'
import { IdentityEvents, TrackingEvents } from '@tingjian/contracts'
import type { Logger } from '@tingjian/kit'
import type { CallbacksContext } from '../collections.ts'
import { onCallbackDue } from './callback-due.ts'
import { onDepartmentChanged } from './departments.ts'

export function casesHandler(ctx: CallbacksContext, log: Logger): EventHandler {
  return async (event) => {
    if (TrackingEvents.callbackDue.is(event)) return onCallbackDue(ctx, event.data, log)
  }
}

export function directoryHandler(ctx: CallbacksContext, log: Logger): EventHandler {
  return async (event) => {
    if (IdentityEvents.departmentChanged.is(event))
      return onDepartmentChanged(ctx.departments, event.data, event, log)
  }
}
