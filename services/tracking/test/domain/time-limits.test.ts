// The reply time limits of the brief (ARCHITECTURE.md): consultation 3 working days; complaint, report,
// suggestion 7; praise needs no reply. Tracking's events carry them, so no other service re-derives them.
import { TrackingEvents } from '@tingjian/contracts'
import t from 'tap'
import { decide } from '../../src/domain/case.ts'
import { calendar, dispatcher, MONDAY, newCase } from '../fixtures.ts'

const LIMITS = { consultation: 3, complaint: 7, report: 7, suggestion: 7, praise: null } as const

t.test('every event of a case carries its time limit; praise has no due date', async (t) => {
  for (const [category, days] of Object.entries(LIMITS) as Array<[keyof typeof LIMITS, number | null]>) {
    const c = newCase({ category })
    const out = decide(c, { type: 'assign', departmentId: 'exit-entry' }, dispatcher, {
      now: MONDAY,
      calendar,
    })
    if (!out.ok) throw new Error(out.refusal.detail)
    const changed = out.events.find((e) => TrackingEvents.caseChanged.is(e))
    const assigned = out.events.find((e) => TrackingEvents.caseAssigned.is(e))
    t.match(changed?.data, { timeLimitDays: days }, `${category}: tracking.case-changed says ${days}`)
    if (days === null) {
      t.equal(out.case.dueAt, null, 'praise: no due date')
      t.match(assigned?.data, { dueAt: null }, 'and the assignment says so')
    } else {
      // from Monday 2 March 2026: 3 working days → end of Thursday 5 March, 7 → Wednesday 11 March (Shanghai)
      const due = days === 3 ? '2026-03-05T15:59:59.999Z' : '2026-03-11T15:59:59.999Z'
      t.equal(out.case.dueAt, due, `${category}: due ${days} working days after acceptance`)
      t.match(assigned?.data, { dueAt: due })
    }
  }
})
