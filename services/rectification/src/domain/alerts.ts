// The trend rule, pure: N or more problems (default 3) about one staff number, window, office or department
// within a rolling window (default 30 days) raise one alert at the most specific level that reached N; while
// an alert is open, a further problem about its place joins it; a problem is evidence of one alert at a time,
// and moves from a broader place's open alert to a more specific one when that place reaches N itself.
// The state is one document per department (TrendDoc): its recent problems and its open alerts.
import { createHash } from 'node:crypto'
import { RectificationEvents } from '@tingjian/contracts'
import type { AlertDoc, AlertLevel, AlertStatus, TrendDoc, TrendMember } from '../problems.ts'
import { LEVELS, type Place, placeOfLevel } from './places.ts'

export interface TrendSettings {
  /** N: problems at one place within the window that raise an alert. */
  threshold: number
  /** The rolling window in days. */
  windowDays: number
}

export const DEFAULT_TREND_SETTINGS: TrendSettings = { threshold: 3, windowDays: 30 }
/** The event's limit on an alert's evidence; a problem beyond it starts a count of its own. */
export const MAX_ALERT_PROBLEMS = 500
/** Members kept per department at most (the oldest go first). */
const MAX_MEMBERS = 2000
const DAY_MS = 86_400_000

export type TrendDecision =
  /** Seen before (a redelivery): the decision then stands. */
  | { kind: 'known'; alertId: string | null }
  /** Joined the open alert of its place. */
  | { kind: 'join'; alertId: string }
  /** Raised a new alert with these problems (the new one among them) as evidence. */
  | { kind: 'raise'; alertId: string; level: AlertLevel; key: string; problemIds: string[] }
  /** Counted; no alert yet. */
  | { kind: 'count' }

/** A deterministic alert id: the same place key and first problem give the same id on every replica. */
export function alertIdFor(key: string, firstProblemId: string): string {
  return `ralt_${createHash('sha256').update(key).update('\n').update(firstProblemId).digest('hex').slice(0, 40)}`
}

export const emptyTrend = (departmentId: string): TrendDoc => ({ departmentId, members: [], open: [] })

const time = (m: Pick<TrendMember, 'occurredAt'>) => Date.parse(m.occurredAt)
const byTime = (a: TrendMember, b: TrendMember) =>
  time(a) - time(b) || (a.problemId < b.problemId ? -1 : a.problemId > b.problemId ? 1 : 0)

/**
 * The evidence at one level: the problems with the new one's key, in no alert, within `windowDays` days
 * ending at the newest of them. Problems may arrive out of order, so every window that holds the new problem
 * is tried and the most recent one that reaches the threshold wins; null when none does.
 */
export function evidenceAt(
  candidates: readonly TrendMember[],
  problem: TrendMember,
  settings: TrendSettings,
): TrendMember[] | null {
  const span = settings.windowDays * DAY_MS
  const sorted = [...candidates].sort(byTime)
  const at = time(problem)
  const ends = sorted.filter((m) => time(m) >= at && time(m) - span <= at).reverse()
  for (const end of ends) {
    const inWindow = sorted.filter((m) => time(m) <= time(end) && time(m) >= time(end) - span)
    if (inWindow.length >= settings.threshold) return inWindow.slice(-MAX_ALERT_PROBLEMS)
  }
  return null
}

/** Drops members older than two windows before the newest (they can count towards nothing any more). */
function pruned(members: TrendMember[], windowDays: number): TrendMember[] {
  const newest = Math.max(...members.map(time))
  const keep = members.filter((m) => time(m) >= newest - 2 * windowDays * DAY_MS)
  return keep.length > MAX_MEMBERS ? keep.sort(byTime).slice(-MAX_MEMBERS) : keep
}

/**
 * Takes a new problem into the department's trend: the next state (null when it is unchanged) and the
 * decision. `problem.alertId` is ignored: the trend decides it.
 */
export function decideTrend(
  trend: TrendDoc,
  problem: TrendMember,
  settings: TrendSettings,
): { next: TrendDoc | null; decision: TrendDecision } {
  const seen = trend.members.find((m) => m.problemId === problem.problemId)
  if (seen) return { next: null, decision: { kind: 'known', alertId: seen.alertId } }

  // Most specific level first: join the open alert of this place, or raise one here when the problems of
  // this place reach N — counting those in no alert and those in an open alert of a broader place, which
  // move to the more specific alert (a department-wide alert must not hide a window's own trend).
  const openLevel = new Map(trend.open.map((o) => [o.alertId, LEVELS.indexOf(o.level)]))
  for (const [index, level] of LEVELS.entries()) {
    const key = problem.keys[level]
    if (key === null) continue
    const open = trend.open.find((o) => o.key === key)
    if (open) {
      const joined = trend.members.filter((m) => m.alertId === open.alertId).length
      if (joined < MAX_ALERT_PROBLEMS) {
        const member = { ...problem, alertId: open.alertId }
        return {
          next: { ...trend, members: pruned([...trend.members, member], settings.windowDays) },
          decision: { kind: 'join', alertId: open.alertId },
        }
      }
    }
    const countable = (m: TrendMember) =>
      m.alertId === null || (openLevel.get(m.alertId) ?? Number.NEGATIVE_INFINITY) > index
    const candidates = [
      ...trend.members.filter((m) => m.keys[level] === key && countable(m)),
      { ...problem, alertId: null },
    ]
    const evidence = evidenceAt(candidates, problem, settings)
    if (!evidence) continue
    const first = evidence[0] as TrendMember
    const alertId = alertIdFor(key, first.problemId)
    const ids = new Set(evidence.map((m) => m.problemId))
    const members = [...trend.members, { ...problem, alertId: null }].map((m) =>
      ids.has(m.problemId) ? { ...m, alertId } : m,
    )
    return {
      next: {
        ...trend,
        members: pruned(members, settings.windowDays),
        open: [...trend.open, { alertId, level, key }],
      },
      decision: { kind: 'raise', alertId, level, key, problemIds: evidence.map((m) => m.problemId) },
    }
  }

  return {
    next: {
      ...trend,
      members: pruned([...trend.members, { ...problem, alertId: null }], settings.windowDays),
    },
    decision: { kind: 'count' },
  }
}

