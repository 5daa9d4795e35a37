// Hostile and mistaken input on the public endpoints: answers to questions that don't exist, too many
// selections, ballots for a draft or a closed poll, a reused, wrong, locked or expired code, a token of
// another poll. Every refusal is a 4xx problem and writes no ballot.
import { PROBLEM_CONTENT_TYPE } from '@tingjian/kit'
import t from 'tap'
import { API, ballot, mobile, pollInput, polls } from './helpers.ts'

t.test('answers that do not fit the poll are refused, naming the field', async (t) => {
  const h = await polls(t)
  const pollId = await h.published()
  const token = await h.verify(pollId, mobile())
  const cases: Array<[string, unknown[], string]> = [
    [
      'a question that does not exist',
      [...ballot(), { questionId: 'q9', choice: 'o1' }],
      'body/answers/4/questionId',
    ],
    [
      'an option that does not exist',
      [{ questionId: 'q1', choice: 'o7' }, ...ballot().slice(1)],
      'body/answers/0/choice',
    ],
    [
      'too many selections',
      [ballot()[0], { questionId: 'q2', choices: ['o1', 'o2', 'o3'] }, ...ballot().slice(2)],
      'body/answers/1/choices',
    ],
    [
      'an option twice',
      [ballot()[0], { questionId: 'q2', choices: ['o1', 'o1'] }, ...ballot().slice(2)],
      'body/answers/1/choices',
    ],
    ['a question answered twice', [...ballot(), ballot()[0]], 'body/answers/4/questionId'],
    [
      'the wrong field for the kind',
      [{ questionId: 'q1', level: 'satisfied' }, ...ballot().slice(1)],
      'body/answers/0/level',
    ],
    ['a required question left out', ballot().slice(1), 'body/answers'],
    [
      'an item rated that does not exist',
      [
        ...ballot().slice(0, 3),
        {
          questionId: 'q4',
          ratings: [
            { itemId: 'i1', level: 'satisfied' },
            { itemId: 'i2', level: 'satisfied' },
            { itemId: 'i3', level: 'satisfied' },
          ],
        },
      ],
      'body/answers/3/ratings/2/itemId',
    ],
    [
      'an item left unrated',
      [...ballot().slice(0, 3), { questionId: 'q4', ratings: [{ itemId: 'i1', level: 'satisfied' }] }],
      'body/answers/3/ratings',
    ],
    [
      'text over the length',
      [...ballot(), { questionId: 'q5', text: '长'.repeat(501) }],
      'body/answers/4/text',
    ],
  ]
  for (const [label, answers, path] of cases) {
    const res = await h.app.inject({
      method: 'POST',
      url: `${API}/${pollId}/ballots`,
      payload: { token, answers },
    })
    t.equal(res.statusCode, 400, label)
    t.equal(res.headers['content-type'], PROBLEM_CONTENT_TYPE)
    t.ok(
      res.json().errors.some((e: { path: string }) => e.path === path),
      `${label}: ${path} (${JSON.stringify(res.json().errors)})`,
    )
  }
  const schema: Array<[string, unknown]> = [
    ['an unknown level', [{ questionId: 'q3', level: 'delighted' }]],
    ['an operator as a value', [{ questionId: { $gt: '' }, choice: 'o1' }]],
    ['an unknown field', [{ questionId: 'q1', choice: 'o1', weight: 100 }]],
    ['a control character in text', [{ questionId: 'q5', text: 'a\u0000b' }]],
  ]
  for (const [label, answers] of schema) {
    const res = await h.app.inject({
      method: 'POST',
      url: `${API}/${pollId}/ballots`,
      payload: { token, answers },
    })
    t.equal(res.statusCode, 400, label)
  }
  t.equal(await h.collections.ballots.count({}), 0, 'no ballot written, not even pending')
  const ok = await h.app.inject({
    method: 'POST',
    url: `${API}/${pollId}/ballots`,
    payload: { token, answers: ballot() },
  })
  t.equal(ok.statusCode, 201, 'the token still votes once')
})

t.test('ballots for a draft, an upcoming or a closed poll; the voter proof each rule wants', async (t) => {
  const h = await polls(t)
  const draft = await h.app.inject({
    method: 'POST',
    url: API,
    headers: h.manager,
    payload: pollInput({ rule: 'open' }),
  })
  const d = await h.app.inject({
    method: 'POST',
    url: `${API}/${draft.json().pollId}/ballots`,
    payload: { answers: ballot() },
  })
  t.equal(d.statusCode, 404, 'a draft takes no ballots (and is not public)')
  const upcoming = await h.published(pollInput({ rule: 'open', opensAt: '2026-03-03T01:00:00.000Z' }))
  const u = await h.app.inject({
    method: 'POST',
    url: `${API}/${upcoming}/ballots`,
    payload: { answers: ballot() },
  })
  t.equal(u.statusCode, 409, 'not yet open')
  t.equal(u.json().code, 'TJ_POLL_NOT_OPEN')

  const phonePoll = await h.published()
  const none = await h.app.inject({
    method: 'POST',
    url: `${API}/${phonePoll}/ballots`,
    payload: { answers: ballot() },
  })
  t.equal(none.statusCode, 403, 'a verified-phone poll without a token')
  t.equal(none.json().code, 'TJ_VOTER_REQUIRED')
  const forged = await h.app.inject({
    method: 'POST',
    url: `${API}/${phonePoll}/ballots`,
    payload: { token: `${phonePoll}.${'a'.repeat(64)}.9999999999999.${'b'.repeat(64)}`, answers: ballot() },
  })
  t.equal(forged.json().code, 'TJ_TOKEN_INVALID', 'a forged token')
  const otherPoll = await h.published()
  const foreign = await h.verify(otherPoll, mobile())
  const elsewhere = await h.app.inject({
    method: 'POST',
    url: `${API}/${phonePoll}/ballots`,
    payload: { token: foreign, answers: ballot() },
  })
  t.equal(elsewhere.json().code, 'TJ_TOKEN_INVALID', 'a token of another poll')
  const token = await h.verify(phonePoll, mobile())
  h.clock.advance(31 * 60_000)
  const expired = await h.app.inject({
    method: 'POST',
    url: `${API}/${phonePoll}/ballots`,
    payload: { token, answers: ballot() },
  })
  t.equal(expired.json().code, 'TJ_TOKEN_EXPIRED', 'an expired token')
  const misplaced = await h.app.inject({
    method: 'POST',
    url: `${API}/${upcoming}/ballots`,
    payload: { invitationCode: 'ABCDEFGH23', answers: ballot() },
  })
  t.equal(misplaced.statusCode, 409, 'still not open: that answer comes first')

  h.clock.set('2026-03-06T10:00:00.000Z')
  const c = await h.app.inject({
    method: 'POST',
    url: `${API}/${phonePoll}/ballots`,
    payload: { token, answers: ballot() },
  })
  t.equal(c.statusCode, 409, 'closed by its time, before the scheduler ran')
  t.equal(c.json().code, 'TJ_POLL_NOT_OPEN')
  t.equal(await h.collections.ballots.count({}), 0)
})

