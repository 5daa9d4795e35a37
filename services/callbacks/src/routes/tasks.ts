// (being built) the tasks routes.
import type { App } from '@tingjian/kit'
import type { CallbacksContext } from '../collections.ts'

export async function taskRoutes(_app: App, _opts: { ctx: CallbacksContext }): Promise<void> {}
