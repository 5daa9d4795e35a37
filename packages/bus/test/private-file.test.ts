// The embedded adapters' files are for this user only: directories 0700, files 0600 (issue 9, data at rest).
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { preparePrivateFile } from '../src/index.ts'

const mode = (path: string) => statSync(path).mode & 0o777

function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'tj-private-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

t.test('missing directories are made 0700 and the file 0600, whatever the umask', async (t) => {
  const root = tempDir(t)
  const before = process.umask(0o002)
  t.teardown(() => void process.umask(before))
  const file = join(root, 'a', 'b', 'data.sqlite')
  t.strictSame(preparePrivateFile(file), { warnings: [] })
  t.equal(mode(join(root, 'a')), 0o700)
  t.equal(mode(join(root, 'a', 'b')), 0o700)
  t.equal(mode(file), 0o600)
  t.equal(statSync(file).size, 0, 'an empty file for SQLite to fill')
})

t.test(
  'an existing file and its -wal and -shm are tightened; an open directory is reported, not changed',
  async (t) => {
    const root = tempDir(t)
    const dir = join(root, 'shared')
    mkdirSync(dir)
    chmodSync(dir, 0o755)
    const file = join(dir, 'old.sqlite')
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      writeFileSync(f, 'x')
      chmodSync(f, 0o644)
    }
    const { warnings } = preparePrivateFile(file)
    t.equal(warnings.length, 1)
    t.match(warnings[0], /open to other users/)
    t.equal(mode(dir), 0o755, 'a directory it did not make is left alone')
    for (const f of [file, `${file}-wal`, `${file}-shm`]) t.equal(mode(f), 0o600, f.slice(dir.length))
  },
)
