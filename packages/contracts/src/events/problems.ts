// The one shape in which a service reports a problem found in a department's work, whatever found it: a
// citizen's dissatisfied rating, a substantiated complaint, a case that reached 通报 (tracking), a callback
// survey's answer (callbacks). Each source publishes `<source>.problem-found` version 1 with this data, and
// rectification takes every one of them in through the same handler: a new source plugs in by publishing
// it, with no change there. No personal data: no names, numbers or free text from a citizen.
import Type from 'typebox'
import { Id, Timestamp, TrackingCode } from './common.ts'

/** What was found. Renaming a member is a new version; adding one is allowed. */
export const PROBLEM_KINDS = [
  /** A citizen (or a callback) rated the answer or the service dissatisfied or very dissatisfied. */
  'dissatisfied',
  /** A complaint or report whose reply found it substantiated (属实) or partly substantiated. */
  'substantiated_complaint',
  /** A case reached public criticism (通报) on the escalation ladder. */
  'overdue_criticism',
  /** A fee charged above the posted schedule. */
  'overcharge',
  /** Staff attitude rated 1 or 2 of 5. */
  'attitude',
  /** The promised turnaround was not kept. */
  'missed_promise',
  'other',
] as const
export const ProblemKind = Type.Enum(PROBLEM_KINDS)

/** What a problem came from: a case, a callback survey, a service record. */
export const PROBLEM_SOURCE_KINDS = ['case', 'survey', 'service_record'] as const

/** Where the problem was: the department always; office, window and staff number where known. */
export const ProblemPlace = {
  departmentId: Id,
  /** The office or service hall (e.g. "城东出入境办证大厅"). */
  office: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]),
  /** The window or counter within the office (e.g. "3号窗口"). */
  window: Type.Union([Type.String({ minLength: 1, maxLength: 50 }), Type.Null()]),
  /** The staff member's number (警号 / 工号): a work identifier, not personal contact data. */
  staffNumber: Type.Union([Type.String({ pattern: '^[0-9A-Za-z-]{1,20}$' }), Type.Null()]),
}

/** A problem's id: stable for one finding, given by its source. */
export const ProblemId = Type.String({ pattern: '^[A-Za-z0-9_:.-]{1,128}$' })

/** The data of every `<source>.problem-found` event (version 1). */
export const ProblemFoundData = Type.Object({
  /**
   * Stable for one finding, from the source (`case_…:dissatisfied`, `survey_…:overcharge`): a redelivered or
   * republished event is the same problem.
   */
  problemId: ProblemId,
  kind: ProblemKind,
  /** One line on what was found, in staff words; never a citizen's name, number or own text. */
  summary: Type.String({ minLength: 1, maxLength: 300 }),
  source: Type.Object({
    kind: Type.Enum(PROBLEM_SOURCE_KINDS),
    /** The case id, survey id or service record id. */
    id: Id,
    /** The case's tracking code, when the source is (or concerns) a case. */
    trackingCode: Type.Union([TrackingCode, Type.Null()]),
  }),
  ...ProblemPlace,
  /** Where staff see the evidence: a path in the web app (`/staff/cases/<id>`), never a public link. */
  evidenceUrl: Type.Union([Type.String({ pattern: '^/[^\\s]{0,499}$' }), Type.Null()]),
  /** When the problem happened (the rating, the reply, the survey), which the rolling 30 days count from. */
  occurredAt: Timestamp,
})
