// Deadlines counted again: what a case's due date and signing deadline were counted from (its basis, read
// from the timeline), whether a due date was counted across a year no calendar table covers (provisional),
// and the recomputation when a year's table arrives. Pure.
import { uncoveredYears } from '@tingjian/calendar'
import { appendEntry, headOf } from '@tingjian/kit'
import { dueLevel } from './escalation.ts'
import {
  type Calendar,
  type CaseState,
  caseChanged,
  DEFAULT_DUE_DAYS,
  type DueDays,
  OPEN_STATUSES,
  type Outcome,
  SIGNING_DAYS,
} from './model.ts'

/**
 * The due date is `addWorkingDays(from, days)` in the case's region: `from` is the acceptance (the first
 * assignment) or the last rework (重办), `days` the category's time limit plus the extensions approved
 * since (each extension counts on from the due date before it, which is the same count).
 */
export interface DueBasis {
  from: string
  days: number
}

/** A rework without a lead department, or a category without a time limit, leaves no due date. */
export function dueBasisOf(c: CaseState, dueDays: DueDays = DEFAULT_DUE_DAYS): DueBasis | null {
  const limit = dueDays[c.category]
  let basis: DueBasis | null = null
  let hasDepartment = false
  for (const e of c.timeline) {
    switch (e.action) {
      case 'assigned':
        hasDepartment = true
        // assigned again after a return: the due date of the acceptance stays
        if (basis === null && limit !== null) basis = { from: c.acceptedAt ?? e.at, days: limit }
        break
      case 'returned':
        hasDepartment = false
        break
      case 'reopened':
        basis = hasDepartment && limit !== null ? { from: e.at, days: limit } : null
        break
      case 'extension_approved': {
        const days = Number(e.note)
        if (!Number.isInteger(days) || days < 1) break
        basis = basis ? { from: basis.from, days: basis.days + days } : { from: e.at, days }
        break
      }
    }
  }
  return basis
}

/** The signing deadline counts one working day from the last assignment (while the case waits for it). */
export function signBasisOf(c: CaseState): string | null {
  if (c.status !== 'assigned') return null
  for (let i = c.timeline.length - 1; i >= 0; i--) {
    const e = c.timeline[i]
    if (e?.action === 'assigned') return e.at
  }
  return null
}

/** Whether the case's due date was counted across a day of a year the calendar does not cover. */
export function dueProvisionalOf(c: CaseState, calendar: Calendar, dueDays?: DueDays): boolean {
  if (!c.dueAt) return false
  const from = dueBasisOf(c, dueDays)?.from ?? c.acceptedAt ?? c.dueAt
  return uncoveredYears(calendar, new Date(from), new Date(c.dueAt)).length > 0
}

/** The table whose arrival makes the deadlines be counted again (for the timeline's reason). */
export interface TableChange {
  year: number
  revision: number
}

/**
 * An open case's deadlines counted again from their basis with the calendar as it now stands. Null when
 * nothing changes (the same table twice, a case the table does not touch, one already recomputed). Each
 * change is a timeline entry naming the table and the old and new dates; the ladder goes back to where the
 * new due date puts it (a step the new date moved into the future is taken again when it comes), unless a
 * supervisor raised the case by hand since its time limit started.
 */
export function recomputeDeadlines(
  c: CaseState,
  calendar: Calendar,
  change: TableChange,
  now: Date,
  dueDays: DueDays = DEFAULT_DUE_DAYS,
): Outcome | null {
  if (!OPEN_STATUSES.includes(c.status)) return null
  const region = c.region ?? undefined
  const basis = dueBasisOf(c, dueDays)
  const dueAt =
    basis && c.dueAt
      ? calendar.addWorkingDays(new Date(basis.from), basis.days, region).toISOString()
      : c.dueAt
  const signFrom = c.signDueAt ? signBasisOf(c) : null
  const signDueAt = signFrom
    ? calendar.addWorkingDays(new Date(signFrom), SIGNING_DAYS, region).toISOString()
    : c.signDueAt
  const moved: CaseState = { ...c, dueAt, signDueAt }
  const provisional = dueProvisionalOf(moved, calendar, dueDays)
  if (dueAt === c.dueAt && signDueAt === c.signDueAt && provisional === (c.dueProvisional ?? false)) {
    return null
  }
  const day = (iso: string | null) => (iso ? calendar.localDate(new Date(iso)) : 'none')
  const parts: string[] = []
  if (dueAt !== c.dueAt) parts.push(`due ${day(c.dueAt)} → ${day(dueAt)}`)
  else if (dueAt) parts.push(`due ${day(dueAt)} stands${provisional ? '' : ', no longer provisional'}`)
  if (signDueAt !== c.signDueAt) parts.push(`signing ${day(c.signDueAt)} → ${day(signDueAt)}`)
  const note = `${change.year} calendar table, revision ${change.revision}: ${parts.join('; ')}`

  const manualSince = basis !== null && c.timeline.some((e) => e.action === 'escalated' && e.at >= basis.from)
  const level = manualSince ? c.escalationLevel : Math.min(c.escalationLevel, dueLevel(moved, now, calendar))
  const timeline = appendEntry(c.timeline, {
    at: now.toISOString(),
    actorId: null,
    actorRole: 'system',
    action: 'due_recomputed',
    note,
    // the citizen sees the due date, so a moved one is explained on the public page too
    public: dueAt !== c.dueAt,
  })
  const next: CaseState = {
    ...moved,
    dueProvisional: provisional,
    escalationLevel: level,
    timeline,
    ...headOf(timeline),
    version: c.version + 1,
  }
  return {
    ok: true,
    case: next,
    events: [caseChanged(next, 'due_recomputed', c.status, null, now, { dueDays })],
  }
}
