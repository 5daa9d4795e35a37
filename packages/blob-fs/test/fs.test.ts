// What the file adapter does beyond the contract suite: modes, ids that try to leave the root, what a crash
// leaves behind, logging without names, and failing fast at start.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { Logger } from '@tingjian/blob'
import t, { type Test } from 'tap'
import { createFsBlobStore } from '../src/index.ts'
import { filesUnder } from './helpers.ts'

function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'tj-blob-fs-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

function capture(): Logger & { lines: Array<{ level: string; obj: object; msg?: string }> } {
  const lines: Array<{ level: string; obj: object; msg?: string }> = []
  const at = (level: string) => (obj: object, msg?: string) => {
    lines.push({ level, obj, msg })
  }
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

const mode = (path: string) => statSync(path).mode & 0o777
const put = (bytes: string, filename = 'a.pdf') => ({
  stream: Readable.from([Buffer.from(bytes)]),
  contentType: 'application/pdf',
  filename,
  maxBytes: 1024,
})

t.test('the root and its directories are 0700, the files 0600, even over an open directory', async (t) => {
  const dir = tempDir(t)
  const root = join(dir, 'blobs')
  mkdirSync(root, { mode: 0o755 })
  chmodSync(root, 0o755)
  const blobs = await createFsBlobStore({ root })
  t.teardown(() => blobs.close())
  t.equal(mode(root), 0o700)
  t.equal(mode(join(root, 'tmp')), 0o700)
  const info = await blobs.put(put('%PDF-1.4 x'))
  const shard = join(root, info.id.slice(0, 2))
  t.equal(mode(shard), 0o700)
  t.equal(mode(join(shard, info.id)), 0o600, 'the content')
  t.equal(mode(join(shard, `${info.id}.json`)), 0o600, 'the metadata')
  t.same(filesUnder(root), [`${info.id.slice(0, 2)}/${info.id}`, `${info.id.slice(0, 2)}/${info.id}.json`])
})

t.test('ids that point outside the root touch nothing there', async (t) => {
  const dir = tempDir(t)
  const root = join(dir, 'a', 'blobs')
  const blobs = await createFsBlobStore({ root })
  t.teardown(() => blobs.close())
  // files an attacker would like read or removed, next to and above the root
  const targets = [join(dir, 'secret'), join(dir, 'a', 'secret'), join(dir, 'a', 'secret.json')]
  for (const f of targets) writeFileSync(f, 'do not touch')
  const ids = [
    '../secret',
    '../../secret',
    '../secret.json',
    `${'0'.repeat(22)}/../../secret`,
    join(dir, 'secret'),
    `..${'/'}..${'/'}secret`,
    '..%2fsecret',
  ]
  for (const id of ids) {
    t.equal(await blobs.get(id), null)
    t.equal(await blobs.stat(id), null)
    t.equal(await blobs.delete(id), false)
  }
  for (const f of targets) t.equal(readFileSync(f, 'utf8'), 'do not touch', `${f} untouched`)
})

t.test(
  'what a crash leaves: stale uploads removed at start, content without metadata invisible',
  async (t) => {
    const dir = tempDir(t)
    const root = join(dir, 'blobs')
    const first = await createFsBlobStore({ root })
    const info = await first.put(put('%PDF-1.4 kept'))
    await first.close()
    // an upload cut short an hour ago, and one in progress in another process now
    const stale = join(root, 'tmp', 'aaaaaaaaaaaaaaaaaaaaaaaa.0000.part')
    const fresh = join(root, 'tmp', 'bbbbbbbbbbbbbbbbbbbbbbbb.0000.part')
    writeFileSync(stale, 'half')
    writeFileSync(fresh, 'half')
    const hourAgo = (Date.now() - 2 * 60 * 60 * 1000) / 1000
    utimesSync(stale, hourAgo, hourAgo)
    // a crash between the two renames: the content is in place, its metadata never arrived
    const orphan = '0123456789abcdef01234567'
    mkdirSync(join(root, '01'), { recursive: true })
    writeFileSync(join(root, '01', orphan), 'no metadata')
    const log = capture()
    const blobs = await createFsBlobStore({ root, logger: log })
    t.teardown(() => blobs.close())
    t.notOk(existsSync(stale), 'the stale upload is gone')
    t.ok(existsSync(fresh), 'an upload in progress is left alone')
    t.match(log.lines, [{ level: 'info', obj: { staleUploadsRemoved: 1 }, msg: /single machine/ }])
    t.equal(await blobs.stat(orphan), null)
    t.equal(await blobs.get(orphan), null)
    t.equal(await blobs.delete(orphan), false, 'not a blob')
    t.notOk(existsSync(join(root, '01', orphan)), 'but its content is cleared')
    t.ok(await blobs.stat(info.id), 'the stored blob survived the restart')
  },
)

t.test('a blob being read survives its deletion; metadata is written last', async (t) => {
  const dir = tempDir(t)
  const root = join(dir, 'blobs')
  const blobs = await createFsBlobStore({ root })
  t.teardown(() => blobs.close())
  const info = await blobs.put(put('%PDF-1.4 read me'))
  const got = await blobs.get(info.id)
  t.equal(await blobs.delete(info.id), true)
  const parts: Buffer[] = []
  for await (const c of got?.stream ?? []) parts.push(c as Buffer)
  t.equal(Buffer.concat(parts).toString(), '%PDF-1.4 read me')
  // a damaged metadata file is an error, not a wrong answer
  const other = await blobs.put(put('%PDF-1.4 other'))
  const meta = join(root, other.id.slice(0, 2), `${other.id}.json`)
  writeFileSync(meta, JSON.stringify({ id: 'someone-else' }))
  await t.rejects(blobs.stat(other.id), { message: /damaged metadata/ })
  renameSync(meta, `${meta}.x`)
  t.equal(await blobs.stat(other.id), null)
})

t.test('logs carry ids and sizes, never file names', async (t) => {
  const dir = tempDir(t)
  const log = capture()
  const blobs = await createFsBlobStore({ root: join(dir, 'blobs'), logger: log })
  t.teardown(() => blobs.close())
  const info = await blobs.put(put('%PDF-1.4', '张三 身份证 110101199003071234.pdf'))
  await blobs.delete(info.id)
  t.match(JSON.stringify(log.lines), info.id)
  t.notMatch(JSON.stringify(log.lines), /张三|110101199003071234/)
})

t.test('fails fast when the root cannot be made or written', async (t) => {
  const dir = tempDir(t)
  writeFileSync(join(dir, 'file'), 'x')
  await t.rejects(createFsBlobStore({ root: join(dir, 'file', 'blobs') }), { code: 'ENOTDIR' })
  await t.rejects(createFsBlobStore({ root: '' }), TypeError)
})
