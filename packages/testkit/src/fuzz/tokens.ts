// Staff tokens: valid ones per role, and the broken, forged and odd variants an attacker tries.
import { generateKeyPairSync } from 'node:crypto'
import { ROLES, type Role } from '@tingjian/kit'
import { createSigner } from 'fast-jwt'
import type { FuzzTarget } from './target.ts'

export interface Signers {
  valid: (role: Role) => string
  variants: (role: Role) => Array<[string, string | string[], 'invalid' | 'unsure']>
}

export function signers(target: FuzzTarget): Signers {
  const { jwt } = target
  const key = jwt.privateKey
  if (!key) throw new Error('fuzz: the jwt config needs its private key to sign test tokens')
  const base = { key, algorithm: 'EdDSA' as const, iss: jwt.issuer, aud: jwt.audience }
  const sign = createSigner({ ...base, expiresIn: 15 * 60_000 })
  const expired = createSigner({ ...base, expiresIn: 60_000, clockTimestamp: Date.now() - 3_600_000 })
  const wrongAudience = createSigner({ ...base, aud: 'someone-else', expiresIn: 60_000 })
  const wrongIssuer = createSigner({ ...base, iss: 'someone-else', expiresIn: 60_000 })
  const otherKey = createSigner({
    ...base,
    key: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    expiresIn: 60_000,
  })
  const claims = (role: Role) => {
    const s = target.staff(role)
    return { sub: s.sub, username: s.sub, roles: [role], departmentId: s.departmentId ?? null }
  }
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  // signed once per role and reused for a few minutes: signing on every request costs more than the request
  const cached = <T>(make: (role: Role) => T) => {
    const memo = new Map<Role, { at: number; value: T }>()
    return (role: Role): T => {
      const hit = memo.get(role)
      if (hit && Date.now() - hit.at < 5 * 60_000) return hit.value
      const value = make(role)
      memo.set(role, { at: Date.now(), value })
      return value
    }
  }
  return {
    valid: cached((role) => sign(claims(role))),
    variants: cached((role) => {
      const good = sign(claims(role))
      const [h, p, sig] = good.split('.')
      const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<string, unknown>
      const { sub: _sub, ...withoutSub } = claims(role)
      return [
        ['no token', '', 'invalid'],
        ['an empty bearer', 'Bearer ', 'invalid'],
        ['garbage', `Bearer ${'x'.repeat(40)}`, 'invalid'],
        ['basic auth', 'Basic YWRtaW46YWRtaW4=', 'invalid'],
        ['the token without Bearer', good, 'invalid'],
        ['a tampered signature', `Bearer ${h}.${p}.${(sig ?? '').slice(0, -4)}AAAA`, 'invalid'],
        ['a tampered payload', `Bearer ${h}.${b64({ ...payload, roles: [...ROLES] })}.${sig}`, 'invalid'],
        ['alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${p}.`, 'invalid'],
        ['alg HS256', `Bearer ${b64({ alg: 'HS256', typ: 'JWT' })}.${p}.${sig}`, 'invalid'],
        ['another key', `Bearer ${otherKey(claims(role))}`, 'invalid'],
        ['expired', `Bearer ${expired(claims(role))}`, 'invalid'],
        ['another audience', `Bearer ${wrongAudience(claims(role))}`, 'invalid'],
        ['another issuer', `Bearer ${wrongIssuer(claims(role))}`, 'invalid'],
        ['no subject', `Bearer ${sign(withoutSub)}`, 'invalid'],
        ['a huge token', `Bearer ${'a'.repeat(9000)}.${'b'.repeat(9000)}.c`, 'invalid'],
        ['two authorization headers', [`Bearer ${good}`, 'Bearer x'], 'unsure'],
        // well signed, but with claims identity never issues: the kit refuses them
        ['roles as a string', `Bearer ${sign({ ...claims(role), roles: role })}`, 'invalid'],
        ['no roles', `Bearer ${sign({ ...claims(role), roles: undefined })}`, 'invalid'],
        ['roles with an operator', `Bearer ${sign({ ...claims(role), roles: [{ $gt: '' }] })}`, 'invalid'],
        [
          'a department id object',
          `Bearer ${sign({ ...claims(role), departmentId: { $ne: null } })}`,
          'invalid',
        ],
        ['a subject object', `Bearer ${sign({ ...claims(role), sub: { $gt: '' } })}`, 'invalid'],
      ]
    }),
  }
}
