// Issue 9 on tracking: the phone search is no oracle for masked numbers (clear-data roles only, a limit per
// user, an audit trail without the number); an assignment names a real, active department (by id or code)
// and an assignee of it; contact fields are sealed at rest on both adapters; tokens of revoked or
// deactivated staff are refused as soon as identity's event arrives.
import { MailboxEvents, ROLES } from '@tingjian/contracts'
import type { Role } from '@tingjian/kit'
import { eventually } from '@tingjian/testkit'
import t from 'tap'
import { caseIdFor } from '../src/domain/intake.ts'
import { letter } from './fixtures.ts'
import { departmentChanged, harness, trackingCode, userChanged } from './helpers.ts'

const PROBLEM = 'application/problem+json; charset=utf-8'
/** The brief (README, "Staff"): contact data in clear for these roles only; all others see masks. */
const CLEAR_ROLES: readonly Role[] = ['dispatcher', 'supervisor', 'hotline_operator']
const PHONE = '13900001111'

t.test(
  'search by phone: clear-data roles only, 10 per user and minute, audited without the number',
  async (t) => {
    const h = await harness(t)
    const { id } = await h.submit({ citizen: { phone: PHONE } })
    await h.submit({ citizen: { phone: '13700002222' } })
    const search = (role: Role, sub?: string, phone = '139-0000-1111') =>
      h.app.inject({
        method: 'GET',
        url: `/api/v1/cases?phone=${phone}`,
        headers: {
          authorization: `Bearer ${h.token(role, role === 'handler' || role === 'dept_lead' ? 'exit-entry' : null, sub)}`,
        },
      })

    let expectedRows = 0
    for (const role of ROLES) {
      const res = await search(role)
      expectedRows++
      if (CLEAR_ROLES.includes(role)) {
        t.equal(res.statusCode, 200, `${role} may search by phone`)
        t.same(
          res.json().items.map((c: { id: string }) => c.id),
          [id],
          `${role} finds the case`,
        )
      } else {
        t.equal(res.statusCode, 403, `${role} sees masked numbers: no search by phone`)
        t.equal(res.headers['content-type'], PROBLEM)
        t.equal(res.json().type, '/problems/phone-search-forbidden')
      }
    }
    // a masked role still lists cases without a phone filter
    const handlerList = await h.app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${h.token('callback_agent')}` },
    })
    t.equal(handlerList.statusCode, 200)

    // the limit: 10 per user and minute, counted for this user only; parallel requests cannot slip past it
    const sub = 'u-dispatcher-limit'
    const burst = await Promise.all(Array.from({ length: 25 }, () => search('dispatcher', sub)))
    expectedRows += burst.length
    const codes = burst.map((r) => r.statusCode)
    t.equal(codes.filter((c) => c === 200).length, 10, '10 searches answered')
    t.equal(codes.filter((c) => c === 429).length, 15, 'the other 15 refused')
    const limited = burst.find((r) => r.statusCode === 429)
    t.equal(limited?.headers['content-type'], PROBLEM)
    t.equal(limited?.json().type, '/problems/phone-search-limited')
    const other = await search('supervisor', 'u-supervisor-other')
    expectedRows++
    t.equal(other.statusCode, 200, 'another user is not limited by it')
    const list = await h.app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${h.token('dispatcher', null, sub)}` },
    })
    t.equal(list.statusCode, 200, 'lists without a phone are not limited')
    h.clock.advance(60_000)
    t.equal((await search('dispatcher', sub)).statusCode, 200, 'a minute later the user may search again')
    expectedRows++

    // the audit trail: one row per search by phone, readable by administrators, never the number
    const admin = { authorization: `Bearer ${h.token('admin')}` }
    const rows: Array<Record<string, unknown>> = []
    let cursor: string | null = null
    do {
      const page: string = cursor ? `&cursor=${cursor}` : ''
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/v1/audit/searches?limit=100${page}`,
        headers: admin,
      })
      t.equal(res.statusCode, 200)
      t.notOk(
        res.body.includes('00001111') || res.body.includes('0000-1111'),
        'no number in the audit answer',
      )
      const body: { items: Array<Record<string, unknown>>; nextCursor: string | null } = res.json()
      rows.push(...body.items)
      cursor = body.nextCursor
    } while (cursor)
    t.equal(rows.length, expectedRows, 'every search by phone is audited')
    const mine = rows.filter((r) => r.userId === sub)
    t.equal(mine.filter((r) => r.outcome === 'ok').length, 11)
    t.equal(mine.filter((r) => r.outcome === 'limited').length, 15)
    t.same(
      mine.filter((r) => r.outcome === 'ok').map((r) => r.results),
      Array(11).fill(1),
      'how many cases were found',
    )
    t.equal(rows.filter((r) => r.outcome === 'forbidden').length, ROLES.length - CLEAR_ROLES.length)
    const stored = await h.store.collection('phone_searches').find({}, { limit: 500 })
    t.equal(stored.items.length, expectedRows)
    t.notOk(/00001111|0000-1111/.test(JSON.stringify(stored.items)), 'the number is not stored')
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const res = await h.app.inject({
        method: 'GET',
        url: '/api/v1/audit/searches',
        headers: { authorization: `Bearer ${h.token(role)}` },
      })
      t.equal(res.statusCode, 403, `${role} does not read the audit trail`)
    }
    for (const line of h.lines)
      t.notOk(line.includes(PHONE) || line.includes('0000-1111'), 'no number in the logs')
  },
)

t.test('assignment: a real, active department by id or code, and an assignee of it', async (t) => {
  const h = await harness(t)
  const MONDAY = h.clock.now()
  await h.announce(
    departmentChanged('d-0193-cyber', 'cyber', '网络安全保卫总队', MONDAY),
    departmentChanged('d-closed', 'closed', '已撤销的处室', MONDAY, false),
  )
  await h.announce(
    userChanged('u-h-exit', ['handler'], 'exit-entry', MONDAY),
    userChanged('u-h-traffic', ['handler'], 'traffic', MONDAY),
    userChanged('u-h-gone', ['handler'], 'exit-entry', MONDAY, { active: false }),
  )
  await eventually(async () => (await h.staff.count({})) === 3)
  const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
  const { id } = await h.submit()
  const assign = (body: object) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/assign`,
      headers: dispatcher,
      payload: { version: 1, ...body },
    })
  const refused: Array<[string, object, string]> = [
    ['an unknown department', { departmentId: 'no-such-department' }, 'body/departmentId'],
    ['an inactive department', { departmentId: 'd-closed' }, 'body/departmentId'],
    ['an inactive department by code', { departmentId: 'closed' }, 'body/departmentId'],
    [
      'an unknown supporting department',
      { departmentId: 'exit-entry', supportingDepartmentIds: ['traffic', 'nowhere'] },
      'body/supportingDepartmentIds/1',
    ],
    [
      'an inactive supporting department',
      { departmentId: 'exit-entry', supportingDepartmentIds: ['d-closed'] },
      'body/supportingDepartmentIds/0',
    ],
    ['an unknown assignee', { departmentId: 'exit-entry', assigneeId: 'u-nobody' }, 'body/assigneeId'],
    [
      'an assignee of another department',
      { departmentId: 'exit-entry', assigneeId: 'u-h-traffic' },
      'body/assigneeId',
    ],
    ['a deactivated assignee', { departmentId: 'exit-entry', assigneeId: 'u-h-gone' }, 'body/assigneeId'],
  ]
  for (const [name, body, path] of refused) {
    const res = await assign(body)
    t.equal(res.statusCode, 422, name)
    t.equal(res.headers['content-type'], PROBLEM)
    t.equal(res.json().type, '/problems/invalid-assignment')
    t.same(
      res.json().errors.map((e: { path: string }) => e.path),
      [path],
      `${name}: the field is named`,
    )
  }
  t.equal((await h.cases.get(id))?.version, 1, 'refusals change nothing')

  const ok = await assign({ departmentId: 'cyber', supportingDepartmentIds: ['traffic'] })
  t.equal(ok.statusCode, 200, 'by code')
  t.match(ok.json(), { departmentId: 'd-0193-cyber', supportingDepartmentIds: ['traffic'] })
  const second = await h.submit()
  const withAssignee = await h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${second.id}/assign`,
    headers: dispatcher,
    payload: { version: 1, departmentId: 'exit-entry', assigneeId: 'u-h-exit' },
  })
  t.equal(withAssignee.statusCode, 200, 'an active assignee of the lead department')
  t.equal(withAssignee.json().assigneeId, 'u-h-exit')
})

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(`${kind}: contact fields are sealed at rest, opened only for clear-data roles`, async (t) => {
    const h = await harness(t, kind)
    const citizen = {
      name: '张三',
      phone: '13812345678',
      email: 'zhang@example.com',
      idNumber: '11010519491231002X',
    }
    const sealed = Object.fromEntries(Object.entries(citizen).map(([k, v]) => [k, h.cipher.encrypt(v)]))
    // as the mailbox sends it (version 2: sealed), and a letter from before sealing (version 1: in clear)
    const fresh = await h.submit({ citizen: sealed })
    const old = letter({ trackingCode: trackingCode() })
    await h.bus.publish(MailboxEvents.letterSubmittedV1.create({ subject: old.letterId, data: old }))
    const oldId = caseIdFor('mailbox', old.letterId)
    await eventually(async () => (await h.cases.get(oldId)) !== null)

    for (const caseId of [fresh.id, oldId]) {
      const stored = await h.cases.get(caseId)
      const text = JSON.stringify(stored)
      for (const value of Object.values(citizen)) t.notOk(text.includes(value), 'no contact field in clear')
      for (const field of Object.keys(citizen)) {
        t.match(stored?.citizen[field as keyof typeof citizen], /^tjf1:test1:/, `${field} sealed`)
      }
      const as = async (role: Role) =>
        (
          await h.app.inject({
            method: 'GET',
            url: `/api/v1/cases/${caseId}`,
            headers: { authorization: `Bearer ${h.token(role)}` },
          })
        ).json().citizen
      t.same(await as('dispatcher'), citizen, 'in clear for the dispatcher')
      t.same(
        await as('admin'),
        { name: '张*', phone: '138****5678', email: 'z***@example.com', idNumber: '1101**********002X' },
        'masked for others',
      )
    }
    const found = await h.app.inject({
      method: 'GET',
      url: '/api/v1/cases?phone=13812345678',
      headers: { authorization: `Bearer ${h.token('supervisor')}` },
    })
    t.same(
      found
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
      [fresh.id, oldId].sort(),
      'still found by phone (keyed hash)',
    )
  })
}

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(`${kind}: tokens of revoked or deactivated staff are refused once identity says so`, async (t) => {
    const h = await harness(t, kind)
    const get = (token: string) =>
      h.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { authorization: `Bearer ${token}` } })
    const before = h.token('dispatcher', null, 'u-revoked')
    const other = h.token('dispatcher', null, 'u-other')
    t.equal((await get(before)).statusCode, 200)
    // identity revokes the user's tokens (role change, password reset, logout): from one second from now
    const validAfter = new Date(Date.now() + 1000)
    await h.announce(
      userChanged('u-revoked', ['dispatcher'], null, h.clock.now(), {
        tokensValidAfter: validAfter.toISOString(),
      }),
    )
    const refused = await get(before)
    t.equal(refused.statusCode, 401, 'a token issued before the revocation is refused')
    t.equal(refused.headers['content-type'], PROBLEM)
    t.equal((await get(other)).statusCode, 200, 'other users are not affected')
    const after = h.tokenAt('dispatcher', null, 'u-revoked', validAfter.getTime() + 1)
    t.equal((await get(after)).statusCode, 200, 'a token issued after it works')

    await h.announce(
      userChanged('u-revoked', ['dispatcher'], null, new Date(h.clock.now().getTime() + 1000), {
        active: false,
      }),
    )
    t.equal((await get(after)).statusCode, 401, 'a deactivated user is refused')
  })
}
