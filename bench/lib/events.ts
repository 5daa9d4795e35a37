// mailbox.letter-submitted events as the mailbox makes them, for the catch-up backlog: built with the
// mailbox's own domain code from the letter pool, kept compact (a few fields each) until they are needed.
import { type EventEnvelope, MailboxEvents, uuidv7 } from '../../packages/contracts/src/index.ts'
import {
  accessKeyHash,
  newAccessKey,
  newTrackingCode,
} from '../../services/mailbox/src/domain/identifiers.ts'
import { type PreparedLetter, prepareLetter } from '../../services/mailbox/src/domain/letter.ts'
import type { SubmitLetter } from '../../services/mailbox/src/schemas/letters.ts'
import type { LetterPool } from './letters.ts'

interface Compact {
  letterId: string
  trackingCode: string
  accessKeyHash: string
  submittedAt: string
  body: number
}

export class LetterEvents {
  readonly #items: Compact[] = []
  readonly #prepared = new Map<number, PreparedLetter>()
  readonly #pool: LetterPool

  constructor(pool: LetterPool, count: number) {
    this.#pool = pool
    const secret = Buffer.alloc(32, 1)
    const start = Date.now() - count
    for (let i = 0; i < count; i++) {
      const at = start + i
      this.#items.push({
        letterId: uuidv7(at),
        trackingCode: newTrackingCode(),
        accessKeyHash: accessKeyHash(newAccessKey(secret)),
        submittedAt: new Date(at).toISOString(),
        body: i % pool.size,
      })
    }
  }

  get length(): number {
    return this.#items.length
  }

  #letter(body: number): PreparedLetter {
    let prepared = this.#prepared.get(body)
    if (!prepared) {
      const result = prepareLetter(JSON.parse(this.#pool.at(body)) as SubmitLetter)
      if ('errors' in result) throw new Error(`invalid bench letter: ${JSON.stringify(result.errors)}`)
      prepared = result.letter
      this.#prepared.set(body, prepared)
    }
    return prepared
  }

  /** Events [from, to) as full envelopes (fresh event ids each time; the data is the same). */
  slice(from: number, to: number): EventEnvelope[] {
    return this.#items.slice(from, to).map((c) => {
      const l = this.#letter(c.body)
      return MailboxEvents.letterSubmitted.create({
        subject: c.letterId,
        occurredAt: new Date(c.submittedAt),
        data: {
          letterId: c.letterId,
          trackingCode: c.trackingCode,
          accessKeyHash: c.accessKeyHash,
          category: l.category,
          subject: l.subject,
          body: l.body,
          anonymous: l.anonymous,
          citizen: l.citizen,
          consentToPublish: l.consentToPublish,
          locale: l.locale,
          submittedAt: c.submittedAt,
        },
      }) as EventEnvelope
    })
  }
}
