// Property-based bad-input fuzzing of a service's HTTP API, driven by its own OpenAPI document. Every
// operation gets malformed, boundary and hostile requests mixed with valid-looking ones (so that the checks
// behind schema validation are reached too). Properties: the answer is a 2xx only for valid input, else a
// 4xx problem+json; never a 5xx, a crash or an unhandled rejection; a refused request stores nothing and
// publishes nothing; nothing pollutes a prototype. The seed is fixed; FUZZ_RUNS / FUZZ_SEED / FUZZ_ONLY
// make longer, other or narrower runs, and a failure prints what reproduces it.
import { AsyncLocalStorage } from 'node:async_hooks'
import { generateKeyPairSync } from 'node:crypto'
import type { EventBus } from '@tingjian/bus'
import type { EventEnvelope } from '@tingjian/contracts'
import { type App, bodyShapeProblem, type JwtConfig, ROLES, type Role } from '@tingjian/kit'
import type { Collection, DocumentStore } from '@tingjian/store'
import fc, { type Arbitrary, type GeneratorValue } from 'fast-check'
import { createSigner } from 'fast-jwt'
import type { Test } from 'tap'

// ---------------------------------------------------------------------------------------------------------
// Settings

export interface FuzzSettings {
  /** Requests per operation. */
  runs: number
  seed: number
  /** Only operations whose `METHOD /path` contains this text. */
  only?: string
  /** A line per request (FUZZ_LOG=1). */
  log?: boolean
  /** Let fast-check shrink a failure (FUZZ_SHRINK=1). */
  shrink?: boolean
}

/**
 * Settings from FUZZ_RUNS (requests per operation), FUZZ_SEED, FUZZ_ONLY (operations whose id contains
 * it), FUZZ_LOG=1 (a line per request) and FUZZ_SHRINK=1. The defaults keep a service's run to seconds; a
 * test with few operations may ask for more runs each.
 */
