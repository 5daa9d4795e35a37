// The work queues: GET /cases/queues counts what GET /cases?queue= lists, within what the caller may see;
// "due soon" in working days (holidays, regions); the staff view's actions over HTTP.
import type { Role } from '@tingjian/kit'
import t from 'tap'
import { QUEUES, type Queue } from '../src/queues.ts'
import { PublishedCalendar } from '../src/working-days.ts'
import { type Harness, harness } from './helpers.ts'

type Headers = Record<string, string>

function client(h: Harness) {
  const as = (role: Role, dept: string | null = null): Headers => ({
    authorization: `Bearer ${h.token(role, dept)}`,
  })
  const act = async (headers: Headers, id: string, action: string, body: object = {}) => {
    const version = (await h.cases.get(id))?.version
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/${action}`,
      headers,
      payload: { version, ...body },
    })
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`)
    return res.json()
  }
  const counts = async (headers: Headers): Promise<Record<Queue, number>> => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/cases/queues', headers })
    if (res.statusCode !== 200) throw new Error(`queues: ${res.statusCode} ${res.body}`)
    return res.json().counts
  }
  /** Every id of a queue, walking the pages. */
  const list = async (headers: Headers, query: string, limit = 2): Promise<string[]> => {
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const qs: string = `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      const res = await h.app.inject({ method: 'GET', url: `/api/v1/cases?${qs}`, headers })
      if (res.statusCode !== 200) throw new Error(`list: ${res.statusCode} ${res.body}`)
      const body = res.json()
      ids.push(...body.items.map((c: { id: string }) => c.id))
      cursor = body.nextCursor
    } while (cursor)
    return ids.sort()
  }
  return { as, act, counts, list }
}

t.test('queue counts and lists, per caller', async (t) => {
  const h = await harness(t)
  const { as, act, counts, list } = client(h)
  const dispatcher = as('dispatcher')
  const exitHandler = as('handler', 'exit-entry')
  const exitLead = as('dept_lead', 'exit-entry')
  const trafficHandler = as('handler', 'traffic')
  const trafficLead = as('dept_lead', 'traffic')

  const zero = Object.fromEntries(QUEUES.map((q) => [q, 0]))
  t.same(await counts(dispatcher), zero, 'nothing yet')

  // Monday 2 March 2026, 09:00 Shanghai. Complaints are due in 7 working days (11 March), consultations
  // in 3 (Thursday 5 March).
  const a = (await h.submit()).id
  const b = (await h.submit()).id
  await act(dispatcher, b, 'assign', { departmentId: 'exit-entry' })
  const c = (await h.submit()).id
  await act(dispatcher, c, 'assign', { departmentId: 'exit-entry' })
  await act(exitHandler, c, 'sign')
  await act(exitHandler, c, 'extension', { days: 3, reason: '需调查' })
  const d = (await h.submit()).id
  await act(dispatcher, d, 'assign', { departmentId: 'exit-entry', supportingDepartmentIds: ['traffic'] })
  await act(exitHandler, d, 'sign')
  await act(exitHandler, d, 'reply', { text: '答复' })
  const e = (await h.submit()).id
  await act(dispatcher, e, 'assign', { departmentId: 'traffic' })
  const returned = await act(trafficLead, e, 'return', { reason: '不属本部门' })
  t.match(returned.returned, { departmentId: 'traffic', reason: '不属本部门' })
  const f = (await h.submit({ category: 'consultation' })).id
  await act(dispatcher, f, 'assign', { departmentId: 'traffic' })

  const expected = async (headers: Headers, want: Record<Queue, string[]>, label: string) => {
    const got = await counts(headers)
    for (const q of QUEUES) {
      t.equal(got[q], want[q].length, `${label}: ${q} count`)
      t.same(await list(headers, `queue=${q}`), [...want[q]].sort(), `${label}: ${q} list`)
    }
  }
  const none: Record<Queue, string[]> = Object.fromEntries(QUEUES.map((q) => [q, []])) as never
  await expected(
    dispatcher,
    {
      to_accept: [a, e],
      to_sign: [b, f],
      in_progress: [c],
      due_soon: [],
      overdue: [],
      reply_review: [d],
      returned: [e],
      extension_requested: [c],
    },
    'dispatcher, Monday',
  )
  const exitView = { ...none, to_sign: [b], in_progress: [c], reply_review: [d], extension_requested: [c] }
  await expected(exitHandler, exitView, 'exit-entry handler')
  await expected(exitLead, exitView, 'exit-entry lead')
  // traffic supports d (reply_review); e went back to the dispatcher, so traffic no longer sees it
  await expected(trafficHandler, { ...none, to_sign: [f], reply_review: [d] }, 'traffic handler')
  await expected(as('handler', 'cyber'), none, 'a handler of a department with no cases sees 0')
  await expected(as('handler', null), none, 'a handler without a department sees 0')
  await expected(
    as('supervisor'),
    {
      to_accept: [a, e],
      to_sign: [b, f],
      in_progress: [c],
      due_soon: [],
      overdue: [],
      reply_review: [d],
      returned: [e],
      extension_requested: [c],
    },
    'supervisor sees all',
  )

  // Tuesday: f (due Thursday) is within two working days
  h.clock.set('2026-03-03T02:00:00Z')
  t.equal((await counts(dispatcher)).due_soon, 1)
  t.same(await list(dispatcher, 'queue=due_soon'), [f])
  t.equal((await counts(trafficHandler)).due_soon, 1)
  t.equal((await counts(exitHandler)).due_soon, 0, 'another department’s due case: 0')

  // Friday 6 March: f is overdue, no longer due soon; Monday 9 March: b, c, d (due 11 March) are due soon,
  // and so is e: a returned case keeps the time limit that runs since its first acceptance
  h.clock.set('2026-03-06T02:00:00Z')
  t.match(await counts(dispatcher), { due_soon: 0, overdue: 1 })
  t.same(await list(dispatcher, 'queue=overdue'), [f])
  t.match(await counts(exitHandler), { due_soon: 0, overdue: 0 })
  h.clock.set('2026-03-09T02:00:00Z')
  t.match(await counts(dispatcher), { due_soon: 4, overdue: 1 })
  t.same(await list(dispatcher, 'queue=due_soon'), [b, c, d, e].sort())
  t.match(await counts(exitHandler), { due_soon: 3, overdue: 0 })

  // combined with the other filters
  t.same(await list(dispatcher, 'queue=to_sign&departmentId=traffic'), [f])
  t.same(await list(dispatcher, 'queue=to_sign&status=closed'), [])
  t.same(await list(dispatcher, 'queue=due_soon&overdue=true'), [])
  t.same(await list(dispatcher, 'queue=overdue&overdue=true'), [f])

  // decisions leave the queues
  await act(exitLead, c, 'extension/approve')
  t.equal((await counts(dispatcher)).extension_requested, 0)
  await act(dispatcher, e, 'assign', { departmentId: 'exit-entry' })
  t.match(await counts(dispatcher), { returned: 0, to_accept: 1, to_sign: 3 })

  const bad = await h.app.inject({ method: 'GET', url: '/api/v1/cases?queue=nope', headers: dispatcher })
  t.equal(bad.statusCode, 400)
  t.match(bad.headers['content-type'], /problem\+json/)
  const extra = await h.app.inject({ method: 'GET', url: '/api/v1/cases/queues?x=1', headers: dispatcher })
  t.equal(extra.statusCode, 400)
  t.equal((await h.app.inject({ method: 'GET', url: '/api/v1/cases/queues' })).statusCode, 401)
})

t.test('due soon counts working days: holidays, and the region of each case', async (t) => {
  // a regional holiday on Tuesday 7 April 2026, after the Qingming holiday (Saturday 4 – Monday 6 April)
  const calendar = new PublishedCalendar({
    regions: { XZ: { holidays: [{ name: { zh: '地方节日', en: 'Local festival' }, from: '2026-04-07' }] } },
  })
  const h = await harness(t, 'embedded', { calendar })
  const { as, act, counts, list } = client(h)
  const dispatcher = as('dispatcher')
  const open = async (region?: string) => {
    const { id } = await h.submit({ category: 'consultation', ...(region ? { region } : {}) })
    return (await act(dispatcher, id, 'assign', { departmentId: 'exit-entry' })) as {
      id: string
      dueAt: string
    }
  }
  h.clock.set('2026-04-02T02:00:00Z') // Thursday 2 April, 10:00
  const a = await open()
  const c = await open('XZ')
  h.clock.set('2026-04-03T02:00:00Z') // Friday 3 April, 10:00
  const b = await open()
  const d = await open('XZ')
  t.equal(a.dueAt, '2026-04-08T15:59:59.999Z', 'national, from Thursday: Fri 3, Tue 7, Wed 8')
  t.equal(c.dueAt, '2026-04-09T15:59:59.999Z', 'XZ, from Thursday: Fri 3, Wed 8, Thu 9')
  t.equal(b.dueAt, '2026-04-09T15:59:59.999Z', 'national, from Friday: Tue 7, Wed 8, Thu 9')
  t.equal(d.dueAt, '2026-04-10T15:59:59.999Z', 'XZ, from Friday: Wed 8, Thu 9, Fri 10')

  // Friday: two working days ahead are Tue 7 and Wed 8 nationally (five calendar days away), Wed 8 and
  // Thu 9 in XZ
  t.same(await list(dispatcher, 'queue=due_soon'), [a.id, c.id].sort())
  t.equal((await counts(dispatcher)).due_soon, 2)
  t.same(await list(dispatcher, 'queue=due_soon&departmentId=exit-entry', 1), [a.id, c.id].sort(), 'paged')

  // on the regional holiday (Tuesday 7 April): Wed 8 and Thu 9 everywhere
  h.clock.set('2026-04-07T02:00:00Z')
  t.same(await list(dispatcher, 'queue=due_soon'), [a.id, b.id, c.id].sort())

  // the last millisecond of the due day is still due soon; one later it is overdue
  h.clock.set('2026-04-08T15:59:59.999Z')
  t.match(await counts(dispatcher), { due_soon: 4, overdue: 0 })
  h.clock.set('2026-04-08T16:00:00.000Z')
  t.match(await counts(dispatcher), { due_soon: 3, overdue: 1 })
  t.same(await list(dispatcher, 'queue=overdue'), [a.id])
})

t.test('the staff view lists the actions the caller may take', async (t) => {
  const h = await harness(t)
  const { as, act } = client(h)
  const dispatcher = as('dispatcher')
  const handler = as('handler', 'exit-entry')
  const lead = as('dept_lead', 'exit-entry')
  const { id } = await h.submit()
  const view = async (headers: Headers) =>
    (await h.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers })).json()
  t.same((await view(dispatcher)).actions, ['assign', 'not-accept', 'answer', 'merge', 'notes', 'concerns'])
  t.same((await view(as('supervisor'))).actions, ['escalate', 'notes', 'concerns'])
  t.same((await view(as('callback_agent'))).actions, ['notes'])

  const assigned = await act(dispatcher, id, 'assign', { departmentId: 'exit-entry' })
  t.same(assigned.actions, ['merge', 'notes', 'concerns'], 'the action answer carries them too')
  t.same((await view(handler)).actions, ['sign', 'return', 'notes', 'concerns'])
  t.same((await view(lead)).actions, ['sign', 'return', 'notes', 'concerns'])
  const listed = (await h.app.inject({ method: 'GET', url: '/api/v1/cases', headers: handler })).json()
  t.same(listed.items[0].actions, ['sign', 'return', 'notes', 'concerns'], 'and the list items')

  // every listed action is taken (not 403, not 409 invalid-state) when the caller takes it
  const signed = await act(handler, id, 'sign')
  t.same(signed.actions, ['return', 'extension', 'reply', 'notes', 'concerns'])
  const drafted = await act(handler, id, 'reply', { text: '答复' })
  t.same(drafted.actions, ['notes', 'concerns'], 'a handler waits for the lead')
  t.same((await view(lead)).actions, ['reply/approve', 'reply/send-back', 'notes', 'concerns'])
  const replied = await act(lead, id, 'reply/approve')
  t.same(replied.actions, ['notes', 'concerns'])
  t.same((await view(dispatcher)).actions, ['close', 'reopen', 'notes', 'concerns'])
})

t.test('the supervision filter: open escalated cases, or the others', async (t) => {
  const h = await harness(t)
  const { as, act, list } = client(h)
  const dispatcher = as('dispatcher')
  const supervisor = as('supervisor')
  const a = (await h.submit()).id
  const b = (await h.submit()).id
  const c = (await h.submit()).id
  await act(supervisor, a, 'escalate', { note: '请尽快办理' })
  await act(supervisor, c, 'escalate', { note: '请尽快办理' })
  await act(dispatcher, c, 'answer', { text: '已当场答复', public: false })
  t.same(await list(dispatcher, 'escalated=true'), [a], 'escalated and still open')
  t.same(await list(dispatcher, 'escalated=false'), [b, c].sort(), 'the rest')
  const bad = await h.app.inject({ method: 'GET', url: '/api/v1/cases?escalated=maybe', headers: dispatcher })
  t.equal(bad.statusCode, 400)
})
