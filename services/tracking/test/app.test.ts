import { MailboxEvents } from '@tingjian/contracts'
import type { TimelineEntry } from '@tingjian/kit'
import { eventually, PERSONAL_DATA } from '@tingjian/testkit'
import t from 'tap'
import { caseIdFor } from '../src/domain/intake.ts'
import { letter } from './fixtures.ts'
import { harness, trackingCode } from './helpers.ts'

t.test(
  'the whole path over HTTP: letter → case → assign → sign → reply → approve → citizen reads and rates',
  async (t) => {
    const h = await harness(t)
    const { id, code, key } = await h.submit()
    const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
    const handler = { authorization: `Bearer ${h.token('handler', 'exit-entry')}` }
    const lead = { authorization: `Bearer ${h.token('dept_lead', 'exit-entry')}` }
    const act = async (headers: Record<string, string>, action: string, version: number, body = {}) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${id}/${action}`,
        headers,
        payload: { version, ...body },
      })

    let res = await h.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: dispatcher })
    t.equal(res.statusCode, 200)
    t.match(res.json(), {
      status: 'received',
      version: 1,
      escalationLevel: 0,
      citizen: { phone: '13812345678' },
    })

    res = await act(dispatcher, 'assign', 1, { departmentId: 'exit-entry', note: '请核查' })
    t.equal(res.statusCode, 200)
    t.match(res.json(), { status: 'assigned', version: 2, dueAt: '2026-03-11T15:59:59.999Z' })

    const stale = await act(dispatcher, 'assign', 1, { departmentId: 'traffic' })
    t.equal(stale.statusCode, 409)
    t.equal(stale.json().type, '/problems/stale-version')

    res = await h.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: handler })
    t.match(res.json().citizen, {
      name: '张*',
      phone: '138****5678',
      email: 'z***@example.com',
      idNumber: '1101**********002X',
    })

    t.equal((await act(handler, 'reply', 2, { text: 'x' })).json().type, '/problems/invalid-state')
    t.equal((await act(handler, 'sign', 2)).statusCode, 200)
    t.equal((await act(handler, 'reply', 3, { text: '已核实，窗口已增开。' })).statusCode, 200)
    t.equal((await act(handler, 'reply/approve', 4)).statusCode, 403)
    res = await act(lead, 'reply/approve', 4)
    t.equal(res.statusCode, 200)
    t.equal(res.json().status, 'replied')

    const wrong = await h.app.inject({
      method: 'GET',
      url: `/api/v1/public/cases/${code}`,
      headers: { 'x-access-key': 'wrong' },
    })
    const unknown = await h.app.inject({
      method: 'GET',
      url: '/api/v1/public/cases/ZZZZZZZZZZ',
      headers: { 'x-access-key': key },
    })
    t.equal(wrong.statusCode, 404)
    t.equal(unknown.statusCode, 404)
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined, instance: undefined })
    t.same(strip(wrong.json()), strip(unknown.json()), 'a wrong key looks like an unknown code')

    res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/public/cases/${code}`,
      headers: { 'x-access-key': key },
    })
    t.equal(res.statusCode, 200)
    const view = res.json()
    t.match(view, {
      trackingCode: code,
      status: 'replied',
      reply: { text: '已核实，窗口已增开。', department: '出入境管理局' },
    })
    t.notOk(JSON.stringify(view).includes('u-'), 'no staff ids on the public page')
    t.notOk(JSON.stringify(view).includes('请核查'), 'no internal notes')
    t.same(
      view.timeline.map((e: { action: string }) => e.action),
      ['opened', 'assigned', 'signed', 'replied'],
    )

    const rate = (satisfaction: string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/public/cases/${code}/rating`,
        headers: { 'x-access-key': key },
        payload: { satisfaction },
      })
    res = await rate('dissatisfied')
    t.equal(res.statusCode, 200)
    t.equal(res.json().status, 'in_progress', 'dissatisfied reopens for rework')
    t.equal((await rate('satisfied')).statusCode, 409, 'rated once')

    const verify = await h.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}/timeline/verify`,
      headers: dispatcher,
    })
    t.same(verify.json(), { valid: true, entries: 7 })

    // every action went out through the outbox
    const types: string[] = []
    const sub = await h.bus.subscribe({ group: 'test-observer', streams: ['tracking'] }, async (e) => {
      if (e.subject === id) types.push(e.type)
    })
    t.teardown(() => sub.close())
    await eventually(async () => types.includes('tracking.case-replied') && types.length >= 8)
    t.ok(types.includes('tracking.case-assigned'))

    for (const line of h.lines) t.notMatch(line, PERSONAL_DATA, 'no personal data in logs')
  },
)

