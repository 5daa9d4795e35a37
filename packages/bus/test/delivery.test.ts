// Unit tests of the delivery logic every adapter shares (no I/O: sleep and clock are injected).
import { createEvent, type DeadLetter } from '@tingjian/contracts'
import t from 'tap'
import { ContractTestHappened, contractCatalogue } from '../src/contract.ts'
import { type DeliverOptions, deliver, deliverDeadLetter, type Raw } from '../src/index.ts'

const event = ContractTestHappened.create({ subject: 'case-1', data: { key: 'case-1', n: 0 } })
const raw = (value: Buffer | string | null): Raw => ({
  topic: 'ns.platform.events',
  partition: 2,
  offset: '41',
  value,
})

function options(over: Partial<DeliverOptions> = {}): DeliverOptions & { slept: number[] } {
  const slept: number[] = []
  return {
    group: 'g',
    retry: { maxAttempts: 3, initialBackoffMs: 100, maxBackoffMs: 1_000 },
    catalogue: contractCatalogue,
    signal: new AbortController().signal,
    sleep: async (ms) => void slept.push(ms),
    now: () => new Date('2026-01-02T03:04:05.000Z'),
    slept,
    ...over,
  }
}

t.test('a valid event is handled once, with its position', async (t) => {
  const seen: unknown[] = []
  const outcome = await deliver(
    raw(JSON.stringify(event)),
    async (e, ctx) => void seen.push([e, ctx]),
    options(),
  )
  t.same(outcome, { kind: 'done' })
  t.same(seen, [[event, { topic: 'ns.platform.events', partition: 2, offset: '41', attempt: 1 }]])
})

t.test('an unknown type is passed on (consumers skip what they do not know)', async (t) => {
  const unknown = createEvent({
    type: 'platform.later-thing',
    version: 1,
    source: 'platform',
    subject: 's',
    data: 1,
  })
  let handled = false
  const outcome = await deliver(
    raw(JSON.stringify(unknown)),
    async () => {
      handled = true
    },
    options(),
  )
  t.same(outcome, { kind: 'done' })
  t.ok(handled)
})

t.test('bytes that are not an event are dead-lettered at once, without calling the handler', async (t) => {
  for (const [value, reason] of [
    [null, 'empty message'],
    ['{nope', 'message is not JSON'],
    [JSON.stringify({ ...event, data: { key: 1 } }), /^invalid event: \/data/],
  ] as const) {
    let called = false
    const outcome = await deliver(
      raw(value),
      async () => {
        called = true
      },
      options(),
    )
    t.notOk(called)
    t.match(outcome, {
      kind: 'dead-letter',
      letter: {
        group: 'g',
        topic: 'ns.platform.events',
        partition: 2,
        offset: '41',
        attempts: 0,
        reason,
        errorCode: 'TJ_INVALID_EVENT',
        event: null,
        raw: value,
      },
    })
  }
})

t.test('a failing handler is retried with backoff, then dead-lettered with its code', async (t) => {
  const opts = options()
  const attempts: number[] = []
  const outcome = await deliver(
    raw(Buffer.from(JSON.stringify(event))),
    async (_e, ctx) => {
      attempts.push(ctx.attempt)
      throw Object.assign(new Error('no such department'), { code: 'TJ_NO_DEPARTMENT' })
    },
    opts,
  )
  t.same(attempts, [1, 2, 3])
  t.equal(opts.slept.length, 2, 'slept between attempts only')
  t.ok(opts.slept[0] !== undefined && opts.slept[0] >= 80 && opts.slept[0] <= 120, 'first backoff ~100 ms')
  t.ok(opts.slept[1] !== undefined && opts.slept[1] >= 160 && opts.slept[1] <= 240, 'second backoff ~200 ms')
  const expected: DeadLetter = {
    group: 'g',
    topic: 'ns.platform.events',
    partition: 2,
    offset: '41',
    attempts: 3,
    reason: 'no such department',
    errorCode: 'TJ_NO_DEPARTMENT',
    failedAt: '2026-01-02T03:04:05.000Z',
    event,
    raw: null,
  }
  t.same(outcome, { kind: 'dead-letter', letter: expected })
})

t.test('closing stops the retries and leaves the message for redelivery', async (t) => {
  const abort = new AbortController()
  let calls = 0
  const outcome = await deliver(
    raw(JSON.stringify(event)),
    async () => {
      calls++
      abort.abort()
      throw new Error('down')
    },
    options({ signal: abort.signal }),
  )
  t.same(outcome, { kind: 'stopped' })
  t.equal(calls, 1)
})

t.test('dead letters: parsed, retried, then given up on (never dead-lettered again)', async (t) => {
  const letter: DeadLetter = {
    group: 'g',
    topic: 't',
    partition: 0,
    offset: '1',
    attempts: 0,
    reason: 'message is not JSON',
    errorCode: 'TJ_INVALID_EVENT',
    failedAt: '2026-01-02T03:04:05.000Z',
    event: null,
    raw: '{nope',
  }
  let got: DeadLetter | null = null
  t.same(
    await deliverDeadLetter(
      raw(JSON.stringify(letter)),
      async (l) => {
        got = l
      },
      options(),
    ),
    {
      kind: 'done',
    },
  )
  t.same(got, letter)
  t.match(await deliverDeadLetter(raw('{"hello":1}'), async () => {}, options()), {
    kind: 'gave-up',
    attempts: 0,
    reason: 'not a dead letter',
  })
  t.match(
    await deliverDeadLetter(
      raw(JSON.stringify(letter)),
      async () => {
        throw new Error('viewer down')
      },
      options(),
    ),
    { kind: 'gave-up', attempts: 3, reason: 'viewer down', errorCode: null },
  )
})

t.test('a server out of reach (a transient error) is waited out, never dead-lettered', async (t) => {
  let calls = 0
  const unreachable = Object.assign(new Error('store unreachable'), { transient: true })
  const opts = options()
  const outcome = await deliver(
    raw(JSON.stringify(event)),
    async () => {
      calls++
      if (calls <= 10) throw unreachable
    },
    opts,
  )
  t.same(outcome, { kind: 'done' }, 'handled once the server is back, 10 failures past maxAttempts 3')
  t.equal(calls, 11)
  t.ok(
    opts.slept.every((ms) => ms <= 1_000 * 1.2),
    'the backoff stays capped',
  )

  calls = 0
  const mixed = await deliver(
    raw(JSON.stringify(event)),
    async () => {
      calls++
      throw calls % 2 === 0 ? unreachable : new Error('bad event')
    },
    options(),
  )
  t.match(
    mixed,
    { kind: 'dead-letter', letter: { attempts: 5, reason: 'bad event' } },
    'only real failures count',
  )

  const controller = new AbortController()
  const stopped = await deliver(
    raw(JSON.stringify(event)),
    async () => {
      controller.abort()
      throw unreachable
    },
    options({ signal: controller.signal }),
  )
  t.same(stopped, { kind: 'stopped' }, 'a close ends the wait; the event stays for redelivery')
})
