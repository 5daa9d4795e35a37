// Delivery semantics shared by every adapter, so that they cannot drift: validate what arrives, call the
// handler with retries and backoff, and describe the dead letter when it gives up.
import { setTimeout as sleepFor } from 'node:timers/promises'
import {
  DELIVERY_DEFAULTS,
  type DeadLetter,
  type EventCatalogue,
  type EventEnvelope,
} from '@tingjian/contracts'
import { backoffDelay } from './backoff.ts'
import {
  type DeadLetterHandler,
  type DeliveryContext,
  type EventHandler,
  isTransient,
  type Logger,
  type RetryPolicy,
} from './port.ts'

/** A logger that drops everything (the default of every adapter). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
}

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

/** Waits `ms`, or less when the signal aborts (then resolves: the caller checks the signal). */
function waitUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return sleepFor(ms, undefined, { signal }).catch(() => {})
}

/** Parses a message into an envelope, or says why it cannot be one. */
function readJson(raw: Raw): { value: unknown } | { error: string } {
  if (raw.value === null) return { error: 'empty message' }
  try {
    return { value: JSON.parse(raw.value.toString()) }
  } catch {
    return { error: 'message is not JSON' }
  }
}

export function parse(raw: Raw, catalogue: EventCatalogue): { event: EventEnvelope } | { error: string } {
  const json = readJson(raw)
  if ('error' in json) return json
  const value = json.value
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

  const result = await withRetries(raw, (ctx) => handler(parsed.event, ctx), opts)
  if (result.kind !== 'failed') return result
  return letter(result.attempts, errorMessage(result.error), errorCode(result.error), parsed.event)
}

/** What became of a dead letter: read, stopped by close, or given up on (it is then skipped). */
export type DeadLetterOutcome =
  | { kind: 'done' }
  | { kind: 'stopped' }
  | { kind: 'gave-up'; attempts: number; reason: string; errorCode: string | null }

/** Parses a message of the dead-letter stream (a structural check: only the adapters write there). */
export function parseDeadLetter(raw: Raw): { letter: DeadLetter } | { error: string } {
  const json = readJson(raw)
  if ('error' in json) return json
  const value = json.value
  const v = value as Partial<Record<keyof DeadLetter, unknown>> | null
  const ok =
    typeof v === 'object' &&
    v !== null &&
    typeof v.group === 'string' &&
    typeof v.topic === 'string' &&
    typeof v.partition === 'number' &&
    typeof v.offset === 'string' &&
    typeof v.attempts === 'number' &&
    typeof v.reason === 'string' &&
    typeof v.failedAt === 'string' &&
    (typeof v.errorCode === 'string' || v.errorCode === null) &&
    (typeof v.event === 'object' || v.event === undefined) &&
    (typeof v.raw === 'string' || v.raw === null)
  return ok ? { letter: value as DeadLetter } : { error: 'not a dead letter' }
}

/**
 * Delivers one dead letter to its handler, with the same retries as events. The dead-letter stream is
 * the end of the line: a letter that cannot be parsed or handled is given up on (log it and move on).
 */
export async function deliverDeadLetter(
  raw: Raw,
  handler: DeadLetterHandler,
  opts: DeliverOptions,
): Promise<DeadLetterOutcome> {
  const parsed = parseDeadLetter(raw)
  if ('error' in parsed)
    return { kind: 'gave-up', attempts: 0, reason: parsed.error, errorCode: 'TJ_INVALID_EVENT' }
  const result = await withRetries(raw, (ctx) => handler(parsed.letter, ctx), opts)
  if (result.kind !== 'failed') return result
  return {
    kind: 'gave-up',
    attempts: result.attempts,
    reason: errorMessage(result.error),
    errorCode: errorCode(result.error),
  }
}

/**
 * Calls `attempt` until it succeeds, maxAttempts failures are reached or the signal aborts (between
 * attempts). Transient failures (a server unreachable) are retried without counting.
 */
async function withRetries(
  raw: Raw,
  attempt: (ctx: DeliveryContext) => Promise<void>,
  opts: DeliverOptions,
): Promise<{ kind: 'done' } | { kind: 'stopped' } | { kind: 'failed'; attempts: number; error: unknown }> {
  const sleep = opts.sleep ?? waitUnlessAborted
  const maxAttempts = Math.max(1, opts.retry?.maxAttempts ?? DELIVERY_DEFAULTS.maxAttempts)
  let failures = 0
  for (let n = 1; ; n++) {
    if (opts.signal.aborted) return { kind: 'stopped' }
    const ctx: DeliveryContext = {
      topic: raw.topic,
      partition: raw.partition,
      offset: raw.offset,
      attempt: n,
    }
    try {
      await attempt(ctx)
      return { kind: 'done' }
    } catch (error) {
      if (!isTransient(error)) failures++
      if (failures >= maxAttempts) return { kind: 'failed', attempts: n, error }
      const wait = backoffDelay(n, {
        initialMs: opts.retry?.initialBackoffMs ?? DELIVERY_DEFAULTS.initialBackoffMs,
        maxMs: opts.retry?.maxBackoffMs ?? DELIVERY_DEFAULTS.maxBackoffMs,
      })
      await sleep(wait, opts.signal)
    }
  }
}