export function fuzzSettings(
  env: NodeJS.ProcessEnv = process.env,
  defaults: { runs?: number; seed?: number } = {},
): FuzzSettings {
  const int = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const n = Number(raw)
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`)
    return n
  }
  const settings: FuzzSettings = {
    runs: int('FUZZ_RUNS', defaults.runs ?? 40),
    seed: int('FUZZ_SEED', defaults.seed ?? 20260302),
  }
  if (env.FUZZ_ONLY) settings.only = env.FUZZ_ONLY
  if (env.FUZZ_LOG === '1') settings.log = true
  if (env.FUZZ_SHRINK === '1') settings.shrink = true
  return settings
}

// ---------------------------------------------------------------------------------------------------------
// Spies on the ports: which writes and which events each request caused

export interface Recorded {
  writes: Array<{ collection: string; op: 'insert' | 'update'; id: string; tag: string | undefined }>
  events: Array<{ id: string; type: string; correlationId: string | undefined; tag: string | undefined }>
}

export interface SpiedAdapters {
  bus: EventBus
  store: DocumentStore
  recorded: Recorded
  /** Runs `fn` with a tag that every write and publish made on its behalf carries. */
  tagged<T>(tag: string, fn: () => Promise<T>): Promise<T>
}

/**
 * Wraps a bus and a store (through their port interfaces only) so that every successful insert, update and
 * publish is recorded with the tag of the request that caused it (AsyncLocalStorage follows the request
 * through its awaits; background work — relays, consumers — carries no tag or its own).
 */
export function spyAdapters(adapters: { bus: EventBus; store: DocumentStore }): SpiedAdapters {
  const als = new AsyncLocalStorage<string>()
  const recorded: Recorded = { writes: [], events: [] }
  const { bus, store } = adapters
  const note = (events: readonly EventEnvelope[]) => {
    for (const e of events)
      recorded.events.push({ id: e.id, type: e.type, correlationId: e.correlationId, tag: als.getStore() })
  }
  const spiedBus: EventBus = {
    adapter: bus.adapter,
    publish: async (event) => {
      await bus.publish(event)
      note([event])
    },
    publishBatch: async (events) => {
      await bus.publishBatch(events)
      note(events)
    },
    subscribe: (options, handler) => bus.subscribe(options, handler),
    subscribeDeadLetters: (options, handler) => bus.subscribeDeadLetters(options, handler),
    ensureStreams: (streams) => bus.ensureStreams(streams),
    health: () => bus.health(),
    close: () => bus.close(),
  }
  const wrap = <T extends object>(c: Collection<T>): Collection<T> => ({
    get name() {
      return c.name
    },
    ensureIndexes: (indexes) => c.ensureIndexes(indexes),
    get: (id) => c.get(id),
    insert: async (id, doc, options) => {
      const saved = await c.insert(id, doc, options)
      recorded.writes.push({ collection: c.name, op: 'insert', id, tag: als.getStore() })
      return saved
    },
    update: async (id, expectedVersion, doc, options) => {
      const saved = await c.update(id, expectedVersion, doc, options)
      recorded.writes.push({ collection: c.name, op: 'update', id, tag: als.getStore() })
      return saved
    },
    find: (filter, options) => c.find(filter, options),
    count: (filter) => c.count(filter),
    countBy: (paths, filter) => c.countBy(paths, filter),
    outboxPending: (limit) => c.outboxPending(limit),
    outboxRemove: (published) => c.outboxRemove(published),
  })
  const spiedStore: DocumentStore = {
    adapter: store.adapter,
    collection: <T extends object>(name: string) => wrap(store.collection<T>(name)),
    collectionNames: () => store.collectionNames(),
    onOutboxWrite: (listener) => store.onOutboxWrite(listener),
    health: () => store.health(),
    close: () => store.close(),
  }
  return {
    bus: spiedBus,
    store: spiedStore,
    recorded,
    // awaited inside the run: app.inject() answers a thenable that starts the request only when awaited
    tagged: (tag, fn) => als.run(tag, async () => await fn()),
  }
}

// ---------------------------------------------------------------------------------------------------------
// The operations, from the OpenAPI document

type Schema = { readonly [key: string]: unknown }
type Access = 'public' | 'staff' | readonly Role[]

export interface Param {
  in: 'path' | 'query' | 'header'
  name: string
  required: boolean
  schema: Schema
}

export interface Operation {
  /** `METHOD /path/{param}` */
  id: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  params: Param[]
  body?: Schema
  access: Access
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const own = (o: object, key: string) => Object.hasOwn(o, key)
const get = (o: Schema, key: string): unknown => (own(o, key) ? o[key] : undefined)

interface Doc {
  paths?: Record<string, Record<string, unknown>>
  components?: { schemas?: Record<string, Schema> }
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Every operation of the document (the app must be ready). */
export function operationsOf(app: App): { operations: Operation[]; resolve: (s: unknown) => Schema } {
  const doc = app.swagger() as Doc
  const components = doc.components?.schemas ?? {}
  const resolve = (s: unknown): Schema => {
    let current = s
    for (let i = 0; i < 20 && isObject(current) && typeof current.$ref === 'string'; i++) {
      const ref: string = current.$ref
      const name = ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : ref
      current = own(components, name) ? components[name] : {}
    }
    return isObject(current) ? current : {}
  }
  const operations: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const m of METHODS) {
      const op = item[m]
      if (!isObject(op)) continue
      const params: Param[] = []
      for (const p of Array.isArray(op.parameters) ? op.parameters : []) {
        if (!isObject(p) || typeof p.name !== 'string') continue
        if (p.in !== 'path' && p.in !== 'query' && p.in !== 'header') continue
        params.push({ in: p.in, name: p.name, required: p.required === true, schema: resolve(p.schema) })
      }
      const content = isObject(op.requestBody) ? op.requestBody.content : undefined
      const json = isObject(content) ? content['application/json'] : undefined
      const access = op['x-access']
      const operation: Operation = {
        id: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase() as Operation['method'],
        path,
        params,
        access:
          access === 'staff' || access === 'public'
            ? access
            : Array.isArray(access)
              ? access.filter((r): r is Role => (ROLES as readonly string[]).includes(r))
              : 'public',
      }
      if (isObject(json)) operation.body = resolve(json.schema)
      operations.push(operation)
    }
  }
  return { operations, resolve }
}

// ---------------------------------------------------------------------------------------------------------
// JSON text with values JSON.stringify cannot write (1e309, -0, 2^53+1, deep nesting, raw keys)

/** A piece of JSON text written as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

type Value = unknown

/** An object with these own keys, `__proto__` and `constructor` included. */
function objectOf(entries: Array<[string, Value]>): Record<string, Value> {
  const o: Record<string, Value> = {}
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  return o
}

function toJsonText(v: Value): string {
  if (v instanceof RawJson) return v.text
  if (Array.isArray(v)) return `[${v.map(toJsonText).join(',')}]`
  if (isObject(v))
    return `{${Object.keys(v)
      .map((k) => `${JSON.stringify(k)}:${toJsonText(v[k])}`)
      .join(',')}}`
  if (v === undefined) return 'null'
  return JSON.stringify(v) ?? 'null'
}

// ---------------------------------------------------------------------------------------------------------
// The oracle: is this input certainly invalid under the schema? (Uncertain cases count as valid: they may
// get a 2xx or a 4xx; only a certain violation demands a 4xx.)

const codePoints = (s: string) => [...s].length

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

type Resolve = (s: unknown) => Schema

/** Certain violations of `schema` by the JSON value `v` (strict JSON types: no coercion). */
function violations(resolve: Resolve, schema: unknown, v: unknown, path: string, out: string[]): void {
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
function stringViolations(resolve: Resolve, schema: Schema, raw: string | string[], path: string): string[] {
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
function poisoned(v: unknown): boolean {
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

// ---------------------------------------------------------------------------------------------------------
// Hostile values

/** Many values side by side: a wide array, or an object of many properties. */
const WIDE = (n: number, kind: 'array' | 'object') =>
  new RawJson(
    kind === 'array'
      ? `[${Array.from({ length: n }, (_, i) => i).join(',')}]`
      : `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`,
  )

const DEEP = (depth: number, kind: 'array' | 'object') =>
  new RawJson(
    kind === 'array'
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  )

const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t',
  '\r\n',
  'null',
  'undefined',
  'true',
  'false',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0',
  '-1',
  '1e309',
  '-1e309',
  '9007199254740993',
  '0x1F',
  '1_000',
  ' 5 ',
  '1.5',
  '٣',
  '\u0000',
  'a\u0000b',
  '\u0007bell',
  '\u001b[31mred',
  '\u007f',
  '\u202Eevil\u202C',
  '\u202D',
  '\u2066isolate\u2069',
  '\u200B',
  '\u200D\u200C',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u2028\u2029',
  'e\u0301\u0301\u0301\u0301',
  'Z\u0335\u0321\u0327\u0362\u0361\u0334',
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '\uDBFF\uDFFF',
  '\uFFFE\uFFFF',
  '😀',
  '👩‍👩‍👧‍👦',
  '𠜎𠜱𠝹',
  'ﷺ',
  '\u0130\u0131',
  'ß',
  '{"$gt":""}',
  '$gt',
  '$where',
  '$ne',
  'this.a == 1 || sleep(1000)',
  '__proto__',
  'constructor',
  'prototype',
  '__proto__.polluted',
  '../../../../etc/passwd',
  '..\\..\\windows',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  "' OR '1'='1",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '$' + '{jndi:ldap://x/a}',
  '{{7*7}}',
  '\\',
  '"',
  "'",
  '`',
  'a.b',
  'A'.repeat(65),
  'A'.repeat(201),
  'A'.repeat(4097),
]

const OPERATOR_VALUES: readonly Value[] = [
  objectOf([['$gt', '']]),
  objectOf([['$ne', null]]),
  objectOf([['$where', 'function () { return true }']]),
  objectOf([['$regex', '.*']]),
  objectOf([['$in', ['a', 'b']]]),
  objectOf([['$exists', true]]),
  objectOf([['$expr', objectOf([['$eq', [1, 1]]])]]),
  [objectOf([['$gt', '']])],
]

const PROTO_VALUES: readonly Value[] = [
  new RawJson('{"__proto__":{"polluted":"yes"}}'),
  new RawJson('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  new RawJson('{"prototype":{"polluted":"yes"}}'),
  new RawJson('[{"__proto__":{"polluted":"yes"}}]'),
  new RawJson('{"a":{"b":{"__proto__":{"polluted":"yes"}}}}'),
]

const NUMBER_VALUES: readonly Value[] = [
  0,
  -1,
  1.5,
  0.1,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  1e21,
  new RawJson('-0'),
  new RawJson('1e309'),
  new RawJson('-1e309'),
  new RawJson('9007199254740993'),
  new RawJson('1E-400'),
  new RawJson('1.0'),
  new RawJson('100000000000000000000000000000000000000000'),
]

const OTHER_VALUES: readonly Value[] = [null, true, false, [], [null], ['x'], ['x', 'x'], {}, [[[]]]]

const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  '$where',
  '$gt',
  '_id',
  'version',
  'a.b',
  '',
  ' ',
  'polluted',
  '\u0000',
  '\u202Ekey',
  'k'.repeat(300),
  'toString',
  'hasOwnProperty',
]

