import { TrackingEvents } from '@tingjian/contracts'
import { verifyTimeline } from '@tingjian/kit'
import t from 'tap'
import {
  type CaseStatus,
  type Command,
  decide,
  recordMerge,
  replyFromLead,
  type StaffActor,
} from '../../src/domain/case.ts'
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
  otherHandler,
  otherLead,
  run,
  SIGN,
  supervisor,
} from '../fixtures.ts'

const ctx = { now: MONDAY, calendar }

t.test('a letter opens a received case with hashed contact data', async (t) => {
  const c = newCase()
  t.equal(c.status, 'received')
  t.equal(c.escalationLevel, 0)
  t.equal(c.version, 1)
  t.match(c.phoneHash, /^[0-9a-f]{64}$/)
  t.not(c.phoneHash, newCase({ citizen: { phone: '13912345678' } }).phoneHash)
  t.equal(c.timeline.length, 1)
  t.equal(newCase({ anonymous: true }).citizen.phone, undefined, 'anonymous letters keep no contact data')
})

t.test('assign: due date in working days from acceptance, per category', async (t) => {
  const complaint = run(newCase(), [ASSIGN])
  t.equal(complaint.status, 'assigned')
  // Monday 2 March 2026 + 7 working days = end of Wednesday 11 March (Shanghai).
  t.equal(complaint.dueAt, '2026-03-11T15:59:59.999Z')
  t.equal(complaint.signDueAt, '2026-03-03T15:59:59.999Z', 'signing within one working day')
  const consultation = run(newCase({ category: 'consultation' }), [ASSIGN])
  t.equal(consultation.dueAt, '2026-03-05T15:59:59.999Z')
  const custom = decide(newCase({ category: 'praise' }), ASSIGN[0], dispatcher, {
    ...ctx,
    dueDays: { consultation: 3, complaint: 7, report: 7, suggestion: 7, praise: 10 },
  })
  t.ok(custom.ok && custom.case.dueAt === '2026-03-16T15:59:59.999Z', 'configurable table')
  // Across the Qingming holiday (4–6 April 2026): assigned Thursday 2 April, 3 working days → 8 April.
  const holiday = decide(newCase({ category: 'consultation' }), ASSIGN[0], dispatcher, {
    now: new Date('2026-04-02T02:00:00Z'),
    calendar,
  })
  t.ok(holiday.ok)
  if (holiday.ok) t.equal(holiday.case.dueAt, '2026-04-08T15:59:59.999Z')
})

t.test('assign emits case-changed and case-assigned; supporting departments see the case', async (t) => {
  const out = decide(
    newCase(),
    {
      type: 'assign',
      departmentId: 'exit-entry',
      supportingDepartmentIds: ['traffic'],
      assigneeId: 'u-handler',
    },
    dispatcher,
    ctx,
  )
  t.ok(out.ok)
  if (!out.ok) return
  t.same(
    out.events.map((e) => e.type),
    ['tracking.case-changed', 'tracking.case-assigned'],
  )
  const assigned = out.events[1]
  t.ok(assigned && TrackingEvents.caseAssigned.is(assigned))
  t.same(out.case.departmentIds, ['exit-entry', 'traffic'])
  t.equal(out.case.version, 2)
})

t.test('the whole path: assign, sign, draft, approve, close', async (t) => {
  const replied = run(newCase(), [ASSIGN, SIGN, DRAFT])
  t.equal(replied.status, 'reply_review')
  const out = decide(replied, APPROVE[0], lead, ctx)
  t.ok(out.ok)
  if (!out.ok) return
  t.equal(out.case.status, 'replied')
  t.equal(out.case.reply?.text, '已核实并整改。')
  t.equal(out.case.onTime, true)
  t.ok(out.events.some((e) => e.type === 'tracking.case-replied'))
  const closed = run(out.case, [[{ type: 'close' }, dispatcher]])
  t.equal(closed.status, 'closed')
  t.ok(closed.closedAt)
  t.same(verifyTimeline(closed.timeline), { valid: true, entries: 6 })
})

t.test('not accepted, answered on the spot', async (t) => {
  const na = run(newCase(), [[{ type: 'not-accept', reason: '不属于公安机关职责' }, dispatcher]])
  t.equal(na.status, 'not_accepted')
  t.equal(na.notAcceptedReason, '不属于公安机关职责')
  const out = decide(newCase(), { type: 'answer', text: '可在线办理。' }, operator, ctx)
  t.ok(out.ok && out.case.status === 'replied')
  t.ok(out.ok && out.events.some((e) => e.type === 'tracking.case-replied'))
})

t.test('return goes back to the dispatcher', async (t) => {
  const c = run(newCase(), [ASSIGN, [{ type: 'return', reason: '不属本部门' }, lead]])
  t.equal(c.status, 'received')
  t.equal(c.departmentId, null)
  t.same(c.departmentIds, [])
  const again = run(c, [[{ type: 'assign', departmentId: 'traffic' }, dispatcher]])
  t.equal(again.status, 'assigned')
})

