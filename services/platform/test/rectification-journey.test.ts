// Rectification (整改) across the services, through HTTP on both adapters: two citizens rate their replies
// dissatisfied on complaints about one window (tracking announces the problems) and a callback survey reports a
// third (its event, as the callbacks service will publish it) → one trend alert → an order from it → the
// department acknowledges, plans and sends evidence with a PDF → sent back → new evidence → verified →
// closed (销号). The cases' timelines show the order and its closure; the lead is mailed the order.
import { randomBytes } from 'node:crypto'
import { CallbacksEvents } from '@tingjian/contracts'
import { type AdapterKind, eventually, mailText, mailTo } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import { login as loginAs, platform } from './helpers.ts'

const OFFICE = '城东出入境办证大厅'
const WINDOW = '3号窗口'

/** A minimal PDF: what the content check must accept as application/pdf. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

function multipart(
  fields: Record<string, string>,
  files: Array<{ name: string; type: string; body: Buffer }>,
) {
  const boundary = `----tj${randomBytes(8).toString('hex')}`
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    )
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.body,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

async function journey(t: Test, kind: AdapterKind) {
  const p = await platform(t, kind)
  const { mailbox, tracking, rectification } = p.apps
  const login = (username: string) => loginAs(t, p, username)
  const dispatcher = await login('dispatcher')
  const handler = await login('handler.exit-entry')
  const lead = await login('lead.exit-entry')
  const officer = await login('discipline')
  const departmentId = p.seeded?.departments['exit-entry'] as string

  // Two complaints about window 3, answered and rated dissatisfied by their citizens.
  const cases: Array<{ id: string; trackingCode: string }> = []
  for (const n of [1, 2]) {
    const letter = await mailbox.inject({
      method: 'POST',
      url: '/api/v1/mailbox/letters',
      payload: {
        category: 'complaint',
        subject: `三号窗口工作人员态度生硬 ${n}`,
        body: '在城东办证大厅三号窗口办理护照时，工作人员态度生硬。',
        anonymous: true,
        consentToPublish: false,
      },
    })
    t.equal(letter.statusCode, 201, `letter ${n}`)
    const { trackingCode, accessKey } = letter.json()
    const found = await eventually(async () => {
      const res = await tracking.inject({ url: `/api/v1/cases?q=${trackingCode}`, headers: dispatcher })
      return res.json().items?.[0] as { id: string } | undefined
    })
    const act = async (who: Record<string, string>, action: string, body: Record<string, unknown> = {}) => {
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
    await act(dispatcher, 'concerns', { office: OFFICE, window: WINDOW })
    await act(handler, 'sign')
    await act(handler, 'reply', { text: '经核查，已对窗口工作人员进行提醒。', finding: 'unfounded' })
    await act(lead, 'reply/approve')
    const rated = await tracking.inject({
      method: 'POST',
      url: `/api/v1/public/cases/${trackingCode}/rating`,
      headers: { 'x-access-key': accessKey },
      payload: { satisfaction: 'dissatisfied' },
    })
    t.equal(rated.statusCode, 200, `rating ${n}`)
    cases.push({ id: found.id, trackingCode })
  }

  // A callback survey's problem about the same window (written with a full-width digit and spaces).
  const surveyId = `survey_${randomBytes(6).toString('hex')}`
  await p.bus.publish(
    CallbacksEvents.problemFound.create({
      subject: surveyId,
      data: {
        problemId: `${surveyId}:overcharge`,
        kind: 'overcharge',
        summary: '回访：收费高于公示标准',
        source: { kind: 'survey', id: surveyId, trackingCode: null },
        departmentId,
        office: OFFICE,
        window: ' ３号窗口 ',
        staffNumber: null,
        evidenceUrl: null,
        occurredAt: new Date().toISOString(),
      },
    }),
  )

  // One alert, at the window, with the three problems as its evidence.
  const alert = await eventually(async () => {
    const res = await rectification.inject({ url: '/api/v1/rectification/alerts', headers: officer })
    const items = res.json().items as Array<{ alertId: string; level: string; problemIds: string[] }>
    return items.find((a) => a.problemIds.length >= 3)
  }, 30_000)
  t.equal(alert.level, 'window')
  t.equal(alert.problemIds.length, 3)
  const allAlerts = await rectification.inject({ url: '/api/v1/rectification/alerts', headers: officer })
  t.equal(allAlerts.json().items.length, 1, 'one alert: not also one for the office or the department')

  // The discipline officer turns it into an order.
  const issued = await rectification.inject({
    method: 'POST',
    url: '/api/v1/rectification/orders',
    headers: officer,
    payload: {
      problemIds: alert.problemIds,
      alertId: alert.alertId,
      title: '城东大厅3号窗口服务态度与收费问题整改',
      measuresRequired: '核查收费并退还多收费用；对窗口人员开展服务规范培训。',
      deadline: { workingDays: 10 },
      priority: 'high',
    },
  })
  t.equal(issued.statusCode, 201, issued.body)
  const orderId = issued.json().orderId as string
  const number = issued.json().number as string
  t.match(number, /^ZG\d{4}-\d{5}$/)
  const order = async () =>
    (await rectification.inject({ url: `/api/v1/rectification/orders/${orderId}`, headers: officer })).json()
  const act = async (who: Record<string, string>, action: string, body: Record<string, unknown> = {}) => {
    const res = await rectification.inject({
      method: 'POST',
      url: `/api/v1/rectification/orders/${orderId}/${action}`,
      headers: who,
      payload: { version: (await order()).version, ...body },
    })
    t.equal(res.statusCode, 200, `${action}: ${res.statusCode === 200 ? 'ok' : res.body}`)
    return res.json()
  }
  const evidence = async (text: string) => {
    const { payload, contentType } = multipart({ version: String((await order()).version), text }, [
      { name: '整改报告.pdf', type: 'application/pdf', body: PDF },
    ])
    const res = await rectification.inject({
      method: 'POST',
      url: `/api/v1/rectification/orders/${orderId}/evidence`,
      headers: { ...handler, 'content-type': contentType },
      payload,
    })
    t.equal(res.statusCode, 200, `evidence: ${res.statusCode === 200 ? 'ok' : res.body}`)
    return res.json()
  }

  t.equal((await act(lead, 'acknowledge')).status, 'acknowledged')
  t.equal(
    (
      await act(handler, 'plan', {
        measures: '退还多收费用；组织培训。',
        owner: '大厅主任',
        plannedBy: '2099-01-01',
      })
    ).status,
    'planned',
  )
  t.equal((await evidence('已退费，培训签到表附后。')).status, 'evidence_submitted')
  t.equal(
    (await act(officer, 'send-back', { kind: 'evidence_insufficient', reason: '缺少退费凭证。' })).status,
    'planned',
  )
  t.equal((await evidence('补充退费凭证。')).status, 'evidence_submitted')
  t.equal((await act(officer, 'verify')).status, 'verified')
  const closed = await act(officer, 'close', { publicSummary: '退还多收费用，窗口人员完成服务规范培训。' })
  t.equal(closed.status, 'closed')

  const final = await order()
  t.equal(final.evidence.length, 2)
  t.match(final.evidence[0].attachments[0].sha256, /^[0-9a-f]{64}$/)
  const download = await rectification.inject({ url: final.evidence[0].attachments[0].url, headers: lead })
  t.equal(download.statusCode, 200)
  t.same(download.rawPayload, PDF, 'the evidence comes back as it went in')
  t.match(download.headers['content-disposition'], /^attachment;/)
  const verified = await rectification.inject({
    url: `/api/v1/rectification/orders/${orderId}/timeline/verify`,
    headers: officer,
  })
  t.equal(verified.json().valid, true, "the order's timeline chain holds")

  // Each case's timeline shows the order and its closure.
  for (const c of cases) {
    const actions = await eventually(async () => {
      const res = await tracking.inject({ url: `/api/v1/cases/${c.id}`, headers: dispatcher })
      const list = (res.json().timeline as Array<{ action: string; note: string | null }>).map(
        (e) => e.action,
      )
      return list.includes('rectification_closed') ? list : undefined
    }, 30_000)
    t.ok(actions.includes('rectification_ordered'), `${c.trackingCode}: ordered`)
    t.equal(actions.filter((a) => a === 'rectification_closed').length, 1, `${c.trackingCode}: closed once`)
  }

  // The department's lead is mailed the order (the subject names its number).
  const mail = await eventually(async () => {
    const m = await mailTo('lead.exit-entry@staff.example.org')
    return m.find((x) => x.Subject.includes(number))
  }, 30_000)
  t.match(await mailText(mail.ID), `/staff/rectification/orders/${orderId}`, 'the mail links to the order')
}

t.test('embedded', (t) => journey(t, 'embedded'))
t.test('distributed', (t) => journey(t, 'distributed'))