const CONTENT_TYPES: ReadonlyArray<[string | undefined, 'wrong' | 'unsure']> = [
  ['text/plain', 'wrong'],
  ['text/plain; charset=utf-8', 'wrong'],
  ['application/x-www-form-urlencoded', 'wrong'],
  ['multipart/form-data; boundary=----x', 'wrong'],
  ['application/xml', 'wrong'],
  ['text/html', 'wrong'],
  ['application/octet-stream', 'wrong'],
  ['application/jsonx', 'wrong'],
  ['application/vnd.api+json', 'wrong'],
  ['json', 'wrong'],
  ['', 'wrong'],
  [undefined, 'wrong'],
  ['application/json; charset=latin1', 'unsure'],
  ['Application/JSON', 'unsure'],
  ['application/json;;', 'unsure'],
]

/** JSON text that is not JSON. */
const BROKEN_JSON = (valid: string): string[] => [
  valid.slice(0, Math.max(1, valid.length - 1)),
  valid.slice(0, Math.floor(valid.length / 2)),
  `${valid},`,
  `${valid}}`,
  `${valid}${valid}`,
  valid.replaceAll('"', "'"),
  valid.replace(/"([^"]+)":/, '$1:'),
  valid.replace(/}$/, ',}'),
  `/* c */${valid}`,
  '{"a": NaN}',
  '{"a": Infinity}',
  '{"a": undefined}',
  '{"a": 01}',
  '{"a": .5}',
  '{"a": "\u0001"}',
  '{"a": "\\x41"}',
  '{"a": "\\uD8"}',
  '{',
  '}',
  '[',
  '"',
  'nul',
  'tru',
  ' ',
  '\n\n',
  '',
]

// ---------------------------------------------------------------------------------------------------------
// Generation

type G = GeneratorValue

/** 0..max, uniform: fast-check's own integers lean to the bounds, which would skew every choice. */
const roll = (g: G, max: number): number => g(() => fc.noBias(fc.integer({ min: 0, max })))
const pick = <T>(g: G, xs: readonly T[]): T => xs[roll(g, xs.length - 1)] as T
const chance = (g: G, percent: number) => roll(g, 99) < percent

export interface FuzzHints {
  /**
   * Values that exist or make sense, by parameter or property name (ids of seeded records, a tracking code
   * and its access key, current versions…), so that requests get past "not found".
   */
  known?: Record<string, readonly Value[]>
  /** Valid bodies per operation id, mutated by the fuzzer. */
  examples?: Record<string, readonly Value[]>
}

class Generator {
  constructor(
    private readonly g: G,
    private readonly resolve: Resolve,
    private readonly hints: FuzzHints,
  ) {}

  known(name: string): readonly Value[] {
    const k = this.hints.known
    return k && own(k, name) ? (k[name] ?? []) : []
  }

  /** A value that should pass the schema (not guaranteed: the oracle decides). */
  plausible(schema: unknown, name: string, depth = 0): Value {
    const { g } = this
    const s = this.resolve(schema)
    const known = this.known(name)
    if (known.length && chance(g, 70)) return pick(g, known)
    const enumeration = get(s, 'enum')
    if (Array.isArray(enumeration) && enumeration.length) return pick(g, enumeration)
    if (own(s, 'const')) return s.const
    const branches = get(s, 'anyOf') ?? get(s, 'oneOf')
    if (Array.isArray(branches) && branches.length) {
      // prefer the first branch (nullable unions put the value first)
      return this.plausible(chance(g, 75) ? branches[0] : pick(g, branches), name, depth)
    }
    const type = get(s, 'type')
    const types = Array.isArray(type) ? type : type === undefined ? ['string'] : [type]
    const t = types.length > 1 && chance(g, 80) ? types.find((x) => x !== 'null') : pick(g, types)
    const num = (k: string) => {
      const x = get(s, k)
      return typeof x === 'number' ? x : undefined
    }
    switch (t) {
      case 'integer':
      case 'number': {
        const min = num('minimum') ?? (num('exclusiveMinimum') ?? -1001) + 1
        const max = num('maximum') ?? (num('exclusiveMaximum') ?? Math.max(min, 0) + 1001) - 1
        const lo = Math.ceil(min)
        const hi = Math.max(lo, Math.floor(Math.min(max, lo + 1000)))
        return g(fc.integer, { min: lo, max: hi })
      }
      case 'boolean':
        return g(fc.boolean)
      case 'null':
        return null
      case 'array': {
        const min = num('minItems') ?? 0
        const max = Math.min(num('maxItems') ?? min + 3, min + 3)
        const n = g(fc.integer, { min, max })
        const items: Value[] = []
        for (let i = 0; i < n; i++) items.push(this.plausible(get(s, 'items'), name, depth + 1))
        return get(s, 'uniqueItems') === true
          ? [...new Map(items.map((x) => [toJsonText(x), x])).values()]
          : items
      }
      case 'object': {
        const properties = get(s, 'properties')
        const props = isObject(properties) ? properties : {}
        const required = get(s, 'required')
        const req = new Set(Array.isArray(required) ? required : [])
        const entries: Array<[string, Value]> = []
        for (const [k, ps] of Object.entries(props)) {
          if (req.has(k) || (depth < 6 && chance(g, 50))) entries.push([k, this.plausible(ps, k, depth + 1)])
        }
        return objectOf(entries)
      }
      default:
        return this.string(s)
    }
  }

  string(s: Schema): string {
    const { g } = this
    const min = typeof s.minLength === 'number' ? s.minLength : 0
    const max = typeof s.maxLength === 'number' ? s.maxLength : Math.max(min, 64)
    const format = get(s, 'format')
    if (format === 'date-time')
      return g(fc.date, {
        min: new Date('2000-01-01'),
        max: new Date('2099-12-31'),
        noInvalidDate: true,
      }).toISOString()
    if (format === 'email') return g(fc.emailAddress).slice(0, max)
    if (format === 'uuid') return g(fc.uuid)
    const pattern = get(s, 'pattern')
    if (typeof pattern === 'string') {
      let arb: Arbitrary<string> | undefined
      try {
        arb = fc.stringMatching(new RegExp(pattern))
      } catch {
        arb = undefined
      }
      if (arb) {
        const matching = arb
        let out = g(() => matching)
        // `^[…]*$`-like patterns stay matched when repeated; fixed-length ones are already long enough
        for (let i = 0; i < 4 && codePoints(out) < min; i++) out += g(() => matching)
        if (codePoints(out) > max) out = [...out].slice(0, max).join('')
        return out
      }
    }
    const unit = pick(g, ['grapheme', 'grapheme-ascii', 'binary'] as const)
    return g(fc.string, { minLength: min, maxLength: Math.min(max, min + 24), unit })
  }

