// What the GridFS adapter does beyond the contract suite: start-up, the test-database guard, the files
// document it writes (readable by any GridFS client), logging without names. Needs the server from
// `infra/infra.sh up` (or MONGO_URL).
import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import type { Logger } from '@tingjian/blob'
import { GridFSBucket, MongoClient, ObjectId } from 'mongodb'
import t, { type Test } from 'tap'
import { createGridFsBlobStore, redactUrl } from '../src/index.ts'

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017'

function capture(): Logger & { lines: Array<{ level: string; obj: object; msg?: string }> } {
  const lines: Array<{ level: string; obj: object; msg?: string }> = []
  const at = (level: string) => (obj: object, msg?: string) => {
    lines.push({ level, obj, msg })
  }
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

async function testStore(t: Test, logger?: Logger) {
  const database = `test_${randomBytes(6).toString('hex')}`
  const blobs = await createGridFsBlobStore({ url: MONGO_URL, database, bucket: 'evidence', logger })
  const client = new MongoClient(MONGO_URL)
  t.teardown(async () => {
    await blobs.drop()
    await blobs.close()
    await client.close()
  })
  return { blobs, db: client.db(database) }
}

t.test('fails fast, with a clear message, when the server cannot be reached', async (t) => {
  await t.rejects(
    createGridFsBlobStore({
      url: 'mongodb://user:secret@127.0.0.1:1',
      database: 'test_x',
      bucket: 'evidence',
      connectTimeoutMs: 500,
    }),
    { message: /cannot reach mongodb:\/\/\*\*\*@127\.0\.0\.1:1 within 500 ms/ },
  )
  t.equal(redactUrl('mongodb://u:p@h1:1,h2:2/db'), 'mongodb://***@h1:1,h2:2/db')
  const ok = { url: MONGO_URL, database: 'test_x', bucket: 'evidence' }
  await t.rejects(createGridFsBlobStore({ ...ok, url: 'http://x' }), TypeError)
  await t.rejects(createGridFsBlobStore({ ...ok, database: 'bad/name' }), TypeError)
  await t.rejects(createGridFsBlobStore({ ...ok, bucket: 'evidence.files' }), TypeError)
  await t.rejects(createGridFsBlobStore({ ...ok, bucket: '$cmd' }), TypeError)
  await t.rejects(createGridFsBlobStore({ ...ok, chunkSizeBytes: 10 }), TypeError)
})

t.test('drop() refuses outside a test_ database', async (t) => {
  const blobs = await createGridFsBlobStore({ url: MONGO_URL, database: 'tingjian_not_a_test', bucket: 'x' })
  t.teardown(() => blobs.close())
  await t.rejects(blobs.drop(), { message: /only test_\* databases/ })
})

t.test('a GridFS files document any client reads; chunks indexed; foreign files ignored', async (t) => {
  const { blobs, db } = await testStore(t)
  const bytes = randomBytes(600 * 1024)
  const info = await blobs.put({
    stream: Readable.from([bytes]),
    contentType: 'image/png',
    filename: '现场照片.png',
    maxBytes: 10 * 1024 * 1024,
  })
  const doc = await db.collection('evidence.files').findOne({ _id: { $eq: new ObjectId(info.id) } })
  t.match(doc, {
    length: bytes.length,
    chunkSize: 255 * 1024,
    filename: '现场照片.png',
    metadata: { contentType: 'image/png', sha256: info.sha256, filename: '现场照片.png' },
  })
  t.equal(
    await db.collection('evidence.chunks').countDocuments({ files_id: { $eq: new ObjectId(info.id) } }),
    3,
  )
  const indexes = await db.collection('evidence.chunks').listIndexes().toArray()
  t.ok(
    indexes.some((i) => i.unique === true && JSON.stringify(i.key) === '{"files_id":1,"n":1}'),
    'the unique (files_id, n) index GridFS needs',
  )
  // any GridFS client reads it by its id
  const plain = new GridFSBucket(db, { bucketName: 'evidence' })
  const parts: Buffer[] = []
  for await (const c of plain.openDownloadStream(new ObjectId(info.id))) parts.push(c as Buffer)
  t.ok(Buffer.concat(parts).equals(bytes))
  // an upload by another tool, without this adapter's metadata, is not a blob
  const foreign = plain.openUploadStream('other.bin')
  await new Promise<void>((resolve, reject) =>
    foreign.end(Buffer.from('x'), (e?: Error | null) => (e ? reject(e) : resolve())),
  )
  t.equal(await blobs.stat(foreign.id.toHexString()), null)
})

t.test('says which server it is on; logs ids and sizes, never file names', async (t) => {
  const log = capture()
  const { blobs } = await testStore(t, log)
  t.ok(blobs.server === 'mongodb' || blobs.server === 'ferretdb')
  t.match(log.lines[0], {
    level: 'info',
    msg: 'blob store connected',
    obj: { server: blobs.server, bucket: 'evidence' },
  })
  const info = await blobs.put({
    stream: Readable.from([Buffer.from('%PDF-1.4')]),
    contentType: 'application/pdf',
    filename: '李四 13800138000.pdf',
    maxBytes: 100,
  })
  await blobs.delete(info.id)
  t.match(JSON.stringify(log.lines), info.id)
  t.notMatch(JSON.stringify(log.lines), /李四|13800138000/)
  t.match(await blobs.health(), { ok: true, adapter: 'gridfs' })
})
