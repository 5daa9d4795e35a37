// What every adapter does the same way: ids, checking a put's input, and metering the content as it
// streams (bytes counted against the limit, SHA-256, the head and tail kept for the content check).
import { createHash, type Hash, randomBytes } from 'node:crypto'
import {
  type BlobPutInput,
  type BlobSample,
  BlobTooLargeError,
  HEAD_SAMPLE_BYTES,
  InvalidBlobInputError,
  TAIL_SAMPLE_BYTES,
} from './port.ts'

const ID = /^[0-9a-f]{24}$/

/** A new random id: 96 bits from the CSPRNG as 24 lowercase hex characters (also a valid ObjectId). */
export function newBlobId(): string {
  return randomBytes(12).toString('hex')
}

/**
 * Whether this is something a blob id can be. Adapters answer `null` for anything else before touching
 * their storage, so that no string a caller passes (`../../etc/passwd`, `a/b`, `{ $ne: null }`) reaches
 * a path or a query.
 */
export function isBlobId(id: unknown): id is string {
  return typeof id === 'string' && ID.test(id)
}

const MAX_FILENAME = 255
// control characters (C0, DEL, C1) and the two path separators
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const FORBIDDEN_IN_NAME = /[\u0000-\u001f\u007f-\u009f/\\]/
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/

/** Refuses a file name that is not a plain name (see BlobPutInput.filename). */
export function assertFilename(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_FILENAME) {
    throw new InvalidBlobInputError(`The file name must be 1 to ${MAX_FILENAME} characters`)
  }
  if (FORBIDDEN_IN_NAME.test(name) || name === '.' || name === '..' || name.trim() !== name) {
    throw new InvalidBlobInputError(
      'The file name must be a plain name: no path, no control characters, no leading or trailing spaces',
    )
  }
}

/** Refuses a media type that is not a bare `type/subtype` (parameters are not kept). */
export function assertMediaType(type: unknown): asserts type is string {
  if (typeof type !== 'string' || !MEDIA_TYPE.test(type)) {
    throw new InvalidBlobInputError('The content type must be type/subtype')
  }
}

/** Checks a put's input before anything is read or stored. */
export function assertPutInput(input: BlobPutInput): void {
  if (typeof input !== 'object' || input === null) throw new InvalidBlobInputError('put needs an input')
  assertFilename(input.filename)
  if (typeof input.contentType !== 'function') assertMediaType(input.contentType)
  if (!Number.isSafeInteger(input.maxBytes) || input.maxBytes < 0) {
    throw new InvalidBlobInputError('maxBytes must be a non-negative integer')
  }
  const stream = input.stream as unknown
  if (
    typeof stream !== 'object' ||
    stream === null ||
    typeof (stream as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function'
  ) {
    throw new InvalidBlobInputError('stream must be a Readable or an async iterable of bytes')
  }
}

/** Counts, hashes and samples the content; throws BlobTooLargeError once it passes the limit. */
export class ContentMeter {
  bytes = 0
  readonly #hash: Hash = createHash('sha256')
  readonly #head: Uint8Array[] = []
  #headBytes = 0
  readonly #tail: Uint8Array[] = []
  #tailBytes = 0

  constructor(readonly maxBytes: number) {}

  /** Takes the next chunk; returns it as bytes, or throws before it would be kept. */
  add(chunk: unknown): Uint8Array {
    if (!(chunk instanceof Uint8Array)) {
      throw new InvalidBlobInputError('the stream must yield bytes (Buffer or Uint8Array), not strings')
    }
    if (this.bytes + chunk.byteLength > this.maxBytes) throw new BlobTooLargeError(this.maxBytes)
    this.bytes += chunk.byteLength
    this.#hash.update(chunk)
    if (this.#headBytes < HEAD_SAMPLE_BYTES) {
      const part = chunk.subarray(0, HEAD_SAMPLE_BYTES - this.#headBytes)
      this.#head.push(Uint8Array.from(part))
      this.#headBytes += part.byteLength
    }
    // the tail keeps whole chunks and drops the oldest once the rest cover the sample
    this.#tail.push(Uint8Array.from(chunk.subarray(Math.max(0, chunk.byteLength - TAIL_SAMPLE_BYTES))))
    this.#tailBytes += Math.min(chunk.byteLength, TAIL_SAMPLE_BYTES)
    while (this.#tail.length > 1 && this.#tailBytes - (this.#tail[0]?.byteLength ?? 0) >= TAIL_SAMPLE_BYTES) {
      this.#tailBytes -= this.#tail.shift()?.byteLength ?? 0
    }
    return chunk
  }

  /** The SHA-256 of everything added, as lowercase hex. Call once, at the end. */
  sha256(): string {
    return this.#hash.digest('hex')
  }

  sample(): BlobSample {
    const tail = Buffer.concat(this.#tail)
    return {
      head: Buffer.concat(this.#head),
      tail: tail.subarray(Math.max(0, tail.byteLength - TAIL_SAMPLE_BYTES)),
      bytes: this.bytes,
    }
  }
}

/** The media type to keep: the caller's, or what its check returns (a check that throws refuses). */
export async function resolveContentType(input: BlobPutInput, meter: ContentMeter): Promise<string> {
  if (typeof input.contentType === 'string') return input.contentType
  const type = await input.contentType(meter.sample())
  assertMediaType(type)
  return type
}
