// The Wilson score interval, against values worked out by hand from the formula.
import t from 'tap'
import { wilson } from '../src/wilson.ts'

const pct = (x: number) => (x * 100).toFixed(1)

t.test('180 of 200 → 85.1 %–93.4 % (the callbacks issue’s example)', async (t) => {
  const i = wilson(180, 200)
  t.ok(i)
  t.same(i && [pct(i.low), pct(i.high)], ['85.1', '93.4'])
})

t.test('the edges: none, all, 0 of n', async (t) => {
  t.equal(wilson(0, 0), null)
  const one = wilson(1, 1)
  t.ok(one && Math.abs(one.low - 0.2065) < 1e-4 && one.high === 1, '100 % of 1 is [20.7 %, 100 %]')
  const zero = wilson(0, 10)
  t.ok(zero && zero.low === 0 && Math.abs(zero.high - 0.2775) < 1e-4, '0 of 10 is [0 %, 27.8 %]')
  t.throws(() => wilson(3, 2), RangeError)
})
