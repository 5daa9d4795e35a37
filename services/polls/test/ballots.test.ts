// Ballots under load and at the edges: 1,000 ballots from 200 concurrent clients, ballots racing the
// closing time, the ledger and the ballots unjoinable, and a crash between the two writes.
import { randomBytes } from 'node:crypto'
import t from 'tap'
import { dayStart } from '../src/domain/ballot.ts'
import { claimOf, ledgerId, voterKey } from '../src/domain/voter.ts'
import { API, ballot, pollInput, polls } from './helpers.ts'

const browser = () => randomBytes(16).toString('base64url')
const cookie = (id: string) => ({ cookie: `tj_poll_browser=${id}` })
const bump = (counts: number[], i: number) => {
  counts[i] = (counts[i] ?? 0) + 1
}
const LEVELS = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied']

t.test(
  '1,000 ballots from 200 concurrent clients: the tallies equal the ballots, no voter twice',
  async (t) => {
    // five distinct ballots and one repeat per address: the per-address limit (10) lets all through
    const h = await polls(t, 'embedded', { ballotsPerMinute: 10 })
    const pollId = await h.published(pollInput({ rule: 'open' }))
    const expected = { single: [0, 0, 0], multiple: [0, 0, 0, 0], level: [0, 0, 0, 0, 0], ballots: 0 }
    const statuses: Record<number, number> = {}
    await Promise.all(
      Array.from({ length: 200 }, async (_, client) => {
        const remoteAddress = `10.${Math.floor(client / 250)}.${client % 250}.7`
        let first = ''
        for (let k = 0; k < 5; k++) {
          const n = client * 5 + k
          const single = n % 3
          const multiple = n % 2 === 0 ? [n % 4] : [n % 4, (n + 1) % 4]
          const level = n % 5
          const id = browser()
          if (k === 0) first = id
          const res = await h.app.inject({
            method: 'POST',
            url: `${API}/${pollId}/ballots`,
            remoteAddress,
            headers: cookie(id),
            payload: {
              answers: ballot({
                single: `o${single + 1}`,
                multiple: multiple.map((m) => `o${m + 1}`),
                level: LEVELS[level],
              }),
            },
          })
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1
          if (res.statusCode === 201) {
            expected.ballots++
            bump(expected.single, single)
            for (const m of multiple) bump(expected.multiple, m)
            bump(expected.level, level)
          }
        }
        // the same browser again
        const again = await h.app.inject({
          method: 'POST',
          url: `${API}/${pollId}/ballots`,
          remoteAddress,
          headers: cookie(first),
          payload: { answers: ballot() },
        })
        statuses[again.statusCode] = (statuses[again.statusCode] ?? 0) + 1
      }),
    )
    t.same(statuses, { 201: 1000, 409: 200 }, 'every first ballot taken, every repeat refused')
    t.equal(await h.collections.ballots.count({ pollId, state: 'cast' }), 1000)
    t.equal(await h.collections.ballots.count({ pollId, state: 'pending' }), 0)
    t.equal(await h.collections.ledger.count({ pollId }), 1000, 'one ledger entry per voter')
    const r = (
      await h.app.inject({ method: 'GET', url: `${API}/manage/${pollId}/results`, headers: h.manager })
    ).json()
    t.equal(r.ballots, expected.ballots)
    t.same(
      r.questions[0].options.map((o: { count: number }) => o.count),
      expected.single,
    )
    t.same(
      r.questions[1].options.map((o: { count: number }) => o.count),
      expected.multiple,
      'multiple choice counted per option',
    )
    t.same(
      r.questions[2].levels.distribution.map((d: { count: number }) => d.count),
      expected.level,
    )
    t.equal(
      r.questions[2].levels.satisfactionRate.satisfied,
      expected.level.slice(0, 3).reduce((a, b) => a + b, 0),
    )
    t.equal(r.ruleLabel.onePerPerson, false, 'an open poll says it is not one per person')
    // one after the other: @fastify/rate-limit's local store hands concurrent requests one shared counter,
    // so that a concurrent burst over the limit is refused as a whole
    const blocked = []
    for (let i = 0; i < 11; i++)
      blocked.push(
        await h.app.inject({
          method: 'POST',
          url: `${API}/${pollId}/ballots`,
          remoteAddress: '192.0.2.1',
          payload: { answers: ballot() },
        }),
      )
    t.same(
      blocked.map((b) => b.statusCode),
      [...Array(10).fill(201), 429],
      'the per-address limit of an open poll',
    )
  },
)

