// tracking.case-changed (opened): the case of a letter exists, with its category's time limit; send the
// receipt if the letter is known already. Other actions are for statistics, not for mail.
import type { TrackingEvents } from '@tingjian/contracts'
import type { Handler } from './index.ts'
import { sendReceiptWhenReady } from './receipt.ts'

export const onCaseChanged: Handler<typeof TrackingEvents.caseChanged> = async (deps, event, log) => {
  const d = event.data
  // a hotline case's opened event gives the time limit its SMS names, when it comes first
  if (d.action !== 'opened' || (d.channel !== 'mailbox' && d.channel !== 'hotline')) return
  const contact = await deps.directory.rememberOpened(d.trackingCode, {
    eventId: event.id,
    timeLimitDays: d.timeLimitDays,
  })
  await sendReceiptWhenReady(deps, d.trackingCode, contact, log)
}
