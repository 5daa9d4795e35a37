// (being built) the scripts routes.
import type { App } from '@tingjian/kit'
import type { CallbacksContext } from '../collections.ts'

export async function scriptRoutes(_app: App, _opts: { ctx: CallbacksContext }): Promise<void> {}
