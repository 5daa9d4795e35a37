// Wire definitions shared by every bus adapter: message headers, delivery defaults and the
// dead-letter envelope. Documented in packages/contracts/README.md; change both together.
import Type, { type Static } from 'typebox'
import { EventEnvelope } from './envelope.ts'

/** Message headers. The value is the whole envelope as JSON; headers let tools filter without parsing it. */
export const HEADERS = {
  eventId: 'tj-event-id',
  eventType: 'tj-event-type',
  eventVersion: 'tj-event-version',
  correlationId: 'tj-correlation-id',
  contentType: 'content-type',
  /** On dead letters: the consumer group that gave up. */
  deadLetterGroup: 'tj-dead-letter-group',
} as const

export const CONTENT_TYPE = 'application/vnd.tingjian.event+json; charset=utf-8'

/** Delivery defaults; every adapter and subscriber may override them. */
export const DELIVERY_DEFAULTS = {
  /** Handler attempts before the event goes to the dead-letter stream (first try included). */
  maxAttempts: 5,
  /** Backoff between attempts (`backoffDelay` of @tingjian/bus): initial · 2^(attempt−1), capped, ±20 % jitter. */
  initialBackoffMs: 100,
  maxBackoffMs: 5_000,
  /** Partitions of a topic created by the platform; the unit of consumer parallelism. */
  partitions: 3,
} as const

/**
 * What a consumer group publishes to the dead-letter stream when it gives up on a message.
 * `event` is the envelope when it parsed, else null and `raw` holds the bytes as text.
 */
export const DeadLetter = Type.Object(
  {
    group: Type.String({ description: 'consumer group that gave up' }),
    topic: Type.String(),
    partition: Type.Integer({ minimum: 0 }),
    offset: Type.String({ description: 'position in the source topic (decimal string)' }),
    attempts: Type.Integer({ minimum: 0 }),
    reason: Type.String({
      description: 'the last error message (never personal data: handlers throw coded errors)',
    }),
    errorCode: Type.Union([Type.String(), Type.Null()]),
    failedAt: Type.String({ format: 'date-time' }),
    event: Type.Union([EventEnvelope, Type.Null()]),
    raw: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false, $id: 'DeadLetter' },
)
export type DeadLetter = Static<typeof DeadLetter>
