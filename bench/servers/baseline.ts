// The baseline of the intake and end-to-end benchmarks: a bare Fastify server doing the essential work of
// the mailbox (and, with BASELINE_PIPELINE=1, of tracking's intake) with the bare clients and nothing else:
//   POST /api/v1/mailbox/letters  validate the mailbox's own TypeBox schema (with the kit's validator
//     compiler), prepare the letter and its event with the mailbox's pure domain code (the citizen sealed
//     with FIELD_KEYS), insert the same document (mongodb driver
//     insertOne, w: majority + journal like our store | better-sqlite3 INSERT, WAL + synchronous=FULL),
//     then send the same event (kafkajs idempotent producer, acks=-1 | the same row appended to a SQLite
//     log), then answer 201.
//   pipeline: a consumer opens the case from each event with tracking's pure domain code (the citizen
//     opened, hashed, masked and sealed again, as tracking's consumer does) and inserts it;
//     GET /api/v1/cases/:id reads it back. Each case opened is written to stdout as a JSON line.
// No logger, no rate limit, no auth, no outbox: what is left is what any implementation has to pay.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import Fastify from 'fastify'
import { type Consumer, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs'
import { type Collection, MongoClient } from 'mongodb'
import {
  CONTENT_TYPE,
  DELIVERY_DEFAULTS,
  type EventEnvelope,
  HEADERS,
  topicName,
  uuidv7,
} from '../../packages/contracts/src/index.ts'
import { FieldCipher, generateFieldKeys } from '../../packages/kit/src/field-cipher.ts'
import { accessKeyHash, newAccessKey, newTrackingCode } from '../../packages/kit/src/identifiers.ts'
import { validatorCompiler } from '../../packages/kit/src/validation.ts'
import {
  letterSubmittedEvent,
  newLetter,
  prepareLetter,
  requestFingerprint,
} from '../../services/mailbox/src/domain/letter.ts'
import { LetterReceipt, SubmitLetter } from '../../services/mailbox/src/schemas/letters.ts'
import { type LetterSubmitted, openFromLetter } from '../../services/tracking/src/domain/intake.ts'
import { openCitizen, sealCitizen } from '../../services/tracking/src/domain/privacy.ts'

const env = process.env
const adapter = env.BASELINE_ADAPTER === 'embedded' ? 'embedded' : 'distributed'
const pipeline = env.BASELINE_PIPELINE === '1'
const namespace = env.BASELINE_NAMESPACE ?? 'bench_base'
const topic = topicName(namespace, 'mailbox')
const piiKey = env.TRACKING_PII_KEY ?? 'baseline-pii-key-baseline-pii-key!'
const secret = Buffer.alloc(32, 7)
const cipher = FieldCipher.fromConfig(env.FIELD_KEYS ?? generateFieldKeys('base'))

interface Doc {
  _id: string
  [field: string]: unknown
}

/** What the two adapters' bare clients do: store a document, send an event, consume, read a case. */
interface Backend {
  insertLetter(doc: Doc): Promise<void>
  send(event: EventEnvelope): Promise<void>
  getCase(id: string): Promise<Doc | null>
  startPipeline(open: (event: EventEnvelope) => Doc): Promise<void>
  close(): Promise<void>
}

const caseOpened = (caseId: string) =>
  process.stdout.write(`${JSON.stringify({ msg: 'case opened', caseId, time: Date.now() })}\n`)

async function distributed(): Promise<Backend> {
  const client = new MongoClient(env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', {
    writeConcern: { w: 'majority', journal: true },
    ignoreUndefined: true,
  })
  await client.connect()
  const db = client.db(env.MONGO_DATABASE ?? 'test_bench_baseline')
  const letters: Collection<Doc> = db.collection('letters')
  const cases: Collection<Doc> = db.collection('cases')
  // the unique indexes the mailbox has: a bare implementation needs them too
  await letters.createIndex({ trackingCode: 1 }, { unique: true, name: 'tracking_code' })
  await letters.createIndex(
    { idempotencyKeyHash: 1 },
    { unique: true, sparse: true, name: 'idempotency_key' },
  )
  await cases.createIndex({ trackingCode: 1 }, { unique: true, name: 'tracking_code' })

  const kafka = new Kafka({
    clientId: `${namespace}-baseline`,
    brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.WARN,
  })
  const admin = kafka.admin()
  await admin.connect()
  await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic, numPartitions: DELIVERY_DEFAULTS.partitions }],
  })
  await admin.disconnect()
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  })
  await producer.connect()
  let consumer: Consumer | null = null

  return {
    async insertLetter(doc) {
      await letters.insertOne(doc)
    },
    async send(event) {
      await producer.send({
        topic,
        acks: -1,
        messages: [
          {
            key: event.subject,
            value: JSON.stringify(event),
            headers: {
              [HEADERS.eventId]: event.id,
              [HEADERS.eventType]: event.type,
              [HEADERS.eventVersion]: String(event.version),
              [HEADERS.correlationId]: event.correlationId,
              [HEADERS.contentType]: CONTENT_TYPE,
            },
          },
        ],
      })
    },
    async getCase(id) {
      return cases.findOne({ _id: { $eq: id } })
    },
    async startPipeline(open) {
      consumer = kafka.consumer({ groupId: env.BASELINE_GROUP ?? `${namespace}-baseline` })
      await consumer.connect()
      await consumer.subscribe({ topic, fromBeginning: true })
      await consumer.run({
        eachMessage: async ({ message }) => {
          const doc = open(JSON.parse(String(message.value)) as EventEnvelope)
          try {
            await cases.insertOne(doc)
          } catch (err) {
            if ((err as { code?: number }).code !== 11000) throw err // a redelivery: already there
          }
          caseOpened(doc._id)
        },
      })
    },
    async close() {
      await consumer?.disconnect()
      await producer.disconnect()
      await client.close()
    },
  }
}