t.test('a letter delivered again on Kafka makes no second case and no second timeline entry', async (t) => {
  const h = await harness(t, 'distributed')
  const data = letter({ trackingCode: trackingCode() })
  const event = MailboxEvents.letterSubmitted.create({ subject: data.letterId, data })
  await h.bus.publish(event)
  const id = caseIdFor('mailbox', data.letterId)
  await eventually(async () => (await h.cases.get(id)) !== null)
  // redeliveries: the same envelope twice, and the same letter in a new envelope (a producer's retry)
  await h.bus.publish(event)
  await h.bus.publish(event)
  await h.bus.publish(MailboxEvents.letterSubmitted.create({ subject: data.letterId, data }))
  // the marker: another letter under the same key (same partition, so consumed after the redeliveries)
  const marker = letter({ trackingCode: trackingCode() })
  await h.bus.publish(MailboxEvents.letterSubmitted.create({ subject: data.letterId, data: marker }))
  await eventually(async () => (await h.cases.get(caseIdFor('mailbox', marker.letterId))) !== null)

  t.equal(await h.cases.count({ originId: data.letterId }), 1, 'one case for the letter')
  t.equal(await h.cases.count({}), 2, 'the letter and the marker, nothing else')
  const stored = await h.cases.get(id)
  t.equal(stored?.version, 1, 'the case was not written again')
  t.same(
    stored?.timeline.map((e) => e.action),
    ['opened'],
    'one timeline entry',
  )
})

