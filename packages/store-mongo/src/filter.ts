// Translates a validated port Filter into a MongoDB filter. Every object here is built from scratch out of
// entries that assertFilter accepted, so a caller's object never reaches the driver (no operator injection).
import { assertFilter, type Condition, type Filter, isCondition } from '@tingjian/store'
import type { Document } from 'mongodb'

const CONDITION_OPERATORS = ['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$exists'] as const

function condition(c: Condition): Document {
  const out: Document = {}
  for (const op of CONDITION_OPERATORS) {
    const v = c[op]
    if (v === undefined) continue
    out[op] = Array.isArray(v) ? [...v] : v
  }
  return out
}

function translate(filter: Filter): Document {
  const out: Document = {}
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue
    if (key === '$and' || key === '$or') {
      out[key] = (value as Filter[]).map(translate)
    } else if (isCondition(value)) {
      out[key] = condition(value)
    } else {
      // explicit $eq: a bare value would be read as an operator document if it were an object
      out[key] = { $eq: value }
    }
  }
  return out
}

/** Validates (again: cheap, and it keeps this function safe on its own) and translates. */
export function toMongoFilter(filter: Filter): Document {
  assertFilter(filter)
  return translate(filter)
}
