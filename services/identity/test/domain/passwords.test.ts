import t from 'tap'
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from '../../src/domain/passwords.ts'

t.test('scrypt hashes are self-describing, salted and verified', async (t) => {
  const hash = await hashPassword('correct horse battery')
  t.match(hash, new RegExp(`^scrypt\\$${DEFAULT_SCRYPT.N}\\$8\\$1\\$[A-Za-z0-9_-]{22}\\$[A-Za-z0-9_-]{43}$`))
  t.not(await hashPassword('correct horse battery'), hash, 'a salt per hash')
  t.ok(await verifyPassword('correct horse battery', hash))
  t.notOk(await verifyPassword('correct horse batterY', hash))
  const cheap = await hashPassword('pw-1234567890', { N: 1024, r: 8, p: 1 })
  t.ok(await verifyPassword('pw-1234567890', cheap), 'parameters are read from the hash')
})

t.test('malformed or hostile stored hashes never match', async (t) => {
  for (const stored of [
    '',
    'plain',
    'scrypt$1$8$1$c2FsdHNhbHQ$aGFzaA',
    `scrypt$${2 ** 30}$8$1$c2FsdHNhbHRzYWx0$${'A'.repeat(43)}`,
    'bcrypt$x',
  ]) {
    t.notOk(await verifyPassword('x', stored), stored.slice(0, 20))
  }
})
