// The oracle: is this input certainly invalid under the schema? (Uncertain cases count as valid: they may
// get a 2xx or a 4xx; only a certain violation demands a 4xx.) And is a refusal's answer a problem?
import { isOneLine, ONE_LINE_FORMAT } from '@tingjian/kit'
import { get, isObject, own, type Resolve, type Schema } from './openapi.ts'

export const codePoints = (s: string) => [...s].length

function patternFails(pattern: string, s: string): boolean {
  // Ajv compiles patterns with the `u` flag, TypeBox without: certain only when both refuse.
  const results: boolean[] = []
  for (const flags of ['u', '']) {
    try {
      results.push(new RegExp(pattern, flags).test(s))
    } catch {
      // a pattern one dialect cannot compile says nothing
    }
  }
  return results.length > 0 && results.every((r) => !r)
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => own(b, k) && deepEqual(a[k], b[k]))
  }
  return false
}

const typeOk = (type: unknown, v: unknown): boolean => {
  switch (type) {
    case 'string':
      return typeof v === 'string'
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v)
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
    case 'boolean':
      return typeof v === 'boolean'
    case 'null':
      return v === null
    case 'array':
      return Array.isArray(v)
    case 'object':
      return isObject(v)
    default:
      return true
  }
}

/** Certain violations of `schema` by the JSON value `v` (strict JSON types: no coercion). */
export function violations(resolve: Resolve, schema: unknown, v: unknown, path: string, out: string[]): void {
  const s = resolve(schema)
  const branches = get(s, 'anyOf') ?? get(s, 'oneOf')
  if (Array.isArray(branches) && branches.length > 0) {
    if (branches.every((b) => certainlyInvalid(resolve, b, v))) out.push(`${path}: matches no alternative`)
  }
  const allOf = get(s, 'allOf')
  if (Array.isArray(allOf)) for (const b of allOf) violations(resolve, b, v, path, out)
  const enumeration = get(s, 'enum')
  if (Array.isArray(enumeration) && !enumeration.some((e) => deepEqual(e, v)))
    out.push(`${path}: not in enum`)
  if (own(s, 'const') && !deepEqual(s.const, v)) out.push(`${path}: not the constant`)
  const type = get(s, 'type')
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type]
    if (!types.some((t) => typeOk(t, v))) {
      out.push(`${path}: not of type ${types.join('|')}`)
      return
    }
  }
  if (typeof v === 'string') {
    const max = get(s, 'maxLength')
    const min = get(s, 'minLength')
    // Ajv counts code points, TypeBox UTF-16 units: certain only when both agree.
    if (typeof max === 'number' && codePoints(v) > max) out.push(`${path}: longer than ${max}`)
    if (typeof min === 'number' && v.length < min) out.push(`${path}: shorter than ${min}`)
    const pattern = get(s, 'pattern')
    if (typeof pattern === 'string' && patternFails(pattern, v))
      out.push(`${path}: does not match ${pattern}`)
    // the kit's one-line text: no line breaks, invisible or direction characters, something visible
    if (get(s, 'format') === ONE_LINE_FORMAT && !isOneLine(v)) out.push(`${path}: not one visible line`)
  }
  if (typeof v === 'number') {
    const n = (k: string) => {
      const x = get(s, k)
      return typeof x === 'number' ? x : undefined
    }
    const [min, max, xmin, xmax] = [n('minimum'), n('maximum'), n('exclusiveMinimum'), n('exclusiveMaximum')]
    if (min !== undefined && v < min) out.push(`${path}: below ${min}`)
    if (max !== undefined && v > max) out.push(`${path}: above ${max}`)
    if (xmin !== undefined && v <= xmin) out.push(`${path}: not above ${xmin}`)
    if (xmax !== undefined && v >= xmax) out.push(`${path}: not below ${xmax}`)
  }
  if (Array.isArray(v)) {
    const min = get(s, 'minItems')
    const max = get(s, 'maxItems')
    if (typeof min === 'number' && v.length < min) out.push(`${path}: fewer than ${min} items`)
    if (typeof max === 'number' && v.length > max) out.push(`${path}: more than ${max} items`)
    if (get(s, 'uniqueItems') === true && v.some((x, i) => v.findIndex((y) => deepEqual(x, y)) !== i))
      out.push(`${path}: duplicate items`)
    const items = get(s, 'items')
    if (isObject(items)) for (const [i, x] of v.entries()) violations(resolve, items, x, `${path}/${i}`, out)
  }
  if (isObject(v)) {
    const properties = get(s, 'properties')
    const props = isObject(properties) ? properties : {}
    const required = get(s, 'required')
    // a required property with a default is filled in by the validator (Ajv's useDefaults)
    const hasDefault = (r: string) => own(props, r) && isObject(props[r]) && own(resolve(props[r]), 'default')
    if (Array.isArray(required))
      for (const r of required)
        if (typeof r === 'string' && !own(v, r) && !hasDefault(r)) out.push(`${path}: ${r} missing`)
    const additional = get(s, 'additionalProperties')
    const keys = Object.keys(v)
    for (const k of keys) {
      if (own(props, k)) violations(resolve, props[k], v[k], `${path}/${k}`, out)
      else if (additional === false) out.push(`${path}: unknown property ${JSON.stringify(k).slice(0, 40)}`)
      else if (isObject(additional)) violations(resolve, additional, v[k], `${path}/${k}`, out)
    }
    const minP = get(s, 'minProperties')
    const maxP = get(s, 'maxProperties')
    if (typeof minP === 'number' && keys.length < minP) out.push(`${path}: fewer than ${minP} properties`)
    if (typeof maxP === 'number' && keys.length > maxP) out.push(`${path}: more than ${maxP} properties`)
  }
}

