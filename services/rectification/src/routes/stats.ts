// KPIs (JSON and CSV) and the public monthly summary of rectifications closed.
import type { App } from '@tingjian/kit'
import type { RectificationContext } from '../collections.ts'

export interface StatsRoutesOptions {
  ctx: RectificationContext
}

export async function statsRoutes(_app: App, _opts: StatsRoutesOptions): Promise<void> {}