/** The alert is no longer open (ordered or dismissed): later problems about its place count afresh. */
export function closeTrendAlert(trend: TrendDoc, alertId: string): TrendDoc | null {
  if (!trend.open.some((o) => o.alertId === alertId)) return null
  return { ...trend, open: trend.open.filter((o) => o.alertId !== alertId) }
}

/** A withdrawn problem (appeal upheld) counts towards no alert any more. */
export function withdrawFromTrend(trend: TrendDoc, problemId: string): TrendDoc | null {
  const member = trend.members.find((m) => m.problemId === problemId)
  if (!member || member.alertId !== null) return null
  return { ...trend, members: trend.members.filter((m) => m.problemId !== problemId) }
}

/**
 * Undoes a join whose alert turned out closed (ordered or dismissed between the trend's write and the
 * join): the alert leaves the open list and the problem is decided again.
 */
export function forgetJoin(trend: TrendDoc, problemId: string, alertId: string): TrendDoc | null {
  const member = trend.members.find((m) => m.problemId === problemId)
  if (!member || member.alertId !== alertId) return closeTrendAlert(trend, alertId)
  return {
    ...trend,
    members: trend.members.filter((m) => m.problemId !== problemId),
    open: trend.open.filter((o) => o.alertId !== alertId),
  }
}

/** A new alert document for a raise decision. */
export function newAlert(
  decision: Extract<TrendDecision, { kind: 'raise' }>,
  place: Place,
  settings: TrendSettings,
  now: Date,
): AlertDoc {
  const at = now.toISOString()
  const named = placeOfLevel(place, decision.level)
  return {
    level: decision.level,
    key: decision.key,
    departmentId: named.departmentId,
    office: named.office,
    window: named.window,
    staffNumber: named.staffNumber,
    problemIds: decision.problemIds,
    threshold: settings.threshold,
    windowDays: settings.windowDays,
    status: 'open',
    raisedAt: at,
    updatedAt: at,
    acknowledged: null,
    dismissed: null,
    orderId: null,
  }
}

/** `rectification.alert-raised` for a new alert (saved with it: the outbox). */
export function alertRaisedEvent(
  alertId: string,
  alert: AlertDoc,
  cause?: { id: string; correlationId: string },
) {
  return RectificationEvents.alertRaised.create({
    subject: alertId,
    occurredAt: new Date(alert.raisedAt),
    ...(cause ? { correlationId: cause.correlationId, causationId: cause.id } : {}),
    data: {
      alertId,
      level: alert.level,
      departmentId: alert.departmentId,
      office: alert.office,
      window: alert.window,
      staffNumber: alert.staffNumber,
      problemIds: alert.problemIds,
      threshold: alert.threshold,
      windowDays: alert.windowDays,
      at: alert.raisedAt,
    },
  })
}

/** Whether an alert still takes new evidence and actions. */
export const isOpenAlert = (status: AlertStatus) => status === 'open' || status === 'acknowledged'

export type AlertCommand =
  | { kind: 'acknowledge'; by: string }
  | { kind: 'dismiss'; by: string; reason: string }
  | { kind: 'ordered'; orderId: string }

/** An alert action: the next alert, or why not (`state`: it is not open any more; `ordered`: already this order). */
export function applyAlertCommand(
  alert: AlertDoc,
  command: AlertCommand,
  now: Date,
): { ok: true; next: AlertDoc } | { ok: false; reason: 'state' | 'same' } {
  const at = now.toISOString()
  switch (command.kind) {
    case 'acknowledge':
      if (alert.status !== 'open') return { ok: false, reason: 'state' }
      return {
        ok: true,
        next: { ...alert, status: 'acknowledged', acknowledged: { by: command.by, at }, updatedAt: at },
      }
    case 'dismiss':
      if (!isOpenAlert(alert.status)) return { ok: false, reason: 'state' }
      return {
        ok: true,
        next: {
          ...alert,
          status: 'dismissed',
          dismissed: { by: command.by, at, reason: command.reason },
          updatedAt: at,
        },
      }
    case 'ordered':
      if (alert.status === 'ordered' && alert.orderId === command.orderId)
        return { ok: false, reason: 'same' }
      if (!isOpenAlert(alert.status)) return { ok: false, reason: 'state' }
      return { ok: true, next: { ...alert, status: 'ordered', orderId: command.orderId, updatedAt: at } }
  }
}
