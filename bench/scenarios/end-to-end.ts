// endToEnd: letters at fixed open-loop rates; for each 201, the time until its case is readable through
// GET /api/v1/cases/{id} (the case id is tracking's caseIdFor('mailbox', letterId)). A GET is sent as soon
// as the tracking log says "case opened" for that id (so that polling does not load the service), and any
// case still unread after a second is polled, then again at half its age. The same for the bare pipeline of
// bench/servers/baseline.ts, alternating with ours at each rate.
import { setTimeout as sleep } from 'node:timers/promises'
import { caseIdFor } from '../../services/tracking/src/domain/intake.ts'
import { BenchEnv } from '../lib/env.ts'
import type { LetterPool } from '../lib/letters.ts'
import { openLoop, send } from '../lib/load.ts'
import type { Adapter, Params } from '../lib/params.ts'
import { stopAll } from '../lib/procs.ts'
import { startStack } from '../lib/stack.ts'
import { latency, round } from '../lib/stats.ts'
import { startBaseline } from './intake.ts'

interface Target {
  mailboxUrl: string
  trackingUrl: string
  /** Sets the handler of the target's log lines. */
  listen(fn: (line: string) => void): void
  /** CPU seconds used so far by the target's processes. */
  cpu(): number
}

export interface StepFigures {
  rate: number
  seconds: number
  sent: number
  acknowledged: number
  /** Answers other than 201, by status (0: no answer). */
  refused: Record<string, number>
  /** Sends skipped because too many requests were in flight (the client's limit). */
  skipped: number
  /** Latency of the 201 answers. */
  answerP99Ms: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  /** Share of acknowledged letters whose case was readable within the deadline. */
  delivered: number
  /** The same from the log's time of the write, without the GET: what the GET adds. */
  storedP99Ms: number
  gets: number
  /** After the deadline, how long until every case was readable (bounded). */
  settleSeconds: number
  unreadable: number
  /** CPU time of the service processes per acknowledged letter, the step and its settling included. */
  cpuMsPerLetter: number
}

interface Tracked {
  ack: number
  stored?: number
  readable?: number
  checking: boolean
  /** When the fallback poller may look at it again: 1 s after the 201, then at half its age. */
  nextPoll: number
}

async function step(
  target: Target,
  pool: LetterPool,
  rate: number,
  seconds: number,
  deadlineMs: number,
  settleMs: number,
  token: string,
): Promise<StepFigures> {
  const cases = new Map<string, Tracked>()
  const loggedEarly = new Map<string, number>()
  let gets = 0
  let checksInFlight = 0
  const auth = { authorization: `Bearer ${token}` }
  const cpuBefore = target.cpu()

  /** One GET; on a 404 right after the log line, a few quick retries (the write is done when it logs). */
  const check = async (id: string, retries: number) => {
    const c = cases.get(id)
    if (!c || c.readable !== undefined || c.checking) return
    c.checking = true
    checksInFlight++
    try {
      for (let attempt = 0; attempt <= retries; attempt++) {
        gets++
        const answer = await send(new URL(`/api/v1/cases/${id}`, target.trackingUrl), 'GET', {
          headers: auth,
          timeoutMs: 10_000,
        })
        if (answer.status === 200) {
          c.readable = Date.now()
          return
        }
        if (attempt < retries) await sleep(20)
      }
    } finally {
      c.checking = false
      checksInFlight--
    }
  }

  target.listen((line) => {
    if (!line.includes('case opened')) return
    let entry: { caseId?: unknown; time?: unknown }
    try {
      entry = JSON.parse(line) as typeof entry
    } catch {
      return
    }
    if (typeof entry.caseId !== 'string') return
    const at = typeof entry.time === 'number' ? entry.time : Date.now()
    const c = cases.get(entry.caseId)
    if (!c) {
      loggedEarly.set(entry.caseId, at)
      return
    }
    c.stored = at
    void check(entry.caseId, 3)
  })

  // cases whose log line was missed (or mangled: the log scrubber may take a hex run for a phone number),
  // polled with a backoff so that a backlog does not turn into a load of its own
  let polling = true
  const poller = (async () => {
    while (polling) {
      await sleep(250)
      const now = Date.now()
      for (const [id, c] of cases) {
        if (!polling) break
        if (c.readable !== undefined || c.checking || now < c.nextPoll) continue
        c.nextPoll = now + Math.max(1_000, (now - c.ack) / 2)
        while (checksInFlight >= 8) await sleep(10)
        void check(id, 0)
      }
    }
  })()

  const load = await openLoop(target.mailboxUrl, pool, {
    rate,
    seconds,
    maxInFlight: Math.max(100, rate * 10),
    onAnswer(answer, _sentAt, answeredAt) {
      if (answer.status !== 201) return
      const { letterId } = JSON.parse(answer.body) as { letterId: string }
      const id = caseIdFor('mailbox', letterId)
      const c: Tracked = { ack: answeredAt, checking: false, nextPoll: answeredAt + 1_000 }
      const logged = loggedEarly.get(id)
      if (logged !== undefined) {
        loggedEarly.delete(id)
        c.stored = logged
      }
      cases.set(id, c)
      if (logged !== undefined) void check(id, 3)
    },
  })

  // wait for the deadline of the last letter, then (bounded) for the stragglers
  const lastAck = Math.max(0, ...[...cases.values()].map((c) => c.ack))
  const pending = () => [...cases.values()].filter((c) => c.readable === undefined).length
  while (pending() > 0 && Date.now() < lastAck + deadlineMs) await sleep(100)
  const settleStart = Date.now()
  while (pending() > 0 && Date.now() < settleStart + settleMs) await sleep(250)
  const settleSeconds = round((Date.now() - settleStart) / 1000, 1)
  polling = false
  await poller
  while (checksInFlight > 0) await sleep(10)
  target.listen(() => {})
  const cpuMs = (target.cpu() - cpuBefore) * 1000

  const readable = [...cases.values()].filter((c) => c.readable !== undefined)
  const times = readable.map((c) => (c.readable as number) - c.ack)
  const stored = [...cases.values()]
    .filter((c) => c.stored !== undefined)
    .map((c) => (c.stored as number) - c.ack)
  const l = latency(times)
  const refused = { ...load.byStatus }
  delete refused['201']
  return {
    rate,
    seconds,
    sent: load.sent,
    acknowledged: cases.size,
    refused,
    skipped: load.skipped,
    answerP99Ms: load.p99Ms,
    p50Ms: l.p50Ms,
    p95Ms: l.p95Ms,
    p99Ms: l.p99Ms,
    maxMs: l.maxMs,
    delivered: cases.size ? round(times.filter((t) => t <= deadlineMs).length / cases.size, 4) : Number.NaN,
    storedP99Ms: latency(stored).p99Ms,
    gets,
    settleSeconds,
    unreadable: cases.size - readable.length,
    cpuMsPerLetter: round(cpuMs / Math.max(1, cases.size), 2),
  }
}

