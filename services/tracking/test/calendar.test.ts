// Year tables published by the calendar service (issue 10): deadlines counted across a year no table
// covered are provisional, and are counted again when the year's table arrives: the due date moves, the
// timeline says why, the ladder follows the new date (once), on both adapters and across restarts; the
// same table delivered twice changes nothing; a recomputation a crash left unfinished is finished at start;
// one warning a day while the service counts on uncovered days.
import type { PublishedYear } from '@tingjian/calendar'
import { CalendarEvents, calendarSubject, type EventEnvelope } from '@tingjian/contracts'
import { type AdapterKind, eventually } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import {
  CALENDAR_YEARS_COLLECTION,
  type CalendarYearDoc,
  calendarYearId,
  storeYearTable,
} from '../src/working-days.ts'
import { type Harness, harness } from './helpers.ts'

// The facts: a letter written on Thursday 31 December 2026, 10:00 in Shanghai, under no 2027
// table; then a 2027 table with 1–3 January off (Friday to Sunday) and no make-up working day.
const DEC_31_10AM = '2026-12-31T02:00:00.000Z'
const at10am = (day: string) => `${day}T02:00:00.000Z` // 10:00 in Shanghai (UTC+8)
const endOf = (day: string) => `${day}T15:59:59.999Z` // 23:59:59.999 in Shanghai

// A complaint: 7 working days from acceptance, counted from the day after.
//   Monday to Friday: Fri 1, Mon 4, Tue 5, Wed 6, Thu 7, Fri 8, Mon 11 January → the end of Mon 11 January
//   (the date the issue reports); signing (1 working day): Fri 1 January.
//   1–3 January off: Mon 4, Tue 5, Wed 6, Thu 7, Fri 8, Mon 11, Tue 12 → the end of Tue 12 January;
//   signing: Mon 4 January.
// The reminder comes on the working day before the due day: Fri 8 January before, Mon 11 January after.
const OLD_DUE = endOf('2027-01-11')
const NEW_DUE = endOf('2027-01-12')
const OLD_SIGN = endOf('2027-01-01')
const NEW_SIGN = endOf('2027-01-04')

/** The test's 2027 table (test data: no 2027 notice is known; never used outside the tests). */
function publishedTable(revision: number): PublishedYear {
  return {
    year: 2027,
    revision,
    source: 'test table of issue 10: 1–3 January 2027 off',
    holidays: [{ name: { zh: '元旦', en: "New Year's Day" }, from: '2027-01-01', to: '2027-01-03' }],
    regions: {},
    publishedAt: DEC_31_10AM,
    publishedBy: 'u-admin',
  }
}

function table2027(revision: number): EventEnvelope {
  const { holidays, ...rest } = publishedTable(revision)
  const data = {
    ...rest,
    holidays: holidays.map((h) => ({ name: h.name, from: h.from, to: h.to })),
    regions: {},
  }
  return CalendarEvents.yearPublished.create({ subject: calendarSubject(2027), data })
}

interface CaseView {
  version: number
  dueAt: string | null
  signDueAt: string | null
  dueProvisional: boolean
  timeline: Array<{ action: string; note: string | null; actorRole: string; public: boolean }>
}

