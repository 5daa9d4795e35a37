// What a file is, by its bytes rather than its name: PDF, JPEG, PNG and DOCX, the kinds of evidence the
// department accepts. Pure; reads only the bounded samples a put keeps (BlobSample).
import { BlobContentRefusedError, type BlobSample } from './port.ts'

export const PDF = 'application/pdf'
export const JPEG = 'image/jpeg'
export const PNG = 'image/png'
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export type SniffedType = typeof PDF | typeof JPEG | typeof PNG | typeof DOCX

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const JPEG_MAGIC = [0xff, 0xd8, 0xff]
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const EOCD_SIZE = 22
const MAX_ZIP_COMMENT = 0xffff

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.byteLength < at + magic.length) return false
  return magic.every((b, i) => bytes[at + i] === b)
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8)
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0
}

const decoder = new TextDecoder('utf-8', { fatal: false })

function name(b: Uint8Array, at: number, length: number): string | null {
  if (at + length > b.byteLength) return null
  return decoder.decode(b.subarray(at, at + length))
}

/**
 * Entry names from the central directory, when the end record and the whole directory lie in `tail`
 * (the directory sits right before the end record in any ZIP a word processor writes); else null.
 */
function centralDirectoryNames(tail: Uint8Array): string[] | null {
  const lowest = Math.max(0, tail.byteLength - EOCD_SIZE - MAX_ZIP_COMMENT)
  for (let at = tail.byteLength - EOCD_SIZE; at >= lowest; at--) {
    if (u32(tail, at) !== END_OF_CENTRAL_DIRECTORY) continue
    // the comment length must reach exactly to the end, or this is a lookalike inside the data
    if (at + EOCD_SIZE + u16(tail, at + 20) !== tail.byteLength) continue
    const entries = u16(tail, at + 10)
    const size = u32(tail, at + 12)
    let p = at - size
    if (p < 0) return null
    const names: string[] = []
    for (let i = 0; i < entries; i++) {
      if (p + 46 > at || u32(tail, p) !== CENTRAL_HEADER) return null
      const nameLength = u16(tail, p + 28)
      const n = name(tail, p + 46, nameLength)
      if (n === null) return null
      names.push(n)
      p += 46 + nameLength + u16(tail, p + 30) + u16(tail, p + 32)
    }
    return names
  }
  return null
}

/**
 * Entry names from the local headers at the start, as far as `head` reaches and the sizes are known
 * (an entry written with a data descriptor does not say its size up front: the walk stops there).
 */
function localHeaderNames(head: Uint8Array): string[] {
  const names: string[] = []
  let p = 0
  while (p + 30 <= head.byteLength && u32(head, p) === LOCAL_HEADER) {
    const flags = u16(head, p + 6)
    const compressed = u32(head, p + 18)
    const nameLength = u16(head, p + 26)
    const n = name(head, p + 30, nameLength)
    if (n === null) break
    names.push(n)
    if (flags & 0x08 || compressed === 0xffffffff) break
    p += 30 + nameLength + u16(head, p + 28) + compressed
  }
  return names
}

/** A Word document: the parts every DOCX has, and no macros (a .docm renamed .docx is refused). */
function isDocx(names: readonly string[]): boolean {
  const lower = new Set(names.map((n) => n.toLowerCase()))
  if (!lower.has('[content_types].xml') || !lower.has('word/document.xml')) return false
  return ![...lower].some((n) => n.endsWith('vbaproject.bin'))
}

/**
 * The kind of file by its magic bytes, or null for anything else (an executable, a plain ZIP, an empty
 * file). `head` is the start of the file; `tail` its end (defaults to `head`, right for a file that fits).
 * A DOCX is a ZIP whose entries include `[Content_Types].xml` and `word/document.xml`, read from the
 * central directory in `tail`, or else from the local headers in `head`.
 */
export function sniffContentType(head: Uint8Array, tail: Uint8Array = head): SniffedType | null {
  if (startsWith(head, PDF_MAGIC)) return PDF
  if (startsWith(head, PNG_MAGIC)) return PNG
  if (startsWith(head, JPEG_MAGIC)) return JPEG
  if (u32(head, 0) === LOCAL_HEADER && head.byteLength >= 30) {
    const names = centralDirectoryNames(tail) ?? localHeaderNames(head)
    if (isDocx(names)) return DOCX
  }
  return null
}

const LABELS: Record<SniffedType, string> = { [PDF]: 'PDF', [JPEG]: 'JPEG', [PNG]: 'PNG', [DOCX]: 'DOCX' }

/**
 * A `contentType` check for `put`: keeps the sniffed type if it is one of `accepted`, else refuses the
 * file with BlobContentRefusedError (415) and nothing is stored. The declared type and name play no part.
 */
export function requireContentType(accepted: readonly SniffedType[]): (sample: BlobSample) => SniffedType {
  return (sample) => {
    const type = sniffContentType(sample.head, sample.tail)
    if (type === null || !accepted.includes(type)) {
      throw new BlobContentRefusedError(
        `The file's content is not one of: ${accepted.map((a) => LABELS[a]).join(', ')}`,
      )
    }
    return type
  }
}
