// Runs the DocumentStore contract suite against a real server: FerretDB from `infra/infra.sh up` by
// default, MongoDB when MONGO_URL points at one. Each test gets a random test_<hex> database, dropped after.
import { randomBytes } from 'node:crypto'
import { storeContract } from '@tingjian/store/contract'
import t from 'tap'
import { createMongoStore } from '../src/index.ts'

export const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017'

storeContract(t, async (t) => {
  const store = await createMongoStore({ url: MONGO_URL, database: `test_${randomBytes(6).toString('hex')}` })
  t.teardown(async () => {
    await store.drop()
    await store.close()
  })
  return store
})
