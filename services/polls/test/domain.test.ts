// The pure parts: Wilson intervals, the tally of per-option shares and levels, the code rules, CSV cells.
import { wilson } from '@tingjian/kit'
import t from 'tap'
import { checkAnswers, shanghaiDay } from '../src/domain/ballot.ts'
import { parseInvitees } from '../src/domain/invitations.ts'
import { newDraft, type Poll, preparePoll } from '../src/domain/poll.ts'
import { csvCell, Tally } from '../src/domain/results.ts'
import { confirmCode, requestCode } from '../src/domain/verification.ts'
import { pollInput } from './helpers.ts'

function poll(): Poll {
  const prepared = preparePoll(pollInput() as Parameters<typeof preparePoll>[0])
  if ('errors' in prepared) throw new Error('bad poll')
  return newDraft('poll_x', prepared.fields, 'u')
}

t.test('Wilson 95 % interval (values from the formula’s published examples)', async (t) => {
  t.equal(wilson(0, 0), null)
  const one = wilson(1, 1)
  t.ok(one && Math.abs(one.low - 0.2065) < 1e-4 && one.high === 1, '100 % of 1 is [20.7 %, 100 %]')
  const many = wilson(1000, 1000)
  t.ok(many && Math.abs(many.low - 0.99617) < 1e-4, '100 % of 1,000 is [99.6 %, 100 %]')
  const half = wilson(50, 100)
  t.ok(half && Math.abs(half.low - 0.4038) < 1e-4 && Math.abs(half.high - 0.5962) < 1e-4, '50 of 100')
})

t.test('tally: per option, not per combination; levels; only cast ballots', async (t) => {
  const p = poll()
  const tally = new Tally(p)
  const add = (id: string, answers: Record<string, unknown>, state: 'cast' | 'void' = 'cast') =>
    tally.add(id, { state, answers: answers as never, comments: {} })
  add('b1', { q2: { choices: ['o1', 'o2'] }, q3: { level: 'very_satisfied' } })
  add('b2', { q2: { choices: ['o2'] }, q3: { level: 'dissatisfied' } })
  add('b3', { q2: { choices: ['o1', 'o2', 'o3'] } }, 'void')
  const r = tally.results('open', false, 'public')
  t.equal(r.ballots, 2)
  t.same(
    r.questions[1]?.options?.map((o) => [o.count, o.share]),
    [
      [1, 0.5],
      [2, 1],
      [0, 0],
      [0, 0],
    ],
  )
  t.equal(r.questions[2]?.levels?.mean, 3.5)
  t.same(r.questions[2]?.levels?.satisfactionRate?.rate, 0.5)
})

t.test('answers, the day in Shanghai, invitees, code rules, CSV cells', async (t) => {
  const p = poll()
  t.ok('errors' in checkAnswers(p, [{ questionId: 'q1', choice: 'o1' }]), 'required questions missing')
  t.equal(shanghaiDay(new Date('2026-03-01T16:00:00.000Z')), '2026-03-02', 'midnight in Shanghai')
  t.equal(shanghaiDay(new Date('2026-03-01T15:59:59.999Z')), '2026-03-01')
  t.same(parseInvitees('手机号\n13812345678\n13812345678').rejected, [
    { line: 3, reason: 'duplicate_in_file' },
  ])
  const now = new Date(MONDAY())
  const first = requestCode(null, 'p', 'h', now)
  t.ok('verification' in first)
  if (!('verification' in first)) return
  t.same(confirmCode(first.verification, false, now), {
    ok: false,
    reason: 'wrong',
    triesLeft: 4,
    verification: { ...first.verification, tries: 1 },
  })
  t.equal(
    confirmCode(first.verification, true, new Date(now.getTime() + 300_000)).ok,
    false,
    'expired at 5 min',
  )
  t.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"', 'a formula is neutralised')
  t.equal(csvCell(3), '3')
})

function MONDAY() {
  return '2026-03-02T02:00:00.000Z'
}
