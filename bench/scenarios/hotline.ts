// hotline: (1) incoming-call webhooks answered per second, closed loop, the hotline service against a bare
// Fastify route that parses the same form body, verifies the same signature and answers the same TwiML
// (bench/servers/hotline-baseline.ts), in alternating rounds; (2) the time from hotline.call-logged to the
// case readable in tracking: calls logged one at a time through the hotline's API, each case read with
// GET /api/v1/cases/{id} (tracking's caseIdFor('hotline', callId)) as soon as tracking's log says it opened
// it, or polled, until a deadline.
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { SIGNATURE_HEADER } from '../../packages/telephony/src/wire/signature.ts'
import { callIdOf } from '../../services/hotline/src/domain/call.ts'
import { caseIdFor } from '../../services/tracking/src/domain/intake.ts'
import { streamSize } from '../lib/bus-count.ts'
import {
  ACCOUNT_SID,
  CallPool,
  INCOMING_PATH,
  LINE_NUMBER,
  PUBLIC_BASE_URL,
  type WebhookRound,
  webhookLoop,
} from '../lib/calls.ts'
import { BenchEnv } from '../lib/env.ts'
import type { LetterPool } from '../lib/letters.ts'
import { send } from '../lib/load.ts'
import type { Adapter, Params } from '../lib/params.ts'
import { freePort, type ServiceProcess, spawnService, stopAll } from '../lib/procs.ts'
import { latency, median, ratio, round } from '../lib/stats.ts'

export interface HotlineRound extends WebhookRound {
  side: 'ours' | 'baseline'
  /** CPU time of the server process per answered call (ours: the relay's drain included). */
  cpuMsPerCall: number
  /** ours: seconds after the round until the bus held every answered call's hotline.call-received. */
  drainSeconds?: number
  /** ours: answered calls whose event was still unpublished when the drain timed out. */
  relayBacklog?: number
}

export interface WebhookSide {
  answeredPerSec: number
  p50Ms: number
  p99Ms: number
  cpuMsPerCall: number
  /** Summed over the measured rounds: answers other than 200 text/xml, and requests with no answer. */
  non2xx: number
  wrongAnswers: number
  errors: number
}

export interface CallLoggedFigures {
  /** Calls logged (outcome `case`) and measured, after the warm-up ones. */
  logged: number
  /** Cases readable within the deadline. */
  readable: number
  /** From the 201 of the log (the call and its hotline.call-logged stored) to the 200 of the case's GET. */
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  /** The same to tracking's "case opened from a call" log line (the case written): what the GET adds. */
  storedP50Ms: number
  storedP99Ms: number
  /** Latency of the log request itself (POST /api/v1/hotline/calls/{id}/log). */
  logAnswerP50Ms: number
  logAnswerP99Ms: number
  deadlineSeconds: number
  /** Log requests not answered 201 (by status; 0: no answer). */
  refused: Record<string, number>
}

export interface HotlineResult {
  webhooks: {
    ours: WebhookSide & { drainSeconds: number; relayBacklog: number }
    baseline: WebhookSide
    /** ours / baseline answered per second (medians of the rounds). */
    ratio: number
    /** Whether the service and the baseline answered a call with the same TwiML, byte for byte. */
    sameTwiml: boolean
    /** Whether both refused a webhook with a wrong signature (403): the baseline really verifies. */
    badSignatureRefused: boolean
    rounds: HotlineRound[]
  }
  callLogged: CallLoggedFigures | { notDone: string }
}

interface Target {
  proc: ServiceProcess
  url: string
  publicBaseUrl: string
}

/** The hotline service as its own process, on loopback, with Twilio's signature checked against authToken. */
async function startHotline(env: BenchEnv, authToken: string, profile: boolean): Promise<Target> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const proc = spawnService({
    name: `hotline-${env.adapter}`,
    entry: 'bench/servers/hotline.ts',
    env: env.serviceEnv('hotline', {
      PORT: String(port),
      BENCH_GROUP: env.group('hotline'),
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_HOTLINE_NUMBER: LINE_NUMBER,
      HOTLINE_SERVICE_HOURS: '24x7',
      HOTLINE_WEBHOOKS_PER_MINUTE: '1000000000',
    }),
    profile,
  })
  await proc.ready(`${url}/readyz`, 120_000)
  return { proc, url, publicBaseUrl: PUBLIC_BASE_URL }
}

