// availableActions against decide: in every state, for every kind of actor, an action is listed exactly
// when decide takes it (with a valid request), and an unlisted one is refused for its role, department or
// the case's state.
import type { Role } from '@tingjian/kit'
import t from 'tap'
import {
  availableActions,
  type CaseState,
  type Command,
  decide,
  STAFF_ACTIONS,
  type StaffAction,
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
  staff,
  supervisor,
} from '../fixtures.ts'

const ctx = { now: MONDAY, calendar }

/** A valid request of every action (merge: into an open lead case). */
const COMMANDS: Record<StaffAction, Command> = {
  assign: { type: 'assign', departmentId: 'traffic' },
  'not-accept': { type: 'not-accept', reason: '不属于职责' },
  answer: { type: 'answer', text: '已答复' },
  sign: { type: 'sign' },
  return: { type: 'return', reason: '不属本部门' },
  extension: { type: 'extension', days: 1, reason: '需调查' },
  'extension/approve': { type: 'extension/approve' },
  'extension/refuse': { type: 'extension/refuse', reason: '无必要' },
  reply: { type: 'reply', text: '答复' },
  'reply/approve': { type: 'reply/approve' },
  'reply/send-back': { type: 'reply/send-back', reason: '补充' },
  escalate: { type: 'escalate', note: '加快' },
  close: { type: 'close' },
  reopen: { type: 'reopen', reason: '重办' },
  merge: { type: 'merge', intoCaseId: 'case_lead', target: { id: 'case_lead', status: 'in_progress' } },
  notes: { type: 'notes', text: '备注' },
  concerns: { type: 'concerns', window: '3号窗口' },
}

const EXTEND = (days: number): [Command, StaffActor] => [{ type: 'extension', days, reason: 'x' }, handler]

function states(): Record<string, CaseState> {
  const replied = run(newCase(), [ASSIGN, SIGN, DRAFT, APPROVE])
  const rated = decide(replied, { type: 'rate', satisfaction: 'satisfied' }, { kind: 'citizen' }, ctx)
  if (!rated.ok) throw new Error('setup')
  return {
    received: newCase(),
    returned: run(newCase(), [ASSIGN, [{ type: 'return', reason: 'x' }, lead]]),
    assigned: run(newCase(), [ASSIGN]),
    'assigned with a supporting department': run(newCase(), [
      [{ type: 'assign', departmentId: 'exit-entry', supportingDepartmentIds: ['traffic'] }, dispatcher],
    ]),
    in_progress: run(newCase(), [ASSIGN, SIGN]),
    'extension pending': run(newCase(), [ASSIGN, SIGN, EXTEND(3)]),
    'all extension days used': run(newCase(), [
      ASSIGN,
      SIGN,
      EXTEND(15),
      [{ type: 'extension/approve' }, lead],
    ]),
    '14 extension days used': run(newCase(), [
      ASSIGN,
      SIGN,
      EXTEND(14),
      [{ type: 'extension/approve' }, lead],
    ]),
    reply_review: run(newCase(), [ASSIGN, SIGN, DRAFT]),
    'reply_review, extension pending': run(newCase(), [ASSIGN, SIGN, EXTEND(2), DRAFT]),
    'escalated to the top': run(newCase(), [
      ASSIGN,
      ...Array.from({ length: 4 }, (): [Command, StaffActor] => [
        { type: 'escalate', note: 'x' },
        supervisor,
      ]),
    ]),
    replied,
    rated: rated.case,
    closed: run(replied, [[{ type: 'close' }, dispatcher]]),
    reworked: run(replied, [[{ type: 'reopen', reason: 'x' }, supervisor]]),
    not_accepted: run(newCase(), [[{ type: 'not-accept', reason: 'x' }, dispatcher]]),
    answered: run(newCase(), [[{ type: 'answer', text: 'x' }, operator]]),
    merged: run(newCase(), [[COMMANDS.merge, dispatcher]]),
  }
}

const ACTORS: Record<string, StaffActor> = {
  dispatcher,
  supervisor,
  operator,
  handler,
  lead,
  'handler of another department': otherHandler,
  'lead of another department': otherLead,
  'handler without a department': staff('u-h0', ['handler'], null),
  admin: staff('u-admin', ['admin']),
  callback: staff('u-cb', ['callback_agent']),
  discipline: staff('u-disc', ['discipline_officer']),
  'handler and lead': staff('u-both', ['handler', 'dept_lead'], 'exit-entry'),
  'dispatcher who is also a traffic handler': staff(
    'u-mixed',
    ['dispatcher', 'handler'] as Role[],
    'traffic',
  ),
  'no roles': staff('u-none', []),
}

