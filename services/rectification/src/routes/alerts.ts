// Trend alerts: list, one alert with its problems, acknowledge and dismiss (discipline officers).
import type { App } from '@tingjian/kit'
import type { RectificationContext } from '../collections.ts'

export interface AlertRoutesOptions {
  ctx: RectificationContext
}

export async function alertRoutes(_app: App, _opts: AlertRoutesOptions): Promise<void> {}
