// Sign-in throttling. Every attempt is taken (counted) BEFORE the password is checked, by one versioned
// write per counter, so that parallel requests cannot all read "no failures yet" and slip past; a success
// gives its attempt back. Three counters, in the manner of mature identity systems:
// - per (account, client address): hard — past PAIR_LIMIT attempts in the window, 429 until the oldest
//   leaves it. Whoever hammers one account from one address locks only themselves out.
// - per client address: hard, with a higher limit — one address trying many accounts.
// - per account, from any address: never a lock (a lock that refuses the right password lets anyone lock
//   anyone out), but a growing delay before the password is checked.
// Pure: (state, now) → the next state and the decision.

export const WINDOW_MS = 15 * 60_000
/** Attempts one address may make on one account within the window. */
export const PAIR_LIMIT = 10
/** Attempts one address may make on all accounts together within the window. */
export const ADDRESS_LIMIT = 30
/** Attempts on one account (from anywhere) before each further one is delayed. */
export const SLOW_AFTER = 5
export const MAX_DELAY_MS = 5_000
const BASE_DELAY_MS = 250
/** An account's counter keeps at most this many attempts (enough to reach the largest delay). */
const ACCOUNT_KEEP = 32

export interface ThrottleState {
  /** ISO times of the attempts still inside the window, oldest first; a success takes its own back. */
  attempts: string[]
}

export const emptyThrottle = (): ThrottleState => ({ attempts: [] })

export type ThrottleDecision = { kind: 'allow'; delayMs: number } | { kind: 'refuse'; retryAfterS: number }

/** The attempts inside the window at `now` (a state stored before this shape counts as empty). */
function recent(state: Partial<ThrottleState>, now: Date): string[] {
  const since = now.getTime() - WINDOW_MS
  return (state.attempts ?? []).filter((a) => Date.parse(a) > since)
}

export interface Take {
  /** What to store: null when nothing changes (a refused attempt is not counted). */
  next: ThrottleState | null
  decision: ThrottleDecision
}

/** A hard counter: the attempt is counted, or refused when `limit` attempts are already in the window. */
export function takeLimited(state: Partial<ThrottleState>, now: Date, limit: number): Take {
  const attempts = recent(state, now)
  if (attempts.length >= limit) {
    // free again when enough of the oldest have left the window
    const freeAt = Date.parse(attempts[attempts.length - limit] as string) + WINDOW_MS
    return {
      next: null,
      decision: { kind: 'refuse', retryAfterS: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) },
    }
  }
  return { next: { attempts: [...attempts, now.toISOString()] }, decision: { kind: 'allow', delayMs: 0 } }
}

/** The delay of an attempt after `before` attempts on the account in the window: 250 ms × 2^(n−5), bounded. */
export function accountDelayMs(before: number): number {
  if (before < SLOW_AFTER) return 0
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (before - SLOW_AFTER))
}

/** The account's counter: always counted, never refused; the more attempts, the longer the wait. */
export function takeAccount(state: Partial<ThrottleState>, now: Date): Take {
  const attempts = recent(state, now)
  return {
    next: { attempts: [...attempts, now.toISOString()].slice(-ACCOUNT_KEEP) },
    decision: { kind: 'allow', delayMs: accountDelayMs(attempts.length) },
  }
}

/** Gives one attempt taken at `at` back (a success); null when there is nothing to give back. */
export function giveBack(state: Partial<ThrottleState>, now: Date, at: string): ThrottleState | null {
  const attempts = recent(state, now)
  const i = attempts.lastIndexOf(at)
  if (i < 0) return null
  return { attempts: [...attempts.slice(0, i), ...attempts.slice(i + 1)] }
}
