import t from 'tap'
import {
  decide,
  emptyThrottle,
  LOCK_AFTER,
  MAX_DELAY_MS,
  recordFailure,
  WINDOW_MS,
  worst,
} from '../../src/domain/throttle.ts'

const at = (ms: number) => new Date(Date.UTC(2026, 2, 2) + ms)

t.test('five failures are free, then the delay grows to its bound, then a lock', async (t) => {
  let s = emptyThrottle()
  const delays: number[] = []
  for (let i = 0; i < LOCK_AFTER; i++) {
    const d = decide(s, at(i * 1000))
    t.equal(d.kind, 'allow')
    if (d.kind === 'allow') delays.push(d.delayMs)
    s = recordFailure(s, at(i * 1000))
  }
  t.same(delays.slice(0, 5), [0, 0, 0, 0, 0])
  t.ok(delays.slice(5).every((d, i, a) => d > 0 && d <= MAX_DELAY_MS && (i === 0 || d >= (a[i - 1] ?? 0))))
  const locked = decide(s, at(10_000))
  t.same(locked, { kind: 'refuse', retryAfterS: 15 * 60 - 1 })
  t.equal(decide(s, at(9_000 + 15 * 60_000)).kind, 'allow', 'the lock ends')
})

t.test('failures older than the window are forgotten', async (t) => {
  let s = emptyThrottle()
  for (let i = 0; i < 6; i++) s = recordFailure(s, at(i))
  t.same(decide(s, at(WINDOW_MS + 10)), { kind: 'allow', delayMs: 0 })
  t.equal(recordFailure(s, at(WINDOW_MS + 10)).failures.length, 1)
})

t.test('worst picks a refusal, else the longest delay', async (t) => {
  t.same(
    worst([
      { kind: 'allow', delayMs: 5 },
      { kind: 'allow', delayMs: 9 },
    ]),
    { kind: 'allow', delayMs: 9 },
  )
  t.same(
    worst([
      { kind: 'allow', delayMs: 5 },
      { kind: 'refuse', retryAfterS: 3 },
    ]),
    {
      kind: 'refuse',
      retryAfterS: 3,
    },
  )
  t.same(worst([]), { kind: 'allow', delayMs: 0 })
})
