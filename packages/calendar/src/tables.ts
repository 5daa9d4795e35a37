// Checks year and region data and compiles it into per-day lookup tables; every problem is collected
// so that one run of `createCalendar` reports all of them.
import { InvalidCalendarDataError } from './errors.ts'
import {
  type DayNumber,
  dayNumberOf,
  isWeekend,
  type LocalDate,
  localDateOf,
  WEEKDAY_NAMES,
  weekdayOf,
} from './local-date.ts'
import type { DayName, RegionDays, RegionOverrides, YearData } from './types.ts'

/** Longest range one entry may span; catches a mistyped month (`2025-10-01`..`2025-11-08`). */
export const MAX_RANGE_DAYS = 31

export interface DayRule {
  readonly working: boolean
  readonly name: DayName
  /** Set when a regional override decided the day. */
  readonly region?: string
  /** Where the rule comes from, for error messages. */
  readonly origin: string
}

export interface CompiledTables {
  readonly national: ReadonlyMap<DayNumber, DayRule>
  readonly regions: ReadonlyMap<string, ReadonlyMap<DayNumber, DayRule>>
  readonly years: readonly number[]
}

export function compileTables(
  builtInYears: readonly YearData[],
  extraYears: readonly YearData[],
  regions: Readonly<Record<string, RegionOverrides>>,
): CompiledTables {
  const issues: string[] = []
  const years = mergeYears(builtInYears, extraYears, issues)
  const national = compileNational(years, issues)
  const compiledRegions = compileRegions(regions, issues)
  if (issues.length > 0) throw new InvalidCalendarDataError(issues)
  return { national, regions: compiledRegions, years: years.map((y) => y.year).sort((a, b) => a - b) }
}

function mergeYears(builtIn: readonly YearData[], extra: readonly YearData[], issues: string[]): YearData[] {
  if (!Array.isArray(extra)) {
    issues.push('years must be an array of year tables')
    return [...builtIn]
  }
  const byYear = new Map<number, YearData>()
  for (const y of builtIn) byYear.set(y.year, y)
  const supplied = new Set<number>()
  for (const [i, y] of extra.entries()) {
    if (typeof y !== 'object' || y === null || !Number.isInteger(y.year) || y.year < 1000 || y.year > 9999) {
      issues.push(`years[${i}].year must be a four-digit integer year`)
      continue
    }
    if (supplied.has(y.year)) issues.push(`years: ${y.year} is supplied twice`)
    supplied.add(y.year)
    // a supplied table replaces the built-in one, so a correction needs no code change
    byYear.set(y.year, y)
  }
  return [...byYear.values()]
}

function compileNational(years: readonly YearData[], issues: string[]): Map<DayNumber, DayRule> {
  const table = new Map<DayNumber, DayRule>()
  for (const y of years) {
    const where = String(y.year)
    if (typeof y.source !== 'string' || y.source.trim() === '')
      issues.push(`${where}: source must name the notice`)
    if (!Array.isArray(y.holidays)) {
      issues.push(`${where}: holidays must be an array`)
      continue
    }
    // a notice may reach into December of the year before or January of the year after
    const earliest = dayNumberOf(`${y.year - 1}-12-01`) ?? Number.NEGATIVE_INFINITY
    const latest = dayNumberOf(`${y.year + 1}-01-31`) ?? Number.POSITIVE_INFINITY
    const inWindow = (day: DayNumber, label: string): boolean => {
      if (day >= earliest && day <= latest) return true
      issues.push(
        `${label}: ${localDateOf(day)} is outside the ${y.year} table (Dec ${y.year - 1} to Jan ${y.year + 1})`,
      )
      return false
    }
    for (const [i, h] of y.holidays.entries()) {
      const label = `${where} holidays[${i}]${isName(h?.name) ? ` (${h.name.en})` : ''}`
      if (!isName(h?.name)) issues.push(`${label}: name must have non-empty zh and en`)
      const name = isName(h?.name) ? h.name : { zh: '?', en: '?' }
      const range = checkRange(h?.from, h?.to, label, issues)
      if (range && inWindow(range[0], label) && inWindow(range[1], label)) {
        for (let d = range[0]; d <= range[1]; d++) {
          put(table, d, { working: false, name, origin: `${where} ${name.en} holiday` }, issues)
        }
      }
      const makeUp = h?.makeUpWorkdays ?? []
      if (!Array.isArray(makeUp)) {
        issues.push(`${label}: makeUpWorkdays must be an array of dates`)
        continue
      }
      for (const date of makeUp) {
        const d = dayNumberOf(date)
        if (d === undefined) {
          issues.push(`${label}: make-up working day ${JSON.stringify(date)} is not a YYYY-MM-DD date`)
          continue
        }
        if (!inWindow(d, label)) continue
        if (!isWeekend(d)) {
          issues.push(
            `${label}: make-up working day ${date} is a ${WEEKDAY_NAMES[weekdayOf(d)]}; 调休 days are Saturdays or Sundays`,
          )
          continue
        }
        put(table, d, { working: true, name, origin: `${where} ${name.en} make-up working day` }, issues)
      }
    }
  }
  return table
}

