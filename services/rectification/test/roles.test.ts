// The role × endpoint matrix, written out here from the design's table of who may do what (not imported
// from the routes): an allowed role gets past the access rule (any answer but 401/403: a stale version,
// a missing body field or an unknown id are fine), any other role gets 403, no token 401. Then the
// department dimension: a department's lead and handlers see and act on their department's orders only
// (another department's answer 404, as if absent; its lists hold none of them).
import t from 'tap'
import { API, client, DEPT_A, DEPT_B, multipart, pdf, rectification, seedProblems } from './helpers.ts'

const ROLES = [
  'discipline_officer',
  'dept_lead',
  'handler',
  'supervisor',
  'admin',
  'dispatcher',
  'callback_agent',
  'hotline_operator',
  'poll_manager',
] as const
type R = (typeof ROLES)[number]

const READ: R[] = ['discipline_officer', 'dept_lead', 'handler', 'supervisor']
const OFFICER: R[] = ['discipline_officer']

t.test('role × endpoint', async (t) => {
  const h = await rectification(t)
  const api = client(h)
  const [problemId] = (await seedProblems(h, 1)) as [string]
  const [other] = (await seedProblems(h, 1)) as [string]
  const order = await api.issue([problemId])
  // an attachment to download: a second order taken to `planned` and given evidence
  const lead = h.as('dept_lead', DEPT_A, 'lead-a')
  const o2 = await api.issue([other])
  const ack = await api.act(o2.orderId, 'acknowledge', lead, o2.version)
  const plan = await api.act(o2.orderId, 'plan', lead, ack.body.version, {
    measures: 'm',
    owner: 'o',
    plannedBy: '2026-03-10',
  })
  const ev = await api.evidence(o2.orderId, lead, { version: String(plan.body.version), text: 't' }, [
    { filename: 'e.pdf', content: pdf() },
  ])
  const download = ev.body.evidence[0].attachments[0].url as string

  const id = order.orderId
  const alertId = `ralt_${'0'.repeat(40)}`
  const appealId = 'rapl_01900000-0000-7000-8000-000000000000'
  const stale = { version: 999_999 }
  const upload = multipart({ version: '999999', text: 'x' })

  // [method, path, who may (the design's table), body]
  const table: Array<[string, string, R[] | 'public', unknown?]> = [
    ['GET', '/orders', READ],
    ['GET', `/orders/${id}`, READ],
    ['GET', `/orders/${id}/timeline/verify`, READ],
    ['GET', download.slice(API.length), READ],
    ['POST', '/orders', OFFICER, {}],
    ['POST', `/orders/${id}/verify`, OFFICER, stale],
    ['POST', `/orders/${id}/send-back`, OFFICER, { ...stale, kind: 'not_effective', reason: 'r' }],
    ['POST', `/orders/${id}/close`, OFFICER, { ...stale, publicSummary: 's' }],
    ['POST', `/orders/${id}/recheck`, OFFICER, { ...stale, outcome: 'held', note: 'n' }],
    ['POST', `/orders/${id}/acknowledge`, ['dept_lead'], stale],
    [
      'POST',
      `/orders/${id}/plan`,
      ['dept_lead', 'handler'],
      { ...stale, measures: 'm', owner: 'o', plannedBy: '2026-03-10' },
    ],
    ['POST', `/orders/${id}/evidence`, ['dept_lead', 'handler'], upload],
    ['GET', '/alerts', ['discipline_officer', 'supervisor']],
    ['GET', `/alerts/${alertId}`, ['discipline_officer', 'supervisor']],
    ['POST', `/alerts/${alertId}/acknowledge`, OFFICER, stale],
    ['POST', `/alerts/${alertId}/dismiss`, OFFICER, { ...stale, reason: 'r' }],
    ['GET', '/problems', READ],
    ['GET', `/problems/${encodeURIComponent(problemId)}`, READ],
    ['POST', '/problems', OFFICER, {}],
    ['GET', '/appeals', READ],
    ['POST', '/appeals', ['dept_lead'], {}],
    ['POST', `/appeals/${appealId}/decide`, OFFICER, { ...stale, decision: 'upheld', reason: 'r' }],
    ['GET', '/kpis', ['discipline_officer', 'supervisor', 'admin']],
    ['GET', '/kpis.csv', ['discipline_officer', 'supervisor', 'admin']],
    ['GET', '/public/summary', 'public'],
  ]

  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const isUpload = body === upload
    const res = await h.app.inject({
      method: method as 'GET' | 'POST',
      url: `${API}${path}`,
      headers: isUpload ? { ...headers, 'content-type': upload.contentType } : headers,
      ...(body === undefined ? {} : { payload: isUpload ? upload.payload : (body as object) }),
    })
    return res.statusCode
  }

  for (const [method, path, allowed, body] of table) {
    for (const role of ROLES) {
      const status = await call(method, path, h.as(role, DEPT_A), body)
      const may = allowed === 'public' || allowed.includes(role)
      if (may) t.notOk([401, 403].includes(status), `${role} may ${method} ${path} (${status})`)
      else t.equal(status, 403, `${role} may not ${method} ${path}`)
    }
    const anonymous = await call(method, path, {}, body)
    t.equal(anonymous, allowed === 'public' ? 200 : 401, `no token: ${method} ${path}`)
  }
  t.equal((await h.orders.get(id))?.version, order.version, 'nothing in the matrix changed the order')
})

t.test('a department sees and acts on its own orders only', async (t) => {
  const h = await rectification(t)
  const api = client(h)
  const order = await api.issue(await seedProblems(h, 1))
  const [bProblem] = (await seedProblems(h, 1, { departmentId: DEPT_B })) as [string]
  const bOrder = await api.issue([bProblem])
  for (const role of ['dept_lead', 'handler'] as const) {
    const b = h.as(role, DEPT_B)
    t.equal((await api.get(`/orders/${order.orderId}`, b)).status, 404, `${role} of B: A's order is absent`)
    t.equal((await api.get(`/orders/${order.orderId}/timeline/verify`, b)).status, 404)
    const list = await api.get('/orders', b)
    t.same(
      list.body.items.map((o: { orderId: string }) => o.orderId),
      [bOrder.orderId],
      `${role} of B lists B's orders only`,
    )
    const asked = await api.get(`/orders?departmentId=${DEPT_A}`, b)
    t.same(asked.body.items, [], `${role} of B cannot ask for A's`)
    const plan = await api.act(order.orderId, 'plan', b, order.version, {
      measures: 'm',
      owner: 'o',
      plannedBy: '2026-03-10',
    })
    t.equal(plan.status, 404, `${role} of B cannot plan A's order`)
    const problems = await api.get('/problems', b)
    t.same(
      problems.body.items.map((p: { departmentId: string }) => p.departmentId),
      [DEPT_B],
      `${role} of B lists B's problems only`,
    )
  }
  t.equal((await api.act(order.orderId, 'acknowledge', h.as('dept_lead', DEPT_B), order.version)).status, 404)
  const noDept = h.as('dept_lead', null)
  t.same((await api.get('/orders', noDept)).body.items, [], 'a lead with no department sees none')
  const all = await api.get('/orders', h.as('supervisor'))
  t.equal(all.body.items.length, 2, 'a supervisor reads every department')
})
