// Pure logic: templates, audiences, masking, SMTP error classification.
import t from 'tap'
import { classifySmtpError } from '../src/channels/email.ts'
import { deliveryId, maskAddress } from '../src/domain/privacy.ts'
import { admitReceipt, beijingDay } from '../src/domain/receipt-limit.ts'
import { escalationAudience, resolveAudience, type StaffEntry } from '../src/domain/recipients.ts'
import {
  escalationTemplate,
  escapeHtml,
  pickLocale,
  receiptTemplate,
  render,
  replyTemplate,
} from '../src/domain/templates.ts'

t.test('the receipt states the time limit it is given, or that praise needs no reply', async (t) => {
  const data = {
    trackingCode: 'ABCDEFGH23',
    category: 'consultation' as const,
    subject: '办理时限',
    submittedAt: '2026-03-02T02:00:00.000Z',
    webUrl: 'https://example.gov.cn',
  }
  t.match(
    render(receiptTemplate({ ...data, timeLimitDays: 3 }, 'zh-CN')).text,
    '咨询类来信一般在 3 个工作日内答复',
  )
  t.match(render(receiptTemplate({ ...data, timeLimitDays: 5 }, 'en')).text, 'within 5 working days')
  const praise = { ...data, category: 'praise' as const, timeLimitDays: null }
  t.match(render(receiptTemplate(praise, 'zh-CN')).text, '表扬类来信无需答复')
  t.match(render(receiptTemplate(praise, 'en')).text, 'Praise needs no reply')
  const unsaid = render(receiptTemplate({ ...data, timeLimitDays: undefined }, 'zh-CN')).text
  t.match(unsaid, '我们将在规定期限内答复')
  t.notMatch(unsaid, /\d+ 个工作日/, 'no number the event did not give')
})

t.test('receipts for anonymous letters: a limit per address and Beijing day', async (t) => {
  t.equal(beijingDay('2026-03-02T15:59:59.999Z'), '2026-03-02', '23:59 in Beijing')
  t.equal(beijingDay('2026-03-02T16:00:00.000Z'), '2026-03-03', 'midnight in Beijing')
  let count = admitReceipt(null, 'e1', 2).next
  t.same(count, { eventIds: ['e1'], suppressed: 0 })
  t.same(admitReceipt(count, 'e1', 2), { allowed: true, next: count }, 'the same letter again: no count')
  count = admitReceipt(count, 'e2', 2).next
  const third = admitReceipt(count, 'e3', 2)
  t.same(third, { allowed: false, next: { eventIds: ['e1', 'e2'], suppressed: 1 } }, 'the third is refused')
  t.equal(admitReceipt(count, 'e2', 2).allowed, true, 'a redelivered admitted letter stays admitted')
  t.equal(admitReceipt(null, 'e1', 0).allowed, false, 'a limit of 0 sends none')
})

t.test('locale: English when asked for, Chinese otherwise', async (t) => {
  t.equal(pickLocale('en'), 'en')
  t.equal(pickLocale('en-GB'), 'en')
  t.equal(pickLocale('zh-CN'), 'zh-CN')
  t.equal(pickLocale('fr'), 'zh-CN')
  t.equal(pickLocale(undefined), 'zh-CN')
})

t.test('every inserted value is escaped in HTML, kept as written in text', async (t) => {
  t.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  const r = render(
    replyTemplate(
      {
        trackingCode: 'ABCDEFGH23',
        subject: '<img src=x onerror=alert(1)>',
        departmentName: '<i>dept</i>',
        text: 'line 1\n<script>bad()</script>',
        repliedAt: '2026-03-05T06:00:00.000Z',
        webUrl: 'javascript:alert(1)',
      },
      'zh-CN',
    ),
  )
  t.notOk(r.html.includes('<img'))
  t.notOk(r.html.includes('<script'))
  t.notOk(r.html.includes('<i>'))
  t.notOk(r.html.includes('href="javascript'), 'only web links become links')
  t.match(r.html, '&lt;script&gt;bad()&lt;/script&gt;')
  t.match(r.text, '> <script>bad()</script>', 'the text part quotes the reply')
  t.match(r.text, '2026-03-05 14:00（北京时间）')
})

