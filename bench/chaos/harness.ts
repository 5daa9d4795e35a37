// The chaos harness: the letter path (mailbox → Kafka → tracking, and notifications → SMTP) in distributed
// mode under a steady intake load, one fault at a time, then checked from the outside. Used by
// `pnpm chaos` (bench/chaos/run.ts) and, shortened, by services/platform/test/chaos.fault.ts.
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  APP_SERVICES,
  type AppService,
  type ChaosPorts,
  Infra,
  newSecrets,
  type Say,
  type ServiceProcess,
  services,
} from './cluster.ts'
import { acknowledged, Load, type Submission } from './load.ts'
import { Mailpit, Stores } from './observe.ts'

export type FaultName = 'kafka' | 'tracking' | 'ferretdb' | 'mailbox' | 'notifications'
export const ALL_FAULTS: readonly FaultName[] = ['kafka', 'tracking', 'ferretdb', 'mailbox', 'notifications']

export const FAULT_DESCRIPTIONS: Record<FaultName, string> = {
  kafka: 'Kafka broker SIGKILLed, restarted on its data',
  tracking: 'tracking paused to build a backlog, resumed, SIGKILLed mid-batch, restarted',
  ferretdb: 'FerretDB SIGKILLed, restarted on its data',
  mailbox: 'mailbox SIGKILLed with requests in flight, restarted',
  notifications: 'notifications paused to build a backlog, resumed, SIGKILLed while sending, restarted',
}

export interface ChaosOptions {
  /** Data dir of the harness's own servers (relative to the repository root); its name starts with "chaos". */
  dataDir: string
  ports: ChaosPorts
  faults: readonly FaultName[]
  rounds: number
  /** Letters per second. */
  rate: number
  /** Load before the fault. */
  warmMs: number
  /** How long a killed server stays down, or a paused consumer builds its backlog. */
  downMs: number
  /** Load after recovery. */
  tailMs: number
  /** The check: consumers recover by themselves within this (measured, reported). */
  recoveryLimitMs: number
  /** Longest wait for recovery before the round is reported as not recovered. */
  recoveryTimeoutMs: number
  /** Longest wait, after the load stopped, for every acknowledged letter's case and receipt. */
  settleTimeoutMs: number
  /** ... and the longest wait without any progress (a slow pipeline is not a lost letter). */
  stallMs: number
  maxInFlight: number
  requestTimeoutMs: number
  /** Hard bounds of the load over the whole run. */
  maxLetters: number
  maxDurationMs: number
  /** No round starts after this much time since the start (the checks still run on what was done). */
  deadlineMs: number
  /** The services' LOG_LEVEL (their logs: <dataDir>/services/<name>.log). */
  logLevel: string
  /** Leave the servers running and the data in place (for a look afterwards). */
  keep: boolean
  /** Remove the data dir (servers' data, services' logs) after stopping. */
  removeData: boolean
  say: Say
}

export interface RoundResult {
  fault: FaultName
  round: number
  /** Letters sent in this round. */
  sent: number
  /** Answered 201. */
  acknowledged: number
  /** Not answered 201: another status, a connection error or a timeout. */
  unacknowledged: number
  /** Case documents for this round's letters. */
  cases: number
  /** Acknowledged letters without a case. */
  lost: number
  /** Cases beyond the first for one letter. */
  duplicatedCases: number
  /** Unacknowledged letters that became a case because the letter was stored after all (allowed). */
  unackedDurable: number
  /** Cases for unacknowledged letters that the mailbox store does not hold (never allowed). */
  phantomCases: number
  /** Receipts that should have been sent: one per acknowledged letter (each has an address). */
  expectedEmails: number
  missingEmails: number
  /** Receipts beyond the first for one letter. */
  duplicateEmails: number
  /**
   * From the restart (Kafka, FerretDB: the server answering again; a service: its process started) until
   * the platform made a case again (a receipt, for notifications): the consumers resumed by themselves.
   */
  resumedSeconds: number | null
  /** From the restart until a letter sent after it became a case (its receipt, for notifications). */
  recoverySeconds: number | null
  /** How long the restart itself took (infra.sh up, or the service until /readyz). */
  restartSeconds: number
  /** What was going on at the kill: requests in flight, backlog. */
  atKill: Record<string, number>
  outcomes: Record<string, number>
}