async function embedded(): Promise<Backend> {
  const dir = env.DATA_DIR ?? '.data/bench-baseline'
  const open = (file: string) => {
    const db = new Database(join(dir, file))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    return db
  }
  const store = open('baseline-store.sqlite')
  store.exec(`CREATE TABLE IF NOT EXISTS letters (id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL) STRICT;
    CREATE UNIQUE INDEX IF NOT EXISTS letters_tracking_code ON letters (json_extract(doc, '$.trackingCode'));
    CREATE TABLE IF NOT EXISTS cases (id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL) STRICT;
    CREATE UNIQUE INDEX IF NOT EXISTS cases_tracking_code ON cases (json_extract(doc, '$.trackingCode'));`)
  const log = open('baseline-bus.sqlite')
  log.exec(`CREATE TABLE IF NOT EXISTS bus_messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL,
      key TEXT, value BLOB, headers TEXT NOT NULL, published_at TEXT NOT NULL) STRICT;
    CREATE INDEX IF NOT EXISTS bus_messages_by_topic ON bus_messages (topic, seq);
    CREATE TABLE IF NOT EXISTS bus_offsets (group_id TEXT NOT NULL, topic TEXT NOT NULL,
      committed_seq INTEGER NOT NULL, PRIMARY KEY (group_id, topic)) STRICT, WITHOUT ROWID;`)
  const insertLetter = store.prepare('INSERT INTO letters (id, version, doc) VALUES (?, 1, ?)')
  const insertCase = store.prepare('INSERT OR IGNORE INTO cases (id, version, doc) VALUES (?, 1, ?)')
  const readCase = store.prepare<[string], { doc: string }>('SELECT doc FROM cases WHERE id = ?')
  const append = log.prepare(
    'INSERT INTO bus_messages (topic, key, value, headers, published_at) VALUES (?, ?, ?, ?, ?)',
  )
  const read = log.prepare<[string, number], { seq: number; value: Buffer }>(
    'SELECT seq, value FROM bus_messages WHERE topic = ? AND seq > ? ORDER BY seq LIMIT 100',
  )
  const commit = log.prepare(
    `INSERT INTO bus_offsets (group_id, topic, committed_seq) VALUES ('baseline', ?, ?)
     ON CONFLICT (group_id, topic) DO UPDATE SET committed_seq = excluded.committed_seq`,
  )
  let wake: (() => void) | null = null
  let running = false
  let loop: Promise<void> = Promise.resolve()

  return {
    async insertLetter(doc) {
      insertLetter.run(doc._id, JSON.stringify(doc))
    },
    async send(event) {
      const headers = {
        [HEADERS.eventId]: event.id,
        [HEADERS.eventType]: event.type,
        [HEADERS.eventVersion]: String(event.version),
        [HEADERS.correlationId]: event.correlationId,
        [HEADERS.contentType]: CONTENT_TYPE,
      }
      append.run(
        topic,
        event.subject,
        Buffer.from(JSON.stringify(event)),
        JSON.stringify(headers),
        new Date().toISOString(),
      )
      wake?.()
    },
    async getCase(id) {
      const row = readCase.get(id)
      return row ? (JSON.parse(row.doc) as Doc) : null
    },
    async startPipeline(openCase) {
      running = true
      let position = 0
      const insertBatch = store.transaction((docs: Doc[]) => {
        for (const d of docs) insertCase.run(d._id, JSON.stringify(d))
      })
      loop = (async () => {
        while (running) {
          const rows = read.all(topic, position)
          if (rows.length === 0) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(done, 250)
              function done() {
                clearTimeout(timer)
                wake = null
                resolve()
              }
              wake = done
            })
            continue
          }
          const docs = rows.map((r) => openCase(JSON.parse(String(r.value)) as EventEnvelope))
          insertBatch(docs)
          position = rows.at(-1)?.seq ?? position
          commit.run(topic, position)
          for (const d of docs) caseOpened(d._id)
          // let the HTTP side in between batches
          await new Promise<void>((resolve) => setImmediate(resolve))
        }
      })()
    },
    async close() {
      running = false
      wake?.()
      await loop
      store.close()
      log.close()
    },
  }
}

