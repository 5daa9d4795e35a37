// The callback KPIs (回访率, 满意率 with its sample and interval, fee problems, attitude, promises kept) per
// department, office, staff number, service type or month, from grouped counts of the tasks; the stratified
// estimate where a group mixes sampling rates; the CSV. Pure: the counts come in from ../routes/stats.ts.
//
// Satisfaction is very_satisfied + satisfied + basically_satisfied over the tasks that answered the question.
// A group whose tasks were all drawn at one rate is a simple random sample (or a census): its rate is the
// sample's, with the 95 % Wilson interval. A group that mixes rates weights each stratum h (a month and a
// stratum) by its population N_h: p = Σ N_h p_h / Σ N_h over the strata with answers, and its interval is
// the normal approximation with the stratified variance Σ (N_h/N)² (1 − n_h/N_h) p_h (1 − p_h) / n_h,
// clipped to [0, 1] (Cochran, Sampling Techniques, 5.3 and 5.9).
import { wilson, Z95 } from '@tingjian/kit'
import { SATISFIED_LEVELS, type SatisfactionLevel } from './answers.ts'
import { CSV_BOM, csvLine } from './csv.ts'

export const GROUP_BYS = ['department', 'office', 'staffNumber', 'serviceType', 'month'] as const
export type GroupBy = (typeof GROUP_BYS)[number]

export type Satisfaction = SatisfactionLevel
export const SATISFIED: ReadonlySet<Satisfaction> = new Set(SATISFIED_LEVELS)

/** What the KPIs need of a set of tasks that share these values (`count` of them). */
export interface TaskFacts {
  departmentId: string
  office: string | null
  staffNumber: string | null
  serviceType: string
  /** The month (Asia/Shanghai) the task became eligible: the reply, or the record's completion. */
  month: string
  stratum: string
  samplingRate: number
  status: 'open' | 'claimed' | 'completed' | 'unreachable'
  satisfaction: Satisfaction | null
  attitude: number | null
  promiseKept: boolean | null
  /** The survey found an overcharged fee. */
  overcharged: boolean
  count: number
  /**
   * What these facts count (the store groups by at most 8 paths, so the route asks twice): `tally` the
   * tasks, their status, strata and satisfaction; `answers` the attitude, promise and fee answers of
   * completed tasks; `all` (default) both.
   */
  part?: 'all' | 'tally' | 'answers'
}

/** A stratum's population (`<month>|<stratum>` → N_h); where unknown, it is estimated as sampled / rate. */
export type Populations = ReadonlyMap<string, number>

export interface Interval {
  low: number
  high: number
}

export interface SatisfactionEstimate {
  /** Answered the satisfaction question. */
  n: number
  /** Of them, satisfied (the three upper levels). */
  satisfied: number
  /** The estimate (null with no answer). */
  rate: number | null
  /** 95 %. */
  interval: Interval | null
  method: 'wilson' | 'stratified'
  /** Stratified: the strata with answers, and the share of the population they cover. */
  strata: number
  coverage: number | null
}

export interface StatsRow {
  /** The group's value (a department id, an office, a staff number, a service type, a month); null: not given. */
  group: string | null
  eligible: number
  completed: number
  unreachable: number
  /** completed / eligible. */
  callbackRate: number | null
  satisfaction: SatisfactionEstimate
  /** Surveys that found an overcharged fee. */
  feeProblems: number
  attitude: { mean: number | null; n: number }
  promisesKept: { rate: number | null; kept: number; n: number }
}

interface Stratum {
  rate: number
  sampled: number
  n: number
  satisfied: number
}

interface Acc {
  eligible: number
  completed: number
  unreachable: number
  feeProblems: number
  attitudeSum: number
  attitudeN: number
  kept: number
  promiseN: number
  rates: Set<number>
  strata: Map<string, Stratum>
}

const round = (v: number, digits = 4) => {
  const f = 10 ** digits
  return Math.round(v * f) / f
}

export const groupValue = (f: TaskFacts, by: GroupBy): string | null =>
  by === 'department'
    ? f.departmentId
    : by === 'office'
      ? f.office
      : by === 'staffNumber'
        ? f.staffNumber
        : by === 'serviceType'
          ? f.serviceType
          : f.month

/** One stratum's part of the stratified estimate. */
export interface StratumSample {
  /** N_h. */
  population: number
  /** n_h: answered. */
  n: number
  /** Of them satisfied. */
  satisfied: number
}

/**
 * The stratified estimate of a proportion and its 95 % interval (normal approximation, clipped to [0, 1]).
 * Strata without answers are left out, and the estimate covers the others' population (`coverage`).
 */
export function stratifiedEstimate(strata: readonly StratumSample[], z = Z95) {
  const answered = strata.filter((s) => s.n > 0 && s.population > 0)
  const total = strata.reduce((sum, s) => sum + Math.max(0, s.population), 0)
  const N = answered.reduce((sum, s) => sum + s.population, 0)
  if (N === 0) return { rate: null, interval: null, coverage: null, strata: 0 }
  let p = 0
  let variance = 0
  for (const s of answered) {
    const w = s.population / N
    const ph = s.satisfied / s.n
    const fpc = Math.max(0, 1 - s.n / s.population)
    p += w * ph
    variance += (w * w * fpc * ph * (1 - ph)) / s.n
  }
  const half = z * Math.sqrt(variance)
  return {
    rate: p,
    interval: { low: Math.max(0, p - half), high: Math.min(1, p + half) },
    coverage: total > 0 ? N / total : null,
    strata: answered.length,
  }
}

