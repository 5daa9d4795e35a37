import t from 'tap'
import {
  ADDRESS_LIMIT,
  accountDelayMs,
  emptyThrottle,
  giveBack,
  MAX_DELAY_MS,
  PAIR_LIMIT,
  type ThrottleState,
  takeAccount,
  takeLimited,
  WINDOW_MS,
} from '../../src/domain/throttle.ts'

const at = (ms: number) => new Date(Date.UTC(2026, 2, 2) + ms)

t.test(
  'the limits of the issue: 10 per account and address, more per address, no account lock',
  async (t) => {
    t.equal(PAIR_LIMIT, 10)
    t.ok(ADDRESS_LIMIT > PAIR_LIMIT, 'an address may try several accounts before it is refused')
    t.equal(WINDOW_MS, 15 * 60_000)
  },
)

t.test('a hard counter counts ten attempts, refuses the eleventh uncounted, frees as they age', async (t) => {
  let s: ThrottleState = emptyThrottle()
  for (let i = 0; i < 10; i++) {
    const take = takeLimited(s, at(i * 1000), 10)
    t.same(take.decision, { kind: 'allow', delayMs: 0 }, `attempt ${i + 1}`)
    t.ok(take.next)
    s = take.next ?? s
  }
  t.equal(s.attempts.length, 10)
  const refused = takeLimited(s, at(10_000), 10)
  t.same(refused, { next: null, decision: { kind: 'refuse', retryAfterS: 15 * 60 - 10 } })
  // the oldest attempt (at 0 s) leaves the window at 15 min: one attempt is free again
  t.equal(takeLimited(s, at(WINDOW_MS + 1), 10).decision.kind, 'allow')
  t.equal(takeLimited(s, at(WINDOW_MS - 1), 10).decision.kind, 'refuse')
})

t.test('the account counter never refuses; from the sixth attempt it delays, growing, bounded', async (t) => {
  let s: ThrottleState = emptyThrottle()
  const delays: number[] = []
  for (let i = 0; i < 40; i++) {
    const take = takeAccount(s, at(i))
    t.equal(take.decision.kind, 'allow')
    if (take.decision.kind === 'allow') delays.push(take.decision.delayMs)
    s = take.next ?? s
  }
  t.same(delays.slice(0, 5), [0, 0, 0, 0, 0])
  t.same(delays.slice(5, 8), [250, 500, 1000])
  t.ok(
    delays.every((d, i) => i === 0 || d >= (delays[i - 1] ?? 0)),
    'never shrinks',
  )
  t.equal(Math.max(...delays), MAX_DELAY_MS)
  t.ok(s.attempts.length <= 32, 'the stored list stays small')
  t.equal(accountDelayMs(4), 0)
})

t.test('a success gives its attempt back; attempts older than the window are forgotten', async (t) => {
  const s = { attempts: [at(0).toISOString(), at(5).toISOString(), at(5).toISOString()] }
  t.same(giveBack(s, at(10), at(5).toISOString()), { attempts: [at(0).toISOString(), at(5).toISOString()] })
  t.equal(giveBack(s, at(10), at(7).toISOString()), null, 'nothing to give back')
  t.same(takeLimited(s, at(WINDOW_MS + 10), 10).next, { attempts: [at(WINDOW_MS + 10).toISOString()] })
  t.same(takeLimited({}, at(1), 10).next, { attempts: [at(1).toISOString()] }, 'a legacy state is empty')
})
