import t from 'tap'
import { identity } from '../helpers.ts'

t.test('any staff member lists departments; only admins change them', async (t) => {
  const { app, tokenOf, auth, seeded } = await identity(t)
  const handler = auth(await tokenOf('handler.traffic'))
  const list = await app.inject({ url: '/api/v1/departments', headers: handler })
  t.equal(list.statusCode, 200)
  t.same(
    list.json().items.map((d: { code: string }) => d.code),
    ['cyber', 'discipline', 'exit-entry', 'fire', 'office', 'traffic'],
  )
  const traffic = list.json().items.find((d: { code: string }) => d.code === 'traffic')
  t.match(traffic, {
    id: seeded.departments.traffic,
    name: '交警总队',
    nameEn: 'Traffic Police Corps',
    active: true,
  })
  t.equal((await app.inject({ url: '/api/v1/departments' })).statusCode, 401)

  const create = { code: 'patrol', name: '巡警总队' }
  const refused = await app.inject({
    method: 'POST',
    url: '/api/v1/departments',
    headers: handler,
    payload: create,
  })
  t.equal(refused.statusCode, 403)
  const id = seeded.departments.fire
  for (const [method, payload] of [
    ['PATCH', { name: 'x' }],
    ['DELETE', undefined],
  ] as const) {
    const res = await app.inject({ method, url: `/api/v1/departments/${id}`, headers: handler, payload })
    t.equal(res.statusCode, 403, method)
  }
})

t.test('admins create, move, rename and deactivate departments', async (t) => {
  const { app, tokenOf, auth, seeded } = await identity(t)
  const admin = auth(await tokenOf('admin'))
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/departments',
    headers: admin,
    payload: { code: 'traffic-east', name: '交警东区支队', parentId: seeded.departments.traffic },
  })
  t.equal(created.statusCode, 201)
  const east = created.json()
  t.match(east, {
    code: 'traffic-east',
    parentId: seeded.departments.traffic,
    nameEn: null,
    active: true,
    version: 1,
  })

  const renamed = await app.inject({
    method: 'PATCH',
    url: `/api/v1/departments/${east.id}`,
    headers: admin,
    payload: { nameEn: 'East Traffic Division', version: 1 },
  })
  t.equal(renamed.statusCode, 200)
  t.equal(renamed.json().nameEn, 'East Traffic Division')
  t.equal(renamed.json().version, 2)
  const stale = await app.inject({
    method: 'PATCH',
    url: `/api/v1/departments/${east.id}`,
    headers: admin,
    payload: { name: '东区', version: 1 },
  })
  t.equal(stale.statusCode, 409, 'a stale version is refused')

  const parentBusy = await app.inject({
    method: 'DELETE',
    url: `/api/v1/departments/${seeded.departments.traffic}`,
    headers: admin,
  })
  t.equal(parentBusy.statusCode, 409, 'a department with active children stays')
  const off = await app.inject({ method: 'DELETE', url: `/api/v1/departments/${east.id}`, headers: admin })
  t.equal(off.statusCode, 200)
  t.equal(off.json().active, false)
  const active = await app.inject({ url: '/api/v1/departments?active=true', headers: admin })
  t.notOk(active.json().items.some((d: { id: string }) => d.id === east.id))
  t.equal((await app.inject({ url: '/api/v1/departments/nope', headers: admin })).statusCode, 404)
})

t.test('cycles, unknown parents and duplicate codes are refused with 409', async (t) => {
  const { app, tokenOf, auth, seeded } = await identity(t)
  const admin = auth(await tokenOf('admin'))
  const post = (payload: object) =>
    app.inject({ method: 'POST', url: '/api/v1/departments', headers: admin, payload })
  const a = (await post({ code: 'a', name: 'A', parentId: seeded.departments.office })).json()
  const b = (await post({ code: 'b', name: 'B', parentId: a.id })).json()
  const c = (await post({ code: 'c', name: 'C', parentId: b.id })).json()

  const patch = (id: string, payload: object) =>
    app.inject({ method: 'PATCH', url: `/api/v1/departments/${id}`, headers: admin, payload })
  const cycle = await patch(a.id, { parentId: c.id })
  t.equal(cycle.statusCode, 409)
  t.equal(cycle.json().type, '/problems/department-cycle')
  t.equal((await patch(a.id, { parentId: a.id })).statusCode, 409, 'its own parent')
  t.equal((await patch(c.id, { parentId: seeded.departments.fire })).statusCode, 200, 'a legal move')

  const orphan = await post({ code: 'orphan', name: 'O', parentId: 'no-such-department' })
  t.equal(orphan.statusCode, 409)
  t.equal(orphan.json().type, '/problems/unknown-department')
  const duplicate = await post({ code: 'traffic', name: '又一个交警总队' })
  t.equal(duplicate.statusCode, 409)
  t.equal(duplicate.json().type, '/problems/duplicate')
  t.equal((await patch(c.id, { code: 'fire' })).statusCode, 409, 'renaming onto a used code')
})

t.test('bad department input is a 400 problem', async (t) => {
  const { app, tokenOf, auth, seeded } = await identity(t)
  const admin = auth(await tokenOf('admin'))
  for (const payload of [
    {},
    { code: 'Upper', name: 'x' },
    { code: 'ok', name: '' },
    { code: 'ok', name: 'line\nbreak' },
    { code: 'ok', name: 'para\u2029graph' },
    { code: 'ok', name: '\u200B\uFEFF' },
    { code: 'ok', name: '交警', nameEn: 'Traffic\u061C' },
    { code: 'ok', name: ' ' },
    { code: 'ok', name: 'x', extra: true },
    { code: { $gt: '' }, name: 'x' },
  ]) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: admin, payload })
    // escaped: a raw line or paragraph separator would break the TAP output
    const what = JSON.stringify(payload).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    t.equal(res.statusCode, 400, what)
    t.equal(res.json().type, '/problems/validation', what)
  }
  const list = await app.inject({ url: '/api/v1/departments', headers: admin })
  t.notOk(
    list.json().items.some((d: { code: string }) => d.code === 'ok'),
    'nothing was created',
  )
  const empty = await app.inject({
    method: 'PATCH',
    url: `/api/v1/departments/${seeded.departments.fire}`,
    headers: admin,
    payload: {},
  })
  t.equal(empty.statusCode, 400)
})
