// Translates the port's Filter language into SQLite over the JSON document, with MongoDB's semantics:
// equality against an array means "contains", null matches a missing field, comparisons only between
// values of the same JSON type. Paths were validated (letters, digits, `_`, dots) and are written into the
// SQL as JSON-path literals, so that expression indexes can match; every value is a bound parameter.
import {
  assertFilter,
  assertPath,
  type Condition,
  type Filter,
  isCondition,
  type Scalar,
  type Sort,
} from '@tingjian/store'

export type Params = Array<string | number>

/** `a.b.0` → `$."a"."b"[0]`: numeric components address array elements. */
export function jsonPath(path: string): string {
  assertPath(path)
  return `$${path
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `."${p}"`))
    .join('')}`
}

type Op = '=' | '>' | '>=' | '<' | '<='

const COMPARISONS: Record<string, Op> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

/** A test of one JSON value given as (json type, SQL value) expressions. */
function scalarTest(type: string, value: string, op: Op, v: Scalar, params: Params): string {
  if (v === null) return `${type} IS 'null'`
  if (typeof v === 'boolean') return `${type} IS '${v ? 'true' : 'false'}'`
  params.push(v)
  if (typeof v === 'string') return `(${type} IS 'text' AND ${value} ${op} ?)`
  return `((${type} IS 'integer' OR ${type} IS 'real') AND ${value} ${op} ?)`
}

class PathExpr {
  readonly type: string
  readonly value: string
  readonly literal: string

  constructor(path: string) {
    this.literal = `'${jsonPath(path)}'`
    this.type = `json_type(d.doc, ${this.literal})`
    this.value = `json_extract(d.doc, ${this.literal})`
  }

  /** The value itself matches, or it is an array and one of its elements does (MongoDB's rule). */
  any(op: Op, v: Scalar, params: Params): string {
    const self = scalarTest(this.type, this.value, op, v, params)
    const element = scalarTest('e.type', 'e.value', op, v, params)
    return `(${self} OR (${this.type} IS 'array' AND EXISTS (SELECT 1 FROM json_each(d.doc, ${this.literal}) AS e WHERE ${element})))`
  }

  eq(v: Scalar, params: Params): string {
    if (v === null) return `(${this.type} IS NULL OR ${this.any('=', null, params)})`
    return this.any('=', v, params)
  }

  compare(op: Op, v: string | number, params: Params): string {
    return this.any(op, v, params)
  }

  exists(flag: boolean): string {
    return flag ? `${this.type} IS NOT NULL` : `${this.type} IS NULL`
  }
}

/** `_id` lives in the primary-key column: always a string, never missing. */
class IdExpr {
  eq(v: Scalar, params: Params): string {
    if (typeof v !== 'string') return '0'
    params.push(v)
    return 'd.id = ?'
  }

  compare(op: Op, v: string | number, params: Params): string {
    if (typeof v !== 'string') return '0'
    params.push(v)
    return `d.id ${op} ?`
  }

  exists(flag: boolean): string {
    return flag ? '1' : '0'
  }
}

function not(sql: string): string {
  return `NOT coalesce(${sql}, 0)`
}

function anyOf(parts: string[]): string {
  return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`
}

function conditionSql(path: string, c: Condition, params: Params): string {
  const x = path === '_id' ? new IdExpr() : new PathExpr(path)
  const parts: string[] = []
  for (const [op, v] of Object.entries(c)) {
    if (v === undefined) continue
    if (op === '$eq') parts.push(x.eq(v as Scalar, params))
    else if (op === '$ne') parts.push(not(x.eq(v as Scalar, params)))
    else if (op === '$in') parts.push(anyOf((v as Scalar[]).map((s) => x.eq(s, params))))
    else if (op === '$nin') parts.push(not(anyOf((v as Scalar[]).map((s) => x.eq(s, params)))))
    else if (op === '$exists') parts.push(x.exists(v as boolean))
    else {
      const cmp = COMPARISONS[op]
      if (!cmp) throw new Error(`unreachable: operator ${op} passed validation`)
      parts.push(x.compare(cmp, v as string | number, params))
    }
  }
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`
}

function filterSql(filter: Filter, params: Params): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue
    if (key === '$and') parts.push(`(${(value as Filter[]).map((f) => filterSql(f, params)).join(' AND ')})`)
    else if (key === '$or')
      parts.push(`(${(value as Filter[]).map((f) => filterSql(f, params)).join(' OR ')})`)
    else if (isCondition(value)) parts.push(conditionSql(key, value, params))
    else parts.push(conditionSql(key, { $eq: value as Scalar }, params))
  }
  return parts.length === 0 ? '1' : parts.join(' AND ')
}

/** WHERE clause (over table alias `d`) and its parameters. Validates the filter first. */
export function whereSql(filter: Filter): { sql: string; params: Params } {
  assertFilter(filter)
  const params: Params = []
  const sql = filterSql(filter, params)
  return { sql, params }
}

/** ORDER BY over alias `d`; SQLite puts NULL (null or missing) first ascending, last descending, as MongoDB. */
export function orderSql(sort: Sort): string {
  return sort
    .map(([path, dir]) => {
      const expr = path === '_id' ? 'd.id' : `json_extract(d.doc, '${jsonPath(path)}')`
      return `${expr} ${dir === 1 ? 'ASC' : 'DESC'}`
    })
    .join(', ')
}

/** A path's value as JSON text (`'null'` when missing), for grouping and unique indexes. */
export function jsonValueSql(path: string, alias = 'd.'): string {
  if (path === '_id') return `json_quote(${alias}id)`
  return `ifnull(${alias}doc -> '${jsonPath(path)}', 'null')`
}

/** True when the path is present (a sparse index's condition). */
export function presentSql(path: string, alias = 'd.'): string {
  if (path === '_id') return '1'
  return `${alias}doc -> '${jsonPath(path)}' IS NOT NULL`
}
