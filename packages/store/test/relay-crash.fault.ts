// Fault test: kill the outbox relay between publish and removal. The event still arrives, a new relay
// publishes it again, and a consumer that dedupes by event id applies it once. The relay runs in a child
// process that SIGKILLs itself right after publishBatch resolved (fixtures/relay-child.ts).
// Run: npx tap packages/store/test/relay-crash.fault.ts (the distributed case needs `infra/infra.sh up`).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { Socket } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EventBus } from '@tingjian/bus'
import { createEmbeddedBus } from '@tingjian/bus-embedded'
import { createKafkaBus } from '@tingjian/bus-kafka'
import { deleteTestNamespace } from '@tingjian/bus-kafka/testing'
import type { EventEnvelope } from '@tingjian/contracts'
import { createEmbeddedStore } from '@tingjian/store-embedded'
import { createMongoStore } from '@tingjian/store-mongo'
import t, { type Test } from 'tap'
import { type DocumentStore, modify, OutboxRelay } from '../src/index.ts'
import type { ChildConfig } from './fixtures/relay-child.ts'
import { event, relayCatalogue, tempDir, until } from './helpers.ts'

const CHILD = fileURLToPath(new URL('./fixtures/relay-child.ts', import.meta.url))
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017'
const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')

function runChild(
  config: ChildConfig,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(config)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }))
  })
}

function reachable(hostPort: string): Promise<boolean> {
  const [host, port] =
    hostPort
      .replace(/^mongodb:\/\//, '')
      .split(/[/,?]/)[0]
      ?.split(':') ?? []
  return new Promise((resolve) => {
    const socket = new Socket()
    socket.setTimeout(1_000)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
    socket.connect(Number(port ?? 27017), host ?? '127.0.0.1')
  })
}

interface Tally {
  applied: string[]
  total: number
}

/** The scenario, whatever the adapters: `open` gives the parent's store and bus. */
async function scenario(
  t: Test,
  child: ChildConfig,
  open: () => Promise<{ store: DocumentStore; bus: EventBus }>,
): Promise<void> {
  const { store, bus } = await open()
  const cases = store.collection<{ status: string }>(child.collection)
  const tallies = store.collection<Tally>('tallies')
  await tallies.insert('tally', { applied: [], total: 0 })

  // the idempotent consumer: the effect and the ids it has applied live in one document, written together
  const deliveries: string[] = []
  const sub = await bus.subscribe(
    { group: `${child.namespace}-tally`, streams: ['platform'], fromBeginning: true },
    async (e: EventEnvelope) => {
      deliveries.push(e.id)
      await modify(
        tallies,
        'tally',
        (cur) =>
          cur.applied.includes(e.id)
            ? null
            : { applied: [...cur.applied, e.id], total: cur.total + (e.data as { n: number }).n },
        { maxAttempts: 10 },
      )
    },
  )
  t.teardown(() => sub.close())
  await sub.ready()

  const e1 = event('case-crash', 5)
  await cases.insert('case-crash', { status: 'received' }, { events: [e1] })

  const exit = await runChild(child)
  t.equal(exit.signal, 'SIGKILL', 'the relay process died at the crash point')
  if (exit.signal !== 'SIGKILL') t.comment(exit.stderr.slice(-2_000))
  t.strictSame(
    (await cases.outboxPending(10)).map((p) => p.events.map((e) => e.id)),
    [[e1.id]],
    'killed after publishing, before removing: the event is still pending',
  )
  await until(() => deliveries.includes(e1.id), 30_000)
  t.equal(deliveries.filter((id) => id === e1.id).length, 1, 'the event published by the dead relay arrives')

  const relay = new OutboxRelay({ store, bus, collections: [child.collection] })
  relay.start()
  t.teardown(() => relay.stop())
  await until(() => deliveries.filter((id) => id === e1.id).length === 2, 30_000)
  t.equal(
    deliveries.filter((id) => id === e1.id).length,
    2,
    'the new relay publishes it again (at least once)',
  )
  await until(async () => (await cases.outboxPending(10)).length === 0, 10_000)
  t.strictSame(await cases.outboxPending(10), [], 'and removes it from the outbox')
  await relay.stop()

  const tally = await tallies.get('tally')
  t.strictSame(tally?.applied, [e1.id], 'the consumer applied it once')
  t.equal(tally?.total, 5)
  t.equal(deliveries.filter((id) => id === e1.id).length, 2, 'though it was delivered twice')
}

t.test('embedded store and embedded bus', async (t) => {
  const dir = tempDir(t)
  const config: ChildConfig = {
    mode: 'embedded',
    storePath: join(dir, 'test_store.db'),
    busPath: join(dir, 'test_bus.db'),
    namespace: `crash${randomBytes(4).toString('hex')}`,
    collection: 'cases',
  }
  await scenario(t, config, async () => {
    const store = await createEmbeddedStore({ path: config.storePath })
    const bus = createEmbeddedBus({
      path: config.busPath,
      namespace: config.namespace,
      catalogue: relayCatalogue,
      pollIntervalMs: 50,
    })
    t.teardown(async () => {
      await bus.close()
      await store.close()
    })
    return { store, bus }
  })
})

t.test('FerretDB/MongoDB store and Kafka bus', async (t) => {
  if (!(await reachable(MONGO_URL)) || !(await reachable(KAFKA_BROKERS[0] ?? ''))) {
    t.fail(
      `MongoDB (${MONGO_URL}) or Kafka (${KAFKA_BROKERS.join(',')}) is not reachable: run infra/infra.sh up`,
    )
    return
  }
  const config: ChildConfig = {
    mode: 'distributed',
    mongoUrl: MONGO_URL,
    database: `test_${randomBytes(6).toString('hex')}`,
    brokers: KAFKA_BROKERS,
    namespace: `crash${randomBytes(4).toString('hex')}`,
    collection: 'cases',
  }
  await scenario(t, config, async () => {
    const store = await createMongoStore({ url: config.mongoUrl, database: config.database })
    const bus = createKafkaBus({
      brokers: config.brokers,
      clientId: 'relay-crash-parent',
      namespace: config.namespace,
      catalogue: relayCatalogue,
    })
    t.teardown(async () => {
      await bus.close()
      await deleteTestNamespace(config.brokers, config.namespace)
      await store.drop()
      await store.close()
    })
    return { store, bus }
  })
})