/** The KPI rows of the tasks, one per group value, sorted by it (null last). */
export function statsRows(facts: readonly TaskFacts[], by: GroupBy, populations: Populations): StatsRow[] {
  const groups = new Map<string | null, Acc>()
  for (const f of facts) {
    const g = groupValue(f, by)
    let acc = groups.get(g)
    if (!acc) {
      acc = {
        eligible: 0,
        completed: 0,
        unreachable: 0,
        feeProblems: 0,
        attitudeSum: 0,
        attitudeN: 0,
        kept: 0,
        promiseN: 0,
        rates: new Set(),
        strata: new Map(),
      }
      groups.set(g, acc)
    }
    const part = f.part ?? 'all'
    if (part !== 'answers') {
      acc.eligible += f.count
      acc.rates.add(f.samplingRate)
      const sk = `${f.month}|${f.stratum}`
      const st = acc.strata.get(sk) ?? { rate: f.samplingRate, sampled: 0, n: 0, satisfied: 0 }
      st.sampled += f.count
      acc.strata.set(sk, st)
      if (f.status === 'unreachable') acc.unreachable += f.count
      if (f.status === 'completed') {
        acc.completed += f.count
        if (f.satisfaction !== null) {
          st.n += f.count
          if (SATISFIED.has(f.satisfaction)) st.satisfied += f.count
        }
      }
    }
    if (part === 'tally' || f.status !== 'completed') continue
    if (f.overcharged) acc.feeProblems += f.count
    if (f.attitude !== null) {
      acc.attitudeSum += f.attitude * f.count
      acc.attitudeN += f.count
    }
    if (f.promiseKept !== null) {
      acc.promiseN += f.count
      if (f.promiseKept) acc.kept += f.count
    }
  }
  const rows: StatsRow[] = []
  for (const [group, a] of groups) {
    const strata = [...a.strata.entries()]
    const n = strata.reduce((s, [, x]) => s + x.n, 0)
    const satisfied = strata.reduce((s, [, x]) => s + x.satisfied, 0)
    let satisfaction: SatisfactionEstimate
    if (a.rates.size <= 1) {
      const i = wilson(satisfied, n)
      satisfaction = {
        n,
        satisfied,
        rate: n > 0 ? round(satisfied / n) : null,
        interval: i ? { low: round(i.low), high: round(i.high) } : null,
        method: 'wilson',
        strata: strata.length,
        coverage: null,
      }
    } else {
      const e = stratifiedEstimate(
        strata.map(([key, s]) => ({
          // the population counted for the stratum, at least what was sampled; else estimated from the rate
          population: Math.max(populations.get(key) ?? s.sampled / s.rate, s.sampled),
          n: s.n,
          satisfied: s.satisfied,
        })),
      )
      satisfaction = {
        n,
        satisfied,
        rate: e.rate === null ? null : round(e.rate),
        interval: e.interval ? { low: round(e.interval.low), high: round(e.interval.high) } : null,
        method: 'stratified',
        strata: e.strata,
        coverage: e.coverage === null ? null : round(e.coverage),
      }
    }
    rows.push({
      group,
      eligible: a.eligible,
      completed: a.completed,
      unreachable: a.unreachable,
      callbackRate: a.eligible > 0 ? round(a.completed / a.eligible) : null,
      satisfaction,
      feeProblems: a.feeProblems,
      attitude: { mean: a.attitudeN > 0 ? round(a.attitudeSum / a.attitudeN, 2) : null, n: a.attitudeN },
      promisesKept: {
        rate: a.promiseN > 0 ? round(a.kept / a.promiseN) : null,
        kept: a.kept,
        n: a.promiseN,
      },
    })
  }
  return rows.sort((x, y) =>
    x.group === y.group ? 0 : x.group === null ? 1 : y.group === null ? -1 : x.group.localeCompare(y.group),
  )
}

export const STATS_CSV_HEADER = [
  'group_by',
  'group',
  'name',
  'eligible',
  'completed',
  'unreachable',
  'callback_rate',
  'satisfaction_n',
  'satisfied',
  'satisfaction_rate',
  'satisfaction_low_95',
  'satisfaction_high_95',
  'satisfaction_method',
  'fee_problems',
  'attitude_mean',
  'attitude_n',
  'promises_kept',
  'promises_n',
  'promises_kept_rate',
] as const

/** The rows as CSV (UTF-8 with a byte-order mark, for Excel), a header row first; names by group value. */
export function statsCsv(
  by: GroupBy,
  rows: readonly StatsRow[],
  names: ReadonlyMap<string, string> = new Map(),
): string {
  let out = CSV_BOM + csvLine([...STATS_CSV_HEADER])
  for (const r of rows) {
    const s = r.satisfaction
    out += csvLine([
      by,
      r.group,
      r.group === null ? null : (names.get(r.group) ?? null),
      r.eligible,
      r.completed,
      r.unreachable,
      r.callbackRate,
      s.n,
      s.satisfied,
      s.rate,
      s.interval?.low ?? null,
      s.interval?.high ?? null,
      s.method,
      r.feeProblems,
      r.attitude.mean,
      r.attitude.n,
      r.promisesKept.kept,
      r.promisesKept.n,
      r.promisesKept.rate,
    ])
  }
  return out
}

/** A month as `YYYY-MM`. */
export const MONTH_PATTERN = '^[12][0-9]{3}-(0[1-9]|1[0-2])$'

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + n
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** Months from `from` to `to`, both included (empty when from is after to). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m)
  return months
}
