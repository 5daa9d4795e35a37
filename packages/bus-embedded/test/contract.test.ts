import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from '@tingjian/bus'
import { busContract, ContractTestHappened, contractCatalogue } from '@tingjian/bus/contract'
import type { EventEnvelope } from '@tingjian/contracts'
import type { Test } from 'tap'
import t from 'tap'
import { createEmbeddedBus } from '../src/index.ts'

function tempFile(tt: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'tj-bus-embedded-'))
  tt.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'bus.sqlite')
}

const QUICK = { maxAttempts: 3, initialBackoffMs: 5, maxBackoffMs: 20 }

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(10)
  }
}

const event = (key: string, n: number) => ContractTestHappened.create({ subject: key, data: { key, n } })

busContract(
  t,
  async (tt, fx) => {
    const bus = createEmbeddedBus({
      path: tempFile(tt),
      namespace: fx.namespace,
      catalogue: fx.catalogue,
      retry: fx.retry,
      pollIntervalMs: 50,
    })
    tt.teardown(() => bus.close())
    return bus
  },
  { publishRaw: (bus, _fx, stream, key, value) => bus.appendRaw(stream, key, value) },
)

t.test('refuses to start without a path, says once that it is for one machine', async (tt) => {
  tt.throws(() => createEmbeddedBus({ path: '' }), /path/)
  const lines: string[] = []
  const logger: Logger = {
    debug() {},
    info(_o, msg) {
      lines.push(msg ?? '')
    },
    warn() {},
    error() {},
  }
  const bus = createEmbeddedBus({ path: tempFile(tt), logger })
  tt.teardown(() => bus.close())
  tt.equal(lines.filter((l) => l.includes('single machine')).length, 1)
})

t.test(
  'a second subscription of the same group stands by, then takes over where the first stopped',
  async (tt) => {
    const bus = createEmbeddedBus({
      path: tempFile(tt),
      catalogue: contractCatalogue,
      retry: QUICK,
      pollIntervalMs: 20,
    })
    tt.teardown(() => bus.close())
    const first: EventEnvelope[] = []
    const second: EventEnvelope[] = []
    const a = await bus.subscribe({ group: 'g', streams: ['platform'] }, async (e) => void first.push(e))
    const b = await bus.subscribe({ group: 'g', streams: ['platform'] }, async (e) => void second.push(e))
    await Promise.all([a.ready(), b.ready()])
    await bus.publishBatch(Array.from({ length: 5 }, (_, n) => event('k', n)))
    await until('the first five', () => first.length === 5)
    tt.equal(second.length, 0, 'the standby got nothing')
    await a.close()
    await bus.publishBatch(Array.from({ length: 5 }, (_, n) => event('k', 5 + n)))
    await until('the next five', () => second.length === 5)
    tt.same(
      second.map((e) => (ContractTestHappened.is(e) ? e.data.n : -1)),
      [5, 6, 7, 8, 9],
      'the standby resumed after the last committed event',
    )
  },
)

t.test('the log survives closing and re-opening the file', async (tt) => {
  const path = tempFile(tt)
  const one = createEmbeddedBus({ path, catalogue: contractCatalogue, retry: QUICK, pollIntervalMs: 20 })
  const seen: number[] = []
  const sub = await one.subscribe({ group: 'g', streams: ['platform'] }, async (e) => {
    if (ContractTestHappened.is(e)) seen.push(e.data.n)
  })
  await sub.ready()
  await one.publishBatch(Array.from({ length: 3 }, (_, n) => event('k', n)))
  await until('three events', () => seen.length === 3)
  await one.close()

  const two = createEmbeddedBus({ path, catalogue: contractCatalogue, retry: QUICK, pollIntervalMs: 20 })
  tt.teardown(() => two.close())
  await two.publish(event('k', 3))
  const again: number[] = []
  await two.subscribe({ group: 'g', streams: ['platform'] }, async (e) => {
    if (ContractTestHappened.is(e)) again.push(e.data.n)
  })
  const late: number[] = []
  const fromEnd = await two.subscribe(
    { group: 'late', streams: ['platform'], fromBeginning: false },
    async (e) => {
      if (ContractTestHappened.is(e)) late.push(e.data.n)
    },
  )
  await fromEnd.ready()
  await two.publish(event('k', 4))
  await until('the group to resume', () => again.length === 2 && late.length === 1)
  tt.same(again, [3, 4], 'the group resumed after its committed position')
  tt.same(late, [4], 'a new group with fromBeginning: false starts at the end')
})

t.test("':memory:' works for a throwaway bus", async (tt) => {
  const bus = createEmbeddedBus({ path: ':memory:', catalogue: contractCatalogue, pollIntervalMs: 20 })
  tt.teardown(() => bus.close())
  const seen: string[] = []
  await bus.subscribe({ group: 'g', streams: ['platform'] }, async (e) => void seen.push(e.id))
  const e = event('k', 0)
  await bus.publish(e)
  await until('the event', () => seen.length === 1)
  tt.same(seen, [e.id])
})

t.test('its directory is 0700 and its files (log, -wal, -shm) 0600', async (tt) => {
  const before = process.umask(0o002)
  tt.teardown(() => void process.umask(before))
  const dir = join(dirname(tempFile(tt)), 'data')
  const path = join(dir, 'bus.sqlite')
  const bus = createEmbeddedBus({ path, catalogue: contractCatalogue })
  tt.teardown(() => bus.close())
  await bus.publish(event('k', 0))
  const mode = (p: string) => statSync(p).mode & 0o777
  tt.equal(mode(dir), 0o700, 'directory')
  for (const f of [path, `${path}-wal`, `${path}-shm`]) tt.equal(mode(f), 0o600, f.slice(dir.length + 1))
})
