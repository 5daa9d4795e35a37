// UUID v7 (RFC 9562): 48-bit Unix milliseconds, then randomness; sortable by creation time.
import { randomBytes } from 'node:crypto'

let lastMs = 0
let seq = 0

/** A UUID v7. Monotonic within one process: ids minted in the same millisecond still sort in order. */
export function uuidv7(now: number = Date.now()): string {
  const bytes = randomBytes(16)
  if (now <= lastMs) {
    // same (or earlier, after a clock step back) millisecond: keep the time and count in rand_a
    seq = (seq + 1) & 0xfff
    if (seq === 0) lastMs += 1
    now = lastMs
  } else {
    lastMs = now
    seq = bytes.readUInt16BE(6) & 0x7ff // start low so that the counter has room
  }
  bytes.writeUIntBE(now, 0, 6)
  bytes[6] = 0x70 | ((seq >> 8) & 0x0f)
  bytes[7] = seq & 0xff
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
