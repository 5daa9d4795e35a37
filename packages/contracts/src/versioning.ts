// The versioning rule: within one (type, version) a schema may only grow. Optional properties may be
// added; nothing may be removed, retyped, tightened or made required. Anything else is a new version,
// published beside the old one until every consumer has moved.

type Json = Record<string, unknown>

const TIGHTENING_KEYWORDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'pattern',
  'format',
  'const',
  'multipleOf',
] as const

/** An enum may gain members (the schema grows, as with an added optional property); never lose one. */
function enumNarrowed(previous: unknown, next: unknown): boolean {
  if (previous === undefined && next === undefined) return false
  if (!Array.isArray(previous) || !Array.isArray(next)) return true
  const kept = new Set(next.map((v) => JSON.stringify(v)))
  return previous.some((v) => !kept.has(JSON.stringify(v)))
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Lists how `next` breaks `previous`; empty when `next` only adds. */
export function breakingChanges(previous: unknown, next: unknown, path = ''): string[] {
  if (!isObject(previous) || !isObject(next)) {
    return JSON.stringify(previous) === JSON.stringify(next) ? [] : [`${path || '/'}: schema replaced`]
  }
  const out: string[] = []
  if (JSON.stringify(previous.type) !== JSON.stringify(next.type)) {
    out.push(`${path || '/'}: type ${JSON.stringify(previous.type)} became ${JSON.stringify(next.type)}`)
  }
  for (const k of TIGHTENING_KEYWORDS) {
    if (JSON.stringify(previous[k]) !== JSON.stringify(next[k])) out.push(`${path || '/'}: ${k} changed`)
  }
  if (enumNarrowed(previous.enum, next.enum)) out.push(`${path || '/'}: enum lost a member`)
  if (previous.additionalProperties === true || previous.additionalProperties === undefined) {
    if (next.additionalProperties === false) out.push(`${path || '/'}: additionalProperties became false`)
  }
  const prevProps = isObject(previous.properties) ? previous.properties : {}
  const nextProps = isObject(next.properties) ? next.properties : {}
  for (const [name, schema] of Object.entries(prevProps)) {
    if (!(name in nextProps)) out.push(`${path}/${name}: removed`)
    else out.push(...breakingChanges(schema, nextProps[name], `${path}/${name}`))
  }
  const prevRequired = new Set(Array.isArray(previous.required) ? previous.required : [])
  const nextRequired = Array.isArray(next.required) ? next.required : []
  for (const name of nextRequired) {
    if (!prevRequired.has(name)) out.push(`${path}/${name}: became required`)
  }
  for (const name of prevRequired) {
    if (!nextRequired.includes(name)) out.push(`${path}/${name}: no longer required`)
  }
  if (previous.items !== undefined || next.items !== undefined) {
    out.push(...breakingChanges(previous.items, next.items, `${path}/items`))
  }
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    const p = previous[k]
    const n = next[k]
    if (p === undefined && n === undefined) continue
    if (!Array.isArray(p) || !Array.isArray(n) || p.length > n.length) {
      out.push(`${path || '/'}: ${k} narrowed`)
      continue
    }
    p.forEach((branch, i) => {
      out.push(...breakingChanges(branch, n[i], `${path}/${k}/${i}`))
    })
  }
  return out
}

export interface SchemaSnapshot {
  [typeAtVersion: string]: unknown
}

/**
 * Compares the catalogue with the snapshot committed last time: a published (type, version) may not
 * disappear or change in a breaking way. Returns the problems; an empty list means the rule holds.
 */
export function checkAgainstSnapshot(snapshot: SchemaSnapshot, current: SchemaSnapshot): string[] {
  const problems: string[] = []
  for (const [key, schema] of Object.entries(snapshot)) {
    if (!(key in current)) {
      problems.push(`${key}: removed (publish a new version instead)`)
      continue
    }
    problems.push(...breakingChanges(schema, current[key]).map((p) => `${key} ${p}`))
  }
  return problems
}
