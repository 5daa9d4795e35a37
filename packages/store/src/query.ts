// Query plumbing shared by the adapters: filter validation (no operator injection), keyset cursors.
import {
  type Condition,
  DEFAULT_PAGE_SIZE,
  type Filter,
  type FindOptions,
  InvalidDocumentError,
  InvalidQueryError,
  MAX_PAGE_SIZE,
  type Page,
  type Scalar,
  type Sort,
} from './port.ts'

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/
const OPERATORS = new Set(['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$exists'])

function isScalar(v: unknown): v is Scalar {
  // NaN and ±Infinity have no JSON form: the embedded adapter could not compare them like MongoDB does
  if (typeof v === 'number') return Number.isFinite(v)
  return v === null || typeof v === 'string' || typeof v === 'boolean'
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** Throws InvalidQueryError unless the path is a dotted field path (no operators, no prototype keys). */
export function assertPath(path: string): void {
  if (
    typeof path !== 'string' ||
    !PATH.test(path) ||
    // names starting with _ are the store's (its outbox fields); of them only _id is the caller's to query
    (path.startsWith('_') && path !== '_id') ||
    path.split('.').some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')
  ) {
    throw new InvalidQueryError(`invalid field path: ${JSON.stringify(path).slice(0, 80)}`)
  }
}

function assertCondition(path: string, cond: Record<string, unknown>): void {
  const ops = Object.keys(cond)
  if (ops.length === 0) throw new InvalidQueryError(`empty condition on ${path}`)
  for (const op of ops) {
    const v = cond[op]
    if (!OPERATORS.has(op)) throw new InvalidQueryError(`unsupported operator ${op.slice(0, 20)} on ${path}`)
    if (op === '$in' || op === '$nin') {
      if (!Array.isArray(v) || !v.every(isScalar))
        throw new InvalidQueryError(`${op} on ${path} needs a list of values`)
    } else if (op === '$exists') {
      if (typeof v !== 'boolean') throw new InvalidQueryError(`$exists on ${path} needs true or false`)
    } else if (op === '$eq' || op === '$ne') {
      if (!isScalar(v)) throw new InvalidQueryError(`${op} on ${path} needs a plain value`)
    } else if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) {
      throw new InvalidQueryError(`${op} on ${path} needs a string or a number`)
    }
  }
}

/** Throws InvalidQueryError unless the filter is within the port's language. */
export function assertFilter(filter: Filter): void {
  if (!isPlainObject(filter)) throw new InvalidQueryError('a filter must be a plain object')
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0)
        throw new InvalidQueryError(`${key} needs a non-empty list`)
      for (const f of value) {
        if (typeof f !== 'object' || f === null || Array.isArray(f))
          throw new InvalidQueryError(`${key} needs filters`)
        assertFilter(f)
      }
      continue
    }
    assertPath(key)
    if (isScalar(value)) continue
    if (isPlainObject(value)) {
      assertCondition(key, value as Record<string, unknown>)
      continue
    }
    throw new InvalidQueryError(`unsupported value for ${key}`)
  }
}

/** Drops undefined entries (so that `{ status: maybe }` means "any status" when maybe is undefined). */
export function compact(filter: Filter): Filter {
  if (!isPlainObject(filter)) throw new InvalidQueryError('a filter must be a plain object')
  const out: Filter = {}
  for (const [k, v] of Object.entries(filter)) if (v !== undefined) out[k] = v
  return out
}

export function assertSort(sort: Sort): void {
  if (!Array.isArray(sort)) throw new InvalidQueryError('sort must be a list of [path, direction]')
  for (const entry of sort) {
    if (!Array.isArray(entry) || entry.length !== 2)
      throw new InvalidQueryError('sort must be a list of [path, direction]')
    const [path, dir] = entry
    if (typeof path !== 'string') throw new InvalidQueryError('sort path must be a string')
    assertPath(path)
    if (dir !== 1 && dir !== -1) throw new InvalidQueryError(`sort direction of ${path} must be 1 or -1`)
  }
}

