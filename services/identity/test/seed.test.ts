import t from 'tap'
import { DEMO_DEPARTMENTS, DEMO_USERS, seed } from '../src/seed.ts'
import { identity, PASSWORD, TEST_SCRYPT } from './helpers.ts'

t.test('the seed creates the demo data once; a second run changes nothing', async (t) => {
  const { app, store, clock, seeded, tokenOf, auth, login } = await identity(t)
  t.equal(seeded.created, DEMO_DEPARTMENTS.length + DEMO_USERS.length)
  const admin = auth(await tokenOf('admin'))
  const before = (await app.inject({ url: '/api/v1/users?limit=200', headers: admin })).json().items
  const departmentsBefore = (await app.inject({ url: '/api/v1/departments', headers: admin })).json().items

  clock.advance(60_000)
  const again = await seed({ store, clock, scrypt: TEST_SCRYPT }, { password: 'another-password' })
  t.equal(again.created, 0)
  t.same(again.users, seeded.users)
  t.same(again.departments, seeded.departments)
  t.same((await app.inject({ url: '/api/v1/users?limit=200', headers: admin })).json().items, before)
  t.same((await app.inject({ url: '/api/v1/departments', headers: admin })).json().items, departmentsBefore)
  t.equal((await login('handler.traffic', PASSWORD)).statusCode, 200, 'passwords are not replaced')

  const byName = new Map(before.map((u: { username: string }) => [u.username, u]))
  t.match(byName.get('lead.exit-entry'), {
    roles: ['dept_lead'],
    departmentId: seeded.departments['exit-entry'],
    email: 'lead.exit-entry@staff.example.org',
  })
  t.match(byName.get('discipline'), {
    roles: ['discipline_officer'],
    departmentId: seeded.departments.discipline,
  })
  t.match(byName.get('operator'), { roles: ['hotline_operator'] })
  t.match(byName.get('pollster'), { roles: ['poll_manager'] })
  t.match(byName.get('callback'), { roles: ['callback_agent'] })
  t.equal(byName.size, 11)
})

t.test('the seed refuses a short password', async (t) => {
  const { store } = await identity(t)
  await t.rejects(seed({ store }, { password: 'short' }))
})
