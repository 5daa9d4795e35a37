// intake: letters/s and latency of POST /api/v1/mailbox/letters under a closed-loop load, the mailbox
// service against the bare baseline (bench/servers/baseline.ts), in alternating rounds.

import { setTimeout as sleep } from 'node:timers/promises'
import { streamSize } from '../lib/bus-count.ts'
import { BenchEnv, KAFKA_BROKERS, MONGO_URL } from '../lib/env.ts'
import type { LetterPool } from '../lib/letters.ts'
import { type ClosedLoopRound, closedLoop } from '../lib/load.ts'
import type { Adapter, Params } from '../lib/params.ts'
import { freePort, type ServiceProcess, spawnService, stopAll } from '../lib/procs.ts'
import { median, ratio, round } from '../lib/stats.ts'

export interface IntakeRound extends ClosedLoopRound {
  side: 'ours' | 'baseline'
  /** CPU time of the server process per acknowledged letter (ours: the relay's drain included). */
  cpuMsPerLetter: number
  /** ours: seconds after the round until the relay had published every acknowledged letter's event. */
  drainSeconds?: number
  /** ours: acknowledged letters whose event was still unpublished when the drain timed out. */
  relayBacklog?: number
}

export interface IntakeResult {
  ours: {
    lettersPerSec: number
    p50Ms: number
    p99Ms: number
    drainSeconds: number
    /** The largest backlog left by a round whose drain timed out (0: the relay kept up). */
    relayBacklog: number
    /** Letters / (round + drain): an upper bound when the drain timed out. */
    sustainedLettersPerSec: number
    cpuMsPerLetter: number
  }
  baseline: { lettersPerSec: number; p50Ms: number; p99Ms: number; cpuMsPerLetter: number }
  /** ours / baseline letters per second (medians of the rounds). */
  ratio: number
  /** The same with ours' relay drain time counted: letters / (round + drain). */
  sustainedRatio: number
  rounds: IntakeRound[]
}

export async function startMailbox(
  env: BenchEnv,
  profile: boolean,
): Promise<{ proc: ServiceProcess; url: string }> {
  const port = await freePort()
  const proc = spawnService({
    name: `mailbox-${env.adapter}`,
    entry: 'services/mailbox/src/server.ts',
    env: env.serviceEnv('mailbox', { PORT: String(port) }),
    profile,
  })
  const url = `http://127.0.0.1:${port}`
  await proc.ready(`${url}/readyz`)
  return { proc, url }
}

export async function startBaseline(
  env: BenchEnv,
  options: { pipeline: boolean; profile: boolean },
): Promise<{ proc: ServiceProcess; url: string }> {
  const port = await freePort()
  const proc = spawnService({
    name: `baseline-${env.adapter}`,
    entry: 'bench/servers/baseline.ts',
    env: {
      PORT: String(port),
      BASELINE_ADAPTER: env.adapter,
      BASELINE_PIPELINE: options.pipeline ? '1' : '0',
      BASELINE_NAMESPACE: env.baselineNamespace,
      BASELINE_GROUP: env.group('baseline'),
      TRACKING_PII_KEY: env.piiKey,
      FIELD_KEYS: env.fieldKeys,
      ...(env.adapter === 'distributed'
        ? {
            KAFKA_BROKERS,
            MONGO_URL,
            MONGO_DATABASE: env.database('baseline'),
          }
        : { DATA_DIR: env.dataDir }),
    },
    profile: options.profile,
  })
  const url = `http://127.0.0.1:${port}`
  await proc.ready(`${url}/readyz`)
  return { proc, url }
}

/**
 * Waits until the mailbox stream holds at least `acknowledged` events: the seconds it took, or at the
 * timeout how many acknowledged letters the relay had not published yet.
 */
async function drain(
  env: BenchEnv,
  acknowledged: number,
  timeoutSeconds: number,
): Promise<{ seconds: number; backlog: number }> {
  const start = Date.now()
  const deadline = start + timeoutSeconds * 1000
  let size = 0
  while (Date.now() < deadline) {
    size = await streamSize(env, 'mailbox')
    if (size >= acknowledged) return { seconds: round((Date.now() - start) / 1000, 2), backlog: 0 }
    await sleep(200)
  }
  return { seconds: timeoutSeconds, backlog: acknowledged - size }
}

