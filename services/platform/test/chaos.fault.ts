// Fault test: the short version of `pnpm chaos` (bench/chaos). The letter path runs in distributed mode,
// each service its own process, on a Kafka, FerretDB and Mailpit of its own (other ports, data under
// .data/chaos-test; the shared servers are not touched). Under a small steady load, the tracking service
// is SIGKILLed in the middle of a backlog, then the Kafka broker is SIGKILLed; each is restarted. Every
// acknowledged letter must then be exactly one case. Timings are reported, not asserted.
// Run alone: `pnpm exec tap --jobs 1 services/platform/test/chaos.fault.ts`.
import t from 'tap'
import { CHAOS_TEST_PORTS } from '../../../bench/chaos/cluster.ts'
import { runChaos } from '../../../bench/chaos/harness.ts'

t.setTimeout(540_000)

t.test('acknowledged letters survive a tracking crash mid-batch and a broker SIGKILL', async (t) => {
  const result = await runChaos({
    dataDir: '.data/chaos-test',
    ports: CHAOS_TEST_PORTS,
    faults: ['tracking', 'kafka'],
    rounds: 1,
    rate: 2,
    warmMs: 3_000,
    downMs: 2_000,
    tailMs: 2_000,
    recoveryLimitMs: 30_000,
    recoveryTimeoutMs: 60_000,
    settleTimeoutMs: 120_000,
    stallMs: 45_000,
    maxInFlight: 32,
    requestTimeoutMs: 15_000,
    maxLetters: 3_000,
    maxDurationMs: 300_000,
    deadlineMs: 200_000,
    logLevel: 'warn',
    keep: false,
    removeData: true,
    say: (line) => t.comment(line),
  })
  t.equal(result.rounds.length, 2, 'both faults ran')
  for (const r of result.rounds) {
    const at = `${r.fault}: `
    t.ok(r.acknowledged > 0, `${at}${r.acknowledged} letters acknowledged`)
    t.equal(r.lost, 0, `${at}no acknowledged letter lost`)
    t.equal(r.duplicatedCases, 0, `${at}no letter became two cases`)
    t.equal(r.phantomCases, 0, `${at}no case for a letter that was never stored`)
    t.equal(r.missingEmails, 0, `${at}every receipt sent`)
    t.comment(
      `${at}${r.sent} sent, ${r.acknowledged} acknowledged, ${r.cases} cases, ` +
        `${r.duplicateEmails} duplicate e-mails, restart ${r.restartSeconds} s, recovery ${r.recoverySeconds ?? 'n/a'} s`,
    )
  }
  t.equal(result.totals.casesWithoutLetter, 0, 'every case comes from a letter of the run')
})
