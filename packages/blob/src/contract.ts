// The BlobStore contract suite: one set of tests every adapter must pass (see README.md). Run it from an
// adapter's test file: `blobContract(t, async (t) => ({ blobs, residue }))`; the factory gives each test an
// empty store of its own, registers the teardown on that test, and says how to list what the adapter
// keeps in its backing storage (files, documents), so that "nothing left behind" can be checked.
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import type { Test } from 'tap'
import { isBlobId } from './ingest.ts'
import {
  BlobContentRefusedError,
  type BlobInfo,
  type BlobStore,
  BlobTooLargeError,
  InvalidBlobInputError,
} from './port.ts'
import { PDF, requireContentType } from './sniff.ts'

export interface BlobFixture {
  blobs: BlobStore
  /** Everything the adapter holds in its storage (file paths, document ids), sorted; [] when empty. */
  residue(): Promise<string[]>
}

export type BlobFactory = (t: Test) => Promise<BlobFixture>

const MB = 1024 * 1024
const LIMIT = 10 * MB

/** Deterministic bytes of any length, in chunks, without holding them all. */
async function* pattern(length: number, chunkSize = 64 * 1024, seed = 7): AsyncGenerator<Uint8Array> {
  let sent = 0
  while (sent < length) {
    const n = Math.min(chunkSize, length - sent)
    const chunk = new Uint8Array(n)
    for (let i = 0; i < n; i++) chunk[i] = (sent + i) * seed + (((sent + i) >> 8) & 0xff)
    sent += n
    yield chunk
  }
}

async function patternSha256(length: number, seed = 7): Promise<string> {
  const h = createHash('sha256')
  for await (const c of pattern(length, 64 * 1024, seed)) h.update(c)
  return h.digest('hex')
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const c of stream) parts.push(Buffer.from(c as Uint8Array))
  return Buffer.concat(parts)
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A source that yields some bytes and then fails, as a client that drops the connection. */
async function* failing(after: number): AsyncGenerator<Uint8Array> {
  yield* pattern(after)
  throw new Error('client went away')
}

const HOSTILE_IDS: unknown[] = [
  '../../etc/passwd',
  '../../../../../../etc/passwd',
  '/etc/passwd',
  'a/b',
  'ab/../../x',
  '..',
  '.',
  '',
  ' ',
  '%2e%2e%2fetc%2fpasswd',
  '..\\..\\windows',
  'AAAAAAAAAAAAAAAAAAAAAAAA', // the right length, wrong case
  '0123456789abcdef0123456g',
  '0123456789abcdef01234567/',
  '0123456789abcdef01234567\u0000',
  '0123456789abcdef01234567.json',
  'x'.repeat(100_000),
  42,
  null,
  undefined,
  { $ne: null },
  ['0123456789abcdef01234567'],
]