function certainlyInvalid(resolve: Resolve, schema: unknown, v: unknown): boolean {
  const out: string[] = []
  violations(resolve, schema, v, '', out)
  return out.length > 0
}

/**
 * A query, path or header value arrives as a string (or a list, when repeated); the kit's Ajv coerces it
 * like this (`coerceTypes: 'array'`). Routes with a strict validator refuse more: never less.
 */
export function stringViolations(
  resolve: Resolve,
  schema: Schema,
  raw: string | string[],
  path: string,
): string[] {
  const s = resolve(schema)
  const type = get(s, 'type')
  const types = type === undefined ? [] : Array.isArray(type) ? type : [type]
  if (Array.isArray(raw)) {
    if (types.includes('array')) {
      const out: string[] = []
      violations(resolve, s, raw, path, out)
      return out
    }
    if (raw.length !== 1) return [`${path}: repeated`]
    return stringViolations(resolve, s, raw[0] ?? '', path)
  }
  const candidates: unknown[] = []
  if (types.length === 0 || types.includes('string')) candidates.push(raw)
  if ((types.includes('number') || types.includes('integer')) && raw !== '' && !Number.isNaN(Number(raw)))
    candidates.push(Number(raw))
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) candidates.push(raw === 'true')
  if (types.includes('null') && raw === '') candidates.push(null)
  if (types.includes('array')) candidates.push([raw])
  if (candidates.length === 0)
    return [`${path}: ${JSON.stringify(raw).slice(0, 40)} is not a ${types.join('|')}`]
  let best: string[] | undefined
  for (const c of candidates) {
    const out: string[] = []
    violations(resolve, s, c, path, out)
    if (out.length === 0) return []
    best ??= out
  }
  return best ?? []
}

/** `__proto__` anywhere, or `constructor.prototype`: Fastify's JSON parser must refuse the whole body. */
export function poisoned(v: unknown): boolean {
  const stack: unknown[] = [v]
  while (stack.length) {
    const x = stack.pop()
    if (Array.isArray(x)) stack.push(...x)
    else if (isObject(x)) {
      if (own(x, '__proto__')) return true
      const c = own(x, 'constructor') ? x.constructor : undefined
      if (isObject(c) && own(c, 'prototype')) return true
      for (const k of Object.keys(x)) stack.push(x[k])
    }
  }
  return false
}

/** What is wrong with a refusal's answer as RFC 9457 problem+json, if anything. */
export function problemShape(contentType: unknown, text: string, status: number, noBody = false): string[] {
  if (!String(contentType ?? '').startsWith('application/problem+json'))
    return [`content-type ${String(contentType)}, not problem+json`]
  if (noBody) return []
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return ['the problem body is not JSON']
  }
  if (
    !isObject(body) ||
    typeof body.type !== 'string' ||
    typeof body.title !== 'string' ||
    body.status !== status
  )
    return ['the problem lacks type/title/status']
  return []
}