t.test('codes: wrong, locked after five tries, expired, reused; per-number limits', async (t) => {
  const h = await polls(t)
  const pollId = await h.published()
  const phone = mobile()
  const url = `${API}/${pollId}/verification`
  t.equal((await h.app.inject({ method: 'POST', url, payload: { phone } })).statusCode, 202)
  const code = await h.codeFor(pollId, phone)
  const wrong = code === '000000' ? '000001' : '000000'
  const confirm = (c: string) =>
    h.app.inject({ method: 'POST', url: `${url}/confirm`, payload: { phone, code: c } })
  const first = await confirm(wrong)
  t.equal(first.statusCode, 422)
  t.equal(first.json().code, 'TJ_CODE_WRONG')
  t.match(first.json().detail, /4 tries left/)
  for (let i = 0; i < 3; i++) await confirm(wrong)
  const fifth = await confirm(wrong)
  t.equal(fifth.json().code, 'TJ_CODE_LOCKED', 'the fifth wrong try locks the code')
  const right = await confirm(code)
  t.equal(right.json().code, 'TJ_CODE_LOCKED', 'even the right code, once locked')

  const again = await h.app.inject({ method: 'POST', url, payload: { phone } })
  t.equal(again.statusCode, 429, 'one code a minute per number')
  t.equal(again.json().code, 'TJ_NUMBER_RATE_LIMITED')
  const wait = Number(again.headers['retry-after'])
  t.ok(wait > 0 && wait <= 60, `Retry-After says how long: within the minute (${wait} s)`)
  h.clock.advance(60_000)
  t.equal((await h.app.inject({ method: 'POST', url, payload: { phone } })).statusCode, 202)
  const second = await h.codeFor(pollId, phone, 1)
  h.clock.advance(5 * 60_000)
  const expired = await confirm(second)
  t.equal(expired.json().code, 'TJ_CODE_EXPIRED', 'a code after five minutes')

  h.clock.advance(60_000)
  t.equal((await h.app.inject({ method: 'POST', url, payload: { phone } })).statusCode, 202)
  const third = await h.codeFor(pollId, phone, 2)
  t.equal((await confirm(third)).statusCode, 200)
  const reused = await confirm(third)
  t.equal(reused.json().code, 'TJ_CODE_USED', 'a code confirms once')

  for (let i = 0; i < 2; i++) {
    h.clock.advance(60_000)
    t.equal((await h.app.inject({ method: 'POST', url, payload: { phone } })).statusCode, 202)
  }
  h.clock.advance(60_000)
  const sixth = await h.app.inject({ method: 'POST', url, payload: { phone } })
  t.equal(sixth.statusCode, 429, 'five codes an hour per number')

  const unknown = await h.app.inject({
    method: 'POST',
    url: `${url}/confirm`,
    payload: { phone: mobile(), code: '123456' },
  })
  t.equal(unknown.json().code, 'TJ_CODE_UNKNOWN')
  const landline = await h.app.inject({ method: 'POST', url, payload: { phone: '010-12345678' } })
  t.equal(landline.statusCode, 400, 'codes go to mobiles only')
  const open = await h.published(pollInput({ rule: 'open' }))
  const wrongRule = await h.app.inject({
    method: 'POST',
    url: `${API}/${open}/verification`,
    payload: { phone },
  })
  t.equal(wrongRule.json().code, 'TJ_WRONG_RULE')
  // the code is stored only as a keyed hash
  const stored = JSON.stringify(
    (await h.store.collection('verifications').find({}, { limit: 10 })).items.map((v) => ({
      ...v,
      _outbox: undefined,
    })),
  )
  t.notOk(stored.includes(third), 'no code in clear at rest')
  t.notOk(stored.includes(phone), 'no number in clear at rest')
})

t.test('the per-address limit of the code routes', async (t) => {
  const h = await polls(t, 'embedded', { codesPerMinute: 3 })
  const pollId = await h.published()
  const statuses = []
  for (let i = 0; i < 4; i++)
    statuses.push(
      (
        await h.app.inject({
          method: 'POST',
          url: `${API}/${pollId}/verification`,
          remoteAddress: '198.51.100.4',
          payload: { phone: mobile() },
        })
      ).statusCode,
    )
  t.same(statuses, [202, 202, 202, 429])
})