t.test('lists: filters, search by subject, tracking code and phone hash; departments', async (t) => {
  const h = await harness(t)
  const a = await h.submit({ subject: '交通违章处理太慢', category: 'complaint' })
  h.clock.advance(1000) // newest first: b after a
  const b = await h.submit({
    subject: '护照办理咨询',
    category: 'consultation',
    citizen: { phone: '13900001111' },
  })
  const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
  await h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${a.id}/assign`,
    headers: dispatcher,
    payload: { version: 1, departmentId: 'traffic' },
  })
  const list = async (qs: string, headers = dispatcher) =>
    (await h.app.inject({ method: 'GET', url: `/api/v1/cases?${qs}`, headers }))
      .json()
      .items.map((c: { id: string }) => c.id)
  t.same(await list(''), [b.id, a.id])
  t.same(await list('status=assigned'), [a.id])
  t.same(await list('category=consultation'), [b.id])
  t.same(await list(`q=${encodeURIComponent('违章')}`), [a.id])
  t.same(await list(`q=${b.code}`), [b.id])
  t.same(await list('phone=139-0000-1111'), [b.id])
  t.same(await list('departmentId=traffic'), [a.id])
  t.same(await list('overdue=true'), [])
  const traffic = { authorization: `Bearer ${h.token('handler', 'traffic')}` }
  const exit = { authorization: `Bearer ${h.token('handler', 'exit-entry')}` }
  t.same(await list('', traffic), [a.id])
  t.same(await list('', exit), [])
  t.equal(
    (await h.app.inject({ method: 'GET', url: `/api/v1/cases/${a.id}`, headers: exit })).statusCode,
    404,
  )
  h.clock.set('2026-03-20T02:00:00Z')
  t.same(await list('overdue=true'), [a.id])
  t.same(await list('overdue=false'), [b.id])
  const page1 = (
    await h.app.inject({ method: 'GET', url: '/api/v1/cases?limit=1', headers: dispatcher })
  ).json()
  t.ok(page1.nextCursor)
  const bad = await h.app.inject({ method: 'GET', url: '/api/v1/cases?status[$ne]=x', headers: dispatcher })
  t.equal(bad.statusCode, 400)
})

t.test('timeline/verify: an edited, reordered, deleted or cut-off entry is caught', async (t) => {
  const h = await harness(t)
  const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
  const verify = async (id: string) =>
    (
      await h.app.inject({ method: 'GET', url: `/api/v1/cases/${id}/timeline/verify`, headers: dispatcher })
    ).json()
  // a case with five entries: opened and four notes
  const withNotes = async () => {
    const { id } = await h.submit()
    for (let v = 1; v <= 4; v++) {
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${id}/notes`,
        headers: dispatcher,
        payload: { version: v, text: `记录 ${v}` },
      })
      t.equal(res.statusCode, 200)
    }
    t.same(await verify(id), { valid: true, entries: 5 })
    return id
  }
  // someone with access to the store rewrites the entries (and nothing else)
  const tamper = async (id: string, change: (tl: TimelineEntry[]) => TimelineEntry[]) => {
    const stored = await h.cases.get(id)
    if (!stored) throw new Error('missing')
    await h.cases.update(id, stored.version, { ...stored, timeline: change(stored.timeline) })
  }

  const edited = await withNotes()
  await tamper(edited, (tl) => tl.map((e) => (e.seq === 2 ? { ...e, note: '篡改后' } : e)))
  t.same(await verify(edited), { valid: false, entries: 5, brokenAt: 2 }, 'edited')

  const reordered = await withNotes()
  await tamper(reordered, (tl) => {
    const [a, b, c, ...rest] = tl as [TimelineEntry, TimelineEntry, TimelineEntry, ...TimelineEntry[]]
    return [a, c, b, ...rest].map((e, i) => ({ ...e, seq: i + 1 }))
  })
  t.same(
    (await h.cases.get(reordered))?.timeline.map((e) => e.note),
    [null, '记录 2', '记录 1', '记录 3', '记录 4'],
    'the entries really are reordered',
  )
  t.same(await verify(reordered), { valid: false, entries: 5, brokenAt: 2 }, 'reordered')

  const deleted = await withNotes()
  await tamper(deleted, (tl) => tl.filter((e) => e.seq !== 3))
  t.same(await verify(deleted), { valid: false, entries: 4, brokenAt: 3 }, 'deleted')

  const truncated = await withNotes()
  await tamper(truncated, (tl) => tl.slice(0, 3))
  t.same(await verify(truncated), { valid: false, entries: 3, brokenAt: 4 }, 'the last two cut off')
})