export function getPath(doc: unknown, path: string): Scalar | undefined {
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[part]
  }
  return isScalar(cur) ? cur : undefined
}

function encodeCursor(values: Scalar[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

function decodeCursor(cursor: string, length: number): Scalar[] {
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString())
  } catch {
    throw new InvalidQueryError('invalid cursor')
  }
  if (!Array.isArray(values) || values.length !== length || !values.every(isScalar)) {
    throw new InvalidQueryError('invalid cursor')
  }
  return values
}

export interface PlannedFind {
  filter: Filter
  /** The requested sort with `_id` appended. */
  sort: Sort
  /** limit + 1: one extra row tells whether there is a next page. */
  fetch: number
  limit: number
}

/**
 * Validates a find and turns the cursor into a keyset condition: rows strictly after the cursor in
 * sort order. Sort paths must hold scalars that are present on every document (null sorts first).
 */
export function planFind(filter: Filter = {}, options: FindOptions = {}): PlannedFind {
  const base = compact(filter)
  assertFilter(base)
  assertSort(options.sort ?? [])
  // `_id` is unique: it ends the sort (the caller's direction kept), appended ascending when absent
  const requested = options.sort ?? []
  const idAt = requested.findIndex(([p]) => p === '_id')
  const sort: Sort = idAt >= 0 ? requested.slice(0, idAt + 1) : [...requested, ['_id', 1]]
  const limit = options.limit ?? DEFAULT_PAGE_SIZE
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InvalidQueryError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`)
  }
  if (!options.cursor) return { filter: base, sort, fetch: limit + 1, limit }
  const values = decodeCursor(options.cursor, sort.length)
  // (a > x) OR (a = x AND b > y) OR ... : the lexicographic "after" in the sort order.
  const after: Filter[] = sort.map(([path, dir], i) => {
    const clause: Filter = {}
    for (let j = 0; j < i; j++) {
      const [p] = sort[j] as [string, 1 | -1]
      clause[p] = { $eq: values[j] ?? null }
    }
    const v = values[i] ?? null
    clause.$or = afterValue(path, dir, v)
    return clause
  })
  const keyset: Filter = { $or: after }
  return {
    filter: Object.keys(base).length ? { $and: [base, keyset] } : keyset,
    sort,
    fetch: limit + 1,
    limit,
  }
}

const NOTHING: Filter = { _id: { $in: [] } }

/** The rows after value v of one sort key, nulls first as MongoDB and SQLite both order them. */
function afterValue(path: string, dir: 1 | -1, v: Scalar): Filter[] {
  if (v === null) return dir === 1 ? [{ [path]: { $ne: null } }] : [NOTHING]
  if (typeof v === 'boolean') {
    if (dir === 1) return [v ? NOTHING : { [path]: { $eq: true } }]
    return v ? [{ [path]: { $eq: false } }, { [path]: { $eq: null } }] : [{ [path]: { $eq: null } }]
  }
  return dir === 1 ? [{ [path]: { $gt: v } }] : [{ [path]: { $lt: v } }, { [path]: { $eq: null } }]
}

/** Cuts the extra row and makes the next cursor from the last row of the page. */
export function toPage<T>(rows: T[], plan: PlannedFind): Page<T> {
  if (rows.length <= plan.limit) return { items: rows, nextCursor: null }
  const items = rows.slice(0, plan.limit)
  const last = items[items.length - 1]
  return { items, nextCursor: encodeCursor(plan.sort.map(([p]) => getPath(last, p) ?? null)) }
}

export function isCondition(v: unknown): v is Condition {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const COLLECTION = /^[A-Za-z][A-Za-z0-9_]{0,62}$/

/** Collection names: a letter, then letters, digits and `_` (63 at most); the same in every adapter. */
export function isCollectionName(name: unknown): name is string {
  return typeof name === 'string' && COLLECTION.test(name)
}

export function assertCollectionName(name: string): void {
  if (!isCollectionName(name)) {
    throw new InvalidQueryError(`invalid collection name: ${JSON.stringify(String(name)).slice(0, 80)}`)
  }
}

/** Fields the store manages; a caller's copy of them is ignored on insert and update. */
export const MANAGED_FIELDS: readonly string[] = ['_id', 'version', 'createdAt', 'updatedAt']

const TOP_LEVEL = /^[A-Za-z][A-Za-z0-9_]*$/

function badKey(key: string): boolean {
  return key.startsWith('$') || key.includes('.') || key.includes('\0') || key === '__proto__'
}

function normalizeValue(value: unknown, where: string, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidDocumentError(`${where} is not a finite number`)
    return value
  }
  if (depth > 64) throw new InvalidDocumentError(`${where} is nested too deeply`)
  if (Array.isArray(value)) {
    // as JSON does: an undefined element becomes null
    return value.map((v, i) => (v === undefined ? null : normalizeValue(v, `${where}[${i}]`, depth + 1)))
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (badKey(k)) throw new InvalidDocumentError(`${where} has a key with ".", a leading "$" or __proto__`)
      if (v !== undefined) out[k] = normalizeValue(v, `${where}.${k}`, depth + 1)
    }
    return out
  }
  const kind = value instanceof Date ? 'a Date (store an ISO string)' : typeof value
  throw new InvalidDocumentError(`${where} is ${kind}, not a JSON value`)
}

/**
 * Checks a caller's document and returns a plain JSON copy of it without the managed fields, so that
 * both adapters store exactly the same thing. Top-level names are identifiers (they are the paths that
 * filters use); names starting with `_` are reserved for the store; undefined fields are dropped.
 */
export function toFields(doc: unknown): Record<string, unknown> {
  if (!isPlainObject(doc)) throw new InvalidDocumentError('a document must be a plain object')
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(doc)) {
    if (MANAGED_FIELDS.includes(k) || v === undefined) continue
    if (!TOP_LEVEL.test(k)) {
      throw new InvalidDocumentError(
        `field name ${JSON.stringify(k).slice(0, 40)} must be a letter then letters, digits or _`,
      )
    }
    out[k] = normalizeValue(v, k, 1)
  }
  return out
}

/** countBy paths: 1 to 8 distinct dotted paths. */
export function assertGroupPaths(paths: readonly string[]): void {
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > 8) {
    throw new InvalidQueryError('countBy needs 1 to 8 paths')
  }
  for (const p of paths) assertPath(p)
  if (new Set(paths).size !== paths.length) throw new InvalidQueryError('countBy paths must be distinct')
}

/** Document ids: non-empty strings of at most 512 characters. */
export function assertId(id: string): void {
  if (typeof id !== 'string' || id.length === 0 || id.length > 512) {
    throw new InvalidQueryError('a document id must be a string of 1 to 512 characters')
  }
}

const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Event ids are UUIDs (lower-case hex): adapters use them as keys of the outbox. */
export function isEventId(id: unknown): id is string {
  return typeof id === 'string' && EVENT_ID.test(id)
}

/** Outbox events need a UUID id (adapters key the outbox by it) that is unique within the write. */
export function assertEventIds(events: readonly { id: string }[]): void {
  if (!Array.isArray(events)) throw new InvalidDocumentError('events must be a list')
  const seen = new Set<string>()
  for (const e of events) {
    if (!isEventId(e?.id)) throw new InvalidDocumentError('an outbox event needs a UUID id')
    if (seen.has(e.id)) throw new InvalidDocumentError(`event ${e.id} appears twice in one write`)
    seen.add(e.id)
  }
}

/** What the relay hands to outboxRemove: documents by id, each with UUID event ids. */
export function assertPublished(published: readonly { id: string; eventIds: readonly string[] }[]): void {
  if (!Array.isArray(published)) throw new InvalidQueryError('published must be a list')
  for (const p of published) {
    assertId(p?.id)
    if (!Array.isArray(p.eventIds) || !p.eventIds.every(isEventId))
      throw new InvalidQueryError('invalid event id')
  }
}
