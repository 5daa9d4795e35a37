// catchUp: with tracking stopped, a backlog of mailbox.letter-submitted events is published; then tracking
// starts and applies them. Cases per second until all are applied (its consumer group has committed the
// whole stream), against a baseline inserting the same case documents in bulk with the bare client
// (mongodb insertMany | better-sqlite3 INSERTs in one transaction per batch), before and after ours.
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { Partitioners } from 'kafkajs'
import { createEmbeddedBus } from '../../packages/bus-embedded/src/index.ts'
import {
  CONTENT_TYPE,
  DELIVERY_DEFAULTS,
  type EventEnvelope,
  HEADERS,
  topicName,
} from '../../packages/contracts/src/index.ts'
import type { FieldCipher } from '../../packages/kit/src/index.ts'
import { createEmbeddedStore } from '../../packages/store-embedded/src/index.ts'
import { CASE_INDEXES } from '../../services/tracking/src/case-store.ts'
import { type LetterSubmitted, openFromLetter } from '../../services/tracking/src/domain/intake.ts'
import { openCitizen, sealCitizen } from '../../services/tracking/src/domain/privacy.ts'
import { BenchEnv } from '../lib/env.ts'
import { LetterEvents } from '../lib/events.ts'
import type { LetterPool } from '../lib/letters.ts'
import type { Adapter, Params } from '../lib/params.ts'
import { freePort, spawnService, stopAll } from '../lib/procs.ts'
import { mean, ratio, round } from '../lib/stats.ts'

const CHUNK = 1_000
/** Kafka takes at most 1 MiB per request by default: a few hundred letters. */
const KAFKA_CHUNK = 200

export interface CatchUpResult {
  events: number
  ours: {
    /** Cases applied per second, from the first applied to the last. */
    casesPerSec: number
    seconds: number
    /** From the start of the process to the first case applied. */
    startupSeconds: number
    applied: number
    completed: boolean
    /** Cases in tracking's store at the end (a check: equals events). */
    stored: number
    /** CPU seconds of the tracking process per second of catch-up (1 = one core busy). */
    cpuShare: number
  }
  baseline: { casesPerSec: number; runs: Array<{ casesPerSec: number; seconds: number }> }
  ratio: number
  publishSeconds: number
}

type Doc = { _id: string } & Record<string, unknown>

/** The case documents tracking's letter consumer makes: the citizen opened, hashed, masked, sealed again. */
function caseDocs(events: readonly EventEnvelope[], piiKey: string, cipher: FieldCipher): Doc[] {
  const now = new Date()
  const at = now.toISOString()
  return events.map((e) => {
    const letter = e.data as LetterSubmitted
    const opened = openFromLetter({ ...letter, citizen: openCitizen(letter.citizen, cipher) }, piiKey, now, e)
    const citizen = sealCitizen(opened.case.citizen, cipher)
    // the managed fields our store adds to every document
    return { ...opened.case, citizen, version: 1, createdAt: at, updatedAt: at } as Doc
  })
}

async function publishBacklog(env: BenchEnv, backlog: LetterEvents): Promise<void> {
  if (env.adapter === 'distributed') {
    const topic = topicName(env.namespace, 'mailbox')
    const kafka = env.kafka()
    const admin = kafka.admin()
    await admin.connect()
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: DELIVERY_DEFAULTS.partitions }],
    })
    await admin.disconnect()
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    })
    await producer.connect()
    try {
      for (let i = 0; i < backlog.length; i += KAFKA_CHUNK) {
        // the bus's own wire format: key = subject, JSON value, the platform's headers
        const messages = backlog.slice(i, i + KAFKA_CHUNK).map((e) => ({
          key: e.subject,
          value: JSON.stringify(e),
          headers: {
            [HEADERS.eventId]: e.id,
            [HEADERS.eventType]: e.type,
            [HEADERS.eventVersion]: String(e.version),
            [HEADERS.correlationId]: e.correlationId,
            [HEADERS.contentType]: CONTENT_TYPE,
          },
        }))
        await producer.send({ topic, acks: -1, messages })
      }
    } finally {
      await producer.disconnect()
    }
    return
  }
  const bus = createEmbeddedBus({ path: join(env.dataDir, 'bus.sqlite'), namespace: env.namespace })
  try {
    for (let i = 0; i < backlog.length; i += CHUNK) await bus.publishBatch(backlog.slice(i, i + CHUNK))
  } finally {
    await bus.close()
  }
}

