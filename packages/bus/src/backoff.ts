// The platform's one backoff: every retry loop (delivery, Kafka reconnects, the outbox relay, optimistic
// concurrency, outgoing mail) waits what this function says, so that none drifts from the others.

export interface BackoffOptions {
  /** Wait after the first failure, in ms. */
  initialMs: number
  /** Longest wait, in ms (the doubling stops here). */
  maxMs: number
  /**
   * Spread around the computed wait, as a fraction: 0.2 (the default) waits between 80 % and 120 % of it,
   * so that many clients that failed together do not retry together; 0 waits exactly.
   */
  jitter?: number
  /** Source of randomness for the jitter (tests pass a constant). */
  random?: () => number
}

/** Default spread of the jitter: ±20 %. */
export const DEFAULT_JITTER = 0.2

/**
 * The wait in ms before retrying after failure number `attempt` (1 = the first failure):
 * `min(maxMs, initialMs · 2^(attempt−1))`, then ±jitter, rounded. Never negative; attempts below 1 count as 1.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const { initialMs, maxMs } = options
  const jitter = Math.min(1, Math.max(0, options.jitter ?? DEFAULT_JITTER))
  const random = options.random ?? Math.random
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1
  // cap the exponent: 2^1024 is Infinity, and Infinity * 0 is NaN
  const base = Math.min(maxMs, initialMs * 2 ** Math.min(n - 1, 52))
  return Math.max(0, Math.round(base * (1 - jitter + 2 * jitter * random())))
}
