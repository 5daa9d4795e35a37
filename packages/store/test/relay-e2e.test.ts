// The relay between the real embedded adapters: what a service writes reaches a consumer group once the
// relay runs, in order per subject, and nothing is left pending.
import { join } from 'node:path'
import { createEmbeddedBus } from '@tingjian/bus-embedded'
import type { EventEnvelope } from '@tingjian/contracts'
import t from 'tap'
import { OutboxRelay } from '../src/index.ts'
import { embeddedStore, event, relayCatalogue, tempDir, until } from './helpers.ts'

t.test('embedded store → relay → embedded bus → consumer', async (t) => {
  const dir = tempDir(t)
  const store = await embeddedStore(t, join(dir, 'test_store.db'))
  const bus = createEmbeddedBus({
    path: join(dir, 'test_bus.db'),
    namespace: 'relaye2e',
    catalogue: relayCatalogue,
    pollIntervalMs: 50,
  })
  t.teardown(() => bus.close())
  const received: EventEnvelope[] = []
  const sub = await bus.subscribe({ group: 'e2e', streams: ['platform'], fromBeginning: true }, async (e) => {
    received.push(e)
  })
  t.teardown(() => sub.close())
  await sub.ready()

  const relay = new OutboxRelay({ store, bus })
  relay.start()
  t.teardown(() => relay.stop())

  const cases = store.collection<{ step: number }>('cases')
  const subjects = ['case-1', 'case-2', 'case-3', 'case-4']
  await Promise.all(
    subjects.map(async (s) => {
      await cases.insert(s, { step: 0 }, { events: [event(s, 0)] })
      for (let step = 1; step <= 2; step++) {
        await cases.update(s, step, { step }, { events: [event(s, step)] })
      }
    }),
  )
  await until(() => received.length === subjects.length * 3, 10_000)
  for (const s of subjects) {
    t.strictSame(
      received.filter((e) => e.subject === s).map((e) => (e.data as { n: number }).n),
      [0, 1, 2],
      `${s}: every event once, in order`,
    )
  }
  await until(async () => (await cases.outboxPending(10)).length === 0)
  t.strictSame(await cases.outboxPending(10), [], 'nothing left pending')
})
