// The EventBus contract suite: one set of tests that every adapter must pass (see README.md).
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  createEvent,
  type DeadLetter,
  EventCatalogue,
  type EventEnvelope,
  type Source,
  Type,
  topicName,
} from '@tingjian/contracts'
import type { Test } from 'tap'
import type { DeliveryContext, EventBus, RetryPolicy, Subscription } from './port.ts'

/** The events of the suite: its own catalogue, so that it does not depend on the platform's. */
export const contractCatalogue = new EventCatalogue()

export const ContractTestHappened = contractCatalogue.define({
  type: 'platform.contract-test-happened',
  version: 1,
  source: 'platform',
  description: 'An event of the bus contract suite: the n-th event of one key',
  data: Type.Object({ key: Type.String(), n: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
})

export const ContractTestNoted = contractCatalogue.define({
  type: 'tracking.contract-test-noted',
  version: 1,
  source: 'tracking',
  description: 'An event of the bus contract suite on a second stream',
  data: Type.Object({ note: Type.String() }, { additionalProperties: false }),
})

/** What each test hands the factory: a namespace of its own, the suite's catalogue and quick retries. */
export interface BusFixture {
  /** Random per test: the adapter's topics (or log streams) are the test's own. */
  namespace: string
  /** Random per test; the suite's consumer groups all start with it (so that teardown can find them). */
  groupPrefix: string
  catalogue: EventCatalogue
  /** Short backoff for the suite; the factory passes it as the bus's default retry policy. */
  retry: RetryPolicy
}

/** Builds a bus for one test and registers its teardown (close it, remove its topics) on `t`. */
export type BusFactory<B extends EventBus = EventBus> = (t: Test, fixture: BusFixture) => Promise<B>

export interface BusContractOptions<B extends EventBus = EventBus> {
  /**
   * Writes bytes that are not an event straight onto a stream, bypassing validation (Kafka: a plain
   * producer; embedded: its raw append). The tests of invalid messages are skipped without it.
   */
  publishRaw?: (bus: B, fixture: BusFixture, stream: Source, key: string, value: Buffer) => Promise<void>
  /** Upper bound of every wait for delivery (default 30 s); the suite never asserts timings. */
  timeoutMs?: number
}

const QUICK_RETRY: RetryPolicy = { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 50 }

/** An error with a code, as handlers throw them (the dead letter keeps the code). */
class CodedError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
  }
}

function fixture(): BusFixture {
  const id = randomBytes(5).toString('hex')
  return {
    namespace: `contract-${id}`,
    groupPrefix: `contract-${id}`,
    catalogue: contractCatalogue,
    retry: QUICK_RETRY,
  }
}

function happened(key: string, n: number): EventEnvelope<{ key: string; n: number }> {
  return ContractTestHappened.create({ subject: key, data: { key, n } })
}

/** Records what a handler saw. */
class Seen {
  readonly events: EventEnvelope[] = []
  readonly contexts: DeliveryContext[] = []
  push(event: EventEnvelope, ctx: DeliveryContext): void {
    this.events.push(event)
    this.contexts.push(ctx)
  }
  ids(): Set<string> {
    return new Set(this.events.map((e) => e.id))
  }
  has(id: string): boolean {
    return this.events.some((e) => e.id === id)
  }
}

/** Per key, the n of each event in the order first seen, and how many arrived more than once. */
function firstSeenByKey(events: EventEnvelope[]): { byKey: Map<string, number[]>; duplicates: number } {
  const seen = new Set<string>()
  const byKey = new Map<string, number[]>()
  let duplicates = 0
  for (const e of events) {
    if (seen.has(e.id)) {
      duplicates++
      continue
    }
    seen.add(e.id)
    if (!ContractTestHappened.is(e)) continue
    const list = byKey.get(e.subject) ?? []
    list.push(e.data.n)
    byKey.set(e.subject, list)
  }
  return { byKey, duplicates }
}

/**
 * Runs the EventBus contract against the adapter that `factory` builds. Every test gets a fresh
 * namespace and its own groups; the factory registers the bus's teardown.
 */
