// Runs the DocumentStore contract suite against the embedded adapter: a new SQLite file per test.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { storeContract } from '@tingjian/store/contract'
import t from 'tap'
import { createEmbeddedStore } from '../src/index.ts'

storeContract(t, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tj-store-'))
  const store = await createEmbeddedStore({ path: join(dir, 'test_store.db') })
  t.teardown(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return store
})
