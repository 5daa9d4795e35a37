// The callback surveys and the case, in the domain: tracking.callback-due with each published reply (its
// data as the issue and the contract say), and a survey's outcome on the case, once, reopening only when asked.
import { createHash } from 'node:crypto'
import { type EventEnvelope, TrackingEvents } from '@tingjian/contracts'
import { FieldCipher, generateFieldKeys, verifyTimeline } from '@tingjian/kit'
import t from 'tap'
import {
  callbackTaskIdFor,
  recordSurvey,
  type SurveyNotice,
  sealedPhone,
} from '../../src/domain/callbacks.ts'
import { type CaseState, decide, replyFromLead } from '../../src/domain/case.ts'
import { sealCitizen } from '../../src/domain/privacy.ts'
import {
  APPROVE,
  ASSIGN,
  calendar,
  DRAFT,
  dispatcher,
  handler,
  lead,
  MONDAY,
  newCase,
  operator,
  run,
  SIGN,
  supervisor,
} from '../fixtures.ts'

const cipher = FieldCipher.fromConfig(generateFieldKeys('test1'))
const ctx = { now: MONDAY, calendar }
/** The case as tracking stores it: the citizen's fields sealed. */
const sealed = (c: CaseState): CaseState => ({ ...c, citizen: sealCitizen(c.citizen, cipher) })
const dueOf = (events: EventEnvelope[]) => events.filter((e) => TrackingEvents.callbackDue.is(e))
/** The number of the first callback-due among the events (undefined: none). */
const phoneIn = (events: EventEnvelope[]) => {
  const due = dueOf(events)[0]
  return due ? (due.data as { phone: string | null }).phone : undefined
}

t.test('an approved reply announces callback-due once, with the sealed number as stored', async (t) => {
  const drafted = run(sealed(newCase()), [ASSIGN, SIGN])
  const draft = decide(drafted, DRAFT[0], handler, ctx)
  t.ok(draft.ok)
  if (!draft.ok) return
  t.same(dueOf(draft.events), [], 'not on a draft')
  const approved = decide(draft.case, APPROVE[0], lead, { ...ctx, correlationId: 'req-1' })
  t.ok(approved.ok)
  if (!approved.ok) return
  t.same(
    approved.events.map((e) => e.type),
    ['tracking.case-changed', 'tracking.case-replied', 'tracking.callback-due'],
  )
  const [due] = dueOf(approved.events)
  t.ok(due && TrackingEvents.callbackDue.is(due), 'valid against the contract')
  t.equal(due?.subject, drafted._id)
  t.equal(due?.correlationId, 'req-1')
  t.match(due?.data, {
    caseId: drafted._id,
    trackingCode: drafted.trackingCode,
    channel: 'mailbox',
    category: 'complaint',
    departmentId: 'exit-entry',
    office: null,
    window: null,
    staffNumber: null,
    contactDeclined: false,
    reworkCount: 0,
    previousRating: null,
    repliedAt: MONDAY.toISOString(),
  })
  const phone = phoneIn(approved.events) ?? ''
  t.equal(phone, drafted.citizen.phone, 'the sealed value of the case, not opened and sealed again')
  t.match(phone, /^tjf1:test1:/)
  t.equal(cipher.decrypt(phone), '13812345678', 'opens to the number')
  t.notOk(JSON.stringify(due).includes('13812345678'), 'the number nowhere in clear')
})

t.test('callback-due carries the concerns, declined contact, and no number without one', async (t) => {
  const c = run(sealed(newCase({ declineCallback: true })), [
    ASSIGN,
    [
      { type: 'concerns', office: '城东出入境办证大厅', window: '3号窗口', staffNumber: '010203' },
      supervisor,
    ],
    SIGN,
    DRAFT,
  ])
  const out = decide(c, APPROVE[0], lead, ctx)
  if (!out.ok) return t.fail(out.refusal.detail)
  t.match(dueOf(out.events)[0]?.data, {
    office: '城东出入境办证大厅',
    window: '3号窗口',
    staffNumber: '010203',
    contactDeclined: true,
  })
  const anonymous = run(sealed(newCase({ anonymous: true })), [ASSIGN, SIGN, DRAFT])
  const anon = decide(anonymous, APPROVE[0], lead, ctx)
  if (!anon.ok) return t.fail(anon.refusal.detail)
  t.equal(phoneIn(anon.events), null, 'no phone: null')
  t.equal(newCase().contactDeclined, false, 'a letter without declineCallback: not declined')
})