t.test('the receipt: tracking code, next steps, time limit; zh-CN and English', async (t) => {
  const data = {
    trackingCode: 'ABCDEFGH23',
    category: 'complaint' as const,
    subject: '噪音扰民',
    submittedAt: '2026-03-02T02:00:00.000Z',
    timeLimitDays: 7,
    webUrl: 'https://example.gov.cn',
  }
  const zh = render(receiptTemplate(data, 'zh-CN'))
  t.equal(zh.subject, '【听见】您的来信已收到 (查询码 ABCDEFGH23)')
  t.match(zh.text, '7 个工作日')
  t.match(zh.text, '不会通过电子邮件发送')
  t.match(zh.html, '<a href="https://example.gov.cn">')
  const en = render(receiptTemplate(data, 'en'))
  t.equal(en.subject, '[Tingjian] We have received your letter (tracking code ABCDEFGH23)')
  t.match(en.text, 'within 7 working days')
})

t.test('escalation subjects per level', async (t) => {
  const base = {
    trackingCode: 'ABCDEFGH23',
    subject: 's',
    departmentName: null,
    dueAt: null,
    webUrl: 'https://example.gov.cn',
  }
  t.match(escalationTemplate({ ...base, level: 1, kind: 'reminder' }).subject, '即将到期提醒')
  t.match(escalationTemplate({ ...base, level: 2, kind: 'supervision' }).subject, '督办通知')
  t.match(escalationTemplate({ ...base, level: 3, kind: 'criticism' }).subject, '超期通报')
  const manual = render(escalationTemplate({ ...base, level: 2, kind: 'manual', note: '<b>快</b>' }))
  t.match(manual.subject, '督办通知')
  t.match(manual.html, '&lt;b&gt;快&lt;/b&gt;')
})

t.test('escalation audiences', async (t) => {
  const d = 'dept'
  t.same(escalationAudience({ level: 1, kind: 'reminder', departmentId: d, assigneeId: 'u' }), [
    { kind: 'user', userId: 'u' },
  ])
  t.same(escalationAudience({ level: 1, kind: 'reminder', departmentId: d, assigneeId: null }), [
    { kind: 'role', role: 'handler', departmentId: d },
  ])
  const leadsAndSupervisors = [
    { kind: 'role', role: 'dept_lead', departmentId: d },
    { kind: 'role', role: 'supervisor', departmentId: null },
  ]
  t.same(
    escalationAudience({ level: 2, kind: 'supervision', departmentId: d, assigneeId: 'u' }),
    leadsAndSupervisors,
  )
  t.same(
    escalationAudience({ level: 1, kind: 'manual', departmentId: d, assigneeId: 'u' }),
    leadsAndSupervisors,
  )
  t.same(escalationAudience({ level: 3, kind: 'criticism', departmentId: d, assigneeId: null }), [
    ...leadsAndSupervisors,
    { kind: 'role', role: 'admin', departmentId: null },
  ])

  const staff: StaffEntry[] = [
    { userId: 'a', email: 'a@x.cn', roles: ['dept_lead', 'supervisor'], departmentId: d, active: true },
    { userId: 'b', email: null, roles: ['supervisor'], departmentId: null, active: true },
    { userId: 'c', email: 'c@x.cn', roles: ['supervisor'], departmentId: null, active: false },
    { userId: 'e', email: 'e@x.cn', roles: ['dept_lead'], departmentId: 'other', active: true },
  ]
  t.same(
    resolveAudience(
      staff,
      escalationAudience({ level: 2, kind: 'supervision', departmentId: d, assigneeId: null }),
    ).map((s) => s.userId),
    ['a'],
    'each once; no address, inactive or other department: left out',
  )
})

t.test('addresses are masked; delivery ids carry a piece of the keyed hash', async (t) => {
  t.equal(maskAddress('zhang.san@example.com'), 'z***@example.com')
  t.equal(maskAddress('nonsense'), '***')
  t.equal(deliveryId('e1', 'email', 'ab'.repeat(32)), `e1:email:${'ab'.repeat(16)}`)
})

t.test('SMTP errors: transient or not, and never the provider text', async (t) => {
  const refused = classifySmtpError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' }))
  t.match(refused, { code: 'ECONNECTION', transient: true, message: 'smtp ECONNECTION' })
  const greylisted = classifySmtpError({ code: 'EENVELOPE', responseCode: 451, message: '451 a@b.cn later' })
  t.match(greylisted, { transient: true, message: 'smtp EENVELOPE 451' })
  const rejected = classifySmtpError({
    code: 'EENVELOPE',
    responseCode: 550,
    message: '550 <a@b.cn> unknown',
  })
  t.match(rejected, { transient: false, message: 'smtp EENVELOPE 550' })
  t.equal(classifySmtpError('?').code, 'ESMTP')
})
