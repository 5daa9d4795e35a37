// The outbox relay's own logic, against the embedded store and a fake bus that only records (the bus
// adapters have their own contract suite; relay-e2e.test.ts runs the relay with the real embedded bus).
import type { EventBus } from '@tingjian/bus'
import type { EventEnvelope } from '@tingjian/contracts'
import t from 'tap'
import { OutboxRelay } from '../src/index.ts'
import { captureLogger, embeddedStore, event, until } from './helpers.ts'

/** The part of the EventBus port that the relay uses, recording what it is given. */
class FakeBus implements Pick<EventBus, 'publishBatch'> {
  readonly batches: EventEnvelope[][] = []
  /** Called before a batch is accepted; throwing makes the publish fail. */
  gate: (events: readonly EventEnvelope[]) => void | Promise<void> = () => {}

  async publishBatch(events: readonly EventEnvelope[]): Promise<void> {
    await this.gate(events)
    this.batches.push([...events])
  }

  get published(): EventEnvelope[] {
    return this.batches.flat()
  }
}

interface Case {
  status: string
}

t.test('publishes each document’s events in order, then removes them', async (t) => {
  const store = await embeddedStore(t)
  const bus = new FakeBus()
  const log = captureLogger()
  const relay = new OutboxRelay({ store, bus, logger: log, sweepIntervalMs: 60_000 })
  const cases = store.collection<Case>('cases')
  const e = [event('c1', 1), event('c1', 2), event('c1', 3), event('c2', 1)]
  await cases.insert('c1', { status: 'received' }, { events: [e[0], e[1]] as EventEnvelope[] })
  relay.start()
  t.teardown(() => relay.stop())
  await until(() => bus.published.length === 2)
  await cases.update('c1', 1, { status: 'assigned' }, { events: [e[2] as EventEnvelope] })
  await cases.insert('c2', { status: 'received' }, { events: [e[3] as EventEnvelope] })
  await until(() => bus.published.length === 4)
  await until(async () => (await cases.outboxPending(10)).length === 0)
  t.strictSame(
    bus.batches[0]?.map((x) => x.id),
    [e[0]?.id, e[1]?.id],
    "a document's events in one batch, woken by the write (the sweep is a minute away)",
  )
  t.strictSame(
    bus.published.map((x) => x.id),
    e.map((x) => x?.id),
    'in order; later writes woken too (one page or two, as the relay found them)',
  )
  t.equal((await cases.get('c1'))?.version, 2, 'relaying does not touch the documents')
  await relay.stop()
  t.notOk(relay.running)
  const text = JSON.stringify(log.lines)
  t.notMatch(text, /received|assigned/, 'logs carry no document contents')
  t.match(log.lines, [{ level: 'info', msg: 'outbox relay started' }])
})

t.test('the sweep finds what another process wrote', async (t) => {
  const store = await embeddedStore(t)
  // a second connection to the same file stands for another process: its writes do not wake our relay
  const other = await embeddedStore(t, store.path)
  const bus = new FakeBus()
  const relay = new OutboxRelay({ store, bus, sweepIntervalMs: 50 })
  relay.start()
  t.teardown(() => relay.stop())
  const e1 = event('x1', 1)
  await other.collection<Case>('letters').insert('x1', { status: 'submitted' }, { events: [e1] })
  await until(() => bus.published.length === 1)
  t.equal(bus.published[0]?.id, e1.id)
  await until(async () => (await store.collection('letters').outboxPending(10)).length === 0)
})

t.test('a failed publish is retried with backoff, never dropped', async (t) => {
  const store = await embeddedStore(t)
  const bus = new FakeBus()
  let failures = 3
  bus.gate = () => {
    if (failures > 0) {
      failures--
      throw Object.assign(new Error('broker unavailable'), { code: 'TEST_DOWN' })
    }
  }
  const log = captureLogger()
  const relay = new OutboxRelay({ store, bus, logger: log, backoff: { initialMs: 5, maxMs: 20 } })
  const e1 = event('r1', 1)
  await store.collection<Case>('cases').insert('r1', { status: 'received' }, { events: [e1] })
  relay.start()
  t.teardown(() => relay.stop())
  await until(() => bus.published.length === 1)
  t.equal(failures, 0, 'it kept trying')
  t.strictSame(
    bus.published.map((e) => e.id),
    [e1.id],
  )
  await until(async () => (await store.collection('cases').outboxPending(10)).length === 0)
  const warnings = log.lines.filter((l) => l.msg === 'outbox publish failed; will retry')
  t.equal(warnings.length, 3)
  t.match(warnings[0]?.obj, { collection: 'cases', id: 'r1', eventIds: [e1.id], err: { code: 'TEST_DOWN' } })
})

