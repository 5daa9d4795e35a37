// Maps driver errors to the port's typed errors. Error messages of duplicate keys carry the key's values
// (personal data): they are never logged or copied into the errors we throw.
import { getPath, StoreUnavailableError } from '@tingjian/store'
import {
  type Collection,
  type Document,
  MongoError,
  MongoNetworkError,
  MongoServerSelectionError,
} from 'mongodb'
import type { RawDoc } from './collection.ts'

/** The shape of a server error we look at; MongoServerError and its subclasses have it. */
interface ServerErrorLike {
  code?: unknown
  message?: unknown
}

function asServerError(err: unknown): ServerErrorLike | null {
  return typeof err === 'object' && err !== null ? (err as ServerErrorLike) : null
}

export type Duplicate = { kind: 'duplicate'; index: string | undefined }

/**
 * Recognises a unique-index violation. MongoDB answers code 11000 and names the index in the message;
 * FerretDB v1 answers 11000 without the index on inserts, and InternalError (1) with the SQLite
 * constraint message on updates.
 */
export function duplicateOf(err: unknown): Duplicate | null {
  const e = asServerError(err)
  if (!e) return null
  const message = typeof e.message === 'string' ? e.message : ''
  if (e.code === 11000 || e.code === 11001) {
    const named = /index: (\S+) dup key/.exec(message)
    return { kind: 'duplicate', index: named?.[1] }
  }
  if (e.code === 1) {
    const sqlite = /UNIQUE constraint failed: index '([^']+)'/.exec(message)
    if (sqlite) return { kind: 'duplicate', index: `sqlite:${sqlite[1]}` }
  }
  return null
}

/**
 * Finds which unique index refused a write when the server did not say (FerretDB): the `_id`, else the
 * first unique index whose key values another document already holds. `sqliteName` is FerretDB's name of
 * the SQLite index (`<collection>_<hash>_<index name>`) when the server gave it.
 */
export async function resolveIndex(
  coll: Collection<RawDoc>,
  id: string,
  fields: Record<string, unknown>,
  checkId: boolean,
  sqliteName?: string,
): Promise<string | undefined> {
  const indexes = await coll.listIndexes().toArray()
  const unique = indexes.filter((i) => i.unique === true && typeof i.name === 'string' && i.name !== '_id_')
  if (sqliteName) {
    const byName = unique
      .map((i) => String(i.name))
      .filter((n) => sqliteName.endsWith(`_${n}`))
      .sort((a, b) => b.length - a.length)
    if (byName[0]) return byName[0]
  }
  if (checkId && (await coll.countDocuments({ _id: { $eq: id } }, { limit: 1 })) > 0) return '_id_'
  for (const index of unique) {
    const filter: Document = { _id: { $ne: id } }
    let probe = true
    for (const path of Object.keys(index.key as Document)) {
      const value = getPath(fields, path)
      if (value === undefined && index.sparse === true) probe = false
      filter[path] = { $eq: value ?? null }
    }
    if (probe && (await coll.countDocuments(filter, { limit: 1 })) > 0) return String(index.name)
  }
  return undefined
}

/** Labels the driver puts on errors of a connection lost or a pool cleared: the server is out of reach. */
const UNREACHABLE_LABELS = ['RetryableWriteError', 'ResetPool', 'PoolRequstedRetry']

/**
 * The server out of reach (refused, lost, not selectable in time) becomes StoreUnavailableError (transient:
 * the bus waits it out, HTTP answers 503); everything else is returned as it is.
 */
export function unavailableOr(err: unknown): unknown {
  if (err instanceof MongoNetworkError || err instanceof MongoServerSelectionError)
    return new StoreUnavailableError('mongo', { cause: err })
  if (err instanceof MongoError && UNREACHABLE_LABELS.some((label) => err.hasErrorLabel(label)))
    return new StoreUnavailableError('mongo', { cause: err })
  return err
}

/** The object with every method's unreachable-server errors as StoreUnavailableError (see unavailableOr). */
export function guarded<T extends object>(target: T): T {
  const wrap =
    (method: (...args: unknown[]) => unknown) =>
    (...args: unknown[]): unknown => {
      try {
        const result = method.apply(target, args)
        return result instanceof Promise
          ? result.catch((err: unknown) => {
              throw unavailableOr(err)
            })
          : result
      } catch (err) {
        throw unavailableOr(err)
      }
    }
  const methods = new Map<PropertyKey, unknown>()
  return new Proxy(target, {
    get(object, prop) {
      const value = Reflect.get(object, prop, object)
      if (typeof value !== 'function') return value
      let bound = methods.get(prop)
      if (!bound) {
        bound = wrap(value as (...args: unknown[]) => unknown)
        methods.set(prop, bound)
      }
      return bound
    },
  })
}