for (const kind of ['embedded', 'distributed'] as const)
  t.test(
    `ballots racing the closing time: none accepted after it, the announced count is final (${kind})`,
    async (t) => {
      // on FerretDB the writes take real time, so that requests are in flight between their steps
      const h = await polls(t, kind)
      const closesAt = '2026-03-02T03:00:00.000Z'
      const pollId = await h.published(pollInput({ rule: 'open', closesAt }))
      h.clock.set('2026-03-02T02:59:59.000Z')
      let done = 0
      let closed = false
      const outcomes: Array<{ status: number; afterClose: boolean; code?: string }> = []
      const send = async () => {
        const afterClose = closed
        const res = await h.app.inject({
          method: 'POST',
          url: `${API}/${pollId}/ballots`,
          headers: cookie(browser()),
          payload: { answers: ballot() },
        })
        done++
        outcomes.push({ status: res.statusCode, afterClose, code: res.json().code })
      }
      const first = Array.from({ length: 150 }, send)
      // once some are answered, the closing time comes while the rest are in flight, and the scheduler runs
      while (done < 40) await new Promise((r) => setImmediate(r))
      h.clock.set(closesAt)
      closed = true
      const passing = h.pass()
      const later = Array.from({ length: 50 }, send)
      await Promise.all([...first, ...later, passing])
      await h.pass()
      const accepted = outcomes.filter((o) => o.status === 201).length
      t.ok(accepted >= 40, 'ballots before the closing time were taken')
      t.ok(accepted < 200, 'ballots after it were not')
      t.same(
        outcomes.filter((o) => o.afterClose).map((o) => o.status),
        Array(50).fill(409),
        'every ballot sent after the closing time is refused',
      )
      t.same(
        [...new Set(outcomes.filter((o) => o.status !== 201).map((o) => `${o.status} ${o.code}`))],
        ['409 TJ_POLL_NOT_OPEN'],
      )
      const poll = await h.collections.polls.get(pollId)
      t.equal(poll?.status, 'closed')
      t.equal(poll?.ballots, accepted, 'the announced count is the number of ballots accepted')
      t.equal(
        await h.collections.ballots.count({ pollId, state: 'cast' }),
        accepted,
        'and of ballots counted',
      )
      t.equal(await h.collections.ballots.count({ pollId, state: 'pending' }), 0, 'nothing left pending')
      // a ballot is accepted when its ledger entry is written: none at or after the closing time
      const entries = (await h.collections.ledger.find({ pollId }, { limit: 500 })).items
      t.equal(
        entries.filter((e) => String(e.createdAt) >= closesAt).length,
        0,
        'no ballot accepted at or after the closing time',
      )
      t.equal(entries.length, accepted, 'every accepted ballot has its ledger entry, and only those')
    },
  )

