// mailbox.letter-submitted events as the mailbox makes them, for the catch-up backlog: built with the
// mailbox's own domain code (newLetter, letterSubmittedEvent) from the letter pool, the citizen sealed with
// the run's FIELD_KEYS, kept compact (a few fields each) until they are needed.

import { type EventEnvelope, uuidv7 } from '../../packages/contracts/src/index.ts'
import { accessKeyHash, newAccessKey, newTrackingCode } from '../../packages/kit/src/identifiers.ts'
import type { FieldCipher } from '../../packages/kit/src/index.ts'
import {
  letterSubmittedEvent,
  newLetter,
  type PreparedLetter,
  prepareLetter,
} from '../../services/mailbox/src/domain/letter.ts'
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
  readonly #cipher: FieldCipher

  constructor(pool: LetterPool, count: number, cipher: FieldCipher) {
    this.#pool = pool
    this.#cipher = cipher
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

  /** Events [from, to) as full envelopes (fresh event ids and seals each time; the data is the same). */
  slice(from: number, to: number): EventEnvelope[] {
    return this.#items.slice(from, to).map((c) => {
      const letter = newLetter(
        this.#letter(c.body),
        {
          letterId: c.letterId,
          trackingCode: c.trackingCode,
          accessKeyHash: c.accessKeyHash,
          requestFingerprint: '',
        },
        new Date(c.submittedAt),
        this.#cipher,
      )
      return letterSubmittedEvent(letter)
    })
  }
}
