// mailbox.letter-submitted → one case per letter, however often the event is delivered: the case id is
// derived from the letter id, so a redelivery is a duplicate insert and changes nothing. The letter's
// contact fields arrive sealed (version 2; in clear in version 1): they are opened to hash the phone and
// ID number and to mask them, and stored sealed again under the current key.
import type { EventBus, Subscription } from '@tingjian/bus'
import { MailboxEvents } from '@tingjian/contracts'
import type { Clock, Logger } from '@tingjian/kit'
import { isConflict } from '@tingjian/store'
import type { Cases } from '../case-store.ts'
import type { DueDays } from '../domain/case.ts'
import { openFromLetter } from '../domain/intake.ts'
import { type FieldSealer, openCitizen, sealCitizen } from '../domain/privacy.ts'

export interface LetterConsumerDeps {
  bus: EventBus
  cases: Cases
  clock: Clock
  piiKey: string
  sealer: FieldSealer
  dueDays?: DueDays
  logger: Logger
  group: string
}

export async function consumeLetters(deps: LetterConsumerDeps): Promise<Subscription> {
  return deps.bus.subscribe({ group: deps.group, streams: ['mailbox'] }, async (event) => {
    const letter = MailboxEvents.letterSubmitted.is(event)
      ? event.data
      : MailboxEvents.letterSubmittedV1.is(event)
        ? event.data
        : null
    if (!letter) return
    const now = deps.clock.now()
    const citizen = openCitizen(letter.citizen, deps.sealer)
    const opened = openFromLetter({ ...letter, citizen }, deps.piiKey, now, event, deps.dueDays)
    const doc = { ...opened.case, citizen: sealCitizen(opened.case.citizen, deps.sealer) }
    try {
      await deps.cases.insert(doc._id, doc, { events: opened.events, now })
      deps.logger.info({ caseId: doc._id, eventId: event.id }, 'case opened')
    } catch (err) {
      if (isConflict(err, 'duplicate')) {
        deps.logger.debug({ caseId: doc._id, eventId: event.id }, 'letter already has its case')
        return
      }
      throw err
    }
  })
}