  /** A value likely to be wrong for the schema: wrong type, boundary, hostile text, operators, pollution. */
  hostile(schema: unknown, name = ''): Value {
    const { g } = this
    const s = this.resolve(schema)
    const max = typeof s.maxLength === 'number' ? s.maxLength : undefined
    const min = typeof s.minLength === 'number' ? s.minLength : undefined
    switch (roll(g, 14)) {
      case 0:
        return pick(g, OPERATOR_VALUES)
      case 1:
        return pick(g, PROTO_VALUES)
      case 2:
        return pick(g, NUMBER_VALUES)
      case 3:
        return pick(g, OTHER_VALUES)
      case 4:
        return chance(g, 50)
          ? DEEP(pick(g, [32, 1000, 20_000]), pick(g, ['array', 'object'] as const))
          : WIDE(pick(g, [999, 2000, 20_000]), pick(g, ['array', 'object'] as const))
      case 5:
      case 6: {
        // around the length limits, and far beyond them
        const n = pick(g, [
          max !== undefined ? max + 1 : 1,
          min !== undefined ? Math.max(0, min - 1) : 0,
          100_000,
        ])
        return pick(g, ['x', '长', '😀', ' ', '\u0301']).repeat(n)
      }
      case 7:
      case 8: {
        // valid-looking text with one hostile character inside
        const valid = this.plausible(s, name)
        const base = typeof valid === 'string' ? valid : this.string(s)
        const at = roll(g, base.length)
        const bad = pick(g, [
          '\u0000',
          '\u202E',
          '\uD800',
          '\uDC00',
          '\u200B',
          '\u001b',
          '\u007f',
          '\n',
          '\u2028',
          '\uFEFF',
        ])
        return base.slice(0, at) + bad + base.slice(at)
      }
      case 9:
        return g(fc.string, { unit: 'binary', maxLength: 40 })
      case 10:
        return pick(g, HOSTILE_STRINGS)
      case 11:
        // an opaque token (a page cursor…) that decodes to something hostile
        return Buffer.from(
          toJsonText(pick(g, [...OPERATOR_VALUES, ...PROTO_VALUES, ...NUMBER_VALUES, ...OTHER_VALUES])),
        ).toString(pick(g, ['base64url', 'base64'] as const))
      default:
        return this.confused(s, name)
    }
  }

  /** A valid value in the wrong JSON type, as a coercing validator would take it: "1" for 1, [x] for x. */
  confused(s: Schema, name: string): Value {
    const { g } = this
    const v = this.plausible(s, name)
    if (typeof v === 'string') {
      const n = Number(v)
      return pick(g, [v.trim() !== '' && Number.isFinite(n) ? n : 42, true, false, null, [v], 0])
    }
    if (typeof v === 'boolean') return pick(g, [String(v), v ? 1 : 0, null, [v], 'yes'])
    if (typeof v === 'number') return pick(g, [String(v), ` ${v} `, [v], null, v !== 0, `${v}.0`])
    if (Array.isArray(v)) return v.length ? pick(g, [v[0], toJsonText(v)]) : pick(g, ['', null, {}])
    if (isObject(v)) return pick(g, [[v], toJsonText(v), null, ''])
    return pick(g, ['', 0, false, 'null', []])
  }

  /** A body: usually a valid-looking object with a few mutations, else hostile JSON of another shape. */
  body(schema: Schema, examples: readonly Value[]): Value {
    const { g } = this
    const base =
      examples.length && chance(g, 80) ? structuredCloneOwn(pick(g, examples)) : this.plausible(schema, '')
    if (!isObject(base)) return base
    const mutations = pick(g, [0, 0, 1, 1, 1, 1, 1, 1, 2, 3])
    let current: Record<string, Value> = base
    for (let i = 0; i < mutations; i++) current = this.mutate(schema, current)
    return current
  }

  mutate(schema: Schema, o: Record<string, Value>): Record<string, Value> {
    const { g } = this
    const s = this.resolve(schema)
    const properties = get(s, 'properties')
    const props = isObject(properties) ? properties : {}
    const entries: Array<[string, Value]> = Object.keys(o).map((k) => [k, o[k]])
    const names = [...new Set([...Object.keys(props), ...Object.keys(o)])]
    const kind = roll(g, 7)
    if (kind <= 4 && names.length) {
      // one field gets a hostile value (or, for nested objects, a mutation of its own)
      const name = pick(g, names)
      const i = entries.findIndex(([k]) => k === name)
      const fieldSchema = own(props, name) ? this.resolve(props[name]) : {}
      const currentValue = i >= 0 ? entries[i]?.[1] : undefined
      const value =
        isObject(currentValue) && chance(g, 50)
          ? this.mutate(fieldSchema, currentValue)
          : this.hostile(fieldSchema, name)
      if (i >= 0) entries[i] = [name, value]
      else entries.push([name, value])
    } else if (kind === 5 && entries.length) {
      entries.splice(g(fc.integer, { min: 0, max: entries.length - 1 }), 1)
    } else if (kind === 6) {
      entries.push([pick(g, HOSTILE_KEYS), chance(g, 50) ? this.hostile({}) : pick(g, ['x', 1, true, null])])
    } else {
      // a field set to another value known under its name (an existing id…), or to null, [], {}
      const a = pick(g, names.length ? names : ['x'])
      entries.push([a, pick(g, [...this.known(a), ...OTHER_VALUES])])
    }
    return objectOf(entries)
  }
}

/** A deep copy that keeps own keys such as `__proto__`. */
function structuredCloneOwn(v: Value): Value {
  if (v instanceof RawJson) return v
  if (Array.isArray(v)) return v.map(structuredCloneOwn)
  if (isObject(v)) return objectOf(Object.keys(v).map((k) => [k, structuredCloneOwn(v[k])]))
  return v
}

// ---------------------------------------------------------------------------------------------------------
// Requests

type Headers = Record<string, string | string[]>

interface FuzzRequest {
  method: string
  url: string
  headers: Headers
  payload?: string | Buffer
  /** Why the request is certainly invalid (empty: it may be valid). */
  invalid: string[]
  /** What was done to it, for the report. */
  notes: string[]
}

/** Characters Node accepts in a header value. */
const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?')

/** Text that can travel in a URL: a lone surrogate has no UTF-8 form (encodeURIComponent throws). */
const urlText = (v: Value) => (typeof v === 'string' ? v : toJsonText(v)).replace(/\p{Cs}/gu, '\uFFFD')
const encodeSegment = (s: string) => encodeURIComponent(s)
/** Path values that change which route is hit (dot segments, empty) say nothing certain. */
const routeChanging = (s: string) => s === '' || /^\.{1,2}$/.test(s)

