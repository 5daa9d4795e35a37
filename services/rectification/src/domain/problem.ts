// A problem as rectification keeps it: from a `<source>.problem-found` event or recorded by hand by a
// discipline officer; its links to an order and its withdrawal on appeal. Pure.
import { SHANGHAI_OFFSET_MINUTES } from '@tingjian/calendar'
import { type EventEnvelope, ProblemFoundData, type Static, uuidv7 } from '@tingjian/contracts'
import { Compile } from 'typebox/compile'
import type { ProblemDoc, ProblemKind, TrendMember } from '../problems.ts'
import { placeKeys } from './places.ts'

export type ProblemFound = Static<typeof ProblemFoundData>

const problemFoundValidator = Compile(ProblemFoundData)
/** Every source names its event `<source>.problem-found`; version 1 carries ProblemFoundData. */
export const PROBLEM_FOUND_SUFFIX = '.problem-found'
export const PROBLEM_FOUND_VERSION = 1

/** Whether the event is some source's problem-found of the version this service reads. */
export const isProblemFound = (event: Pick<EventEnvelope, 'type' | 'version'>) =>
  event.type.endsWith(PROBLEM_FOUND_SUFFIX) && event.version === PROBLEM_FOUND_VERSION

/** The problem-found data's faults (empty when it fits the shared schema). */
export function problemFoundIssues(data: unknown): string[] {
  if (problemFoundValidator.Check(data)) return []
  return problemFoundValidator.Errors(data).map((e) => `${e.instancePath || '/'} ${e.message}`)
}

/** The month of an instant in Asia/Shanghai (`YYYY-MM`). */
export function shanghaiMonth(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  return new Date(ms + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString().slice(0, 7)
}

/** The local date of an instant in Asia/Shanghai (`YYYY-MM-DD`). */
export function shanghaiDate(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  return new Date(ms + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10)
}

/** The problem of a `<source>.problem-found` event (validated by the caller). */
export function problemFromEvent(
  event: Pick<EventEnvelope, 'id' | 'source'>,
  data: ProblemFound,
  receivedAt: Date,
): ProblemDoc {
  const occurredAt = new Date(data.occurredAt).toISOString()
  return {
    kind: data.kind,
    summary: data.summary,
    source: { kind: data.source.kind, id: data.source.id, trackingCode: data.source.trackingCode },
    reportedBy: event.source,
    reportedById: null,
    departmentId: data.departmentId,
    office: data.office,
    window: data.window,
    staffNumber: data.staffNumber,
    keys: placeKeys(data),
    caseId: data.source.kind === 'case' ? data.source.id : null,
    evidenceUrl: data.evidenceUrl,
    occurredAt,
    month: shanghaiMonth(occurredAt),
    receivedAt: receivedAt.toISOString(),
    eventId: event.id,
    alertId: null,
    orderId: null,
    withdrawn: null,
  }
}

export interface ProblemByHand {
  caseId?: string
  trackingCode?: string
  kind: ProblemKind
  summary: string
  departmentId: string
  office?: string | null
  window?: string | null
  staffNumber?: string | null
  occurredAt?: string
}

export const newProblemId = () => `rprb_${uuidv7()}`

/** A problem a discipline officer records from a case (the caller checked that a case is named). */
export function problemByHand(input: ProblemByHand, actorId: string, now: Date): ProblemDoc {
  const caseId = input.caseId ?? null
  const occurredAt = new Date(input.occurredAt ?? now).toISOString()
  const place = {
    departmentId: input.departmentId,
    office: input.office ?? null,
    window: input.window ?? null,
    staffNumber: input.staffNumber ?? null,
  }
  return {
    kind: input.kind,
    summary: input.summary,
    source: {
      kind: 'case',
      id: caseId ?? (input.trackingCode as string),
      trackingCode: input.trackingCode ?? null,
    },
    reportedBy: 'rectification',
    reportedById: actorId,
    ...place,
    keys: placeKeys(place),
    caseId,
    evidenceUrl: caseId ? `/staff/cases/${caseId}` : null,
    occurredAt,
    month: shanghaiMonth(occurredAt),
    receivedAt: now.toISOString(),
    eventId: null,
    alertId: null,
    orderId: null,
    withdrawn: null,
  }
}

/** How the department's trend remembers the problem. */
export const trendMemberOf = (id: string, p: Pick<ProblemDoc, 'occurredAt' | 'keys'>): TrendMember => ({
  problemId: id,
  occurredAt: p.occurredAt,
  keys: p.keys,
  alertId: null,
})

/** Evidence of this alert (null: nothing to change). */
export function withAlert(problem: ProblemDoc, alertId: string): ProblemDoc | null {
  // the trend names each problem's alert (a more specific alert takes it from a broader one)
  return problem.alertId === alertId ? null : { ...problem, alertId }
}

/** Part of this order (null when it already is). */
export function withOrder(problem: ProblemDoc, orderId: string): ProblemDoc | null {
  return problem.orderId === orderId ? null : { ...problem, orderId }
}

/** Withdrawn on an upheld appeal (null when it already is). */
export function withdrawn(
  problem: ProblemDoc,
  appeal: { appealId: string; reason: string; at: string },
): ProblemDoc | null {
  return problem.withdrawn ? null : { ...problem, withdrawn: { ...appeal } }
}