t.test('extension: request, approve moves the due date in working days; refuse; limits', async (t) => {
  const c = run(newCase(), [ASSIGN, SIGN, [{ type: 'extension', days: 5, reason: '需调查' }, handler]])
  t.equal(c.extension?.days, 5)
  const twice = decide(c, { type: 'extension', days: 1, reason: 'x' }, handler, ctx)
  t.same(twice.ok ? null : twice.refusal.kind, 'invalid_state', 'one pending request at a time')
  const approved = run(c, [[{ type: 'extension/approve' }, lead]])
  // 11 March + 5 working days = 18 March.
  t.equal(approved.dueAt, '2026-03-18T15:59:59.999Z')
  t.equal(approved.extendedDays, 5)
  t.equal(approved.extension, null)
  const bySupervisor = run(c, [[{ type: 'extension/approve' }, supervisor]])
  t.equal(bySupervisor.dueAt, approved.dueAt)
  const refused = run(c, [[{ type: 'extension/refuse', reason: '无必要' }, lead]])
  t.equal(refused.dueAt, '2026-03-11T15:59:59.999Z')
  t.equal(refused.extension, null)
  const none = decide(refused, { type: 'extension/approve' }, lead, ctx)
  t.equal(none.ok ? null : none.refusal.kind, 'invalid_state')
  const over = decide(approved, { type: 'extension', days: 11, reason: 'x' }, handler, ctx)
  t.equal(over.ok ? null : over.refusal.kind, 'invalid', 'at most 15 working days in all')
})

t.test('send back a draft; escalate by hand; reopen; rating', async (t) => {
  const back = run(newCase(), [ASSIGN, SIGN, DRAFT, [{ type: 'reply/send-back', reason: '补充' }, lead]])
  t.equal(back.status, 'in_progress')
  const esc = decide(back, { type: 'escalate', note: '加快办理' }, supervisor, ctx)
  t.ok(esc.ok)
  if (esc.ok) {
    t.equal(esc.case.escalationLevel, 1)
    const e = esc.events.find((x) => x.type === 'tracking.case-escalated')
    t.match(e?.data, { kind: 'manual', level: 1 })
  }
  const replied = run(newCase(), [ASSIGN, SIGN, DRAFT, APPROVE])
  const reopened = run(replied, [[{ type: 'reopen', reason: '答复不完整' }, supervisor]])
  t.equal(reopened.status, 'in_progress')
  t.equal(reopened.reworkCount, 1)
  const closed = run(replied, [[{ type: 'close' }, dispatcher]])
  t.equal(run(closed, [[{ type: 'reopen', reason: 'x' }, dispatcher]]).status, 'in_progress')

  const rated = decide(replied, { type: 'rate', satisfaction: 'satisfied' }, { kind: 'citizen' }, ctx)
  t.ok(rated.ok && rated.case.status === 'replied' && rated.case.rating?.satisfaction === 'satisfied')
  if (rated.ok) {
    const again = decide(rated.case, { type: 'rate', satisfaction: 'dissatisfied' }, { kind: 'citizen' }, ctx)
    t.equal(again.ok ? null : again.refusal.kind, 'invalid_state', 'rated once')
  }
  const unhappy = decide(replied, { type: 'rate', satisfaction: 'dissatisfied' }, { kind: 'citizen' }, ctx)
  t.ok(unhappy.ok && unhappy.case.status === 'in_progress' && unhappy.case.reworkCount === 1, 'rework')
  const early = decide(newCase(), { type: 'rate', satisfaction: 'satisfied' }, { kind: 'citizen' }, ctx)
  t.equal(early.ok ? null : early.refusal.kind, 'invalid_state', 'only after the reply')
  t.equal(decide(replied, { type: 'rate', satisfaction: 'satisfied' }, dispatcher, ctx).ok, false)
})

t.test('merge into a lead case', async (t) => {
  const merged = run(newCase(), [
    [
      { type: 'merge', intoCaseId: 'case_lead', target: { id: 'case_lead', status: 'in_progress' } },
      dispatcher,
    ],
  ])
  t.equal(merged.status, 'merged')
  t.equal(merged.mergedInto, 'case_lead')
  const missing = decide(newCase(), { type: 'merge', intoCaseId: 'x', target: null }, dispatcher, ctx)
  t.equal(missing.ok ? null : missing.refusal.kind, 'not_found')
  const c = newCase()
  const into = (status: CaseStatus, id = 'case_lead') =>
    decide(c, { type: 'merge', intoCaseId: id, target: { id, status } }, dispatcher, ctx)
  for (const status of ['merged', 'closed', 'not_accepted', 'replied'] as const) {
    const out = into(status)
    t.equal(out.ok ? null : out.refusal.kind, 'invalid_state', `not into a ${status} case`)
  }
  const self = into('received', c._id)
  t.equal(self.ok ? null : self.refusal.kind, 'invalid_state', 'not into itself')
})

