// tracking.problem-found: a case showed a fault in a department's work, for rectification's trend alerts and
// orders (the shared problem shape of @tingjian/contracts). Three findings: the citizen rated the reply
// dissatisfied; a complaint or report was answered as substantiated or partly substantiated; the case reached
// public criticism (通报) on the ladder. Only a case with a lead department has anyone to rectify it. The
// summary is a staff line (category and tracking code), never the citizen's own text. Pure.
import { type EventEnvelope, TrackingEvents } from '@tingjian/contracts'
import type { CaseState, CategoryName, Finding } from './model.ts'

export type CaseProblemKind = 'dissatisfied' | 'substantiated_complaint' | 'overdue_criticism'

const CATEGORY_ZH: Record<CategoryName, string> = {
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  consultation: '咨询',
  praise: '表扬',
}

/** Findings that are a problem: the complaint or report was (partly) borne out. */
export const PROBLEM_FINDINGS: ReadonlySet<Finding> = new Set(['substantiated', 'partly_substantiated'])

/** Whether a reply with this finding, published on this case, is a substantiated complaint. */
export const isSubstantiatedComplaint = (
  c: Pick<CaseState, 'category'>,
  finding: Finding | null | undefined,
): boolean =>
  (c.category === 'complaint' || c.category === 'report') && !!finding && PROBLEM_FINDINGS.has(finding)

/**
 * Stable per finding, so that a republished event is the same problem: the rating, the substantiated reply
 * and the criticism (通报) of one round of handling (`reworkCount` before the rating's rework: 0 for the
 * first reply). A second 通报 after a rework (the ladder starts again with the new due date) is a new problem.
 */
export function problemIdOf(c: Pick<CaseState, '_id' | 'reworkCount'>, kind: CaseProblemKind): string {
  if (kind === 'dissatisfied') return `${c._id}:dissatisfied:${c.reworkCount}`
  if (kind === 'substantiated_complaint') return `${c._id}:substantiated:${c.reworkCount}`
  return `${c._id}:criticism:${c.reworkCount}`
}

function summaryOf(
  c: Pick<CaseState, 'category' | 'trackingCode'>,
  kind: CaseProblemKind,
  finding?: Finding,
) {
  const what = `${CATEGORY_ZH[c.category]} ${c.trackingCode}`
  if (kind === 'dissatisfied') return `群众对答复不满意：${what}`
  if (kind === 'substantiated_complaint') {
    return `${finding === 'partly_substantiated' ? '核查部分属实' : '核查属实'}：${what}`
  }
  return `超期通报：${what}`
}

export interface ProblemContext {
  now: Date
  correlationId?: string
  causationId?: string | null
  /** The finding of a substantiated complaint (its summary says whether fully or partly). */
  finding?: Finding
}

/**
 * The event for a problem the case (as it stood when the problem was found: `reworkCount` not yet raised
 * by a rating's rework) showed; null when the case has no lead department.
 */
export function problemFoundEvent(
  c: CaseState,
  kind: CaseProblemKind,
  ctx: ProblemContext,
): EventEnvelope | null {
  if (!c.departmentId) return null
  const concerns = c.concerns ?? null
  return TrackingEvents.problemFound.create({
    subject: c._id,
    occurredAt: ctx.now,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId,
    data: {
      problemId: problemIdOf(c, kind),
      kind,
      summary: summaryOf(c, kind, ctx.finding),
      source: { kind: 'case', id: c._id, trackingCode: c.trackingCode },
      departmentId: c.departmentId,
      office: concerns?.office ?? null,
      window: concerns?.window ?? null,
      staffNumber: concerns?.staffNumber ?? null,
      evidenceUrl: `/staff/cases/${c._id}`,
      occurredAt: ctx.now.toISOString(),
    },
  })
}
