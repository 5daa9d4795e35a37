// The callback policy: who is called back and at what rate, the calling hours, the automated line's
// share, and the seeded sampling rule that makes every draw predictable. Pure, except `loadPolicy`, which
// reads the stored document (the defaults when none is stored).
import { createHash } from 'node:crypto'
import type { Category } from './answers.ts'

export interface CallingWindow {
  /** `HH:MM`, Asia/Shanghai. */
  from: string
  to: string
}

export interface Policy {
  /** The seed of every sample: `sampled(seed, key, rate)`. */
  seed: string
  cases: {
    /** Rates per case category (complaint and report: 1). */
    categoryRates: Partial<Record<Category, number>>
    /** A rework after the citizen's dissatisfied rating is always called back at this rate (1). */
    dissatisfiedRate: number
    /** Per department id: the rate of the other cases. */
    departmentRates: Record<string, number>
    /** The rate of the other cases of a department without its own (0.2). */
    defaultRate: number
    /** A dissatisfied callback on a case asks tracking to reopen it for rework (true). */
    reopenOnDissatisfied: boolean
  }
  serviceRecords: {
    /** Per stratum `<office>|<serviceType>`. */
    rates: Record<string, number>
    defaultRate: number
  }
  /** Calling windows on working days, Asia/Shanghai. */
  callingHours: CallingWindow[]
  /** Which tasks the automated keypad line calls first (a failure falls back to staff). */
  automated: {
    serviceTypes: string[]
    subjectKinds: Array<'case' | 'service_record'>
  }
}

export const DEFAULT_POLICY: Policy = {
  seed: 'tingjian',
  cases: {
    categoryRates: { complaint: 1, report: 1 },
    dissatisfiedRate: 1,
    departmentRates: {},
    defaultRate: 0.2,
    reopenOnDissatisfied: true,
  },
  serviceRecords: { rates: {}, defaultRate: 0.1 },
  callingHours: [
    { from: '09:00', to: '12:00' },
    { from: '14:00', to: '20:00' },
  ],
  automated: { serviceTypes: [], subjectKinds: [] },
}

export const POLICY_ID = 'policy'

/**
 * The seeded draw: the first 8 hex digits of sha256(`<seed>:<key>`) as an integer over 2^32, below the
 * rate. Rate 1 always draws, 0 never. Keys: `case:<caseId>:<reworkCount>`, `record:<source>:<recordId>`.
 */
export function sampled(seed: string, key: string, rate: number): boolean {
  if (rate >= 1) return true
  if (rate <= 0) return false
  const draw = Number.parseInt(createHash('sha256').update(`${seed}:${key}`).digest('hex').slice(0, 8), 16)
  return draw / 2 ** 32 < rate
}

/** What a replied case gets: its rate and the stratum the rate belongs to. */
export function caseRate(
  policy: Policy,
  c: { category: Category; departmentId: string; previousRating: string | null },
): { rate: number; stratum: string } {
  const byCategory = policy.cases.categoryRates[c.category]
  if (byCategory !== undefined) return { rate: byCategory, stratum: `category:${c.category}` }
  if (c.previousRating === 'dissatisfied')
    return { rate: policy.cases.dissatisfiedRate, stratum: 'rework:dissatisfied' }
  const own = policy.cases.departmentRates[c.departmentId]
  return { rate: own ?? policy.cases.defaultRate, stratum: `department:${c.departmentId}` }
}

/** The stratum of a service record and its rate. */
export function recordRate(
  policy: Policy,
  r: { office: string; serviceType: string },
): { rate: number; stratum: string } {
  const stratum = `${r.office}|${r.serviceType}`
  return { rate: policy.serviceRecords.rates[stratum] ?? policy.serviceRecords.defaultRate, stratum }
}

/** Whether the automated line calls this task first. */
export function automatedFirst(
  policy: Policy,
  t: { subjectKind: 'case' | 'service_record'; serviceType: string },
): boolean {
  return (
    policy.automated.subjectKinds.includes(t.subjectKind) ||
    policy.automated.serviceTypes.includes(t.serviceType)
  )
}

/** Rules the schema cannot say: calling windows that start before they end and do not overlap. */
export function checkPolicy(policy: Policy): string | null {
  const windows = [...policy.callingHours].sort((a, b) => a.from.localeCompare(b.from))
  for (const [i, w] of windows.entries()) {
    if (w.from >= w.to) return `The calling window ${w.from}–${w.to} must start before it ends`
    const next = windows[i + 1]
    if (next && next.from < w.to)
      return `The calling windows ${w.from}–${w.to} and ${next.from}–${next.to} overlap`
  }
  return null
}

/** The stored policy over the defaults (a field missing from the stored one takes its default). */
export function mergePolicy(stored: Partial<Policy> | null | undefined): Policy {
  if (!stored) return DEFAULT_POLICY
  return {
    ...DEFAULT_POLICY,
    ...stored,
    cases: { ...DEFAULT_POLICY.cases, ...stored.cases },
    serviceRecords: { ...DEFAULT_POLICY.serviceRecords, ...stored.serviceRecords },
    automated: { ...DEFAULT_POLICY.automated, ...stored.automated },
  }
}

/** The policy in force: the stored document, or the defaults. */
export async function loadPolicy(ctx: {
  policy: { get(id: string): Promise<{ policy: Policy } | null> }
}): Promise<Policy> {
  const doc = await ctx.policy.get(POLICY_ID)
  return mergePolicy(doc?.policy)
}
