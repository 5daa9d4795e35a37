// How the adapter reads kafkajs errors: what a retry can fix, what needs a new producer, what cannot be fixed.

/** The producer's idempotence state no longer matches the broker's: only a new producer id helps. */
const PRODUCER_STATE_ERRORS = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
  'INVALID_PRODUCER_ID_MAPPING',
  'PRODUCER_FENCED',
])

interface ErrorLike {
  name?: unknown
  type?: unknown
  retriable?: unknown
  cause?: unknown
  message?: unknown
}

function rootCause(err: unknown): ErrorLike {
  let e = (err ?? {}) as ErrorLike
  for (let depth = 0; depth < 10 && e.cause && typeof e.cause === 'object'; depth++) e = e.cause as ErrorLike
  return e
}

export type Remedy = 'retry' | 'new-producer' | 'fail'

/**
 * `retry`: the cluster is unreachable, restarting or electing leaders: try the same batch again.
 * `new-producer`: the idempotent session is broken. `fail`: the broker refused the request itself
 * (too large, not authorised, invalid): retrying gives the same answer.
 */
export function remedyFor(err: unknown): Remedy {
  const cause = rootCause(err)
  if (typeof cause.type === 'string' && PRODUCER_STATE_ERRORS.has(cause.type)) return 'new-producer'
  if (cause.name === 'KafkaJSProtocolError' && cause.retriable === false) return 'fail'
  return 'retry'
}

/** A short description for logs: the error name, the broker's error type and message (never data). */
export function describe(err: unknown): string {
  const cause = rootCause(err)
  const top = (err ?? {}) as ErrorLike
  const type = typeof cause.type === 'string' ? ` ${cause.type}` : ''
  return `${String(top.name ?? 'Error')}${type}: ${String(cause.message ?? top.message ?? err)}`.slice(0, 500)
}

/** publish() gave up: the cluster did not acknowledge the events within publishTimeoutMs. */
export class PublishTimeoutError extends Error {
  readonly code = 'TJ_BUS_PUBLISH_TIMEOUT'
  constructor(timeoutMs: number, cause: unknown) {
    super(`events not acknowledged by Kafka within ${timeoutMs} ms (${describe(cause)})`, { cause })
    this.name = 'PublishTimeoutError'
  }
}
