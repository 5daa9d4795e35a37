// (being built) the policy routes.
import type { App } from '@tingjian/kit'
import type { CallbacksContext } from '../collections.ts'

export async function policyRoutes(_app: App, _opts: { ctx: CallbacksContext }): Promise<void> {}
