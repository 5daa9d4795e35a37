// The file-system BlobStore: each blob is a file under one directory, for running on one machine.
//
//   <root>/                 0700
//     tmp/<random>.part     uploads in progress (and their metadata), renamed away when done
//     <ab>/<id>             the content, 0600 (<ab> = the id's first two characters, 256 directories)
//     <ab>/<id>.json        its metadata; written last, removed first: a blob exists iff this file does
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import {
  chmod,
  type FileHandle,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
} from 'node:fs/promises'
import { join, resolve } from 'node:path'
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

export interface FsBlobStoreOptions {
  /** The directory that holds the blobs (created 0700 when missing; made 0700 when it exists). */
  root: string
  logger?: Logger
  /** Leftover uploads in `tmp/` older than this are removed at start (default one hour). */
  staleUploadMs?: number
}

export interface FsBlobStore extends BlobStore {
  readonly adapter: 'fs'
  readonly root: string
}

const DIR_MODE = 0o700
const FILE_MODE = 0o600
const DEFAULT_STALE_UPLOAD_MS = 60 * 60 * 1000
/** Errors of a disk that cannot take the write now (full, read-only, quota): 503 rather than 500. */
const UNAVAILABLE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EMFILE', 'ENFILE'])

function errnoOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined
}

function unavailableOr(err: unknown): unknown {
  const code = errnoOf(err)
  return code && UNAVAILABLE_CODES.has(code) ? new BlobUnavailableError('fs', { cause: err }) : err
}

/** The metadata file's shape; checked when read, so a damaged file is an error, not a wrong answer. */
function parseInfo(id: string, text: string): BlobInfo {
  const v = JSON.parse(text) as Partial<BlobInfo>
  if (
    v.id !== id ||
    typeof v.bytes !== 'number' ||
    typeof v.sha256 !== 'string' ||
    typeof v.contentType !== 'string' ||
    typeof v.filename !== 'string' ||
    typeof v.createdAt !== 'string'
  ) {
    throw new Error(`blob ${id}: damaged metadata file`)
  }
  return {
    id,
    bytes: v.bytes,
    sha256: v.sha256,
    contentType: v.contentType,
    filename: v.filename,
    createdAt: v.createdAt,
  }
}

/** Writes all of `data` at the handle's position (write may take less than asked). */
async function writeAll(fh: FileHandle, data: Uint8Array): Promise<void> {
  let off = 0
  while (off < data.byteLength) {
    const { bytesWritten } = await fh.write(data, off, data.byteLength - off)
    off += bytesWritten
  }
}

