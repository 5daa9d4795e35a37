// `pnpm bench`: the benchmark suite (not part of the tests). See bench/README.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { activeEnvs } from './lib/env.ts'
import { LetterPool } from './lib/letters.ts'
import { type Adapter, type Params, parseArgs, SCENARIOS, type Scenario, UsageError } from './lib/params.ts'
import { killAllNow, ROOT, stopAll } from './lib/procs.ts'
import { type Cell, machine, table } from './lib/report.ts'
import { catchUp } from './scenarios/catch-up.ts'
import { endToEnd } from './scenarios/end-to-end.ts'
import { hotline } from './scenarios/hotline.ts'
import { intake } from './scenarios/intake.ts'
import { memory } from './scenarios/memory.ts'
import { polls } from './scenarios/polls.ts'

type Runner = (
  params: Params,
  adapter: Adapter,
  pool: LetterPool,
  log: (line: string) => void,
) => Promise<unknown>

const RUNNERS: Record<Scenario, Runner> = { intake, endToEnd, catchUp, memory, hotline, polls }

const log = (line: string) => process.stdout.write(`${line}\n`)

let params: Params
try {
  params = parseArgs(process.argv.slice(2))
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`)
    process.exit(2)
  }
  throw err
}

// An interrupted run stops its processes and removes its topics, databases and files.
let interrupted = false
const interrupt = async (signal: string) => {
  if (interrupted) return
  interrupted = true
  process.stderr.write(`\n${signal}: stopping the services and cleaning up…\n`)
  await stopAll()
  await Promise.all([...activeEnvs].map((e) => e.cleanup()))
  process.exit(130)
}
process.once('SIGINT', () => void interrupt('SIGINT'))
process.once('SIGTERM', () => void interrupt('SIGTERM'))
process.once('exit', killAllNow)

const outFile = resolve(ROOT, params.out)
const started = Date.now()
const host = machine()
log(
  `tingjian bench ${params.quick ? '(quick: short and scaled down, figures are indicative only)' : '(full)'}\n` +
    `machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}, ${host.os}\n` +
    `scenarios: ${params.scenarios.join(', ')}; adapters: ${params.adapters.join(', ')}\n`,
)

// With --only, the other scenarios of the last run are kept in the file (each says when it was measured).
type Results = Record<string, unknown> & { scenarios: Record<string, Record<string, unknown>> }
let previous: Results | null = null
if ((params.scenarios.length < SCENARIOS.length || params.adapters.length < 2) && existsSync(outFile)) {
  try {
    previous = JSON.parse(readFileSync(outFile, 'utf8')) as Results
  } catch {
    previous = null
  }
}
const results: Results = {
  machine: host,
  date: new Date().toISOString(),
  quick: params.quick,
  parameters: params,
  scenarios: { ...(previous?.scenarios ?? {}) },
}

const pool = new LetterPool()
let failed = false
for (const scenario of params.scenarios) {
  // the adapters not run this time keep their last figures (each says when and how it was measured)
  const perAdapter: Record<string, unknown> = { ...(results.scenarios[scenario] ?? {}) }
  for (const adapter of params.adapters) {
    log(`── ${scenario} · ${adapter}`)
    const t0 = Date.now()
    try {
      const figures = (await RUNNERS[scenario](params, adapter, pool, log)) as Record<string, unknown>
      perAdapter[adapter] = { measuredAt: new Date().toISOString(), quick: params.quick, ...figures }
    } catch (err) {
      failed = true
      perAdapter[adapter] = { measuredAt: new Date().toISOString(), error: (err as Error).message }
      log(`  FAILED: ${(err as Error).stack ?? err}`)
      await stopAll()
    }
    log(`  (${Math.round((Date.now() - t0) / 1000)} s)`)
  }
  results.scenarios[scenario] = perAdapter
  mkdirSync(dirname(outFile), { recursive: true })
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`)
}

log(`\n${summary(results.scenarios)}`)
log(`\nresults: ${outFile} (${Math.round((Date.now() - started) / 1000)} s in all)`)
process.exitCode = failed ? 1 : 0

// ── the table ────────────────────────────────────────────────────────────────────────────────────────

