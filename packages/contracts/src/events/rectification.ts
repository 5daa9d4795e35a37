// The discipline officers' rectification (整改) events. The subject of an order's events is the order id
// (`rord_…`), so one order's events stay in order; an alert's is the alert id (`ralt_…`); an appeal
// decision's is the appeal id (`rapl_…`). No personal data: departments, offices, windows and staff numbers
// are work identifiers; the measures and reasons are staff text.
import Type from 'typebox'
import type { EventCatalogue } from '../catalogue.ts'
import { Id, Timestamp } from './common.ts'
import { ProblemId, ProblemKind, ProblemPlace } from './problems.ts'

export const ORDER_STATUSES = [
  'issued',
  'acknowledged',
  'planned',
  'evidence_submitted',
  'verified',
  'closed',
] as const
export const ORDER_PRIORITIES = ['normal', 'high', 'urgent'] as const
/** The ladder's steps, each taken once per order (a reopened order's deadline starts a new ladder). */
export const ORDER_LADDER_STEPS = ['acknowledgement_overdue', 'reminder', 'supervision', 'warning'] as const
/** At which level of place an alert counts: the most specific one that reached the threshold. */
export const ALERT_LEVELS = ['staff', 'window', 'office', 'department'] as const
/** What a send-back asks for: better evidence of the same plan, or a new plan (the measures did not work). */
export const SEND_BACK_KINDS = ['evidence_insufficient', 'not_effective'] as const
export const APPEAL_DECISIONS = ['upheld', 'rejected'] as const

const OrderRef = {
  orderId: Id,
  /** The order's number as printed (`ZG2026-00017`). */
  number: Type.String({ minLength: 1, maxLength: 32 }),
  ...ProblemPlace,
  /** The cases among the order's problems' sources: tracking puts the order on their timelines. */
  caseIds: Type.Array(Id, { maxItems: 100 }),
  /** The deadline in force (after a warning, the new one). */
  dueAt: Timestamp,
  /** The order's version after this change. */
  orderVersion: Type.Integer({ minimum: 1 }),
  actorId: Type.Union([Id, Type.Null()]),
  at: Timestamp,
}

export function defineRectificationEvents(c: EventCatalogue) {
  return {
    alertRaised: c.define({
      type: 'rectification.alert-raised',
      version: 1,
      source: 'rectification',
      description:
        'A trend alert: one department, office, window or staff number gathered N or more problems (not yet in another alert) within the rolling window.',
      data: Type.Object({
        alertId: Id,
        level: Type.Enum(ALERT_LEVELS),
        ...ProblemPlace,
        problemIds: Type.Array(ProblemId, { minItems: 1, maxItems: 500 }),
        threshold: Type.Integer({ minimum: 1 }),
        windowDays: Type.Integer({ minimum: 1 }),
        at: Timestamp,
      }),
    }),
    orderIssued: c.define({
      type: 'rectification.order-issued',
      version: 1,
      source: 'rectification',
      description:
        "A discipline officer issued a rectification order to a department: its problems, the measures required, the deadline, the lead's acknowledgement deadline.",
      data: Type.Object({
        ...OrderRef,
        problemIds: Type.Array(ProblemId, { minItems: 1, maxItems: 100 }),
        problemKinds: Type.Array(ProblemKind, { maxItems: 100 }),
        title: Type.String({ minLength: 1, maxLength: 200 }),
        measuresRequired: Type.String({ minLength: 1, maxLength: 4000 }),
        priority: Type.Enum(ORDER_PRIORITIES),
        acknowledgeBy: Timestamp,
        alertId: Type.Union([Id, Type.Null()]),
      }),
    }),
    orderAcknowledged: c.define({
      type: 'rectification.order-acknowledged',
      version: 1,
      source: 'rectification',
      description: "The responsible department's lead acknowledged the order (签收).",
      data: Type.Object({ ...OrderRef }),
    }),
    orderPlanSubmitted: c.define({
      type: 'rectification.order-plan-submitted',
      version: 1,
      source: 'rectification',
      description: 'The department submitted its plan: the measures, who carries them out, by when.',
      data: Type.Object({
        ...OrderRef,
        /** 1 for the first plan; a send-back as not effective or a reopening asks for the next. */
        round: Type.Integer({ minimum: 1 }),
        plannedBy: Timestamp,
      }),
    }),
    orderEvidenceSubmitted: c.define({
      type: 'rectification.order-evidence-submitted',
      version: 1,
      source: 'rectification',
      description:
        'The department submitted evidence that the measures were carried out (text and attachments).',
      data: Type.Object({
        ...OrderRef,
        round: Type.Integer({ minimum: 1 }),
        attachments: Type.Array(
          Type.Object({
            attachmentId: Id,
            sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
            bytes: Type.Integer({ minimum: 0 }),
            contentType: Type.String({ maxLength: 100 }),
          }),
          { maxItems: 20 },
        ),
      }),
    }),
    orderSentBack: c.define({
      type: 'rectification.order-sent-back',
      version: 1,
      source: 'rectification',
      description:
        'A discipline officer sent the evidence back: insufficient (new evidence of the same plan) or not effective (a new plan).',
      data: Type.Object({
        ...OrderRef,
        kind: Type.Enum(SEND_BACK_KINDS),
        reason: Type.String({ minLength: 1, maxLength: 2000 }),
      }),
    }),
    orderVerified: c.define({
      type: 'rectification.order-verified',
      version: 1,
      source: 'rectification',
      description: 'A discipline officer verified that the rectification is effective.',
      data: Type.Object({ ...OrderRef }),
    }),
    orderClosed: c.define({
      type: 'rectification.order-closed',
      version: 1,
      source: 'rectification',
      description:
        'The order is closed (销号). `onTime`: the verified evidence came by the original deadline. `recheckAt`: when the re-check (回头看) is due, if one is set.',
      data: Type.Object({
        ...OrderRef,
        onTime: Type.Boolean(),
        recheckAt: Type.Union([Timestamp, Type.Null()]),
      }),
    }),
    orderReopened: c.define({
      type: 'rectification.order-reopened',
      version: 1,
      source: 'rectification',
      description:
        'The re-check (回头看) found the problem back: the order is reopened with a new deadline and needs a new plan.',
      data: Type.Object({
        ...OrderRef,
        reason: Type.String({ minLength: 1, maxLength: 2000 }),
      }),
    }),
    orderEscalated: c.define({
      type: 'rectification.order-escalated',
      version: 1,
      source: 'rectification',
      description:
        "A step of the order's ladder, each once: acknowledgement overdue, a reminder before the deadline, supervision (督办) when overdue, a warning (告诫) with a new deadline (`dueAt`) at 5 working days overdue.",
      data: Type.Object({
        ...OrderRef,
        step: Type.Enum(ORDER_LADDER_STEPS),
        /** The deadline the step is about (for a warning, the one that was missed). */
        previousDueAt: Timestamp,
        title: Type.String({ minLength: 1, maxLength: 200 }),
      }),
    }),
    appealDecided: c.define({
      type: 'rectification.appeal-decided',
      version: 1,
      source: 'rectification',
      description:
        "A discipline officer decided a department's appeal (申诉) against a problem: upheld withdraws the problem from every KPI and alert count.",
      data: Type.Object({
        appealId: Id,
        problemId: ProblemId,
        orderId: Type.Union([Id, Type.Null()]),
        departmentId: Id,
        decision: Type.Enum(APPEAL_DECISIONS),
        reason: Type.String({ minLength: 1, maxLength: 2000 }),
        actorId: Id,
        at: Timestamp,
      }),
    }),
  }
}