export interface FuzzTarget extends FuzzHints {
  app: App
  spied: SpiedAdapters
  /** The key pair, issuer and audience the app verifies (with the private key, to sign test tokens). */
  jwt: JwtConfig
  /** Claims of a staff member of this role (a real user id, a department where it matters). */
  staff: (role: Role) => { sub: string; departmentId?: string | null }
  /**
   * Changes a refusal may make: failed sign-ins are counted, for instance. Keys are operation ids;
   * values the collections that may change on a 4xx with one of these statuses.
   */
  mayChangeOnRefusal?: Record<string, { statuses: readonly number[]; collections: readonly string[] }>
  /** Operation ids not to fuzz. */
  skip?: readonly string[]
  settings?: FuzzSettings
  /** Receives a line per request (fuzzApp passes t.comment when FUZZ_LOG=1). */
  log?: (line: string) => void
}

interface Signers {
  valid: (role: Role) => string
  variants: (role: Role) => Array<[string, string | string[], 'invalid' | 'unsure']>
}

function signers(target: FuzzTarget): Signers {
  const { jwt } = target
  const key = jwt.privateKey
  if (!key) throw new Error('fuzz: the jwt config needs its private key to sign test tokens')
  const base = { key, algorithm: 'EdDSA' as const, iss: jwt.issuer, aud: jwt.audience }
  const sign = createSigner({ ...base, expiresIn: 15 * 60_000 })
  const expired = createSigner({ ...base, expiresIn: 60_000, clockTimestamp: Date.now() - 3_600_000 })
  const wrongAudience = createSigner({ ...base, aud: 'someone-else', expiresIn: 60_000 })
  const wrongIssuer = createSigner({ ...base, iss: 'someone-else', expiresIn: 60_000 })
  const otherKey = createSigner({
    ...base,
    key: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    expiresIn: 60_000,
  })
  const claims = (role: Role) => {
    const s = target.staff(role)
    return { sub: s.sub, username: s.sub, roles: [role], departmentId: s.departmentId ?? null }
  }
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  // signed once per role and reused for a few minutes: signing on every request costs more than the request
  const cached = <T>(make: (role: Role) => T) => {
    const memo = new Map<Role, { at: number; value: T }>()
    return (role: Role): T => {
      const hit = memo.get(role)
      if (hit && Date.now() - hit.at < 5 * 60_000) return hit.value
      const value = make(role)
      memo.set(role, { at: Date.now(), value })
      return value
    }
  }
  return {
    valid: cached((role) => sign(claims(role))),
    variants: cached((role) => {
      const good = sign(claims(role))
      const [h, p, sig] = good.split('.')
      const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<string, unknown>
      const { sub: _sub, ...withoutSub } = claims(role)
      return [
        ['no token', '', 'invalid'],
        ['an empty bearer', 'Bearer ', 'invalid'],
        ['garbage', `Bearer ${'x'.repeat(40)}`, 'invalid'],
        ['basic auth', 'Basic YWRtaW46YWRtaW4=', 'invalid'],
        ['the token without Bearer', good, 'invalid'],
        ['a tampered signature', `Bearer ${h}.${p}.${(sig ?? '').slice(0, -4)}AAAA`, 'invalid'],
        ['a tampered payload', `Bearer ${h}.${b64({ ...payload, roles: [...ROLES] })}.${sig}`, 'invalid'],
        ['alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${p}.`, 'invalid'],
        ['alg HS256', `Bearer ${b64({ alg: 'HS256', typ: 'JWT' })}.${p}.${sig}`, 'invalid'],
        ['another key', `Bearer ${otherKey(claims(role))}`, 'invalid'],
        ['expired', `Bearer ${expired(claims(role))}`, 'invalid'],
        ['another audience', `Bearer ${wrongAudience(claims(role))}`, 'invalid'],
        ['another issuer', `Bearer ${wrongIssuer(claims(role))}`, 'invalid'],
        ['no subject', `Bearer ${sign(withoutSub)}`, 'invalid'],
        ['a huge token', `Bearer ${'a'.repeat(9000)}.${'b'.repeat(9000)}.c`, 'invalid'],
        ['two authorization headers', [`Bearer ${good}`, 'Bearer x'], 'unsure'],
        // well signed, but with claims identity never issues: the kit refuses them
        ['roles as a string', `Bearer ${sign({ ...claims(role), roles: role })}`, 'invalid'],
        ['no roles', `Bearer ${sign({ ...claims(role), roles: undefined })}`, 'invalid'],
        ['roles with an operator', `Bearer ${sign({ ...claims(role), roles: [{ $gt: '' }] })}`, 'invalid'],
        [
          'a department id object',
          `Bearer ${sign({ ...claims(role), departmentId: { $ne: null } })}`,
          'invalid',
        ],
        ['a subject object', `Bearer ${sign({ ...claims(role), sub: { $gt: '' } })}`, 'invalid'],
      ]
    }),
  }
}

function buildRequest(
  g: G,
  op: Operation,
  target: FuzzTarget,
  resolve: Resolve,
  tokens: Signers,
  bodyLimit: number,
): FuzzRequest {
  const gen = new Generator(g, resolve, target)
  const invalid: string[] = []
  const notes: string[] = []
  const headers: Headers = {}

  // Access: mostly a role the route allows, sometimes none, a wrong role or a broken token.
  if (op.access !== 'public') {
    const allowed: readonly Role[] = op.access === 'staff' ? ROLES : op.access
    const forbidden = ROLES.filter((r) => !allowed.includes(r))
    const mode = roll(g, 99)
    const role = pick(g, allowed)
    if (mode < 78) headers.authorization = `Bearer ${tokens.valid(role)}`
    else if (mode < 86 && forbidden.length) {
      const wrong = pick(g, forbidden)
      headers.authorization = `Bearer ${tokens.valid(wrong)}`
      invalid.push(`role ${wrong} not allowed`)
      notes.push(`token of ${wrong}`)
    } else {
      const [label, value, verdict] = pick(g, tokens.variants(role))
      if (value.length)
        headers.authorization = Array.isArray(value) ? value.map(headerSafe) : headerSafe(value)
      if (verdict === 'invalid') invalid.push(`token: ${label}`)
      notes.push(`token: ${label}`)
    }
  } else if (chance(g, 5)) {
    headers.authorization = pick(g, ['Bearer x', `Bearer ${tokens.valid('admin')}`, 'Basic Og=='])
  }

  // Path
  let path = op.path
  const pathClaims: string[] = []
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const mode = roll(g, 99)
    let segment: string
    if (mode < 75) {
      const text = urlText(gen.plausible(p.schema, p.name))
      segment = encodeSegment(text)
      if (routeChanging(text)) notes.push(`path ${p.name} changes the route`)
      else pathClaims.push(...stringViolations(resolve, p.schema, text, `params/${p.name}`))
    } else if (mode < 92) {
      const text = urlText(gen.hostile(p.schema)).slice(0, 400)
      segment = encodeSegment(text)
      if (routeChanging(text) || text.includes('/')) notes.push(`path ${p.name} changes the route`)
      else pathClaims.push(...stringViolations(resolve, p.schema, text, `params/${p.name}`))
      notes.push(`path ${p.name} hostile`)
    } else {
      // raw, not encoded: broken escapes, NUL, traversal, over-long
      segment = pick(g, [
        '%E0%A4%A',
        '%',
        '%zz',
        '%00',
        '%C0%AE',
        '..%2f..%2f',
        '%2e%2e',
        '%FF%FE',
        '%ED%A0%80',
        'a%20b',
        'x'.repeat(300),
        '%u0041',
      ])
      notes.push(`path ${p.name} raw ${segment.slice(0, 20)}`)
    }
    path = path.replace(`{${p.name}}`, segment)
  }
  // may land on another route: the path parameters (and the method) then say nothing certain
  const suffixed = chance(g, 3)
  if (suffixed) {
    path += pick(g, ['/extra', '/', '//', '/..', '/%2e%2e', ';x=1'])
    notes.push('path suffix')
  } else invalid.push(...pathClaims)

  // Query
  const query: Array<[string, string]> = []
  for (const p of op.params.filter((x) => x.in === 'query')) {
    const mode = roll(g, 99)
    if (!p.required && chance(g, 35)) continue
    if (mode < 45) {
      query.push([p.name, urlText(gen.plausible(p.schema, p.name))])
    } else if (mode < 70) {
      query.push([p.name, urlText(gen.hostile(p.schema)).slice(0, 5000)])
    } else if (mode < 75) {
      query.push([p.name, 'a'], [p.name, 'b'])
    } else if (mode < 80) {
      query.push([`${p.name}[$ne]`, 'x'])
    }
  }
  if (chance(g, 20)) {
    const extra = pick(g, [
      ['__proto__[polluted]', 'yes'],
      ['constructor[prototype][polluted]', 'yes'],
      ['__proto__', 'yes'],
      ['$where', 'sleep(100)'],
      ['filter[$gt]', ''],
      ['a', 'b'],
      ['', ''],
      ['\u0000', 'x'],
      ['q'.repeat(3000), 'x'],
    ] as Array<[string, string]>)
    query.push(extra)
    notes.push(`extra query ${extra[0].slice(0, 30)}`)
  }
  const rawQuery = chance(g, 3)
    ? pick(g, ['%', '%zz=1', '&&&', '=', 'a=%E0%A4%A', 'a=%ED%A0%80', '?a=1', 'a==1'])
    : undefined
  // what the server's query parser makes of it: repeated keys become lists
  const parsed = new Map<string, string[]>()
  for (const [k, v] of query) parsed.set(k, [...(parsed.get(k) ?? []), v])
  for (const p of op.params.filter((x) => x.in === 'query')) {
    const v = parsed.get(p.name)
    if (v === undefined) {
      if (p.required && !rawQuery && !own(p.schema, 'default')) invalid.push(`query ${p.name} missing`)
    } else if (!rawQuery) {
      invalid.push(
        ...stringViolations(resolve, p.schema, v.length === 1 ? (v[0] ?? '') : v, `querystring/${p.name}`),
      )
    }
  }
  let url = path
  if (query.length || rawQuery)
    url += `?${[...query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`), ...(rawQuery ? [rawQuery] : [])].join('&')}`

  // Headers declared by the route
  for (const p of op.params.filter((x) => x.in === 'header')) {
    const mode = roll(g, 99)
    let value: string | string[] | undefined
    if (!p.required && chance(g, 40)) value = undefined
    else if (mode < 70) {
      const v = gen.plausible(p.schema, p.name)
      value = typeof v === 'string' ? v : toJsonText(v)
    } else if (mode < 90) {
      const v = gen.hostile(p.schema)
      value = (typeof v === 'string' ? v : toJsonText(v)).slice(0, 5000)
    } else if (mode < 95) {
      const v = gen.plausible(p.schema, p.name)
      value = [String(v), String(v)]
    }
    if (value === undefined) {
      if (p.required) invalid.push(`header ${p.name} missing`)
      continue
    }
    const safe = Array.isArray(value) ? value.map(headerSafe) : headerSafe(value)
    // Node trims a header value's surrounding blanks; the server sees the trimmed text
    const seen = Array.isArray(safe) ? safe.map((x) => x.trim()) : safe.trim()
    headers[p.name] = safe
    // certain only if wrong both as sent and as trimmed (whether the server trims depends on the transport)
    const judge = (v: string | string[]) =>
      stringViolations(resolve, p.schema, Array.isArray(v) ? v.join(', ') : v, `headers/${p.name}`)
    const [asSent, asSeen] = [judge(safe), judge(seen)]
    if (asSent.length && asSeen.length) invalid.push(...asSeen)
  }
  if (chance(g, 10)) {
    const [name, value] = pick(g, [
      ['x-request-id', '../../etc/passwd'],
      ['x-request-id', 'r'.repeat(500)],
      ['x-forwarded-for', '127.0.0.1, 10.0.0.1'],
      ['accept', 'text/html'],
      ['accept-encoding', 'gzip;q=abc'],
      ['x-http-method-override', 'DELETE'],
      ['cookie', '__proto__=x; constructor=y'],
    ] as Array<[string, string]>)
    headers[name] = value
    notes.push(`header ${name}`)
  }

  // Body
  let payload: string | Buffer | undefined
  if (op.body) {
    const mode = roll(g, 99)
    const bodySchema = op.body
    const value = gen.body(bodySchema, target.examples?.[op.id] ?? [])
    const text = toJsonText(value)
    let contentType: string | undefined = 'application/json'
    if (mode < 70) {
      payload = text
      notes.push('json body')
    } else if (mode < 78) {
      payload = pick(g, [
        '[]',
        '[{}]',
        '"x"',
        '42',
        'null',
        'true',
        DEEP(20_000, 'array').text,
        DEEP(5_000, 'object').text,
        WIDE(15_000, 'object').text,
        WIDE(30_000, 'array').text,
        `[${text}]`,
        '{}',
      ])
      notes.push('json of another shape')
    } else if (mode < 86) {
      payload = pick(g, BROKEN_JSON(text))
      notes.push('broken json')
    } else if (mode < 93) {
      const [type, verdict] = pick(g, CONTENT_TYPES)
      contentType = type
      payload = chance(g, 50) ? text : `a=${encodeURIComponent(text)}`
      notes.push(`content-type ${String(type)}`)
      if (verdict === 'wrong') invalid.push(`content-type ${String(type)}`)
    } else if (mode < 97) {
      // beyond the body limit
      const filler = pick(g, ['x', '长', '\\u0000'])
      payload = `{"a":"${filler.repeat(Math.ceil((bodyLimit + 1024) / (filler === '长' ? 3 : filler.length)))}"}`
      notes.push('oversize body')
      invalid.push('body over the limit')
    } else {
      payload = Buffer.concat([
        Buffer.from(text.slice(0, 20)),
        Buffer.from([0xff, 0xfe, 0xc0, 0xae]),
        Buffer.from(text.slice(20)),
      ])
      notes.push('invalid UTF-8')
    }
    if (contentType !== undefined) headers['content-type'] = contentType
    if (
      typeof payload === 'string' &&
      contentType === 'application/json' &&
      !invalid.includes('body over the limit')
    ) {
      // the oracle judges what the server's parser sees
      let parsedBody: unknown
      let ok = true
      const stripped = payload.replace(/^\uFEFF/, '')
      try {
        parsedBody = JSON.parse(stripped)
      } catch {
        ok = false
      }
      if (!ok || stripped.trim() === '') invalid.push('not JSON')
      else if (poisoned(parsedBody)) invalid.push('prototype poisoning')
      else if (bodyShapeProblem(parsedBody)) invalid.push(`body ${bodyShapeProblem(parsedBody)}`)
      else {
        const out: string[] = []
        violations(resolve, bodySchema, parsedBody, 'body', out)
        invalid.push(...out)
      }
    }
  } else if (chance(g, 8)) {
    payload = pick(g, ['{"a":1}', '{', 'x'.repeat(1000), '{"__proto__":{"polluted":"yes"}}'])
    headers['content-type'] = pick(g, ['application/json', 'text/plain'])
    notes.push('unexpected body')
  }

  let method: string = op.method
  if (chance(g, 2)) {
    method = pick(
      g,
      ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'POST', 'GET', 'HEAD'].filter((m) => m !== op.method),
    )
    notes.push(`method ${method}`)
    const route = op.path.replace(/\{([^}]+)\}/g, ':$1')
    // another route answers this method: what was certain of this one says nothing of it
    invalid.length = 0
    if (!suffixed && !target.app.hasRoute({ method: method as 'GET', url: route }))
      invalid.push(`no ${method} route`)
  }
  const request: FuzzRequest = { method, url, headers, invalid, notes }
  if (payload !== undefined) request.payload = payload
  return request
}

// ---------------------------------------------------------------------------------------------------------
// The run

export interface OperationResult {
  /** `METHOD /path/{param}` */
  id: string
  requests: number
  /** 2xx answers: how often the input got all the way through. */
  accepted: number
  ms: number
  /** The first request that broke a property, and how to run it again. */
  failure?: { problems: string[]; request: string; answer: string; reproduce: string }
}

export interface FuzzReport {
  operations: OperationResult[]
  requests: number
  byStatus: Record<string, number>
  ms: number
  /** Of which in the app (inject), the rest in generating and checking. */
  appMs: number
  /** Types of events whose correlation id is that of a refused request. */
  announcedRefusals: string[]
  /** Prototypes that gained or lost a property during the run. */
  pollutedPrototypes: string[]
  unhandled: string[]
  /** The status of GET /healthz after the run. */
  liveAfter: number
  settings: FuzzSettings
}

const LEAK = /node_modules|\/work\/|\.ts:\d+|\n\s+at [\w.<>]+ \(|Error: /

async function counts(store: DocumentStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const name of await store.collectionNames()) out[name] = await store.collection(name).count()
  return out
}

/** Waits until no collection has unpublished outbox events (the relay caught up), or gives up quietly. */
async function settle(store: DocumentStore, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let pending = 0
    for (const name of await store.collectionNames())
      pending += (await store.collection(name).outboxPending(1)).length
    if (pending === 0 || Date.now() > deadline) return
    await new Promise((r) => setTimeout(r, 20))
  }
}

function describe(req: FuzzRequest): string {
  const payload =
    req.payload === undefined
      ? ''
      : `\n  body (${req.payload.length} bytes): ${req.payload.toString().slice(0, 600)}`
  const headers = Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${JSON.stringify(v).slice(0, 120)}`)
    .join('\n  ')
  return `${req.method} ${req.url.slice(0, 400)}\n  certainly invalid: ${req.invalid.join('; ').slice(0, 400) || 'no'}\n  notes: ${req.notes.join('; ') || '-'}\n  ${headers}${payload}`
}

