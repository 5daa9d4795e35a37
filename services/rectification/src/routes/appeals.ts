// Appeals (申诉): a department's lead appeals a problem; a discipline officer decides.
import type { App } from '@tingjian/kit'
import type { RectificationContext } from '../collections.ts'

export interface AppealRoutesOptions {
  ctx: RectificationContext
}

export async function appealRoutes(_app: App, _opts: AppealRoutesOptions): Promise<void> {}
