// (being built) the officers routes.
import type { App } from '@tingjian/kit'
import type { CallbacksContext } from '../collections.ts'

export async function officerRoutes(_app: App, _opts: { ctx: CallbacksContext }): Promise<void> {}
