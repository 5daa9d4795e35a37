// mailbox.letter-submitted → one case per letter, however often the event is delivered: the case id is
// derived from the letter id, so a redelivery is a duplicate insert and changes nothing.
import type { EventBus, Subscription } from '@tingjian/bus'
import { MailboxEvents } from '@tingjian/contracts'
import type { Clock, Logger } from '@tingjian/kit'
import { isConflict } from '@tingjian/store'
import type { Cases } from '../case-store.ts'
import { openFromLetter } from '../domain/intake.ts'

export interface LetterConsumerDeps {
  bus: EventBus
  cases: Cases
  clock: Clock
  piiKey: string
  logger: Logger
  group?: string
}

export async function consumeLetters(deps: LetterConsumerDeps): Promise<Subscription> {
  return deps.bus.subscribe({ group: deps.group ?? 'tracking', streams: ['mailbox'] }, async (event) => {
    if (!MailboxEvents.letterSubmitted.is(event)) return
    const now = deps.clock.now()
    const opened = openFromLetter(event.data, deps.piiKey, now, event)
    try {
      await deps.cases.insert(opened.case._id, opened.case, { events: opened.events, now })
      deps.logger.info({ caseId: opened.case._id, eventId: event.id }, 'case opened')
    } catch (err) {
      if (isConflict(err, 'duplicate')) {
        deps.logger.debug({ caseId: opened.case._id, eventId: event.id }, 'letter already has its case')
        return
      }
      throw err
    }
  })
}
