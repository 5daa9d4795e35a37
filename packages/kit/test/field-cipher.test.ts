// Field encryption at rest: AES-256-GCM by key id, keyed hashes for search, rotation.
import { createDecipheriv } from 'node:crypto'
import t from 'tap'
import {
  ConfigError,
  FieldCipher,
  FieldDecryptError,
  fieldCipherOf,
  generateFieldKeys,
  loadConfig,
  parseFieldKeys,
  ServerConfig,
} from '../src/index.ts'

// Fixed keys, so that the test states what it expects: 32 bytes of 0x01, of 0x02, of 0x03.
const K1 = Buffer.alloc(32, 1).toString('base64')
const K2 = Buffer.alloc(32, 2).toString('base64')
const K3 = Buffer.alloc(32, 3).toString('base64url')
const PHONE = '13812345678'

t.test('FIELD_KEYS: the first entry is current; every key is 32 bytes', async (t) => {
  const ring = parseFieldKeys(`new:${K2}, old:${K1}`)
  t.equal(ring.currentKeyId, 'new')
  t.strictSame(Object.keys(ring.keys), ['new', 'old'])
  t.ok(ring.keys.old?.equals(Buffer.alloc(32, 1)))
  t.ok(parseFieldKeys(`u:${K3}`).keys.u?.equals(Buffer.alloc(32, 3)), 'url-safe base64 too')
  for (const bad of ['', 'nokey', `:${K1}`, `a:${Buffer.alloc(16).toString('base64')}`, `a:${K1},a:${K2}`]) {
    t.throws(() => fieldCipherOf({ FIELD_KEYS: bad }), ConfigError, `refused: ${bad.slice(0, 8)}…`)
  }
  const err = t.throws(() => fieldCipherOf({ FIELD_KEYS: `a:${K1},a:${K1}` })) as ConfigError
  t.notMatch(err.message, K1, 'the error never repeats a key')
  t.throws(() => fieldCipherOf({}), ConfigError, 'required')
  t.equal(fieldCipherOf({}, () => `fallback:${K1}`).currentKeyId, 'fallback', 'or from the fallback')
  t.match(generateFieldKeys('k7'), /^k7:[A-Za-z0-9+/]{43}=$/)
  t.equal(fieldCipherOf({ FIELD_KEYS: generateFieldKeys() }).currentKeyId, 'k1')
})

t.test('ServerConfig reads FIELD_KEYS once, and checks its shape', async (t) => {
  const c = loadConfig(ServerConfig, { PORT: '1', FIELD_KEYS: `k1:${K1}` })
  t.equal(c.FIELD_KEYS, `k1:${K1}`)
  t.throws(() => loadConfig(ServerConfig, { PORT: '1', FIELD_KEYS: 'k1' }), ConfigError)
})

t.test(
  'round trip: what is sealed opens to the same text; the text is not in the sealed value',
  async (t) => {
    const cipher = new FieldCipher(parseFieldKeys(`k1:${K1}`))
    t.equal(cipher.decrypt(cipher.encrypt('')), '', 'the empty string too')
    for (const plain of [PHONE, '张三', 'a@example.org', '🙂 line']) {
      const sealed = cipher.encrypt(plain)
      t.match(sealed, /^tjf1:k1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/, 'self-describing: version and key id')
      t.equal(cipher.isEncrypted(sealed), true)
      t.equal(cipher.decrypt(sealed), plain)
      t.notOk(sealed.includes(plain), 'no clear text inside')
    }
    t.not(cipher.encrypt(PHONE), cipher.encrypt(PHONE), 'a new IV every time')
    t.equal(cipher.isEncrypted(PHONE), false)
    t.equal(cipher.isEncrypted('tjf1:k1:short'), false)
    t.equal(cipher.isEncrypted(42), false)
  },
)

t.test('it is AES-256-GCM under the named key (opened here with node:crypto directly)', async (t) => {
  const cipher = new FieldCipher(parseFieldKeys(`k1:${K1}`))
  const [, keyId, iv, rest] = cipher.encrypt(PHONE).split(':') as [string, string, string, string]
  const body = Buffer.from(rest, 'base64url')
  const d = createDecipheriv('aes-256-gcm', Buffer.alloc(32, 1), Buffer.from(iv, 'base64url'))
  d.setAAD(Buffer.from(`tjf1:${keyId}`))
  d.setAuthTag(body.subarray(body.length - 16))
  t.equal(Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]).toString(), PHONE)
})

