// The evidence files' rules, checked in the browser before an upload (the rectification service checks
// them again, and it is the one that decides): PDF, JPEG, PNG or DOCX by content, not by name; at most
// 10 MB each and 20 per order; a plain file name (a path is refused, not cut). Pure but for reading the
// files' first and last bytes.

export const MAX_FILE_BYTES = 10 * 1024 * 1024
export const MAX_FILES_PER_ORDER = 20
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png'

export type EvidenceKind = 'pdf' | 'jpeg' | 'png' | 'docx'

export type FileFault =
  | { code: 'type'; name: string }
  | { code: 'size'; name: string }
  | { code: 'empty'; name: string }
  | { code: 'name'; name: string }
  | { code: 'count'; allowed: number }

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)

/** Latin-1 text of bytes: ZIP entry names are ASCII in the files we accept. */
const latin1 = (bytes: Uint8Array) => {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return s
}

/**
 * What a file is by its first bytes (and, for a ZIP, the names in its central directory near the end):
 * null for anything else (an executable renamed `.pdf`, a plain ZIP, a macro-enabled document).
 */
export function sniffKind(head: Uint8Array, tail: Uint8Array): EvidenceKind | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const names = latin1(head) + latin1(tail)
    if (names.includes('word/document.xml') && names.includes('[Content_Types].xml')) {
      return names.includes('vbaProject.bin') ? null : 'docx'
    }
  }
  return null
}

/** A name with a directory in it (`../x.pdf`, `a/b.pdf`, `C:\x.pdf`) or control characters. */
export function badFileName(name: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  return !name || name.length > 255 || /[/\\\u0000-\u001f\u007f]/.test(name) || /^[A-Za-z]:/.test(name)
}

const HEAD = 4096
const TAIL = 65_536 + 22

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer())
}

/** Checks files to add to an order that already has `existing` attachments; the faults, or none. */
export async function checkEvidenceFiles(files: readonly File[], existing: number): Promise<FileFault[]> {
  const faults: FileFault[] = []
  if (existing + files.length > MAX_FILES_PER_ORDER) {
    faults.push({ code: 'count', allowed: Math.max(0, MAX_FILES_PER_ORDER - existing) })
  }
  for (const file of files) {
    if (badFileName(file.name)) {
      faults.push({ code: 'name', name: file.name })
      continue
    }
    if (file.size === 0) {
      faults.push({ code: 'empty', name: file.name })
      continue
    }
    if (file.size > MAX_FILE_BYTES) {
      faults.push({ code: 'size', name: file.name })
      continue
    }
    const head = await bytesOf(file.slice(0, HEAD))
    const tail =
      file.size > HEAD ? await bytesOf(file.slice(Math.max(HEAD, file.size - TAIL))) : new Uint8Array()
    if (!sniffKind(head, tail)) faults.push({ code: 'type', name: file.name })
  }
  return faults
}

/** A size for people: 1.2 MB, 340 KB. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`
  return `${bytes} B`
}