t.test('public replies: consented and public only, no personal data, newest first', async (t) => {
  const h = await harness(t)
  const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
  const answer = async (id: string, isPublic = true) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/answer`,
      headers: dispatcher,
      payload: { version: 1, text: `答复 ${id}`, public: isPublic },
    })
  const first = await h.submit({ subject: '第一封' })
  const hidden = await h.submit({ subject: '不同意公开', consentToPublish: false })
  const internal = await h.submit({ subject: '不公开答复' })
  await answer(first.id)
  h.clock.advance(60_000)
  const second = await h.submit({ subject: '第二封' })
  await answer(second.id)
  await answer(hidden.id)
  await answer(internal.id, false)
  const res = await h.app.inject({ method: 'GET', url: '/api/v1/public/replies' })
  t.equal(res.statusCode, 200)
  t.same(
    res.json().items.map((i: { subject: string }) => i.subject),
    ['第二封', '第一封'],
  )
  t.notMatch(res.body, PERSONAL_DATA)
  t.notOk(res.body.includes('张三'))

  const search = async (qs: string) =>
    (await h.app.inject({ method: 'GET', url: `/api/v1/public/replies?${qs}` }))
      .json()
      .items.map((i: { subject: string }) => i.subject)
  t.same(await search(`q=${encodeURIComponent('第二')}`), ['第二封'], 'searched by the subject')
  t.same(await search(`q=${encodeURIComponent('公开')}`), [], 'what is not published is not found')
  t.same(await search('category=complaint'), ['第二封', '第一封'], 'by category')
  t.same(await search('category=praise'), [])
  const bad = await h.app.inject({ method: 'GET', url: '/api/v1/public/replies?category=nonsense' })
  t.equal(bad.statusCode, 400, 'an unknown category is refused')
})

t.test('statistics per department', async (t) => {
  const h = await harness(t)
  const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
  const handler = { authorization: `Bearer ${h.token('handler', 'exit-entry')}` }
  const lead = { authorization: `Bearer ${h.token('dept_lead', 'exit-entry')}` }
  const post = (headers: Record<string, string>, id: string, action: string, payload: object) =>
    h.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/${action}`, headers, payload })
  const a = await h.submit()
  const b = await h.submit()
  const c = await h.submit()
  await post(dispatcher, a.id, 'assign', { version: 1, departmentId: 'exit-entry' })
  await post(dispatcher, b.id, 'assign', { version: 1, departmentId: 'exit-entry' })
  await post(dispatcher, c.id, 'assign', { version: 1, departmentId: 'traffic' })
  await post(handler, a.id, 'sign', { version: 2 })
  await post(handler, a.id, 'reply', { version: 3, text: '答复' })
  await post(lead, a.id, 'reply/approve', { version: 4 })
  await h.app.inject({
    method: 'POST',
    url: `/api/v1/public/cases/${a.code}/rating`,
    headers: { 'x-access-key': a.key },
    payload: { satisfaction: 'satisfied' },
  })
  h.clock.set('2026-03-20T02:00:00Z')
  await h.scheduler.tick()
  const res = await h.app.inject({
    method: 'GET',
    url: '/api/v1/stats/departments?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z',
    headers: { authorization: `Bearer ${h.token('supervisor')}` },
  })
  t.equal(res.statusCode, 200)
  t.same(res.json().departments, [
    {
      departmentId: 'exit-entry',
      departmentName: '出入境管理局',
      received: 2,
      closed: 1,
      onTimeClosed: 1,
      overdue: 1,
      escalated: 1,
      satisfaction: { satisfied: 1, basically_satisfied: 0, dissatisfied: 0 },
    },
    {
      departmentId: 'traffic',
      departmentName: '交通管理局',
      received: 1,
      closed: 0,
      onTimeClosed: 0,
      overdue: 1,
      escalated: 1,
      satisfaction: { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 },
    },
  ])
  const denied = await h.app.inject({
    method: 'GET',
    url: '/api/v1/stats/departments?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z',
    headers: handler,
  })
  t.equal(denied.statusCode, 403)
})

t.test(
  'the access key is checked against the mailbox’s stored form: sha256:<hex of SHA-256 of the key>',
  async (t) => {
    const h = await harness(t)
    // the SHA-256 test vector of the one-character key "k" (not computed by the test)
    const stored = 'sha256:8254c329a92850f6d539dd376f4816ee2764517da5e0235514af433164480d7a'
    const code = trackingCode()
    const data = letter({ trackingCode: code, accessKeyHash: stored })
    await h.bus.publish(MailboxEvents.letterSubmitted.create({ subject: data.letterId, data }))
    await eventually(async () => (await h.cases.get(caseIdFor('mailbox', data.letterId))) !== null)
    const view = (key: string) =>
      h.app.inject({ method: 'GET', url: `/api/v1/public/cases/${code}`, headers: { 'x-access-key': key } })
    t.equal((await view('k')).statusCode, 200, 'the key whose SHA-256 is stored opens the case')
    t.equal((await view('K')).statusCode, 404, 'another key does not')
  },
)
