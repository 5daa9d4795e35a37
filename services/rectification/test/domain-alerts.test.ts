// The trend rule alone (no I/O). Expected values from issue 13: the same department, office, window or staff
// number with N or more problems in a rolling 30 days (N default 3) raises an alert; one alert at the most
// specific level; a further problem joins the open alert; a problem is evidence of at most one alert.
import t from 'tap'
import {
  closeTrendAlert,
  DEFAULT_TREND_SETTINGS,
  decideTrend,
  emptyTrend,
  withdrawFromTrend,
} from '../src/domain/alerts.ts'
import { normaliseText, placeKeys } from '../src/domain/places.ts'
import type { TrendDoc, TrendMember } from '../src/problems.ts'

const DAY = 86_400_000
const T0 = Date.parse('2026-03-02T02:00:00.000Z')
const settings = { threshold: 3, windowDays: 30 }

function member(
  id: string,
  dayOffset: number,
  place: Partial<Parameters<typeof placeKeys>[0]> = {},
): TrendMember {
  return {
    problemId: id,
    occurredAt: new Date(T0 + dayOffset * DAY).toISOString(),
    keys: placeKeys({
      departmentId: 'dept-a',
      office: '城东大厅',
      window: '3号窗口',
      staffNumber: null,
      ...place,
    }),
    alertId: null,
  }
}

/** Feeds the problems one by one; returns the last state and every decision. */
function feed(problems: TrendMember[], start: TrendDoc = emptyTrend('dept-a')) {
  let trend = start
  const decisions = problems.map((p) => {
    const { next, decision } = decideTrend(trend, p, settings)
    if (next) trend = next
    return decision
  })
  return { trend, decisions }
}

t.test('the defaults are N = 3 in 30 days', async (t) => {
  t.same(DEFAULT_TREND_SETTINGS, { threshold: 3, windowDays: 30 })
})

t.test('three problems about one window within 30 days raise one window alert with the three', async (t) => {
  const { trend, decisions } = feed([member('p1', 0), member('p2', 10), member('p3', 29)])
  t.same(
    decisions.map((d) => d.kind),
    ['count', 'count', 'raise'],
  )
  const raise = decisions[2]
  if (raise?.kind !== 'raise') throw new Error('expected a raise')
  t.equal(raise.level, 'window')
  t.same([...raise.problemIds].sort(), ['p1', 'p2', 'p3'])
  t.equal(trend.open.length, 1, 'no office or department alert besides')
  t.ok(trend.members.every((m) => m.alertId === raise.alertId))
})

t.test('two problems raise nothing', async (t) => {
  const { trend, decisions } = feed([member('p1', 0), member('p2', 1)])
  t.same(
    decisions.map((d) => d.kind),
    ['count', 'count'],
  )
  t.same(trend.open, [])
})

t.test('the third problem 31 days after the first raises nothing', async (t) => {
  const { trend, decisions } = feed([member('p1', 0), member('p2', 10), member('p3', 31)])
  t.same(
    decisions.map((d) => d.kind),
    ['count', 'count', 'count'],
  )
  t.same(trend.open, [])
})

t.test('a fourth problem joins the open alert; after it is closed, problems count afresh', async (t) => {
  const first = feed([member('p1', 0), member('p2', 1), member('p3', 2), member('p4', 3)])
  const raise = first.decisions[2]
  if (raise?.kind !== 'raise') throw new Error('expected a raise')
  t.same(first.decisions[3], { kind: 'join', alertId: raise.alertId })
  const closed = closeTrendAlert(first.trend, raise.alertId)
  if (!closed) throw new Error('expected a change')
  const after = feed([member('p5', 4), member('p6', 5)], closed)
  t.same(
    after.decisions.map((d) => d.kind),
    ['count', 'count'],
    'p1..p4 are evidence of the closed alert and count no more',
  )
  const third = feed([member('p7', 6)], after.trend)
  t.equal(third.decisions[0]?.kind, 'raise')
})

t.test('the same problem again (a redelivery) changes nothing', async (t) => {
  const { trend } = feed([member('p1', 0), member('p2', 1), member('p3', 2)])
  const again = decideTrend(trend, member('p3', 2), settings)
  t.equal(again.next, null)
  t.equal(again.decision.kind, 'known')
})

