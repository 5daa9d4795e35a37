// Summarises a V8 CPU profile (`--cpu-prof`, or `pnpm bench --profile`): where the samples fell, by
// package and by function (self time), and how much of the wall time the process was idle.
//   node --import tsx bench/profile.ts bench/results/profiles/<file>.cpuprofile [--top 25]
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { ROOT } from './lib/procs.ts'
import { table } from './lib/report.ts'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface Profile {
  nodes: Node[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

/** Where a frame's code lives: a package, a workspace package or service, Node's internals, or V8. */
function owner(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)'
  const path = url.replace(/^file:\/\//, '')
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (pnpm) return pnpm[1] as string
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (plain) return plain[1] as string
  const ours = /\/(packages|services|bench)\/([^/]+)\//.exec(path)
  if (ours) return `${ours[1]}/${ours[2]}`
  if (path.startsWith('node:')) return 'node:internal'
  return relative(ROOT, path)
}

export function summarise(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const total = profile.endTime - profile.startTime
  const byOwner = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let idle = 0
  for (const [id, us] of self) {
    const node = byId.get(id)
    if (!node) continue
    const { functionName, url, lineNumber } = node.callFrame
    if (functionName === '(idle)') {
      idle += us
      continue
    }
    const o = owner(url, functionName)
    byOwner.set(o, (byOwner.get(o) ?? 0) + us)
    const where = url ? `${o}:${lineNumber + 1}` : o
    const key = `${functionName || '(anonymous)'}  ${where}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + us)
  }
  const busy = total - idle
  const pct = (us: number, of: number) => Math.round((us / of) * 1000) / 10
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => [k, Math.round(us / 1000), pct(us, busy)])
  return [
    `${relative(ROOT, file)}: ${Math.round(total / 1e6)} s profiled, busy ${pct(busy, total)} % of it`,
    '',
    table(['where (self time)', 'ms', '% busy'], rows(byOwner)),
    '',
    table(['function (self time)', 'ms', '% busy'], rows(byFunction)),
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--') && !/^\d+$/.test(a))
  const topIndex = process.argv.indexOf('--top')
  const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25
  if (files.length === 0) {
    process.stderr.write('usage: node --import tsx bench/profile.ts <file.cpuprofile>… [--top N]\n')
    process.exit(2)
  }
  for (const f of files) process.stdout.write(`${summarise(f, top)}\n\n`)
}
