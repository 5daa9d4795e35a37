// Addresses are personal data: records are keyed by a hash of the address, and shown masked.
import { createHash } from 'node:crypto'

export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase()
}

/** A stable, non-reversible key of an address (for ids and "search by hash"). */
export function addressHash(address: string): string {
  return createHash('sha256').update(normaliseAddress(address)).digest('hex')
}

/** `zhang.san@example.com` → `z***@example.com`; anything unlike an address → `***`. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@')
  if (at < 1) return '***'
  return `${address[0]}***${address.slice(at)}`
}

/** The delivery id: one per (event, channel, recipient), so that a redelivered event finds its record. */
export function deliveryId(eventId: string, channel: string, recipientHash: string): string {
  return `${eventId}:${channel}:${recipientHash.slice(0, 32)}`
}
