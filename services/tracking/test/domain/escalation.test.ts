import t from 'tap'
import { dueLevel, escalateStep } from '../../src/domain/escalation.ts'
import { ASSIGN, calendar, newCase, run } from '../fixtures.ts'

// A consultation assigned Monday 2 March 2026 is due at the end of Thursday 5 March (Shanghai).
const c = run(newCase({ category: 'consultation' }), [ASSIGN])
const at = (iso: string) => new Date(iso)

t.test('the level a case should be at', async (t) => {
  t.equal(c.dueAt, '2026-03-05T15:59:59.999Z')
  t.equal(dueLevel(c, at('2026-03-03T15:00:00Z'), calendar), 0, 'Tuesday evening: nothing')
  t.equal(dueLevel(c, at('2026-03-03T16:00:00Z'), calendar), 1, 'Wednesday: the working day before')
  t.equal(dueLevel(c, at('2026-03-05T15:59:59Z'), calendar), 1, 'the due day')
  t.equal(dueLevel(c, at('2026-03-05T16:00:00Z'), calendar), 2, 'Friday: overdue one working day')
  t.equal(dueLevel(c, at('2026-03-11T15:00:00Z'), calendar), 2, 'Wednesday 11th: four working days')
  t.equal(dueLevel(c, at('2026-03-11T16:00:00Z'), calendar), 3, 'Thursday 12th: five working days')
  t.equal(dueLevel(newCase(), at('2026-09-01T00:00:00Z'), calendar), 0, 'no due date, no ladder')
  const closed = { ...c, status: 'closed' as const }
  t.equal(dueLevel(closed, at('2026-09-01T00:00:00Z'), calendar), 0, 'closed cases are not escalated')
})

t.test('a weekend after the due day is not a working day overdue', async (t) => {
  // A complaint assigned Monday 2 March is due Wednesday 11 March; a consultation assigned on
  // Tuesday 3 March is due Friday 6 March: Saturday and Sunday stay at the reminder.
  const fri = run(newCase({ category: 'consultation' }), [ASSIGN], at('2026-03-03T02:00:00Z'))
  t.equal(fri.dueAt, '2026-03-06T15:59:59.999Z')
  t.equal(dueLevel(fri, at('2026-03-07T04:00:00Z'), calendar), 1, 'Saturday')
  t.equal(dueLevel(fri, at('2026-03-08T16:00:00Z'), calendar), 2, 'Monday')
})

t.test('one step at a time, each once', async (t) => {
  const late = at('2026-03-20T02:00:00Z')
  const one = escalateStep(c, late, calendar)
  t.equal(one?.case.escalationLevel, 1)
  t.match(one?.events[1]?.data, { kind: 'reminder', level: 1 })
  const two = one && escalateStep(one.case, late, calendar)
  t.match(two?.events[1]?.data, { kind: 'supervision', level: 2 })
  const three = two && escalateStep(two.case, late, calendar)
  t.match(three?.events[1]?.data, { kind: 'criticism', level: 3 })
  t.equal(three && escalateStep(three.case, late, calendar), null)
  t.equal(escalateStep(c, at('2026-03-02T05:00:00Z'), calendar), null)
})
