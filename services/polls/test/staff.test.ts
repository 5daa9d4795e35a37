// Staff's side: the lifecycle's other steps, invitations by CSV (codes through the event), moderation of
// free text, escalation into a case, and the CSV exports.
import { PollsEvents } from '@tingjian/contracts'
import { eventually, personalDataIn } from '@tingjian/testkit'
import t from 'tap'
import { API, ballot, mobile, pollInput, polls } from './helpers.ts'

t.test('closing time later only; archive after close; duplicate into a draft', async (t) => {
  const h = await polls(t)
  const pollId = await h.published(pollInput({ rule: 'open' }))
  const get = async () =>
    (await h.app.inject({ method: 'GET', url: `${API}/manage/${pollId}`, headers: h.manager })).json()
  const v = (await get()).version
  const earlier = await h.app.inject({
    method: 'PUT',
    url: `${API}/${pollId}/closes-at`,
    headers: h.manager,
    payload: { version: v, closesAt: '2026-03-05T10:00:00.000Z' },
  })
  t.equal(earlier.statusCode, 400, 'the closing time does not move earlier')
  const later = await h.app.inject({
    method: 'PUT',
    url: `${API}/${pollId}/closes-at`,
    headers: h.manager,
    payload: { version: v, closesAt: '2026-03-09T10:00:00+08:00' },
  })
  t.equal(later.statusCode, 200)
  t.equal(later.json().closesAt, '2026-03-09T02:00:00.000Z')
  const early = await h.app.inject({
    method: 'POST',
    url: `${API}/${pollId}/archive`,
    headers: h.manager,
    payload: { version: later.json().version },
  })
  t.equal(early.statusCode, 409, 'a running poll is not archived')
  h.clock.set('2026-03-09T02:00:00.000Z')
  t.same(await h.pass(), [pollId], 'the scheduler closes it at its time')
  const closed = await get()
  t.equal(closed.status, 'closed')
  t.equal(closed.closedBy, 'scheduler')
  t.equal(closed.settled, true)
  t.same(await h.pass(), [], 'and only once')
  const archived = await h.app.inject({
    method: 'POST',
    url: `${API}/${pollId}/archive`,
    headers: h.manager,
    payload: { version: closed.version },
  })
  t.equal(archived.json().status, 'archived')
  const list = await h.app.inject({ method: 'GET', url: API })
  t.same(list.json().items, [], 'an archived poll leaves the public list')
  const copy = await h.app.inject({ method: 'POST', url: `${API}/${pollId}/duplicate`, headers: h.manager })
  t.equal(copy.statusCode, 201)
  t.equal(copy.json().status, 'draft')
  t.equal(copy.json().duplicatedFrom, pollId)
  t.same(copy.json().questions, closed.questions)
})

t.test('invitations: a CSV of numbers, a code each by SMS, a code votes once', async (t) => {
  const h = await polls(t)
  const pollId = await h.published(pollInput({ rule: 'invitation' }))
  const [a, b] = [mobile(), mobile()]
  const csv = `phone\n${a}\n+86 ${b.slice(0, 3)} ${b.slice(3, 7)} ${b.slice(7)}\n${a}\n010-12345678\nnot a number\n`
  const up = await h.app.inject({
    method: 'POST',
    url: `${API}/${pollId}/invitations`,
    headers: h.manager,
    payload: { csv },
  })
  t.equal(up.statusCode, 200)
  t.same(up.json(), {
    accepted: 2,
    rejected: [
      { line: 4, reason: 'duplicate_in_file' },
      { line: 5, reason: 'not_a_mobile_number' },
      { line: 6, reason: 'not_a_mobile_number' },
    ],
    invited: 2,
  })
  const again = await h.app.inject({
    method: 'POST',
    url: `${API}/${pollId}/invitations`,
    headers: h.manager,
    payload: { csv: a },
  })
  t.same(again.json().rejected, [{ line: 1, reason: 'already_invited' }])
  const events = await eventually(async () => {
    const mine = h.events.filter((e) => PollsEvents.codeRequested.is(e) && e.data.purpose === 'invitation')
    return mine.length === 2 && mine
  })
  const codes = new Map(
    events.map((e) =>
      PollsEvents.codeRequested.is(e)
        ? [h.cipher.decrypt(e.data.phone), h.cipher.decrypt(e.data.code)]
        : ['', ''],
    ),
  )
  t.same([...codes.keys()].sort(), [a, b].sort(), 'one code per number, sealed in the event')
  const code = codes.get(a) ?? ''
  const vote = (invitationCode: string) =>
    h.app.inject({
      method: 'POST',
      url: `${API}/${pollId}/ballots`,
      payload: { invitationCode, answers: ballot() },
    })
  t.equal((await vote(code)).statusCode, 201)
  t.equal((await vote(code.toLowerCase())).statusCode, 409, 'a code votes once (in any case)')
  t.equal((await vote('ZZZZZZZZZZ')).json().code, 'TJ_INVITATION_INVALID')
  const stored = JSON.stringify(
    (await h.store.collection('invitations').find({}, { limit: 10 })).items.map((i) => ({ ...i })),
  )
  t.notOk(stored.includes(code) || stored.includes(a), 'neither code nor number in clear at rest')
  const wrong = await h.published()
  const refused = await h.app.inject({
    method: 'POST',
    url: `${API}/${wrong}/invitations`,
    headers: h.manager,
    payload: { csv: a },
  })
  t.equal(refused.json().code, 'TJ_WRONG_RULE')
})

