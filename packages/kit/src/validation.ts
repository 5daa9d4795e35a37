// The one validator of every route (installed by buildApp): TypeBox compiles each schema once.
// - Bodies are JSON and are taken as sent: no type coercion (a body's `null` is not `false`, `["x"]` is not
//   `"x"`), unknown keys refused where the schema says additionalProperties: false (the schema habit),
//   defaults filled in, and no control characters in any string or key (tab, line feed and carriage
//   return excepted: letters have lines).
// - Query strings, path parameters and headers are text: a value is converted when the schema asks for a
//   number, an integer, a boolean or an array (`?status=a` → ["a"]), the way Ajv's coerceTypes: 'array'
//   did, except that only plain decimal numbers convert ("0x10" and "3.5" for an integer stay refused).
import type { FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import './one-line.ts'

/** Control characters a JSON body's strings may not hold: C0 except tab, LF and CR; DEL; C1. */
const CONTROL = /(?![\t\n\r])\p{Cc}/u

export interface ValidationIssue {
  keyword: string
  instancePath: string
  schemaPath: string
  params: Record<string, unknown>
  message: string
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const pointer = (path: string, key: string | number) =>
  `${path}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`

/** Paths of the strings and keys of a body that hold a control character. */
function controlCharacters(value: unknown): string[] {
  const found: string[] = []
  // iterative: the JSON parser already bounded depth and size, but there is no need for the stack
  const stack: Array<[unknown, string]> = [[value, '']]
  while (stack.length) {
    const [v, path] = stack.pop() as [unknown, string]
    if (typeof v === 'string') {
      if (CONTROL.test(v)) found.push(path)
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => {
        stack.push([item, pointer(path, i)])
      })
    } else if (isObject(v)) {
      for (const [k, item] of Object.entries(v)) {
        if (CONTROL.test(k)) found.push(path)
        else stack.push([item, pointer(path, k)])
      }
    }
  }
  return found.sort()
}

/** The JSON types a schema admits (through anyOf / oneOf), or null when it does not say. */
function typesOf(schema: unknown): Set<string> | null {
  if (!isObject(schema)) return null
  const types = new Set<string>()
  const type = schema.type
  if (typeof type === 'string') types.add(type)
  else if (Array.isArray(type)) for (const t of type) if (typeof t === 'string') types.add(t)
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key]
    if (!Array.isArray(branches)) continue
    for (const b of branches) {
      const inner = typesOf(b)
      if (inner === null) return null
      for (const t of inner) types.add(t)
    }
  }
  return types.size > 0 ? types : null
}

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

function matchesType(types: Set<string>, v: unknown): boolean {
  if (typeof v === 'string') return types.has('string')
  if (typeof v === 'number') return types.has('number') || (types.has('integer') && Number.isInteger(v))
  if (typeof v === 'boolean') return types.has('boolean')
  if (v === null) return types.has('null')
  if (Array.isArray(v)) return types.has('array')
  return types.has('object')
}

/** One text value converted to what the schema asks for, or left as it is when it cannot be. */
function coerce(schema: unknown, value: unknown): unknown {
  const types = typesOf(schema)
  if (types === null || matchesType(types, value)) return value
  if (Array.isArray(value)) {
    // ?a=1&a=2 against a single value: one item unwraps, more stay an error
    return value.length === 1 ? coerce(schema, value[0]) : value
  }
  if (types.has('array')) {
    const items = isObject(schema) ? schema.items : undefined
    return [coerce(items, value)]
  }
  if (typeof value !== 'string') return value
  if ((types.has('number') || types.has('integer')) && DECIMAL.test(value)) return Number(value)
  if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true'
  if (types.has('null') && value === '') return null
  return value
}

function coerceObject(schema: unknown, value: unknown): unknown {
  if (!isObject(schema) || !isObject(value)) return value
  const properties = isObject(schema.properties) ? schema.properties : {}
  const additional = schema.additionalProperties
  const out: Json = {}
  for (const [k, v] of Object.entries(value)) {
    const property = Object.hasOwn(properties, k) ? properties[k] : isObject(additional) ? additional : null
    const converted =
      property === null
        ? v
        : Array.isArray(v) && typesOf(property)?.has('array')
          ? v.map((item) => coerce(isObject(property) ? property.items : undefined, item))
          : coerce(property, v)
    // defined, not assigned: a key named __proto__ stays a key (and is refused as unknown), never a prototype
    Object.defineProperty(out, k, { value: converted, enumerable: true, writable: true, configurable: true })
  }
  return out
}

function issuesOf(errors: ReadonlyArray<Partial<ValidationIssue>>): ValidationIssue[] {
  return errors.map((e) => ({
    keyword: e.keyword ?? 'invalid',
    instancePath: e.instancePath ?? '',
    schemaPath: e.schemaPath ?? '',
    params: e.params ?? {},
    message: e.message ?? 'is invalid',
  }))
}

/**
 * Fastify's validator compiler for every route of a kit app: strict for `body`, converting text for
 * `querystring`, `params` and `headers` (see the file comment). Errors become the `errors` of the 400
 * problem (`body/subject must …`).
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const validator = Compile(schema)
  if (httpPart === 'body') {
    return (data: unknown) => {
      // defaults only add what is missing; they never change a value that was sent
      const value = validator.Default(data)
      if (!validator.Check(value)) return { error: issuesOf(validator.Errors(value)) as unknown as Error }
      const control = controlCharacters(value)
      if (control.length > 0) {
        return {
          error: issuesOf(
            control.map((instancePath) => ({
              keyword: 'controlCharacters',
              instancePath,
              message: 'must not contain control characters',
            })),
          ) as unknown as Error,
        }
      }
      return { value }
    }
  }
  return (data: unknown) => {
    const value = validator.Default(coerceObject(schema, data))
    if (validator.Check(value)) return { value }
    return { error: issuesOf(validator.Errors(value)) as unknown as Error }
  }
}