export interface FaultSummary {
  fault: FaultName
  description: string
  rounds: number
  acknowledged: number
  unacknowledged: number
  cases: number
  lost: number
  duplicatedCases: number
  unackedDurable: number
  phantomCases: number
  expectedEmails: number
  missingEmails: number
  duplicateEmails: number
  /** One per round; null = not within recoveryTimeoutMs. */
  resumedSeconds: Array<number | null>
  /** One per round; null = not within recoveryTimeoutMs. */
  recoverySeconds: Array<number | null>
  maxRecoverySeconds: number | null
  restartSeconds: number[]
}

export interface ChaosResult {
  runId: string
  startedAt: string
  durationSeconds: number
  parameters: Omit<ChaosOptions, 'say' | 'ports'> & { ports: ChaosPorts }
  faults: FaultSummary[]
  rounds: RoundResult[]
  totals: {
    sent: number
    acknowledged: number
    cases: number
    lost: number
    duplicatedCases: number
    phantomCases: number
    missingEmails: number
    duplicateEmails: number
    skippedTicks: number
    casesWithoutLetter: number
  }
  /** Durability: lost or duplicated cases, cases from nowhere, receipts never sent (empty: passed). */
  failures: string[]
  /** Rounds whose consumers did not recover within recoveryLimitMs of the restart. */
  slowRecoveries: string[]
}

const seconds = (ms: number) => Math.round(ms / 100) / 10

interface Injected {
  /**
   * Where recovery is counted from: the restarted server answering (Kafka, FerretDB: their own start-up
   * is not the consumers' recovery), or the service process started (its start-up is).
   */
  restartedAt: number
  /** Cases (receipts for notifications) made so far, at restartedAt. */
  baseline: number
  restartMs: number
  atKill: Record<string, number>
}