t.test('free text: moderated before it is public, escalated into a case, exported', async (t) => {
  const h = await polls(t)
  const pollId = await h.published(pollInput({ rule: 'open' }))
  const phone = '13812345678'
  const res = await h.app.inject({
    method: 'POST',
    url: `${API}/${pollId}/ballots`,
    payload: { answers: ballot({ text: `东城分局窗口工作人员收取了额外费用，请联系我 ${phone}` }) },
  })
  t.equal(res.statusCode, 201)
  const pending = await h.app.inject({
    method: 'GET',
    url: `${API}/manage/${pollId}/comments`,
    headers: h.manager,
  })
  const [comment] = pending.json().items
  t.equal(comment.status, 'pending')
  t.match(comment.commentId, /^b_[A-Za-z0-9_-]{22}\.q5$/)
  const before = (await h.app.inject({ method: 'GET', url: `${API}/${pollId}/results` })).json()
  t.same(before.questions[4].comments, [], 'not public before moderation')
  const approved = await h.app.inject({
    method: 'POST',
    url: `${API}/${pollId}/comments/${comment.commentId}/moderation`,
    headers: h.manager,
    payload: { decision: 'approve' },
  })
  t.equal(approved.statusCode, 200)
  t.notOk(approved.json().publicText.includes(phone), 'personal data removed by default')
  const after = (await h.app.inject({ method: 'GET', url: `${API}/${pollId}/results` })).json()
  t.same(
    after.questions[4].comments,
    [{ commentId: '1', text: approved.json().publicText }],
    'public as moderated, without its ballot id',
  )

  const escalated = await h.app.inject({
    method: 'POST',
    url: `${API}/${pollId}/comments/${comment.commentId}/escalation`,
    headers: h.manager,
    payload: { category: 'report', subject: '窗口违规收费' },
  })
  t.equal(escalated.statusCode, 202)
  const twice = await h.app.inject({
    method: 'POST',
    url: `${API}/${pollId}/comments/${comment.commentId}/escalation`,
    headers: h.manager,
    payload: { category: 'report', subject: '窗口违规收费' },
  })
  t.equal(twice.statusCode, 409, 'one case per answer')
  const event = await eventually(async () => h.events.find((e) => PollsEvents.commentEscalated.is(e)))
  t.ok(PollsEvents.commentEscalated.is(event))
  if (!PollsEvents.commentEscalated.is(event)) return
  t.equal(event.data.commentId, comment.commentId)
  t.equal(event.data.departmentId, 'dept-exit-entry')
  t.notOk(JSON.stringify(event).includes(phone), 'no personal data in the case text')

  const csv = await h.app.inject({
    method: 'GET',
    url: `${API}/manage/${pollId}/ballots.csv`,
    headers: h.manager,
  })
  t.equal(csv.statusCode, 200)
  t.match(csv.headers['content-type'], /^text\/csv/)
  const lines = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
  t.equal(lines[0], 'day,q1,q2,q3,q4/i1,q4/i2,q5')
  t.equal(lines.length, 2)
  t.notOk(csv.body.includes(phone))
  const agg = await h.app.inject({
    method: 'GET',
    url: `${API}/manage/${pollId}/results.csv`,
    headers: h.manager,
  })
  t.match(agg.body, /q3,您对窗口服务的总体评价,satisfied,满意,1,1,1/)
  t.same(personalDataIn(h.lines.join('\n')), [], 'no personal data in the logs')
})

t.test('results visibility: after_close and staff_only', async (t) => {
  const h = await polls(t)
  const after = await h.published(pollInput({ rule: 'open', results: 'after_close' }))
  const staffOnly = await h.published(pollInput({ rule: 'open', results: 'staff_only' }))
  t.equal((await h.app.inject({ method: 'GET', url: `${API}/${after}/results` })).statusCode, 403)
  h.clock.set('2026-03-06T10:00:00.000Z')
  t.equal(
    (await h.app.inject({ method: 'GET', url: `${API}/${after}/results` })).statusCode,
    403,
    'until settled',
  )
  await h.pass()
  t.equal((await h.app.inject({ method: 'GET', url: `${API}/${after}/results` })).statusCode, 200)
  t.equal((await h.app.inject({ method: 'GET', url: `${API}/${staffOnly}/results` })).statusCode, 403)
  t.equal(
    (await h.app.inject({ method: 'GET', url: `${API}/manage/${staffOnly}/results`, headers: h.manager }))
      .statusCode,
    200,
  )
})
