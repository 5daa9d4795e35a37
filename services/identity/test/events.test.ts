import { IdentityEvents } from '@tingjian/contracts'
import { eventually, PERSONAL_DATA } from '@tingjian/testkit'
import t from 'tap'
import { cookieToken, identity } from './helpers.ts'

t.test('every department and user change is published on the identity stream', async (t) => {
  const { app, tokenOf, auth, seeded, events, lines } = await identity(t)
  const seen = await events()
  await eventually(async () => seen.length >= 16, 20_000) // the seed: 6 departments, 10 users
  const admin = auth(await tokenOf('admin'))
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { ...admin, 'x-request-id': 'req-identity-events-1' },
    payload: {
      username: 'cyber.handler',
      displayName: '网监承办人',
      email: 'cyber.handler@staff.example.org',
      roles: ['handler'],
      departmentId: seeded.departments.cyber,
      password: 'a-long-password',
    },
  })
  t.equal(created.statusCode, 201)
  const id = created.json().id
  const event = await eventually(async () => seen.find((e) => e.subject === id))
  t.ok(IdentityEvents.userChanged.is(event))
  t.equal(event.correlationId, 'req-identity-events-1')
  t.match(event.data, {
    userId: id,
    username: 'cyber.handler',
    email: 'cyber.handler@staff.example.org',
    roles: ['handler'],
    departmentId: seeded.departments.cyber,
    active: true,
  })
  t.notOk('passwordHash' in (event.data as object))

  const renamed = await app.inject({
    method: 'PATCH',
    url: `/api/v1/departments/${seeded.departments.cyber}`,
    headers: admin,
    payload: { nameEn: 'Cyber Police Corps' },
  })
  t.equal(renamed.statusCode, 200)
  const dept = await eventually(async () =>
    seen.find((e) => IdentityEvents.departmentChanged.is(e) && e.data.nameEn === 'Cyber Police Corps'),
  )
  t.equal(dept.subject, seeded.departments.cyber)
  t.notOk(
    lines.some((l) => PERSONAL_DATA.test(l)),
    'no personal data in logs',
  )
})

t.test('distributed adapters: login, refresh and user-changed through Kafka and FerretDB', async (t) => {
  const { app, login, refresh, tokenOf, auth, seeded, events, lines, clock } = await identity(
    t,
    'distributed',
  )
  const first = await login('lead.traffic')
  t.equal(first.statusCode, 200)
  const token = cookieToken(first) ?? ''
  const rotated = await refresh(token)
  t.equal(rotated.statusCode, 200)
  clock.advance(21_000) // past the grace
  const reuse = await refresh(token)
  t.equal(reuse.statusCode, 401)

  const seen = await events()
  const admin = auth(await tokenOf('admin'))
  const changed = await app.inject({
    method: 'PATCH',
    url: `/api/v1/users/${seeded.users['lead.traffic']}`,
    headers: admin,
    payload: { displayName: '交警总队负责人' },
  })
  t.equal(changed.statusCode, 200)
  const event = await eventually(
    async () => seen.find((e) => IdentityEvents.userChanged.is(e) && e.data.displayName === '交警总队负责人'),
    60_000,
  )
  t.equal(event.subject, seeded.users['lead.traffic'])
  t.notOk(
    lines.some((l) => PERSONAL_DATA.test(l)),
    'no personal data in logs',
  )
})
