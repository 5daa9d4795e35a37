// Runs the BlobStore contract suite against GridFS on a real server: FerretDB from `infra/infra.sh up` by
// default, MongoDB when MONGO_URL points at one. Each test gets a random test_<hex> database, dropped after
// through a client of the test's own (the suite closes the store under test).
import { randomBytes } from 'node:crypto'
import { blobContract } from '@tingjian/blob/contract'
import { MongoClient } from 'mongodb'
import t from 'tap'
import { createGridFsBlobStore } from '../src/index.ts'

export const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017'

blobContract(t, async (t) => {
  const database = `test_${randomBytes(6).toString('hex')}`
  const blobs = await createGridFsBlobStore({ url: MONGO_URL, database, bucket: 'evidence' })
  const admin = new MongoClient(MONGO_URL)
  const db = admin.db(database)
  t.teardown(async () => {
    await blobs.close()
    if (!database.startsWith('test_')) throw new Error('refusing to drop a database that is not test_*')
    await db.dropDatabase()
    await admin.close()
  })
  // every files and chunks document, as `<collection>:<file id>[:<chunk n>]`
  const residue = async () => {
    const files = await db.collection('evidence.files').find({}).toArray()
    const chunks = await db
      .collection('evidence.chunks')
      .find({}, { projection: { data: 0 } })
      .toArray()
    return [
      ...files.map((f) => `files:${String(f._id)}`),
      ...chunks.map((c) => `chunks:${String(c.files_id)}:${String(c.n)}`),
    ].sort()
  }
  return { blobs, residue }
})
