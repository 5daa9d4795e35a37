// The one envelope every event travels in (ARCHITECTURE.md, "Services and events").
import Type, { type Static, type TSchema } from 'typebox'
import { SOURCES, type Source } from './topics.ts'
import { uuidv7 } from './uuid.ts'

export const EventType = Type.String({
  pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$',
  maxLength: 120,
  description: 'dotted name, <source>.<what-happened>, e.g. mailbox.letter-submitted',
})

/** The envelope with its data left open; the catalogue validates `data` per (type, version). */
export const EventEnvelope = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'UUID v7; the idempotency key of every consumer' }),
    type: EventType,
    version: Type.Integer({ minimum: 1, description: 'schema version of data; see VERSIONING in README' }),
    occurredAt: Type.String({ format: 'date-time' }),
    source: Type.Enum(SOURCES, { description: 'the producing service; decides the topic' }),
    subject: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'aggregate id; also the Kafka key, so one aggregate stays in order',
    }),
    correlationId: Type.String({ minLength: 1, maxLength: 200 }),
    causationId: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]),
    data: Type.Unknown(),
  },
  { additionalProperties: false, $id: 'EventEnvelope' },
)

export type EventEnvelope<D = unknown> = Omit<Static<typeof EventEnvelope>, 'data'> & { data: D }

export interface NewEvent<D> {
  type: string
  version: number
  source: Source
  subject: string
  data: D
  /** The request or upstream correlation id; a fresh one is minted when absent. */
  correlationId?: string
  /** The id of the event (or command) that caused this one. */
  causationId?: string | null
  occurredAt?: Date
}

/** Builds an envelope. Pass the clock's `now` where a clock is injected. */
export function createEvent<D>(e: NewEvent<D>): EventEnvelope<D> {
  const id = uuidv7()
  return {
    id,
    type: e.type,
    version: e.version,
    occurredAt: (e.occurredAt ?? new Date()).toISOString(),
    source: e.source,
    subject: e.subject,
    correlationId: e.correlationId ?? id,
    causationId: e.causationId ?? null,
    data: e.data,
  }
}

/** An event caused by another: same correlation, causation pointing at the parent. */
export function causedBy<D>(
  parent: Pick<EventEnvelope, 'id' | 'correlationId'>,
  e: Omit<NewEvent<D>, 'correlationId' | 'causationId'>,
): EventEnvelope<D> {
  return createEvent({ ...e, correlationId: parent.correlationId, causationId: parent.id })
}

export type { Static, TSchema }
