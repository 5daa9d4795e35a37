// Merging (并单) over HTTP: refusals, the link on both cases (also under concurrent merges into one lead),
// and the lead's reply reaching the merged case's citizen (public view, own event), once.
import { type EventEnvelope, TrackingEvents } from '@tingjian/contracts'
import { eventually } from '@tingjian/testkit'
import t from 'tap'
import { harness } from './helpers.ts'

t.test('merge: refusals, the link on both cases, the reply fanned out once', async (t) => {
  const h = await harness(t)
  const events: EventEnvelope[] = []
  const sub = await h.bus.subscribe({ group: 'test-observer', streams: ['tracking'] }, async (e) => {
    events.push(e)
  })
  t.teardown(() => sub.close())
  const as = (role: 'dispatcher' | 'handler' | 'dept_lead') => ({
    authorization: `Bearer ${h.token(role, role === 'dispatcher' ? null : 'exit-entry')}`,
  })
  const act = (id: string, action: string, payload: object, role: Parameters<typeof as>[0] = 'dispatcher') =>
    h.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/${action}`, headers: as(role), payload })
  const version = async (id: string) => (await h.cases.get(id))?.version ?? 0

  const first = await h.submit({ subject: '护照办理排队太久' })
  const second = await h.submit({
    subject: '护照办理排队太久（同一问题）',
    citizen: { email: 'li@example.com' },
  })
  const third = await h.submit()
  const fourth = await h.submit()
  const closed = await h.submit()
  t.equal((await act(first.id, 'assign', { version: 1, departmentId: 'exit-entry' })).statusCode, 200)
  t.equal((await act(closed.id, 'not-accept', { version: 1, reason: '不属于受理范围' })).statusCode, 200)

  // refusals
  let res = await act(second.id, 'merge', { version: 1, intoCaseId: second.id })
  t.equal(res.statusCode, 409, 'not into itself')
  res = await act(second.id, 'merge', { version: 1, intoCaseId: 'case_missing' })
  t.equal(res.statusCode, 404, 'not into an unknown case')
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  res = await act(second.id, 'merge', { version: 1, intoCaseId: closed.id })
  t.equal(res.statusCode, 409, 'not into a not-accepted case')
  t.equal(res.json().type, '/problems/invalid-state')
  t.equal(await version(second.id), 1, 'refusals change nothing')

  // merge: the merged case and the lead both know; concurrent merges into one lead both land
  const [a, b, c] = await Promise.all([
    act(second.id, 'merge', { version: 1, intoCaseId: first.id }),
    act(third.id, 'merge', { version: 1, intoCaseId: first.id }),
    act(fourth.id, 'merge', { version: 1, intoCaseId: first.id }),
  ])
  t.same([a.statusCode, b.statusCode, c.statusCode], [200, 200, 200])
  t.match(a.json(), { status: 'merged', mergedInto: first.id })
  const lead = await h.cases.get(first.id)
  t.same([...(lead?.mergedCaseIds ?? [])].sort(), [second.id, third.id, fourth.id].sort())
  t.equal(lead?.timeline.filter((e) => e.action === 'merged_in').length, 3)
  res = await act(fourth.id, 'merge', { version: 2, intoCaseId: first.id })
  t.equal(res.statusCode, 409, 'a merged case is not merged again')
  res = await act(first.id, 'merge', { version: lead?.version ?? 0, intoCaseId: second.id })
  t.equal(res.statusCode, 409, 'not into a merged case')
  const staff = await h.app.inject({
    method: 'GET',
    url: `/api/v1/cases/${first.id}`,
    headers: as('dispatcher'),
  })
  t.equal(staff.json().mergedCaseIds.length, 3)

  // the lead is answered; the merged cases' citizens get the answer
  let v = await version(first.id)
  t.equal((await act(first.id, 'sign', { version: v }, 'handler')).statusCode, 200)
  t.equal((await act(first.id, 'reply', { version: v + 1, text: '已增开窗口。' }, 'handler')).statusCode, 200)
  t.equal((await act(first.id, 'reply/approve', { version: v + 2 }, 'dept_lead')).statusCode, 200)

  const publicView = async (x: { code: string; key: string }) =>
    (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/public/cases/${x.code}`,
        headers: { 'x-access-key': x.key },
      })
    ).json()
  await eventually(async () => (await publicView(second)).reply !== null)
  const view = await publicView(second)
  t.match(view, { status: 'replied', reply: { text: '已增开窗口。' } })
  t.equal(view.timeline.at(-1).action, 'replied')
  await eventually(async () => (await publicView(third)).status === 'replied')
  const published = await h.app.inject({ method: 'GET', url: '/api/v1/public/replies' })
  t.equal(
    published.json().items.filter((i: { reply: string }) => i.reply === '已增开窗口。').length,
    1,
    'the published replies list the answer once, under the lead',
  )

  const replied = () => events.filter((e) => TrackingEvents.caseReplied.is(e))
  await eventually(async () => replied().length >= 4)
  const leadEvent = replied().find((e) => e.subject === first.id)
  const own = replied().find((e) => e.subject === second.id)
  t.match(own?.data, { caseId: second.id, trackingCode: second.code, text: '已增开窗口。' })
  t.equal(own?.causationId, leadEvent?.id, 'caused by the lead reply')

  // the lead's event delivered again: nothing more. A later lead reply (a new event, behind the
  // redelivery on the same stream and key) shows when the consumer got past the redelivery.
  v = await version(second.id)
  if (!leadEvent || !TrackingEvents.caseReplied.is(leadEvent)) throw new Error('no lead reply event')
  await h.bus.publish(leadEvent)
  const later = TrackingEvents.caseReplied.create({
    subject: first.id,
    data: { ...leadEvent.data, text: '补充答复。' },
  })
  await h.bus.publish(later)
  await eventually(async () => (await h.cases.get(second.id))?.reply?.text === '补充答复。')
  t.equal(await version(second.id), v + 1, 'the redelivered lead reply changed nothing; the new one did')
  await eventually(async () => replied().filter((e) => e.subject === second.id).length >= 2)
  t.same(
    replied()
      .filter((e) => e.subject === second.id)
      .map((e) => e.causationId),
    [leadEvent.id, later.id],
    'one reply event per (lead event, merged case)',
  )
})
