// What the embedded adapter does beyond the contract suite: start-up, durability settings, the test-file
// guard, several connections (processes) on one file, and MongoDB's unique-index rule for missing values.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEvent } from '@tingjian/contracts'
import { type Logger, StoreConflictError } from '@tingjian/store'
import BetterSqlite3 from 'better-sqlite3'
import t, { type Test } from 'tap'
import { createEmbeddedStore } from '../src/index.ts'

function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'tj-store-embedded-'))
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

t.test('says once at start that it is the single-machine adapter; logs no contents', async (t) => {
  const log = capture()
  const store = await createEmbeddedStore({ path: join(tempDir(t), 'test_a.db'), logger: log })
  t.teardown(() => store.close())
  await store.collection<{ phone: string }>('people').insert('p1', { phone: '13800138000' })
  t.equal(log.lines.length, 1)
  t.match(log.lines[0], { level: 'info', msg: /embedded SQLite adapter, for a single machine/ })
  t.notMatch(JSON.stringify(log.lines), /13800138000/)
})

t.test('refuses what it cannot make durable; WAL on disk', async (t) => {
  await t.rejects(createEmbeddedStore({ path: ':memory:' }), TypeError)
  await t.rejects(createEmbeddedStore({ path: '' }), TypeError)
  const path = join(tempDir(t), 'nested', 'dir', 'test_b.db')
  const store = await createEmbeddedStore({ path })
  await store.collection<{ n: number }>('items').insert('i1', { n: 1 }, { events: [ev('i1')] })
  await store.close()
  const raw = new BetterSqlite3(path, { readonly: true })
  t.teardown(() => raw.close())
  t.equal(raw.pragma('journal_mode', { simple: true }), 'wal', 'the file is in WAL mode')
  const reopened = await createEmbeddedStore({ path })
  t.teardown(() => reopened.close())
  t.match(
    await reopened.collection('items').get('i1'),
    { n: 1, version: 1 },
    'written data survives a reopen',
  )
  t.equal((await reopened.collection('items').outboxPending(10)).length, 1, 'and so do its events')
})

t.test('drop() refuses unless the file name starts with test_', async (t) => {
  const dir = tempDir(t)
  const prod = await createEmbeddedStore({ path: join(dir, 'tingjian.db') })
  t.teardown(() => prod.close())
  await prod.collection<{ n: number }>('items').insert('i1', { n: 1 })
  await t.rejects(prod.drop(), { message: /only files named test_\*/ })
  t.ok(await prod.collection('items').get('i1'), 'nothing was dropped')

  const test = await createEmbeddedStore({ path: join(dir, 'test_c.db') })
  t.teardown(() => test.close())
  await test.collection<{ n: number }>('items').insert('i1', { n: 1 }, { events: [ev('i1')] })
  await test.drop()
  t.strictSame(await test.collectionNames(), [])
  t.equal(await test.collection('items').get('i1'), null, 'usable again, empty')
  t.strictSame(await test.collection('items').outboxPending(10), [])
})

t.test('several connections on one file (as several processes): one version wins', async (t) => {
  const path = join(tempDir(t), 'test_d.db')
  const a = await createEmbeddedStore({ path })
  const b = await createEmbeddedStore({ path })
  t.teardown(async () => {
    await a.close()
    await b.close()
  })
  await a.collection<{ by: string }>('items').insert('x', { by: 'a' })
  t.match(await b.collection('items').get('x'), { by: 'a' }, 'b reads what a wrote')
  const results = await Promise.allSettled([
    a.collection<{ by: string }>('items').update('x', 1, { by: 'a' }),
    b.collection<{ by: string }>('items').update('x', 1, { by: 'b' }),
  ])
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
  t.match(
    results.find((r) => r.status === 'rejected'),
    { reason: { name: 'StoreConflictError', kind: 'stale' } },
  )
})

t.test('unique index without sparse: a missing value counts as null, as in MongoDB', async (t) => {
  const store = await createEmbeddedStore({ path: join(tempDir(t), 'test_e.db') })
  t.teardown(() => store.close())
  const users = store.collection<{ email?: string | null }>('users')
  await users.ensureIndexes([{ name: 'by_email', keys: [['email', 1]], unique: true }])
  await users.insert('u1', {})
  await t.rejects(users.insert('u2', {}), StoreConflictError, 'a second document without the field')
  await t.rejects(users.insert('u3', { email: null }), StoreConflictError, 'null is the same key')
  await t.rejects(
    users.ensureIndexes([{ name: 'by_email', keys: [['email', -1]], unique: true }]),
    { message: /exists with another definition/ },
    'an index name keeps its definition',
  )
})

function ev(subject: string) {
  return createEvent({ type: 'platform.store-tested', version: 1, source: 'platform', subject, data: {} })
}

t.test('its directory is 0700 and its files (database, -wal, -shm) 0600', async (t) => {
  const before = process.umask(0o002)
  t.teardown(() => void process.umask(before))
  const dir = join(tempDir(t), 'data')
  const path = join(dir, 'test_modes.db')
  const store = await createEmbeddedStore({ path })
  t.teardown(() => store.close())
  await store.collection<{ phone: string }>('people').insert('p1', { phone: '13800138000' })
  const mode = (p: string) => statSync(p).mode & 0o777
  t.equal(mode(dir), 0o700, 'directory')
  for (const f of [path, `${path}-wal`, `${path}-shm`]) t.equal(mode(f), 0o600, f.slice(dir.length + 1))
})
