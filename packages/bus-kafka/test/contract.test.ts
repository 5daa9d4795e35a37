import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { busContract, ContractTestHappened, contractCatalogue } from '@tingjian/bus/contract'
import t from 'tap'
import { createKafkaBus } from '../src/index.ts'
import { BROKERS, deleteNamespace, disconnectHelpers, publishRaw, TEST_CONSUMER } from './helpers.ts'

t.teardown(disconnectHelpers)

busContract(
  t,
  async (tt, fx) => {
    const bus = createKafkaBus({
      brokers: BROKERS,
      clientId: 'bus-contract',
      namespace: fx.namespace,
      catalogue: fx.catalogue,
      retry: fx.retry,
      partitions: 3,
      consumer: TEST_CONSUMER,
      kafkaLogLevel: 'nothing',
    })
    tt.teardown(async () => {
      await bus.close()
      await deleteNamespace(fx.namespace, fx.groupPrefix)
    })
    return bus
  },
  { publishRaw: (_bus, fx, stream, key, value) => publishRaw(fx.namespace, stream, key, value) },
)

t.test('refuses to start without brokers', async (tt) => {
  tt.throws(() => createKafkaBus({ brokers: [], clientId: 'x' }), /no Kafka brokers configured/)
  tt.throws(() => createKafkaBus({ brokers: [' '], clientId: 'x' }), /no Kafka brokers configured/)
  tt.throws(() => createKafkaBus({ brokers: ['nohostport'], clientId: 'x' }), /not host:port/)
  tt.throws(() => createKafkaBus({ brokers: BROKERS, clientId: 'x', namespace: 'bad name' }), /namespace/)
})

t.test('health reports an unreachable cluster within its timeout', async (tt) => {
  const bus = createKafkaBus({
    brokers: ['127.0.0.1:1'],
    clientId: 'bus-contract',
    healthTimeoutMs: 1_000,
    kafkaLogLevel: 'nothing',
  })
  tt.teardown(() => bus.close())
  const report = await bus.health()
  tt.equal(report.ok, false)
  tt.equal(report.adapter, 'kafka')
})

t.test('publish gives up with a coded error when no broker answers within publishTimeoutMs', async (tt) => {
  const bus = createKafkaBus({
    brokers: ['127.0.0.1:1'],
    clientId: 'bus-contract',
    publishTimeoutMs: 1_500,
    connectionTimeoutMs: 200,
    catalogue: contractCatalogue,
    kafkaLogLevel: 'nothing',
  })
  tt.teardown(() => bus.close())
  const e = ContractTestHappened.create({ subject: 'k', data: { key: 'k', n: 0 } })
  await tt.rejects(bus.publish(e), { code: 'TJ_BUS_PUBLISH_TIMEOUT', name: 'PublishTimeoutError' })
})

t.test('two members of one group share the partitions: each event once', async (tt) => {
  const namespace = `contract-${randomBytes(5).toString('hex')}`
  const bus = createKafkaBus({
    brokers: BROKERS,
    clientId: 'bus-contract',
    namespace,
    catalogue: contractCatalogue,
    partitions: 4,
    consumer: TEST_CONSUMER,
    kafkaLogLevel: 'nothing',
  })
  tt.teardown(async () => {
    await bus.close()
    await deleteNamespace(namespace, namespace)
  })
  const byMember: string[][] = [[], []]
  const members = await Promise.all(
    byMember.map((seen) =>
      bus.subscribe(
        { group: `${namespace}-shared`, streams: ['platform'] },
        async (e) => void seen.push(e.id),
      ),
    ),
  )
  await Promise.all(members.map((m) => m.ready()))
  const events = Array.from({ length: 40 }, (_, n) =>
    ContractTestHappened.create({ subject: `k-${n % 8}`, data: { key: `k-${n % 8}`, n } }),
  )
  await bus.publishBatch(events)
  const all = () => new Set(byMember.flat())
  const deadline = Date.now() + 30_000
  while (all().size < events.length && Date.now() < deadline) await sleep(50)
  tt.equal(all().size, events.length, 'every event arrived')
  tt.comment(`member 1: ${byMember[0]?.length}, member 2: ${byMember[1]?.length} event(s)`)
  tt.equal(byMember.flat().length, events.length, 'none twice (no rebalance happened meanwhile)')
})
