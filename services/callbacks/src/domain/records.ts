// A service record from a business system, checked row by row: every field's rule, each fault named by its
// field, so that an import's report says exactly what to fix; the stratum a record is sampled in; the
// import's report. Pure: the department directory and the clock come in as arguments.
import { isOneLine, normalisePhone } from '@tingjian/kit'
import type { ImportRejection, ImportRowError } from '../records.ts'

/** The fields of a record, in the order of a CSV export and of the documentation. */
export const RECORD_FIELDS = [
  'source',
  'recordId',
  'serviceType',
  'department',
  'office',
  'window',
  'staffNumber',
  'applicantName',
  'applicantPhone',
  'feeCharged',
  'feeSchedule',
  'promisedDays',
  'completedAt',
] as const
export type RecordField = (typeof RECORD_FIELDS)[number]
export const OPTIONAL_FIELDS: ReadonlySet<RecordField> = new Set(['window', 'staffNumber'])

export const SOURCE_PATTERN = /^[a-z0-9-]{1,64}$/
export const RECORD_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/
export const SERVICE_TYPE_PATTERN = /^[a-z_]{1,40}$/
export const STAFF_NUMBER_PATTERN = /^[0-9A-Za-z-]{1,20}$/
/** Yuan: at most this much for one service. */
export const MAX_FEE = 1_000_000
export const MAX_PROMISED_DAYS = 365
/** Records per JSON batch, and data rows per CSV file. */
export const MAX_BATCH_RECORDS = 1000
export const MAX_CSV_ROWS = 10_000
export const MAX_CSV_BYTES = 5 * 1024 * 1024

/** A record that passed every rule, normalised (the phone as `normalisePhone` gives it, the time in UTC). */
export interface ValidRecord {
  source: string
  recordId: string
  serviceType: string
  departmentId: string
  office: string
  window: string | null
  staffNumber: string | null
  applicantName: string
  applicantPhone: string
  feeCharged: number
  feeSchedule: number
  promisedDays: number
  completedAt: string
}

export type RowCheck = { ok: true; record: ValidRecord } | { ok: false; errors: ImportRowError[] }

export interface CheckContext {
  /** JSON rows carry numbers as numbers; CSV cells are text, and an empty cell is an absent value. */
  mode: 'json' | 'csv'
  now: Date
  /** A department's id from its code or id, null when identity never announced it. */
  department: (codeOrId: string) => string | null
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/

/** An ISO 8601 date-time with its offset (`Z` or `+08:00`), a real calendar day; the instant, or null. */
export function parseInstant(text: string): Date | null {
  const m = ISO_DATE_TIME.exec(text)
  if (!m) return null
  const [y, mo, d, h, mi, s, oh, om] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as number[]
  const day = new Date(Date.UTC(y as number, (mo as number) - 1, d as number))
  if (day.getUTCMonth() !== (mo as number) - 1 || day.getUTCDate() !== d) return null
  if (
    (h as number) > 23 ||
    (mi as number) > 59 ||
    (s as number) > 59 ||
    (oh as number) > 14 ||
    (om as number) > 59
  )
    return null
  const at = new Date(Date.parse(text))
  return Number.isNaN(at.getTime()) ? null : at
}

/** Yuan with at most two decimals, 0..MAX_FEE: from a JSON number or a CSV cell such as `120` or `80.50`. */
function money(value: unknown, mode: CheckContext['mode']): number | string {
  let n: number
  if (mode === 'csv') {
    if (typeof value !== 'string' || !/^\d{1,7}(\.\d{1,2})?$/.test(value))
      return 'must be an amount in yuan such as 120 or 80.50 (at most two decimals)'
    n = Number(value)
  } else {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number (yuan)'
    if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) return 'at most two decimals'
    n = value
  }
  if (n < 0) return 'must not be negative'
  if (n > MAX_FEE) return `at most ${MAX_FEE}`
  return Math.round(n * 100) / 100
}

