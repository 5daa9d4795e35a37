// A voter's verification code: 6 digits, valid 5 minutes, 5 tries; per number at most one code a minute
// and five an hour. The per-number limits live in the stored document (one per poll and number), so they
// hold across replicas. Pure.
import { type EventEnvelope, PollsEvents } from '@tingjian/contracts'

export const CODE_TTL_MS = 5 * 60_000
export const MAX_TRIES = 5
export const RESEND_AFTER_MS = 60_000
export const SENDS_PER_HOUR = 5
/** How long a confirmed number's voting token lasts. */
export const TOKEN_TTL_MS = 30 * 60_000

/** The `verifications` document, `_id` = `<pollId>.<voter key>`. The code only as a keyed hash. */
export interface Verification {
  pollId: string
  codeHash: string
  expiresAt: string
  tries: number
  usedAt: string | null
  /** When the codes of the last hour were sent (the per-number limit). */
  sentAt: string[]
}

export type CodeRefusal = { refused: 'too_soon' | 'too_many'; retryAt: Date }

/** A new code for this number, or a refusal when the number asked too often. */
export function requestCode(
  current: Verification | null,
  pollId: string,
  codeHash: string,
  now: Date,
): { verification: Verification } | CodeRefusal {
  const t = now.getTime()
  const recent = (current?.sentAt ?? []).filter((s) => Date.parse(s) > t - 3_600_000).sort()
  const last = recent.at(-1)
  if (last && Date.parse(last) + RESEND_AFTER_MS > t)
    return { refused: 'too_soon', retryAt: new Date(Date.parse(last) + RESEND_AFTER_MS) }
  if (recent.length >= SENDS_PER_HOUR)
    return { refused: 'too_many', retryAt: new Date(Date.parse(recent[0] as string) + 3_600_000) }
  return {
    verification: {
      pollId,
      codeHash,
      expiresAt: new Date(t + CODE_TTL_MS).toISOString(),
      tries: 0,
      usedAt: null,
      sentAt: [...recent, now.toISOString()],
    },
  }
}

export type ConfirmOutcome =
  | { ok: true; verification: Verification }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' | 'locked'; verification?: Verification }
  | { ok: false; reason: 'wrong'; triesLeft: number; verification: Verification }

/** Checks a code given (`matches`: its keyed hash equals the stored one); counts the try. */
export function confirmCode(current: Verification | null, matches: boolean, now: Date): ConfirmOutcome {
  if (!current) return { ok: false, reason: 'unknown' }
  if (current.usedAt) return { ok: false, reason: 'used' }
  if (current.tries >= MAX_TRIES) return { ok: false, reason: 'locked' }
  if (Date.parse(current.expiresAt) <= now.getTime()) return { ok: false, reason: 'expired' }
  const tries = current.tries + 1
  if (!matches) {
    const verification = { ...current, tries }
    return tries >= MAX_TRIES
      ? { ok: false, reason: 'locked', verification }
      : { ok: false, reason: 'wrong', triesLeft: MAX_TRIES - tries, verification }
  }
  return { ok: true, verification: { ...current, tries, usedAt: now.toISOString() } }
}

/**
 * `polls.code-requested`: the number and the code sealed (FieldCipher) — the only place the code exists
 * in clear-able form; notifications opens both to send the SMS.
 */
export function codeRequestedEvent(input: {
  requestId: string
  pollId: string
  pollTitle: string
  purpose: 'verification' | 'invitation'
  sealedPhone: string
  sealedCode: string
  expiresAt: string | null
  now: Date
  correlationId?: string
}): EventEnvelope {
  return PollsEvents.codeRequested.create({
    subject: input.pollId,
    occurredAt: input.now,
    ...(input.correlationId ? { correlationId: input.correlationId } : {}),
    data: {
      requestId: input.requestId,
      pollId: input.pollId,
      pollTitle: input.pollTitle,
      purpose: input.purpose,
      phone: input.sealedPhone,
      code: input.sealedCode,
      expiresAt: input.expiresAt,
    },
  })
}
