// mailbox.letter-submitted: remember how to reach the citizen (sealed) and what the receipt says; send the
// receipt if tracking has opened the case already.
import type { MailboxEvents } from '@tingjian/contracts'
import type { Handler } from './index.ts'
import { sendReceiptWhenReady } from './receipt.ts'

export const onLetterSubmitted: Handler<typeof MailboxEvents.letterSubmitted> = async (deps, event, log) => {
  const d = event.data
  const email = d.citizen.email?.trim() || null
  const contact = await deps.directory.rememberLetter(d.trackingCode, {
    email: email === null || deps.cipher.isEncrypted(email) ? email : deps.cipher.encrypt(email),
    locale: d.locale ?? null,
    letter: {
      eventId: event.id,
      letterId: d.letterId,
      category: d.category,
      subject: d.subject,
      submittedAt: d.submittedAt,
      anonymous: d.anonymous,
    },
  })
  if (!email) {
    log.info({ letterId: d.letterId }, 'no e-mail address given; no receipt')
    return
  }
  await sendReceiptWhenReady(deps, d.trackingCode, contact, log)
}
