// Field-level encryption of personal data at rest (names, phones, ID numbers, e-mail addresses), in the
// store and in the events: AES-256-GCM with a key chosen by id from a keyring, so that keys can rotate.
// Equality search goes through a keyed hash (HMAC-SHA256 under a key derived by HKDF), never the text.
//
// Configuration: FIELD_KEYS = `kid1:<base64 of 32 bytes>,kid0:<…>` — the FIRST entry is the current key
// (new values are sealed with it); the others only open older values. To rotate, put a new key first and
// keep the old ones until every stored value has been resealed (`reseal`).
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'
import createError from '@fastify/error'
import Type from 'typebox'
import { ConfigError } from './config.ts'

/** Version prefix of a sealed value; a new format gets a new prefix, and `decrypt` keeps reading the old. */
export const FIELD_CIPHER_PREFIX = 'tjf1'
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/
const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
/** `tjf1:<key id>:<iv>:<ciphertext then tag>`, base64url parts. */
const SEALED = /^tjf1:([A-Za-z0-9_-]{1,32}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22,})$/

export const FieldKeyError = createError('TJ_FIELD_KEY', 'Field encryption: %s', 500)
export const FieldDecryptError = createError('TJ_FIELD_DECRYPT', 'Field encryption: %s', 500)

export interface FieldKeyring {
  /** Seals new values; must be one of `keys`. */
  currentKeyId: string
  /** Every key that may have sealed a stored value: id → 32 bytes. */
  keys: Record<string, Buffer>
}

/** The FIELD_KEYS variable: comma-separated `keyId:base64key` (standard or url-safe base64), first current. */
export const FieldKeysConfig = Type.Object({
  FIELD_KEYS: Type.Optional(
    Type.String({
      pattern:
        '^ *[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/_=-]{43,44}( *, *[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/_=-]{43,44})* *$',
      description:
        'keys of personal-data fields at rest: kid:base64(32 bytes), comma-separated, the first seals new values',
    }),
  ),
})

/** Parses FIELD_KEYS. Throws FieldKeyError (naming the entry, never the key) when it is malformed. */
export function parseFieldKeys(spec: string): FieldKeyring {
  const keys: Record<string, Buffer> = {}
  let currentKeyId: string | undefined
  for (const [i, raw] of spec.split(',').entries()) {
    const entry = raw.trim()
    const colon = entry.indexOf(':')
    const id = colon > 0 ? entry.slice(0, colon) : ''
    if (!KEY_ID.test(id)) throw new FieldKeyError(`entry ${i + 1} has no valid key id`)
    if (keys[id]) throw new FieldKeyError(`key id ${id} appears twice`)
    const key = Buffer.from(entry.slice(colon + 1), 'base64')
    if (key.length !== KEY_BYTES) throw new FieldKeyError(`key ${id} is not ${KEY_BYTES} bytes of base64`)
    keys[id] = key
    currentKeyId ??= id
  }
  if (!currentKeyId) throw new FieldKeyError('no key')
  return { currentKeyId, keys }
}

/** A new FIELD_KEYS value with one random key (for a first start on one machine, or a rotation). */
export function generateFieldKeys(keyId = 'k1'): string {
  if (!KEY_ID.test(keyId)) throw new FieldKeyError('invalid key id')
  return `${keyId}:${randomBytes(KEY_BYTES).toString('base64')}`
}

const b64 = (b: Buffer) => b.toString('base64url')

export class FieldCipher {
  readonly currentKeyId: string
  readonly #keys: ReadonlyMap<string, Buffer>
  /** Per key id: the HMAC key for `hash`, derived so that it never equals the encryption key. */
  readonly #hashKeys: ReadonlyMap<string, Buffer>

