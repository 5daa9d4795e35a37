// tracking.case-replied: the reply to the citizen of that tracking code, when an address is known: by
// e-mail as before; a hotline caller with a number only (no e-mail) gets an SMS that the reply is there.
// A hotline case's reply may come before the caller's number (another stream): it waits in the contact
// and the SMS goes out when the number arrives (see call-logged.ts).
import type { TrackingEvents } from '@tingjian/contracts'
import { openField } from '../domain/privacy.ts'
import { pickLocale, render, replyTemplate } from '../domain/templates.ts'
import { sendReplySms } from './call-logged.ts'
import type { Handler } from './index.ts'

export const onCaseReplied: Handler<typeof TrackingEvents.caseReplied> = async (deps, event, log) => {
  const d = event.data
  let contact = await deps.directory.contact(d.trackingCode)
  if (!contact?.email && d.channel === 'hotline' && deps.sms.enabled) {
    if (!contact?.phone) {
      contact = await deps.directory.rememberPendingReply(d.trackingCode, {
        eventId: event.id,
        caseId: d.caseId,
      })
    }
    if (contact.phone) {
      await sendReplySms(deps, { eventId: event.id, type: event.type }, d.trackingCode, contact.phone, log)
    } else log.info({ caseId: d.caseId }, 'no caller number yet; the reply SMS waits for it')
    return
  }
  if (!contact?.email) {
    // Anonymous letters without an address, callers without a mobile number: no one to tell.
    log.info({ caseId: d.caseId }, 'no citizen contact for this case; no reply e-mail')
    return
  }
  const rendered = render(
    replyTemplate(
      {
        trackingCode: d.trackingCode,
        subject: d.subject,
        departmentName: d.departmentName ?? (await deps.directory.departmentName(d.departmentId)),
        text: d.text,
        repliedAt: d.repliedAt,
        webUrl: deps.webUrl,
      },
      pickLocale(contact.locale),
    ),
  )
  await deps.deliveries.deliver(
    event,
    [
      {
        kind: 'reply',
        channel: 'email',
        audience: 'citizen',
        userId: null,
        trackingCode: d.trackingCode,
        message: { to: openField(deps.cipher, contact.email), ...rendered },
      },
    ],
    log,
  )
}
