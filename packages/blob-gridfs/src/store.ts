// The GridFS BlobStore: blobs in a GridFS bucket (`<bucket>.files`, `<bucket>.chunks`) through the
// official driver's GridFSBucket, for MongoDB 7 (and FerretDB v1 in development).
import {
  assertPutInput,
  type Blob,
  type BlobHealth,
  type BlobInfo,
  type BlobPutInput,
  type BlobStore,
  BlobUnavailableError,
  ContentMeter,
  isBlobId,
  type Logger,
  newBlobId,
  resolveContentType,
  silentLogger,
} from '@tingjian/blob'
import {
  type Db,
  GridFSBucket,
  type GridFSBucketWriteStream,
  type GridFSFile,
  MongoClient,
  MongoError,
  MongoNetworkError,
  MongoServerSelectionError,
  ObjectId,
} from 'mongodb'

export interface GridFsBlobStoreOptions {
  /** Connection string, e.g. `mongodb://127.0.0.1:27017` or a replica-set URL. */
  url: string
  /** The service's database (letters, digits, `_` and `-`). */
  database: string
  /** The bucket: its collections are `<bucket>.files` and `<bucket>.chunks`, e.g. `evidence`. */
  bucket: string
  logger?: Logger
  /** How long to wait for a server at start, and for every operation to find one (default 5000 ms). */
  connectTimeoutMs?: number
  /** Size of a chunk document (default 255 KiB, GridFS's). */
  chunkSizeBytes?: number
  appName?: string
}

export interface GridFsBlobStore extends BlobStore {
  readonly adapter: 'gridfs'
  readonly database: string
  readonly bucket: string
  /** `mongodb` or `ferretdb`: which server answered at start. */
  readonly server: 'mongodb' | 'ferretdb'
  /** Drops the whole database. Destructive: refuses unless the database name starts with `test_`. */
  drop(): Promise<void>
}

/** What this adapter keeps in a files document's `metadata`. */
interface BlobMetadata {
  contentType: string
  sha256: string
  /** The same as the document's `filename`; kept here too so that the metadata is whole on its own. */
  filename: string
}

const DATABASE = /^[A-Za-z0-9_-]{1,63}$/
const BUCKET = /^[A-Za-z][A-Za-z0-9_]{0,62}$/
const DEFAULT_TIMEOUT_MS = 5_000
const DEFAULT_CHUNK_BYTES = 255 * 1024
const UNREACHABLE_LABELS = ['RetryableWriteError', 'ResetPool', 'PoolRequstedRetry']

/** The URL without credentials, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@')
}

function unavailableOr(err: unknown): unknown {
  if (err instanceof MongoNetworkError || err instanceof MongoServerSelectionError)
    return new BlobUnavailableError('gridfs', { cause: err })
  if (err instanceof MongoError && UNREACHABLE_LABELS.some((label) => err.hasErrorLabel(label)))
    return new BlobUnavailableError('gridfs', { cause: err })
  return err
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

/** Writes one chunk and waits until the stream has taken it (persisted, when it filled a GridFS chunk). */
function write(upload: GridFSBucketWriteStream, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    upload.write(chunk, (err) => (err ? reject(err) : resolve()))
  })
}

/** Ends the upload: the driver writes the last chunk and then the files document. */
function end(upload: GridFSBucketWriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    upload.once('error', reject)
    upload.end(() => {
      upload.off('error', reject)
      resolve()
    })
  })
}

function toInfo(doc: GridFSFile): BlobInfo | null {
  const m = doc.metadata as Partial<BlobMetadata> | undefined
  // a files document this adapter did not write (another tool's upload in the bucket) is not a blob
  if (!m || typeof m.contentType !== 'string' || typeof m.sha256 !== 'string') return null
  return {
    id: doc._id.toHexString(),
    bytes: doc.length,
    sha256: m.sha256,
    contentType: m.contentType,
    filename: doc.filename,
    createdAt: doc.uploadDate.toISOString(),
  }
}

