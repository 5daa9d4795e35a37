// The callback surveys' events (服务调查电话回访). The subject of every event is the task id (`cbt_…`), so one
// task's events stay in order. No event carries a phone number: the applicant's number stays sealed in the
// callbacks service; what is found travels as answers and as the shared problem shape.
import Type from 'typebox'
import type { EventCatalogue } from '../catalogue.ts'
import { Id, Timestamp, TrackingCode } from './common.ts'
import { ProblemFoundData, ProblemPlace } from './problems.ts'

/** The five levels of satisfaction (非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意). */
export const SATISFACTION_LEVELS = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const
export const SatisfactionLevel = Type.Enum(SATISFACTION_LEVELS)

/** What a callback is about: a case (after its reply) or a service record of a business system. */
export const SURVEY_SUBJECT_KINDS = ['case', 'service_record'] as const
/** Who asked the questions: a callback officer on the phone, or the automated keypad line. */
export const SURVEY_CHANNELS = ['staff', 'automated'] as const

const SurveyRef = {
  taskId: Id,
  subjectKind: Type.Enum(SURVEY_SUBJECT_KINDS),
  /** Subject kind `case`: the case. */
  caseId: Type.Union([Id, Type.Null()]),
  trackingCode: Type.Union([TrackingCode, Type.Null()]),
  /** Subject kind `service_record`: the business system and its record id. */
  serviceRecord: Type.Union([
    Type.Object({
      source: Type.String({ minLength: 1, maxLength: 64 }),
      recordId: Type.String({ minLength: 1, maxLength: 64 }),
    }),
    Type.Null(),
  ]),
  /** passport, id_card, vehicle_licence, household_registration, …; `case` for a case's callback. */
  serviceType: Type.String({ minLength: 1, maxLength: 40 }),
  ...ProblemPlace,
  /** The task was drawn in a sample at this rate (1: every eligible one); the KPIs weight by it. */
  samplingRate: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  attempts: Type.Integer({ minimum: 0 }),
  at: Timestamp,
}

export function defineCallbacksEvents(c: EventCatalogue) {
  return {
    surveyCompleted: c.define({
      type: 'callbacks.survey-completed',
      version: 1,
      source: 'callbacks',
      description:
        "A callback reached the citizen and the survey was answered: fees, the staff's attitude, the promised turnaround, overall satisfaction. Tracking puts it on the case's timeline (a dissatisfied answer reopens the case per policy); no phone number.",
      data: Type.Object({
        ...SurveyRef,
        channel: Type.Enum(SURVEY_CHANNELS),
        officerId: Type.Union([Id, Type.Null()]),
        /** The callbacks policy asks tracking to reopen the case for rework (a dissatisfied answer on a case). Absent: no. */
        reopenCase: Type.Optional(Type.Boolean()),
        answers: Type.Object({
          /** Charged the posted fee? null: not asked or not answered. */
          feeCorrect: Type.Union([Type.Boolean(), Type.Null()]),
          /** What the citizen says they paid, in yuan, when not the posted fee. */
          amountPaid: Type.Union([Type.Number({ minimum: 0, maximum: 1_000_000 }), Type.Null()]),
          /** The fee schedule's amount for the service, in yuan, when known. */
          feeSchedule: Type.Union([Type.Number({ minimum: 0, maximum: 1_000_000 }), Type.Null()]),
          attitude: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]),
          promiseKept: Type.Union([Type.Boolean(), Type.Null()]),
          satisfaction: Type.Union([SatisfactionLevel, Type.Null()]),
          /** Anything else the citizen said, as the officer wrote it (no contact data). */
          comment: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
        }),
      }),
    }),
    surveyUnreachable: c.define({
      type: 'callbacks.survey-unreachable',
      version: 1,
      source: 'callbacks',
      description:
        'A callback could not reach the citizen: three failed attempts on different half-days (or a wrong number, or a refusal). Counted in the callback rate; tracking notes it on the case.',
      data: Type.Object({
        ...SurveyRef,
        reason: Type.Enum(['unreachable', 'wrong_number', 'refused']),
      }),
    }),
    problemFound: c.define({
      type: 'callbacks.problem-found',
      version: 1,
      source: 'callbacks',
      description:
        "A callback survey found a problem in a department's work (an overcharged fee, attitude rated 1–2, a missed promise, dissatisfied). The shared problem shape every source publishes; rectification's trend alerts and orders take it in.",
      data: ProblemFoundData,
    }),
  }
}
