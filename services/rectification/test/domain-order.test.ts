// The order's state machine and ladder as pure functions (no I/O): deadlines at 17:30 on the working-day
// calendar (China's 2026 holidays: the expected days are worked out here from the published calendar),
// every transition and its refusal, onTime against the original deadline, the ladder's steps once each.
import { createCalendar } from '@tingjian/calendar'
import t from 'tap'
import type { OrderDoc } from '../src/collections.ts'
import { escalate, ladderSteps, nextLadderAt } from '../src/domain/ladder.ts'
import { orderNumber } from '../src/domain/numbering.ts'
import {
  acknowledge,
  type Change,
  close,
  dueAtOf,
  issueOrder,
  type Order,
  onTimeOf,
  recheck,
  sendBack,
  submitEvidence,
  submitPlan,
  verify,
} from '../src/domain/order.ts'
import { contentDisposition, isPlainFileName } from '../src/routes/evidence.ts'
import { problemDoc } from './helpers.ts'

const calendar = createCalendar()
const officer = { id: 'officer-1', role: 'discipline_officer' as const }
const lead = { id: 'lead-1', role: 'dept_lead' as const }
const at = (iso: string) => new Date(iso)

let version = 0
function stored(c: Change, id = 'rord_x'): Order {
  version += 1
  return { ...(c.order as OrderDoc), _id: id, version, createdAt: '', updatedAt: '' }
}

function issued(now = '2026-03-02T02:00:00.000Z', days = 15): Order {
  version = 0
  const problems = [{ ...problemDoc(), _id: 'p1', version: 1, createdAt: '', updatedAt: '' }]
  return stored(
    issueOrder(
      {
        problemIds: ['p1'],
        alertId: null,
        title: 't',
        departmentId: 'dept-a',
        office: null,
        window: null,
        staffNumber: null,
        person: null,
        measuresRequired: 'm',
        deadline: { workingDays: days },
        priority: 'normal',
      },
      { id: 'rord_x', number: orderNumber('2026', 7), now: at(now), calendar, actor: officer, problems },
    ),
  )
}

t.test('deadlines: 17:30 of the n-th working day, over holidays and make-up days', async (t) => {
  // Tuesday 29 September 2026 + 2 working days: 30 September (1), then the National Day holiday
  // (1–7 October), Thursday 8 October (2)
  t.equal(
    dueAtOf({ workingDays: 2 }, at('2026-09-29T02:00:00.000Z'), calendar).toISOString(),
    '2026-10-08T09:30:00.000Z',
  )
  t.equal(
    dueAtOf({ date: '2026-04-30' }, at('2026-03-02T02:00:00.000Z'), calendar).toISOString(),
    '2026-04-30T09:30:00.000Z',
  )
  t.throws(() => dueAtOf({ date: '2026-02-30' }, at('2026-03-02T02:00:00.000Z'), calendar), {
    code: 'TJ_BAD_DEADLINE',
  })
  t.throws(() => dueAtOf({ date: '2026-03-02' }, at('2026-03-02T10:00:00.000Z'), calendar), {
    code: 'TJ_BAD_DEADLINE',
  })
  t.equal(orderNumber('2026', 7), 'ZG2026-00007')
})

