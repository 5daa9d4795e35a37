// Problems: the list (filters, newest first, department-scoped), one problem, and recording one by hand.
import type { App } from '@tingjian/kit'
import type { RectificationContext } from '../collections.ts'

export interface ProblemRoutesOptions {
  ctx: RectificationContext
}

export async function problemRoutes(_app: App, _opts: ProblemRoutesOptions): Promise<void> {}