function summary(all: Results['scenarios']): string {
  const out: string[] = []
  const errors: string[] = []
  const adapters = (s: Record<string, unknown> | undefined) =>
    Object.entries(s ?? {}).filter(
      (e): e is [string, Record<string, unknown>] =>
        (e[0] === 'distributed' || e[0] === 'embedded') && typeof e[1] === 'object' && e[1] !== null,
    )
  const failedRow = (adapter: string, error: unknown): Cell[] => {
    errors.push(`${adapter}: ${String(error)}`)
    return [adapter, 'failed (below)']
  }
  const quickMark = (s: Record<string, unknown>) =>
    adapters(s).some(([, r]) => r.quick === true) ? ' [quick run: indicative only]' : ''
  const num = (v: unknown): Cell => (typeof v === 'number' ? v : '—')
  const get = (o: unknown, ...path: string[]): unknown =>
    path.reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      o,
    )

  if (all.intake) {
    const rows = adapters(all.intake).map(([a, r]): Cell[] =>
      'error' in r
        ? failedRow(a, r.error)
        : [
            a,
            num(get(r, 'ours', 'lettersPerSec')),
            num(get(r, 'ours', 'p50Ms')),
            num(get(r, 'ours', 'p99Ms')),
            num(get(r, 'ours', 'drainSeconds')),
            num(get(r, 'ours', 'relayBacklog')),
            num(get(r, 'ours', 'cpuMsPerLetter')),
            num(get(r, 'baseline', 'lettersPerSec')),
            num(get(r, 'baseline', 'p50Ms')),
            num(get(r, 'baseline', 'p99Ms')),
            num(get(r, 'baseline', 'cpuMsPerLetter')),
            num(r.ratio),
            num(r.sustainedRatio),
          ],
    )
    out.push(
      `intake (closed loop, POST /api/v1/mailbox/letters)${quickMark(all.intake)}`,
      table(
        [
          'adapter',
          'ours/s',
          'p50 ms',
          'p99 ms',
          'drain s',
          'backlog',
          'cpu ms/l',
          'base/s',
          'p50 ms',
          'p99 ms',
          'cpu ms/l',
          'ratio',
          'sustained',
        ],
        rows,
      ),
      '',
    )
  }
  if (all.endToEnd) {
    const rows: Cell[][] = []
    for (const [a, r] of adapters(all.endToEnd)) {
      if ('error' in r) {
        rows.push(failedRow(a, r.error))
        continue
      }
      for (const [rate, step] of Object.entries(r).filter(([k]) => /^\d+$/.test(k))) {
        rows.push([
          a,
          Number(rate),
          num(get(step, 'acknowledged')),
          num(get(step, 'p50Ms')),
          num(get(step, 'p95Ms')),
          num(get(step, 'p99Ms')),
          num(get(step, 'delivered')),
          num(get(step, 'cpuMsPerLetter')),
          num(get(step, 'baseline', 'p99Ms')),
          num(get(step, 'baseline', 'delivered')),
          num(get(step, 'baseline', 'cpuMsPerLetter')),
        ])
      }
    }
    out.push(
      `endToEnd (open loop: 201 → case readable by GET /api/v1/cases/{id})${quickMark(all.endToEnd)}`,
      table(
        [
          'adapter',
          'rate/s',
          'acked',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'delivered',
          'cpu ms/l',
          'base p99',
          'base deliv.',
          'base cpu ms/l',
        ],
        rows,
      ),
      '',
    )
  }
  if (all.catchUp) {
    const rows = adapters(all.catchUp).map(([a, r]): Cell[] =>
      'error' in r
        ? failedRow(a, r.error)
        : [
            a,
            num(r.events),
            num(get(r, 'ours', 'casesPerSec')),
            num(get(r, 'ours', 'seconds')),
            num(get(r, 'ours', 'startupSeconds')),
            num(get(r, 'ours', 'cpuShare')),
            num(get(r, 'baseline', 'casesPerSec')),
            num(r.ratio),
          ],
    )
    out.push(
      `catchUp (tracking applies a backlog of intake events)${quickMark(all.catchUp)}`,
      table(
        ['adapter', 'events', 'ours cases/s', 'seconds', 'startup s', 'cpu share', 'base cases/s', 'ratio'],
        rows,
      ),
      '',
    )
  }
  if (all.memory) {
    const rows: Cell[][] = []
    for (const [a, r] of adapters(all.memory)) {
      if ('error' in r) {
        rows.push(failedRow(a, r.error))
        continue
      }
      for (const [name, m] of Object.entries((r.processes ?? {}) as Record<string, unknown>)) {
        rows.push([a, name, num(get(m, 'idleMiB')), num(get(m, 'loadMeanMiB')), num(get(m, 'loadPeakMiB'))])
      }
    }
    out.push(
      `memory (resident set, MiB)${quickMark(all.memory)}`,
      table(['adapter', 'process', 'idle', 'load mean', 'load peak'], rows),
    )
  }
  if (all.hotline) {
    const rows = adapters(all.hotline).map(([a, r]): Cell[] =>
      'error' in r
        ? failedRow(a, r.error)
        : [
            a,
            num(get(r, 'webhooks', 'ours', 'answeredPerSec')),
            num(get(r, 'webhooks', 'ours', 'p50Ms')),
            num(get(r, 'webhooks', 'ours', 'p99Ms')),
            num(get(r, 'webhooks', 'ours', 'cpuMsPerCall')),
            num(get(r, 'webhooks', 'baseline', 'answeredPerSec')),
            num(get(r, 'webhooks', 'baseline', 'p50Ms')),
            num(get(r, 'webhooks', 'baseline', 'p99Ms')),
            num(get(r, 'webhooks', 'baseline', 'cpuMsPerCall')),
            num(get(r, 'webhooks', 'ratio')),
            [get(r, 'webhooks', 'ours'), get(r, 'webhooks', 'baseline')]
              .map((s) =>
                ['non2xx', 'wrongAnswers', 'errors'].reduce((t, k) => t + Number(get(s, k) ?? 0), 0),
              )
              .join('/'),
          ],
    )
    const logged = adapters(all.hotline)
      .filter(([, r]) => !('error' in r))
      .map(([a, r]): Cell[] => {
        const c = get(r, 'callLogged')
        if (get(c, 'notDone') !== undefined) return [a, `not done: ${String(get(c, 'notDone'))}`]
        return [
          a,
          num(get(c, 'logged')),
          num(get(c, 'readable')),
          num(get(c, 'p50Ms')),
          num(get(c, 'p95Ms')),
          num(get(c, 'p99Ms')),
          num(get(c, 'storedP50Ms')),
          num(get(c, 'storedP99Ms')),
          num(get(c, 'logAnswerP99Ms')),
        ]
      })
    out.push(
      `hotline: incoming-call webhooks (closed loop, POST /api/v1/hotline/voice/incoming, signed)${quickMark(all.hotline)}`,
      table(
        [
          'adapter',
          'ours/s',
          'p50 ms',
          'p99 ms',
          'cpu ms/c',
          'base/s',
          'p50 ms',
          'p99 ms',
          'cpu ms/c',
          'ratio',
          'errors o/b',
        ],
        rows,
      ),
      '',
      `hotline: hotline.call-logged → case readable in tracking (one call at a time)${quickMark(all.hotline)}`,
      table(
        [
          'adapter',
          'logged',
          'readable',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'written p50',
          'written p99',
          'log p99 ms',
        ],
        logged,
      ),
      '',
    )
  }
  if (all.polls) {
    const rows = adapters(all.polls).map(([a, r]): Cell[] =>
      'error' in r
        ? failedRow(a, r.error)
        : [
            a,
            num(get(r, 'ours', 'ballotsPerSec')),
            num(get(r, 'ours', 'p50Ms')),
            num(get(r, 'ours', 'p99Ms')),
            num(get(r, 'ours', 'cpuMsPerBallot')),
            num(get(r, 'ours', 'drainSeconds')),
            num(get(r, 'baseline', 'ballotsPerSec')),
            num(get(r, 'baseline', 'p50Ms')),
            num(get(r, 'baseline', 'p99Ms')),
            num(get(r, 'baseline', 'cpuMsPerBallot')),
            num(r.ratio),
            num(r.cpuRatio),
            `${num(get(r, 'ours', 'errors'))}/${num(get(r, 'baseline', 'errors'))}`,
            `${r.secondBallotRefused === true ? 'yes' : 'NO'}/${r.tallyMatches === true ? 'yes' : 'NO'}`,
          ],
    )
    out.push(
      `polls: ballots cast (closed loop, POST /api/v1/polls/{id}/ballots, a distinct verified voter each)${quickMark(all.polls)}`,
      table(
        [
          'adapter',
          'ours/s',
          'p50 ms',
          'p99 ms',
          'cpu ms/b',
          'drain s',
          'base/s',
          'p50 ms',
          'p99 ms',
          'cpu ms/b',
          'ratio',
          'cpu ratio',
          'errors o/b',
          '409/tally',
        ],
        rows,
      ),
      '',
    )
  }
  if (errors.length) out.push('', 'failures:', ...errors.map((e) => `  ${e.split('\n')[0]}`))
  return out.join('\n')
}