function integer(value: unknown, mode: CheckContext['mode'], max: number): number | string {
  let n: number
  if (mode === 'csv') {
    if (typeof value !== 'string' || !/^\d{1,6}$/.test(value)) return `must be a whole number 0..${max}`
    n = Number(value)
  } else {
    if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a whole number 0..${max}`
    n = value
  }
  return n < 0 || n > max ? `must be a whole number 0..${max}` : n
}

function text(value: unknown, max: number): string | string[] {
  if (typeof value !== 'string') return ['must be text']
  const s = value.trim()
  if (s.length === 0) return ['must not be empty']
  if (s.length > max) return [`at most ${max} characters`]
  if (!isOneLine(s)) return ['must be one line of visible text (no control or direction characters)']
  return s
}

/** Absent: a missing key, null, or (CSV) an empty cell. */
const absent = (v: unknown) => v === undefined || v === null || v === ''

/**
 * Checks one row (a JSON object or a CSV row as an object of its cells): every field, each fault named.
 * Unknown fields are faults too (a misspelt column must not pass as "absent").
 */
export function checkRecord(raw: Readonly<Record<string, unknown>>, ctx: CheckContext): RowCheck {
  const errors: ImportRowError[] = []
  const fault = (field: string, message: string) => errors.push({ field, message })
  for (const key of Object.keys(raw))
    if (!(RECORD_FIELDS as readonly string[]).includes(key))
      fault(key.length > 64 ? `${key.slice(0, 61)}...` : key, 'unknown field')
  for (const f of RECORD_FIELDS) if (!OPTIONAL_FIELDS.has(f) && absent(raw[f])) fault(f, 'is required')
  const has = (f: RecordField) => !absent(raw[f])
  const pattern = (f: RecordField, re: RegExp, message: string): string | null => {
    if (!has(f)) return null
    const v = raw[f]
    if (typeof v === 'string' && re.test(v)) return v
    fault(f, message)
    return null
  }
  const source = pattern('source', SOURCE_PATTERN, 'must be 1 to 64 of a-z, 0-9 and -')
  const recordId = pattern('recordId', RECORD_ID_PATTERN, 'must be 1 to 64 of A-Z, a-z, 0-9 and _ . : -')
  const serviceType = pattern(
    'serviceType',
    SERVICE_TYPE_PATTERN,
    'must be a word of a-z and _ (passport, id_card, vehicle_licence, …), at most 40',
  )
  const staffNumber = pattern('staffNumber', STAFF_NUMBER_PATTERN, 'must be 1 to 20 of A-Z, a-z, 0-9 and -')

  let departmentId: string | null = null
  if (has('department')) {
    const d = text(raw.department, 64)
    if (typeof d !== 'string') fault('department', d[0] as string)
    else {
      departmentId = ctx.department(d)
      if (departmentId === null) fault('department', 'is not a known department code or id')
    }
  }
  const oneLine = (f: RecordField, max: number): string | null => {
    if (!has(f)) return null
    const v = text(raw[f], max)
    if (typeof v === 'string') return v
    fault(f, v[0] as string)
    return null
  }
  const office = oneLine('office', 100)
  const window = oneLine('window', 50)
  const applicantName = oneLine('applicantName', 50)

  let applicantPhone: string | null = null
  if (has('applicantPhone')) {
    const v = raw.applicantPhone
    applicantPhone = typeof v === 'string' && v.length <= 40 ? normalisePhone(v) : null
    if (applicantPhone === null) fault('applicantPhone', 'must be a mainland mobile or fixed-line number')
  }
  const numberField = (f: RecordField, check: (v: unknown) => number | string): number | null => {
    if (!has(f)) return null
    const v = check(raw[f])
    if (typeof v === 'number') return v
    fault(f, v)
    return null
  }
  const feeCharged = numberField('feeCharged', (v) => money(v, ctx.mode))
  const feeSchedule = numberField('feeSchedule', (v) => money(v, ctx.mode))
  const promisedDays = numberField('promisedDays', (v) => integer(v, ctx.mode, MAX_PROMISED_DAYS))

  let completedAt: string | null = null
  if (has('completedAt')) {
    const v = raw.completedAt
    const at = typeof v === 'string' && v.length <= 40 ? parseInstant(v) : null
    if (at === null)
      fault('completedAt', 'must be a date and time with its offset, e.g. 2026-03-02T10:30:00+08:00')
    else if (at.getTime() > ctx.now.getTime()) fault('completedAt', 'must not be in the future')
    else completedAt = at.toISOString()
  }

  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    record: {
      source: source as string,
      recordId: recordId as string,
      serviceType: serviceType as string,
      departmentId: departmentId as string,
      office: office as string,
      window,
      staffNumber,
      applicantName: applicantName as string,
      applicantPhone: applicantPhone as string,
      feeCharged: feeCharged as number,
      feeSchedule: feeSchedule as number,
      promisedDays: promisedDays as number,
      completedAt: completedAt as string,
    },
  }
}

/** An office as a key: NFKC (full-width folds to ASCII), trimmed, inner whitespace collapsed, case-folded. */
export function normaliseOffice(office: string): string {
  return office.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase()
}

/** The sampling stratum: `<office>|<serviceType>`, the office normalised; the policy's rates are keyed so. */
export const stratumOf = (office: string, serviceType: string) => `${normaliseOffice(office)}|${serviceType}`

/** The document id of a record, its de-duplication key. */
export const recordDocId = (source: string, recordId: string) => `${source}:${recordId}`

/** The key a record is sampled by (`sampled(seed, key, rate)`). */
export const recordSampleKey = (source: string, recordId: string) => `record:${source}:${recordId}`

/** `138****5678`: the first three and the last four digits; shorter numbers keep only the last two. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length >= 9) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  if (digits.length >= 4) return `****${digits.slice(-2)}`
  return '****'
}

/** The rows of a CSV file as objects keyed by the header; empty cells are absent values. */
export function csvRecord(header: readonly string[], cells: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  header.forEach((name, i) => {
    const v = cells[i]
    if (v !== undefined && v !== '') out[name] = v
  })
  return out
}

/** Faults of a CSV header: unknown or repeated columns, required columns missing. */
export function checkHeader(header: readonly string[]): string[] {
  const faults: string[] = []
  const seen = new Set<string>()
  for (const raw of header) {
    const name = raw.trim()
    if (!(RECORD_FIELDS as readonly string[]).includes(name))
      faults.push(`unknown column "${name.slice(0, 64)}" (the columns are the JSON field names)`)
    else if (seen.has(name)) faults.push(`column "${name}" appears twice`)
    seen.add(name)
  }
  for (const f of RECORD_FIELDS)
    if (!OPTIONAL_FIELDS.has(f) && !seen.has(f)) faults.push(`column "${f}" is missing`)
  return faults
}

/** A row's outcome in an import, in the order of the rows. */
export type RowOutcome =
  | { kind: 'rejected'; rejection: ImportRejection }
  | { kind: 'duplicate' }
  | { kind: 'accepted'; sampled: boolean }

export interface ImportReport {
  importId: string
  received: number
  accepted: number
  duplicates: number
  rejected: ImportRejection[]
  sampled: number
}

export function reportOf(importId: string, outcomes: readonly RowOutcome[]): ImportReport {
  const rejected: ImportRejection[] = []
  let accepted = 0
  let duplicates = 0
  let sampled = 0
  for (const o of outcomes) {
    if (o.kind === 'rejected') rejected.push(o.rejection)
    else if (o.kind === 'duplicate') duplicates++
    else {
      accepted++
      if (o.sampled) sampled++
    }
  }
  return { importId, received: outcomes.length, accepted, duplicates, rejected, sampled }
}