export async function intake(
  params: Params,
  adapter: Adapter,
  pool: LetterPool,
  log: (line: string) => void,
): Promise<IntakeResult> {
  const p = params.intake
  const env = new BenchEnv(adapter)
  try {
    const ours = await startMailbox(env, params.profile)
    const baseline = await startBaseline(env, { pipeline: false, profile: params.profile })
    let acknowledged = 0
    // warm-up of both (JIT, connection pools), not recorded
    pool.rewind()
    acknowledged += (await closedLoop(ours.url, pool, p.warmupSeconds, p.connections)).letters
    pool.rewind()
    await closedLoop(baseline.url, pool, p.warmupSeconds, p.connections)
    await drain(env, acknowledged, p.drainTimeoutSeconds)

    const rounds: IntakeRound[] = []
    const cpuPerLetter = (proc: ServiceProcess, before: number, letters: number) =>
      round(((proc.cpuSeconds() - before) * 1000) / Math.max(1, letters), 2)
    const runOurs = async (r: number) => {
      pool.rewind()
      const cpu = ours.proc.cpuSeconds()
      const result = await closedLoop(ours.url, pool, p.roundSeconds, p.connections)
      acknowledged += result.letters
      const drained = await drain(env, acknowledged, p.drainTimeoutSeconds)
      rounds.push({
        side: 'ours',
        ...result,
        drainSeconds: drained.seconds,
        relayBacklog: drained.backlog,
        cpuMsPerLetter: cpuPerLetter(ours.proc, cpu, result.letters),
      })
      log(
        `  ${adapter} round ${r} ours: ${result.lettersPerSec} letters/s, p99 ${result.p99Ms} ms, ` +
          (drained.backlog
            ? `relay NOT drained: ${drained.backlog} events unpublished after ${drained.seconds} s`
            : `relay drained in ${drained.seconds} s`),
      )
    }
    const runBaseline = async (r: number) => {
      pool.rewind()
      const cpu = baseline.proc.cpuSeconds()
      const result = await closedLoop(baseline.url, pool, p.roundSeconds, p.connections)
      rounds.push({
        side: 'baseline',
        ...result,
        cpuMsPerLetter: cpuPerLetter(baseline.proc, cpu, result.letters),
      })
      log(`  ${adapter} round ${r} baseline: ${result.lettersPerSec} letters/s, p99 ${result.p99Ms} ms`)
    }
    // ABBA order: a drift of the machine during the run weighs on both sides alike
    for (let r = 1; r <= p.rounds; r++) {
      if (r % 2 === 1) {
        await runOurs(r)
        await runBaseline(r)
      } else {
        await runBaseline(r)
        await runOurs(r)
      }
    }
    await Promise.all([ours.proc.stop(), baseline.proc.stop()])

    const side = (s: IntakeRound['side']) => rounds.filter((x) => x.side === s)
    const o = side('ours')
    const b = side('baseline')
    const oursRate = round(median(o.map((x) => x.lettersPerSec)), 1)
    const sustained = median(o.map((x) => x.letters / (x.seconds + (x.drainSeconds ?? 0))))
    const baseRate = round(median(b.map((x) => x.lettersPerSec)), 1)
    return {
      ours: {
        lettersPerSec: oursRate,
        p50Ms: median(o.map((x) => x.p50Ms)),
        p99Ms: median(o.map((x) => x.p99Ms)),
        drainSeconds: median(o.map((x) => x.drainSeconds ?? 0)),
        relayBacklog: Math.max(0, ...o.map((x) => x.relayBacklog ?? 0)),
        sustainedLettersPerSec: round(sustained, 1),
        cpuMsPerLetter: median(o.map((x) => x.cpuMsPerLetter)),
      },
      baseline: {
        lettersPerSec: baseRate,
        p50Ms: median(b.map((x) => x.p50Ms)),
        p99Ms: median(b.map((x) => x.p99Ms)),
        cpuMsPerLetter: median(b.map((x) => x.cpuMsPerLetter)),
      },
      ratio: ratio(oursRate, baseRate),
      sustainedRatio: ratio(sustained, baseRate),
      rounds,
    }
  } finally {
    await stopAll()
    await env.cleanup()
  }
}
