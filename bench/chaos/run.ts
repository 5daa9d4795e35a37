// `pnpm chaos`: the fault harness (see bench/chaos/README.md). Exits 1 when an acknowledged letter was lost
// or duplicated, a case came from a letter never stored, or a receipt was never sent; 2 on a usage or
// start-up error. Slow recoveries are reported, not failed on.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CHAOS_PORTS, ROOT } from './cluster.ts'
import { ALL_FAULTS, type ChaosOptions, type FaultName, runChaos } from './harness.ts'
import { table, writeJson } from './report.ts'

const USAGE = `usage: pnpm chaos [--quick] [--rounds N] [--rate N] [--down S] [--faults ${ALL_FAULTS.join(',')}]
                  [--out FILE] [--keep] [--log-level LEVEL]
  --quick        1 round per fault, 2 letters/s, short phases
  --rounds N     rounds per fault (default 3)
  --rate N       letters per second during the load (default 3; quick 2)
  --faults LIST  which faults, in this order (default: all five)
  --down S       seconds a killed server stays down / a consumer stays paused (default 3; quick 2)
  --out FILE     the JSON result (default bench/results/chaos-latest.json)
  --keep         leave the harness's servers running and their data in .data/chaos
  --log-level L  the services' LOG_LEVEL (default warn; logs in .data/chaos/services/)`

function fail(message: string): never {
  process.stderr.write(`chaos: ${message}\n${USAGE}\n`)
  process.exit(2)
}

let args: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      rate: { type: 'string' },
      faults: { type: 'string' },
      down: { type: 'string' },
      out: { type: 'string', default: 'bench/results/chaos-latest.json' },
      keep: { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'warn' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values
}
try {
  args = parse()
} catch (err) {
  fail(err instanceof Error ? err.message : String(err))
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`)
  process.exit(0)
}

const int = (name: string, v: string | undefined, dflt: number, max: number) => {
  if (v === undefined) return dflt
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1 || n > max) fail(`--${name} must be an integer from 1 to ${max}`)
  return n
}
const faults = (args.faults?.split(',').map((f) => f.trim()) ?? [...ALL_FAULTS]) as FaultName[]
for (const f of faults) if (!ALL_FAULTS.includes(f)) fail(`unknown fault ${f}`)

const quick = args.quick
const options: ChaosOptions = {
  dataDir: '.data/chaos',
  ports: CHAOS_PORTS,
  faults,
  rounds: int('rounds', args.rounds, quick ? 1 : 3, 20),
  rate: int('rate', args.rate, quick ? 2 : 3, 200),
  warmMs: quick ? 3_000 : 5_000,
  downMs: int('down', args.down, quick ? 2 : 3, 600) * 1000,
  tailMs: quick ? 3_000 : 5_000,
  recoveryLimitMs: 30_000,
  recoveryTimeoutMs: 90_000,
  settleTimeoutMs: 15 * 60_000,
  stallMs: 60_000,
  maxInFlight: 64,
  requestTimeoutMs: 15_000,
  maxLetters: 50_000,
  maxDurationMs: 2 * 60 * 60_000,
  deadlineMs: 2 * 60 * 60_000,
  logLevel: args['log-level'],
  keep: args.keep,
  removeData: false,
  say: (line) => process.stdout.write(`chaos: ${line}\n`),
}

try {
  const result = await runChaos(options)
  const out = resolve(ROOT, args.out)
  writeJson(out, result)
  process.stdout.write(`\n${table(result)}\n\n`)
  const t = result.totals
  process.stdout.write(
    `${t.sent} letters sent, ${t.acknowledged} acknowledged, ${t.cases} cases; ` +
      `${t.skippedTicks} ticks skipped (in-flight cap); ${result.durationSeconds} s; written to ${args.out}\n`,
  )
  if (result.slowRecoveries.length > 0) {
    process.stdout.write(
      `recovery over ${options.recoveryLimitMs / 1000} s:\n${result.slowRecoveries.map((f) => `  - ${f}`).join('\n')}\n`,
    )
  }
  if (result.failures.length > 0) {
    process.stdout.write(`FAILED:\n${result.failures.map((f) => `  - ${f}`).join('\n')}\n`)
    process.exit(1)
  }
  process.stdout.write('passed: no acknowledged letter lost or duplicated, every receipt sent\n')
} catch (err) {
  process.stderr.write(`chaos: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(2)
}
