import Type from 'typebox'
import type { EventCatalogue } from '../catalogue.ts'
import { CaseStatus, Category, Channel, Id, Sealed, Timestamp, TrackingCode } from './common.ts'
import { ProblemFoundData } from './problems.ts'

const CaseRef = {
  caseId: Id,
  trackingCode: TrackingCode,
  channel: Channel,
  /** The intake item (letter, call…) the case came from. */
  originId: Id,
}

export function defineTrackingEvents(c: EventCatalogue) {
  return {
    caseChanged: c.define({
      type: 'tracking.case-changed',
      version: 1,
      source: 'tracking',
      description:
        'Any action on a case (opened, assigned, signed, replied, closed…): the action and the state after it. For statistics and audit; no personal data.',
      data: Type.Object({
        ...CaseRef,
        action: Type.String({ maxLength: 40 }),
        status: CaseStatus,
        previousStatus: Type.Union([CaseStatus, Type.Null()]),
        category: Category,
        departmentId: Type.Union([Id, Type.Null()]),
        assigneeId: Type.Union([Id, Type.Null()]),
        /** The reply is due by then (from acceptance on); null before acceptance and when none is due. */
        dueAt: Type.Union([Timestamp, Type.Null()]),
        /**
         * The category's time limit in working days from acceptance; null: no reply is due (praise). Set on
         * every event, so that a receipt can state it before the case is accepted.
         */
        timeLimitDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
        escalationLevel: Type.Integer({ minimum: 0, maximum: 3 }),
        caseVersion: Type.Integer({ minimum: 1 }),
        actorId: Type.Union([Id, Type.Null()]),
        at: Timestamp,
      }),
    }),
    caseAssigned: c.define({
      type: 'tracking.case-assigned',
      version: 2,
      source: 'tracking',
      description:
        'A case was assigned (派单) to a lead department, perhaps with supporting ones and an assignee. Version 2: `dueAt` is null when no reply is due (praise).',
      data: Type.Object({
        ...CaseRef,
        subject: Type.String({ maxLength: 200 }),
        departmentId: Id,
        supportingDepartmentIds: Type.Array(Id),
        assigneeId: Type.Union([Id, Type.Null()]),
        /** The reply is due by then; null when none is due (praise). */
        dueAt: Type.Union([Timestamp, Type.Null()]),
        at: Timestamp,
      }),
    }),
    /** Version 1 (`dueAt` always set): no longer published; kept so that events already in the log validate. */
    caseAssignedV1: c.define({
      type: 'tracking.case-assigned',
      version: 1,
      source: 'tracking',
      description:
        'A case was assigned (派单) to a lead department, perhaps with supporting ones and an assignee.',
      data: Type.Object({
        ...CaseRef,
        subject: Type.String({ maxLength: 200 }),
        departmentId: Id,
        supportingDepartmentIds: Type.Array(Id),
        assigneeId: Type.Union([Id, Type.Null()]),
        dueAt: Timestamp,
        at: Timestamp,
      }),
    }),
    caseEscalated: c.define({
      type: 'tracking.case-escalated',
      version: 1,
      source: 'tracking',
      description:
        'A step of the escalation ladder: reminder (level 1), supervision 督办 (2), public criticism 通报 (3), or a supervisor escalating by hand.',
      data: Type.Object({
        ...CaseRef,
        subject: Type.String({ maxLength: 200 }),
        level: Type.Integer({ minimum: 1, maximum: 3 }),
        kind: Type.Enum(['reminder', 'supervision', 'criticism', 'manual']),
        departmentId: Type.Union([Id, Type.Null()]),
        assigneeId: Type.Union([Id, Type.Null()]),
        dueAt: Type.Union([Timestamp, Type.Null()]),
        note: Type.Optional(Type.String({ maxLength: 2000 })),
        at: Timestamp,
      }),
    }),
    caseReplied: c.define({
      type: 'tracking.case-replied',
      version: 1,
      source: 'tracking',
      description: 'The reply is published to the citizen (after approval, or answered on the spot).',
      data: Type.Object({
        ...CaseRef,
        subject: Type.String({ maxLength: 200 }),
        departmentId: Type.Union([Id, Type.Null()]),
        departmentName: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
        text: Type.String({ maxLength: 20_000 }),
        repliedAt: Timestamp,
      }),
    }),
    problemFound: c.define({
      type: 'tracking.problem-found',
      version: 1,
      source: 'tracking',
      description:
        "A case showed a problem in a department's work: the citizen rated the reply dissatisfied, a complaint or report was replied to as substantiated (or partly), or the case reached public criticism (通报). For rectification's trend alerts and orders; the data is the shared problem shape every source publishes.",
      data: ProblemFoundData,
    }),
    callbackDue: c.define({
      type: 'tracking.callback-due',
      version: 1,
      source: 'tracking',
      description:
        "A case's reply was published (after approval, or answered on the spot): it may be called back (回访). The callbacks service applies its policy (complaints and reports, a rework after a dissatisfied rating, a sample of the rest). The citizen's number travels sealed; `contactDeclined`: the citizen asked not to be phoned.",
      data: Type.Object({
        ...CaseRef,
        category: Category,
        departmentId: Type.Union([Id, Type.Null()]),
        /** The case's concerns (被投诉对象), when set. */
        office: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
        window: Type.Union([Type.String({ maxLength: 50 }), Type.Null()]),
        staffNumber: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
        phone: Type.Union([Sealed('normalised phone number'), Type.Null()]),
        contactDeclined: Type.Boolean(),
        /** How many times the case was reopened for rework before this reply (0: the first reply). */
        reworkCount: Type.Integer({ minimum: 0 }),
        /** The citizen's rating of the previous reply, when this reply is a rework. */
        previousRating: Type.Union([
          Type.Enum(['satisfied', 'basically_satisfied', 'dissatisfied']),
          Type.Null(),
        ]),
        repliedAt: Timestamp,
      }),
    }),
  }
}
