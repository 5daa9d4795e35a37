// The machine a run came from, and the table printed at the end.

import { readFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

export interface Machine {
  cpu: string
  cores: number
  memoryGiB: number
  node: string
  os: string
}

export function machine(): Machine {
  const list = cpus()
  let os = `${process.platform} ${process.arch}`
  try {
    const release = readFileSync('/etc/os-release', 'utf8')
    os = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1] ?? os
  } catch {
    // not Linux
  }
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os,
  }
}

export type Cell = string | number

/** A plain-text table: a header row, a rule, the rows; numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = (c: Cell) => (typeof c === 'number' ? (Number.isFinite(c) ? String(c) : '—') : c)
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => text(r[i] ?? '').length)))
  const line = (cells: readonly Cell[]) =>
    cells
      .map((c, i) => {
        const s = text(c)
        const w = widths[i] ?? s.length
        return typeof c === 'number' ? s.padStart(w) : s.padEnd(w)
      })
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
