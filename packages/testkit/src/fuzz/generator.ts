// Generation: plausible values from a schema (past "not found" with known ids), hostile ones, mutations.
import { isOneLine, ONE_LINE_FORMAT } from '@tingjian/kit'
import fc, { type Arbitrary, type GeneratorValue } from 'fast-check'
import {
  DEEP,
  HOSTILE_KEYS,
  HOSTILE_STRINGS,
  INVISIBLE_CHARACTERS,
  NUMBER_VALUES,
  OPERATOR_BODIES,
  OPERATOR_VALUES,
  OTHER_VALUES,
  OVERLONG_ID_LENGTHS,
  overlongId,
  PROTO_VALUES,
  WIDE,
} from './corpora.ts'
import { objectOf, RawJson, toJsonText, type Value } from './json-text.ts'
import { get, isObject, own, type Resolve, type Schema } from './openapi.ts'
import { codePoints } from './oracle.ts'

export type G = GeneratorValue

/** Names of ids, codes and keys (caseId, departmentId, id, code, trackingCode, accessKey…). */
const ID_NAME = /(?:^id|Id|^code|Code|Key)$/

/** 0..max, uniform: fast-check's own integers lean to the bounds, which would skew every choice. */
export const roll = (g: G, max: number): number => g(() => fc.noBias(fc.integer({ min: 0, max })))
export const pick = <T>(g: G, xs: readonly T[]): T => xs[roll(g, xs.length - 1)] as T
export const chance = (g: G, percent: number) => roll(g, 99) < percent

export interface FuzzHints {
  /**
   * Values that exist or make sense, by parameter or property name (ids of seeded records, a tracking code
   * and its access key, current versions…), so that requests get past "not found".
   */
  known?: Record<string, readonly Value[]>
  /** Valid bodies per operation id, mutated by the fuzzer. */
  examples?: Record<string, readonly Value[]>
}

export class Generator {
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
    const out = g(fc.string, { minLength: min, maxLength: Math.min(max, min + 24), unit })
    // one-line text that the kit would refuse is left to hostile(): a plausible value passes
    if (format === ONE_LINE_FORMAT && !isOneLine(out)) return '好'.repeat(Math.max(1, min))
    return out
  }

  /** A value likely to be wrong for the schema: wrong type, boundary, hostile text, operators, pollution. */
  hostile(schema: unknown, name = ''): Value {
    const { g } = this
    const s = this.resolve(schema)
    const max = typeof s.maxLength === 'number' ? s.maxLength : undefined
    const min = typeof s.minLength === 'number' ? s.minLength : undefined
    // ids, codes and keys get over-long values more often: a store or a log line may choke on them
    if (ID_NAME.test(name) && chance(g, 15))
      return overlongId(pick(g, OVERLONG_ID_LENGTHS), pick(g, ['hex', 'uuid', 'code'] as const))
    switch (roll(g, 15)) {
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
          '\u001b',
          '\u007f',
          '\n',
          ...INVISIBLE_CHARACTERS,
        ])
        return base.slice(0, at) + bad + base.slice(at)
      }
      case 14: {
        // nothing visible: only invisible characters and blanks, or a short value wrapped in them
        const invisible = () => pick(g, INVISIBLE_CHARACTERS)
        return chance(g, 50)
          ? `${invisible()}${pick(g, ['', ' ', '\u3000'])}${invisible()}`
          : `${invisible()}${pick(g, ['a', '张', '1'])}${invisible()}`
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
    if (chance(g, 4)) return structuredCloneOwn(pick(g, OPERATOR_BODIES))
    if (chance(g, 4)) {
      // every field of a valid-looking body turned into an operator
      const example = examples.length ? pick(g, examples) : this.plausible(schema, '')
      if (isObject(example))
        return objectOf(Object.keys(example).map((k) => [k, structuredCloneOwn(pick(g, OPERATOR_VALUES))]))
    }
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
