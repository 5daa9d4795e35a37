// Failed-login throttling, per account and per client address: a sliding window of failure times.
// After SLOW_AFTER failures further attempts are delayed (growing, bounded); after LOCK_AFTER they are
// refused until the lock ends. Pure: (state, now) → decision.

export const WINDOW_MS = 15 * 60_000
export const SLOW_AFTER = 5
export const LOCK_AFTER = 10
export const LOCK_MS = 15 * 60_000
export const MAX_DELAY_MS = 2_000
const BASE_DELAY_MS = 250

export interface ThrottleState {
  /** ISO times of the failures still inside the window, oldest first. */
  failures: string[]
  lockedUntil: string | null
}

export const emptyThrottle = (): ThrottleState => ({ failures: [], lockedUntil: null })

export type ThrottleDecision = { kind: 'allow'; delayMs: number } | { kind: 'refuse'; retryAfterS: number }

function recent(state: ThrottleState, now: Date): string[] {
  const since = now.getTime() - WINDOW_MS
  return state.failures.filter((f) => Date.parse(f) > since)
}

export function decide(state: ThrottleState, now: Date): ThrottleDecision {
  const t = now.getTime()
  if (state.lockedUntil && Date.parse(state.lockedUntil) > t) {
    return { kind: 'refuse', retryAfterS: Math.ceil((Date.parse(state.lockedUntil) - t) / 1000) }
  }
  const n = recent(state, now).length
  if (n < SLOW_AFTER) return { kind: 'allow', delayMs: 0 }
  return { kind: 'allow', delayMs: Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (n - SLOW_AFTER)) }
}

/** The worse of several decisions (account and address). */
export function worst(decisions: readonly ThrottleDecision[]): ThrottleDecision {
  let out: ThrottleDecision = { kind: 'allow', delayMs: 0 }
  for (const d of decisions) {
    if (d.kind === 'refuse') {
      if (out.kind !== 'refuse' || d.retryAfterS > out.retryAfterS) out = d
    } else if (out.kind === 'allow' && d.delayMs > out.delayMs) out = d
  }
  return out
}

export function recordFailure(state: ThrottleState, now: Date): ThrottleState {
  const failures = [...recent(state, now), now.toISOString()].slice(-LOCK_AFTER)
  const expired = state.lockedUntil && Date.parse(state.lockedUntil) <= now.getTime()
  const lockedUntil =
    failures.length >= LOCK_AFTER
      ? new Date(now.getTime() + LOCK_MS).toISOString()
      : expired
        ? null
        : state.lockedUntil
  return { failures, lockedUntil }
}
