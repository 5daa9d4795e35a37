// The committed snapshot of every published (type, version) data schema, for the versioning rule.
import { readFileSync, writeFileSync } from 'node:fs'
import type { EventCatalogue } from './catalogue.ts'
import type { SchemaSnapshot } from './versioning.ts'

export const SNAPSHOT_FILE = new URL('../events.snapshot.json', import.meta.url)

export function snapshotOf(catalogue: EventCatalogue): SchemaSnapshot {
  const out: SchemaSnapshot = {}
  for (const d of catalogue
    .list()
    .sort((a, b) => `${a.type}@${a.version}`.localeCompare(`${b.type}@${b.version}`))) {
    out[`${d.type}@${d.version}`] = JSON.parse(JSON.stringify(d.data))
  }
  return out
}

export function readSnapshot(): SchemaSnapshot {
  return JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as SchemaSnapshot
}

export function writeSnapshot(snapshot: SchemaSnapshot): void {
  writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(snapshot, null, 2)}\n`)
}
