// polls: ballots cast per second, closed loop, the polls service (its own process) against a bare Fastify
// route with the same validation and one insert of the ledger entry and one of the ballot
// (bench/servers/polls-baseline.ts), in alternating rounds. Each ballot comes from a distinct voter whose
// proof was prepared before the rounds: for the service, a number verified through its own endpoints (the
// code read from polls.code-requested), so that the measured request is POST /api/v1/polls/:id/ballots only.
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { newPollId } from '../../services/polls/src/domain/poll.ts'
import {
  AnswerPool,
  type BallotRound,
  ballotLoop,
  benchPollInput,
  CodeInbox,
  errorsOf,
  Phones,
  POLLS_API,
  type PreparedVoters,
  signedBallots,
  verifiedVoters,
} from '../lib/ballots.ts'
import { streamSize } from '../lib/bus-count.ts'
import { BenchEnv, MONGO_URL } from '../lib/env.ts'
import type { LetterPool } from '../lib/letters.ts'
import type { Adapter, Params } from '../lib/params.ts'
import { freePort, type ServiceProcess, spawnService, stopAll } from '../lib/procs.ts'
import { median, ratio, round } from '../lib/stats.ts'

/** Per-address limits out of the way: every request of the bench comes from 127.0.0.1. */
const UNLIMITED = '1000000000'

export interface PollsRound extends BallotRound {
  side: 'ours' | 'baseline'
  /** CPU time of the server process per ballot cast (ours: the relay's drain included). */
  cpuMsPerBallot: number
  /** ours: seconds after the round until the bus held every cast ballot's polls.ballot-cast. */
  drainSeconds?: number
  /** ours: cast ballots whose event was still unpublished when the drain timed out. */
  relayBacklog?: number
}

export interface PollsSide {
  ballotsPerSec: number
  p50Ms: number
  p99Ms: number
  cpuMsPerBallot: number
  /** Summed over the measured rounds: answers other than 201, and requests with no answer. */
  errors: number
  byStatus: Record<string, number>
}

export interface PollsResult {
  ours: PollsSide & { drainSeconds: number; relayBacklog: number }
  baseline: PollsSide
  /** ours / baseline ballots per second (medians of the rounds). */
  ratio: number
  /**
   * baseline / ours CPU milliseconds per ballot: the same comparison by the figure least disturbed by other
   * load on a shared machine (what each side spends per ballot, not how long it waited for a core).
   */
  cpuRatio: number
  /** Both answered a first ballot 201 and the same voter's second ballot 409. */
  secondBallotRefused: boolean
  /**
   * The service's staff results (counted from the ballots) against the 201 answers the bench saw: equal but
   * for the requests in flight when a loop stopped (autocannon does not wait for them).
   */
  tallyMatches: boolean
  tally: { counted: number; answered201: number; inFlightAtRoundEnds: number }
  /** Voters verified through the service before the rounds, how long it took, what failed. */
  preparation: { voters: number; seconds: number; failures: Record<string, number> }
  rounds: PollsRound[]
}

interface Target {
  proc: ServiceProcess
  url: string
  pollId: string
}

async function startOurs(env: BenchEnv, secret: string, profile: boolean): Promise<Target> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const proc = spawnService({
    name: `polls-${env.adapter}`,
    entry: 'bench/servers/polls.ts',
    env: env.serviceEnv('polls', {
      PORT: String(port),
      BENCH_GROUP: env.group('polls'),
      POLLS_SECRET: secret,
      POLLS_CODES_PER_MINUTE: UNLIMITED,
      POLLS_BALLOTS_PER_MINUTE: UNLIMITED,
    }),
    profile,
  })
  await proc.ready(`${url}/readyz`, 120_000)
  return { proc, url, pollId: await publishPoll(env, url) }
}

