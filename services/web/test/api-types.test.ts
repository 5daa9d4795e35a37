// The web app's API types are the services' OpenAPI documents as they are now: generated again in memory
// and compared with the committed files (ui/api/generated). A route whose schema changed without
// `pnpm --filter @tingjian/web api-types` fails here, and ui/api/types.ts then type-checks against it.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { SERVICES } from '../../platform/src/platform.ts'
import { GENERATED_DIR, generateApiTypes, openApiDocuments } from '../scripts/api-types.ts'
import { ROUTE_TABLE } from '../src/route-table.ts'

const docs = await openApiDocuments()

t.test('the generated API types match the services’ OpenAPI documents', async (t) => {
  const files = await generateApiTypes(docs)
  t.same(Object.keys(files).sort(), SERVICES.map((s) => `${s}.ts`).sort(), 'a file per service')
  for (const [name, content] of Object.entries(files)) {
    const committed = await readFile(join(GENERATED_DIR, name), 'utf8').catch(() => '')
    t.equal(
      committed,
      content,
      `ui/api/generated/${name} is up to date (else: pnpm --filter @tingjian/web api-types)`,
    )
  }
})

t.test('the gateway routes every path of every service to that service', async (t) => {
  const owner = (path: string) =>
    ROUTE_TABLE.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`))?.upstream
  let paths = 0
  for (const [service, doc] of Object.entries(docs)) {
    for (const path of Object.keys((doc as { paths?: object }).paths ?? {})) {
      paths++
      t.equal(owner(path), service, `${path} → ${service}`)
    }
  }
  t.ok(paths > 30, `${paths} paths checked`)
})