export function blobContract(t: Test, factory: BlobFactory): void {
  t.test('round trip: the bytes, size, SHA-256, type and name come back', async (t) => {
    const { blobs } = await factory(t)
    const bytes = Buffer.alloc(700 * 1024)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 10)) & 0xff
    const before = Date.now()
    const info = await blobs.put({
      // a Readable of uneven chunks, so that chunk borders of the adapter fall anywhere
      stream: Readable.from([bytes.subarray(0, 1), bytes.subarray(1, 300_001), bytes.subarray(300_001)]),
      contentType: 'application/octet-stream',
      filename: '整改 证据 (1).pdf',
      maxBytes: LIMIT,
    })
    t.ok(isBlobId(info.id), 'a well-formed id')
    t.match(info, {
      bytes: bytes.length,
      sha256: sha256(bytes),
      contentType: 'application/octet-stream',
      filename: '整改 证据 (1).pdf',
    })
    t.ok(Date.parse(info.createdAt) >= before - 1000, 'createdAt is the time of the put')
    t.same(await blobs.stat(info.id), info, 'stat gives what put returned')
    const got = await blobs.get(info.id)
    if (!got) throw new Error('get returned null for a stored blob')
    const { stream, ...meta } = got
    t.same(meta, info)
    const back = await readAll(stream)
    t.equal(back.length, bytes.length)
    t.ok(back.equals(bytes), 'the same bytes')
  })

  t.test('an async iterable source and an empty blob', async (t) => {
    const { blobs } = await factory(t)
    const info = await blobs.put({
      stream: pattern(123_457),
      contentType: 'image/png',
      filename: 'a.png',
      maxBytes: LIMIT,
    })
    t.match(info, { bytes: 123_457, sha256: await patternSha256(123_457) })
    const empty = await blobs.put({
      stream: Readable.from([]),
      contentType: 'text/plain',
      filename: 'empty.txt',
      maxBytes: LIMIT,
    })
    t.match(empty, { bytes: 0, sha256: sha256(new Uint8Array(0)) })
    const got = await blobs.get(empty.id)
    t.equal((await readAll(got?.stream ?? Readable.from([]))).length, 0)
  })

  t.test('10 MB is accepted; 10 MB + 1 is refused with nothing left behind', async (t) => {
    const { blobs, residue } = await factory(t)
    const exact = await blobs.put({
      stream: pattern(LIMIT),
      contentType: 'application/pdf',
      filename: 'exact.pdf',
      maxBytes: LIMIT,
    })
    t.match(exact, { bytes: LIMIT, sha256: await patternSha256(LIMIT) })
    const before = await residue()
    await t.rejects(
      blobs.put({
        stream: pattern(LIMIT + 1),
        contentType: 'application/pdf',
        filename: 'big.pdf',
        maxBytes: LIMIT,
      }),
      BlobTooLargeError,
    )
    await t.rejects(
      blobs.put({
        stream: pattern(LIMIT + 1),
        contentType: 'application/pdf',
        filename: 'big.pdf',
        maxBytes: LIMIT,
      }),
      { code: 'TJ_BLOB_TOO_LARGE', statusCode: 413, maxBytes: LIMIT },
    )
    t.same(await residue(), before, 'nothing of the refused files remains')
    t.equal((await blobs.stat(exact.id))?.bytes, LIMIT, 'the accepted one is still there')
  })

  t.test('a source failing midway leaves nothing and rejects with its error', async (t) => {
    const { blobs, residue } = await factory(t)
    await t.rejects(
      blobs.put({
        stream: failing(600 * 1024),
        contentType: 'application/pdf',
        filename: 'x.pdf',
        maxBytes: LIMIT,
      }),
      { message: 'client went away' },
    )
    t.same(await residue(), [])
  })

  t.test('the content check sees head and tail; its refusal stores nothing', async (t) => {
    const { blobs, residue } = await factory(t)
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(300_000, 0x20),
      Buffer.from('%%EOF\n'),
    ])
    const seen: Array<{ head: number; tail: string; bytes: number }> = []
    const info = await blobs.put({
      stream: Readable.from([pdf.subarray(0, 5), pdf.subarray(5)]),
      contentType: (sample) => {
        seen.push({
          head: sample.head.byteLength,
          tail: Buffer.from(sample.tail).toString('latin1').slice(-6),
          bytes: sample.bytes,
        })
        return requireContentType([PDF])(sample)
      },
      filename: 'report.pdf',
      maxBytes: LIMIT,
    })
    t.equal(info.contentType, PDF, 'the sniffed type is kept')
    t.match(seen, [{ head: 64 * 1024, tail: '%%EOF\n', bytes: pdf.length }])
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(400_000, 1)])
    const before = await residue()
    await t.rejects(
      blobs.put({
        stream: Readable.from([exe]),
        contentType: requireContentType([PDF]),
        filename: 'report.pdf',
        maxBytes: LIMIT,
      }),
      BlobContentRefusedError,
    )
    t.same(await residue(), before, 'nothing of the refused file remains')
    await t.rejects(
      blobs.put({
        stream: Readable.from([exe]),
        contentType: () => 'not a type',
        filename: 'x.bin',
        maxBytes: LIMIT,
      }),
      InvalidBlobInputError,
      'a check returning a malformed type is refused too',
    )
    t.same(await residue(), before)
  })

  t.test('concurrent puts each keep their own content under their own id', async (t) => {
    const { blobs } = await factory(t)
    const sizes = [1, 1000, 255 * 1024, 255 * 1024 + 1, 300_000, 512 * 1024, 777_777, 1_048_576]
    const infos = await Promise.all(
      sizes.map((size, i) =>
        blobs.put({
          stream: pattern(size, 32 * 1024, i + 3),
          contentType: 'image/jpeg',
          filename: 'same.jpg',
          maxBytes: LIMIT,
        }),
      ),
    )
    t.equal(new Set(infos.map((i) => i.id)).size, sizes.length, 'distinct ids, though the names are the same')
    for (const [i, size] of sizes.entries()) {
      const info = infos[i] as BlobInfo
      t.equal(info.sha256, await patternSha256(size, i + 3))
      const got = await blobs.get(info.id)
      t.equal(sha256(await readAll(got?.stream ?? Readable.from([]))), info.sha256, `blob ${i} reads back`)
    }
  })

  t.test('an unknown id: get and stat are null, delete is false', async (t) => {
    const { blobs } = await factory(t)
    const id = '0123456789abcdef01234567'
    t.equal(await blobs.get(id), null)
    t.equal(await blobs.stat(id), null)
    t.equal(await blobs.delete(id), false)
  })

  t.test('delete removes the blob and everything it held', async (t) => {
    const { blobs, residue } = await factory(t)
    const keep = await blobs.put({
      stream: pattern(1000),
      contentType: 'image/png',
      filename: 'k.png',
      maxBytes: LIMIT,
    })
    const before = await residue()
    const gone = await blobs.put({
      stream: pattern(600_000),
      contentType: 'image/png',
      filename: 'g.png',
      maxBytes: LIMIT,
    })
    t.equal(await blobs.delete(gone.id), true)
    t.equal(await blobs.get(gone.id), null)
    t.equal(await blobs.stat(gone.id), null)
    t.equal(await blobs.delete(gone.id), false, 'a second delete finds nothing')
    t.same(await residue(), before, 'nothing of it remains')
    t.ok(await blobs.stat(keep.id), 'the other blob is untouched')
  })

  t.test('hostile ids are never looked up: null and false, the store unchanged', async (t) => {
    const { blobs, residue } = await factory(t)
    await blobs.put({ stream: pattern(10), contentType: 'image/png', filename: 'k.png', maxBytes: LIMIT })
    const before = await residue()
    for (const id of HOSTILE_IDS) {
      const label = typeof id === 'string' ? JSON.stringify(id.slice(0, 40)) : String(id)
      t.equal(await blobs.get(id as string), null, `get ${label}`)
      t.equal(await blobs.stat(id as string), null, `stat ${label}`)
      t.equal(await blobs.delete(id as string), false, `delete ${label}`)
    }
    t.same(await residue(), before)
  })

  t.test('bad input is refused before anything is stored', async (t) => {
    const { blobs, residue } = await factory(t)
    const bad: Array<[string, Record<string, unknown>]> = [
      ['a path as the name', { filename: '../../etc/passwd' }],
      ['a slash in the name', { filename: 'a/b.pdf' }],
      ['a backslash in the name', { filename: 'C:\\evil.pdf' }],
      ['a dot-dot name', { filename: '..' }],
      ['a NUL in the name', { filename: 'a\u0000.pdf' }],
      ['a newline in the name', { filename: 'a\r\nX-Header: 1.pdf' }],
      ['an empty name', { filename: '' }],
      ['a name too long', { filename: `${'x'.repeat(252)}.pdf` }],
      ['a name that is not a string', { filename: 42 }],
      ['a malformed type', { contentType: 'pdf' }],
      ['a type with a newline', { contentType: 'text/plain\r\nx: y' }],
      ['a negative limit', { maxBytes: -1 }],
      ['a fractional limit', { maxBytes: 1.5 }],
      ['no stream', { stream: 'hello' }],
    ]
    for (const [label, change] of bad) {
      const input = {
        stream: pattern(10),
        contentType: 'image/png',
        filename: 'ok.png',
        maxBytes: LIMIT,
        ...change,
      }
      await t.rejects(blobs.put(input as never), InvalidBlobInputError, label)
    }
    await t.rejects(
      blobs.put({
        stream: Readable.from(['a string chunk']),
        contentType: 'text/plain',
        filename: 's.txt',
        maxBytes: LIMIT,
      }),
      InvalidBlobInputError,
      'string chunks are refused (bytes only)',
    )
    t.same(await residue(), [])
  })

  t.test('health answers; close is idempotent', async (t) => {
    const { blobs } = await factory(t)
    t.match(await blobs.health(), { ok: true, adapter: blobs.adapter })
    await blobs.close()
    await blobs.close()
    t.match(await blobs.health(), { ok: false })
  })
}
