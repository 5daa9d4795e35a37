// Addresses are personal data: kept sealed, keyed by a keyed hash of the address, shown masked.

/** The kit's FieldCipher, as far as this service uses it. */
export interface AddressCipher {
  encrypt(plain: string): string
  decrypt(sealed: string): string
  isEncrypted(value: string): boolean
  /** Keyed hash (HMAC), for ids and equality: without the key it cannot be checked against a guess. */
  hash(plain: string): string
}

/** A sealed value opened; a value from before encryption was introduced is returned as it is. */
export function openField(cipher: AddressCipher, value: string): string {
  return cipher.isEncrypted(value) ? cipher.decrypt(value) : value
}

export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase()
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