  constructor(keyring: FieldKeyring) {
    const keys = new Map<string, Buffer>()
    const hashKeys = new Map<string, Buffer>()
    for (const [id, key] of Object.entries(keyring.keys)) {
      if (!KEY_ID.test(id)) throw new FieldKeyError('invalid key id')
      if (key.length !== KEY_BYTES) throw new FieldKeyError(`key ${id} is not ${KEY_BYTES} bytes`)
      keys.set(id, Buffer.from(key))
      hashKeys.set(id, Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'tingjian field hash v1', 32)))
    }
    if (!keys.has(keyring.currentKeyId)) throw new FieldKeyError('the current key id is not in the keyring')
    this.currentKeyId = keyring.currentKeyId
    this.#keys = keys
    this.#hashKeys = hashKeys
  }

  /** From a FIELD_KEYS value. */
  static fromConfig(spec: string): FieldCipher {
    return new FieldCipher(parseFieldKeys(spec))
  }

  /** Seals a value with the current key: `tjf1:<keyId>:<iv>:<ciphertext+tag>`; a new random IV each time. */
  encrypt(plain: string): string {
    const key = this.#keys.get(this.currentKeyId) as Buffer
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    // the prefix and key id are authenticated: a value cannot be passed off under another key id
    cipher.setAAD(Buffer.from(`${FIELD_CIPHER_PREFIX}:${this.currentKeyId}`))
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()])
    return `${FIELD_CIPHER_PREFIX}:${this.currentKeyId}:${b64(iv)}:${b64(body)}`
  }

  /** True when the value has the shape of a sealed value (it says nothing about which key sealed it). */
  isEncrypted(value: unknown): value is string {
    return typeof value === 'string' && SEALED.test(value)
  }

  /** The key id a sealed value names, or null when it is not a sealed value. */
  keyIdOf(value: string): string | null {
    return SEALED.exec(value)?.[1] ?? null
  }

  /** Opens a sealed value with the key it names. Throws FieldDecryptError when unknown, altered or not sealed. */
  decrypt(sealed: string): string {
    const m = SEALED.exec(sealed)
    if (!m) throw new FieldDecryptError('not an encrypted value')
    const [, keyId, iv, rest] = m as unknown as [string, string, string, string]
    const key = this.#keys.get(keyId)
    if (!key) throw new FieldDecryptError(`unknown key id ${keyId}`)
    const body = Buffer.from(rest, 'base64url')
    if (body.length < TAG_BYTES) throw new FieldDecryptError('the value is truncated')
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAAD(Buffer.from(`${FIELD_CIPHER_PREFIX}:${keyId}`))
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES))
      return Buffer.concat([
        decipher.update(body.subarray(0, body.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8')
    } catch {
      throw new FieldDecryptError('the value was altered or sealed with another key')
    }
  }

  /** True when the value is sealed with a key other than the current one (rotation has work to do). */
  needsReseal(sealed: string): boolean {
    const keyId = this.keyIdOf(sealed)
    return keyId !== null && keyId !== this.currentKeyId
  }

  /** Rotation: a value sealed with an older key, opened and sealed again with the current one. */
  reseal(sealed: string): string {
    return this.needsReseal(sealed) ? this.encrypt(this.decrypt(sealed)) : sealed
  }

  /**
   * A keyed hash for equality search (hex HMAC-SHA256 under the current key's hash key). `field` separates
   * kinds of values (a phone and an ID number with the same digits hash differently). Normalise first.
   */
  hash(plain: string, field = ''): string {
    return this.#hashWith(this.currentKeyId, plain, field)
  }

  /**
   * The hashes of a value under every key of the ring, the current one first: search with `$in` of these
   * while documents hashed under an older key remain (after a rotation, until they are resealed).
   */
  hashes(plain: string, field = ''): string[] {
    const ids = [this.currentKeyId, ...[...this.#hashKeys.keys()].filter((id) => id !== this.currentKeyId)]
    return ids.map((id) => this.#hashWith(id, plain, field))
  }

  /** Constant-time comparison of a value with a stored hash of any key. */
  matches(plain: string, storedHash: string, field = ''): boolean {
    const stored = Buffer.from(storedHash, 'utf8')
    return this.hashes(plain, field).some((h) => {
      const mine = Buffer.from(h, 'utf8')
      return mine.length === stored.length && timingSafeEqual(mine, stored)
    })
  }

  #hashWith(keyId: string, plain: string, field: string): string {
    const key = this.#hashKeys.get(keyId) as Buffer
    return createHmac('sha256', key).update(field).update('\0').update(plain, 'utf8').digest('hex')
  }
}

/**
 * The cipher of FIELD_KEYS (ServerConfig reads it); without it, the keys `fallback` gives (on one machine:
 * kept in its secrets file, made with generateFieldKeys on first start). Throws ConfigError otherwise.
 */
export function fieldCipherOf(
  config: { FIELD_KEYS?: string | undefined },
  fallback?: () => string,
): FieldCipher {
  const spec = config.FIELD_KEYS ?? fallback?.()
  if (!spec) throw new ConfigError([{ variable: 'FIELD_KEYS', problem: 'is required (see FieldKeysConfig)' }])
  try {
    return FieldCipher.fromConfig(spec)
  } catch (err) {
    const problem = err instanceof FieldKeyError ? `is invalid: ${err.message}` : 'is invalid'
    throw new ConfigError([{ variable: 'FIELD_KEYS', problem }])
  }
}