function compileRegions(
  regions: Readonly<Record<string, RegionOverrides>>,
  issues: string[],
): Map<string, Map<DayNumber, DayRule>> {
  const own = new Map<string, Map<DayNumber, DayRule>>()
  if (typeof regions !== 'object' || regions === null) {
    issues.push('regions must be an object keyed by region code')
    return own
  }
  for (const [code, overrides] of Object.entries(regions)) {
    if (code.trim() === '') issues.push('regions: a region code is empty')
    if (typeof overrides !== 'object' || overrides === null) {
      issues.push(`region ${code}: overrides must be an object`)
      continue
    }
    if (overrides.name !== undefined && !isName(overrides.name)) {
      issues.push(`region ${code}: name must have non-empty zh and en`)
    }
    if (overrides.parent !== undefined && !Object.hasOwn(regions, overrides.parent)) {
      issues.push(`region ${code}: parent ${JSON.stringify(overrides.parent)} is not among the regions`)
    }
    const table = new Map<DayNumber, DayRule>()
    addRegionDays(table, code, 'holidays', overrides.holidays, false, issues)
    addRegionDays(table, code, 'workingDays', overrides.workingDays, true, issues)
    own.set(code, table)
  }

  // effective table per region: the national calendar, then the oldest ancestor's overrides, …, then its own
  const effective = new Map<string, Map<DayNumber, DayRule>>()
  for (const code of own.keys()) {
    const chain: string[] = []
    let current: string | undefined = code
    while (current !== undefined && own.has(current)) {
      if (chain.includes(current)) {
        issues.push(`region ${code}: parent chain has a cycle (${[...chain, current].join(' → ')})`)
        break
      }
      chain.push(current)
      current = regions[current]?.parent
    }
    const merged = new Map<DayNumber, DayRule>()
    for (const link of chain.reverse()) for (const [d, rule] of own.get(link) ?? []) merged.set(d, rule)
    effective.set(code, merged)
  }
  return effective
}

function addRegionDays(
  table: Map<DayNumber, DayRule>,
  code: string,
  field: 'holidays' | 'workingDays',
  entries: readonly RegionDays[] | undefined,
  working: boolean,
  issues: string[],
): void {
  if (entries === undefined) return
  if (!Array.isArray(entries)) {
    issues.push(`region ${code}: ${field} must be an array`)
    return
  }
  for (const [i, e] of entries.entries()) {
    const label = `region ${code} ${field}[${i}]${isName(e?.name) ? ` (${e.name.en})` : ''}`
    if (!isName(e?.name)) issues.push(`${label}: name must have non-empty zh and en`)
    const name = isName(e?.name) ? e.name : { zh: '?', en: '?' }
    const range = checkRange(e?.from, e?.to ?? e?.from, label, issues)
    if (!range) continue
    const kind = working ? 'working day' : 'holiday'
    for (let d = range[0]; d <= range[1]; d++) {
      put(table, d, { working, name, region: code, origin: `region ${code} ${name.en} ${kind}` }, issues)
    }
  }
}

function checkRange(
  from: LocalDate | undefined,
  to: LocalDate | undefined,
  label: string,
  issues: string[],
): [DayNumber, DayNumber] | undefined {
  const start = dayNumberOf(from)
  const end = dayNumberOf(to)
  if (start === undefined) issues.push(`${label}: from ${JSON.stringify(from)} is not a YYYY-MM-DD date`)
  if (end === undefined) issues.push(`${label}: to ${JSON.stringify(to)} is not a YYYY-MM-DD date`)
  if (start === undefined || end === undefined) return undefined
  if (end < start) {
    issues.push(`${label}: to ${to} is before from ${from}`)
    return undefined
  }
  if (end - start + 1 > MAX_RANGE_DAYS) {
    issues.push(`${label}: ${from}..${to} spans ${end - start + 1} days (at most ${MAX_RANGE_DAYS})`)
    return undefined
  }
  return [start, end]
}

function put(table: Map<DayNumber, DayRule>, day: DayNumber, rule: DayRule, issues: string[]): void {
  const existing = table.get(day)
  if (existing) {
    const conflict = existing.working !== rule.working ? 'both as a day off and a working day' : 'twice'
    issues.push(`${localDateOf(day)} is listed ${conflict}: ${existing.origin} and ${rule.origin}`)
    return
  }
  table.set(day, rule)
}

function isName(name: unknown): name is DayName {
  if (typeof name !== 'object' || name === null) return false
  const { zh, en } = name as Record<string, unknown>
  return typeof zh === 'string' && zh.trim() !== '' && typeof en === 'string' && en.trim() !== ''
}