class GridFsStore implements GridFsBlobStore {
  readonly adapter = 'gridfs' as const
  readonly #gridfs: GridFSBucket
  #closed = false

  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    readonly database: string,
    readonly bucket: string,
    readonly server: 'mongodb' | 'ferretdb',
    private readonly log: Logger,
    private readonly timeoutMs: number,
    chunkSizeBytes: number,
  ) {
    this.#gridfs = new GridFSBucket(db, {
      bucketName: bucket,
      chunkSizeBytes,
      writeConcern: { w: 'majority', journal: true },
    })
  }

  async put(input: BlobPutInput): Promise<BlobInfo> {
    assertPutInput(input)
    // an ObjectId made of 12 random bytes: random like the file adapter's ids, and what GridFS types want
    const id = new ObjectId(newBlobId())
    const meter = new ContentMeter(input.maxBytes)
    const upload = this.#gridfs.openUploadStreamWithId(id, input.filename)
    // the driver reports errors on the stream; each write and the end are awaited and see them there
    upload.on('error', () => {})
    let ended = false
    try {
      // one chunk at a time, each awaited: when a put fails, no chunk insert is still in flight, so
      // removing the chunks removes them all
      for await (const chunk of input.stream) await write(upload, meter.add(chunk))
      const contentType = await resolveContentType(input, meter)
      const metadata: BlobMetadata = { contentType, sha256: meter.sha256(), filename: input.filename }
      // the driver builds the files document from these options when the upload ends, which is the
      // blob's one commit: until then only chunks exist, and nothing reads chunks without their file
      upload.options.metadata = metadata
      ended = true
      await end(upload)
      const doc = upload.gridFSFile
      const info = doc ? toInfo(doc) : null
      if (!info) throw new Error('GridFS upload finished without its files document')
      this.log.debug({ blobId: info.id, bytes: info.bytes }, 'blob stored')
      return info
    } catch (err) {
      await this.#discard(upload, id, ended)
      throw unavailableOr(err)
    }
  }

  /** Removes what a failed upload wrote: its chunks, and its files document if the end got that far. */
  async #discard(upload: GridFSBucketWriteStream, id: ObjectId, ended: boolean): Promise<void> {
    try {
      if (!ended) await upload.abort()
      else {
        await upload.files.deleteOne({ _id: { $eq: id } })
        await upload.chunks.deleteMany({ files_id: { $eq: id } })
      }
    } catch (err) {
      // the server is gone as well: chunks without a files document stay, invisible to every call
      this.log.warn({ blobId: id.toHexString(), err: String(err) }, 'could not remove a failed upload')
    }
    upload.destroy()
  }

  async stat(id: string): Promise<BlobInfo | null> {
    if (!isBlobId(id)) return null
    try {
      const doc = await this.#gridfs.find({ _id: { $eq: new ObjectId(id) } }, { limit: 1 }).next()
      return doc ? toInfo(doc) : null
    } catch (err) {
      throw unavailableOr(err)
    }
  }

  async get(id: string): Promise<Blob | null> {
    const info = await this.stat(id)
    if (!info) return null
    return { ...info, stream: this.#gridfs.openDownloadStream(new ObjectId(id)) }
  }

  async delete(id: string): Promise<boolean> {
    if (!isBlobId(id)) return false
    const _id = new ObjectId(id)
    try {
      // the files document first: the blob disappears in one write; then its chunks (GridFSBucket.delete
      // does the same but throws for an unknown id, which is an ordinary answer here)
      const { deletedCount } = await this.db
        .collection(`${this.bucket}.files`)
        .deleteOne({ _id: { $eq: _id } })
      await this.db.collection(`${this.bucket}.chunks`).deleteMany({ files_id: { $eq: _id } })
      if (deletedCount > 0) this.log.debug({ blobId: id }, 'blob deleted')
      return deletedCount > 0
    } catch (err) {
      throw unavailableOr(err)
    }
  }

  async health(): Promise<BlobHealth> {
    if (this.#closed) return { ok: false, adapter: 'gridfs', detail: 'closed' }
    try {
      await withTimeout(this.db.command({ ping: 1 }), this.timeoutMs)
      return { ok: true, adapter: 'gridfs', detail: `${this.server} ${this.database} ${this.bucket}` }
    } catch (err) {
      return { ok: false, adapter: 'gridfs', detail: err instanceof Error ? err.message : String(err) }
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
    await this.client.close()
  }
}

/**
 * Connects and checks the server; fails within `connectTimeoutMs` with a clear error when it cannot.
 * Writes are acknowledged by a majority with journaling: a resolved put survives a crash.
 */
export async function createGridFsBlobStore(options: GridFsBlobStoreOptions): Promise<GridFsBlobStore> {
  const log = options.logger ?? silentLogger
  if (typeof options.url !== 'string' || !/^mongodb(\+srv)?:\/\//.test(options.url)) {
    throw new TypeError('GridFS blob store: url must be a mongodb:// or mongodb+srv:// connection string')
  }
  if (typeof options.database !== 'string' || !DATABASE.test(options.database)) {
    throw new TypeError('GridFS blob store: database must be 1 to 63 letters, digits, _ or -')
  }
  if (typeof options.bucket !== 'string' || !BUCKET.test(options.bucket)) {
    throw new TypeError('GridFS blob store: bucket must be a letter then up to 62 letters, digits or _')
  }
  const chunkSizeBytes = options.chunkSizeBytes ?? DEFAULT_CHUNK_BYTES
  if (!Number.isSafeInteger(chunkSizeBytes) || chunkSizeBytes < 1024 || chunkSizeBytes > 4 * 1024 * 1024) {
    throw new TypeError('GridFS blob store: chunkSizeBytes must be between 1 KiB and 4 MiB')
  }
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS
  const client = new MongoClient(options.url, {
    appName: options.appName ?? 'tingjian',
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    writeConcern: { w: 'majority', journal: true },
  })
  let server: 'mongodb' | 'ferretdb'
  let version: string
  try {
    await client.connect()
    const info = await withTimeout(client.db(options.database).command({ buildInfo: 1 }), timeoutMs)
    server = typeof info.ferretdbVersion === 'string' ? 'ferretdb' : 'mongodb'
    version = String(info.ferretdbVersion ?? info.version)
  } catch (err) {
    await client.close().catch(() => {})
    const reason = err instanceof Error ? err.message : String(err)
    throw new Error(
      `GridFS blob store: cannot reach ${redactUrl(options.url)} within ${timeoutMs} ms: ${reason}`,
      { cause: err },
    )
  }
  log.info(
    { adapter: 'gridfs', server, version, database: options.database, bucket: options.bucket },
    'blob store connected',
  )
  const db = client.db(options.database)
  return new GridFsStore(client, db, options.database, options.bucket, server, log, timeoutMs, chunkSizeBytes)
}
