// tracking.case-replied: the reply to the citizen of that tracking code, when an address is known.
import type { TrackingEvents } from '@tingjian/contracts'
import { openField } from '../domain/privacy.ts'
import { pickLocale, render, replyTemplate } from '../domain/templates.ts'
import type { Handler } from './index.ts'

export const onCaseReplied: Handler<typeof TrackingEvents.caseReplied> = async (deps, event, log) => {
  const d = event.data
  const contact = await deps.directory.contact(d.trackingCode)
  if (!contact?.email) {
    // Anonymous letters without an address, hotline cases: no one to e-mail.
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
