// polls.comment-escalated → tracking: a case per escalated answer (channel poll, anonymous, received, the
// poll's department recorded), accepted and assigned by the dispatcher as usual; redeliveries change nothing;
// nobody can open the case on the public site; on both adapters.
import { randomBytes } from 'node:crypto'
import { type EventEnvelope, PollsEvents, uuidv7 } from '@tingjian/contracts'
import { type AdapterKind, eventually, PERSONAL_DATA } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import { type CommentEscalated, caseIdFor } from '../src/domain/intake.ts'
import { MONDAY } from './fixtures.ts'
import { type Harness, harness } from './helpers.ts'

/** The comment-escalated event as the polls service publishes it (subject: the poll id). */
function commentEscalated(overrides: Partial<CommentEscalated> = {}) {
  const pollId = overrides.pollId ?? `poll_${randomBytes(8).toString('hex')}`
  const commentId = `cmt_${randomBytes(8).toString('hex')}`
  const data: CommentEscalated = {
    pollId,
    commentId,
    pollTitle: '出入境服务窗口满意度调查',
    questionTitle: '您对窗口服务还有什么意见？',
    category: 'complaint',
    subject: '出入境大厅周末窗口开放太少',
    text: '周六上午只开了两个窗口，排队两个多小时。',
    departmentId: 'exit-entry',
    escalatedBy: 'u-pollster',
    escalatedAt: new Date(MONDAY.getTime() - 60 * 60_000).toISOString(),
    ...overrides,
  }
  const event = PollsEvents.commentEscalated.create({ subject: pollId, data })
  return { event, data, id: caseIdFor('poll', commentId) }
}

/** Every tracking event of the test's bus, by subject. */
async function observe(t: Test, h: Harness) {
  const seen: EventEnvelope[] = []
  const sub = await h.bus.subscribe(
    { group: `test-observer-${uuidv7()}`, streams: ['tracking'] },
    async (e) => {
      seen.push(e)
    },
  )
  t.teardown(() => sub.close())
  return (subject: string) => seen.filter((e) => e.subject === subject)
}

for (const kind of ['embedded', 'distributed'] as AdapterKind[]) {
  t.test(`${kind}: an escalated poll comment opens an anonymous poll case once`, async (t) => {
    const h = await harness(t, kind)
    const events = await observe(t, h)
    const comment = commentEscalated()
    await h.bus.publish(comment.event)
    await eventually(async () => (await h.cases.get(comment.id)) !== null)
    const first = await h.cases.get(comment.id)
    // redeliveries: the same envelope again, and the same escalation in a new envelope (a relay's retry)
    await h.bus.publish(comment.event)
    await h.bus.publish(
      PollsEvents.commentEscalated.create({ subject: comment.data.pollId, data: comment.data }),
    )
    // the marker: another comment of the same poll (same key), so consumed after the redeliveries
    const marker = commentEscalated({
      pollId: comment.data.pollId,
      departmentId: null,
      category: 'suggestion',
    })
    await h.bus.publish(marker.event)
    await eventually(async () => (await h.cases.get(marker.id)) !== null)

    t.equal(await h.cases.count({ originId: comment.data.commentId }), 1, 'one case for the comment')
    const stored = await h.cases.get(comment.id)
    t.match(stored, {
      version: 1,
      channel: 'poll',
      originId: comment.data.commentId,
      category: 'complaint',
      subject: '出入境大厅周末窗口开放太少',
      body: '周六上午只开了两个窗口，排队两个多小时。',
      status: 'received',
      anonymous: true,
      submittedAt: comment.data.escalatedAt,
      departmentId: 'exit-entry',
      assigneeId: null,
      acceptedAt: null,
      dueAt: null,
      citizen: {},
      phoneHash: null,
      idNumberHash: null,
    })
    t.equal(stored?.trackingCode, first?.trackingCode, 'the redeliveries did not change the code')
    t.equal(stored?.accessKeyHash, first?.accessKeyHash)
    t.match(stored?.trackingCode, /^[2-9A-HJ-NP-Z]{10}$/, 'a tracking code of the kit')
    t.match(stored?.accessKeyHash, /^sha256:[0-9a-f]{64}$/, 'an access-key hash')
    t.same(
      stored?.timeline.map((e) => [e.action, e.actorId, e.actorRole, e.note]),
      [
        [
          'opened',
          'u-pollster',
          'poll_manager',
          '网上民调「出入境服务窗口满意度调查」：您对窗口服务还有什么意见？',
        ],
      ],
    )
    const other = await h.cases.get(marker.id)
    t.match(other, { channel: 'poll', category: 'suggestion', departmentId: null, status: 'received' })
    t.not(other?.trackingCode, stored?.trackingCode, 'each case its own code')

    await eventually(async () => events(comment.id).length >= 1 && events(marker.id).length >= 1)
    t.same(
      events(comment.id).map((e) => [e.type, (e.data as { action?: string }).action]),
      [['tracking.case-changed', 'opened']],
      'one opened event',
    )
    t.match(events(comment.id)[0]?.data, {
      channel: 'poll',
      originId: comment.data.commentId,
      status: 'received',
      departmentId: 'exit-entry',
      actorId: 'u-pollster',
    })
    t.equal(events(comment.id)[0]?.causationId, comment.event.id, 'caused by the escalation')
    for (const line of h.lines) t.notMatch(line, PERSONAL_DATA, 'no personal data in logs')
  })
}

t.test('the dispatcher accepts and assigns a poll case as usual; no key opens it', async (t) => {
  const h = await harness(t)
  const comment = commentEscalated()
  await h.bus.publish(comment.event)
  const opened = await eventually(async () => (await h.cases.get(comment.id)) ?? false)
  const code = opened.trackingCode

  const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
  const handler = { authorization: `Bearer ${h.token('handler', 'exit-entry')}` }
  const view = await h.app.inject({ method: 'GET', url: `/api/v1/cases/${comment.id}`, headers: dispatcher })
  t.equal(view.statusCode, 200)
  t.match(view.json(), { channel: 'poll', status: 'received', anonymous: true })
  // waiting for the dispatcher: the department's handlers see it once it is assigned, as every case
  const before = await h.app.inject({ method: 'GET', url: `/api/v1/cases/${comment.id}`, headers: handler })
  t.not(before.statusCode, 200, 'not the handler’s before the assignment')

  const assign = await h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${comment.id}/assign`,
    headers: dispatcher,
    payload: { version: 1, departmentId: 'exit-entry' },
  })
  t.equal(assign.statusCode, 200)
  const sign = await h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${comment.id}/sign`,
    headers: handler,
    payload: { version: 2 },
  })
  t.equal(sign.statusCode, 200, 'the department signs for it')
  t.match(await h.cases.get(comment.id), { status: 'in_progress', departmentIds: ['exit-entry'] })

  // the public lookup: the code with any key answers as an unknown code does
  for (const key of ['', 'x', randomBytes(32).toString('base64url')]) {
    const pub = await h.app.inject({
      method: 'GET',
      url: `/api/v1/public/cases/${code}`,
      headers: { 'x-access-key': key },
    })
    const unknown = await h.app.inject({
      method: 'GET',
      url: '/api/v1/public/cases/2222222222',
      headers: { 'x-access-key': key },
    })
    t.equal(pub.statusCode, unknown.statusCode, `key ${JSON.stringify(key.slice(0, 4))}: as unknown`)
    t.not(pub.statusCode, 200)
  }
})
