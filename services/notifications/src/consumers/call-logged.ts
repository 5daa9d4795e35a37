// hotline.call-logged with a case (outcomes case / answered_on_spot): the caller gets the tracking code
// and the access key by SMS, and the number is kept (sealed) with the case's contact, so that the reply
// is announced by SMS too. One SMS per event however often it is delivered (the delivery record of the
// event). A call added to an existing case, referred or not a matter sends nothing.
import type { HotlineEvents } from '@tingjian/contracts'
import type { Logger } from '@tingjian/kit'
import type { ContactDoc } from '../directory.ts'
import { openField } from '../domain/privacy.ts'
import { caseOpenedSms, caseRepliedSms, smsNumber } from '../domain/sms.ts'
import type { ConsumerDeps } from './context.ts'
import type { Handler } from './index.ts'

export const onCallLogged: Handler<typeof HotlineEvents.callLogged> = async (deps, event, log) => {
  const d = event.data
  const k = d.case
  if (!k || d.addTo || (d.outcome !== 'case' && d.outcome !== 'answered_on_spot')) return
  const ids = { callId: d.callId, outcome: d.outcome }
  if (!k.citizen.phone) {
    log.info(ids, 'no caller number with the case (anonymous or withheld); no SMS')
    return
  }
  const number = smsNumber(openField(deps.cipher, k.citizen.phone))
  if (!number) {
    log.info(ids, 'the caller number takes no SMS (a landline); no SMS')
    return
  }
  const contact = await deps.directory.rememberCaller(
    k.trackingCode,
    deps.cipher.encrypt(number),
    k.locale ?? null,
  )
  if (!deps.sms.enabled) {
    log.debug(ids, 'SMS not configured; no SMS')
    return
  }
  const text = caseOpenedSms(
    {
      trackingCode: k.trackingCode,
      accessKey: openField(deps.cipher, k.accessKey),
      timeLimitDays: contact.opened?.timeLimitDays,
      answered: d.outcome === 'answered_on_spot',
    },
    deps.sms,
  )
  await deps.deliveries.deliver(
    event,
    [
      {
        kind: 'receipt',
        channel: 'sms',
        audience: 'citizen',
        userId: null,
        trackingCode: k.trackingCode,
        message: { to: number, subject: '', text },
      },
    ],
    log,
  )
  await sendPendingReply(deps, k.trackingCode, contact, log)
}

/** The reply SMS of a hotline case, keyed by the reply's event: sent once, whichever path gets here. */
export async function sendReplySms(
  deps: ConsumerDeps,
  reply: { eventId: string; type: string },
  trackingCode: string,
  phoneSealed: string,
  log: Logger,
): Promise<void> {
  await deps.deliveries.deliver(
    { id: reply.eventId, type: reply.type },
    [
      {
        kind: 'reply',
        channel: 'sms',
        audience: 'citizen',
        userId: null,
        trackingCode,
        message: {
          to: openField(deps.cipher, phoneSealed),
          subject: '',
          text: caseRepliedSms({ trackingCode }, deps.sms),
        },
      },
    ],
    log,
  )
}

/** A reply that was published before the caller's number arrived. */
async function sendPendingReply(deps: ConsumerDeps, trackingCode: string, contact: ContactDoc, log: Logger) {
  if (!contact.pendingReply || !contact.phone || contact.email) return
  await sendReplySms(
    deps,
    { eventId: contact.pendingReply.eventId, type: 'tracking.case-replied' },
    trackingCode,
    contact.phone,
    log,
  )
}
