// The receipt to the citizen: sent once both the letter (mailbox) and the opened case (tracking, with the
// category's time limit) are known, whichever arrived last; keyed by the letter's event, so that either
// event delivered again sends nothing twice.
import type { Logger } from '@tingjian/kit'
import { upsert } from '@tingjian/store'
import type { ContactDoc } from '../directory.ts'
import { normaliseAddress, openField } from '../domain/privacy.ts'
import { admitReceipt, beijingDay } from '../domain/receipt-limit.ts'
import { type LetterCategory, pickLocale, receiptTemplate, render } from '../domain/templates.ts'
import type { ConsumerDeps } from './context.ts'

export async function sendReceiptWhenReady(
  deps: ConsumerDeps,
  trackingCode: string,
  contact: ContactDoc,
  log: Logger,
): Promise<void> {
  const { letter, opened, email } = contact
  if (!letter || !opened || !email) return
  const address = openField(deps.cipher, email)
  if (letter.anonymous && !(await admitted(deps, address, letter.eventId, letter.submittedAt))) {
    log.warn(
      { letterId: letter.letterId, limit: deps.anonymousReceiptsPerDay },
      'receipt limit of this address reached today (anonymous letter); no receipt',
    )
    return
  }
  const rendered = render(
    receiptTemplate(
      {
        trackingCode,
        category: letter.category as LetterCategory,
        subject: letter.subject,
        submittedAt: letter.submittedAt,
        timeLimitDays: opened.timeLimitDays,
        webUrl: deps.webUrl,
      },
      pickLocale(contact.locale),
    ),
  )
  await deps.deliveries.deliver(
    { id: letter.eventId, type: 'mailbox.letter-submitted' },
    [
      {
        kind: 'receipt',
        channel: 'email',
        audience: 'citizen',
        userId: null,
        trackingCode,
        message: { to: address, ...rendered },
      },
    ],
    log,
  )
}

/** Counts the letter against its address's receipts of the day; false once the day's limit is used up. */
async function admitted(deps: ConsumerDeps, address: string, eventId: string, at: string): Promise<boolean> {
  const id = `${deps.cipher.hash(normaliseAddress(address))}:${beijingDay(at)}`
  let allowed = false
  const decide = (current: Parameters<typeof admitReceipt>[0]) => {
    const r = admitReceipt(current, eventId, deps.anonymousReceiptsPerDay)
    allowed = r.allowed
    return r.next
  }
  await upsert(
    deps.receiptCounts,
    id,
    () => decide(null),
    (current) => {
      const next = decide({ eventIds: current.eventIds, suppressed: current.suppressed })
      return next.eventIds === current.eventIds && next.suppressed === current.suppressed ? null : next
    },
  )
  return allowed
}
