// memory: resident memory (RSS) of each service process, idle and under an open-loop intake load.
// Distributed: identity, mailbox, tracking and notifications as separate processes. Embedded: the
// single-process platform. Beside them, as references: the bare baseline server (bench/servers/baseline.ts
// with its consumer) and the floor, Node with the tsx loader and nothing else (bench/servers/idle.ts).
import { setTimeout as sleep } from 'node:timers/promises'
import { BenchEnv } from '../lib/env.ts'
import type { LetterPool } from '../lib/letters.ts'
import { openLoop } from '../lib/load.ts'
import type { Adapter, Params } from '../lib/params.ts'
import { freePort, RssSampler, spawnService, stopAll } from '../lib/procs.ts'
import { startStack } from '../lib/stack.ts'
import { startBaseline } from './intake.ts'

export interface MemoryFigures {
  idleMiB: number
  loadMeanMiB: number
  loadPeakMiB: number
}

export async function memory(
  params: Params,
  adapter: Adapter,
  pool: LetterPool,
  log: (line: string) => void,
): Promise<Record<string, unknown>> {
  const p = params.memory
  const env = new BenchEnv(adapter)
  try {
    const stack = await startStack(env, ['identity', 'mailbox', 'tracking', 'notifications'], {
      profile: params.profile,
    })
    const base = await startBaseline(env, { pipeline: true, profile: params.profile })
    const floorPort = await freePort()
    const floor = spawnService({
      name: `node+tsx-${adapter}`,
      entry: 'bench/servers/idle.ts',
      env: { PORT: String(floorPort) },
    })
    await floor.ready(`http://127.0.0.1:${floorPort}/`)
    const processes = [...stack.processes, base.proc, floor]

    await sleep(p.idleSeconds * 1000)
    const idle = new RssSampler(processes)
    await sleep(Math.min(5_000, p.idleSeconds * 500))
    const idleFigures = idle.stop()

    const load = async (url: string, samplerOf: typeof processes) => {
      const sampler = new RssSampler(samplerOf)
      pool.rewind()
      const result = await openLoop(url, pool, {
        rate: p.rate,
        seconds: p.loadSeconds,
        maxInFlight: Math.max(100, p.rate * 10),
        onAnswer() {},
      })
      return { figures: sampler.stop(), result }
    }
    const ours = await load(stack.mailboxUrl, stack.processes)
    const baseline = await load(base.url, [base.proc])
    log(
      `  ${adapter}: ours ${ours.result.byStatus['201'] ?? 0}/${ours.result.sent} letters acknowledged, ` +
        `baseline ${baseline.result.byStatus['201'] ?? 0}/${baseline.result.sent}`,
    )
    const under = { ...ours.figures, ...baseline.figures }
    const out: Record<string, MemoryFigures> = {}
    for (const proc of processes) {
      const name = proc.name.replace(`-${adapter}`, '')
      out[name] = {
        idleMiB: idleFigures[proc.name]?.meanMiB ?? Number.NaN,
        loadMeanMiB: under[proc.name]?.meanMiB ?? Number.NaN,
        loadPeakMiB: under[proc.name]?.peakMiB ?? Number.NaN,
      }
      log(
        `  ${adapter} ${name}: idle ${out[name].idleMiB} MiB, under load ${out[name].loadMeanMiB} (peak ${out[name].loadPeakMiB})`,
      )
    }
    return { rate: p.rate, loadSeconds: p.loadSeconds, processes: out }
  } finally {
    await stopAll()
    await env.cleanup()
  }
}
