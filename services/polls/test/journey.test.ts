// The whole path through HTTP on both adapters: create, preview, edit, publish, verify a phone (the code
// read from `polls.code-requested`), vote, the same number again (409, one ballot), results, close.
import { PollsEvents } from '@tingjian/contracts'
import { PROBLEM_CONTENT_TYPE } from '@tingjian/kit'
import { eventually, personalDataIn } from '@tingjian/testkit'
import t from 'tap'
import { API, ballot, mobile, pollInput, polls } from './helpers.ts'

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(`a verified-phone poll from draft to closed results (${kind})`, async (t) => {
    const h = await polls(t, kind)
    const created = await h.app.inject({ method: 'POST', url: API, headers: h.manager, payload: pollInput() })
    t.equal(created.statusCode, 201)
    const draft = created.json()
    t.equal(draft.status, 'draft')
    t.same(
      draft.questions.map((q: { questionId: string }) => q.questionId),
      ['q1', 'q2', 'q3', 'q4', 'q5'],
    )
    t.equal(draft.questions[4].required, false, 'free text is optional by default')
    const pollId: string = draft.pollId

    const hidden = await h.app.inject({ method: 'GET', url: `${API}/${pollId}` })
    t.equal(hidden.statusCode, 404, 'a draft is not public')
    const preview = await h.app.inject({ method: 'GET', url: `${API}/manage/${pollId}`, headers: h.manager })
    t.equal(preview.statusCode, 200, 'staff preview the draft')

    const edited = await h.app.inject({
      method: 'PUT',
      url: `${API}/${pollId}`,
      headers: h.manager,
      payload: { ...pollInput({ title: '出入境服务窗口满意度调查（2026年3月）' }), version: draft.version },
    })
    t.equal(edited.statusCode, 200)
    const stale = await h.app.inject({
      method: 'PUT',
      url: `${API}/${pollId}`,
      headers: h.manager,
      payload: { ...pollInput(), version: draft.version },
    })
    t.equal(stale.statusCode, 409, 'an edit from a stale version')
    t.equal(stale.json().code, 'TJ_STALE_VERSION')

    const pub = await h.app.inject({
      method: 'POST',
      url: `${API}/${pollId}/publish`,
      headers: h.manager,
      payload: { version: edited.json().version },
    })
    t.equal(pub.statusCode, 200)
    t.equal(pub.json().status, 'published')
    const frozen = await h.app.inject({
      method: 'PUT',
      url: `${API}/${pollId}`,
      headers: h.manager,
      payload: { ...pollInput(), version: pub.json().version },
    })
    t.equal(frozen.statusCode, 409, 'a published poll’s questions are frozen')

    const list = await h.app.inject({ method: 'GET', url: API })
    t.same(
      list.json().items.map((p: { pollId: string; phase: string }) => [p.pollId, p.phase]),
      [[pollId, 'open']],
    )

    const phone = mobile()
    const token = await h.verify(pollId, phone)
    const vote = await h.app.inject({
      method: 'POST',
      url: `${API}/${pollId}/ballots`,
      payload: { token, answers: ballot({ multiple: ['o2', 'o4'], text: '窗口少，排队时间长' }) },
    })
    t.equal(vote.statusCode, 201)
    t.same(vote.json(), { pollId, day: '2026-03-02' }, 'the receipt names the day, nothing else')

    const again = await h.app.inject({
      method: 'POST',
      url: `${API}/${pollId}/ballots`,
      payload: { token, answers: ballot() },
    })
    t.equal(again.statusCode, 409, 'the same token twice')
    t.equal(again.json().code, 'TJ_ALREADY_VOTED')
    t.equal(again.headers['content-type'], PROBLEM_CONTENT_TYPE)
    h.clock.advance(61_000) // one code a minute per number
    const token2 = await h.verify(pollId, phone)
    const third = await h.app.inject({
      method: 'POST',
      url: `${API}/${pollId}/ballots`,
      payload: { token: token2, answers: ballot() },
    })
    t.equal(third.statusCode, 409, 'the same number verified again')
    t.equal(await h.collections.ballots.count({ pollId, state: 'cast' }), 1, 'one ballot')
    t.equal(await h.collections.ledger.count({ pollId }), 1, 'one ledger entry')

    const other = await h.verify(pollId, mobile())
    const second = await h.app.inject({
      method: 'POST',
      url: `${API}/${pollId}/ballots`,
      payload: {
        token: other,
        answers: ballot({ single: 'o2', multiple: ['o2'], level: 'very_dissatisfied' }),
      },
    })
    t.equal(second.statusCode, 201)

    const results = await h.app.inject({ method: 'GET', url: `${API}/${pollId}/results` })
    t.equal(results.statusCode, 200, 'live results')
    const r = results.json()
    t.equal(r.ballots, 2)
    t.equal(r.final, false)
    t.same(r.ruleLabel.onePerPerson, true)
    const [q1, q2, q3, q4, q5] = r.questions
    t.same(
      q1.options.map((o: { count: number }) => o.count),
      [1, 1, 0],
    )
    // per option: o2 was chosen on both ballots → 100 %, o4 on one → 50 %
    t.same(
      q2.options.map((o: { count: number; share: number }) => [o.count, o.share]),
      [
        [0, 0],
        [2, 1],
        [0, 0],
        [1, 0.5],
      ],
    )
    t.equal(q3.levels.answers, 2)
    t.equal(q3.levels.mean, (4 + 1) / 2)
    t.same(
      { satisfied: q3.levels.satisfactionRate.satisfied, sample: q3.levels.satisfactionRate.sample },
      { satisfied: 1, sample: 2 },
    )
    t.equal(q4.items.length, 2)
    t.equal(q5.answered, 1)
    t.same(q5.comments, [], 'free text only after moderation')

    const closed = await h.app.inject({
      method: 'POST',
      url: `${API}/${pollId}/close`,
      headers: h.manager,
      payload: { version: pub.json().version },
    })
    t.equal(closed.statusCode, 200)
    t.equal(closed.json().status, 'closed')
    t.equal(closed.json().ballots, 2)
    const late = await h.app.inject({
      method: 'POST',
      url: `${API}/${pollId}/ballots`,
      payload: { token: await h.verify(pollId, mobile()).catch(() => 'x'.repeat(30)), answers: ballot() },
    })
    t.equal(late.statusCode, 409, 'no ballot after closing')
    t.equal(late.json().code, 'TJ_POLL_NOT_OPEN')
    const final = await h.app.inject({ method: 'GET', url: `${API}/${pollId}/results` })
    t.equal(final.json().final, true)
    t.equal(final.json().ballots, 2)

    const closedEvent = await eventually(
      async () => h.events.find((e) => PollsEvents.pollClosed.is(e) && e.subject === pollId),
      60_000,
    )
    t.equal(
      PollsEvents.pollClosed.is(closedEvent) && closedEvent.data.ballots,
      2,
      'the final count announced',
    )
    await eventually(async () => h.events.filter((e) => PollsEvents.ballotCast.is(e)).length === 2, 60_000)
    t.ok(
      h.events.some((e) => PollsEvents.pollPublished.is(e) && e.subject === pollId),
      'polls.poll-published',
    )
    for (const e of h.events.filter((e) => PollsEvents.ballotCast.is(e)))
      t.same(e.data, { pollId, rule: 'verified_phone', day: '2026-03-02' }, 'ballot-cast: poll, rule, day')
    t.same(personalDataIn(h.lines.join('\n')), [], 'no personal data in the logs')
    t.notOk(h.lines.join('\n').includes(phone), 'the number is in no log line')
  })
}