t.test(
  'answered on the spot: callback-due with the answer; a number in clear is sealed or left out',
  async (t) => {
    const clear = newCase() // the case as the domain opens it, before the consumer seals it
    const answered = decide(clear, { type: 'answer', text: '已当场解答。' }, dispatcher, {
      ...ctx,
      sealPhone: (p) => cipher.encrypt(p),
    })
    if (!answered.ok) return t.fail(answered.refusal.detail)
    const phone = phoneIn(answered.events) ?? ''
    t.match(phone, /^tjf1:test1:/, 'sealed for the event')
    t.equal(cipher.decrypt(phone), '13812345678')
    const unsealed = decide(clear, { type: 'answer', text: '已当场解答。' }, operator, ctx)
    if (!unsealed.ok) return t.fail(unsealed.refusal.detail)
    t.equal(phoneIn(unsealed.events), null, 'never in clear')
    t.equal(sealedPhone({}), null)
  },
)

t.test(
  'previousRating: the dissatisfied rating that sent the case back; none after a reopening by staff',
  async (t) => {
    const replied = run(sealed(newCase()), [ASSIGN, SIGN, DRAFT, APPROVE])
    const rated = decide(replied, { type: 'rate', satisfaction: 'dissatisfied' }, { kind: 'citizen' }, ctx)
    if (!rated.ok) return t.fail(rated.refusal.detail)
    t.equal(rated.case.reworkCount, 1)
    const again = decide(run(rated.case, [DRAFT]), APPROVE[0], lead, ctx)
    if (!again.ok) return t.fail(again.refusal.detail)
    t.match(dueOf(again.events)[0]?.data, { reworkCount: 1, previousRating: 'dissatisfied' })

    const reopened = run(again.case, [[{ type: 'reopen', reason: '复核' }, supervisor], DRAFT])
    const third = decide(reopened, APPROVE[0], lead, ctx)
    if (!third.ok) return t.fail(third.refusal.detail)
    t.match(dueOf(third.events)[0]?.data, { reworkCount: 2, previousRating: null })
  },
)

t.test('a merged case gets callback-due with its lead reply only when it has a citizen', async (t) => {
  const leadCase = run(newCase(), [ASSIGN])
  const mergeInto = (c: CaseState) =>
    run(c, [
      [
        { type: 'merge', intoCaseId: leadCase._id, target: { id: leadCase._id, status: 'assigned' } },
        dispatcher,
      ],
    ])
  const reply = {
    leadCaseId: leadCase._id,
    eventId: 'evt-lead-reply',
    text: '答复',
    public: true,
    departmentId: 'exit-entry',
    departmentName: '出入境管理局',
    repliedAt: MONDAY.toISOString(),
  }
  const named = replyFromLead(mergeInto(sealed(newCase())), reply, ctx)
  if (!named?.ok) return t.fail('not answered')
  const [due] = dueOf(named.events)
  t.equal(due?.causationId, 'evt-lead-reply')
  t.match(due?.data, { departmentId: 'exit-entry', repliedAt: MONDAY.toISOString() })
  const anonymous = replyFromLead(mergeInto(sealed(newCase({ anonymous: true }))), reply, ctx)
  if (!anonymous?.ok) return t.fail('not answered')
  t.same(dueOf(anonymous.events), [], 'no citizen of its own: nobody to call back')
})

const completed = (c: CaseState, over: Partial<SurveyNotice> = {}): SurveyNotice => ({
  taskId: callbackTaskIdFor(c._id, c.reworkCount),
  outcome: 'completed',
  satisfaction: 'dissatisfied',
  note: 'dissatisfied',
  reopenCase: true,
  officerId: 'u-agent',
  at: MONDAY.toISOString(),
  ...over,
})

