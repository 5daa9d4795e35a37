import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MongoStore } from '@tingjian/store-mongo'
import t from 'tap'
import {
  AdapterConfig,
  ConfigError,
  connectAdapters,
  createLogger,
  loadAdapterConfig,
  loadConfig,
  Type,
} from '../src/index.ts'

const logger = createLogger({ level: 'silent' })

t.test('embedded adapters are the default and need no variables', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'tj-kit-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const config = loadAdapterConfig({ DATA_DIR: dir })
  const { bus, store, readiness } = await connectAdapters('kit-test', config, logger)
  t.teardown(async () => {
    await bus.close()
    await store.close()
  })
  t.equal(bus.adapter, 'embedded')
  t.equal(store.adapter, 'embedded')
  for (const r of readiness) t.ok((await r.check()).ok, r.name)
})

t.test('Kafka and MongoDB are chosen by their variables', async (t) => {
  const config = loadAdapterConfig({
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    MONGO_URL: process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
    MONGO_DATABASE: `test_kit_${process.pid}`,
  })
  const { bus, store, readiness } = await connectAdapters('kit-test', config, logger)
  t.teardown(async () => {
    await bus.close()
    // every test database is dropped (the store refuses to drop one not named test_*)
    await (store as MongoStore).drop()
    await store.close()
  })
  t.equal(bus.adapter, 'kafka')
  t.equal(store.adapter, 'mongo')
  for (const r of readiness) t.ok((await r.check()).ok, r.name)
})

t.test('an explicitly chosen adapter requires its variables', async (t) => {
  const err = t.throws(() =>
    loadAdapterConfig({ BUS_ADAPTER: 'kafka', STORE_ADAPTER: 'mongo' }),
  ) as ConfigError
  t.ok(err instanceof ConfigError)
  t.same(err.problems.map((p) => p.variable).sort(), ['KAFKA_BROKERS', 'MONGO_URL'])
  t.throws(() => loadAdapterConfig({ BUS_ADAPTER: 'rabbit' }), ConfigError)
})

t.test(
  'connectAdapters checks the chosen adapter too (a server.ts with one loadConfig of its own)',
  async (t) => {
    const config = loadConfig(Type.Object({ ...AdapterConfig.properties }), { BUS_ADAPTER: 'kafka' })
    const err = await connectAdapters('kit-test', config, logger).then(
      () => null,
      (e: unknown) => e,
    )
    t.type(err, ConfigError)
    t.strictSame(
      (err as ConfigError).problems.map((p) => p.variable),
      ['KAFKA_BROKERS'],
    )
  },
)