export function busContract<B extends EventBus>(
  t: Test,
  factory: BusFactory<B>,
  options: BusContractOptions<B> = {},
): void {
  const timeoutMs = options.timeoutMs ?? 30_000

  async function waitFor(what: string, check: () => boolean): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
      await sleep(20)
    }
  }

  async function setup(tt: Test): Promise<{ bus: B; fx: BusFixture; group: (name: string) => string }> {
    const fx = fixture()
    const bus = await factory(tt, fx)
    return { bus, fx, group: (name) => `${fx.groupPrefix}-${name}` }
  }

  /** Subscribes and closes the subscription in teardown (before the factory's own teardown runs). */
  async function subscribed(tt: Test, sub: Promise<Subscription>): Promise<Subscription> {
    const s = await sub
    tt.teardown(() => s.close())
    await s.ready()
    return s
  }

  t.test('publish then subscribe: the event arrives whole, with its position', async (tt) => {
    const { bus, fx, group } = await setup(tt)
    const event = happened('case-1', 0)
    await bus.publish(event)
    const seen = new Seen()
    await subscribed(
      tt,
      bus.subscribe({ group: group('roundtrip'), streams: ['platform'] }, async (e, ctx) =>
        seen.push(e, ctx),
      ),
    )
    await waitFor('the event', () => seen.has(event.id))
    tt.same(seen.events[0], event, 'the envelope arrives unchanged')
    const ctx = seen.contexts[0]
    tt.equal(ctx?.topic, topicName(fx.namespace, 'platform'), 'context names the topic')
    tt.equal(ctx?.attempt, 1, 'first attempt')
    tt.match(ctx?.offset, /^\d+$/, 'offset is a decimal string')
    tt.ok(Number.isInteger(ctx?.partition), 'partition is an integer')
  })

  t.test('a subscription reads several streams; events published before and after it arrive', async (tt) => {
    const { bus, fx, group } = await setup(tt)
    const before = happened('case-1', 0)
    await bus.publish(before)
    const seen = new Seen()
    await subscribed(
      tt,
      bus.subscribe({ group: group('streams'), streams: ['platform', 'tracking'] }, async (e, ctx) =>
        seen.push(e, ctx),
      ),
    )
    const after = ContractTestNoted.create({ subject: 'case-2', data: { note: 'n' } })
    await bus.publish(after)
    await waitFor('both events', () => seen.has(before.id) && seen.has(after.id))
    tt.strictSame(
      [...new Set(seen.contexts.map((c) => c.topic))].sort(),
      [topicName(fx.namespace, 'platform'), topicName(fx.namespace, 'tracking')].sort(),
      'events of both streams arrived, one from each topic',
    )
  })

  t.test('publishBatch: every event arrives, in order per key; an empty batch is fine', async (tt) => {
    const { bus, group } = await setup(tt)
    await bus.publishBatch([])
    const events = Array.from({ length: 24 }, (_, i) => happened(`key-${i % 4}`, Math.floor(i / 4)))
    await bus.publishBatch(events)
    const seen = new Seen()
    await subscribed(
      tt,
      bus.subscribe({ group: group('batch'), streams: ['platform'] }, async (e, ctx) => seen.push(e, ctx)),
    )
    await waitFor('the batch', () => events.every((e) => seen.has(e.id)))
    const { byKey } = firstSeenByKey(seen.events)
    for (let k = 0; k < 4; k++) tt.same(byKey.get(`key-${k}`), [0, 1, 2, 3, 4, 5], `key-${k} in order`)
  })

  t.test('publish refuses what the catalogue refuses, and a refused batch publishes nothing', async (tt) => {
    const { bus, group } = await setup(tt)
    const invalid = { code: 'TJ_INVALID_EVENT', name: 'InvalidEventError' }
    const unknown = createEvent({
      type: 'platform.never-defined',
      version: 1,
      source: 'platform',
      subject: 's',
      data: {},
    })
    await tt.rejects(bus.publish(unknown), invalid, 'unknown type')
    const wrongVersion = { ...happened('s', 0), version: 9 }
    await tt.rejects(bus.publish(wrongVersion), invalid, 'unknown version')
    const badData = createEvent({
      type: ContractTestHappened.type,
      version: 1,
      source: 'platform',
      subject: 's',
      data: { key: 1, n: -1 },
    })
    await tt.rejects(bus.publish(badData), invalid, 'data that does not match the schema')
    const { subject: _subject, ...noSubject } = happened('s', 0)
    await tt.rejects(bus.publish(noSubject as unknown as EventEnvelope), invalid, 'envelope without subject')
    await tt.rejects(bus.publish({ ...happened('s', 0), id: 'nope' }), invalid, 'id that is no uuid')

    const good = happened('s', 1)
    await tt.rejects(bus.publishBatch([good, badData]), invalid, 'batch with one bad event')
    const marker = happened('s', 2)
    await bus.publish(marker)
    const seen = new Seen()
    await subscribed(
      tt,
      bus.subscribe({ group: group('validation'), streams: ['platform'] }, async (e, ctx) =>
        seen.push(e, ctx),
      ),
    )
    await waitFor('the marker', () => seen.has(marker.id))
    tt.same(
      seen.events.map((e) => e.id),
      [marker.id],
      'nothing of the refused publishes reached the stream',
    )
  })

  t.test('order per key holds across many keys, partitions and concurrent publishers', async (tt) => {
    const { bus, group } = await setup(tt)
    const keys = 8
    const perKey = 40
    const seen = new Seen()
    await subscribed(
      tt,
      bus.subscribe({ group: group('order'), streams: ['platform'] }, async (e, ctx) => seen.push(e, ctx)),
    )
    // one publisher per key, all at once: each awaits its previous publish, as a service does
    await Promise.all(
      Array.from({ length: keys }, async (_, k) => {
        for (let n = 0; n < perKey; n++) await bus.publish(happened(`order-${k}`, n))
      }),
    )
    await waitFor('every event', () => seen.ids().size >= keys * perKey)
    const { byKey, duplicates } = firstSeenByKey(seen.events)
    const expected = Array.from({ length: perKey }, (_, n) => n)
    for (let k = 0; k < keys; k++) tt.same(byKey.get(`order-${k}`), expected, `order-${k} in order`)
    const partitions = new Set(seen.contexts.map((c) => c.partition))
    tt.comment(`${keys * perKey} events, ${duplicates} redelivered, ${partitions.size} partition(s) used`)
  })

  t.test('two groups each get every event', async (tt) => {
    const { bus, group } = await setup(tt)
    const a = new Seen()
    const b = new Seen()
    await subscribed(
      tt,
      bus.subscribe({ group: group('a'), streams: ['platform'] }, async (e, c) => a.push(e, c)),
    )
    await subscribed(
      tt,
      bus.subscribe({ group: group('b'), streams: ['platform'] }, async (e, c) => b.push(e, c)),
    )
    const events = Array.from({ length: 30 }, (_, i) => happened(`k-${i % 3}`, i))
    await bus.publishBatch(events)
    await waitFor('both groups', () => events.every((e) => a.has(e.id) && b.has(e.id)))
    tt.equal(a.ids().size, 30, 'group a got all 30')
    tt.equal(b.ids().size, 30, 'group b got all 30')
  })

  t.test('a failing handler is retried with a growing attempt number, then succeeds', async (tt) => {
    const { bus, group } = await setup(tt)
    const flaky = happened('retry', 0)
    const next = happened('retry', 1)
    const attempts: number[] = []
    const done = new Seen()
    await subscribed(
      tt,
      bus.subscribe(
        {
          group: group('retry'),
          streams: ['platform'],
          retry: { maxAttempts: 5, initialBackoffMs: 5, maxBackoffMs: 20 },
        },
        async (e, ctx) => {
          if (e.id === flaky.id) {
            attempts.push(ctx.attempt)
            if (ctx.attempt < 3) throw new CodedError('not yet', 'TJ_TEST_NOT_YET')
          }
          done.push(e, ctx)
        },
      ),
    )
    await bus.publishBatch([flaky, next])
    await waitFor('both events handled', () => done.has(flaky.id) && done.has(next.id))
    tt.same(attempts, [1, 2, 3], 'attempts 1, 2 and 3')
    tt.same(
      done.events.map((e) => e.id),
      [flaky.id, next.id],
      'handled once, and the next one only after it',
    )
  })

  t.test('a handler that always fails: the event is dead-lettered and the group moves on', async (tt) => {
    const { bus, fx, group } = await setup(tt)
    const [first, poison, last] = [happened('dl', 0), happened('dl', 1), happened('dl', 2)]
    const done = new Seen()
    let poisonAttempts = 0
    await subscribed(
      tt,
      bus.subscribe({ group: group('worker'), streams: ['platform'] }, async (e, ctx) => {
        if (e.id === poison.id) {
          poisonAttempts = ctx.attempt
          throw new CodedError('cannot handle this one', 'TJ_TEST_POISON')
        }
        done.push(e, ctx)
      }),
    )
    const letters: DeadLetter[] = []
    await subscribed(
      tt,
      bus.subscribeDeadLetters({ group: group('dead-letters') }, async (letter) => {
        letters.push(letter)
      }),
    )
    await bus.publishBatch([first, poison, last])
    await waitFor('the next event and the dead letter', () => done.has(last.id) && letters.length > 0)
    tt.same(
      done.events.map((e) => e.id),
      [first.id, last.id],
      'the events around the poison one were handled',
    )
    tt.equal(poisonAttempts, fx.retry.maxAttempts, 'tried maxAttempts times')
    const letter = letters[0]
    tt.match(
      letter,
      {
        group: group('worker'),
        topic: topicName(fx.namespace, 'platform'),
        attempts: fx.retry.maxAttempts,
        reason: 'cannot handle this one',
        errorCode: 'TJ_TEST_POISON',
        raw: null,
      },
      'the dead letter says who gave up, why and after how many attempts',
    )
    tt.same(letter?.event, poison, 'the dead letter carries the event')
    tt.match(letter?.offset, /^\d+$/)
    tt.ok(!Number.isNaN(Date.parse(letter?.failedAt ?? '')), 'failedAt is a date')
  })

  const { publishRaw } = options
  const noRaw = publishRaw ? false : 'the adapter gives no way to write raw bytes'
  t.test('a message that is not a valid event is dead-lettered at once', { skip: noRaw }, async (tt) => {
    if (!publishRaw) return
    const { bus, fx, group } = await setup(tt)
    const done = new Seen()
    let calls = 0
    await subscribed(
      tt,
      bus.subscribe({ group: group('worker'), streams: ['platform'] }, async (e, ctx) => {
        calls++
        done.push(e, ctx)
      }),
    )
    const letters: DeadLetter[] = []
    await subscribed(
      tt,
      bus.subscribeDeadLetters({ group: group('dead-letters') }, async (letter) => {
        letters.push(letter)
      }),
    )
    await publishRaw(bus, fx, 'platform', 'raw', Buffer.from('this is not JSON'))
    await publishRaw(bus, fx, 'platform', 'raw', Buffer.from(JSON.stringify({ hello: 'world' })))
    const after = happened('raw', 0)
    await bus.publish(after)
    await waitFor('the valid event and two dead letters', () => done.has(after.id) && letters.length >= 2)
    tt.equal(calls, 1, 'the handler saw only the valid event')
    const notJson = letters.find((l) => l.raw === 'this is not JSON')
    tt.match(notJson, {
      attempts: 0,
      reason: 'message is not JSON',
      errorCode: 'TJ_INVALID_EVENT',
      event: null,
    })
    const notEvent = letters.find((l) => l.raw === JSON.stringify({ hello: 'world' }))
    tt.match(notEvent, { attempts: 0, reason: /^invalid event/, errorCode: 'TJ_INVALID_EVENT', event: null })
  })

  t.test('a subscription closed and opened again resumes after the last committed event', async (tt) => {
    const { bus, group } = await setup(tt)
    const events = Array.from({ length: 20 }, (_, n) => happened(`resume-${n % 2}`, n))
    const firstRun = new Seen()
    const sub = await bus.subscribe({ group: group('resume'), streams: ['platform'] }, async (e, c) =>
      firstRun.push(e, c),
    )
    await sub.ready()
    await bus.publishBatch(events.slice(0, 10))
    await waitFor('the first ten', () => events.slice(0, 10).every((e) => firstRun.has(e.id)))
    await sub.close()
    await bus.publishBatch(events.slice(10))
    const secondRun = new Seen()
    await subscribed(
      tt,
      bus.subscribe({ group: group('resume'), streams: ['platform'] }, async (e, c) => secondRun.push(e, c)),
    )
    await waitFor('the last ten', () => events.slice(10).every((e) => secondRun.has(e.id)))
    tt.notOk(
      events.slice(0, 10).some((e) => secondRun.has(e.id)),
      'nothing committed before the close comes again',
    )
    tt.equal(secondRun.ids().size, 10, 'no gap: exactly the ten published while it was closed')
  })

  t.test('health is ok', async (tt) => {
    const { bus } = await setup(tt)
    const report = await bus.health()
    tt.equal(report.ok, true, `healthy (${report.detail ?? 'no detail'})`)
    tt.equal(report.adapter, bus.adapter, 'names its adapter')
  })

  t.test('close is graceful: the event in hand finishes and is committed; then nothing works', async (tt) => {
    const { bus, group } = await setup(tt)
    const slow = happened('close', 0)
    let started = false
    let finished = false
    const sub = await bus.subscribe({ group: group('close'), streams: ['platform'] }, async (e) => {
      if (e.id !== slow.id) return
      started = true
      await sleep(300)
      finished = true
    })
    await bus.publish(slow)
    await waitFor('the handler to start', () => started)
    await sub.close()
    tt.ok(finished, 'close waited for the handler')
    await tt.resolves(sub.close(), 'closing twice is fine')

    const again = new Seen()
    const reopened = await bus.subscribe({ group: group('close'), streams: ['platform'] }, async (e, c) =>
      again.push(e, c),
    )
    await reopened.ready()
    const marker = happened('close', 1)
    await bus.publish(marker)
    await waitFor('the marker', () => again.has(marker.id))
    tt.notOk(again.has(slow.id), 'the event handled during close was committed')

    await bus.close()
    await bus.close()
    await tt.rejects(bus.publish(happened('close', 2)), { code: 'TJ_BUS_CLOSED' }, 'publish after close')
    await tt.rejects(
      bus.subscribe({ group: group('late'), streams: ['platform'] }, async () => {}),
      { code: 'TJ_BUS_CLOSED' },
      'subscribe after close',
    )
  })
}
