// Evidence: multipart upload of text and attachments, and the attachments' download.
import type { App } from '@tingjian/kit'
import type { RectificationContext } from '../collections.ts'

export interface EvidenceRoutesOptions {
  ctx: RectificationContext
}

export async function evidenceRoutes(_app: App, _opts: EvidenceRoutesOptions): Promise<void> {}