/** How many backlog events tracking's consumer group has committed. */
async function progress(env: BenchEnv, group: string): Promise<number> {
  const topic = topicName(env.namespace, 'mailbox')
  if (env.adapter === 'distributed') {
    const admin = env.kafka().admin()
    await admin.connect()
    try {
      const [entry] = await admin.fetchOffsets({ groupId: group, topics: [topic] })
      return (entry?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0)
    } finally {
      await admin.disconnect()
    }
  }
  const db = new Database(join(env.dataDir, 'bus.sqlite'), { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const row = db
      .prepare(
        `SELECT count(*) AS n FROM bus_messages WHERE topic = ? AND seq <=
           coalesce((SELECT committed_seq FROM bus_offsets WHERE group_id = ? AND topic = ?), 0)`,
      )
      .get(topic, group, topic) as { n: number }
    return row.n
  } finally {
    db.close()
  }
}

async function storedCases(env: BenchEnv): Promise<number> {
  if (env.adapter === 'distributed') {
    const client = await env.mongo()
    return client.db(env.database('tracking')).collection('cases').countDocuments()
  }
  const db = new Database(join(env.dataDir, 'tracking.sqlite'), { fileMustExist: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM c_cases').get() as { n: number }).n
  } finally {
    db.close()
  }
}

/** The bare bulk insert of the same case documents into an empty collection with the same indexes. */
async function baseline(env: BenchEnv, backlog: LetterEvents, batch: number, run: number) {
  let seconds = 0
  if (env.adapter === 'distributed') {
    const client = await env.mongo()
    const db = client.db(env.database(`baseline${run}`))
    const cases = db.collection<Doc>('cases')
    for (const spec of CASE_INDEXES) {
      await cases.createIndex(Object.fromEntries(spec.keys), {
        name: spec.name,
        unique: spec.unique === true,
        ...(spec.sparse ? { sparse: true } : {}),
      })
    }
    for (let i = 0; i < backlog.length; i += batch) {
      const events = backlog.slice(i, i + batch)
      const t = performance.now()
      await cases.insertMany(caseDocs(events, env.piiKey, env.cipher), { ordered: false })
      seconds += (performance.now() - t) / 1000
    }
    await db.dropDatabase()
  } else {
    const file = join(env.dataDir, `test_baseline${run}.sqlite`)
    // the same table and expression indexes as the embedded store makes
    const store = await createEmbeddedStore({ path: file })
    await store.collection('cases').ensureIndexes(CASE_INDEXES)
    await store.close()
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    const insert = db.prepare('INSERT INTO c_cases (id, version, doc) VALUES (?, 1, ?)')
    const insertAll = db.transaction((docs: Doc[]) => {
      for (const d of docs) insert.run(d._id, JSON.stringify(d))
    })
    for (let i = 0; i < backlog.length; i += batch) {
      const events = backlog.slice(i, i + batch)
      const t = performance.now()
      insertAll(caseDocs(events, env.piiKey, env.cipher))
      seconds += (performance.now() - t) / 1000
    }
    db.close()
  }
  return { casesPerSec: round(backlog.length / seconds, 1), seconds: round(seconds, 2) }
}

export async function catchUp(
  params: Params,
  adapter: Adapter,
  pool: LetterPool,
  log: (line: string) => void,
): Promise<CatchUpResult> {
  const p = params.catchUp
  const env = new BenchEnv(adapter)
  try {
    const backlog = new LetterEvents(pool, p.events, env.cipher)
    const t = Date.now()
    await publishBacklog(env, backlog)
    const publishSeconds = round((Date.now() - t) / 1000, 1)
    log(`  ${adapter}: ${p.events} events published in ${publishSeconds} s`)

    // the documents are built inside the timing, as tracking builds them: the same work
    const before = await baseline(env, backlog, p.insertManyBatch, 1)
    log(`  ${adapter} baseline: ${before.casesPerSec} cases/s`)

    const port = await freePort()
    const group = adapter === 'distributed' ? env.group('tracking') : 'tracking'
    const started = Date.now()
    const tracking = spawnService({
      name: `tracking-${adapter}`,
      entry:
        adapter === 'distributed' || params.noRelay
          ? 'bench/servers/tracking.ts'
          : 'services/tracking/src/server.ts',
      env: env.serviceEnv('tracking', {
        PORT: String(port),
        BENCH_GROUP: group,
        ...(params.noRelay ? { BENCH_NO_RELAY: 'true' } : {}),
      }),
      profile: params.profile,
    })
    let first: { at: number; applied: number; cpu: number } | null = null
    let lastCpu = Number.NaN
    let applied = 0
    let last = started
    const deadline = started + p.timeoutSeconds * 1000
    let nextLog = Date.now() + 10_000
    while (Date.now() < deadline && tracking.alive) {
      applied = await progress(env, group).catch(() => applied)
      const now = Date.now()
      lastCpu = tracking.cpuSeconds()
      if (applied > 0 && !first) first = { at: now, applied, cpu: lastCpu }
      if (applied >= p.events) {
        last = now
        break
      }
      last = now
      if (now >= nextLog) {
        nextLog = now + 10_000
        log(`  ${adapter} ours: ${applied}/${p.events} applied after ${round((now - started) / 1000)} s`)
      }
      await sleep(p.events > 10_000 ? 500 : 200)
    }
    if (!tracking.alive) throw new Error(`tracking exited:\n${tracking.stderrTail()}`)
    const completed = applied >= p.events
    const seconds = first ? (last - first.at) / 1000 : Number.NaN
    const casesPerSec = first && seconds > 0 ? (applied - first.applied) / seconds : Number.NaN
    await tracking.stop()
    const stored = await storedCases(env)
    log(`  ${adapter} ours: ${round(casesPerSec, 1)} cases/s${completed ? '' : ' (timed out)'}`)

    const after = await baseline(env, backlog, p.insertManyBatch, 2)
    log(`  ${adapter} baseline: ${after.casesPerSec} cases/s`)
    const baseRate = round(mean([before.casesPerSec, after.casesPerSec]), 1)
    return {
      events: p.events,
      ours: {
        casesPerSec: round(casesPerSec, 1),
        seconds: round(seconds, 1),
        startupSeconds: first ? round((first.at - started) / 1000, 1) : Number.NaN,
        applied,
        completed,
        stored,
        cpuShare: first && seconds > 0 ? round((lastCpu - first.cpu) / seconds, 2) : Number.NaN,
      },
      baseline: { casesPerSec: baseRate, runs: [before, after] },
      ratio: ratio(casesPerSec, baseRate),
      publishSeconds,
    }
  } finally {
    await stopAll()
    await env.cleanup()
  }
}
