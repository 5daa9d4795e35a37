// Taking a problem in (from an event or by hand) and keeping the department's trend document and the
// alerts in step with it. The decision is one versioned write of the trend document (domain/alerts.ts);
// what follows it (the alert document with its event, the problems' alertId) is idempotent and done again
// on a redelivery, so a crash between the writes loses nothing.

import type { Logger } from '@tingjian/bus'
import type { EventEnvelope } from '@tingjian/contracts'
import { isConflict, modify, type Stored, StoreNotFoundError, upsert } from '@tingjian/store'
import type { RectificationContext } from '../collections.ts'
import {
  alertRaisedEvent,
  applyAlertCommand,
  closeTrendAlert,
  decideTrend,
  emptyTrend,
  forgetJoin,
  isOpenAlert,
  newAlert,
  type TrendDecision,
  type TrendSettings,
  withdrawFromTrend,
} from '../domain/alerts.ts'
import { trendMemberOf, withAlert, withdrawn, withOrder } from '../domain/problem.ts'
import type { ProblemDoc, TrendDoc } from '../problems.ts'

export type TrendContext = Pick<RectificationContext, 'problems' | 'alerts' | 'trends' | 'clock' | 'settings'>
type Cause = Pick<EventEnvelope, 'id' | 'correlationId'>

export const trendSettings = (ctx: Pick<RectificationContext, 'settings'>): TrendSettings => ({
  threshold: ctx.settings.alertThreshold,
  windowDays: ctx.settings.alertWindowDays,
})

export type Taken = { problem: Stored<ProblemDoc>; created: boolean; decision: TrendDecision | null }

/**
 * Stores the problem under `id` (a stored one wins: the same problem delivered again) and runs the trend
 * rule for it. Safe to call again for the same problem.
 */
export async function takeProblem(
  ctx: TrendContext,
  id: string,
  doc: ProblemDoc,
  log: Logger,
  cause?: Cause,
): Promise<Taken> {
  let problem: Stored<ProblemDoc> | null
  let created = true
  try {
    problem = await ctx.problems.insert(id, doc, { now: ctx.clock.now() })
  } catch (err) {
    if (!isConflict(err, 'duplicate')) throw err
    created = false
    problem = await ctx.problems.get(id)
    if (!problem) throw err
  }
  if (problem.withdrawn) return { problem, created, decision: null }
  const decision = await settleTrend(ctx, problem, log, cause)
  const after = (await ctx.problems.get(id)) ?? problem
  return { problem: after, created, decision }
}

async function settleTrend(
  ctx: TrendContext,
  problem: Stored<ProblemDoc>,
  log: Logger,
  cause: Cause | undefined,
): Promise<TrendDecision> {
  const settings = trendSettings(ctx)
  const member = trendMemberOf(problem._id, problem)
  // a join can meet an alert closed meanwhile: forget it and decide again (each round closes one alert)
  for (let round = 0; ; round++) {
    let decision: TrendDecision = { kind: 'count' }
    const decide = (trend: TrendDoc) => {
      const result = decideTrend(trend, member, settings)
      decision = result.decision
      return result.next
    }
    const trend = await upsert(
      ctx.trends,
      problem.departmentId,
      () => decide(emptyTrend(problem.departmentId)) ?? emptyTrend(problem.departmentId),
      decide,
    )
    const alertId = (decision as TrendDecision).kind === 'count' ? null : alertIdOf(decision)
    if (alertId === null) return decision
    const outcome = await syncAlert(ctx, trend, alertId, problem, settings, cause)
    if (outcome === 'open' || round >= 5) {
      log.info({ problemId: problem._id, alertId, decision: (decision as TrendDecision).kind }, 'trend')
      return decision
    }
    await modify(ctx.trends, problem.departmentId, (t) => forgetJoin(t, problem._id, alertId))
  }
}

const alertIdOf = (d: TrendDecision): string | null => ('alertId' in d ? d.alertId : null)

/**
 * Makes the alert document agree with the trend: created with its event when missing, the trend's members
 * added as evidence, and each of those problems pointing at it. 'closed' when the alert is no longer open
 * (the caller decides the problem again).
 */
