// Small helpers the simulator's modules share: provider-style ids, whole seconds, list and map upkeep.
import { randomBytes } from 'node:crypto'

export const API_VERSION = '2010-04-01'
export const E164 = /^\+[1-9]\d{6,14}$/

/** A provider-style id: a two-letter prefix and 32 hex digits (CA…, RE…, SM…). */
export const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`
export const seconds = (fromMs: number, toMs: number) => Math.max(0, Math.round((toMs - fromMs) / 1000))
export const noop = () => {}

export function remove<T>(list: T[], item: T): void {
  const at = list.indexOf(item)
  if (at >= 0) list.splice(at, 1)
}

export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err)
}

/** Keeps at most `max` entries, dropping the oldest that `done` says may go. */
export function prune<V>(map: Map<string, V>, max: number, done: (v: V) => boolean): void {
  if (map.size <= max) return
  for (const [key, value] of map) {
    if (map.size <= max) return
    if (done(value)) map.delete(key)
  }
}
