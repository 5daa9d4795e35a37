// Query plumbing shared by the adapters: filter validation (no operator injection), keyset cursors.
import {
  type Condition,
  DEFAULT_PAGE_SIZE,
  type Filter,
  type FindOptions,
  InvalidQueryError,
  MAX_PAGE_SIZE,
  type Page,
  type Scalar,
  type Sort,
} from './port.ts'

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/
const OPERATORS = new Set(['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$exists'])

function isScalar(v: unknown): v is Scalar {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v)
}

function assertPath(path: string): void {
  if (
    !PATH.test(path) ||
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
    } else if (typeof v !== 'string' && typeof v !== 'number') {
      throw new InvalidQueryError(`${op} on ${path} needs a string or a number`)
    }
  }
}

/** Throws InvalidQueryError unless the filter is within the port's language. */
export function assertFilter(filter: Filter): void {
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
    if (typeof value === 'object' && !Array.isArray(value)) {
      assertCondition(key, value as Record<string, unknown>)
      continue
    }
    throw new InvalidQueryError(`unsupported value for ${key}`)
  }
}

/** Drops undefined entries (so that `{ status: maybe }` means "any status" when maybe is undefined). */
export function compact(filter: Filter): Filter {
  const out: Filter = {}
  for (const [k, v] of Object.entries(filter)) if (v !== undefined) out[k] = v
  return out
}

export function assertSort(sort: Sort): void {
  for (const [path, dir] of sort) {
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
  const sort: Sort = [...(options.sort ?? []).filter(([p]) => p !== '_id'), ['_id', 1]]
  assertSort(sort)
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