t.test('a completed survey: a public entry, reopened for rework only when asked, once', async (t) => {
  const replied = run(sealed(newCase()), [ASSIGN, SIGN, DRAFT, APPROVE])
  t.equal(
    callbackTaskIdFor(replied._id, 0),
    `cbt_${createHash('sha256').update(`case:${replied._id}:0`).digest('hex').slice(0, 32)}`,
    "the callbacks service's task id",
  )
  const notice = completed(replied)
  const out = recordSurvey(replied, notice, ctx)
  if (!out?.ok) return t.fail('not recorded')
  t.match(out.case, { status: 'in_progress', reworkCount: 1, reworkRating: 'dissatisfied' })
  t.ok(out.case.dueAt, 'a new due date for the rework')
  t.match(out.case.timeline.slice(-2), [
    { action: 'callback_completed', note: 'dissatisfied', public: true, actorId: 'u-agent' },
    { action: 'reopened', public: true },
  ])
  t.same(out.case.callbacks, [
    { taskId: notice.taskId, outcome: 'completed', satisfaction: 'dissatisfied', at: notice.at },
  ])
  t.ok(verifyTimeline(out.case.timeline, out.case).valid)
  t.same(
    out.events.map((e) => e.type),
    ['tracking.case-changed'],
    'no problem of its own: callbacks reports it',
  )
  t.equal(recordSurvey(out.case, notice, ctx), null, 'the same survey again: nothing')

  const kept = recordSurvey(replied, completed(replied, { reopenCase: false }), ctx)
  if (!kept?.ok) return t.fail('not recorded')
  t.equal(kept.case.status, 'replied', 'reopenCase false: the entry only')
  t.equal(kept.case.timeline.at(-1)?.action, 'callback_completed')

  const closed = run(replied, [[{ type: 'close' }, dispatcher]])
  const fromClosed = recordSurvey(closed, completed(closed), ctx)
  t.equal(fromClosed?.ok && fromClosed.case.status, 'in_progress', 'a closed case is reopened too')

  const automated = recordSurvey(replied, completed(replied, { officerId: null, reopenCase: false }), ctx)
  t.match(automated?.ok && automated.case.timeline.at(-1), { actorId: null, actorRole: 'system' })
})

t.test('a survey of an earlier round, or on a case being handled, does not reopen', async (t) => {
  const replied = run(sealed(newCase()), [ASSIGN, SIGN, DRAFT, APPROVE])
  const round0 = completed(replied)
  const rated = decide(replied, { type: 'rate', satisfaction: 'dissatisfied' }, { kind: 'citizen' }, ctx)
  if (!rated.ok) return t.fail(rated.refusal.detail)
  const repliedAgain = run(rated.case, [DRAFT, APPROVE])
  const late = recordSurvey(repliedAgain, round0, ctx)
  if (!late?.ok) return t.fail('not recorded')
  t.equal(late.case.status, 'replied', "round 0's survey arrives after round 1's reply: not reopened")
  t.equal(late.case.reworkCount, 1)
  const inProgress = recordSurvey(rated.case, completed(rated.case), ctx)
  t.equal(inProgress?.ok && inProgress.case.status, 'in_progress', 'already being reworked: as it was')
  t.equal(inProgress?.ok && inProgress.case.reworkCount, 1)
})

t.test('an unreachable survey: an internal entry with the reason, once', async (t) => {
  const replied = run(sealed(newCase()), [ASSIGN, SIGN, DRAFT, APPROVE])
  const notice: SurveyNotice = {
    taskId: callbackTaskIdFor(replied._id, 0),
    outcome: 'unreachable',
    satisfaction: null,
    note: 'wrong_number',
    reopenCase: false,
    officerId: null,
    at: MONDAY.toISOString(),
  }
  const out = recordSurvey(replied, notice, ctx)
  if (!out?.ok) return t.fail('not recorded')
  t.match(out.case.timeline.at(-1), { action: 'callback_unreachable', note: 'wrong_number', public: false })
  t.equal(out.case.status, 'replied')
  t.equal(recordSurvey(out.case, notice, ctx), null)
})