t.test('a crash between publish and removal republishes (at least once)', async (t) => {
  const store = await embeddedStore(t)
  const bus = new FakeBus()
  let crash = true
  const relay = new OutboxRelay({
    store,
    bus,
    backoff: { initialMs: 5, maxMs: 20 },
    onPublished: () => {
      if (crash) {
        crash = false
        throw new Error('simulated crash after publish')
      }
    },
  })
  const e1 = event('k1', 1)
  await store.collection<Case>('cases').insert('k1', { status: 'received' }, { events: [e1] })
  relay.start()
  t.teardown(() => relay.stop())
  await until(() => bus.published.length === 2)
  await until(async () => (await store.collection('cases').outboxPending(10)).length === 0)
  t.strictSame(
    bus.published.map((e) => e.id),
    [e1.id, e1.id],
    'published twice, same id: the consumer dedupes',
  )
})

t.test('a document that keeps failing does not hold up the others', async (t) => {
  const store = await embeddedStore(t)
  const bus = new FakeBus()
  bus.gate = (events) => {
    if (events.some((e) => e.subject === 'poison')) throw new Error('refused')
  }
  const relay = new OutboxRelay({ store, bus, backoff: { initialMs: 5, maxMs: 20 } })
  const cases = store.collection<Case>('cases')
  await cases.insert('poison', { status: 'x' }, { events: [event('poison', 1)] })
  await cases.insert('fine', { status: 'x' }, { events: [event('fine', 1)] })
  relay.start()
  t.teardown(() => relay.stop())
  await until(() => bus.published.some((e) => e.subject === 'fine'))
  t.strictSame(
    (await cases.outboxPending(10)).map((p) => p.id),
    ['poison'],
    'the failing one stays pending, to be retried',
  )
})

t.test('a collection that cannot be read does not stop the relay', async (t) => {
  const store = await embeddedStore(t)
  const bus = new FakeBus()
  const log = captureLogger()
  const relay = new OutboxRelay({
    store,
    bus,
    logger: log,
    collections: ['not-a-valid-name', 'cases'],
    backoff: { initialMs: 5, maxMs: 20 },
  })
  await store.collection<Case>('cases').insert('c1', { status: 'x' }, { events: [event('c1', 1)] })
  relay.start()
  t.teardown(() => relay.stop())
  await until(() => bus.published.length === 1)
  await until(() => log.lines.filter((l) => l.msg === 'outbox relay backing off').length >= 2)
  t.ok(relay.running, 'still running, retrying with backoff')
  t.match(
    log.lines.find((l) => l.msg === 'outbox relay cannot read pending events'),
    { level: 'warn', obj: { collection: 'not-a-valid-name', err: { name: 'InvalidQueryError' } } },
  )
})

t.test('stop() lets the page in hand finish and takes no more', async (t) => {
  const store = await embeddedStore(t)
  const bus = new FakeBus()
  let release: () => void = () => {}
  let entered = false
  bus.gate = () =>
    new Promise<void>((resolve) => {
      entered = true
      release = resolve
    })
  const relay = new OutboxRelay({ store, bus, batchSize: 10 })
  const cases = store.collection<Case>('cases')
  await cases.insert('s1', { status: 'x' }, { events: [event('s1', 1)] })
  await cases.insert('s2', { status: 'x' }, { events: [event('s2', 1)] })
  relay.start()
  await until(() => entered)
  await cases.insert('s3', { status: 'x' }, { events: [event('s3', 1)] })
  let stopped = false
  const stopping = relay.stop().then(() => {
    stopped = true
  })
  await new Promise((r) => setImmediate(r))
  t.notOk(stopped, 'stop waits for the publish in hand')
  release()
  await stopping
  t.equal(bus.published.length, 2, 'the page in hand (s1, s2) was published')
  t.strictSame(
    (await cases.outboxPending(10)).map((p) => p.id),
    ['s3'],
    'and removed; the next write was not taken',
  )
})

t.test('drain(), batch size, collections', async (t) => {
  const store = await embeddedStore(t)
  const bus = new FakeBus()
  const letters = store.collection<Case>('letters')
  const polls = store.collection<Case>('polls')
  for (let i = 0; i < 7; i++) await letters.insert(`l${i}`, { status: 'x' }, { events: [event(`l${i}`, i)] })
  await polls.insert('p1', { status: 'x' }, { events: [event('p1', 1)] })
  const onlyLetters = new OutboxRelay({ store, bus, batchSize: 2, collections: ['letters'] })
  t.equal(await onlyLetters.drain(), 7, 'every pending letter, two documents at a time')
  t.equal(bus.published.length, 7)
  t.equal((await polls.outboxPending(10)).length, 1, 'other collections are left alone')
  const all = new OutboxRelay({ store, bus })
  t.equal(await all.drain(), 1)
  t.equal(await all.drain(), 0, 'nothing left')
  t.throws(() => new OutboxRelay({ store, bus, batchSize: 0 }), TypeError)
})
