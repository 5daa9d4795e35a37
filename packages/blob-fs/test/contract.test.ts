// Runs the BlobStore contract suite against the file adapter: a new directory per test.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { blobContract } from '@tingjian/blob/contract'
import t from 'tap'
import { createFsBlobStore } from '../src/index.ts'

/** Every file under `dir`, relative to it, sorted (directories themselves are not residue). */
export function filesUnder(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(relative(dir, p))
    }
  }
  walk(dir)
  return out.sort()
}

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