async function startBaseline(env: BenchEnv, authToken: string, profile: boolean): Promise<Target> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const proc = spawnService({
    name: `hotline-baseline-${env.adapter}`,
    entry: 'bench/servers/hotline-baseline.ts',
    env: { PORT: String(port), TWILIO_AUTH_TOKEN: authToken, PUBLIC_BASE_URL },
    profile,
  })
  await proc.ready(`${url}/readyz`)
  return { proc, url, publicBaseUrl: PUBLIC_BASE_URL }
}

async function startTracking(env: BenchEnv, profile: boolean): Promise<Target> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const proc = spawnService({
    name: `tracking-${env.adapter}`,
    entry: 'bench/servers/tracking.ts',
    env: env.serviceEnv('tracking', { PORT: String(port), BENCH_GROUP: env.group('tracking') }),
    profile,
  })
  await proc.ready(`${url}/readyz`, 120_000)
  return { proc, url, publicBaseUrl: url }
}

/** One signed incoming call, posted on its own connection: its answer. */
async function postCall(
  target: Target,
  pool: CallPool,
): Promise<{ status: number; body: string; type: string; callSid: string }> {
  const call = pool.next()
  const res = await fetch(`${target.url}${INCOMING_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', [SIGNATURE_HEADER]: call.signature },
    body: call.body,
    signal: AbortSignal.timeout(10_000),
  })
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: await res.text(),
    callSid: call.callSid,
  }
}

/**
 * Waits until the hotline stream holds at least `events` events: the seconds it took, or at the timeout
 * how many were missing (the relay publishes after the answer, as the mailbox's does).
 */
async function drain(
  env: BenchEnv,
  events: number,
  timeoutSeconds: number,
): Promise<{ seconds: number; backlog: number }> {
  const start = Date.now()
  const deadline = start + timeoutSeconds * 1000
  let size = 0
  while (Date.now() < deadline) {
    size = await streamSize(env, 'hotline')
    if (size >= events) return { seconds: round((Date.now() - start) / 1000, 2), backlog: 0 }
    await sleep(200)
  }
  return { seconds: timeoutSeconds, backlog: events - size }
}

async function webhooks(
  params: Params,
  env: BenchEnv,
  authToken: string,
  log: (line: string) => void,
): Promise<HotlineResult['webhooks']> {
  const p = params.hotline
  const adapter = env.adapter
  const ours = await startHotline(env, authToken, params.profile)
  const baseline = await startBaseline(env, authToken, params.profile)
  const oursPool = new CallPool(authToken, ours.publicBaseUrl, 11)
  const basePool = new CallPool(authToken, baseline.publicBaseUrl, 11)

  // the same answer from both, and a wrong signature refused by both (one call each, not measured)
  const first = await postCall(ours, oursPool)
  const baseFirst = await postCall(baseline, basePool)
  const sameTwiml =
    first.status === 200 &&
    baseFirst.status === 200 &&
    first.body === baseFirst.body &&
    first.type === baseFirst.type
  if (!sameTwiml)
    log(
      `  ${adapter} WARNING: the answers differ:\n    ours ${first.status} ${first.type} ${first.body}\n    base ${baseFirst.status} ${baseFirst.type} ${baseFirst.body}`,
    )
  const forged = async (t: Target, pool: CallPool) => {
    const call = pool.next()
    const res = await fetch(`${t.url}${INCOMING_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        [SIGNATURE_HEADER]: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      },
      body: call.body,
      signal: AbortSignal.timeout(10_000),
    })
    await res.arrayBuffer()
    return res.status
  }
  const badSignatureRefused =
    (await forged(ours, oursPool)) === 403 && (await forged(baseline, basePool)) === 403
  let answered = 1 // the call above: one hotline.call-received

  // warm-up of both (JIT, connection pools), not recorded
  const warm = await webhookLoop(ours.url, oursPool.sign(p.maxCallsPerRound), p.warmupSeconds, p.connections)
  answered += warm.answered
  await webhookLoop(baseline.url, basePool.sign(p.maxCallsPerRound), p.warmupSeconds, p.connections)
  await drain(env, answered, p.drainTimeoutSeconds)

  const rounds: HotlineRound[] = []
  const cpuPerCall = (proc: ServiceProcess, before: number, calls: number) =>
    round(((proc.cpuSeconds() - before) * 1000) / Math.max(1, calls), 3)
  const describe = (r: WebhookRound) =>
    `${r.answeredPerSec} answered/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms` +
    (r.non2xx + r.wrongAnswers + r.errors
      ? `, ERRORS: ${r.non2xx} non-2xx, ${r.wrongAnswers} not text/xml, ${r.errors} no answer`
      : '') +
    (r.answered + r.non2xx + r.errors >= r.presigned ? ` (all ${r.presigned} pre-signed calls used)` : '')
  const runOurs = async (n: number) => {
    const calls = oursPool.sign(p.maxCallsPerRound) // before the round: signing is not measured
    const cpu = ours.proc.cpuSeconds()
    const result = await webhookLoop(ours.url, calls, p.roundSeconds, p.connections)
    answered += result.answered
    const drained = await drain(env, answered, p.drainTimeoutSeconds)
    rounds.push({
      side: 'ours',
      ...result,
      drainSeconds: drained.seconds,
      relayBacklog: drained.backlog,
      cpuMsPerCall: cpuPerCall(ours.proc, cpu, result.answered),
    })
    log(
      `  ${adapter} round ${n} ours: ${describe(result)}, ` +
        (drained.backlog
          ? `relay NOT drained: ${drained.backlog} events unpublished after ${drained.seconds} s`
          : `relay drained in ${drained.seconds} s`),
    )
  }
  const runBaseline = async (n: number) => {
    const calls = basePool.sign(p.maxCallsPerRound)
    const cpu = baseline.proc.cpuSeconds()
    const result = await webhookLoop(baseline.url, calls, p.roundSeconds, p.connections)
    rounds.push({
      side: 'baseline',
      ...result,
      cpuMsPerCall: cpuPerCall(baseline.proc, cpu, result.answered),
    })
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
  await Promise.all([ours.proc.stop(), baseline.proc.stop()])

  const sideOf = (s: HotlineRound['side']): WebhookSide => {
    const r = rounds.filter((x) => x.side === s)
    const sum = (f: (x: HotlineRound) => number) => r.reduce((t, x) => t + f(x), 0)
    return {
      answeredPerSec: round(median(r.map((x) => x.answeredPerSec)), 1),
      p50Ms: median(r.map((x) => x.p50Ms)),
      p99Ms: median(r.map((x) => x.p99Ms)),
      cpuMsPerCall: round(median(r.map((x) => x.cpuMsPerCall)), 2),
      non2xx: sum((x) => x.non2xx),
      wrongAnswers: sum((x) => x.wrongAnswers),
      errors: sum((x) => x.errors),
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
    ratio: ratio(o.answeredPerSec, b.answeredPerSec),
    sameTwiml,
    badSignatureRefused,
    rounds,
  }
}

const SUBJECTS = [
  '窗口办事排队时间过长',
  '小区夜间施工噪音扰民',
  '驾驶证年检预约困难',
  '户籍证明材料要求不清',
  '对民警热情服务表示感谢',
]
const CATEGORIES = ['complaint', 'report', 'suggestion', 'consultation', 'praise'] as const

/**
 * Calls logged one at a time (outcome `case`): for each, the time from the log's 201 to the case readable
 * in tracking. One call in flight at a time, so that this is the delay of the path, not of a backlog.
 */
async function callLogged(
  params: Params,
  env: BenchEnv,
  authToken: string,
  log: (line: string) => void,
): Promise<CallLoggedFigures> {
  const p = params.hotline
  const tracking = await startTracking(env, params.profile)
  const hotline = await startHotline(env, authToken, params.profile)
  const pool = new CallPool(authToken, hotline.publicBaseUrl, 12)
  const deadlineMs = p.deadlineSeconds * 1000

  // tracking's log line for a case: the time it was written (pino's `time`), by case id
  const stored = new Map<string, number>()
  let wake: (() => void) | null = null
  tracking.proc.onLine = (line) => {
    if (!line.includes('case opened from a call')) return
    try {
      const entry = JSON.parse(line) as { caseId?: unknown; time?: unknown }
      if (typeof entry.caseId !== 'string') return
      stored.set(entry.caseId, typeof entry.time === 'number' ? entry.time : Date.now())
      wake?.()
    } catch {
      // not a JSON line
    }
  }

  let token = env.token()
  let tokenAt = Date.now()
  const auth = () => {
    // a dispatcher may log any call; the token lives 15 minutes
    if (Date.now() - tokenAt > 10 * 60_000) {
      token = env.token()
      tokenAt = Date.now()
    }
    return { authorization: `Bearer ${token}` }
  }

  const refused: Record<string, number> = {}
  const one = async (
    i: number,
  ): Promise<{ readyMs: number | null; storedMs: number | null; answerMs: number } | null> => {
    const call = await postCall(hotline, pool)
    if (call.status !== 200) {
      refused[`incoming ${call.status}`] = (refused[`incoming ${call.status}`] ?? 0) + 1
      return null
    }
    const callId = callIdOf(call.callSid)
    const body = JSON.stringify({
      outcome: 'case',
      category: CATEGORIES[i % CATEGORIES.length],
      subject: SUBJECTS[i % SUBJECTS.length],
      summary: `来电人反映：${SUBJECTS[i % SUBJECTS.length]}，希望尽快处理并答复。（压测第 ${i + 1} 通）`,
    })
    const sentAt = Date.now()
    const answer = await send(new URL(`/api/v1/hotline/calls/${callId}/log`, hotline.url), 'POST', {
      body,
      headers: auth(),
      timeoutMs: 10_000,
    })
    const ack = Date.now()
    if (answer.status !== 201) {
      refused[answer.status] = (refused[answer.status] ?? 0) + 1
      if (answer.status !== 0 && Object.values(refused).reduce((s, n) => s + n, 0) === 1)
        log(`  ${env.adapter} log refused: ${answer.status} ${answer.body.slice(0, 300)}`)
      return null
    }
    const caseId = caseIdFor('hotline', callId)
    const caseUrl = new URL(`/api/v1/cases/${caseId}`, tracking.url)
    // polled every 25 ms, and at once when tracking logs the case: bounded by the deadline
    while (Date.now() < ack + deadlineMs) {
      const got = await send(caseUrl, 'GET', { headers: auth(), timeoutMs: 10_000 })
      if (got.status === 200) {
        const readyAt = Date.now()
        const at = stored.get(caseId)
        stored.delete(caseId)
        return {
          readyMs: readyAt - ack,
          storedMs: at === undefined ? null : at - ack,
          answerMs: ack - sentAt,
        }
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 25)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wake = null
    }
    return { readyMs: null, storedMs: null, answerMs: ack - sentAt }
  }

  try {
    // warm-up: the first calls pay for the consumer's first fetch and the topic's creation
    for (let i = 0; i < p.warmupLogged; i++) await one(i)
    for (const k of Object.keys(refused)) delete refused[k]
    const ready: number[] = []
    const storedTimes: number[] = []
    const answers: number[] = []
    let loggedCount = 0
    const started = Date.now()
    for (let i = 0; i < p.loggedCalls && Date.now() - started < p.loggedSecondsMax * 1000; i++) {
      const r = await one(p.warmupLogged + i)
      if (!r) continue
      loggedCount++
      answers.push(r.answerMs)
      if (r.readyMs !== null) ready.push(r.readyMs)
      if (r.storedMs !== null) storedTimes.push(r.storedMs)
    }
    const l = latency(ready)
    const s = latency(storedTimes)
    const a = latency(answers)
    log(
      `  ${env.adapter} call-logged → case readable: ${ready.length}/${loggedCount} within ${p.deadlineSeconds} s, ` +
        `p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms (written: p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms)`,
    )
    return {
      logged: loggedCount,
      readable: ready.length,
      p50Ms: l.p50Ms,
      p95Ms: l.p95Ms,
      p99Ms: l.p99Ms,
      maxMs: l.maxMs,
      storedP50Ms: s.p50Ms,
      storedP99Ms: s.p99Ms,
      logAnswerP50Ms: a.p50Ms,
      logAnswerP99Ms: a.p99Ms,
      deadlineSeconds: p.deadlineSeconds,
      refused,
    }
  } finally {
    tracking.proc.onLine = undefined
    await Promise.all([hotline.proc.stop(), tracking.proc.stop()])
  }
}

export async function hotline(
  params: Params,
  adapter: Adapter,
  _pool: LetterPool,
  log: (line: string) => void,
): Promise<HotlineResult> {
  const env = new BenchEnv(adapter)
  // the account's auth token: the bench signs as Twilio would, the service verifies with it
  const authToken = randomBytes(16).toString('hex')
  try {
    const hooks = await webhooks(params, env, authToken, log)
    let logged: HotlineResult['callLogged']
    // resources of their own (namespace, databases, data directory): not the webhooks' hundred thousand
    // calls in the collection, nor their events in the stream tracking's consumer would read past first
    const loggedEnv = new BenchEnv(adapter)
    try {
      logged = await callLogged(params, loggedEnv, authToken, log)
    } catch (err) {
      log(`  ${adapter} call-logged part FAILED: ${(err as Error).message}`)
      await stopAll()
      logged = { notDone: (err as Error).message.split('\n')[0] ?? 'failed' }
    } finally {
      await loggedEnv.cleanup()
    }
    return { webhooks: hooks, callLogged: logged }
  } finally {
    await stopAll()
    await env.cleanup()
  }
}