t.test('the lead records a merged case once; the merged case gets the lead reply once', async (t) => {
  const leadCase = run(newCase(), [ASSIGN])
  const linked = recordMerge(leadCase, 'case_b', dispatcher, ctx)
  t.ok(linked?.ok)
  if (!linked?.ok) return
  t.same(linked.case.mergedCaseIds, ['case_b'])
  t.match(linked.case.timeline.at(-1), { action: 'merged_in', note: 'case_b', public: false })
  t.equal(recordMerge(linked.case, 'case_b', dispatcher, ctx), null, 'a retried link changes nothing')

  const merged = run(newCase(), [
    [
      { type: 'merge', intoCaseId: leadCase._id, target: { id: leadCase._id, status: 'assigned' } },
      dispatcher,
    ],
  ])
  const reply = {
    leadCaseId: leadCase._id,
    eventId: 'evt-1',
    text: '答复',
    public: true,
    departmentId: 'exit-entry',
    departmentName: '人口与出入境管理局',
    repliedAt: MONDAY.toISOString(),
  }
  const out = replyFromLead(merged, reply, ctx)
  t.ok(out?.ok)
  if (!out?.ok) return
  t.match(out.case, { status: 'replied', reply: { text: '答复', fromEventId: 'evt-1' } })
  t.match(out.case.timeline.at(-1), { action: 'replied', public: true, actorId: null })
  t.same(
    out.events.map((e) => e.type),
    ['tracking.case-changed', 'tracking.case-replied', 'tracking.callback-due'],
    'the merged case has its own citizen: it may be called back',
  )
  t.match(out.events[1]?.data, { caseId: merged._id, trackingCode: merged.trackingCode })
  t.equal(replyFromLead(out.case, reply, ctx), null, 'the same lead event twice: nothing')
  t.equal(replyFromLead(merged, { ...reply, leadCaseId: 'other' }, ctx), null, 'another lead: nothing')
})

t.test('notes by anyone who sees the case; internal', async (t) => {
  const c = run(newCase(), [ASSIGN, [{ type: 'notes', text: '已电话联系' }, handler]])
  t.equal(c.timeline.at(-1)?.public, false)
  const blind = decide(c, { type: 'notes', text: 'x' }, otherHandler, ctx)
  t.equal(blind.ok ? null : blind.refusal.kind, 'forbidden')
})

t.test('refusals: the role or department may not (forbidden) before the status does not allow', async (t) => {
  const assigned = run(newCase(), [ASSIGN])
  const cases: Array<[string, Command, StaffActor, 'forbidden' | 'invalid_state']> = [
    ['handler may not assign', { type: 'assign', departmentId: 'x' }, handler, 'forbidden'],
    ['other department may not sign', { type: 'sign' }, otherHandler, 'forbidden'],
    ['other lead may not return', { type: 'return', reason: 'x' }, otherLead, 'forbidden'],
    ['dispatcher may not sign', { type: 'sign' }, dispatcher, 'forbidden'],
    ['handler may not escalate', { type: 'escalate', note: 'x' }, handler, 'forbidden'],
    ['lead may not draft', { type: 'reply', text: 'x' }, lead, 'forbidden'],
    ['handler may not approve', { type: 'reply/approve' }, handler, 'forbidden'],
    ['operator may not close', { type: 'close' }, operator, 'forbidden'],
    ['assign twice', { type: 'assign', departmentId: 'x' }, dispatcher, 'invalid_state'],
    ['draft before signing', { type: 'reply', text: 'x' }, handler, 'invalid_state'],
    ['close before reply', { type: 'close' }, dispatcher, 'invalid_state'],
    ['reopen an open case', { type: 'reopen', reason: 'x' }, supervisor, 'invalid_state'],
    ['approve without review', { type: 'reply/approve' }, lead, 'invalid_state'],
    ['answer an assigned case', { type: 'answer', text: 'x' }, dispatcher, 'invalid_state'],
    ['extension before signing', { type: 'extension', days: 2, reason: 'x' }, handler, 'invalid_state'],
  ]
  for (const [name, command, actor, kind] of cases) {
    const out = decide(assigned, command, actor, ctx)
    t.equal(out.ok ? 'ok' : out.refusal.kind, kind, name)
  }
  const closed = run(newCase(), [ASSIGN, SIGN, DRAFT, APPROVE, [{ type: 'close' }, dispatcher]])
  const esc = decide(closed, { type: 'escalate', note: 'x' }, supervisor, ctx)
  t.equal(esc.ok ? 'ok' : esc.refusal.kind, 'invalid_state', 'no escalation of a closed case')
})

t.test('a late reply is not on time', async (t) => {
  const c = run(newCase(), [ASSIGN, SIGN, DRAFT])
  const late = decide(c, APPROVE[0], lead, { now: new Date('2026-03-12T02:00:00Z'), calendar })
  t.ok(late.ok && late.case.onTime === false)
})