t.test('the most specific level wins: three about one staff number in different windows', async (t) => {
  const { decisions } = feed([
    member('p1', 0, { window: '1号窗口', staffNumber: 'A1001' }),
    member('p2', 1, { window: '2号窗口', staffNumber: 'a1001' }),
    member('p3', 2, { window: '3号窗口', staffNumber: 'A1001' }),
  ])
  const raise = decisions[2]
  if (raise?.kind !== 'raise') throw new Error('expected a raise')
  t.equal(raise.level, 'staff')
})

t.test('three in different windows of one office raise an office alert', async (t) => {
  const { decisions } = feed([
    member('p1', 0, { window: '1号窗口' }),
    member('p2', 1, { window: '2号窗口' }),
    member('p3', 2, { window: '3号窗口' }),
  ])
  const raise = decisions[2]
  if (raise?.kind !== 'raise') throw new Error('expected a raise')
  t.equal(raise.level, 'office')
})

t.test('a window written differently is the same window; another department is not', async (t) => {
  t.equal(normaliseText(' ３号  窗口 '), '3号 窗口')
  const same = feed([
    member('p1', 0, { window: '3号窗口' }),
    member('p2', 1, { window: '３号窗口' }),
    member('p3', 2, { window: ' 3号窗口 ' }),
  ])
  t.equal(same.decisions[2]?.kind, 'raise')
  const other = feed([member('q1', 0), member('q2', 1, { departmentId: 'dept-b' }), member('q3', 2)])
  t.same(
    other.decisions.map((d) => d.kind),
    ['count', 'count', 'count'],
  )
})

t.test('a withdrawn problem counts towards no alert', async (t) => {
  const { trend } = feed([member('p1', 0), member('p2', 1)])
  const without = withdrawFromTrend(trend, 'p1')
  if (!without) throw new Error('expected a change')
  const { decisions } = feed([member('p3', 2)], without)
  t.equal(decisions[0]?.kind, 'count')
})

t.test('problems out of order: the late one still completes a window that holds it', async (t) => {
  const { decisions } = feed([member('p3', 20), member('p1', 0), member('p2', 10)])
  const raise = decisions[2]
  if (raise?.kind !== 'raise') throw new Error('expected a raise')
  t.same([...raise.problemIds].sort(), ['p1', 'p2', 'p3'])
})

t.test('alert ids are deterministic: the same problems raise the same id on every replica', async (t) => {
  const a = feed([member('p1', 0), member('p2', 1), member('p3', 2)])
  const b = feed([member('p1', 0), member('p2', 1), member('p3', 2)])
  t.equal(a.trend.open[0]?.alertId, b.trend.open[0]?.alertId)
  t.match(a.trend.open[0]?.alertId, /^ralt_[0-9a-f]{40}$/)
})

t.test("a department-wide alert does not hide a window's own trend", async (t) => {
  const settings = { threshold: 3, windowDays: 30 }
  const dept = 'dept_w'
  const at = (day: number) => new Date(Date.UTC(2026, 2, day, 2)).toISOString()
  const member = (id: string, day: number, window: string | null): TrendMember => ({
    problemId: id,
    occurredAt: at(day),
    alertId: null,
    keys: {
      staff: null,
      window: window === null ? null : `${dept}|office|${window}`,
      office: window === null ? null : `${dept}|office`,
      department: dept,
    },
  })
  let trend = emptyTrend(dept)
  const take = (m: TrendMember) => {
    const { next, decision } = decideTrend(trend, m, settings)
    if (next) trend = next
    return decision
  }
  // three problems elsewhere in the department raise a department alert
  take(member('a', 1, null))
  take(member('b', 2, null))
  const dept3 = take(member('c', 3, null))
  t.match(dept3, { kind: 'raise', level: 'department' })
  // two at window 6 join it while they are too few for a window alert of their own
  t.match(take(member('w1', 4, '6')), { kind: 'join' })
  t.match(take(member('w2', 5, '6')), { kind: 'join' })
  // the third at window 6 raises the window's alert, and takes the two with it
  const third = take(member('w3', 6, '6'))
  t.match(third, { kind: 'raise', level: 'window', problemIds: ['w1', 'w2', 'w3'] })
  const windowAlert = (third as { alertId: string }).alertId
  t.same(
    trend.members.filter((m) => m.alertId === windowAlert).map((m) => m.problemId),
    ['w1', 'w2', 'w3'],
  )
  t.same(
    trend.members.filter((m) => m.alertId === (dept3 as { alertId: string }).alertId).map((m) => m.problemId),
    ['a', 'b', 'c'],
    'the department keeps its own',
  )
})
