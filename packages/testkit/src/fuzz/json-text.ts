// JSON text with values JSON.stringify cannot write (1e309, -0, 2^53+1, deep nesting, raw keys).
import { isObject } from './openapi.ts'

/** A piece of JSON text written as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type Value = unknown

/** An object with these own keys, `__proto__` and `constructor` included. */
export function objectOf(entries: Array<[string, Value]>): Record<string, Value> {
  const o: Record<string, Value> = {}
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  return o
}

export function toJsonText(v: Value): string {
  if (v instanceof RawJson) return v.text
  if (Array.isArray(v)) return `[${v.map(toJsonText).join(',')}]`
  if (isObject(v))
    return `{${Object.keys(v)
      .map((k) => `${JSON.stringify(k)}:${toJsonText(v[k])}`)
      .join(',')}}`
  if (v === undefined) return 'null'
  return JSON.stringify(v) ?? 'null'
}
