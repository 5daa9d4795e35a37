// Staff whom identity deactivated, or whose tokens it revoked (logout, new roles, new password), lose the
// deliveries API at once: the service learns it from identity's events, not when the token expires.
import { REVOCATIONS_COLLECTION } from '@tingjian/kit'
import { eventually, uniqueName } from '@tingjian/testkit'
import t from 'tap'
import { notifications, staffAddress, userChanged } from './helpers.ts'

const URL = '/api/v1/notifications/deliveries'

t.test('a deactivated or revoked admin is refused; an unchanged one is not', async (t) => {
  const { app, bus, store, jwt } = await notifications(t)
  const bearer = (sub: string) => ({ authorization: `Bearer ${jwt.token({ sub, roles: ['admin'] })}` })
  const [deactivated, revoked, unchanged] = [uniqueName('u'), uniqueName('u'), uniqueName('u')]
  const tokens = { deactivated: bearer(deactivated), revoked: bearer(revoked), unchanged: bearer(unchanged) }
  for (const headers of Object.values(tokens))
    t.equal((await app.inject({ url: URL, headers })).statusCode, 200, 'allowed before')

  const later = new Date(Date.now() + 1_000).toISOString()
  await bus.publish(
    userChanged({
      userId: deactivated,
      email: staffAddress('a'),
      roles: ['admin'],
      departmentId: null,
      active: false,
    }),
  )
  await bus.publish(
    userChanged({
      userId: revoked,
      email: staffAddress('b'),
      roles: ['admin'],
      departmentId: null,
      tokensValidAfter: later,
    }),
  )
  // the last event is the unchanged admin's: once it is applied, so are the others (one stream, in order)
  await bus.publish(
    userChanged({ userId: unchanged, email: staffAddress('c'), roles: ['admin'], departmentId: null }),
  )
  await eventually(
    async () => (await store.collection(REVOCATIONS_COLLECTION).get(unchanged)) !== null,
    10_000,
  )
  t.equal(
    (await app.inject({ url: URL, headers: tokens.deactivated })).statusCode,
    401,
    'deactivated: refused',
  )
  t.equal((await app.inject({ url: URL, headers: tokens.revoked })).statusCode, 401, 'revoked: refused')
  const fine = await app.inject({ url: URL, headers: tokens.unchanged })
  t.equal(fine.statusCode, 200, 'an admin identity did not revoke keeps access')
  const refused = await app.inject({ url: URL, headers: tokens.deactivated })
  t.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8')
})
