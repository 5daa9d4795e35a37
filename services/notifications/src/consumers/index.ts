// The `notifications` consumer group: one handler per event type (a file each), dispatched by type and
// version. Idempotent per event: see deliveries.ts. Other events of these streams are not ours to act on.
import type { DeliveryContext, EventHandler } from '@tingjian/bus'
import {
  type EventDefinition,
  type EventEnvelope,
  HotlineEvents,
  IdentityEvents,
  MailboxEvents,
  PollsEvents,
  RectificationEvents,
  type Static,
  TrackingEvents,
  type TSchema,
} from '@tingjian/contracts'
import type { Logger } from '@tingjian/kit'
import { onAlertRaised } from './alert-raised.ts'
import { onCallLogged } from './call-logged.ts'
import { onCaseAssigned } from './case-assigned.ts'
import { onCaseEscalated } from './case-escalated.ts'
import { onCaseChanged } from './case-opened.ts'
import { onCaseReplied } from './case-replied.ts'
import { onCodeRequested } from './code-requested.ts'
import type { ConsumerDeps } from './context.ts'
import { onDepartmentChanged } from './department-changed.ts'
import { onLetterSubmitted } from './letter-submitted.ts'
import { onOrderEscalated } from './order-escalated.ts'
import { onEvidenceSubmitted } from './order-evidence-submitted.ts'
import { onOrderIssued } from './order-issued.ts'
import { onOrderReopened } from './order-reopened.ts'
import { onOrderSentBack } from './order-sent-back.ts'
import { onUserChanged } from './user-changed.ts'

export type { ConsumerDeps } from './context.ts'

export const CONSUMER_GROUP = 'notifications'
export const STREAMS = ['mailbox', 'hotline', 'polls', 'tracking', 'rectification', 'identity'] as const

/** The handler of one event type: its event narrowed, a logger that names the event. */
export type Handler<D extends EventDefinition> = (
  deps: ConsumerDeps,
  event: EventEnvelope<Static<D['data']>>,
  log: Logger,
) => Promise<void>

interface Route {
  definition: EventDefinition
  handle: Handler<EventDefinition>
}

/** A handler for an event definition; an older version goes to the newer one's handler when its data fits. */
const route = <S extends TSchema>(
  definition: EventDefinition<S>,
  handle: (deps: ConsumerDeps, event: EventEnvelope<Static<NoInfer<S>>>, log: Logger) => Promise<void>,
): Route => ({ definition, handle: handle as Handler<EventDefinition> })

const ROUTES: readonly Route[] = [
  route(MailboxEvents.letterSubmitted, onLetterSubmitted),
  route(MailboxEvents.letterSubmittedV1, onLetterSubmitted),
  route(HotlineEvents.callLogged, onCallLogged),
  route(PollsEvents.codeRequested, onCodeRequested),
  route(TrackingEvents.caseChanged, onCaseChanged),
  route(TrackingEvents.caseAssigned, onCaseAssigned),
  route(TrackingEvents.caseAssignedV1, onCaseAssigned),
  route(TrackingEvents.caseEscalated, onCaseEscalated),
  route(TrackingEvents.caseReplied, onCaseReplied),
  route(RectificationEvents.orderIssued, onOrderIssued),
  route(RectificationEvents.orderEscalated, onOrderEscalated),
  route(RectificationEvents.orderSentBack, onOrderSentBack),
  route(RectificationEvents.orderEvidenceSubmitted, onEvidenceSubmitted),
  route(RectificationEvents.orderReopened, onOrderReopened),
  route(RectificationEvents.alertRaised, onAlertRaised),
  route(IdentityEvents.userChanged, onUserChanged),
  route(IdentityEvents.departmentChanged, onDepartmentChanged),
]

export function notificationsHandler(deps: ConsumerDeps): EventHandler {
  const byType = new Map(ROUTES.map((r) => [`${r.definition.type}@${r.definition.version}`, r]))
  return async (event: EventEnvelope, ctx: DeliveryContext) => {
    const r = byType.get(`${event.type}@${event.version}`)
    if (!r?.definition.is(event)) return
    const log = deps.logger.child({ eventId: event.id, type: event.type, attempt: ctx.attempt })
    await r.handle(deps, event, log)
  }
}
