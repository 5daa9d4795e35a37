// Every role against every staff endpoint, from the brief (ARCHITECTURE.md "Who uses it", the README's
// action table) — not from the code's own role tables: an allowed call succeeds (200) on a case in a
// state that allows the action, a forbidden one is 403 and changes nothing. Handlers and department leads
// are blind to other departments' cases on every case endpoint.
import { ROLES } from '@tingjian/contracts'
import type { Role } from '@tingjian/kit'
import t from 'tap'
import { type Harness, harness } from './helpers.ts'

type Action =
  | 'assign'
  | 'not-accept'
  | 'answer'
  | 'sign'
  | 'return'
  | 'extension'
  | 'extension/approve'
  | 'extension/refuse'
  | 'reply'
  | 'reply/approve'
  | 'reply/send-back'
  | 'escalate'
  | 'close'
  | 'reopen'
  | 'merge'
  | 'notes'
  | 'concerns'

/**
 * The requirement: who may take each action (handlers and leads: of the case's lead department), and the
 * steps that bring a case to a state where the action is possible.
 * - dispatchers accept and assign (受理派单), do not accept, answer on the spot, close, reopen, merge;
 * - hotline operators answer on the spot;
 * - the lead department's handlers sign (签收), return, ask for an extension, draft the reply;
 * - its lead signs and returns too, approves or refuses extensions, approves or sends back the reply (审核);
 * - supervisors (督办) escalate, approve or refuse extensions, close and reopen;
 * - anyone who can see the case writes an internal note; admins, callback staff and discipline officers
 *   take no other action on a case;
 * - what the complaint is about (被投诉对象: office, window, staff number) is recorded by the dispatcher, a
 *   supervisor, or the lead department's handlers and lead (issue 13's design).
 */
const REQUIREMENT: Record<Action, { roles: readonly Role[]; setup: Step[]; body: Record<string, unknown> }> =
  {
    assign: { roles: ['dispatcher'], setup: [], body: { departmentId: 'exit-entry' } },
    'not-accept': { roles: ['dispatcher'], setup: [], body: { reason: '不属于受理范围' } },
    answer: { roles: ['dispatcher', 'hotline_operator'], setup: [], body: { text: '即时答复' } },
    sign: { roles: ['handler', 'dept_lead'], setup: ['assign'], body: {} },
    return: { roles: ['handler', 'dept_lead'], setup: ['assign'], body: { reason: '不属于本单位' } },
    extension: { roles: ['handler'], setup: ['assign', 'sign'], body: { days: 3, reason: '需要调查' } },
    'extension/approve': {
      roles: ['dept_lead', 'supervisor'],
      setup: ['assign', 'sign', 'extension'],
      body: {},
    },
    'extension/refuse': {
      roles: ['dept_lead', 'supervisor'],
      setup: ['assign', 'sign', 'extension'],
      body: { reason: '不予延期' },
    },
    reply: { roles: ['handler'], setup: ['assign', 'sign'], body: { text: '答复草稿' } },
    'reply/approve': { roles: ['dept_lead'], setup: ['assign', 'sign', 'reply'], body: {} },
    'reply/send-back': {
      roles: ['dept_lead'],
      setup: ['assign', 'sign', 'reply'],
      body: { reason: '请补充' },
    },
    escalate: { roles: ['supervisor'], setup: ['assign'], body: { note: '督办' } },
    close: { roles: ['dispatcher', 'supervisor'], setup: ['answer'], body: {} },
    reopen: { roles: ['dispatcher', 'supervisor'], setup: ['answer'], body: { reason: '重办' } },
    merge: { roles: ['dispatcher'], setup: [], body: { intoCaseId: 'LEAD' } },
    notes: { roles: ROLES, setup: ['assign'], body: { text: '内部记录' } },
    concerns: {
      roles: ['dispatcher', 'supervisor', 'handler', 'dept_lead'],
      setup: ['assign'],
      body: { window: '3号窗口', staffNumber: 'A-1024' },
    },
  }

