// One collection in the SQLite file: table `c_<name>` (id, version, doc JSON). The outbox is the shared
// table `tj_outbox`, written in the same transaction as the document, so a document and its events are
// saved together or not at all.
import type { EventEnvelope } from '@tingjian/contracts'
import {
  assertEventIds,
  assertGroupPaths,
  assertId,
  assertPublished,
  assertSort,
  type Collection,
  type Fields,
  type Filter,
  type FindOptions,
  type GroupCount,
  type IndexSpec,
  InvalidQueryError,
  type Page,
  type PublishedEvents,
  planFind,
  type Scalar,
  StoreConflictError,
  type Stored,
  StoreNotFoundError,
  toFields,
  toPage,
  type WriteOptions,
} from '@tingjian/store'
import type { Database, Statement } from 'better-sqlite3'
import { jsonPath, jsonValueSql, orderSql, presentSql, whereSql } from './sql.ts'

const INDEX_NAME = /^[A-Za-z0-9_]{1,64}$/

/** What a collection needs from its store. */
export interface CollectionHost {
  readonly db: Database
  statement(sql: string): Statement
  notifyOutbox(collection: string): void
}

export function tableOf(collection: string): string {
  return `c_${collection}`
}

/** The store's name for a unique index of a collection; the part after `__` is the caller's name. */
function indexTable(table: string, name: string): string {
  return `${table}__${name}`
}

interface SqliteError {
  code?: unknown
  message?: unknown
}

export class EmbeddedCollection<T extends object> implements Collection<T> {
  readonly #table: string

