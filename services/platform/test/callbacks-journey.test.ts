// The callback surveys across the services, through HTTP on both adapters: a complaint is replied to and
// becomes a callback task; on the next working day, inside calling hours, the callback officer takes it from the
// queue and calls through the simulator (their phone rings, the line dials the citizen), and records a
// dissatisfied answer; the case is reopened for rework and shows the callback; the KPIs count it. Then three
// service records at one window whose applicants say they were overcharged → a rectification trend alert.
import { type AdapterKind, eventually } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import { login as loginAs, platform } from './helpers.ts'

const CB = '/api/v1/callbacks'
const OFFICE = '城西车管所'
const WINDOW = '6号窗口'
const OFFICER_PHONE = '+8613800001111'

type Json = Record<string, unknown>

async function journey(t: Test, kind: AdapterKind) {
  const p = await platform(t, kind)
  const { mailbox, tracking, callbacks, rectification } = p.apps
  const login = (username: string) => loginAs(t, p, username)
  const departmentId = p.seeded?.departments['exit-entry'] as string

  // Every service record is called back (the default samples one in ten).
  let supervisor = await login('supervisor')
  const policy = (await callbacks.inject({ url: `${CB}/policy`, headers: supervisor })).json()
  const { version, updatedAt: _u, updatedBy: _b, ...fields } = policy
  const put = await callbacks.inject({
    method: 'PUT',
    url: `${CB}/policy`,
    headers: supervisor,
    payload: {
      ...fields,
      ...(version > 0 ? { version } : {}),
      serviceRecords: { ...fields.serviceRecords, defaultRate: 1 },
    },
  })
  t.equal(put.statusCode, 200, `policy: ${put.body}`)

  // A complaint, answered and published: it becomes a callback task (complaints are always called back).
  const dispatcher = await login('dispatcher')
  const handler = await login('handler.exit-entry')
  const lead = await login('lead.exit-entry')
  const letter = await mailbox.inject({
    method: 'POST',
    url: '/api/v1/mailbox/letters',
    payload: {
      category: 'complaint',
      subject: '办证窗口多收加急费',
      body: '在出入境大厅办理港澳通行证时被收取加急费，但并未加急。',
      anonymous: false,
      name: '王五',
      phone: '13912345678',
      consentToPublish: false,
    },
  })
  t.equal(letter.statusCode, 201)
  const { trackingCode } = letter.json()
  const found = await eventually(async () => {
    const res = await tracking.inject({ url: `/api/v1/cases?q=${trackingCode}`, headers: dispatcher })
    return res.json().items?.[0] as { id: string } | undefined
  })
  const act = async (who: Record<string, string>, action: string, body: Json = {}) => {
    const current = await tracking.inject({ url: `/api/v1/cases/${found.id}`, headers: who })
    const res = await tracking.inject({
      method: 'POST',
      url: `/api/v1/cases/${found.id}/${action}`,
      headers: who,
      payload: { version: current.json().version, ...body },
    })
    t.equal(res.statusCode, 200, `${action}: ${res.statusCode === 200 ? 'ok' : res.body}`)
  }
  await act(dispatcher, 'assign', { departmentId })
  await act(handler, 'sign')
  await act(handler, 'reply', { text: '经核查，加急费已退还。', finding: 'substantiated' })
  await act(lead, 'reply/approve')

  const task = await eventually(async () => {
    const res = await callbacks.inject({ url: `${CB}/tasks`, headers: supervisor })
    return (res.json().items as Json[]).find((x) => x.trackingCode === trackingCode)
  }, 30_000)
  t.match(task, { subjectKind: 'case', caseId: found.id, status: 'open', departmentId })
  t.notMatch(JSON.stringify(task), /13912345678|王五/, 'the task shows no number or name in clear')

  // The next working day at 10:00 (Shanghai): the officer takes the task and calls.
  p.clock.set(new Date(Date.parse(task.dueFrom as string) + 3_600_000))
  const officer = await login('callback')
  supervisor = await login('supervisor')
  const phone = await callbacks.inject({
    method: 'PUT',
    url: `${CB}/officers/me`,
    headers: officer,
    payload: { endpoint: OFFICER_PHONE },
  })
  t.equal(phone.statusCode, 200, `officer's phone: ${phone.body}`)
  const next = await callbacks.inject({ method: 'POST', url: `${CB}/tasks/next`, headers: officer })
  t.equal(next.statusCode, 200, `next: ${next.body}`)
  t.equal(next.json().task.id, task.id)
  const call = await callbacks.inject({
    method: 'POST',
    url: `${CB}/tasks/${task.id}/call`,
    headers: officer,
  })
  t.equal(call.statusCode, 202, `call: ${call.body}`)
  const simulator = p.simulator
  if (!simulator) throw new Error('the platform runs the simulator')
  await eventually(async () => (simulator.calls().some((c) => c.to === '+8613912345678') ? true : undefined))
  t.ok(
    simulator.calls().some((c) => c.to === OFFICER_PHONE),
    "the officer's phone rang before the citizen's was dialled",
  )

  const answered = await callbacks.inject({
    method: 'POST',
    url: `${CB}/tasks/${task.id}/attempts`,
    headers: officer,
    payload: {
      outcome: 'completed',
      answers: {
        feeCorrect: true,
        amountPaid: null,
        attitude: 3,
        promiseKept: false,
        satisfaction: 'dissatisfied',
        comment: '退费很慢。',
      },
    },
  })
  t.equal(answered.statusCode, 200, `attempt: ${answered.body}`)
  t.equal(answered.json().status, 'completed')

  // The case is reopened for rework and shows the callback.
  const reopened = await eventually(async () => {
    const res = await tracking.inject({ url: `/api/v1/cases/${found.id}`, headers: dispatcher })
    const c = res.json()
    return (c.timeline as Array<{ action: string }>).some((e) => e.action === 'callback_completed')
      ? c
      : undefined
  }, 30_000)
  t.equal(reopened.status, 'in_progress', 'reopened for rework')
  t.match(reopened.callbacks, [{ taskId: task.id, outcome: 'completed', satisfaction: 'dissatisfied' }])

  // The KPIs count it: one completed of one eligible, none satisfied.
  const month = new Date(p.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 7)
  const stats = await callbacks.inject({
    url: `${CB}/stats?from=${month}&to=${month}&groupBy=department`,
    headers: supervisor,
  })
  t.equal(stats.statusCode, 200, stats.body)
  const row = (stats.json().rows as Json[]).find((r) => r.group === departmentId)
  t.match(row, { eligible: 1, completed: 1, satisfaction: { n: 1, satisfied: 0, method: 'wilson' } })

  // Three applicants at one window say they paid more than the posted fee → a rectification alert.
  const completedAt = new Date(p.clock.now().getTime() - 3_600_000).toISOString()
  const records = [1, 2, 3].map((n) => ({
    source: 'vehicle-system',
    recordId: `VL-${Date.now()}-${n}`,
    serviceType: 'vehicle_licence',
    department: 'exit-entry',
    office: OFFICE,
    window: WINDOW,
    applicantName: `申请人${n}`,
    applicantPhone: `1371234000${n}`,
    feeCharged: 200,
    feeSchedule: 100,
    promisedDays: 5,
    completedAt,
  }))
  const imported = await callbacks.inject({
    method: 'POST',
    url: `${CB}/service-records`,
    headers: supervisor,
    payload: { records },
  })
  t.equal(imported.statusCode, 200, `import: ${imported.body}`)
  t.match(imported.json(), { accepted: 3, sampled: 3, rejected: [] })
  const recordTasks = await eventually(async () => {
    const res = await callbacks.inject({ url: `${CB}/tasks?status=open`, headers: supervisor })
    const items = (res.json().items as Json[]).filter((x) => x.subjectKind === 'service_record')
    return items.length === 3 ? items : undefined
  })
  const latest = Math.max(...recordTasks.map((x) => Date.parse(x.dueFrom as string)))
  p.clock.set(new Date(latest + 3_600_000))
  const again = await login('callback')
  for (const _ of recordTasks) {
    const taken = await callbacks.inject({ method: 'POST', url: `${CB}/tasks/next`, headers: again })
    t.equal(taken.statusCode, 200, `next: ${taken.body}`)
    const done = await callbacks.inject({
      method: 'POST',
      url: `${CB}/tasks/${taken.json().task.id}/attempts`,
      headers: again,
      payload: {
        outcome: 'completed',
        answers: {
          feeCorrect: false,
          amountPaid: 200,
          attitude: 4,
          promiseKept: true,
          satisfaction: 'basically_satisfied',
          comment: null,
        },
      },
    })
    t.equal(done.statusCode, 200, `record attempt: ${done.body}`)
  }
  const discipline = await login('discipline')
  const alert = await eventually(async () => {
    const res = await rectification.inject({ url: '/api/v1/rectification/alerts', headers: discipline })
    return (res.json().items as Array<{ level: string; window: string | null; problemIds: string[] }>).find(
      (a) => a.window === WINDOW && a.problemIds.length === 3,
    )
  }, 30_000)
  t.equal(alert.level, 'window', "the window's own alert, though the department's is open too")
}

t.test('embedded', (t) => journey(t, 'embedded'))
t.test('distributed', (t) => journey(t, 'distributed'))