async function syncAlert(
  ctx: TrendContext,
  trend: TrendDoc,
  alertId: string,
  problem: Stored<ProblemDoc>,
  settings: TrendSettings,
  cause: Cause | undefined,
): Promise<'open' | 'closed'> {
  const memberIds = trend.members.filter((m) => m.alertId === alertId).map((m) => m.problemId)
  const open = trend.open.find((o) => o.alertId === alertId)
  let alert = await ctx.alerts.get(alertId)
  if (!alert) {
    if (!open) return 'closed'
    const doc = newAlert(
      { kind: 'raise', alertId, level: open.level, key: open.key, problemIds: memberIds },
      problem,
      settings,
      ctx.clock.now(),
    )
    try {
      alert = await ctx.alerts.insert(alertId, doc, {
        events: [alertRaisedEvent(alertId, doc, cause)],
        now: ctx.clock.now(),
      })
    } catch (err) {
      if (!isConflict(err, 'duplicate')) throw err
      alert = await ctx.alerts.get(alertId)
      if (!alert) throw err
    }
  }
  if (!isOpenAlert(alert.status)) {
    // evidence it already holds stays; only a newcomer is turned away
    if (!alert.problemIds.includes(problem._id)) return 'closed'
  } else {
    const missing = memberIds.filter((id) => !alert?.problemIds.includes(id))
    if (missing.length > 0) {
      const updated = await modify(ctx.alerts, alertId, (a) => {
        if (!isOpenAlert(a.status)) return null
        const add = missing.filter((id) => !a.problemIds.includes(id))
        return add.length
          ? { ...a, problemIds: [...a.problemIds, ...add], updatedAt: ctx.clock.now().toISOString() }
          : null
      })
      if (!updated.problemIds.includes(problem._id)) return 'closed'
    }
  }
  for (const id of memberIds) {
    await modifyIfPresent(ctx, id, (p) => withAlert(p, alertId))
  }
  return 'open'
}

async function modifyIfPresent(
  ctx: Pick<RectificationContext, 'problems'>,
  id: string,
  change: (p: ProblemDoc) => ProblemDoc | null,
): Promise<Stored<ProblemDoc> | null> {
  try {
    return await modify(ctx.problems, id, change)
  } catch (err) {
    if (err instanceof StoreNotFoundError) return null
    throw err
  }
}

/** The alert left the open states (dismissed or ordered): later problems about its place count afresh. */
export async function closeAlertInTrend(
  ctx: Pick<RectificationContext, 'trends'>,
  departmentId: string,
  alertId: string,
): Promise<void> {
  try {
    await modify(ctx.trends, departmentId, (t) => closeTrendAlert(t, alertId))
  } catch (err) {
    if (!(err instanceof StoreNotFoundError)) throw err
  }
}

/** An order was issued: its problems point at it, and its alert (if any) is ordered. Idempotent. */
export async function linkOrder(
  ctx: TrendContext,
  order: { orderId: string; problemIds: readonly string[]; alertId: string | null },
  log: Logger,
): Promise<void> {
  for (const id of order.problemIds) {
    const linked = await modifyIfPresent(ctx, id, (p) => withOrder(p, order.orderId))
    if (!linked) log.warn({ orderId: order.orderId, problemId: id }, 'order names an unknown problem')
  }
  if (!order.alertId) return
  const alert = await ctx.alerts.get(order.alertId)
  if (!alert) {
    log.warn({ orderId: order.orderId, alertId: order.alertId }, 'order names an unknown alert')
    return
  }
  let refused = false
  await modify(ctx.alerts, order.alertId, (a) => {
    const result = applyAlertCommand(a, { kind: 'ordered', orderId: order.orderId }, ctx.clock.now())
    refused = !result.ok && result.reason === 'state'
    return result.ok ? result.next : null
  })
  if (refused) log.warn({ orderId: order.orderId, alertId: order.alertId }, 'alert was no longer open')
  await closeAlertInTrend(ctx, alert.departmentId, order.alertId)
}

/** An upheld appeal: the problem is withdrawn and counts towards no alert any more. Idempotent. */
export async function withdrawProblem(
  ctx: TrendContext,
  appeal: { appealId: string; problemId: string; reason: string; at: string },
  log: Logger,
): Promise<void> {
  const problem = await modifyIfPresent(ctx, appeal.problemId, (p) =>
    withdrawn(p, { appealId: appeal.appealId, reason: appeal.reason, at: appeal.at }),
  )
  if (!problem) {
    log.warn({ appealId: appeal.appealId, problemId: appeal.problemId }, 'appeal names an unknown problem')
    return
  }
  try {
    await modify(ctx.trends, problem.departmentId, (t) => withdrawFromTrend(t, appeal.problemId))
  } catch (err) {
    if (!(err instanceof StoreNotFoundError)) throw err
  }
}
