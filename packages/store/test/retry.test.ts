// withRetry and isConflict alone (modify and upsert against real adapters are in the store contract suite).
import t from 'tap'
import { isConflict, StoreConflictError, StoreNotFoundError, withRetry } from '../src/index.ts'

const stale = () => new StoreConflictError('stale', 'counters', 'c')
const duplicate = () => new StoreConflictError('duplicate', 'counters', 'c', 'by_code')

t.test('isConflict tells the kinds apart', async (t) => {
  t.equal(isConflict(stale()), true)
  t.equal(isConflict(duplicate()), true)
  t.equal(isConflict(stale(), 'stale'), true)
  t.equal(isConflict(stale(), 'duplicate'), false)
  t.equal(isConflict(duplicate(), 'duplicate'), true)
  t.equal(isConflict(duplicate(), 'stale'), false)
  t.equal(isConflict(new StoreNotFoundError('counters', 'c')), false)
  t.equal(isConflict(Object.assign(new Error('look-alike'), { kind: 'stale' }), 'stale'), false)
  t.equal(isConflict(null), false)
})

t.test('withRetry retries a stale version up to maxAttempts, then throws it', async (t) => {
  let attempts = 0
  const err = await withRetry(
    async () => {
      attempts++
      throw stale()
    },
    { maxAttempts: 3, backoff: { initialMs: 0 } },
  ).then(
    () => null,
    (e: unknown) => e,
  )
  t.ok(isConflict(err, 'stale'))
  t.equal(attempts, 3, 'gives up after maxAttempts')
})

t.test('withRetry passes the attempt number and returns the first success', async (t) => {
  const seen: number[] = []
  const result = await withRetry(
    async (attempt) => {
      seen.push(attempt)
      if (attempt < 3) throw stale()
      return 'done'
    },
    { backoff: { initialMs: 0 } },
  )
  t.equal(result, 'done')
  t.strictSame(seen, [1, 2, 3])
})

t.test('withRetry does not retry other errors', async (t) => {
  let attempts = 0
  await t.rejects(
    withRetry(async () => {
      attempts++
      throw duplicate()
    }),
    { name: 'StoreConflictError', kind: 'duplicate' },
  )
  t.equal(attempts, 1, 'a duplicate is not retried')
  attempts = 0
  await t.rejects(
    withRetry(async () => {
      attempts++
      throw new TypeError('boom')
    }),
    TypeError,
  )
  t.equal(attempts, 1, 'nor is anything else')
})

t.test('an aborted signal ends the wait between attempts', async (t) => {
  const ac = new AbortController()
  let attempts = 0
  const run = withRetry(
    async () => {
      attempts++
      ac.abort()
      throw stale()
    },
    { maxAttempts: 5, backoff: { initialMs: 60_000, maxMs: 60_000, jitter: 0 }, signal: ac.signal },
  )
  await t.rejects(run, { name: 'AbortError' })
  t.equal(attempts, 1, 'no attempt after the abort')
})