const hashSeed = (seed: number, id: string) => {
  let h = seed | 0
  for (const ch of id) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0
  return h
}

const PROTOTYPES: Array<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
]

/** Fuzzes every operation of the app's OpenAPI document and reports what broke (see fuzzApp for tap). */
export async function fuzz(target: FuzzTarget): Promise<FuzzReport> {
  const settings = target.settings ?? fuzzSettings()
  const { app, spied } = target
  await app.ready()
  const { operations, resolve } = operationsOf(app)
  const tokens = signers(target)
  const bodyLimit = app.initialConfig.bodyLimit ?? 1024 * 1024
  const report: FuzzReport = {
    operations: [],
    requests: 0,
    byStatus: {},
    ms: 0,
    appMs: 0,
    announcedRefusals: [],
    pollutedPrototypes: [],
    unhandled: [],
    liveAfter: 0,
    settings,
  }
  const refusedIds = new Set<string>()
  const protoKeys = PROTOTYPES.map(([, p]) => Object.getOwnPropertyNames(p).join(','))
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  process.on('unhandledRejection', onUnhandled)
  process.on('uncaughtException', onUnhandled)
  const started = Date.now()
  let sequence = 0
  try {
    const selected = operations.filter(
      (op) => !target.skip?.includes(op.id) && (!settings.only || op.id.includes(settings.only)),
    )
    for (const op of selected) {
      const result: OperationResult = { id: op.id, requests: 0, accepted: 0, ms: 0 }
      report.operations.push(result)
      const opStarted = Date.now()
      const seed = hashSeed(settings.seed, op.id)
      let lastFailure: { problems: string[]; request: string; answer: string } | undefined
      const property = fc.asyncProperty(fc.gen(), async (g) => {
        const req = buildRequest(g, op, target, resolve, tokens, bodyLimit)
        const tag = `fuzz-${++sequence}-${seed >>> 0}`
        req.headers['x-request-id'] ??= tag
        const before = await counts(spied.store)
        const writesBefore = spied.recorded.writes.length
        const eventsBefore = spied.recorded.events.length
        const sent = performance.now()
        const res = await spied.tagged(tag, () =>
          app.inject({
            method: req.method as 'GET',
            url: req.url,
            headers: req.headers,
            ...(req.payload !== undefined ? { payload: req.payload } : {}),
          }),
        )
        report.appMs += performance.now() - sent
        const status = res.statusCode
        result.requests++
        report.requests++
        report.byStatus[status] = (report.byStatus[status] ?? 0) + 1
        target.log?.(
          `${status} ${req.method} ${req.url.slice(0, 120)} | ${req.notes.join('; ')} | invalid: ${req.invalid.join('; ').slice(0, 160) || 'no'}${status >= 400 && !req.invalid.length ? ` | ${res.body.replace(/.*"(detail|errors)":/, '').slice(0, 200)} | ${String(req.payload ?? '').slice(0, 300)}` : ''}`,
        )
        const problems: string[] = []
        const ok = status >= 200 && status < 300
        const refused = status >= 400 && status < 500
        if (ok) result.accepted++
        if (!ok && !refused) problems.push(`answered ${status}`)
        if (ok && req.invalid.length) problems.push(`accepted certainly invalid input (${status})`)
        // an answer to HEAD has the headers of the answer to GET and no body
        if (!ok)
          problems.push(...problemShape(res.headers['content-type'], res.body, status, req.method === 'HEAD'))
        if (LEAK.test(res.body)) problems.push('the answer shows internals')
        const requestId = String(res.headers['x-request-id'] ?? req.headers['x-request-id'])
        const writes = spied.recorded.writes.slice(writesBefore).filter((w) => w.tag === tag)
        const events = spied.recorded.events.slice(eventsBefore).filter((e) => e.tag === tag)
        const allowed = target.mayChangeOnRefusal?.[op.id]
        const mayChange =
          refused && allowed?.statuses.includes(status) ? new Set(allowed.collections) : new Set()
        // a refusal changes nothing, and neither does a read
        if (!ok || req.method === 'GET') {
          if (!ok) refusedIds.add(requestId)
          const stray = writes.filter((w) => !mayChange.has(w.collection))
          if (stray.length) problems.push(`wrote ${stray.map((w) => `${w.op} ${w.collection}`).join(', ')}`)
          if (events.length) problems.push(`published ${events.map((e) => e.type).join(', ')}`)
          const after = await counts(spied.store)
          const changed = Object.keys({ ...before, ...after }).filter(
            (k) => (before[k] ?? 0) !== (after[k] ?? 0) && !mayChange.has(k),
          )
          if (changed.length) problems.push(`document counts changed in ${changed.join(', ')}`)
        } else {
          // let the relay publish what the accepted request wrote before the next request is judged
          await settle(spied.store)
        }
        if (problems.length) {
          lastFailure = { problems, request: describe(req), answer: `${status} ${res.body.slice(0, 600)}` }
          throw new Error(problems.join('; '))
        }
      })
      // Shrinking replays requests against an app whose state has moved on; it is slow and rarely makes a
      // single request clearer, so it is opt-in (FUZZ_SHRINK=1).
      const details = await fc.check(property, {
        seed,
        numRuns: settings.runs,
        endOnFailure: !settings.shrink,
      })
      result.ms = Date.now() - opStarted
      if (details.failed) {
        result.failure = {
          problems: lastFailure?.problems ?? [String(details.errorInstance)],
          request: lastFailure?.request ?? '',
          answer: lastFailure?.answer ?? '',
          reproduce: `FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs} FUZZ_ONLY='${op.id}' (run ${details.numRuns} of this operation, seed ${seed}, path ${details.counterexamplePath ?? '-'})`,
        }
      }
    }
    await settle(spied.store)
  } finally {
    process.off('unhandledRejection', onUnhandled)
    process.off('uncaughtException', onUnhandled)
  }
  report.announcedRefusals = spied.recorded.events
    .filter((e) => e.correlationId && refusedIds.has(e.correlationId))
    .map((e) => e.type)
  report.pollutedPrototypes = PROTOTYPES.filter(
    ([, p], i) => Object.getOwnPropertyNames(p).join(',') !== protoKeys[i],
  ).map(([name]) => name)
  if (({} as Record<string, unknown>).polluted !== undefined) report.pollutedPrototypes.push('({}).polluted')
  report.unhandled = unhandled.map(String)
  report.liveAfter = (await app.inject({ method: 'GET', url: '/healthz' })).statusCode
  report.ms = Date.now() - started
  return report
}

