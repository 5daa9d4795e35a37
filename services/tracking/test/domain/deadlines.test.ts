// Deadlines counted again when a year's table arrives (issue 10), without I/O: the basis a due date is
// counted from (acceptance or rework, the time limit, the approved extensions), the provisional flag, and
// where the ladder stands after a move. Expected dates are counted by hand from the facts.
import { calendarFromTables, createCalendar, type PublishedYear } from '@tingjian/calendar'
import t from 'tap'
import { type CaseState, type Command, decide, type StaffActor } from '../../src/domain/case.ts'
import { dueBasisOf, recomputeDeadlines } from '../../src/domain/deadlines.ts'
import { escalateStep } from '../../src/domain/escalation.ts'
import { dispatcher, handler, lead, newCase, supervisor } from '../fixtures.ts'

const before = createCalendar() // built-in 2025 and 2026 only: 2027 counted Monday to Friday
const table: PublishedYear = {
  year: 2027,
  revision: 1,
  source: 'test table of issue 10: 1–3 January 2027 off',
  holidays: [{ name: { zh: '元旦', en: "New Year's Day" }, from: '2027-01-01', to: '2027-01-03' }],
  regions: {},
  publishedAt: '2026-12-31T02:00:00.000Z',
  publishedBy: 'u-admin',
}
const after = calendarFromTables([table])
const change = { year: 2027, revision: 1 }
const at10am = (day: string) => new Date(`${day}T02:00:00.000Z`) // Shanghai
const endOf = (day: string) => `${day}T15:59:59.999Z`

function act(c: CaseState, command: Command, actor: StaffActor, now: Date, calendar = before): CaseState {
  const out = decide(c, command, actor, { now, calendar })
  if (!out.ok) throw new Error(`${command.type} refused: ${out.refusal.detail}`)
  return out.case
}

/** A complaint (7 working days) accepted on Thursday 31 December 2026 at 10:00. */
const accepted = () =>
  act(
    newCase({ category: 'complaint' }),
    { type: 'assign', departmentId: 'exit-entry' },
    dispatcher,
    at10am('2026-12-31'),
  )

t.test(
  'the basis: acceptance, the time limit and the extensions; a return keeps it, a rework restarts it',
  async (t) => {
    const c = accepted()
    t.same(dueBasisOf(c), { from: '2026-12-31T02:00:00.000Z', days: 7 })
    t.equal(c.dueAt, endOf('2027-01-11'), 'Monday to Friday: Fri 1, Mon 4 … Mon 11 January')
    t.equal(c.dueProvisional, true, 'counted across 2027, which no table covers')

    const returned = act(c, { type: 'return', reason: 'not ours' }, handler, at10am('2027-01-04'))
    const again = act(
      returned,
      { type: 'assign', departmentId: 'exit-entry' },
      dispatcher,
      at10am('2027-01-05'),
    )
    t.same(dueBasisOf(again), dueBasisOf(c), 'assigned again after a return: the acceptance still counts')

    const signed = act(again, { type: 'sign' }, handler, at10am('2027-01-05'))
    const asked = act(
      signed,
      { type: 'extension', days: 2, reason: 'more time' },
      handler,
      at10am('2027-01-05'),
    )
    const extended = act(asked, { type: 'extension/approve' }, lead, at10am('2027-01-05'))
    t.same(dueBasisOf(extended), { from: '2026-12-31T02:00:00.000Z', days: 9 })
    t.equal(extended.dueAt, endOf('2027-01-13'), 'two more working days: Tue 12, Wed 13')

    const moved = recomputeDeadlines(extended, after, change, at10am('2027-01-05'))
    t.ok(moved?.ok)
    // 1–3 January off: Mon 4 … Tue 12 are the seven days, the extension adds Wed 13 and Thu 14
    t.equal(moved?.ok && moved.case.dueAt, endOf('2027-01-14'))
    t.equal(moved?.ok && moved.case.dueProvisional, false)

    const drafted = act(extended, { type: 'reply', text: '答复' }, handler, at10am('2027-01-06'))
    const replied = act(drafted, { type: 'reply/approve' }, lead, at10am('2027-01-06'))
    const reworked = act(
      replied,
      { type: 'reopen', reason: 'not answered' },
      supervisor,
      at10am('2027-01-07'),
    )
    t.same(dueBasisOf(reworked), { from: '2027-01-07T02:00:00.000Z', days: 7 }, 'a rework starts a new count')
  },
)

t.test('the same table again, or a case it does not touch, changes nothing', async (t) => {
  const c = accepted()
  const moved = recomputeDeadlines(c, after, change, at10am('2027-01-04'))
  t.ok(moved?.ok)
  t.equal(
    moved?.ok && recomputeDeadlines(moved.case, after, change, at10am('2027-01-04')),
    null,
    'twice: null',
  )
  const march = act(
    newCase(),
    { type: 'assign', departmentId: 'exit-entry' },
    dispatcher,
    at10am('2026-03-02'),
  )
  t.equal(recomputeDeadlines(march, after, change, at10am('2026-03-02')), null, 'a case due in March 2026')
  const closed = { ...c, status: 'closed' as const }
  t.equal(recomputeDeadlines(closed, after, change, at10am('2027-01-04')), null, 'a closed case')
})

t.test('a reminder the move put into the future is taken back and comes again on the new day', async (t) => {
  const c = accepted()
  const reminded = escalateStep(c, at10am('2027-01-08'), before)
  t.equal(reminded?.case.escalationLevel, 1, 'Friday 8 January: the reminder for Monday 11')
  const moved = reminded && recomputeDeadlines(reminded.case, after, change, at10am('2027-01-08'))
  t.ok(moved?.ok)
  const next = moved?.ok ? moved.case : c
  t.equal(next.dueAt, endOf('2027-01-12'))
  t.equal(next.escalationLevel, 0, 'the new due date is Tuesday 12: no reminder yet')
  t.equal(escalateStep(next, at10am('2027-01-08'), after), null, 'nothing more that Friday')
  t.equal(escalateStep(next, at10am('2027-01-11'), after)?.case.escalationLevel, 1, 'Monday 11: the reminder')
})

t.test('praise has no due date; its signing deadline is counted again', async (t) => {
  const praise = act(
    newCase({ category: 'praise' }),
    { type: 'assign', departmentId: 'exit-entry' },
    dispatcher,
    at10am('2026-12-31'),
  )
  t.equal(praise.signDueAt, endOf('2027-01-01'), 'Monday to Friday: Friday 1 January')
  const moved = recomputeDeadlines(praise, after, change, at10am('2026-12-31'))
  t.equal(moved?.ok && moved.case.signDueAt, endOf('2027-01-04'), '1–3 January off: Monday 4 January')
  t.equal(moved?.ok && moved.case.dueAt, null)
  t.equal(
    moved?.ok && moved.case.timeline.at(-1)?.note,
    '2027 calendar table, revision 1: signing 2027-01-01 → 2027-01-04',
  )
})

t.test("a supervisor's escalation by hand is kept", async (t) => {
  const c = act(accepted(), { type: 'escalate', note: 'urgent' }, supervisor, at10am('2027-01-04'))
  const moved = recomputeDeadlines(c, after, change, at10am('2027-01-04'))
  t.equal(moved?.ok && moved.case.escalationLevel, 1)
})
