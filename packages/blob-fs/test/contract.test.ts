// Runs the BlobStore contract suite against the file adapter: a new directory per test.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { blobContract } from '@tingjian/blob/contract'
import t from 'tap'
import { createFsBlobStore } from '../src/index.ts'
import { filesUnder } from './helpers.ts'

blobContract(t, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tj-blob-'))
  const root = join(dir, 'blobs')
  const blobs = await createFsBlobStore({ root })
  t.teardown(async () => {
    await blobs.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return { blobs, residue: async () => filesUnder(root) }
})