/** Creates and publishes the bench's poll through the staff API, as a poll manager. */
async function publishPoll(env: BenchEnv, url: string): Promise<string> {
  const token = env.jwt.token({ sub: 'bench-pollster', roles: ['poll_manager'], username: 'pollster' })
  const call = async (path: string, body: unknown, expected: number) => {
    const res = await fetch(`${url}${POLLS_API}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    })
    const text = await res.text()
    if (res.status !== expected) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 300)}`)
    return JSON.parse(text) as { pollId: string; version: number }
  }
  const draft = await call('', benchPollInput(), 201)
  await call(`/${draft.pollId}/publish`, { version: draft.version }, 200)
  return draft.pollId
}

async function startBaseline(env: BenchEnv, secret: string, profile: boolean): Promise<Target> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const pollId = newPollId()
  const proc = spawnService({
    name: `polls-baseline-${env.adapter}`,
    entry: 'bench/servers/polls-baseline.ts',
    env: {
      PORT: String(port),
      POLLS_SECRET: secret,
      POLL_ID: pollId,
      POLL_INPUT: JSON.stringify(benchPollInput()),
      BASELINE_ADAPTER: env.adapter,
      ...(env.adapter === 'distributed'
        ? { MONGO_URL, MONGO_DATABASE: env.database('polls_base') }
        : { DATA_DIR: env.dataDir }),
    },
    profile,
  })
  await proc.ready(`${url}/readyz`)
  return { proc, url, pollId }
}

