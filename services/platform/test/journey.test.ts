// The whole path through HTTP, across the services, on one bus: a citizen writes, the dispatcher
// assigns, the handler signs and drafts the reply, the lead approves, the citizen reads it and rates it;
// the e-mails arrive in Mailpit.
import { randomBytes } from 'node:crypto'
import { type AdapterKind, eventually, mailText, mailTo, personalDataIn } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import { login as loginAs, platform } from './helpers.ts'

async function journey(t: Test, kind: AdapterKind) {
  const p = await platform(t, kind)
  const { mailbox, tracking } = p.apps
  const login = (username: string) => loginAs(t, p, username)
  const citizenEmail = `citizen-${randomBytes(5).toString('hex')}@example.com`

  // The citizen writes.
  const letter = await mailbox.inject({
    method: 'POST',
    url: '/api/v1/mailbox/letters',
    payload: {
      category: 'complaint',
      subject: '护照办理窗口排队过长 <b>请处理</b>',
      body: '三月一日在出入境大厅办理护照，排队超过四个小时。<script>alert(1)</script>',
      anonymous: false,
      name: '李四',
      phone: '13912345678',
      email: citizenEmail,
      consentToPublish: true,
    },
  })
  t.equal(letter.statusCode, 201)
  const { trackingCode, accessKey } = letter.json()

  // The case opens; the dispatcher assigns it to exit-entry.
  const dispatcher = await login('dispatcher')
  const found = await eventually(async () => {
    const res = await tracking.inject({
      method: 'GET',
      url: `/api/v1/cases?q=${trackingCode}`,
      headers: dispatcher,
    })
    return res.json().items?.[0] as { id: string; version: number } | undefined
  })
  const act = async (who: Record<string, string>, action: string, body: Record<string, unknown> = {}) => {
    const current = await tracking.inject({ method: 'GET', url: `/api/v1/cases/${found.id}`, headers: who })
    const res = await tracking.inject({
      method: 'POST',
      url: `/api/v1/cases/${found.id}/${action}`,
      headers: who,
      payload: { version: current.json().version, ...body },
    })
    t.equal(res.statusCode, 200, `${action}: ${res.statusCode === 200 ? 'ok' : res.body}`)
    return res.json()
  }
  const departmentId = p.seeded?.departments['exit-entry']
  const assigned = await act(dispatcher, 'assign', { departmentId })
  t.equal(assigned.status, 'assigned')
  // a complaint is due in 7 working days: at least 7 calendar days on, and not beyond a holiday week's
  // worth of extra days (Spring Festival, National Day) and the weekends around it
  const dueInDays = (Date.parse(assigned.dueAt) - Date.now()) / 86_400_000
  t.ok(dueInDays >= 7 && dueInDays <= 25, `due in 7 working days (${dueInDays.toFixed(1)} calendar days)`)

  // The handler signs and drafts; the lead approves.
  const handler = await login('handler.exit-entry')
  t.equal((await act(handler, 'sign')).status, 'in_progress')
  t.equal(
    (await act(handler, 'reply', { text: '已调整窗口排班，高峰期增开两个窗口。' })).status,
    'reply_review',
  )
  const lead = await login('lead.exit-entry')
  t.equal((await act(lead, 'reply/approve')).status, 'replied')

  // The citizen reads the reply with the code and key, and rates it.
  const view = await eventually(async () => {
    const res = await tracking.inject({
      method: 'GET',
      url: `/api/v1/public/cases/${trackingCode}`,
      headers: { 'x-access-key': accessKey },
    })
    const body = res.statusCode === 200 ? (res.json() as { reply: { text: string } | null }) : undefined
    return body?.reply ? body : undefined
  })
  t.match(view.reply?.text, /增开两个窗口/)
  t.notMatch(JSON.stringify(view), /13912345678|李四|handler/, 'no personal data or staff names in public')
  const wrongKey = await tracking.inject({
    method: 'GET',
    url: `/api/v1/public/cases/${trackingCode}`,
    headers: { 'x-access-key': 'x'.repeat(32) },
  })
  t.equal(wrongKey.statusCode, 404)
  const rating = await tracking.inject({
    method: 'POST',
    url: `/api/v1/public/cases/${trackingCode}/rating`,
    headers: { 'x-access-key': accessKey },
    payload: { satisfaction: 'satisfied' },
  })
  t.equal(rating.statusCode, 200)

  // E-mails of THIS case (each subject names its tracking code): the receipt and the reply to the citizen
  // (HTML escaped), the assignment to the handler, whose address other runs have mailed too.
  const receipt = await eventually(async () => {
    const m = await mailTo(citizenEmail)
    return m.find((x) => x.Subject === `【听见】您的来信已收到 (查询码 ${trackingCode})`)
  }, 30_000)
  const reply = await eventually(async () => {
    const m = await mailTo(citizenEmail)
    return m.find((x) => x.Subject === `【听见】您的来信已答复 (查询码 ${trackingCode})`)
  }, 30_000)
  const receiptText = await mailText(receipt.ID)
  const replyText = await mailText(reply.ID)
  t.match(receiptText, trackingCode, 'the receipt names the tracking code')
  t.match(
    receiptText,
    '投诉类来信一般在 7 个工作日内答复',
    'the time limit tracking announced for a complaint',
  )
  t.match(replyText, '增开两个窗口', 'the reply is mailed')
  for (const text of [receiptText, replyText])
    t.notOk(text.includes(accessKey), 'the access key is never mailed')
  const assignment = await eventually(async () => {
    const m = await mailTo('handler.exit-entry@staff.example.org')
    return m.find((x) => x.Subject === `【听见】新工单待办理 (查询码 ${trackingCode})`)
  }, 30_000)
  t.match(await mailText(assignment.ID), '护照办理窗口排队过长', 'the assignment names the case')

  // The calendar service runs in the same process and takes identity's tokens: the administrator
  // publishes next year's table (a fixture, not the State Council's notice), the dispatcher may not.
  const { calendar } = p.apps
  const nextYear = Number(new Date(p.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4)) + 1
  const table = {
    source: 'journey fixture (not a State Council notice)',
    holidays: [
      { name: { zh: '元旦', en: "New Year's Day" }, from: `${nextYear}-01-01`, to: `${nextYear}-01-01` },
    ],
  }
  const url = `/api/v1/calendar/years/${nextYear}`
  const refused = await calendar.inject({ method: 'PUT', url, payload: table, headers: dispatcher })
  t.equal(refused.statusCode, 403, 'a dispatcher may not publish a year')
  const admin = await login('admin')
  const published = await calendar.inject({ method: 'PUT', url, payload: table, headers: admin })
  t.equal(published.statusCode, 200, 'the administrator publishes it')
  t.equal(published.json().revision, 1)
  const coverage = await calendar.inject({ url: '/api/v1/calendar/coverage', headers: dispatcher })
  t.match(coverage.json(), { nextYear, nextYearCovered: true })

  t.same(personalDataIn(p.lines.join('\n')), [], 'no phone, ID number, e-mail or name in any log line')
}

t.test('the journey on the embedded adapters', (t) => journey(t, 'embedded'))
t.test('the journey on Kafka and FerretDB', (t) => journey(t, 'distributed'))
