// The blob port: uploaded files (rectification evidence) stored by a random id. Services depend on this
// interface only; adapters: @tingjian/blob-fs (files under a directory, one machine) and
// @tingjian/blob-gridfs (GridFS on MongoDB). Small on purpose: put, get, stat, delete, health, close.
import type { Readable } from 'node:stream'

/**
 * What the store sees of a file once it has all of it, before it keeps it: the first and last bytes (enough
 * for magic numbers and a ZIP's central directory) and the size. See `sniffContentType`.
 */
export interface BlobSample {
  /** The first HEAD_SAMPLE_BYTES bytes (all of them for a smaller file). */
  head: Uint8Array
  /** The last TAIL_SAMPLE_BYTES bytes (all of them for a smaller file; overlaps `head` then). */
  tail: Uint8Array
  bytes: number
}

export const HEAD_SAMPLE_BYTES = 64 * 1024
/** A ZIP's end record sits within 64 KiB + 22 bytes of the end; its central directory just before. */
export const TAIL_SAMPLE_BYTES = 128 * 1024

export interface BlobPutInput {
  /** The content, read once, chunk by chunk; never buffered whole. Chunks must be bytes, not strings. */
  stream: AsyncIterable<Uint8Array> | Readable
  /**
   * The media type to keep (`type/subtype`), or a check called once every byte has been read and before
   * anything is kept: it returns the media type (e.g. the sniffed one) or throws to refuse the file, in
   * which case nothing is stored and its error is what `put` rejects with (see `requireContentType`).
   */
  contentType: string | ((sample: BlobSample) => string | Promise<string>)
  /**
   * The name to hand back on download: metadata only, never part of a path. 1 to 255 characters, no `/`,
   * `\`, control characters, and not `.` or `..`; anything else is refused with InvalidBlobInputError.
   */
  filename: string
  /** Refuses (BlobTooLargeError, nothing kept) as soon as the content goes beyond this many bytes. */
  maxBytes: number
}

export interface BlobInfo {
  /** Random, 24 lowercase hex characters (96 bits), never derived from the name or the content. */
  id: string
  bytes: number
  /** Lowercase hex SHA-256 of the content, computed while it streamed in. */
  sha256: string
  contentType: string
  filename: string
  /** ISO 8601 time the blob was stored. */
  createdAt: string
}

export interface Blob extends BlobInfo {
  /** The content; the caller must read it to the end or destroy it (it holds a file or a cursor). */
  stream: Readable
}

export interface BlobHealth {
  ok: boolean
  adapter: 'fs' | 'gridfs'
  detail?: string
}

export interface BlobStore {
  readonly adapter: 'fs' | 'gridfs'
  /**
   * Streams the content in, counting bytes and hashing as it goes; resolves once the blob is durable.
   * On any failure (too large, refused by the content check, the source failing, the server failing)
   * nothing is left under any id.
   */
  put(input: BlobPutInput): Promise<BlobInfo>
  /** The blob and its content stream, or `null` for an unknown id or one that is not an id at all. */
  get(id: string): Promise<Blob | null>
  /** The blob's metadata without opening its content, or `null` (as `get`). */
  stat(id: string): Promise<BlobInfo | null>
  /** Removes the blob; `true` if it existed, `false` for an unknown id or one that is not an id. */
  delete(id: string): Promise<boolean>
  /** For readiness; never throws. */
  health(): Promise<BlobHealth>
  close(): Promise<void>
}

/** Logging the adapters need (a pino logger fits): ids, sizes, counts; never file names (personal data). */
export interface Logger {
  debug(obj: object, msg?: string): void
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }

// Errors carry `statusCode`, so that the kit's problem handler answers them as they are (4xx with the
// message as detail, 503 as unavailable). Their messages never hold a file name or content.

/** The content went beyond `maxBytes`; nothing was kept. */
export class BlobTooLargeError extends Error {
  readonly code = 'TJ_BLOB_TOO_LARGE'
  readonly statusCode = 413
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`)
    this.name = 'BlobTooLargeError'
  }
}

/** The content is not of an accepted kind (checked by its bytes, not its name); nothing was kept. */
export class BlobContentRefusedError extends Error {
  readonly code = 'TJ_BLOB_CONTENT_REFUSED'
  readonly statusCode = 415
  constructor(message: string) {
    super(message)
    this.name = 'BlobContentRefusedError'
  }
}

/** A file name, media type, size limit or stream the port cannot accept; nothing was kept. */
export class InvalidBlobInputError extends Error {
  readonly code = 'TJ_INVALID_BLOB'
  readonly statusCode = 400
  constructor(message: string) {
    super(message)
    this.name = 'InvalidBlobInputError'
  }
}

/**
 * The store's server or disk cannot be reached now; the operation may succeed later (HTTP 503). For a
 * `put`, nothing was kept unless it resolved.
 */
export class BlobUnavailableError extends Error {
  readonly code = 'TJ_BLOB_UNAVAILABLE'
  readonly statusCode = 503
  readonly transient = true
  constructor(
    readonly adapter: 'fs' | 'gridfs',
    options?: { cause?: unknown },
  ) {
    super(`the ${adapter} blob store is unavailable`, options)
    this.name = 'BlobUnavailableError'
  }
}
