import t from 'tap'
import {
  decideRefresh,
  newFamily,
  newRefreshToken,
  REFRESH_ABSOLUTE_MS,
  REFRESH_IDLE_MS,
  refreshTokenId,
  revoked,
  rotated,
} from '../../src/domain/tokens.ts'

const t0 = new Date('2026-03-02T01:00:00Z')
const later = (ms: number) => new Date(t0.getTime() + ms)

t.test('refresh tokens are random and stored by hash', async (t) => {
  const a = newRefreshToken()
  t.match(a, /^[A-Za-z0-9_-]{43}$/)
  t.not(a, newRefreshToken())
  t.match(refreshTokenId(a), /^rt_[0-9a-f]{64}$/)
  t.notOk(refreshTokenId(a).includes(a))
})

t.test('the current token rotates; an earlier one is a reuse; expiry and revocation refuse', async (t) => {
  const f = newFamily('u1', 'rt_1', t0)
  t.same(decideRefresh(f, 'rt_1', later(1000)), { kind: 'rotate' })
  const g = rotated(f, 'rt_2', later(1000))
  t.equal(g.rotations, 1)
  t.same(decideRefresh(g, 'rt_1', later(2000)), { kind: 'refuse', revoke: 'reuse' })
  t.same(decideRefresh(g, 'rt_2', later(1000 + REFRESH_IDLE_MS)), { kind: 'refuse', revoke: 'expired' })
  t.same(decideRefresh(revoked(g, 'logout', later(3000)), 'rt_2', later(4000)), {
    kind: 'refuse',
    revoke: null,
  })
  const old = rotated(f, 'rt_3', later(REFRESH_ABSOLUTE_MS - 60_000))
  t.equal(old.idleExpiresAt, f.absoluteExpiresAt, 'idle expiry never passes the absolute one')
})