t.test('the ledger and the ballots cannot be joined', async (t) => {
  const h = await polls(t)
  const pollId = await h.published(pollInput({ rule: 'open' }))
  for (let i = 0; i < 20; i++) {
    h.clock.advance(60_000)
    const res = await h.app.inject({
      method: 'POST',
      url: `${API}/${pollId}/ballots`,
      remoteAddress: `10.1.1.${i + 1}`,
      headers: cookie(browser()),
      payload: { answers: ballot({ text: `第${i}条意见` }) },
    })
    t.equal(res.statusCode, 201)
  }
  const ballots = (await h.collections.ballots.find({ pollId }, { limit: 100 })).items
  const ledger = (await h.collections.ledger.find({ pollId }, { limit: 100 })).items
  t.equal(ballots.length, 20)
  t.equal(ledger.length, 20)
  const start = dayStart('2026-03-02').toISOString()
  for (const b of ballots) {
    t.same(
      Object.keys(b).sort(),
      ['_id', 'answers', 'comments', 'createdAt', 'day', 'pollId', 'state', 'updatedAt', 'version'],
      'a ballot holds answers, the poll, the day — no voter, claim, address or time',
    )
    t.match(b._id, /^b_[A-Za-z0-9_-]{22}$/, 'a random id, not a time-ordered one')
    t.equal(b.createdAt, start, 'created at the start of the day, not the time of voting')
    t.equal(b.updatedAt, start, 'updated at the start of the day')
  }
  for (const l of ledger)
    t.same(
      Object.keys(l).sort(),
      ['_id', 'createdAt', 'nonce', 'pollId', 'updatedAt', 'version'],
      'a ledger entry holds no answers',
    )
  // no value of a ballot (but the poll id and the version) appears in any ledger entry, and vice versa
  const values = (doc: object): Set<string> => {
    const out = new Set<string>()
    const walk = (v: unknown) => {
      if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x)
      else out.add(String(v))
    }
    const { version: _v, ...fields } = doc as Record<string, unknown>
    walk(fields)
    return out
  }
  const ledgerValues = new Set(ledger.flatMap((l) => [...values(l)]))
  const shared = new Set(ballots.flatMap((b) => [...values(b)].filter((v) => ledgerValues.has(v))))
  t.same([...shared], [pollId], 'only the poll id is in both')
  // the order of the ballots' ids says nothing of the order of voting: their times are all one
  t.equal(new Set(ballots.map((b) => b.createdAt)).size, 1)
})

t.test('a crash between the writes neither loses the vote nor counts it twice', async (t) => {
  const h = await polls(t)
  const pollId = await h.published(pollInput({ rule: 'open' }))
  const day = '2026-03-02'
  // crash after the ballot, before the ledger: a pending ballot that no ledger entry claims
  const orphanVoter = browser()
  const orphanLedger = ledgerId(pollId, voterKey(h.secret, pollId, 'browser', orphanVoter))
  await h.collections.ballots.insert(
    'b_orphan0000000000000000',
    {
      pollId,
      day,
      state: 'pending',
      answers: { q1: { choice: 'o3' } },
      comments: {},
      claim: claimOf(h.secret, orphanLedger, 'n1'),
    },
    { now: dayStart(day) },
  )
  const retry = await h.app.inject({
    method: 'POST',
    url: `${API}/${pollId}/ballots`,
    headers: cookie(orphanVoter),
    payload: { answers: ballot({ single: 'o1' }) },
  })
  t.equal(retry.statusCode, 201, 'the voter is not locked out: they vote again')

  // crash after the ledger, before the cast: a pending ballot its ledger entry claims
  const lostVoter = browser()
  const lostLedger = ledgerId(pollId, voterKey(h.secret, pollId, 'browser', lostVoter))
  await h.collections.ballots.insert(
    'b_lost00000000000000000',
    {
      pollId,
      day,
      state: 'pending',
      answers: { q1: { choice: 'o2' } },
      comments: {},
      claim: claimOf(h.secret, lostLedger, 'n2'),
    },
    { now: dayStart(day) },
  )
  await h.collections.ledger.insert(lostLedger, { pollId, nonce: 'n2' }, { now: h.clock.now() })
  const again = await h.app.inject({
    method: 'POST',
    url: `${API}/${pollId}/ballots`,
    headers: cookie(lostVoter),
    payload: { answers: ballot() },
  })
  t.equal(again.statusCode, 409, 'their vote is recorded: a second one is refused')
  await h.pass()
  const lost = await h.collections.ballots.get('b_lost00000000000000000')
  t.equal(lost?.state, 'cast', 'the sweep casts the ballot its ledger entry claims')
  t.equal(lost?.claim, undefined, 'and removes the claim')
  t.equal(
    (await h.collections.ballots.get('b_orphan0000000000000000'))?.state,
    'pending',
    'the orphan waits while the poll runs',
  )

  h.clock.set('2026-03-06T10:00:00.000Z')
  await h.pass()
  t.equal(
    (await h.collections.ballots.get('b_orphan0000000000000000'))?.state,
    'void',
    'at closing the orphan is voided',
  )
  const r = (await h.app.inject({ method: 'GET', url: `${API}/${pollId}/results` })).json()
  t.equal(r.ballots, 2, 'each voter counted once')
  t.same(
    r.questions[0].options.map((o: { count: number }) => o.count),
    [1, 1, 0],
    'the orphan’s answer is not counted; the recovered one is',
  )
})
