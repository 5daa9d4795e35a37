// The resources of one scenario on one adapter: a topic namespace, databases or a data directory, keys and
// consumer groups of its own, so that a bench never collides with tests running on the same servers, and
// removes everything it made when it is done.
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Kafka, logLevel } from 'kafkajs'
import { MongoClient } from 'mongodb'
import { FieldCipher, generateFieldKeys } from '../../packages/kit/src/field-cipher.ts'
import { type TestJwt, testJwt } from '../../packages/testkit/src/index.ts'
import type { Adapter } from './params.ts'
import { ROOT } from './procs.ts'

export const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'
export const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017'

/** Rate limits high enough never to be the thing measured (every request comes from loopback). */
const UNLIMITED = '1000000000'

/** Environments not cleaned up yet: an interrupted bench still removes what they made. */
export const activeEnvs = new Set<BenchEnv>()

export class BenchEnv {
  readonly adapter: Adapter
  readonly id = `bench_${randomBytes(4).toString('hex')}`
  /** Topic prefix of our services: `<namespace>.<service>.events`. */
  readonly namespace = this.id
  /** Topic prefix of the baseline, apart from ours so that counts don't mix. */
  readonly baselineNamespace = `${this.id}_base`
  readonly dataDir: string
  readonly jwt: TestJwt = testJwt()
  readonly piiKey = randomBytes(32).toString('base64url')
  /** FIELD_KEYS of mailbox and tracking: the citizen's contact fields are sealed at rest and in events. */
  readonly fieldKeys = generateFieldKeys('bench')
  readonly cipher = FieldCipher.fromConfig(this.fieldKeys)
  /** MAILBOX_SECRET: derives the access key of an idempotent retry. */
  readonly mailboxSecret = randomBytes(32).toString('base64')
  /** A dispatcher's token: sees every case in clear. */
  readonly staffToken: string
  readonly #kafka: Kafka | null
  #mongo: MongoClient | null = null

  constructor(adapter: Adapter) {
    this.adapter = adapter
    this.dataDir = join(ROOT, '.data/bench', this.id)
    mkdirSync(this.dataDir, { recursive: true })
    activeEnvs.add(this)
    // valid for 15 minutes: a long scenario asks for a fresh one through token()
    this.staffToken = this.token()
    this.#kafka =
      adapter === 'distributed'
        ? new Kafka({
            clientId: `${this.id}-bench`,
            brokers: KAFKA_BROKERS.split(','),
            logLevel: logLevel.NOTHING,
          })
        : null
  }

  token(): string {
    return this.jwt.token({ sub: 'bench-dispatcher', roles: ['dispatcher'], username: 'bench' })
  }

  /** Database of one of our services (distributed), or of the baseline. */
  database(service: string): string {
    // test_ prefix: the store's own drop() and any cleanup of test databases recognise it as disposable
    return `test_${this.id}_${service}`
  }

  /** Consumer group names: Kafka groups are not namespaced, so ours carry the namespace. */
  group(name: string): string {
    return `${this.namespace}-${name}`
  }

  /** The environment of one of our services (its own PORT added by the caller). */
  serviceEnv(service: string, extra: Record<string, string> = {}): Record<string, string> {
    const common: Record<string, string> = {
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      BUS_NAMESPACE: this.namespace,
      RATE_LIMIT_PER_MINUTE: UNLIMITED,
      MAILBOX_SUBMISSIONS_PER_MINUTE: UNLIMITED,
      PUBLIC_RATE_LIMIT_PER_MINUTE: UNLIMITED,
      JWT_PUBLIC_KEY: this.jwt.config.publicKey,
      TRACKING_PII_KEY: this.piiKey,
      FIELD_KEYS: this.fieldKeys,
      MAILBOX_SECRET: this.mailboxSecret,
    }
    const adapter: Record<string, string> =
      this.adapter === 'distributed'
        ? { KAFKA_BROKERS, MONGO_URL, MONGO_DATABASE: this.database(service) }
        : { DATA_DIR: this.dataDir }
    return { ...common, ...adapter, ...extra }
  }

  kafka(): Kafka {
    if (!this.#kafka) throw new Error('no Kafka on the embedded adapter')
    return this.#kafka
  }

  async mongo(): Promise<MongoClient> {
    if (!this.#mongo) {
      this.#mongo = new MongoClient(MONGO_URL, {
        serverSelectionTimeoutMS: 5_000,
        writeConcern: { w: 'majority', journal: true },
        ignoreUndefined: true,
      })
      await this.#mongo.connect()
    }
    return this.#mongo
  }

  /** Sum of the end offsets of a topic's partitions: how many messages it holds (0 when it doesn't exist). */
  async topicSize(topic: string): Promise<number> {
    const admin = this.kafka().admin()
    await admin.connect()
    try {
      const topics = await admin.listTopics()
      if (!topics.includes(topic)) return 0
      const offsets = await admin.fetchTopicOffsets(topic)
      return offsets.reduce((sum, p) => sum + (Number(p.high) - Number(p.low)), 0)
    } finally {
      await admin.disconnect()
    }
  }

  /** Removes the topics, groups, databases and files this environment made. Never throws. */
  async cleanup(): Promise<void> {
    activeEnvs.delete(this)
    const problems: string[] = []
    if (this.#kafka) {
      const admin = this.#kafka.admin()
      try {
        await admin.connect()
        const groups = (await admin.listGroups()).groups
          .map((g) => g.groupId)
          .filter((g) => g.startsWith(`${this.namespace}-`))
        if (groups.length) await admin.deleteGroups(groups).catch((e) => problems.push(String(e)))
        const topics = (await admin.listTopics()).filter(
          (t) => t.startsWith(`${this.namespace}.`) || t.startsWith(`${this.baselineNamespace}.`),
        )
        if (topics.length) await admin.deleteTopics({ topics, timeout: 30_000 })
      } catch (err) {
        problems.push(`kafka: ${(err as Error).message}`)
      } finally {
        await admin.disconnect().catch(() => {})
      }
    }
    if (this.adapter === 'distributed') {
      try {
        const client = await this.mongo()
        const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true })
        for (const { name } of databases) {
          if (name.startsWith(`test_${this.id}_`)) await client.db(name).dropDatabase()
        }
      } catch (err) {
        problems.push(`mongo: ${(err as Error).message}`)
      }
    }
    await this.#mongo?.close().catch(() => {})
    this.#mongo = null
    rmSync(this.dataDir, { recursive: true, force: true })
    if (problems.length) process.stderr.write(`bench cleanup of ${this.id}: ${problems.join('; ')}\n`)
  }
}
