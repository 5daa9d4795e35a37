// The MongoDB DocumentStore: owns the client, hands out collections, tells the relay about outbox writes.
import {
  assertCollectionName,
  type Collection,
  type DocumentStore,
  isCollectionName,
  type Logger,
  OutboxListeners,
  type StoreHealth,
} from '@tingjian/store'
import { type Db, MongoClient } from 'mongodb'
import { type CollectionHost, MongoCollection, type RawDoc } from './collection.ts'
import { guarded } from './errors.ts'
import { KeyedMutex } from './mutex.ts'

export interface MongoStoreOptions {
  /** Connection string, e.g. `mongodb://127.0.0.1:27017` or a replica-set URL. */
  url: string
  /** Database of this service (letters, digits, `_` and `-`). */
  database: string
  logger?: Logger
  /** How long to wait for a server at start, and for every operation to find one (default 5000 ms). */
  connectTimeoutMs?: number
  /** Shown in the server's logs and currentOp (default `tingjian`). */
  appName?: string
}

export interface MongoStore extends DocumentStore {
  readonly adapter: 'mongo'
  readonly database: string
  /** `mongodb` or `ferretdb`: which server answered at start. */
  readonly server: 'mongodb' | 'ferretdb'
  /** Drops the whole database. Destructive: refuses unless the database name starts with `test_`. */
  drop(): Promise<void>
}

const DATABASE = /^[A-Za-z0-9_-]{1,63}$/
const DEFAULT_TIMEOUT_MS = 5_000

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} }

/** The URL without credentials, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@')
}

class MongoDocumentStore implements MongoStore, CollectionHost {
  readonly adapter = 'mongo' as const
  readonly #collections = new Map<string, MongoCollection<object>>()
  readonly #listeners: OutboxListeners
  readonly #mutex: KeyedMutex | null
  #closed = false

  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    readonly database: string,
    readonly server: 'mongodb' | 'ferretdb',
    private readonly log: Logger,
    private readonly timeoutMs: number,
  ) {
    // FerretDB v1 applies an update as read-then-write inside the server, so two writes of one document
    // can lose each other. Within this process we queue them; MongoDB needs no help.
    this.#mutex = server === 'ferretdb' ? new KeyedMutex() : null
    this.#listeners = new OutboxListeners(log)
  }

  collection<T extends object>(name: string): Collection<T> {
    assertCollectionName(name)
    let c = this.#collections.get(name)
    if (!c) {
      c = guarded(new MongoCollection<object>(name, this.db.collection<RawDoc>(name), this))
      this.#collections.set(name, c)
    }
    return c as unknown as Collection<T>
  }

  async collectionNames(): Promise<string[]> {
    const list = await this.db.listCollections({}, { nameOnly: true }).toArray()
    // only names this port can address: system collections and other tools' collections are not ours
    return list
      .map((c) => c.name)
      .filter(isCollectionName)
      .sort()
  }

  onOutboxWrite(listener: (collection: string) => void): () => void {
    return this.#listeners.add(listener)
  }

  notifyOutbox(collection: string): void {
    this.#listeners.notify(collection)
  }

  exclusive<T>(keys: string | readonly string[], fn: () => Promise<T>): Promise<T> {
    if (!this.#mutex) return fn()
    return typeof keys === 'string' ? this.#mutex.run(keys, fn) : this.#mutex.runAll(keys, fn)
  }

  async health(): Promise<StoreHealth> {
    if (this.#closed) return { ok: false, adapter: 'mongo', detail: 'closed' }
    try {
      await withTimeout(this.db.command({ ping: 1 }), this.timeoutMs)
      return { ok: true, adapter: 'mongo', detail: `${this.server} ${this.database}` }
    } catch (err) {
      return { ok: false, adapter: 'mongo', detail: err instanceof Error ? err.message : String(err) }
    }
  }

  async drop(): Promise<void> {
    if (!this.database.startsWith('test_')) {
      throw new Error(`refusing to drop database ${this.database}: only test_* databases may be dropped`)
    }
    await this.db.dropDatabase()
    this.log.warn({ database: this.database }, 'database dropped')
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#listeners.clear()
    await this.client.close()
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Connects and checks the server; fails within `connectTimeoutMs` with a clear error when it cannot.
 * Writes are acknowledged by a majority with journaling: a resolved write survives a crash.
 */
export async function createMongoStore(options: MongoStoreOptions): Promise<MongoStore> {
  const log = options.logger ?? silent
  if (typeof options.url !== 'string' || !/^mongodb(\+srv)?:\/\//.test(options.url)) {
    throw new TypeError('MongoDB store: url must be a mongodb:// or mongodb+srv:// connection string')
  }
  if (typeof options.database !== 'string' || !DATABASE.test(options.database)) {
    throw new TypeError('MongoDB store: database must be 1 to 63 letters, digits, _ or -')
  }
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS
  const client = new MongoClient(options.url, {
    appName: options.appName ?? 'tingjian',
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    writeConcern: { w: 'majority', journal: true },
    ignoreUndefined: true,
  })
  let server: 'mongodb' | 'ferretdb'
  let version: string
  try {
    await client.connect()
    const db = client.db(options.database)
    const info = await withTimeout(db.command({ buildInfo: 1 }), timeoutMs)
    server = typeof info.ferretdbVersion === 'string' ? 'ferretdb' : 'mongodb'
    version = String(info.ferretdbVersion ?? info.version)
  } catch (err) {
    await client.close().catch(() => {})
    const reason = err instanceof Error ? err.message : String(err)
    throw new Error(
      `MongoDB store: cannot reach ${redactUrl(options.url)} within ${timeoutMs} ms: ${reason}`,
      { cause: err },
    )
  }
  log.info({ adapter: 'mongo', server, version, database: options.database }, 'document store connected')
  if (server === 'ferretdb') {
    log.warn(
      { adapter: 'mongo', server },
      'FerretDB v1: writes to one document are serialized in this process only; run one process per database',
    )
  }
  return new MongoDocumentStore(client, client.db(options.database), options.database, server, log, timeoutMs)
}
