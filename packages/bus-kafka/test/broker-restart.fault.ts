// Fault test: the Kafka broker is killed (SIGKILL) and restarted while 10,000 events are being published.
// Every publish that resolved must be consumed, in order per key. It kills the shared broker, so it runs
// alone: `npx tap --jobs 1 packages/bus-kafka/test/broker-restart.fault.ts` (see README.md).
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { dirname, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Logger } from '@tingjian/bus'
import { ContractTestHappened, contractCatalogue } from '@tingjian/bus/contract'
import type { EventEnvelope } from '@tingjian/contracts'
import type { Test } from 'tap'
import t from 'tap'
import { createKafkaBus } from '../src/index.ts'
import { BROKERS, deleteNamespace, disconnectHelpers } from './helpers.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const run = promisify(execFile)

const KEYS = 50
const PER_KEY = 200
const TOTAL = KEYS * PER_KEY
const LANES = 10 // concurrent publishers, each owning KEYS / LANES keys
const PER_BATCH_PER_KEY = 4 // a batch: 4 consecutive events of each of the lane's 5 keys = 20 events
const KILL_AFTER = 2_500 // resolved events before the broker is killed
const BATCH_TRIES = 3
const BATCH_SIZE = PER_BATCH_PER_KEY * (KEYS / LANES)
/**
 * The most events that may be given up on: the batches in flight when the broker died (one per lane).
 * publishTimeoutMs (90 s) outlasts the outage, so a publish made while the broker is down waits for it;
 * more rejections would mean publishing kept failing after the broker was back.
 */
const MAX_REJECTED = LANES * BATCH_SIZE

t.setTimeout(240_000)

async function infra(...args: string[]): Promise<void> {
  await run('bash', ['infra/infra.sh', ...args], { cwd: ROOT, timeout: 200_000 })
}

/** Logs the adapter's warnings and errors as test comments (ids and counts only, as in production). */
function commentLogger(tt: Test): Logger {
  const line = (level: string) => (obj: object, msg?: string) => {
    const { error } = obj as { error?: unknown }
    tt.comment(`${level}: ${msg ?? ''}${error ? ` (${String(error).slice(0, 160)})` : ''}`)
  }
  return { debug() {}, info() {}, warn: line('warn'), error: line('error') }
}

