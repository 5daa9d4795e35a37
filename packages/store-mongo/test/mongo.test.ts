// What the MongoDB adapter does beyond the contract suite: start-up, the test-database guard, logging, and
// the FerretDB v1 gaps it works around. Needs the server from `infra/infra.sh up` (or MONGO_URL).
import { randomBytes } from 'node:crypto'
import { createEvent } from '@tingjian/contracts'
import type { Logger } from '@tingjian/store'
import t, { type Test } from 'tap'
import { createMongoStore, redactUrl } from '../src/index.ts'

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017'

function capture(): Logger & { lines: Array<{ level: string; obj: object; msg?: string }> } {
  const lines: Array<{ level: string; obj: object; msg?: string }> = []
  const at = (level: string) => (obj: object, msg?: string) => {
    lines.push({ level, obj, msg })
  }
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

async function testStore(t: Test, logger?: Logger) {
  const store = await createMongoStore({
    url: MONGO_URL,
    database: `test_${randomBytes(6).toString('hex')}`,
    logger,
  })
  t.teardown(async () => {
    await store.drop()
    await store.close()
  })
  return store
}

t.test('fails fast, with a clear message, when the server cannot be reached', async (t) => {
  const started = Date.now()
  await t.rejects(
    createMongoStore({ url: 'mongodb://user:secret@127.0.0.1:1', database: 'test_x', connectTimeoutMs: 500 }),
    { message: /cannot reach mongodb:\/\/\*\*\*@127\.0\.0\.1:1 within 500 ms/ },
  )
  t.ok(Date.now() - started < 10_000, 'within a bounded time')
  t.equal(redactUrl('mongodb://u:p@h1:1,h2:2/db'), 'mongodb://***@h1:1,h2:2/db', 'credentials never shown')
  await t.rejects(createMongoStore({ url: 'http://x', database: 'test_x' }), TypeError)
  await t.rejects(createMongoStore({ url: MONGO_URL, database: 'bad/name' }), TypeError)
})

t.test('drop() refuses outside a test_ database', async (t) => {
  const store = await createMongoStore({ url: MONGO_URL, database: 'tingjian_not_a_test' })
  t.teardown(() => store.close())
  await t.rejects(store.drop(), { message: /only test_\* databases/ })
})

t.test('says which server it is on; logs ids and counts, never contents', async (t) => {
  const log = capture()
  const store = await createMongoStore({
    url: MONGO_URL,
    database: `test_${randomBytes(6).toString('hex')}`,
    logger: log,
  })
  t.ok(store.server === 'mongodb' || store.server === 'ferretdb')
  t.match(log.lines[0], { level: 'info', msg: 'document store connected', obj: { server: store.server } })
  await store.collection<{ phone: string }>('people').insert('p1', { phone: '13800138000' })
  t.notMatch(JSON.stringify(log.lines), /13800138000/)
  t.match(await store.health(), { ok: true, adapter: 'mongo' })
  await store.drop()
  await store.close()
  t.match(await store.health(), { ok: false })
})

t.test('outbox removals and concurrent writes of one document lose nothing', async (t) => {
  // FerretDB v1 applies every update as read-then-write: without the adapter's queue, an outbox removal
  // racing an update could put back the old document and drop the update's events
  const store = await testStore(t)
  const docs = store.collection<{ n: number }>('docs')
  await docs.insert('d', { n: 0 })
  const ev = (n: number) =>
    createEvent({ type: 'platform.store-tested', version: 1, source: 'platform', subject: 'd', data: { n } })
  let version = 1
  for (let i = 1; i <= 25; i++) {
    const pending = (await docs.outboxPending(10))[0]?.events.map((e) => e.id) ?? []
    const added = ev(i)
    const [updated] = await Promise.all([
      docs.update('d', version, { n: i }, { events: [added] }),
      docs.outboxRemove([{ id: 'd', eventIds: pending }]),
    ])
    version = updated.version
    const now = (await docs.outboxPending(10))[0]?.events.map((e) => e.id) ?? []
    if (!now.includes(added.id)) {
      t.fail(`round ${i}: the update's event was lost`)
      return
    }
    if (pending.some((id) => now.includes(id))) {
      t.fail(`round ${i}: a removed event came back`)
      return
    }
  }
  t.equal((await docs.get('d'))?.n, 25, 'every update kept')
  t.equal((await docs.get('d'))?.version, 26)
})
