// The bare baseline of the polls scenario: one Fastify route at the polls' ballot path that does what
// casting a ballot cannot do without, and nothing else:
//   POST /api/v1/polls/:pollId/ballots  the polls' own TypeBox schemas (PollIdParams, CastBallot, the
//     BallotReceipt answer) with the kit's one validator compiler; the poll open (isOpen); the answers
//     checked against the questions with the polls' pure checkAnswers; the voting token opened with the
//     polls' openToken (the same HMAC); then ONE insert of the ledger entry (its `_id` = poll + voter key,
//     unique: a second ballot by the same voter is a 409) and ONE insert of the ballot (random id, the day
//     only), each durable on its own (mongodb insertOne, w: majority + journal like our store |
//     better-sqlite3 INSERT, WAL + synchronous=FULL, one commit each), then 201.
// The poll is built once, in memory, from the same input with the polls' pure preparePoll/newDraft/publish:
// no read of it per request. No logger, no rate limit, no outbox, no event, no pending state, no claim.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import Fastify from 'fastify'
import { MongoClient } from 'mongodb'
import { validatorCompiler } from '../../packages/kit/src/validation.ts'
import { checkAnswers, dayStart, newBallotId, shanghaiDay } from '../../services/polls/src/domain/ballot.ts'
import { isOpen, newDraft, preparePoll, publish } from '../../services/polls/src/domain/poll.ts'
import { ledgerId, openToken } from '../../services/polls/src/domain/voter.ts'
import { BallotReceipt, CastBallot } from '../../services/polls/src/schemas/ballots.ts'
import { PollIdParams, type PollInput } from '../../services/polls/src/schemas/polls.ts'

const env = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is required`)
  return value
}
const adapter = process.env.BASELINE_ADAPTER === 'distributed' ? 'distributed' : 'embedded'
const port = Number(env('PORT'))
const secret = Buffer.from(env('POLLS_SECRET'), 'base64')
const pollId = env('POLL_ID')

const prepared = preparePoll(JSON.parse(env('POLL_INPUT')) as PollInput)
if ('errors' in prepared) throw new Error(`invalid poll: ${JSON.stringify(prepared.errors)}`)
const poll = publish(newDraft(pollId, prepared.fields, 'bench'), 'bench', new Date()).poll

interface Doc {
  _id: string
  [field: string]: unknown
}

/** The two writes of a ballot; insertLedger answers false when the voter has an entry already. */
interface Backend {
  insertLedger(doc: Doc): Promise<boolean>
  insertBallot(doc: Doc): Promise<void>
  close(): Promise<void>
}

async function distributed(): Promise<Backend> {
  const client = new MongoClient(env('MONGO_URL'), {
    writeConcern: { w: 'majority', journal: true },
    ignoreUndefined: true,
  })
  await client.connect()
  const db = client.db(env('MONGO_DATABASE'))
  const ledger = db.collection<Doc>('ledger')
  const ballots = db.collection<Doc>('ballots')
  // the indexes the polls service has on these collections
  await ledger.createIndex({ pollId: 1 }, { name: 'poll' })
  await ballots.createIndex({ pollId: 1, state: 1 }, { name: 'poll_state' })
  return {
    async insertLedger(doc) {
      try {
        await ledger.insertOne(doc)
        return true
      } catch (err) {
        if ((err as { code?: unknown }).code === 11000) return false
        throw err
      }
    },
    async insertBallot(doc) {
      await ballots.insertOne(doc)
    },
    close: () => client.close(),
  }
}

function embedded(): Backend {
  const db = new Database(join(env('DATA_DIR'), 'baseline-polls.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  // the embedded store's table shape, and the polls service's indexes
  db.exec(`CREATE TABLE IF NOT EXISTS ledger (id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL) STRICT;
    CREATE INDEX IF NOT EXISTS ledger_poll ON ledger (json_extract(doc, '$.pollId'));
    CREATE TABLE IF NOT EXISTS ballots (id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL) STRICT;
    CREATE INDEX IF NOT EXISTS ballots_poll_state ON ballots (json_extract(doc, '$.pollId'), json_extract(doc, '$.state'));`)
  const ledger = db.prepare('INSERT INTO ledger (id, version, doc) VALUES (?, 1, ?)')
  const ballots = db.prepare('INSERT INTO ballots (id, version, doc) VALUES (?, 1, ?)')
  return {
    async insertLedger(doc) {
      try {
        ledger.run(doc._id, JSON.stringify(doc))
        return true
      } catch (err) {
        if ((err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return false
        throw err
      }
    },
    async insertBallot(doc) {
      ballots.run(doc._id, JSON.stringify(doc))
    },
    async close() {
      db.close()
    },
  }
}

const backend = adapter === 'distributed' ? await distributed() : embedded()

/** A refusal: Fastify's error handler answers it with its status (the error path is not measured). */
const refuse = (statusCode: number, message: string) => Object.assign(new Error(message), { statusCode })

const app = Fastify({ logger: false })
app.setValidatorCompiler(validatorCompiler)
app.get('/readyz', async () => ({ status: 'ready' }))
app.post(
  '/api/v1/polls/:pollId/ballots',
  { schema: { params: PollIdParams, body: CastBallot, response: { 201: BallotReceipt } } },
  async (request, reply) => {
    const { pollId: wanted } = request.params as PollIdParams
    const body = request.body as CastBallot
    const now = new Date()
    if (wanted !== poll.pollId) throw refuse(404, 'No such poll')
    if (!isOpen(poll, now)) throw refuse(409, 'The poll is not open')
    if (body.invitationCode !== undefined) throw refuse(400, 'invitationCode')
    const checked = checkAnswers(poll, body.answers)
    if ('errors' in checked) throw refuse(400, JSON.stringify(checked.errors))
    if (!body.token) throw refuse(403, 'A voting token is needed')
    const opened = openToken(secret, body.token, poll.pollId, now)
    if ('problem' in opened) throw refuse(403, `Token ${opened.problem}`)

    const lid = ledgerId(poll.pollId, opened.key)
    const at = now.toISOString()
    const fresh = await backend.insertLedger({
      _id: lid,
      pollId: poll.pollId,
      nonce: randomBytes(16).toString('base64url'),
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    if (!fresh) throw refuse(409, 'Already voted')
    const day = shanghaiDay(now)
    const stamp = dayStart(day).toISOString()
    await backend.insertBallot({
      _id: newBallotId(),
      pollId: poll.pollId,
      day,
      state: 'cast',
      ...checked,
      version: 1,
      createdAt: stamp,
      updatedAt: stamp,
    })
    return reply.code(201).send({ pollId: poll.pollId, day })
  },
)

await app.listen({ host: '127.0.0.1', port })
const stop = () =>
  void app
    .close()
    .then(() => backend.close())
    .then(() => process.exit(0))
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