t.test(
  'events acknowledged across a broker kill and restart are all consumed, in order per key',
  async (tt) => {
    await infra('up', 'kafka')
    const namespace = `fault-${randomBytes(5).toString('hex')}`
    const bus = createKafkaBus({
      brokers: BROKERS,
      clientId: 'bus-fault',
      namespace,
      catalogue: contractCatalogue,
      partitions: 3,
      publishTimeoutMs: 90_000,
      logger: commentLogger(tt),
      kafkaLogLevel: 'nothing',
      consumer: {
        sessionTimeoutMs: 10_000,
        heartbeatIntervalMs: 1_000,
        rebalanceTimeoutMs: 20_000,
        maxWaitTimeMs: 500,
      },
    })
    tt.teardown(async () => {
      await infra('up', 'kafka') // whatever happened, leave the broker running for the next test
      await bus.close()
      await deleteNamespace(namespace, namespace)
      await disconnectHelpers()
    })

    // consumer: every arrival, in order
    const arrivals: Array<{ id: string; key: string; n: number }> = []
    const sub = await bus.subscribe({ group: `${namespace}-reader`, streams: ['platform'] }, async (e) => {
      if (ContractTestHappened.is(e)) arrivals.push({ id: e.id, key: e.data.key, n: e.data.n })
    })
    await sub.ready()

    // publishers
    const resolvedIds = new Set<string>()
    let rejectedEvents = 0
    let rejectedTries = 0
    let killed: Promise<void> | null = null
    let downAt = 0
    let upAfterMs = 0
    // what was going on when the broker was dead for sure (infra kill returned), and when it was back
    let inFlightEvents = 0
    let atDeath: { resolved: number; inFlight: number } | null = null
    let resolvedWhenBack = Number.POSITIVE_INFINITY
    const startedAt = Date.now()

    const lane = async (l: number) => {
      const keys = Array.from({ length: KEYS / LANES }, (_, i) => `key-${l * (KEYS / LANES) + i}`)
      for (let from = 0; from < PER_KEY; from += PER_BATCH_PER_KEY) {
        const batch: EventEnvelope[] = []
        for (const key of keys) {
          for (let n = from; n < from + PER_BATCH_PER_KEY; n++) {
            batch.push(ContractTestHappened.create({ subject: key, data: { key, n } }))
          }
        }
        let ok = false
        inFlightEvents += batch.length
        for (let attempt = 1; attempt <= BATCH_TRIES && !ok; attempt++) {
          try {
            await bus.publishBatch(batch)
            ok = true
          } catch {
            rejectedTries++
          }
        }
        inFlightEvents -= batch.length
        if (ok) for (const e of batch) resolvedIds.add(e.id)
        else rejectedEvents += batch.length
        if (!killed && resolvedIds.size >= KILL_AFTER) {
          killed = (async () => {
            tt.comment(`killing the broker after ${resolvedIds.size} acknowledged events`)
            downAt = Date.now()
            await infra('kill', 'kafka')
            atDeath = { resolved: resolvedIds.size, inFlight: inFlightEvents }
            tt.comment(
              `broker dead with ${atDeath.inFlight} events in flight, ${atDeath.resolved} acknowledged`,
            )
            await sleep(2_000)
            await infra('up', 'kafka')
            resolvedWhenBack = resolvedIds.size
            upAfterMs = Date.now() - downAt
            tt.comment(`broker back after ${upAfterMs} ms`)
          })()
        }
      }
    }
    await Promise.all(Array.from({ length: LANES }, (_, l) => lane(l)))
    const publishedInMs = Date.now() - startedAt
    tt.ok(killed, 'the broker was killed during the run')
    await killed

    // wait until every acknowledged event has been consumed (bounded)
    const consumedIds = () => new Set(arrivals.map((a) => a.id))
    const deadline = Date.now() + 120_000
    while (Date.now() < deadline) {
      const seen = consumedIds()
      if ([...resolvedIds].every((id) => seen.has(id))) break
      await sleep(250)
    }
    await sub.close()

    // figures
    const seen = new Set<string>()
    const lastByKey = new Map<string, number>()
    let duplicates = 0
    let orderViolations = 0
    for (const a of arrivals) {
      if (seen.has(a.id)) {
        duplicates++
        continue
      }
      seen.add(a.id)
      const last = lastByKey.get(a.key)
      if (last !== undefined && a.n <= last) orderViolations++
      lastByKey.set(a.key, a.n)
    }
    const lost = [...resolvedIds].filter((id) => !seen.has(id)).length
    tt.comment(
      [
        `planned ${TOTAL} events in ${KEYS} keys, published in ${publishedInMs} ms (broker down ~${upAfterMs} ms)`,
        `published (resolved): ${resolvedIds.size}`,
        `rejected: ${rejectedEvents} event(s) given up after ${BATCH_TRIES} tries (at most ${MAX_REJECTED}); ${rejectedTries} rejected tries`,
        `at the kill: ${atDeath ? `${(atDeath as { inFlight: number }).inFlight} in flight` : 'never killed'}; acknowledged once back up: ${resolvedWhenBack}`,
        `consumed: ${arrivals.length}`,
        `distinct consumed: ${seen.size}`,
        `duplicates: ${duplicates}`,
        `order violations: ${orderViolations}`,
        `lost: ${lost}`,
      ].join('\n'),
    )
    tt.equal(
      resolvedIds.size + rejectedEvents,
      TOTAL,
      'every planned event was resolved or counted as rejected',
    )
    tt.equal(orderViolations, 0, 'order per key kept (first deliveries)')
    tt.equal(lost, 0, 'no acknowledged event lost')
    tt.ok(
      rejectedEvents <= MAX_REJECTED,
      `rejected events bounded: ${rejectedEvents} <= ${MAX_REJECTED} (the batches in flight at the kill)`,
    )
    // the run proves something only if the broker died mid-stream and publishing went on across the outage
    const death = atDeath as { resolved: number; inFlight: number } | null
    tt.ok(death, 'the broker was killed')
    tt.ok((death?.inFlight ?? 0) > 0, 'events were in flight when the broker died')
    tt.ok((death?.resolved ?? TOTAL) < TOTAL, 'the broker died before every event was acknowledged')
    // the broker was surely dead when atDeath was taken, so an acknowledgement after it came from the
    // restarted broker (infra's `up` may return after the publishers have already finished)
    tt.ok(
      resolvedIds.size > (death?.resolved ?? TOTAL),
      'events were acknowledged after the kill, by the restarted broker',
    )
  },
)