function client(t: Test, h: Harness) {
  const dispatcher = () => ({ authorization: `Bearer ${h.token('dispatcher')}` })
  const view = async (id: string): Promise<CaseView> => {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: dispatcher() })
    t.equal(res.statusCode, 200, 'the staff case view')
    return res.json()
  }
  const open = async (
    category: 'complaint' | 'consultation' | 'praise' = 'complaint',
  ): Promise<CaseView & { id: string }> => {
    const { id } = await h.submit({ category })
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/assign`,
      headers: dispatcher(),
      payload: { version: 1, departmentId: 'exit-entry' },
    })
    t.equal(res.statusCode, 200, 'assigned')
    return { id, ...res.json() }
  }
  const years = h.store.collection<CalendarYearDoc>(CALENDAR_YEARS_COLLECTION)
  /** The marker: the year's table stored and every open case counted again with this revision. */
  const recomputed = (revision: number) =>
    eventually(async () => {
      const y = await years.get(calendarYearId(2027))
      return y?.revision === revision && y.recomputedRevision === revision
    }, 60_000)
  return { view, open, years, recomputed }
}

for (const kind of ['embedded', 'distributed'] as AdapterKind[]) {
  t.test(
    `${kind}: a case of 31 December moves when the 2027 table arrives, and the reminder follows it, once, across restarts`,
    async (t) => {
      const h = await harness(t, kind)
      h.clock.set(DEC_31_10AM)
      const c = client(t, h)

      // Monday 2 November 2026 (covered): a consultation due within 2026 is not provisional and is not
      // touched by the 2027 table
      h.clock.set(at10am('2026-11-02'))
      const covered = await c.open('consultation')
      t.equal(covered.dueAt, endOf('2026-11-05'), 'three working days: Tue 3, Wed 4, Thu 5 November')
      t.equal(covered.dueProvisional, false, 'counted on covered days only')

      h.clock.set(DEC_31_10AM)
      const first = await c.open()
      t.equal(first.dueAt, OLD_DUE, 'no 2027 table: Monday to Friday')
      t.equal(first.signDueAt, OLD_SIGN)
      t.equal(first.dueProvisional, true, 'counted across uncovered days: provisional')

      const escalations = new Map<string, string>()
      const notes = new Set<string>()
      const sub = await h.bus.subscribe({ group: 'observer', streams: ['tracking'] }, async (e) => {
        if (e.subject !== first.id) return
        if (e.type === 'tracking.case-escalated') escalations.set(e.id, (e.data as { kind: string }).kind)
        if (e.type === 'tracking.case-changed' && (e.data as { action: string }).action === 'note')
          notes.add(e.id)
      })
      t.teardown(() => sub.close())

      // the first instance stops; the table is published while no instance runs; the second gets it
      await h.restart(async () => {
        await h.bus.publish(table2027(1))
      })
      await c.recomputed(1)

      const moved = await c.view(first.id)
      t.equal(moved.dueAt, NEW_DUE, 'the due date moved by one working day')
      t.equal(moved.signDueAt, NEW_SIGN, 'the signing deadline moved to Monday 4 January')
      t.equal(moved.dueProvisional, false, 'counted on a published table: no longer provisional')
      const why = moved.timeline.filter((e) => e.action === 'due_recomputed')
      t.equal(why.length, 1, 'one timeline entry')
      t.match(why[0], {
        actorRole: 'system',
        public: true,
        note: '2027 calendar table, revision 1: due 2027-01-11 → 2027-01-12; signing 2027-01-01 → 2027-01-04',
      })
      const untouched = await c.view(covered.id)
      t.equal(untouched.version, covered.version, 'a case due in 2026 is not touched')

      // a third instance counts with the stored table from its start (its calendar is new): praise (no due
      // date, never on the ladder) assigned on 31 December must be signed for by Monday 4 January
      await h.restart()
      const praise = await c.open('praise')
      t.equal(praise.signDueAt, NEW_SIGN, 'after a restart: counted with the stored 2027 table')
      const tick = async (day: string) => {
        h.clock.set(at10am(day))
        return h.scheduler.tick()
      }
      t.equal(await tick('2026-12-31'), 3, '31 December: the November case climbs the ladder; ours does not')
      t.equal(await tick('2027-01-08'), 0, 'Friday 8 January, the old reminder day: nothing')
      t.equal(await tick('2027-01-11'), 1, 'Monday 11 January, the day before the new due day: the reminder')
      t.equal(await tick('2027-01-11'), 0, 'a second tick that day: nothing')
      t.equal(await tick('2027-01-12'), 0, 'the due day: nothing more')
      const after = await c.view(first.id)
      t.same(
        after.timeline
          .filter((e) => ['reminder', 'supervision', 'criticism'].includes(e.action))
          .map((e) => e.action),
        ['reminder'],
        'one ladder step on the timeline',
      )
      // marker: a note after the steps; once its event arrived, every earlier event of the case had
      const note = await h.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${first.id}/notes`,
        headers: { authorization: `Bearer ${h.token('dispatcher')}` },
        payload: { version: after.version, text: 'marker' },
      })
      t.equal(note.statusCode, 200)
      await eventually(async () => notes.size > 0, 60_000)
      t.same([...escalations.values()], ['reminder'], 'one tracking.case-escalated: the reminder')
    },
  )
}

for (const kind of ['embedded', 'distributed'] as AdapterKind[]) {
  t.test(`${kind}: a table published before the service first started reaches it`, async (t) => {
    const h = await harness(t, kind, { beforeStart: (bus) => bus.publish(table2027(1)) })
    const c = client(t, h)
    await c.recomputed(1)
    h.clock.set(DEC_31_10AM)
    const opened = await c.open()
    t.equal(opened.dueAt, NEW_DUE, 'counted with the 2027 table at once')
    t.equal(opened.signDueAt, NEW_SIGN)
    t.equal(opened.dueProvisional, false)
  })
}