/** Runs the whole thing; always stops what it started (unless `keep`). */
export async function runChaos(o: ChaosOptions): Promise<ChaosResult> {
  const t0 = Date.now()
  const startedAt = new Date(t0).toISOString()
  const runId = randomBytes(3).toString('hex')
  const say = o.say
  const infra = new Infra(o.dataDir, o.ports, say)
  const svc = services({ infra, ports: o.ports, logLevel: o.logLevel, secrets: newSecrets() })
  const stores = new Stores(infra.mongoUrl)
  const mailpit = new Mailpit(infra.mailpitApi)
  const load = new Load({
    url: svc.mailbox.url,
    runId,
    rate: o.rate,
    maxInFlight: o.maxInFlight,
    requestTimeoutMs: o.requestTimeoutMs,
    maxLetters: o.maxLetters,
    maxDurationMs: o.maxDurationMs,
  })
  /** Receipts seen per address over the whole run (Mailpit is emptied after each round). */
  const receipts = new Map<string, number>()
  const rounds: Array<{
    fault: FaultName
    round: number
    phase: string
    injected: Injected
    recovery: { resumed: number | null; recovered: number | null }
  }> = []

  const ofPhase = (phase: string) => load.submissions.filter((s) => s.phase === phase)

  async function countMail(drop: boolean): Promise<Map<string, number>> {
    const mails = await mailpit.all()
    const seen = new Map<string, number>()
    for (const m of mails) for (const to of m.to) seen.set(to, (seen.get(to) ?? 0) + 1)
    if (drop) {
      for (const [to, n] of seen) receipts.set(to, (receipts.get(to) ?? 0) + n)
      await mailpit.delete(mails.map((m) => m.id))
    }
    return seen
  }

  /** What the platform has done so far: cases made, or receipts sent (for the notifications fault). */
  async function made(fault: FaultName): Promise<number> {
    if (fault !== 'notifications') return stores.countCases()
    return [...receipts.values()].reduce((a, b) => a + b, 0) + (await mailpit.count())
  }

  async function restartService(
    s: ServiceProcess,
    fault: FaultName,
  ): Promise<{ restartedAt: number; baseline: number; restartMs: number }> {
    const baseline = await made(fault)
    const restartedAt = Date.now()
    s.start()
    await s.waitReady()
    return { restartedAt, baseline, restartMs: Date.now() - restartedAt }
  }

  async function backlog(phase: string, what: 'cases' | 'emails'): Promise<number> {
    const acked = ofPhase(phase).filter(acknowledged)
    if (what === 'cases') return acked.length - (await stores.casesFor(acked.map((s) => s.letterId)))
    const seen = await countMail(false)
    return acked.filter((s) => !seen.has(s.email)).length
  }

  async function inject(fault: FaultName, phase: string): Promise<Injected> {
    if (fault === 'kafka' || fault === 'ferretdb') {
      // a burst first, and the kill once it is acknowledged: its events are then on their way through
      // the relay and the consumers when the server goes
      const burst = Math.min(20, o.maxInFlight)
      load.burst(burst)
      const until = Date.now() + 5_000
      while (load.inFlight > 0 && Date.now() < until) await sleep(1)
      const acked = ofPhase(phase).filter(acknowledged)
      const pending = acked.length - (await stores.casesFor(acked.map((s) => s.letterId)))
      await infra.kill(fault)
      say(
        `  ${fault} killed (SIGKILL) with ${pending} acknowledged letters not yet cases, ${load.inFlight} requests in flight`,
      )
      await sleep(o.downMs)
      const t = Date.now()
      await infra.up(fault)
      const restartMs = Date.now() - t
      return {
        restartedAt: Date.now(),
        baseline: await made(fault),
        restartMs,
        atKill: { notYetCases: pending },
      }
    }
    const s = svc[fault]
    if (fault === 'mailbox') {
      // a burst on top of the load, and the kill once the service has begun answering it: some of the
      // requests are answered, some are mid-way (stored or not), some not read yet
      const burst = Math.min(20, o.maxInFlight)
      load.burst(burst)
      const until = Date.now() + 2_000
      while (load.inFlight > burst - 3 && Date.now() < until) await sleep(1)
      const inFlight = load.inFlight
      await s.kill()
      say(`  mailbox killed (SIGKILL) with ${inFlight} requests in flight`)
      await sleep(Math.min(o.downMs, 1_000))
      return { ...(await restartService(s, fault)), atKill: { inFlight } }
    }
    // tracking / notifications: a backlog first (paused, with a burst of letters on top of the load), then
    // the kill as soon as it has worked through part of it, so that it lands in the middle of a batch
    const what = fault === 'tracking' ? 'cases' : 'emails'
    s.signal('SIGSTOP')
    load.burst(Math.min(20, o.maxInFlight))
    await sleep(o.downMs)
    const before = await backlog(phase, what)
    const base = await made(fault)
    s.signal('SIGCONT')
    const until = Date.now() + 10_000
    while (Date.now() < until && (await made(fault)) <= base) await sleep(5)
    await s.kill()
    const after = await backlog(phase, what)
    say(`  ${fault} killed (SIGKILL) while working through a backlog of ${before} ${what}; ${after} left`)
    return { ...(await restartService(s, fault)), atKill: { backlogBefore: before, backlogAtKill: after } }
  }

  /**
   * From the restart: `resumed`, until the platform made a case again (a receipt, for notifications):
   * the consumers picked up by themselves; `recovered`, until a letter sent after the restart became a
   * case (its receipt): new letters go through again, the backlog of the outage included.
   */
  async function recovery(
    fault: FaultName,
    phase: string,
    injected: Injected,
  ): Promise<{ resumed: number | null; recovered: number | null }> {
    const { restartedAt, baseline } = injected
    const deadline = restartedAt + o.recoveryTimeoutMs
    let resumed: number | null = null
    let recovered: number | null = null
    while (Date.now() < deadline && (resumed === null || recovered === null)) {
      const fresh = ofPhase(phase).filter((s) => s.sentAt >= restartedAt && acknowledged(s))
      try {
        if (resumed === null && (await made(fault)) > baseline) resumed = seconds(Date.now() - restartedAt)
        if (recovered === null && fresh.length > 0) {
          const through =
            fault === 'notifications'
              ? await (async () => {
                  const emails = new Set(fresh.map((s) => s.email))
                  return (await mailpit.latest(100)).some((m) => m.to.some((to) => emails.has(to)))
                })()
              : await stores.anyCaseFor(fresh.flatMap((s) => (s.letterId ? [s.letterId] : [])))
          if (through) recovered = seconds(Date.now() - restartedAt)
        }
      } catch {
        // a server still coming back: keep probing
      }
      await sleep(250)
    }
    return { resumed, recovered }
  }

  /**
   * Waits until every acknowledged letter of the phase has its case and its receipt. A slow pipeline is
   * not a lost letter: it waits while the platform makes progress anywhere (cases or e-mails of any
   * phase: an older backlog goes first), and gives up after `stallMs` without any (or `settleTimeoutMs`).
   */
  async function settle(phase: string): Promise<void> {
    const acked = ofPhase(phase).filter(acknowledged)
    const ids = acked.map((s) => s.letterId)
    const started = Date.now()
    let progress = ''
    let progressAt = Date.now()
    let cases = -1
    let mails = -1
    for (;;) {
      try {
        cases = await stores.casesFor(ids)
        const seen = await countMail(false)
        mails = acked.filter((s) => seen.has(s.email)).length
        if (cases >= acked.length && mails >= acked.length) break
        const all = `${await stores.countCases()}/${[...seen.values()].reduce((a, b) => a + b, 0)}`
        if (all !== progress) {
          progress = all
          progressAt = Date.now()
        }
      } catch {
        // a server still coming back: keep waiting
      }
      const now = Date.now()
      if (now - progressAt > o.stallMs || now - started > o.settleTimeoutMs) {
        say(
          `  NOT settled after ${seconds(now - started)} s (no progress for ${seconds(now - progressAt)} s): ` +
            `${cases}/${acked.length} cases, ${mails} receipts`,
        )
        break
      }
      await sleep(1_000)
    }
    say(`  settled ${seconds(Date.now() - started)} s after the load stopped`)
    await sleep(1_000) // a last duplicate in the pipe
    await countMail(true)
  }

  const cleanup = async () => {
    await load.stop().catch(() => {})
    await Promise.allSettled(APP_SERVICES.map((n) => svc[n].stop()))
    await stores.close().catch(() => {})
    if (o.keep) return
    await infra.down().catch((err: unknown) => say(`infra down failed: ${String(err)}`))
    if (o.removeData) infra.removeData()
  }
  // Interrupted: the services go at once (SIGKILL), then the servers. Should this process die without
  // any of that, its children are killed on 'exit', and the next run stops leftovers before it starts.
  const onSignal = () => {
    say('interrupted: stopping the services and servers')
    for (const n of APP_SERVICES) svc[n].killNow()
    void cleanup().finally(() => process.exit(130))
  }
  const onExit = () => {
    for (const n of APP_SERVICES) svc[n].killNow()
  }
  process.on('exit', onExit)
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  try {
    say(`run ${runId}: own servers in ${infra.dataDir}`)
    for (const n of APP_SERVICES) svc[n].killLeftover()
    await infra.fresh()
    let t = Date.now()
    await infra.up()
    say(
      `servers up in ${seconds(Date.now() - t)} s (Kafka :${o.ports.kafka}, FerretDB :${o.ports.ferretdb}, Mailpit :${o.ports.mailpitHttp})`,
    )
    t = Date.now()
    for (const name of APP_SERVICES) svc[name].start()
    await Promise.all(APP_SERVICES.map((name) => svc[name].waitReady()))
    say(
      `services ready in ${seconds(Date.now() - t)} s (${APP_SERVICES.map((n) => `${n} :${svc[n].port}`).join(', ')})`,
    )

    // The path works end to end before anything is broken (topics exist, groups have joined).
    t = Date.now()
    const first = await load.one('warm-up')
    if (!acknowledged(first)) throw new Error(`the first letter was not accepted (${String(first.outcome)})`)
    await waitFor(async () => (await stores.casesFor([first.letterId])) === 1, 120_000, 'the first case')
    await waitFor(async () => (await countMail(false)).has(first.email), 120_000, 'the first receipt')
    await countMail(true)
    say(`the path works: first letter → case → receipt in ${seconds(Date.now() - t)} s`)

    for (const fault of o.faults) {
      for (let round = 1; round <= o.rounds; round++) {
        if (load.exhausted || Date.now() - t0 > o.deadlineMs) {
          say('the run reached its bounds (letters or time): no more rounds')
          break
        }
        const phase = `${fault}#${round}`
        say(`${phase}: ${FAULT_DESCRIPTIONS[fault]}`)
        load.start(phase)
        await sleep(o.warmMs)
        const injected = await inject(fault, phase)
        // the probe looks for letters sent after the restart; the load goes on for tailMs, then stops
        const probing = recovery(fault, phase, injected)
        say(`  restarted in ${seconds(injected.restartMs)} s`)
        await sleep(o.tailMs)
        await load.stop()
        const rec = await probing
        const show = (v: number | null) =>
          v === null ? `not within ${seconds(o.recoveryTimeoutMs)} s` : `${v} s`
        say(`  consumers resumed: ${show(rec.resumed)}; new letters through again: ${show(rec.recovered)}`)
        await settle(phase)
        rounds.push({ fault, round, phase, injected, recovery: rec })
        const sent = ofPhase(phase)
        say(`  ${sent.length} letters sent, ${sent.filter(acknowledged).length} acknowledged`)
      }
    }
    await sleep(2_000)
    await countMail(true)
    const cases = await stores.allCases()
    const letters = await stores.allLetters()
    return result()

    function result(): ChaosResult {
      const casesByTag = group(cases, (c) => c.subject)
      const lettersByTag = group(letters, (l) => l.subject)
      const caseByOrigin = group(cases, (c) => c.originId)
      const known = new Set(load.submissions.map((s) => s.tag))
      const roundResults: RoundResult[] = rounds.map(({ fault, round, phase, injected, recovery: rec }) => {
        const sent = ofPhase(phase)
        const acked = sent.filter(acknowledged)
        const unacked = sent.filter((s) => !acknowledged(s))
        const casesOf = (s: Submission) => casesByTag.get(s.tag) ?? 0
        const unackedWithCase = unacked.filter((s) => casesOf(s) > 0)
        const unackedDurable = unackedWithCase.filter((s) => (lettersByTag.get(s.tag) ?? 0) > 0).length
        const outcomes: Record<string, number> = {}
        for (const s of sent) outcomes[String(s.outcome)] = (outcomes[String(s.outcome)] ?? 0) + 1
        return {
          fault,
          round,
          sent: sent.length,
          acknowledged: acked.length,
          unacknowledged: unacked.length,
          cases: sent.reduce((n, s) => n + casesOf(s), 0),
          lost: acked.filter((s) => !caseByOrigin.has(s.letterId)).length,
          duplicatedCases: sent.reduce((n, s) => n + Math.max(0, casesOf(s) - 1), 0),
          unackedDurable,
          phantomCases: unackedWithCase.length - unackedDurable,
          expectedEmails: acked.length,
          missingEmails: acked.filter((s) => !receipts.has(s.email)).length,
          duplicateEmails: sent.reduce((n, s) => n + Math.max(0, (receipts.get(s.email) ?? 0) - 1), 0),
          resumedSeconds: rec.resumed,
          recoverySeconds: rec.recovered,
          restartSeconds: seconds(injected.restartMs),
          atKill: injected.atKill,
          outcomes,
        }
      })
      const faults: FaultSummary[] = o.faults
        .map((fault) =>
          summarize(
            fault,
            roundResults.filter((r) => r.fault === fault),
          ),
        )
        .filter((f) => f.rounds > 0)
      const sum = (k: keyof RoundResult) => roundResults.reduce((n, r) => n + (r[k] as number), 0)
      const totals = {
        sent: load.submissions.length,
        acknowledged: load.submissions.filter(acknowledged).length,
        cases: cases.length,
        lost: sum('lost'),
        duplicatedCases: sum('duplicatedCases'),
        phantomCases: sum('phantomCases'),
        missingEmails: sum('missingEmails'),
        duplicateEmails: sum('duplicateEmails'),
        skippedTicks: load.skipped,
        casesWithoutLetter: cases.filter((c) => !known.has(c.subject)).length,
      }
      const failures: string[] = []
      const slowRecoveries: string[] = []
      for (const r of roundResults) {
        const at = `${r.fault}#${r.round}`
        if (r.lost > 0) failures.push(`${at}: ${r.lost} acknowledged letters have no case`)
        if (r.duplicatedCases > 0) failures.push(`${at}: ${r.duplicatedCases} duplicated cases`)
        if (r.phantomCases > 0)
          failures.push(`${at}: ${r.phantomCases} cases for letters that were never stored`)
        if (r.missingEmails > 0) failures.push(`${at}: ${r.missingEmails} receipts never sent`)
        const over = (v: number | null) => v === null || v * 1000 > o.recoveryLimitMs
        const show = (v: number | null) => (v === null ? 'not seen' : `${v} s`)
        if (over(r.resumedSeconds))
          slowRecoveries.push(`${at}: consumers resumed after ${show(r.resumedSeconds)}`)
        if (over(r.recoverySeconds)) {
          slowRecoveries.push(`${at}: new letters through again after ${show(r.recoverySeconds)}`)
        }
      }
      if (totals.casesWithoutLetter > 0)
        failures.push(`${totals.casesWithoutLetter} cases match no letter sent`)
      const { say: _say, ...parameters } = o
      return {
        runId,
        startedAt,
        durationSeconds: seconds(Date.now() - t0),
        parameters,
        faults,
        rounds: roundResults,
        totals,
        failures,
        slowRecoveries,
      }
    }
  } finally {
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
    process.removeListener('exit', onExit)
    await cleanup()
  }
}

function summarize(fault: FaultName, rs: RoundResult[]): FaultSummary {
  const sum = (k: keyof RoundResult) => rs.reduce((n, r) => n + (r[k] as number), 0)
  const rec = rs.map((r) => r.recoverySeconds)
  return {
    fault,
    description: FAULT_DESCRIPTIONS[fault],
    rounds: rs.length,
    acknowledged: sum('acknowledged'),
    unacknowledged: sum('unacknowledged'),
    cases: sum('cases'),
    lost: sum('lost'),
    duplicatedCases: sum('duplicatedCases'),
    unackedDurable: sum('unackedDurable'),
    phantomCases: sum('phantomCases'),
    expectedEmails: sum('expectedEmails'),
    missingEmails: sum('missingEmails'),
    duplicateEmails: sum('duplicateEmails'),
    resumedSeconds: rs.map((r) => r.resumedSeconds),
    recoverySeconds: rec,
    maxRecoverySeconds: rec.some((r) => r === null) ? null : Math.max(...(rec as number[])),
    restartSeconds: rs.map((r) => r.restartSeconds),
  }
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>()
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1)
  return m
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      if (await check()) return
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not arrive within ${timeoutMs / 1000} s`)
    await sleep(250)
  }
}

export type { AppService }
