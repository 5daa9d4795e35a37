// (being built) the voice routes.
import type { App } from '@tingjian/kit'
import type { CallbacksContext } from '../collections.ts'

export async function voiceRoutes(_app: App, _opts: { ctx: CallbacksContext }): Promise<void> {}