  constructor(
    readonly name: string,
    private readonly host: CollectionHost,
  ) {
    this.#table = tableOf(name)
  }

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    for (const spec of indexes) {
      if (!INDEX_NAME.test(spec.name) || spec.name === '_id_') {
        throw new InvalidQueryError(`invalid index name: ${JSON.stringify(spec.name).slice(0, 80)}`)
      }
      if (spec.keys.length === 0) throw new InvalidQueryError(`index ${spec.name} has no keys`)
      assertSort(spec.keys)
    }
    const db = this.host.db
    for (const spec of indexes) {
      const name = indexTable(this.#table, spec.name)
      // unique: the JSON text of each value, missing counted as null (as MongoDB counts it); otherwise the
      // value as json_extract gives it, the expression that filters and sorts use
      const columns = spec.keys
        .map(([path, dir]) => {
          const expr = spec.unique
            ? jsonValueSql(path, '')
            : path === '_id'
              ? 'id'
              : `json_extract(doc, '${jsonPath(path)}')`
          return `${expr} ${dir === 1 ? 'ASC' : 'DESC'}`
        })
        .join(', ')
      const where = spec.sparse ? ` WHERE ${spec.keys.map(([p]) => presentSql(p, '')).join(' OR ')}` : ''
      const sql = `CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX "${name}" ON "${this.#table}" (${columns})${where}`
      const existing = db
        .prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`)
        .get(name) as { sql: string } | undefined
      if (existing) {
        if (existing.sql !== sql)
          throw new Error(`index ${spec.name} of ${this.name} exists with another definition`)
        continue
      }
      try {
        db.exec(sql)
      } catch (err) {
        // a concurrent process created it first: fine when it is the same index
        const again = db
          .prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`)
          .get(name) as { sql: string } | undefined
        if (again?.sql !== sql) throw err
      }
    }
  }

  async get(id: string): Promise<Stored<T> | null> {
    assertId(id)
    const row = this.host.statement(`SELECT doc FROM "${this.#table}" WHERE id = ?`).get(id) as
      | { doc: string }
      | undefined
    return row ? (JSON.parse(row.doc) as Stored<T>) : null
  }

  async insert(id: string, doc: Fields<T>, options: WriteOptions = {}): Promise<Stored<T>> {
    assertId(id)
    const fields = toFields(doc)
    const events = options.events ?? []
    assertEventIds(events)
    const now = (options.now ?? new Date()).toISOString()
    const stored = { _id: id, version: 1, createdAt: now, updatedAt: now, ...fields }
    const insert = this.host.statement(`INSERT INTO "${this.#table}" (id, version, doc) VALUES (?, 1, ?)`)
    try {
      this.host.db
        .transaction(() => {
          insert.run(id, JSON.stringify(stored))
          this.appendOutbox(id, events, now)
        })
        .immediate()
    } catch (err) {
      throw this.conflictOr(err, id)
    }
    if (events.length > 0) this.host.notifyOutbox(this.name)
    return stored as Stored<T>
  }

  async update(
    id: string,
    expectedVersion: number,
    doc: Fields<T>,
    options: WriteOptions = {},
  ): Promise<Stored<T>> {
    assertId(id)
    if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
      throw new InvalidQueryError('expectedVersion must be a positive integer')
    }
    const fields = toFields(doc)
    const events = options.events ?? []
    assertEventIds(events)
    const now = (options.now ?? new Date()).toISOString()
    const read = this.host.statement(
      `SELECT version, json_extract(doc, '$.createdAt') AS createdAt FROM "${this.#table}" WHERE id = ?`,
    )
    const write = this.host.statement(
      `UPDATE "${this.#table}" SET version = ?, doc = ? WHERE id = ? AND version = ?`,
    )
    let stored: Record<string, unknown>
    try {
      stored = this.host.db
        .transaction(() => {
          // IMMEDIATE: the write lock is held from the read on, also against other processes
          const current = read.get(id) as { version: number; createdAt: string } | undefined
          if (!current) throw new StoreNotFoundError(this.name, id)
          if (current.version !== expectedVersion) throw new StoreConflictError('stale', this.name, id)
          const next = {
            _id: id,
            version: expectedVersion + 1,
            createdAt: current.createdAt,
            updatedAt: now,
            ...fields,
          }
          const changed = write.run(expectedVersion + 1, JSON.stringify(next), id, expectedVersion).changes
          if (changed !== 1) throw new StoreConflictError('stale', this.name, id)
          this.appendOutbox(id, events, now)
          return next
        })
        .immediate()
    } catch (err) {
      throw this.conflictOr(err, id)
    }
    if (events.length > 0) this.host.notifyOutbox(this.name)
    return stored as Stored<T>
  }

  private appendOutbox(id: string, events: readonly EventEnvelope[], now: string): void {
    if (events.length === 0) return
    const add = this.host.statement(
      'INSERT INTO tj_outbox (collection, doc_id, event_id, event, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    for (const event of events) add.run(this.name, id, event.id, JSON.stringify(event), now)
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<Page<Stored<T>>> {
    const plan = planFind(filter, options)
    const where = whereSql(plan.filter)
    const rows = this.host
      .statement(
        `SELECT d.doc FROM "${this.#table}" AS d WHERE ${where.sql} ORDER BY ${orderSql(plan.sort)} LIMIT ?`,
      )
      .all(...where.params, plan.fetch) as Array<{ doc: string }>
    return toPage(
      rows.map((r) => JSON.parse(r.doc) as Stored<T>),
      plan,
    )
  }

  async count(filter: Filter = {}): Promise<number> {
    const where = whereSql(planFind(filter).filter)
    const row = this.host
      .statement(`SELECT count(*) AS n FROM "${this.#table}" AS d WHERE ${where.sql}`)
      .get(...where.params) as { n: number }
    return row.n
  }

  async countBy(paths: readonly string[], filter: Filter = {}): Promise<GroupCount[]> {
    assertGroupPaths(paths)
    const where = whereSql(planFind(filter).filter)
    const keys = paths.map((p, i) => `${jsonValueSql(p)} AS k${i}`).join(', ')
    const groups = paths.map((_, i) => `k${i}`).join(', ')
    const rows = this.host
      .statement(
        `SELECT ${keys}, count(*) AS n FROM "${this.#table}" AS d WHERE ${where.sql} GROUP BY ${groups}`,
      )
      .all(...where.params) as Array<Record<string, string | number>>
    return rows.map((row) => {
      const key: Record<string, Scalar> = {}
      paths.forEach((p, i) => {
        key[p] = JSON.parse(String(row[`k${i}`])) as Scalar
      })
      return { key, count: Number(row.n) }
    })
  }

  async outboxPending(limit: number): Promise<Array<{ id: string; events: EventEnvelope[] }>> {
    if (!Number.isInteger(limit) || limit < 1) throw new InvalidQueryError('limit must be a positive integer')
    const docs = this.host
      .statement(
        `SELECT doc_id FROM tj_outbox WHERE collection = ? GROUP BY doc_id ORDER BY min(created_at), doc_id LIMIT ?`,
      )
      .all(this.name, limit) as Array<{ doc_id: string }>
    if (docs.length === 0) return []
    const rows = this.host
      .statement(
        `SELECT doc_id, event FROM tj_outbox WHERE collection = ? AND doc_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
      )
      .all(this.name, JSON.stringify(docs.map((d) => d.doc_id))) as Array<{ doc_id: string; event: string }>
    const byDoc = new Map<string, EventEnvelope[]>(docs.map((d) => [d.doc_id, []]))
    for (const row of rows) byDoc.get(row.doc_id)?.push(JSON.parse(row.event) as EventEnvelope)
    return [...byDoc].map(([id, events]) => ({ id, events }))
  }

  async outboxRemove(published: readonly PublishedEvents[]): Promise<void> {
    assertPublished(published)
    const pairs = published.flatMap((p) => p.eventIds.map((eventId) => [p.id, eventId]))
    if (pairs.length === 0) return
    // one statement, one transaction: the page's events leave their outboxes together
    this.host
      .statement(
        `DELETE FROM tj_outbox WHERE collection = ? AND (doc_id, event_id) IN
           (SELECT value ->> 0, value ->> 1 FROM json_each(?))`,
      )
      .run(this.name, JSON.stringify(pairs))
  }

  /** SQLite's unique violations become the port's duplicate conflict, with the caller's index name. */
  private conflictOr(err: unknown, id: string): unknown {
    const e = (typeof err === 'object' && err !== null ? err : {}) as SqliteError
    if (e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
      return new StoreConflictError('duplicate', this.name, id, '_id_')
    if (e.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      const message = typeof e.message === 'string' ? e.message : ''
      const named = /index '([^']+)'/.exec(message)?.[1]
      const prefix = `${this.#table}__`
      const index = named?.startsWith(prefix)
        ? named.slice(prefix.length)
        : message.includes('.id')
          ? '_id_'
          : undefined
      return new StoreConflictError('duplicate', this.name, id, index)
    }
    return err
  }
}