/** One ballot on its own request: the status. */
async function postBallot(target: Target, body: string): Promise<number> {
  try {
    const res = await fetch(`${target.url}${POLLS_API}/${target.pollId}/ballots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
    })
    await res.arrayBuffer()
    return res.status
  } catch {
    return 0
  }
}

/** Waits until the polls stream holds `events`: the seconds it took, or at the timeout how many were missing. */
async function drain(env: BenchEnv, events: number, timeoutSeconds: number) {
  const start = Date.now()
  const deadline = start + timeoutSeconds * 1000
  let size = 0
  while (Date.now() < deadline) {
    size = await streamSize(env, 'polls')
    if (size >= events) return { seconds: round((Date.now() - start) / 1000, 2), backlog: 0 }
    await sleep(200)
  }
  return { seconds: timeoutSeconds, backlog: events - size }
}

export async function polls(
  params: Params,
  adapter: Adapter,
  _pool: LetterPool,
  log: (line: string) => void,
): Promise<PollsResult> {
  const p = params.polls
  const env = new BenchEnv(adapter)
  const secret = randomBytes(32).toString('base64')
  try {
    const ours = await startOurs(env, secret, params.profile)
    const baseline = await startBaseline(env, secret, params.profile)

    // the voters of every round of ours, verified through the service before anything is measured
    const phones = new Phones()
    const oursAnswers = new AnswerPool(21)
    const baseAnswers = new AnswerPool(21)
    const needed = 1 + p.warmupBallots + p.rounds * p.maxBallotsPerRound
    const inbox = new CodeInbox(env, ours.pollId)
    let prepared: PreparedVoters
    await inbox.start()
    try {
      prepared = await verifiedVoters(ours.url, ours.pollId, inbox, phones, oursAnswers, {
        count: needed,
        concurrency: p.connections,
        batch: 1_000,
        secondsMax: p.prepareSecondsMax,
      })
    } finally {
      await inbox.stop()
    }
    const failed = Object.entries(prepared.failures)
    log(
      `  ${adapter} ${prepared.bodies.length} voters verified through the service in ${prepared.seconds} s` +
        (failed.length ? ` (failed: ${failed.map(([k, n]) => `${k} × ${n}`).join(', ')})` : ''),
    )
    const oursBodies = prepared.bodies
    let used = 0
    const take = (n: number) => {
      const out = oursBodies.slice(used, used + n)
      used += out.length
      return out
    }
    // fewer voters verified than asked for within the preparation's time limit (FerretDB is slow at it):
    // the warm-up and every round get the same share of those there are, so that each round has ballots
    const scale = Math.min(1, (oursBodies.length - 1) / (p.warmupBallots + p.rounds * p.maxBallotsPerRound))
    const warmupBallots = Math.floor(p.warmupBallots * scale)
    const ballotsPerRound = Math.floor(p.maxBallotsPerRound * scale)
    if (ballotsPerRound < 1)
      throw new Error(`only ${oursBodies.length} voters verified in the preparation time`)
    if (scale < 1)
      log(
        `  ${adapter} ${ballotsPerRound} ballots per round of ours (of ${p.maxBallotsPerRound}): the voters verified`,
      )
    const sign = (n: number) =>
      signedBallots(Buffer.from(secret, 'base64'), baseline.pollId, phones, baseAnswers, n)

    // a first ballot 201 and the same voter's second 409, on both sides (not measured)
    const first = take(1)[0]
    const [baseFirst] = sign(1)
    if (first === undefined || baseFirst === undefined) throw new Error('no voter could be verified')
    const oursTwice = [await postBallot(ours, first), await postBallot(ours, first)]
    const baseTwice = [await postBallot(baseline, baseFirst), await postBallot(baseline, baseFirst)]
    const secondBallotRefused = [oursTwice, baseTwice].every(([a, b]) => a === 201 && b === 409)
    if (!secondBallotRefused)
      log(
        `  ${adapter} WARNING: first/second ballot: ours ${oursTwice.join('/')}, base ${baseTwice.join('/')}`,
      )
    let castOurs = oursTwice[0] === 201 ? 1 : 0

    // warm-up of both (JIT, connection pools), not recorded
    if (warmupBallots > 0) {
      const warm = await ballotLoop(
        ours.url,
        ours.pollId,
        take(warmupBallots),
        p.warmupSeconds,
        p.connections,
      )
      castOurs += warm.cast
    }
    await ballotLoop(
      baseline.url,
      baseline.pollId,
      sign(p.baselineBallotsPerRound),
      p.warmupSeconds,
      p.connections,
    )
    // the stream holds poll-published, a code-requested per code sent, and a ballot-cast per ballot
    const expectedEvents = 1 + prepared.codesSent
    await drain(env, expectedEvents + castOurs, p.drainTimeoutSeconds)

    const rounds: PollsRound[] = []
    const cpuPer = (proc: ServiceProcess, before: number, n: number) =>
      round(((proc.cpuSeconds() - before) * 1000) / Math.max(1, n), 3)
    const describe = (r: BallotRound) =>
      `${r.castPerSec} ballots/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms` +
      (errorsOf(r)
        ? `, ERRORS: ${Object.entries(r.byStatus)
            .map(([s, n]) => `${n} × ${s}`)
            .join(', ')}${r.noAnswer ? `, ${r.noAnswer} no answer` : ''}`
        : '') +
      (r.cast + errorsOf(r) >= r.prepared ? ` (all ${r.prepared} prepared ballots used)` : '')
    const runOurs = async (n: number) => {
      const bodies = take(ballotsPerRound)
      const cpu = ours.proc.cpuSeconds()
      const result = await ballotLoop(ours.url, ours.pollId, bodies, p.roundSeconds, p.connections)
      castOurs += result.cast
      const drained = await drain(env, expectedEvents + castOurs, p.drainTimeoutSeconds)
      rounds.push({
        side: 'ours',
        ...result,
        drainSeconds: drained.seconds,
        relayBacklog: drained.backlog,
        cpuMsPerBallot: cpuPer(ours.proc, cpu, result.cast),
      })
      log(
        `  ${adapter} round ${n} ours: ${describe(result)}, ` +
          (drained.backlog
            ? `relay NOT drained: ${drained.backlog} events unpublished after ${drained.seconds} s`
            : `relay drained in ${drained.seconds} s`),
      )
    }
    const runBaseline = async (n: number) => {
      const bodies = sign(p.baselineBallotsPerRound) // before the round: signing is not measured
      const cpu = baseline.proc.cpuSeconds()
      const result = await ballotLoop(baseline.url, baseline.pollId, bodies, p.roundSeconds, p.connections)
      rounds.push({ side: 'baseline', ...result, cpuMsPerBallot: cpuPer(baseline.proc, cpu, result.cast) })
      log(`  ${adapter} round ${n} baseline: ${describe(result)}`)
    }
    // ABBA order: a drift of the machine during the run weighs on both sides alike
    for (let n = 1; n <= p.rounds; n++) {
      if (n % 2 === 1) {
        await runOurs(n)
        await runBaseline(n)
      } else {
        await runBaseline(n)
        await runOurs(n)
      }
    }

    // the service's own count of the ballots (staff results: counted from the ballots on each request)
    const manager = env.jwt.token({ sub: 'bench-pollster', roles: ['poll_manager'], username: 'pollster' })
    const results = await fetch(`${ours.url}${POLLS_API}/manage/${ours.pollId}/results`, {
      headers: { authorization: `Bearer ${manager}` },
      signal: AbortSignal.timeout(60_000),
    })
    const counted = ((await results.json().catch(() => null)) as { ballots?: unknown } | null)?.ballots
    // autocannon stops at the round's end without waiting for the requests in flight: the service may
    // have cast up to `connections` more per loop than the bench saw answered 201 (never fewer)
    const unseen = p.connections * (1 + p.rounds)
    const tally = {
      counted: typeof counted === 'number' ? counted : Number.NaN,
      answered201: castOurs,
      inFlightAtRoundEnds: unseen,
    }
    const tallyMatches = tally.counted >= castOurs && tally.counted <= castOurs + unseen
    log(
      `  ${adapter} the service counts ${String(counted)} ballots; 201 answers seen: ${castOurs} ` +
        `(at most ${unseen} more were in flight when the loops stopped)${tallyMatches ? '' : ': MISMATCH'}`,
    )
    await Promise.all([ours.proc.stop(), baseline.proc.stop()])

    const sideOf = (s: PollsRound['side']): PollsSide => {
      const r = rounds.filter((x) => x.side === s)
      const byStatus: Record<string, number> = {}
      for (const x of r) {
        for (const [k, n] of Object.entries(x.byStatus)) byStatus[k] = (byStatus[k] ?? 0) + n
        if (x.noAnswer) byStatus.noAnswer = (byStatus.noAnswer ?? 0) + x.noAnswer
      }
      return {
        ballotsPerSec: round(median(r.map((x) => x.castPerSec)), 1),
        p50Ms: median(r.map((x) => x.p50Ms)),
        p99Ms: median(r.map((x) => x.p99Ms)),
        cpuMsPerBallot: round(median(r.map((x) => x.cpuMsPerBallot)), 2),
        errors: Object.values(byStatus).reduce((t, n) => t + n, 0),
        byStatus,
      }
    }
    const o = sideOf('ours')
    const b = sideOf('baseline')
    const oursRounds = rounds.filter((x) => x.side === 'ours')
    return {
      ours: {
        ...o,
        drainSeconds: median(oursRounds.map((x) => x.drainSeconds ?? 0)),
        relayBacklog: Math.max(0, ...oursRounds.map((x) => x.relayBacklog ?? 0)),
      },
      baseline: b,
      ratio: ratio(o.ballotsPerSec, b.ballotsPerSec),
      cpuRatio: ratio(b.cpuMsPerBallot, o.cpuMsPerBallot),
      secondBallotRefused,
      tallyMatches,
      tally,
      preparation: { voters: prepared.bodies.length, seconds: prepared.seconds, failures: prepared.failures },
      rounds,
    }
  } finally {
    await stopAll()
    await env.cleanup()
  }
}
