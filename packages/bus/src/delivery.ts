// Delivery semantics shared by every adapter, so that they cannot drift: validate what arrives, call the
// handler with retries and backoff, and describe the dead letter when it gives up.
import {
  backoffMs,
  DELIVERY_DEFAULTS,
  type DeadLetter,
  type EventCatalogue,
  type EventEnvelope,
} from '@tingjian/contracts'
import type { DeliveryContext, EventHandler, RetryPolicy } from './port.ts'

export interface Raw {
  topic: string
  partition: number
  offset: string
  value: Buffer | string | null
}

export type Outcome = { kind: 'done' } | { kind: 'dead-letter'; letter: DeadLetter } | { kind: 'stopped' }

export interface DeliverOptions {
  group: string
  retry: RetryPolicy | undefined
  catalogue: EventCatalogue
  /** Aborted when the subscription closes: retries stop and the message is left for redelivery. */
  signal: AbortSignal
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  now?: () => Date
}

function errorCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : null
}

function errorMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 2_000)
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}

/** Parses a message into an envelope, or says why it cannot be one. */
export function parse(raw: Raw, catalogue: EventCatalogue): { event: EventEnvelope } | { error: string } {
  if (raw.value === null) return { error: 'empty message' }
  let value: unknown
  try {
    value = JSON.parse(raw.value.toString())
  } catch {
    return { error: 'message is not JSON' }
  }
  const issues = catalogue.validate(value, { allowUnknown: true })
  if (issues.length > 0) {
    return { error: `invalid event: ${issues.map((i) => `${i.path || '/'} ${i.message}`).join('; ')}` }
  }
  return { event: value as EventEnvelope }
}

/**
 * Delivers one message to a handler. A message that is not a valid event is dead-lettered at once
 * (retrying cannot fix it); a handler error is retried with backoff up to maxAttempts.
 */
export async function deliver(raw: Raw, handler: EventHandler, opts: DeliverOptions): Promise<Outcome> {
  const now = opts.now ?? (() => new Date())
  const sleep = opts.sleep ?? abortableSleep
  const maxAttempts = Math.max(1, opts.retry?.maxAttempts ?? DELIVERY_DEFAULTS.maxAttempts)
  const letter = (
    attempts: number,
    reason: string,
    code: string | null,
    event: EventEnvelope | null,
  ): Outcome => ({
    kind: 'dead-letter',
    letter: {
      group: opts.group,
      topic: raw.topic,
      partition: raw.partition,
      offset: raw.offset,
      attempts,
      reason,
      errorCode: code,
      failedAt: now().toISOString(),
      event,
      raw: event ? null : (raw.value?.toString().slice(0, 100_000) ?? null),
    },
  })

  const parsed = parse(raw, opts.catalogue)
  if ('error' in parsed) return letter(0, parsed.error, 'TJ_INVALID_EVENT', null)

  for (let attempt = 1; ; attempt++) {
    if (opts.signal.aborted) return { kind: 'stopped' }
    const ctx: DeliveryContext = { topic: raw.topic, partition: raw.partition, offset: raw.offset, attempt }
    try {
      await handler(parsed.event, ctx)
      return { kind: 'done' }
    } catch (err) {
      if (attempt >= maxAttempts) return letter(attempt, errorMessage(err), errorCode(err), parsed.event)
      await sleep(
        backoffMs(
          attempt,
          opts.retry?.initialBackoffMs ?? DELIVERY_DEFAULTS.initialBackoffMs,
          opts.retry?.maxBackoffMs ?? DELIVERY_DEFAULTS.maxBackoffMs,
        ),
        opts.signal,
      )
    }
  }
}
