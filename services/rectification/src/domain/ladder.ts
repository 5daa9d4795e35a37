// The order's ladder on the working-day calendar, each step at most once per ladder (a reopening starts a
// new one), and only while the department owes something (an acknowledgement, a plan, evidence):
//   acknowledgement_overdue  the order is still not acknowledged after `acknowledgeBy`;
//   reminder                 from the start of the working day before the due day;
//   supervision (督办)        the deadline in force has passed;
//   warning (告诫)            5 working days after the deadline (17:30): a new deadline of
//                            `warningExtensionDays` working days is set and recorded.
// Pure: `ladderSteps` says which steps are due, `escalate` takes them (one write, with their events).
import { type EventEnvelope, RectificationEvents } from '@tingjian/contracts'
import { appendEntry, headOf } from '@tingjian/kit'
import type { Fields } from '@tingjian/store'
import type { LadderStep, LadderTaken, OrderDoc, OrderStatus } from '../collections.ts'
import { afterWorkingDays, type Calendar } from './deadlines.ts'
import type { Order } from './order.ts'

const OWING: readonly OrderStatus[] = ['issued', 'acknowledged', 'planned']
/** Steps 5 working days after the deadline (the ladder's warning). */
export const WARNING_AFTER_DAYS = 5

type LadderView = Pick<OrderDoc, 'status' | 'acknowledgeBy' | 'dueAt' | 'ladder'>

/** When each step not yet taken becomes due (null for a step that does not apply now). */
function stepTimes(o: LadderView, calendar: Calendar): Array<[LadderStep, Date]> {
  if (!OWING.includes(o.status)) return []
  const taken = new Set(o.ladder.map((s) => s.step))
  const due = new Date(o.dueAt)
  const out: Array<[LadderStep, Date]> = []
  if (o.status === 'issued' && !taken.has('acknowledgement_overdue'))
    out.push(['acknowledgement_overdue', new Date(new Date(o.acknowledgeBy).getTime() + 1)])
  if (!taken.has('reminder')) out.push(['reminder', calendar.startOfDay(calendar.previousWorkingDay(due))])
  if (!taken.has('supervision')) out.push(['supervision', new Date(due.getTime() + 1)])
  if (!taken.has('warning')) out.push(['warning', afterWorkingDays(calendar, due, WARNING_AFTER_DAYS)])
  return out
}

/** When the scheduler must look at the order next (null: nothing owed, or every step taken). */
export function nextLadderAt(o: LadderView, calendar: Calendar): string | null {
  const times = stepTimes(o, calendar).map(([, at]) => at.getTime())
  return times.length ? new Date(Math.min(...times)).toISOString() : null
}

/** The steps due at `now`, in ladder order. */
export function ladderSteps(o: LadderView, now: Date, calendar: Calendar): LadderStep[] {
  return stepTimes(o, calendar)
    .filter(([, at]) => at.getTime() <= now.getTime())
    .map(([step]) => step)
}

/**
 * Takes every step due at `now`, each once: the steps recorded on the order, on its timeline, and as
 * `rectification.order-escalated` events, all in the one write the caller makes. A warning sets the new
 * deadline. Null when nothing is due (the order's next look is still recomputed by the caller's write
 * only when it changed: see `relook`).
 */
export function escalate(
  o: Order,
  now: Date,
  calendar: Calendar,
  warningExtensionDays: number,
): { order: Fields<OrderDoc>; events: EventEnvelope[] } | null {
  const steps = ladderSteps(o, now, calendar)
  if (steps.length === 0) return null
  const { _id, version, createdAt, updatedAt, ...rest } = o
  let timeline = o.timeline
  const ladder: LadderTaken[] = [...o.ladder]
  const at = now.toISOString()
  let dueAt = o.dueAt
  const taken: Array<{ step: LadderStep; previousDueAt: string }> = []
  for (const step of steps) {
    const previousDueAt = dueAt
    let note = `due ${previousDueAt}`
    if (step === 'warning') {
      dueAt = afterWorkingDays(calendar, now, warningExtensionDays).toISOString()
      note = `missed ${previousDueAt}; new deadline ${dueAt}`
    }
    if (step === 'acknowledgement_overdue') note = `acknowledge by ${o.acknowledgeBy}`
    ladder.push({ step, at, dueAt: previousDueAt })
    timeline = appendEntry(timeline, {
      at,
      actorId: null,
      actorRole: 'system',
      action: step,
      note,
      public: false,
    })
    taken.push({ step, previousDueAt })
  }
  const next: Fields<OrderDoc> = { ...rest, dueAt, ladder, timeline, ...headOf(timeline) }
  next.nextLadderAt = nextLadderAt(next, calendar)
  const events = taken.map(({ step, previousDueAt }) =>
    RectificationEvents.orderEscalated.create({
      subject: o._id,
      occurredAt: now,
      data: {
        orderId: o._id,
        number: o.number,
        departmentId: o.departmentId,
        office: o.office,
        window: o.window,
        staffNumber: o.staffNumber,
        caseIds: o.caseIds,
        dueAt,
        orderVersion: version + 1,
        actorId: null,
        at,
        step,
        previousDueAt,
        title: o.title,
      },
    }),
  )
  return { order: next, events }
}

/** The order with its next look recomputed (the calendar may have changed), or null when it is the same. */
export function relook(o: Order, calendar: Calendar): Fields<OrderDoc> | null {
  const next = nextLadderAt(o, calendar)
  if (next === o.nextLadderAt) return null
  const { _id, version, createdAt, updatedAt, ...rest } = o
  return { ...rest, nextLadderAt: next }
}