t.test('every transition, and a refusal for each wrong one', async (t) => {
  const ctx = (iso: string, actor: typeof officer | typeof lead = officer) => ({
    now: at(iso),
    calendar,
    actor,
  })
  let o = issued()
  t.equal(o.status, 'issued')
  t.equal(o.rank, 0)
  t.equal(o.timeline.length, 1)
  t.throws(() => verify(o, null, ctx('2026-03-02T03:00:00.000Z')), { code: 'TJ_INVALID_STATE' })
  t.throws(
    () =>
      submitPlan(
        o,
        { measures: 'm', owner: 'o', plannedBy: '2026-03-10' },
        ctx('2026-03-02T03:00:00.000Z', lead),
      ),
    {
      code: 'TJ_INVALID_STATE',
    },
  )
  o = stored(acknowledge(o, ctx('2026-03-02T03:00:00.000Z', lead)))
  t.throws(
    () =>
      submitPlan(
        o,
        { measures: 'm', owner: 'o', plannedBy: '2026-03-01' },
        ctx('2026-03-02T03:00:00.000Z', lead),
      ),
    {
      code: 'TJ_BAD_DEADLINE',
    },
  )
  o = stored(
    submitPlan(
      o,
      { measures: 'm', owner: 'o', plannedBy: '2026-03-10' },
      ctx('2026-03-02T04:00:00.000Z', lead),
    ),
  )
  const evidence = (iso: string) =>
    stored(submitEvidence(o, { id: `revd_${iso}`, text: 'e', attachments: [] }, ctx(iso, lead), 20))
  o = evidence('2026-03-20T02:00:00.000Z')
  t.equal(o.rank, 1, "the officers' turn")
  const insufficient = stored(
    sendBack(o, { kind: 'evidence_insufficient', reason: 'r' }, ctx('2026-03-20T03:00:00.000Z')),
  )
  t.equal(insufficient.status, 'planned')
  t.equal(insufficient.round, 1)
  const notEffective = stored(
    sendBack(o, { kind: 'not_effective', reason: 'r' }, ctx('2026-03-20T03:00:00.000Z')),
  )
  t.equal(notEffective.status, 'acknowledged', 'a new plan')
  t.equal(notEffective.round, 2)
  o = insufficient
  // the new evidence comes after the original deadline (Monday 23 March 17:30)
  o = evidence('2026-03-24T02:00:00.000Z')
  o = stored(verify(o, null, ctx('2026-03-24T03:00:00.000Z')))
  t.equal(onTimeOf(o), false, 'late: the verified evidence came after the original deadline')
  t.throws(
    () =>
      recheck(
        o,
        { outcome: 'held', note: 'n', deadline: { workingDays: 5 } },
        ctx('2026-03-24T03:00:00.000Z'),
      ),
    {
      code: 'TJ_INVALID_STATE',
    },
  )
  o = stored(close(o, { publicSummary: 's', recheckAfterDays: 10 }, ctx('2026-03-24T04:00:00.000Z')))
  t.equal(o.closed?.onTime, false)
  t.equal(o.closed?.month, '2026-03')
  t.equal(o.rank, 2)
  t.equal(o.nextLadderAt, null, 'nothing owed once closed')
  const held = stored(
    recheck(o, { outcome: 'held', note: 'n', deadline: { workingDays: 5 } }, ctx('2026-04-03T04:00:00.000Z')),
  )
  t.equal(held.status, 'closed')
  t.equal(held.recheckAt, null)
  const returned = recheck(
    o,
    { outcome: 'returned', note: 'n', deadline: { workingDays: 5 } },
    ctx('2026-04-03T04:00:00.000Z'),
  )
  t.equal(returned.order.status, 'acknowledged')
  t.equal(returned.order.reopenCount, 1)
  t.same(
    returned.events.map((e) => e.type),
    ['rectification.order-reopened'],
  )
})

t.test('onTime: the evidence verified, not the first one, by the original deadline', async (t) => {
  const base = { originalDueAt: '2026-03-23T09:30:00.000Z' }
  const ev = (at: string, outcome: 'verified' | 'evidence_insufficient' | null) => ({
    id: at,
    round: 1,
    text: 't',
    attachments: [],
    by: 'x',
    role: 'handler',
    at,
    review: outcome ? { outcome, reason: null, by: 'o', at } : null,
  })
  t.equal(onTimeOf({ ...base, evidence: [ev('2026-03-20T00:00:00.000Z', 'verified')] }), true)
  t.equal(
    onTimeOf({
      ...base,
      evidence: [
        ev('2026-03-20T00:00:00.000Z', 'evidence_insufficient'),
        ev('2026-03-25T00:00:00.000Z', 'verified'),
      ],
    }),
    false,
  )
})

t.test('the ladder: when each step is due, once each', async (t) => {
  const o = issued('2026-03-02T02:00:00.000Z', 5) // due Monday 9 March 17:30; acknowledge by Tuesday 3 March 17:30
  t.equal(
    o.nextLadderAt,
    '2026-03-03T09:30:00.001Z',
    'the first look: right after the acknowledgement deadline',
  )
  t.same(ladderSteps(o, at('2026-03-03T09:30:00.000Z'), calendar), [])
  t.same(ladderSteps(o, at('2026-03-03T09:31:00.000Z'), calendar), ['acknowledgement_overdue'])
  // a restart after a long outage: every step due, each once, in order
  const late = escalate(o, at('2026-03-20T02:00:00.000Z'), calendar, 5)
  t.same(
    late?.order.ladder.map((s) => s.step),
    ['acknowledgement_overdue', 'reminder', 'supervision', 'warning'],
  )
  t.same(
    late?.events.map((e) => (e.data as { step: string }).step),
    ['acknowledgement_overdue', 'reminder', 'supervision', 'warning'],
  )
  // the warning's new deadline: 5 working days after Friday 20 March → Friday 27 March 17:30
  t.equal(late?.order.dueAt, '2026-03-27T09:30:00.000Z')
  const after = { ...o, ...(late?.order as OrderDoc) }
  t.equal(escalate(after, at('2026-04-30T02:00:00.000Z'), calendar, 5), null, 'never twice')
  t.equal(nextLadderAt(after, calendar), null)
})

t.test('file names and Content-Disposition', async (t) => {
  for (const ok of ['a.pdf', '整改报告.docx', 'scan 1.png', 'x..y.pdf']) t.ok(isPlainFileName(ok), ok)
  for (const bad of [
    '../x.pdf',
    'a/b.pdf',
    'C:\\x.pdf',
    'C:x.pdf',
    '..',
    '.',
    ' a.pdf',
    'a\u0000.pdf',
    'a\u202e.pdf',
    '',
  ])
    t.notOk(isPlainFileName(bad), JSON.stringify(bad))
  t.equal(contentDisposition('a"b;c.pdf'), `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%3Bc.pdf`)
})