/** What is wrong with a refusal's answer as RFC 9457 problem+json, if anything. */
function problemShape(contentType: unknown, text: string, status: number, noBody = false): string[] {
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

/**
 * Fuzzes every operation of the app's OpenAPI document and asserts the properties in tap: one line per
 * operation (with the request that broke it and how to reproduce it), then what holds for the whole run:
 * no event announced for a refused request, no prototype polluted, no unhandled rejection, the app still
 * answering.
 */
export async function fuzzApp(t: Test, target: FuzzTarget): Promise<FuzzReport> {
  const settings = target.settings ?? fuzzSettings()
  const report = await fuzz({
    ...target,
    settings,
    ...(settings.log ? { log: (line) => t.comment(line) } : {}),
  })
  t.ok(report.operations.length > 0, `${report.operations.length} operations fuzzed`)
  for (const op of report.operations) {
    if (op.failure) {
      const { problems, ...diagnostic } = op.failure
      t.fail(`${op.id}: ${problems.join('; ')}`, diagnostic)
    } else t.pass(`${op.id}: ${op.requests} requests, ${op.accepted} accepted`)
  }
  t.same(report.announcedRefusals, [], 'no event announces a refused request')
  t.same(report.pollutedPrototypes, [], 'no prototype polluted')
  t.same(report.unhandled, [], 'no unhandled rejection or exception')
  t.equal(report.liveAfter, 200, 'the app still answers')
  t.comment(
    `fuzz: ${report.requests} requests over ${report.operations.length} operations in ${(report.ms / 1000).toFixed(1)} s (${(report.appMs / 1000).toFixed(1)} s in the app; seed ${settings.seed}, ${settings.runs} per operation); statuses ${JSON.stringify(report.byStatus)}`,
  )
  return report
}