t.test('the same table delivered again, and a revision with the same days, change nothing', async (t) => {
  const h = await harness(t)
  h.clock.set(DEC_31_10AM)
  const c = client(t, h)
  const { id } = await c.open()
  const event = table2027(1)
  await h.bus.publish(event)
  await c.recomputed(1)
  const once = await c.view(id)
  t.equal(once.dueAt, NEW_DUE)

  await h.bus.publish(event) // a redelivery: the same envelope, the same id
  await h.bus.publish(table2027(2)) // marker: the next revision, with the same days
  await c.recomputed(2)
  const again = await c.view(id)
  t.equal(again.version, once.version, 'the case was not written again')
  t.equal(again.timeline.length, once.timeline.length, 'no new timeline entry')
  t.equal(again.dueAt, NEW_DUE)

  await h.bus.publish(table2027(1)) // an older revision arriving late
  await h.bus.publish(table2027(3)) // marker
  await c.recomputed(3)
  t.equal((await c.years.get(calendarYearId(2027)))?.revision, 3, 'the highest revision is kept')
  t.equal((await c.view(id)).version, once.version, 'still not written again')
  // what the consumer does with an older revision (the bus gives no marker after one that changes nothing)
  t.equal(
    await storeYearTable(c.years, publishedTable(2), 'late-event'),
    'ignored',
    'an older revision is ignored',
  )
  t.equal(
    await storeYearTable(c.years, publishedTable(3), 'again'),
    'ignored',
    'the same revision is ignored',
  )
  t.equal((await c.years.get(calendarYearId(2027)))?.revision, 3)
})

t.test('a table the calendar package finds fault with is not stored', async (t) => {
  const h = await harness(t)
  h.clock.set(DEC_31_10AM)
  const c = client(t, h)
  const { id } = await c.open()
  const bad = table2027(1)
  // Wednesday 6 January 2027 as a make-up working day: make-up days (调休) are Saturdays or Sundays
  const data = bad.data as { holidays: Array<{ makeUpWorkdays?: string[] }> }
  data.holidays[0] = { ...data.holidays[0], makeUpWorkdays: ['2027-01-06'] }
  await h.bus.publish(bad)
  await h.bus.publish(table2027(2)) // marker
  await c.recomputed(2)
  t.ok(
    h.lines.some(
      (l) => l.includes('calendar year table refused') && l.includes('/holidays/0/makeUpWorkdays/0'),
    ),
    "refused by the calendar package's validator, naming the fault",
  )
  const view = await c.view(id)
  t.equal(view.dueAt, NEW_DUE, 'counted with the sound revision')
  t.equal(view.timeline.filter((e) => e.action === 'due_recomputed').length, 1)
})

t.test('a recomputation a crash left unfinished is finished when the service starts', async (t) => {
  const h = await harness(t)
  h.clock.set(DEC_31_10AM)
  const c = client(t, h)
  const a = await c.open()
  const b = await c.open()
  // what the consumer stores before it counts the cases again: the table, recomputedRevision 0; then the
  // process dies (the event's offset is committed by another replica's later work: nothing redelivers it)
  await h.restart(async () => {
    await storeYearTable(c.years, publishedTable(1), 'crashed-event')
  })
  t.equal((await c.years.get(calendarYearId(2027)))?.recomputedRevision, 1, 'finished at start')
  const movedA = await c.view(a.id)
  const movedB = await c.view(b.id)
  t.equal(movedA.dueAt, NEW_DUE)
  t.equal(movedB.dueAt, NEW_DUE)
  await h.restart()
  t.equal((await c.view(a.id)).version, movedA.version, 'a second start changes nothing')
})

t.test(
  'one warning a day while due dates are counted on uncovered days, without personal data',
  async (t) => {
    const h = await harness(t)
    const c = client(t, h)
    const warnings = () => h.lines.filter((l) => l.includes('no calendar table covers'))
    h.clock.set(DEC_31_10AM)
    t.equal(warnings().length, 0, 'nothing counted yet')
    const first = await c.open()
    t.equal(warnings().length, 1, 'the first count on 2027')
    await c.open()
    t.equal(warnings().length, 1, 'the same day: no second warning')
    h.clock.set(at10am('2027-01-01'))
    await c.open()
    t.equal(warnings().length, 2, 'the next day: one more')
    const line = JSON.parse(warnings()[0] ?? '{}') as Record<string, unknown>
    t.same(line.uncoveredYears, [2027])
    t.notOk(
      warnings().some((l) => l.includes(first.id)),
      'no case named',
    )
    t.notOk(
      warnings().some((l) => l.includes('13812345678') || l.includes('张三')),
      'no personal data',
    )

    await h.bus.publish(table2027(1))
    await c.recomputed(1)
    h.clock.set(at10am('2027-01-04'))
    const later = await c.open()
    t.equal(later.dueProvisional, false)
    t.equal(warnings().length, 2, 'counted on the published table: no warning')
  },
)