type Step = 'assign' | 'sign' | 'extension' | 'reply' | 'answer'
/** Who takes each setup step, with what. */
const STEPS: Record<Step, [Role, Record<string, unknown>]> = {
  assign: ['dispatcher', { departmentId: 'exit-entry' }],
  sign: ['handler', {}],
  extension: ['handler', { days: 3, reason: '需要调查' }],
  reply: ['handler', { text: '答复草稿' }],
  answer: ['dispatcher', { text: '即时答复' }],
}

/** Who may read statistics and the phone-search audit trail (README "HTTP API"). */
const STATS_READERS: readonly Role[] = ['admin', 'dispatcher', 'supervisor', 'discipline_officer']
const AUDIT_READERS: readonly Role[] = ['admin']

const DEPARTMENT_ROLES: readonly Role[] = ['handler', 'dept_lead']
const deptOf = (role: Role) => (DEPARTMENT_ROLES.includes(role) ? 'exit-entry' : null)

function client(h: Harness) {
  const headers = (role: Role, dept: string | null = deptOf(role)) => ({
    authorization: `Bearer ${h.token(role, dept)}`,
  })
  const post = async (
    id: string,
    action: string,
    role: Role,
    body: Record<string, unknown>,
    dept = deptOf(role),
  ) => {
    const version = (await h.cases.get(id))?.version
    return h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/${action}`,
      headers: headers(role, dept),
      payload: { version, ...body },
    })
  }
  const prepare = async (steps: Step[]) => {
    const { id } = await h.submit()
    for (const step of steps) {
      const [role, body] = STEPS[step]
      const res = await post(id, step, role, body)
      if (res.statusCode !== 200) throw new Error(`setup ${step}: ${res.statusCode} ${res.body}`)
    }
    return id
  }
  return { headers, post, prepare }
}

t.test('role × action: allowed calls succeed, the others are 403 and change nothing', async (t) => {
  const h = await harness(t)
  const { post, prepare } = client(h)
  const lead = await h.submit()
  for (const [action, rule] of Object.entries(REQUIREMENT) as Array<[Action, (typeof REQUIREMENT)[Action]]>) {
    let id = await prepare(rule.setup)
    for (const role of ROLES) {
      const body = { ...rule.body }
      if (body.intoCaseId === 'LEAD') body.intoCaseId = lead.id
      const before = await h.cases.get(id)
      const res = await post(id, action, role, body)
      if (rule.roles.includes(role)) {
        t.equal(
          res.statusCode,
          200,
          `${role} ${action}: allowed (${res.statusCode === 200 ? 'ok' : res.body})`,
        )
        id = await prepare(rule.setup) // the next role gets a case in the same state
      } else {
        t.equal(res.statusCode, 403, `${role} ${action}: forbidden`)
        t.equal(res.json().type, '/problems/forbidden')
        t.equal((await h.cases.get(id))?.version, before?.version, `${role} ${action}: nothing changed`)
      }
    }
  }
})

t.test(
  'role × read endpoint: every staff role reads cases and queues; statistics and audit by role',
  async (t) => {
    const h = await harness(t)
    const { headers, prepare } = client(h)
    const id = await prepare(['assign'])
    const get = (url: string, role: Role) => h.app.inject({ method: 'GET', url, headers: headers(role) })
    for (const role of ROLES) {
      const list = await get('/api/v1/cases', role)
      t.equal(list.statusCode, 200, `${role} GET /cases`)
      t.same(
        list.json().items.map((c: { id: string }) => c.id),
        [id],
        `${role} lists the case`,
      )
      const queues = await get('/api/v1/cases/queues', role)
      t.equal(queues.statusCode, 200, `${role} GET /cases/queues`)
      t.equal(queues.json().counts.to_sign, 1, `${role} counts the case waiting to be signed for`)
      t.equal((await get(`/api/v1/cases/${id}`, role)).statusCode, 200, `${role} GET /cases/{id}`)
      t.same(
        (await get(`/api/v1/cases/${id}/timeline/verify`, role)).json(),
        { valid: true, entries: 2 },
        `${role} GET verify`,
      )
      const stats = await get(
        '/api/v1/stats/departments?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
        role,
      )
      t.equal(stats.statusCode, STATS_READERS.includes(role) ? 200 : 403, `${role} stats`)
      const audit = await get('/api/v1/audit/searches', role)
      t.equal(audit.statusCode, AUDIT_READERS.includes(role) ? 200 : 403, `${role} audit trail`)
    }
    for (const url of ['/api/v1/cases', '/api/v1/cases/queues', `/api/v1/cases/${id}`]) {
      t.equal((await h.app.inject({ method: 'GET', url })).statusCode, 401, `no token: ${url}`)
    }
  },
)

t.test('other departments are blind to the case on every case endpoint', async (t) => {
  const h = await harness(t)
  const { post, prepare } = client(h)
  // lead exit-entry, supporting traffic
  const { id } = await h.submit()
  const assigned = await post(id, 'assign', 'dispatcher', {
    departmentId: 'exit-entry',
    supportingDepartmentIds: ['traffic'],
  })
  t.equal(assigned.statusCode, 200)
  const other = await prepare(['assign']) // exit-entry only
  const outsiders: Array<[Role, string | null]> = [
    ['handler', 'no-such-unit'],
    ['dept_lead', 'no-such-unit'],
    ['handler', null],
    ['dept_lead', null],
  ]
  const blind = async (caseId: string, role: Role, dept: string | null, label: string) => {
    const as = { authorization: `Bearer ${h.token(role, dept)}` }
    const get = (url: string) => h.app.inject({ method: 'GET', url, headers: as })
    t.equal((await get(`/api/v1/cases/${caseId}`)).statusCode, 404, `${label}: GET /cases/{id}`)
    t.equal((await get(`/api/v1/cases/${caseId}/timeline/verify`)).statusCode, 404, `${label}: verify`)
    const list = await get('/api/v1/cases')
    t.notOk(
      list.json().items.some((c: { id: string }) => c.id === caseId),
      `${label}: not listed`,
    )
    const queue = await get('/api/v1/cases?queue=to_sign')
    t.notOk(
      queue.json().items.some((c: { id: string }) => c.id === caseId),
      `${label}: not in the work queue`,
    )
    if (dept !== 'traffic') {
      t.same((await get('/api/v1/cases/queues')).json().counts.to_sign, 0, `${label}: not counted`)
    }
    const before = (await h.cases.get(caseId))?.version
    for (const action of Object.keys(REQUIREMENT) as Action[]) {
      const res = await post(caseId, action, role, REQUIREMENT[action].body, dept)
      // the route's role rule answers first for roles that may never take the action; for the others
      // the case does not exist
      const expected = REQUIREMENT[action].roles.includes(role) ? 404 : 403
      t.equal(res.statusCode, expected, `${label}: POST ${action}`)
    }
    t.equal((await h.cases.get(caseId))?.version, before, `${label}: nothing changed`)
  }
  for (const [role, dept] of outsiders) {
    await blind(id, role, dept, `${role} of ${dept ?? 'no department'}`)
  }
  // a supporting department (协办) sees the case but the lead department's actions are not theirs
  const supporting = { authorization: `Bearer ${h.token('handler', 'traffic')}` }
  t.equal(
    (await h.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: supporting })).statusCode,
    200,
    'the supporting department sees the case',
  )
  t.equal((await post(id, 'sign', 'handler', {}, 'traffic')).statusCode, 403, 'but does not sign for it')
  t.equal(
    (await post(id, 'notes', 'handler', { text: '协办意见' }, 'traffic')).statusCode,
    200,
    'and may note',
  )
  // and is blind to a case of the lead department alone
  await blind(other, 'handler', 'traffic', 'handler of traffic, not involved')
})
