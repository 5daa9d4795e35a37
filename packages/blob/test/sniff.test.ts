// The content check on real (tiny) files built here byte by byte: what the department accepts (PDF, JPEG,
// PNG, DOCX) is recognised, and what it must not take (an executable renamed .pdf, a plain ZIP, a
// macro-enabled Word file, an empty file) is not. Expected types are the registered media types.
import { crc32, deflateSync } from 'node:zlib'
import t from 'tap'
import {
  BlobContentRefusedError,
  DOCX,
  HEAD_SAMPLE_BYTES,
  JPEG,
  PDF,
  PNG,
  requireContentType,
  sniffContentType,
  TAIL_SAMPLE_BYTES,
} from '../src/index.ts'

const u16 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff])
const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n >>> 0)
  return b
}

interface ZipEntry {
  name: string
  data: Buffer
}

/**
 * A ZIP with stored (uncompressed) entries: local headers, then the central directory and its end record.
 * `descriptor` writes the local headers as streaming zippers do (sizes 0, flag bit 3, a data descriptor
 * after the data), so that only the central directory tells what follows.
 */
function zip(entries: ZipEntry[], options: { descriptor?: boolean; comment?: string } = {}): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const crc = crc32(e.data)
    const flags = options.descriptor ? 0x08 | 0x800 : 0x800
    const size = options.descriptor ? 0 : e.data.length
    const local = Buffer.concat([
      u32(0x04034b50),
      u16(20),
      u16(flags),
      u16(0), // stored
      u16(0),
      u16(0x21),
      u32(options.descriptor ? 0 : crc),
      u32(size),
      u32(size),
      u16(name.length),
      u16(0),
      name,
      e.data,
      options.descriptor
        ? Buffer.concat([u32(0x08074b50), u32(crc), u32(e.data.length), u32(e.data.length)])
        : Buffer.alloc(0),
    ])
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        u16(flags),
        u16(0),
        u16(0),
        u16(0x21),
        u32(crc),
        u32(e.data.length),
        u32(e.data.length),
        u16(name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    )
    locals.push(local)
    offset += local.length
  }
  const cd = Buffer.concat(centrals)
  const comment = Buffer.from(options.comment ?? '', 'utf8')
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(cd.length),
    u32(offset),
    u16(comment.length),
    comment,
  ])
  return Buffer.concat([...locals, cd, end])
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
)
const RELS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
)
const DOCUMENT = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>整改报告</w:t></w:r></w:p></w:body></w:document>',
)

function docx(extra: ZipEntry[] = [], options: { descriptor?: boolean; comment?: string } = {}): Buffer {
  return zip(
    [
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: '_rels/.rels', data: RELS },
      ...extra,
      { name: 'word/document.xml', data: DOCUMENT },
    ],
    options,
  )
}

function minimalPdf(): Buffer {
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n',
  ]
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  for (const o of objects) {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += o
  }
  const xref = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

function pngChunk(type: string, data: Buffer): Buffer {
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

/** A 1×1 grey PNG. */
function minimalPng(): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(1, 0)
  ihdr.writeUInt32BE(1, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** The start of a JFIF file (SOI, APP0) and its end marker. */
function minimalJpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.from([0xff, 0xd9]),
  ])
}

/** The first bytes of a Windows executable (MZ, the DOS stub's message, a PE header further on). */
function executable(): Buffer {
  const b = Buffer.alloc(512)
  b.write('MZ', 0, 'latin1')
  b.writeUInt32LE(0x80, 0x3c)
  b.write('This program cannot be run in DOS mode.', 0x4e, 'latin1')
  b.write('PE\0\0', 0x80, 'latin1')
  return b
}