t.test('listed exactly when decide takes it; otherwise refused for role, department or state', async (t) => {
  let checked = 0
  for (const [stateName, c] of Object.entries(states())) {
    for (const [actorName, actor] of Object.entries(ACTORS)) {
      const listed = availableActions(c, actor)
      t.same(
        listed,
        STAFF_ACTIONS.filter((a) => listed.includes(a)),
        'in the order of the API',
      )
      for (const action of STAFF_ACTIONS) {
        const out = decide(c, COMMANDS[action], actor, ctx)
        const where = `${stateName} / ${actorName} / ${action}`
        if (listed.includes(action)) {
          t.ok(out.ok, `${where}: listed and taken`, out.ok ? {} : { refusal: out.refusal })
        } else {
          t.notOk(out.ok, `${where}: not listed, refused`)
          if (!out.ok) t.ok(['forbidden', 'invalid_state', 'invalid'].includes(out.refusal.kind), where)
        }
        checked++
      }
    }
  }
  t.ok(checked > 3000, `${checked} combinations`)
})

t.test('unlisted actions are refused whatever the request says', async (t) => {
  const all = states()
  for (const [stateName, c] of Object.entries(all)) {
    for (const [actorName, actor] of Object.entries(ACTORS)) {
      const listed = availableActions(c, actor)
      if (!listed.includes('extension')) {
        for (const days of [1, 7, 15]) {
          const out = decide(c, { type: 'extension', days, reason: 'x' }, actor, ctx)
          t.notOk(out.ok, `${stateName} / ${actorName}: extension of ${days} refused`)
        }
      }
      if (!listed.includes('merge')) {
        const out = decide(c, COMMANDS.merge, actor, ctx)
        t.notOk(out.ok, `${stateName} / ${actorName}: merge refused`)
      }
    }
  }
})

t.test('what each one sees on a few cases', async (t) => {
  const s = states()
  t.same(availableActions(s.received as CaseState, dispatcher), [
    'assign',
    'not-accept',
    'answer',
    'merge',
    'notes',
    'concerns',
  ])
  t.same(availableActions(s.received as CaseState, handler), [], 'a received case is not the handler’s')
  t.same(availableActions(s.assigned as CaseState, handler), ['sign', 'return', 'notes', 'concerns'])
  t.same(availableActions(s.assigned as CaseState, otherHandler), [], 'another department: nothing')
  t.same(
    availableActions(s['assigned with a supporting department'] as CaseState, otherHandler),
    ['notes'],
    'a supporting department takes notes but does not sign',
  )
  t.same(availableActions(s.in_progress as CaseState, handler), [
    'return',
    'extension',
    'reply',
    'notes',
    'concerns',
  ])
  t.same(availableActions(s['extension pending'] as CaseState, handler), [
    'return',
    'reply',
    'notes',
    'concerns',
  ])
  t.same(availableActions(s['extension pending'] as CaseState, lead), [
    'return',
    'extension/approve',
    'extension/refuse',
    'notes',
    'concerns',
  ])
  t.same(availableActions(s['all extension days used'] as CaseState, handler), [
    'return',
    'reply',
    'notes',
    'concerns',
  ])
  t.same(availableActions(s.reply_review as CaseState, lead), [
    'reply/approve',
    'reply/send-back',
    'notes',
    'concerns',
  ])
  t.same(availableActions(s.reply_review as CaseState, supervisor), ['escalate', 'notes', 'concerns'])
  t.same(availableActions(s.replied as CaseState, supervisor), ['close', 'reopen', 'notes', 'concerns'])
  t.same(availableActions(s.closed as CaseState, dispatcher), ['reopen', 'notes', 'concerns'])
  t.same(availableActions(s.merged as CaseState, dispatcher), ['notes'], 'a merged case: no concerns either')
  t.same(availableActions(s.merged as CaseState, ACTORS['no roles'] as StaffActor), [])
})

t.test('a return is recorded until the case is assigned again', async (t) => {
  const returned = run(newCase(), [ASSIGN, [{ type: 'return', reason: '不属本部门' }, lead]])
  t.match(returned.returned, { departmentId: 'exit-entry', reason: '不属本部门', at: MONDAY.toISOString() })
  t.equal(returned.status, 'received')
  const again = run(returned, [[{ type: 'assign', departmentId: 'traffic' }, dispatcher]])
  t.equal(again.returned, null)
  t.equal(newCase().returned, null)
})
