import t from 'tap'
import {
  decideRefresh,
  newFamily,
  newRefreshToken,
  REFRESH_ABSOLUTE_MS,
  REFRESH_GRACE_MS,
  REFRESH_IDLE_MS,
  refreshTokenId,
  revoked,
  rotated,
  unseal,
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
  const [a, b, c] = [newRefreshToken(), newRefreshToken(), newRefreshToken()]
  const f = newFamily('u1', refreshTokenId(a), t0)
  t.same(decideRefresh(f, refreshTokenId(a), later(1000)), { kind: 'rotate' })
  const g = rotated(f, a, b, later(1000))
  t.equal(g.rotations, 1)
  t.equal(g.currentTokenId, refreshTokenId(b))
  const h = rotated(g, b, c, later(60_000))
  t.same(decideRefresh(h, refreshTokenId(a), later(60_001)), { kind: 'refuse', revoke: 'reuse' })
  t.same(decideRefresh(h, refreshTokenId(c), later(60_000 + REFRESH_IDLE_MS)), {
    kind: 'refuse',
    revoke: 'expired',
  })
  t.same(decideRefresh(revoked(h, 'logout', later(61_000)), refreshTokenId(c), later(62_000)), {
    kind: 'refuse',
    revoke: null,
  })
  const old = rotated(f, a, b, later(REFRESH_ABSOLUTE_MS - 60_000))
  t.equal(old.idleExpiresAt, f.absoluteExpiresAt, 'idle expiry never passes the absolute one')
})

t.test(
  'the token a rotation replaced answers the same next token for 20 s, then it is a reuse',
  async (t) => {
    t.equal(REFRESH_GRACE_MS, 20_000)
    const [a, b] = [newRefreshToken(), newRefreshToken()]
    const g = rotated(newFamily('u1', refreshTokenId(a), t0), a, b, later(1000))
    const within = decideRefresh(g, refreshTokenId(a), later(1000 + 20_000))
    t.equal(within.kind, 'grace')
    t.equal(
      within.kind === 'grace' && unseal(a, within.sealedCurrent),
      b,
      'the replaced token unseals the next',
    )
    t.same(decideRefresh(g, refreshTokenId(a), later(1000 + 20_001)), { kind: 'refuse', revoke: 'reuse' })
    t.notOk(JSON.stringify(g).includes(b), 'the next token is not stored in clear')
    t.equal(unseal(b, g.sealedCurrent ?? ''), null, 'no other token unseals it')
    t.equal(unseal(a, `${(g.sealedCurrent ?? '').slice(0, -2)}AA`), null, 'a changed seal is refused')
  },
)
