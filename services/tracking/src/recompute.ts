// A year's table arrived: the calendar is rebuilt from every stored table, and the open cases whose
// deadlines reach into that year are counted again, page by page (the store's cursor; bounded memory),
// each case written on its own, conditioned on the version read. The year's `recomputedRevision` is
// stored only after every case is done, so a crash midway is resumed (at start, or when the event is
// delivered again); cases already counted with the table change nothing the second time.
import type { Clock, Logger } from '@tingjian/kit'
import { modify } from '@tingjian/store'
import { applyChange, type Cases } from './case-store.ts'
import { recomputeDeadlines } from './domain/deadlines.ts'
import { type DueDays, OPEN_STATUSES } from './domain/model.ts'
import {
  type CalendarYearDoc,
  type CalendarYears,
  calendarYearId,
  type PublishedCalendar,
  storedYears,
} from './working-days.ts'

export interface RecomputeDeps {
  cases: Cases
  years: CalendarYears
  calendar: PublishedCalendar
  clock: Clock
  dueDays: DueDays
  logger: Logger
}

/** Counts with every stored table from now on; returns the stored years. */
export async function reloadCalendar(
  deps: Pick<RecomputeDeps, 'years' | 'calendar'>,
): Promise<CalendarYearDoc[]> {
  const stored = await storedYears(deps.years)
  deps.calendar.use(stored.map((y) => y.table))
  return stored
}

/** Finishes the recomputation of every year whose latest table has not been counted with yet. */
export async function recomputePending(deps: RecomputeDeps): Promise<void> {
  const stored = await reloadCalendar(deps)
  for (const y of stored) {
    if (y.recomputedRevision >= y.revision) continue
    const changed = await recomputeYear(deps, y)
    await markRecomputed(deps.years, y)
    deps.logger.info(
      { year: y.year, revision: y.revision, changed },
      'deadlines recomputed with the year table',
    )
  }
}

/** Every open case whose due date or signing deadline falls on or after the year's first day. */
async function recomputeYear(deps: RecomputeDeps, y: CalendarYearDoc): Promise<number> {
  // a count that ends before the year cannot have crossed one of its days
  const since = deps.calendar.startOfDay(new Date(Date.UTC(y.year, 0, 1, 12))).toISOString()
  const filter = {
    status: { $in: [...OPEN_STATUSES] },
    $or: [{ dueAt: { $gte: since } }, { signDueAt: { $gte: since } }],
  }
  const change = { year: y.year, revision: y.revision }
  let changed = 0
  let cursor: string | null = null
  do {
    // by id: the writes below change the due dates, which must not move cases between pages
    const page = await deps.cases.find(filter, { sort: [['_id', 1]], limit: 200, cursor })
    for (const found of page.items) {
      const now = deps.clock.now()
      const saved = await applyChange(
        deps.cases,
        found._id,
        (c) => recomputeDeadlines(c, deps.calendar, change, now, deps.dueDays),
        now,
      )
      if (saved) {
        changed++
        deps.logger.info({ caseId: found._id, year: y.year, revision: y.revision }, 'due date recomputed')
      }
    }
    cursor = page.nextCursor
  } while (cursor)
  return changed
}

/** Records that the revision was counted with (never lowering a mark a newer revision left). */
async function markRecomputed(years: CalendarYears, y: CalendarYearDoc): Promise<void> {
  await modify(years, calendarYearId(y.year), (current) => {
    if (current.recomputedRevision >= y.revision) return null
    const { createdAt: _c, updatedAt: _u, _id, version: _v, ...doc } = current
    return { ...doc, recomputedRevision: y.revision }
  })
}
