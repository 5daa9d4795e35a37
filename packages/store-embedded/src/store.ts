// The embedded DocumentStore: every collection in one SQLite file, for running the platform on one machine.
import { basename } from 'node:path'
import { preparePrivateFile } from '@tingjian/bus'
import {
  assertCollectionName,
  type Collection,
  type DocumentStore,
  type Logger,
  OutboxListeners,
  type StoreHealth,
} from '@tingjian/store'
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3'
import { type CollectionHost, EmbeddedCollection, tableOf } from './collection.ts'

export interface EmbeddedStoreOptions {
  /** The SQLite file (created with its directory when missing). */
  path: string
  logger?: Logger
  /** How long a write waits for another process holding the file's write lock (default 5000 ms). */
  busyTimeoutMs?: number
}

export interface EmbeddedStore extends DocumentStore {
  readonly adapter: 'embedded'
  readonly path: string
  /** Deletes every collection and the outbox. Destructive: refuses unless the file name starts with `test_`. */
  drop(): Promise<void>
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} }
const STATEMENT_CACHE = 500

class EmbeddedDocumentStore implements EmbeddedStore, CollectionHost {
  readonly adapter = 'embedded' as const
  readonly #collections = new Map<string, EmbeddedCollection<object>>()
  readonly #statements = new Map<string, Statement>()
  readonly #listeners: OutboxListeners

  constructor(
    readonly db: Database,
    readonly path: string,
    private readonly log: Logger,
  ) {
    this.#listeners = new OutboxListeners(log)
  }

  statement(sql: string): Statement {
    let s = this.#statements.get(sql)
    if (!s) {
      if (this.#statements.size >= STATEMENT_CACHE) this.#statements.clear()
      s = this.db.prepare(sql)
      this.#statements.set(sql, s)
    }
    return s
  }

  collection<T extends object>(name: string): Collection<T> {
    assertCollectionName(name)
    let c = this.#collections.get(name)
    if (!c) {
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS "${tableOf(name)}" (id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL) STRICT`,
      )
      c = new EmbeddedCollection<object>(name, this)
      this.#collections.set(name, c)
    }
    return c as unknown as Collection<T>
  }

  async collectionNames(): Promise<string[]> {
    const rows = this.db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\' ORDER BY name`,
      )
      .all() as Array<{ name: string }>
    return rows.map((r) => r.name.slice(2))
  }

  onOutboxWrite(listener: (collection: string) => void): () => void {
    return this.#listeners.add(listener)
  }

  notifyOutbox(collection: string): void {
    this.#listeners.notify(collection)
  }

  async health(): Promise<StoreHealth> {
    if (!this.db.open) return { ok: false, adapter: 'embedded', detail: 'closed' }
    try {
      this.db.prepare('SELECT 1').get()
      return { ok: true, adapter: 'embedded', detail: this.path }
    } catch (err) {
      return { ok: false, adapter: 'embedded', detail: err instanceof Error ? err.message : String(err) }
    }
  }

  async drop(): Promise<void> {
    if (!basename(this.path).startsWith('test_')) {
      throw new Error(`refusing to drop ${this.path}: only files named test_* may be dropped`)
    }
    const tables = (await this.collectionNames()).map(tableOf)
    this.db
      .transaction(() => {
        for (const t of tables) this.db.exec(`DROP TABLE IF EXISTS "${t}"`)
        this.db.exec('DELETE FROM tj_outbox')
      })
      .immediate()
    this.#collections.clear()
    this.#statements.clear()
    this.log.warn({ path: this.path }, 'embedded store dropped')
  }

  async close(): Promise<void> {
    if (!this.db.open) return
    this.#listeners.clear()
    this.#statements.clear()
    this.db.close()
  }
}

/**
 * Opens (or creates) the store file. WAL with synchronous=FULL: a resolved write is on disk. Other
 * processes may open the same file (the relay of a crash test does); their writes wait for the lock.
 */
export async function createEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const log = options.logger ?? silent
  if (typeof options.path !== 'string' || options.path.length === 0 || options.path === ':memory:') {
    throw new TypeError('embedded store: path must be a file path (durability needs a file)')
  }
  const { warnings } = preparePrivateFile(options.path)
  for (const warning of warnings) log.warn({ adapter: 'embedded', path: options.path }, warning)
  const db = new BetterSqlite3(options.path)
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5_000))}`)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec(`CREATE TABLE IF NOT EXISTS tj_outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      collection TEXT NOT NULL,
      doc_id TEXT NOT NULL,
      event_id TEXT NOT NULL,
      event TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX IF NOT EXISTS tj_outbox_doc ON tj_outbox (collection, doc_id, seq);`)
  } catch (err) {
    db.close()
    throw err
  }
  log.info(
    { adapter: 'embedded', path: options.path },
    'document store: embedded SQLite adapter, for a single machine (use MongoDB to scale out)',
  )
  return new EmbeddedDocumentStore(db, options.path, log)
}