/** Makes a rename or an unlink in `dir` durable. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, constants.O_RDONLY)
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}

class FsStore implements FsBlobStore {
  readonly adapter = 'fs' as const
  #closed = false

  constructor(
    readonly root: string,
    private readonly log: Logger,
  ) {}

  // every path is built here, from an id that isBlobId accepted (24 hex characters): no caller string
  // ever becomes part of a path
  #dir(id: string): string {
    return join(this.root, id.slice(0, 2))
  }
  #data(id: string): string {
    return join(this.#dir(id), id)
  }
  #meta(id: string): string {
    return join(this.#dir(id), `${id}.json`)
  }

  async put(input: BlobPutInput): Promise<BlobInfo> {
    assertPutInput(input)
    const id = newBlobId()
    const part = join(this.root, 'tmp', `${id}.${randomBytes(4).toString('hex')}`)
    const tmpData = `${part}.part`
    const tmpMeta = `${part}.json.part`
    const meter = new ContentMeter(input.maxBytes)
    let fh: FileHandle | undefined
    try {
      // 'wx': never follows or reuses a file someone put there
      fh = await open(tmpData, 'wx', FILE_MODE)
      for await (const chunk of input.stream) await writeAll(fh, meter.add(chunk))
      const contentType = await resolveContentType(input, meter)
      await fh.sync()
      await fh.close()
      fh = undefined
      const info: BlobInfo = {
        id,
        bytes: meter.bytes,
        sha256: meter.sha256(),
        contentType,
        filename: input.filename,
        createdAt: new Date().toISOString(),
      }
      const mh = await open(tmpMeta, 'wx', FILE_MODE)
      try {
        await writeAll(mh, Buffer.from(JSON.stringify(info)))
        await mh.sync()
      } finally {
        await mh.close()
      }
      const dir = this.#dir(id)
      await mkdir(dir, { recursive: true, mode: DIR_MODE })
      // content first, metadata last: a crash in between leaves a file with no metadata, which no call
      // ever sees (get/stat/delete look for the metadata)
      await rename(tmpData, this.#data(id))
      await rename(tmpMeta, this.#meta(id))
      await syncDir(dir)
      this.log.debug({ blobId: id, bytes: info.bytes }, 'blob stored')
      return info
    } catch (err) {
      await fh?.close().catch(() => {})
      await rm(tmpData, { force: true }).catch(() => {})
      await rm(tmpMeta, { force: true }).catch(() => {})
      throw unavailableOr(err)
    }
  }

  async stat(id: string): Promise<BlobInfo | null> {
    if (!isBlobId(id)) return null
    try {
      return parseInfo(id, await readFile(this.#meta(id), 'utf8'))
    } catch (err) {
      if (errnoOf(err) === 'ENOENT') return null
      throw unavailableOr(err)
    }
  }

  async get(id: string): Promise<Blob | null> {
    const info = await this.stat(id)
    if (!info) return null
    let fh: FileHandle
    try {
      // opened before returning: a delete from now on unlinks the name, and this handle still reads
      fh = await open(this.#data(id), constants.O_RDONLY | constants.O_NOFOLLOW)
    } catch (err) {
      if (errnoOf(err) === 'ENOENT') return null // deleted between the two reads
      throw unavailableOr(err)
    }
    return { ...info, stream: fh.createReadStream({ autoClose: true }) }
  }

  async delete(id: string): Promise<boolean> {
    if (!isBlobId(id)) return false
    let existed = true
    try {
      await unlink(this.#meta(id))
    } catch (err) {
      if (errnoOf(err) !== 'ENOENT') throw unavailableOr(err)
      existed = false
    }
    // also clears the content a crash left without its metadata
    await rm(this.#data(id), { force: true }).catch((err: unknown) => {
      throw unavailableOr(err)
    })
    if (existed) {
      await syncDir(this.#dir(id))
      this.log.debug({ blobId: id }, 'blob deleted')
    }
    return existed
  }

  async health(): Promise<BlobHealth> {
    if (this.#closed) return { ok: false, adapter: 'fs', detail: 'closed' }
    try {
      const probe = join(this.root, 'tmp', `health.${randomBytes(6).toString('hex')}`)
      const fh = await open(probe, 'wx', FILE_MODE)
      await fh.close()
      await unlink(probe)
      return { ok: true, adapter: 'fs', detail: this.root }
    } catch (err) {
      return { ok: false, adapter: 'fs', detail: errnoOf(err) ?? 'not writable' }
    }
  }

  async close(): Promise<void> {
    this.#closed = true
  }
}

/**
 * Opens (creating) the blob directory: the root and `tmp/` made 0700, uploads left by a crash removed.
 * Fails at once when the directory cannot be made or written.
 */
export async function createFsBlobStore(options: FsBlobStoreOptions): Promise<FsBlobStore> {
  const log = options.logger ?? silentLogger
  if (typeof options.root !== 'string' || options.root.length === 0) {
    throw new TypeError('file blob store: root must be a directory path')
  }
  const root = resolve(options.root)
  await mkdir(join(root, 'tmp'), { recursive: true, mode: DIR_MODE })
  // the umask may have taken bits off, and an existing directory may be open to others: the blobs are
  // citizens' evidence, readable by this user only
  await chmod(root, DIR_MODE)
  await chmod(join(root, 'tmp'), DIR_MODE)
  const staleMs = options.staleUploadMs ?? DEFAULT_STALE_UPLOAD_MS
  let removed = 0
  for (const name of await readdir(join(root, 'tmp'))) {
    const path = join(root, 'tmp', name)
    const s = await stat(path).catch(() => null)
    if (s?.isFile() && Date.now() - s.mtimeMs > staleMs) {
      await rm(path, { force: true })
      removed++
    }
  }
  const store = new FsStore(root, log)
  const health = await store.health()
  if (!health.ok) throw new Error(`file blob store: cannot write under ${root}: ${health.detail}`)
  log.info(
    { adapter: 'fs', staleUploadsRemoved: removed },
    'blob store: files under a directory, for a single machine (use GridFS to scale out)',
  )
  return store
}
