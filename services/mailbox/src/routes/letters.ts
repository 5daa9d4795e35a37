// POST /letters: a citizen's letter is checked, stored with its event (the outbox) and answered with a
// tracking code and a one-time access key.
import { uuidv7 } from '@tingjian/contracts'
import {
  type App,
  accessKeyHash,
  type Clock,
  Errors,
  FieldErrors,
  newAccessKey,
  newTrackingCode,
  Problem,
  sameHash,
  sha256,
} from '@tingjian/kit'
import { type Collection, isConflict } from '@tingjian/store'
import {
  type Letter,
  letterSubmittedEvent,
  newLetter,
  prepareLetter,
  requestFingerprint,
  type Sealer,
} from '../domain/letter.ts'
import { LetterReceipt, SubmitLetter } from '../schemas/letters.ts'

export interface LetterRoutesOptions {
  letters: Collection<Letter>
  clock: Clock
  /** Derives the access key again for an idempotent retry, so that no key is ever stored in clear. */
  secret: Buffer
  /** Encrypts the citizen's contact fields before they are stored or announced. */
  cipher: Sealer
  /** Submissions per minute per client address. */
  rateLimitPerMinute: number
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/
const MAX_CODE_ATTEMPTS = 5

export async function letterRoutes(app: App, opts: LetterRoutesOptions): Promise<void> {
  app.post(
    '/letters',
    {
      config: { access: 'public', rateLimit: { max: opts.rateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        summary: "Submit a letter to the director's mailbox",
        description:
          'Answers with a tracking code and an access key, shown once. An Idempotency-Key header makes a retry return the same answer.',
        headers: {
          type: 'object',
          properties: { 'idempotency-key': { type: 'string', pattern: IDEMPOTENCY_KEY.source } },
        },
        body: SubmitLetter,
        response: { 201: LetterReceipt, 400: Problem, 409: Problem, 422: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const prepared = prepareLetter(request.body)
      if ('errors' in prepared) throw new FieldErrors(prepared.errors)
      const header = request.headers['idempotency-key']
      const keyHash = typeof header === 'string' ? sha256(header) : undefined
      const fingerprint = requestFingerprint(request.body, opts.secret)

      for (let attempt = 1; ; attempt++) {
        const letterId = uuidv7()
        const accessKey = newAccessKey(opts.secret, keyHash ? { keyHash, letterId } : undefined)
        const now = opts.clock.now()
        const letter = newLetter(
          prepared.letter,
          {
            letterId,
            trackingCode: newTrackingCode(),
            accessKeyHash: accessKeyHash(accessKey),
            ...(keyHash ? { idempotencyKeyHash: keyHash } : {}),
            requestFingerprint: fingerprint,
          },
          now,
          opts.cipher,
        )
        const event = letterSubmittedEvent(letter, { correlationId: request.id })
        try {
          await opts.letters.insert(letterId, letter, { events: [event], now })
          request.log.info({ letterId, category: letter.category }, 'letter submitted')
          return reply
            .code(201)
            .send({ letterId, trackingCode: letter.trackingCode, accessKey, submittedAt: letter.submittedAt })
        } catch (err) {
          if (!isConflict(err, 'duplicate')) throw err
          if (keyHash && err.index === 'idempotency_key') {
            return reply
              .code(201)
              .header('idempotent-replayed', 'true')
              .send(await replay(opts, keyHash, fingerprint))
          }
          // a tracking code already in use (about one in 10^15 per pair): draw another
          if (attempt >= MAX_CODE_ATTEMPTS) throw err
        }
      }
    },
  )
}

/** The answer to the first request with this key, or a refusal when the key came with another letter. */
async function replay(
  opts: LetterRoutesOptions,
  keyHash: string,
  fingerprint: string,
): Promise<LetterReceipt> {
  const page = await opts.letters.find({ idempotencyKeyHash: keyHash }, { limit: 1 })
  const existing = page.items[0]
  if (!existing) throw new Errors.Conflict('The same Idempotency-Key is being used by a request in progress')
  if (!sameHash(existing.requestFingerprint, fingerprint)) {
    throw new Errors.UnprocessableContent('This Idempotency-Key was used for a different letter')
  }
  return {
    letterId: existing._id,
    trackingCode: existing.trackingCode,
    accessKey: newAccessKey(opts.secret, { keyHash, letterId: existing._id }),
    submittedAt: existing.submittedAt,
  }
}
