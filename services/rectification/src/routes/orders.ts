// Orders: issue, list, one order with its timeline, and the lifecycle's actions.
import type { App } from '@tingjian/kit'
import type { RectificationContext } from '../collections.ts'

export interface OrderRoutesOptions {
  ctx: RectificationContext
}

export async function orderRoutes(_app: App, _opts: OrderRoutesOptions): Promise<void> {}
