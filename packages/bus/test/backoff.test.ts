// The one backoff function: doubling from initialMs, capped at maxMs, jittered around the value.
import t from 'tap'
import { backoffDelay } from '../src/index.ts'

const exact = { initialMs: 100, maxMs: 1_000, jitter: 0 }

t.test('doubles per attempt from initialMs and stops at maxMs', async (t) => {
  t.strictSame(
    [1, 2, 3, 4, 5, 6, 50, 5_000].map((n) => backoffDelay(n, exact)),
    [100, 200, 400, 800, 1_000, 1_000, 1_000, 1_000],
  )
})

t.test('attempts below 1 or not finite count as the first', async (t) => {
  t.equal(backoffDelay(0, exact), 100)
  t.equal(backoffDelay(-3, exact), 100)
  t.equal(backoffDelay(Number.NaN, exact), 100)
})

t.test('jitter spreads the wait: ±20 % by default', async (t) => {
  const at = (random: number, jitter?: number) =>
    backoffDelay(3, {
      initialMs: 100,
      maxMs: 1_000,
      random: () => random,
      ...(jitter === undefined ? {} : { jitter }),
    })
  t.equal(at(0), 320, 'lowest: 80 % of 400')
  t.equal(at(0.5), 400, 'middle')
  t.equal(at(0.999999), 480, 'highest: 120 % of 400')
  t.equal(at(0, 1), 0, 'full jitter reaches zero')
  t.equal(at(0.999999, 1), 800, 'and twice the value')
})

t.test('never negative, even with zero initial wait', async (t) => {
  t.equal(backoffDelay(10, { initialMs: 0, maxMs: 0 }), 0)
})
