// Stub (helper C2 is building it): the route plugin's signature, so that app.ts can register it.
import type { App } from '@tingjian/kit'
import type { CallbacksContext } from '../collections.ts'

export interface ServiceRecordRoutesOptions {
  ctx: CallbacksContext
}

export async function serviceRecordRoutes(_app: App, _opts: ServiceRecordRoutesOptions): Promise<void> {}