export async function endToEnd(
  params: Params,
  adapter: Adapter,
  pool: LetterPool,
  log: (line: string) => void,
): Promise<Record<string, unknown>> {
  const p = params.endToEnd
  const env = new BenchEnv(adapter)
  try {
    const stack = await startStack(env, ['mailbox', 'tracking'], { profile: params.profile })
    let oursListener: (line: string) => void = () => {}
    stack.onLine((line) => oursListener(line))
    const ours: Target = {
      mailboxUrl: stack.mailboxUrl,
      trackingUrl: stack.trackingUrl,
      listen: (fn) => {
        oursListener = fn
      },
      cpu: () => stack.processes.reduce((sum, proc) => sum + proc.cpuSeconds(), 0),
    }
    const base = await startBaseline(env, { pipeline: true, profile: params.profile })
    let baseListener: (line: string) => void = () => {}
    base.proc.onLine = (line) => baseListener(line)
    const baseline: Target = {
      mailboxUrl: base.url,
      trackingUrl: base.url,
      listen: (fn) => {
        baseListener = fn
      },
      cpu: () => base.proc.cpuSeconds(),
    }
    const deadlineMs = p.deadlineSeconds * 1000
    const settleMs = Math.max(30_000, p.stepSeconds * 1000)
    const out: Record<string, unknown> = { deadlineSeconds: p.deadlineSeconds, stepSeconds: p.stepSeconds }
    for (const [i, rate] of p.rates.entries()) {
      const run = async (side: 'ours' | 'baseline') => {
        pool.rewind()
        const figures = await step(
          side === 'ours' ? ours : baseline,
          pool,
          rate,
          p.stepSeconds,
          deadlineMs,
          settleMs,
          env.token(),
        )
        log(
          `  ${adapter} ${rate}/s ${side}: ${figures.acknowledged} acknowledged, p50 ${figures.p50Ms} ms, ` +
            `p99 ${figures.p99Ms} ms, delivered ${round(figures.delivered * 100, 2)} %` +
            (figures.unreadable ? `, ${figures.unreadable} still unreadable after settling` : ''),
        )
        return figures
      }
      // ours first at one rate, the baseline first at the next: drift weighs on both alike
      const first = i % 2 === 0 ? await run('ours') : await run('baseline')
      const second = i % 2 === 0 ? await run('baseline') : await run('ours')
      const [o, b] = i % 2 === 0 ? [first, second] : [second, first]
      out[String(rate)] = { ...o, baseline: b }
    }
    return out
  } finally {
    await stopAll()
    await env.cleanup()
  }
}