t.test('the accepted kinds are recognised by their bytes', async (t) => {
  t.equal(sniffContentType(minimalPdf()), PDF)
  t.equal(sniffContentType(minimalPng()), PNG)
  t.equal(sniffContentType(minimalJpeg()), JPEG)
  t.equal(sniffContentType(docx()), DOCX, 'a DOCX read from its central directory')
  t.equal(sniffContentType(docx([], { comment: 'written by a test' })), DOCX, 'with a ZIP comment')
  t.equal(sniffContentType(docx([], { descriptor: true })), DOCX, 'with data descriptors (streaming zippers)')
  t.equal(DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
})

t.test('a DOCX larger than the samples: the central directory in the tail decides', async (t) => {
  // a large picture before word/document.xml pushes it far beyond the head
  const picture = Buffer.alloc(3 * HEAD_SAMPLE_BYTES, 0x5a)
  const file = docx([{ name: 'word/media/image1.png', data: picture }], { descriptor: true })
  const head = file.subarray(0, HEAD_SAMPLE_BYTES)
  const tail = file.subarray(file.length - TAIL_SAMPLE_BYTES)
  t.equal(sniffContentType(head, tail), DOCX)
  t.equal(sniffContentType(head), null, 'the head alone cannot show word/document.xml here')
  const plain = zip([
    { name: 'big.bin', data: picture },
    { name: 'readme.txt', data: Buffer.from('hi') },
  ])
  t.equal(
    sniffContentType(plain.subarray(0, HEAD_SAMPLE_BYTES), plain.subarray(plain.length - TAIL_SAMPLE_BYTES)),
    null,
  )
})

t.test('the head alone is enough for a small DOCX written with sizes up front', async (t) => {
  const file = docx()
  // a tail that is not the end of this file (no end record): the local headers are read instead
  t.equal(sniffContentType(file, Buffer.from('not the end')), DOCX)
})

t.test('what must be refused is not recognised', async (t) => {
  t.equal(sniffContentType(new Uint8Array(0)), null, 'an empty file')
  t.equal(sniffContentType(executable()), null, 'an executable renamed .pdf')
  t.equal(sniffContentType(Buffer.from('MZ%PDF-1.4')), null, 'an executable with %PDF- further in')
  t.equal(
    sniffContentType(
      zip([
        { name: 'photo.jpg', data: minimalJpeg() },
        { name: 'notes.txt', data: Buffer.from('x') },
      ]),
    ),
    null,
    'a ZIP that is not a DOCX',
  )
  t.equal(
    sniffContentType(zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }])),
    null,
    'a ZIP with [Content_Types].xml but no word/document.xml (an .xlsx, say)',
  )
  t.equal(
    sniffContentType(docx([{ name: 'word/vbaProject.bin', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) }])),
    null,
    'a macro-enabled document (.docm) renamed .docx',
  )
  t.equal(sniffContentType(Buffer.from('%PDF')), null, 'a truncated PDF header')
  t.equal(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47])), null, 'a truncated PNG signature')
  t.equal(sniffContentType(Buffer.from([0xff, 0xd8])), null, 'a truncated JPEG marker')
  t.equal(sniffContentType(Buffer.from('PK\x03\x04')), null, 'a ZIP signature and nothing else')
  t.equal(sniffContentType(Buffer.from('<html><script>alert(1)</script>')), null, 'HTML')
  t.equal(sniffContentType(Buffer.from(' %PDF-1.4')), null, 'a PDF header not at the start')
})

t.test('a ZIP with lying sizes or a cut central directory is refused, not crashed on', async (t) => {
  const file = docx()
  const cut = file.subarray(0, file.length - 30)
  t.doesNotThrow(() => sniffContentType(cut))
  const lying = Buffer.from(file)
  lying.writeUInt32LE(0xfffffff0, lying.length - 22 + 12) // central directory size beyond the file
  t.doesNotThrow(() => sniffContentType(lying))
  t.equal(sniffContentType(lying, lying), DOCX, 'the local headers still show the entries')
  const garbage = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 0xff)])
  t.equal(sniffContentType(garbage), null)
})

t.test('requireContentType keeps the sniffed type or refuses with 415', async (t) => {
  const onlyPdf = requireContentType([PDF])
  const sample = (b: Buffer) => ({ head: b, tail: b, bytes: b.length })
  t.equal(onlyPdf(sample(minimalPdf())), PDF)
  t.throws(() => onlyPdf(sample(minimalPng())), BlobContentRefusedError, 'a PNG where only PDF is accepted')
  t.throws(() => onlyPdf(sample(executable())), {
    code: 'TJ_BLOB_CONTENT_REFUSED',
    statusCode: 415,
    message: "The file's content is not one of: PDF",
  })
  const evidence = requireContentType([PDF, JPEG, PNG, DOCX])
  t.equal(evidence(sample(docx())), DOCX)
  t.equal(evidence(sample(minimalJpeg())), JPEG)
})