t.test('an unknown key id is refused', async (t) => {
  const sealed = new FieldCipher(parseFieldKeys(`k2:${K2}`)).encrypt(PHONE)
  const other = new FieldCipher(parseFieldKeys(`k1:${K1}`))
  t.throws(() => other.decrypt(sealed), {
    name: 'FastifyError',
    code: 'TJ_FIELD_DECRYPT',
    message: /unknown key id k2/,
  })
})

t.test('a tampered value is refused, whatever part is changed', async (t) => {
  const cipher = new FieldCipher(parseFieldKeys(`k1:${K1},k2:${K2}`))
  const sealed = cipher.encrypt(PHONE)
  const [prefix, keyId, iv, rest] = sealed.split(':') as [string, string, string, string]
  const flip = (s: string, at: number) => {
    const b = Buffer.from(s, 'base64url')
    b[at] = (b[at] as number) ^ 1
    return b.toString('base64url')
  }
  const cases: Array<[string, string]> = [
    ['ciphertext', `${prefix}:${keyId}:${iv}:${flip(rest, 0)}`],
    ['tag', `${prefix}:${keyId}:${iv}:${flip(rest, Buffer.from(rest, 'base64url').length - 1)}`],
    ['iv', `${prefix}:${keyId}:${flip(iv, 0)}:${rest}`],
    ['key id swapped for another known key', `${prefix}:k2:${iv}:${rest}`],
    ['truncated', `${prefix}:${keyId}:${iv}:${rest.slice(0, 22)}`],
  ]
  for (const [what, bad] of cases) {
    t.throws(() => cipher.decrypt(bad), FieldDecryptError, what)
  }
  t.throws(() => cipher.decrypt(PHONE), FieldDecryptError, 'clear text is not a sealed value')
})

t.test(
  'rotation: old values open; reseal moves them to the current key; hashes still find them',
  async (t) => {
    const before = new FieldCipher(parseFieldKeys(`k1:${K1}`))
    const old = before.encrypt(PHONE)
    const oldHash = before.hash(PHONE, 'phone')
    const after = new FieldCipher(parseFieldKeys(`k2:${K2},k1:${K1}`))
    t.equal(after.currentKeyId, 'k2')
    t.equal(after.decrypt(old), PHONE, 'a value sealed with the old key still opens')
    t.equal(after.needsReseal(old), true)
    const resealed = after.reseal(old)
    t.equal(after.keyIdOf(resealed), 'k2')
    t.equal(after.needsReseal(resealed), false)
    t.equal(after.reseal(resealed), resealed, 'a current value is left as it is')
    t.equal(after.decrypt(resealed), PHONE)
    t.throws(() => before.decrypt(resealed), FieldDecryptError, 'the old ring cannot open the new value')
    t.not(after.hash(PHONE, 'phone'), oldHash, 'new hashes use the new key')
    t.strictSame(
      after.hashes(PHONE, 'phone'),
      [after.hash(PHONE, 'phone'), oldHash],
      'search covers both keys',
    )
    t.equal(after.matches(PHONE, oldHash, 'phone'), true)
    t.equal(after.matches('13812345679', oldHash, 'phone'), false)
    const retired = new FieldCipher(parseFieldKeys(`k2:${K2}`))
    t.throws(() => retired.decrypt(old), FieldDecryptError, 'once k1 is dropped its values no longer open')
  },
)

t.test('the keyed hash: stable, keyed, separated by field, not the encryption key', async (t) => {
  const a = new FieldCipher(parseFieldKeys(`k1:${K1}`))
  const b = new FieldCipher(parseFieldKeys(`k1:${K2}`))
  t.match(a.hash(PHONE), /^[0-9a-f]{64}$/)
  t.equal(a.hash(PHONE, 'phone'), new FieldCipher(parseFieldKeys(`other:${K1}`)).hash(PHONE, 'phone'))
  t.not(a.hash(PHONE, 'phone'), b.hash(PHONE, 'phone'), 'another key, another hash')
  t.not(a.hash(PHONE, 'phone'), a.hash(PHONE, 'idNumber'), 'another field, another hash')
  const { createHmac } = await import('node:crypto')
  t.not(
    a.hash(PHONE, 'phone'),
    createHmac('sha256', Buffer.alloc(32, 1)).update('phone\0').update(PHONE).digest('hex'),
    'the hash key is derived, not the encryption key itself',
  )
})
