// The durable log in SQLite: an append-only table of messages and a table of committed positions.
// WAL with synchronous=FULL: when a write returns, it has been fsynced and survives a crash.
import { preparePrivateFile } from '@tingjian/bus'
import Database from 'better-sqlite3'

export interface AppendRow {
  topic: string
  key: string | null
  value: Buffer
  headers: Record<string, string>
}

export interface StoredMessage {
  seq: number
  topic: string
  key: string | null
  value: Buffer | null
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bus_messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  topic TEXT NOT NULL,
  key TEXT,
  value BLOB,
  headers TEXT NOT NULL,
  published_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS bus_messages_by_topic ON bus_messages (topic, seq);
CREATE TABLE IF NOT EXISTS bus_offsets (
  group_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  committed_seq INTEGER NOT NULL,
  committed_at TEXT NOT NULL,
  PRIMARY KEY (group_id, topic)
) STRICT, WITHOUT ROWID;
`

export class SqliteLog {
  readonly #db: Database.Database
  readonly #insert: Database.Statement<[string, string | null, Buffer, string, string]>
  readonly #read: Database.Statement<[string, number, number], StoredMessage>
  readonly #committed: Database.Statement<[string, string], { committed_seq: number }>
  readonly #commit: Database.Statement<[string, string, number, string]>
  readonly #lastSeq: Database.Statement<[string], { seq: number | null }>
  readonly #appendAll: (rows: readonly AppendRow[]) => void
  readonly #commitAll: (group: string, positions: ReadonlyMap<string, number>) => void
  readonly #commitWithLetter: (group: string, topic: string, seq: number, letter: AppendRow) => void

  /** Warnings about the file's directory (open to other users), for the bus to log. */
  readonly warnings: readonly string[]

  constructor(path: string, busyTimeoutMs: number) {
    // the log holds events with personal data: the file (and its -wal, -shm) is for this user only
    this.warnings = path === ':memory:' ? [] : preparePrivateFile(path).warnings
    this.#db = new Database(path, { timeout: busyTimeoutMs })
    this.#db.pragma('journal_mode = WAL')
    // FULL: the WAL is fsynced at every commit, so a resolved publish (or commit) survives a power loss
    this.#db.pragma('synchronous = FULL')
    this.#db.exec(SCHEMA)
    this.#insert = this.#db.prepare(
      'INSERT INTO bus_messages (topic, key, value, headers, published_at) VALUES (?, ?, ?, ?, ?)',
    )
    this.#read = this.#db.prepare(
      'SELECT seq, topic, key, value FROM bus_messages WHERE topic = ? AND seq > ? ORDER BY seq LIMIT ?',
    )
    this.#committed = this.#db.prepare(
      'SELECT committed_seq FROM bus_offsets WHERE group_id = ? AND topic = ?',
    )
    this.#commit = this.#db.prepare(
      `INSERT INTO bus_offsets (group_id, topic, committed_seq, committed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (group_id, topic) DO UPDATE SET committed_seq = excluded.committed_seq,
         committed_at = excluded.committed_at`,
    )
    this.#lastSeq = this.#db.prepare('SELECT max(seq) AS seq FROM bus_messages WHERE topic = ?')
    this.#appendAll = this.#db.transaction((rows: readonly AppendRow[]) => {
      const now = new Date().toISOString()
      for (const r of rows) this.#insert.run(r.topic, r.key, r.value, JSON.stringify(r.headers), now)
    })
    this.#commitAll = this.#db.transaction((group: string, positions: ReadonlyMap<string, number>) => {
      const now = new Date().toISOString()
      for (const [topic, seq] of positions) this.#commit.run(group, topic, seq, now)
    })
    this.#commitWithLetter = this.#db.transaction(
      (group: string, topic: string, seq: number, letter: AppendRow) => {
        const now = new Date().toISOString()
        this.#insert.run(letter.topic, letter.key, letter.value, JSON.stringify(letter.headers), now)
        this.#commit.run(group, topic, seq, now)
      },
    )
  }

  /** Appends the rows in one transaction: all or none, durable when it returns. */
  append(rows: readonly AppendRow[]): void {
    this.#appendAll(rows)
  }

  read(topic: string, afterSeq: number, limit: number): StoredMessage[] {
    return this.#read.all(topic, afterSeq, limit)
  }

  committed(group: string, topic: string): number | undefined {
    return this.#committed.get(group, topic)?.committed_seq
  }

  commit(group: string, topic: string, seq: number): void {
    this.#commit.run(group, topic, seq, new Date().toISOString())
  }

  /** Commits a group's positions in several topics in one transaction. */
  commitAll(group: string, positions: ReadonlyMap<string, number>): void {
    this.#commitAll(group, positions)
  }

  /** Appends a dead letter and moves the group past its message, in one transaction. */
  commitWithDeadLetter(group: string, topic: string, seq: number, letter: AppendRow): void {
    this.#commitWithLetter(group, topic, seq, letter)
  }

  /** The last seq of a topic (0 when empty). */
  lastSeq(topic: string): number {
    return this.#lastSeq.get(topic)?.seq ?? 0
  }

  ping(): void {
    this.#db.prepare('SELECT 1').get()
  }

  close(): void {
    this.#db.close()
  }
}
