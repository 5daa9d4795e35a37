// The chaos run as a table for people and as JSON (bench/results/chaos-latest.json) for the record.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { machine, table as textTable } from '../lib/report.ts'
import type { ChaosResult } from './harness.ts'

export function writeJson(file: string, result: ChaosResult): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify({ machine: machine(), ...result }, null, 2)}\n`)
}

const seconds = (vs: Array<number | null>) => vs.map((v) => (v === null ? 'n/a' : String(v))).join(' / ')

export function table(result: ChaosResult): string {
  return textTable(
    [
      'fault',
      'rounds',
      'acknowledged',
      'unacked',
      'cases',
      'lost',
      'dupCases',
      'unackedDurable',
      'phantom',
      'emails',
      'missingEmails',
      'dupEmails',
      'resumed s',
      'recovered s',
    ],
    result.faults.map((f) => [
      f.fault,
      f.rounds,
      f.acknowledged,
      f.unacknowledged,
      f.cases,
      f.lost,
      f.duplicatedCases,
      f.unackedDurable,
      f.phantomCases,
      f.expectedEmails,
      f.missingEmails,
      f.duplicateEmails,
      seconds(f.resumedSeconds),
      seconds(f.recoverySeconds),
    ]),
  )
}