const backend = adapter === 'distributed' ? await distributed() : await embedded()

const app = Fastify({ logger: false, bodyLimit: 256 * 1024 })
app.setValidatorCompiler(validatorCompiler)

app.post(
  '/api/v1/mailbox/letters',
  { schema: { body: SubmitLetter, response: { 201: LetterReceipt } } },
  async (request, reply) => {
    const input = request.body as SubmitLetter
    const prepared = prepareLetter(input)
    if ('errors' in prepared) throw Object.assign(new Error('invalid letter'), { statusCode: 400 })
    const letterId = uuidv7()
    const accessKey = newAccessKey(secret)
    const now = new Date()
    const at = now.toISOString()
    const letter = newLetter(
      prepared.letter,
      {
        letterId,
        trackingCode: newTrackingCode(),
        accessKeyHash: accessKeyHash(accessKey),
        requestFingerprint: requestFingerprint(input, secret),
      },
      now,
      cipher,
    )
    // the document as our store keeps it: id, version and timestamps beside the letter's fields
    await backend.insertLetter({ _id: letterId, version: 1, createdAt: at, updatedAt: at, ...letter })
    const event = letterSubmittedEvent(letter, { correlationId: request.id })
    await backend.send(event)
    return reply
      .code(201)
      .send({ letterId, trackingCode: letter.trackingCode, accessKey, submittedAt: letter.submittedAt })
  },
)

app.get('/readyz', async () => ({ status: 'ok' }))

if (pipeline) {
  app.get('/api/v1/cases/:id', async (request, reply) => {
    const { id } = request.params as { id: string }
    const doc = await backend.getCase(id)
    return doc ? doc : reply.code(404).send({ status: 404 })
  })
  await backend.startPipeline((event) => {
    const now = new Date()
    const letter = event.data as LetterSubmitted
    const opened = openFromLetter(
      { ...letter, citizen: openCitizen(letter.citizen, cipher) },
      piiKey,
      now,
      event,
    )
    const at = now.toISOString()
    const citizen = sealCitizen(opened.case.citizen, cipher)
    return { ...opened.case, citizen, version: 1, createdAt: at, updatedAt: at }
  })
}

const stop = async () => {
  await app.close()
  await backend.close()
}
process.once('SIGTERM', () => void stop())
process.once('SIGINT', () => void stop())
await app.listen({ host: '127.0.0.1', port: Number(env.PORT ?? 0) })
