// The web app's API types are the services' OpenAPI documents as they are now: generated again in memory
// and compared with the committed files (ui/api/generated). A route whose schema changed without
// `pnpm --filter @tingjian/web api-types` fails here, and ui/api/types.ts then type-checks against it.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { GENERATED_DIR, generateApiTypes } from '../scripts/api-types.ts'

t.test('the generated API types match the services’ OpenAPI documents', async (t) => {
  const files = await generateApiTypes()
  t.same(Object.keys(files).sort(), ['identity.ts', 'mailbox.ts', 'notifications.ts', 'tracking.ts'])
  for (const [name, content] of Object.entries(files)) {
    const committed = await readFile(join(GENERATED_DIR, name), 'utf8').catch(() => '')
    t.equal(
      committed,
      content,
      `ui/api/generated/${name} is up to date (else: pnpm --filter @tingjian/web api-types)`,
    )
  }
})
