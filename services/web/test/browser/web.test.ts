// The web app in a real Chromium against the whole platform in one process, as a newcomer runs it: a
// citizen writes and follows a letter, staff handle it through the console, the citizen reads the reply and
// rates it; the English switch, citizen HTML shown as text, the phone width, the admin pages.
import type { Page } from 'playwright-core'
import t from 'tap'
import {
  ensureBuilt,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  startPlatform,
  watch,
} from './helpers.ts'

t.setTimeout(20 * 60_000)

await ensureBuilt(t)
const platform = await startPlatform(t)
const browser = await launchBrowser(t)
t.comment(`platform at ${platform.url}`)

const stamp = Date.now().toString(36)

/** Fills and sends the letter form; returns the tracking code and access key from the confirmation. */
async function writeLetter(
  page: Page,
  letter: { category: RegExp; subject: string; body: string; anonymous?: boolean; email?: string },
): Promise<{ code: string; key: string; idempotencyKey: string | undefined }> {
  await page.goto('/write')
  await page.getByRole('radio', { name: letter.category }).check()
  await page.getByLabel(/^标题/).fill(letter.subject)
  await page.getByLabel(/^内容/).fill(letter.body)
  if (letter.anonymous) {
    await page.getByRole('radio', { name: '匿名', exact: true }).check()
  } else {
    await page.getByLabel(/^姓名/).fill('张三')
    await page.getByLabel(/^联系电话/).fill('13812345678')
    await page.getByLabel(/^身份证号码/).fill('11010519491231002X')
  }
  if (letter.email) await page.getByLabel(/^电子邮箱/).fill(letter.email)
  await page.getByLabel(/同意在/).check()
  const request = page.waitForRequest(
    (r) => r.url().endsWith('/api/v1/mailbox/letters') && r.method() === 'POST',
  )
  await page.getByRole('button', { name: '提交来信' }).click()
  const sent = await request
  await page.getByTestId('receipt').waitFor()
  const code = (await page.getByTestId('tracking-code').textContent())?.trim() ?? ''
  const key = (await page.getByTestId('access-key').textContent())?.trim() ?? ''
  return { code, key, idempotencyKey: sent.headers()['idempotency-key'] }
}

/** Opens a case from a work queue by its tracking code. */
async function openFromQueue(page: Page, queue: string, code: string): Promise<void> {
  // the queue is read again until the case shows up (the platform's events are asynchronous)
  for (let attempt = 1; ; attempt++) {
    await page.goto(`/staff/cases?queue=${queue}`)
    await page.locator('[data-testid="case-list"] :is(table, .empty)').first().waitFor()
    const link = page.getByRole('link', { name: code, exact: true })
    if ((await link.count()) > 0) {
      await link.click()
      break
    }
    if (attempt >= 20) throw new Error(`case ${code} not in queue ${queue}`)
    await page.waitForTimeout(1000)
  }
  await page.getByTestId('actions').waitFor()
}

/** Takes an action on the open case page and waits for the confirmation. */
async function act(page: Page, action: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.locator(`[data-action="${action}"]`).click()
  if (fill) await fill(page)
  await page.locator(`[data-submit="${action}"]`).click()
  await page.getByTestId('action-done').waitFor()
}

const heading = (page: Page) => page.locator('main h1').first()

const MAILPIT = process.env.MAILPIT_URL ?? 'http://127.0.0.1:8025'

/**
 * Subjects of the mail to an address, once at least `count` arrived (or what arrived in 60 s). Mailpit is
 * part of the test infrastructure (`pnpm infra:up`): when it cannot be reached the test fails, it does not
 * skip the e-mail checks.
 */
async function mailTo(address: string, count: number): Promise<string[]> {
  let subjects: string[] = []
  for (let attempt = 0; attempt < 60; attempt++) {
    let res: Response
    try {
      res = await fetch(`${MAILPIT}/api/v1/search?query=${encodeURIComponent(`to:${address}`)}`)
    } catch (err) {
      throw new Error(`Mailpit is not reachable at ${MAILPIT} (start it: pnpm infra:up): ${String(err)}`)
    }
    if (!res.ok) throw new Error(`Mailpit answered ${res.status} to a search`)
    const body = (await res.json()) as { messages?: Array<{ Subject: string }> }
    subjects = (body.messages ?? []).map((m) => m.Subject)
    if (subjects.length >= count) break
    await new Promise((r) => setTimeout(r, 1000))
  }
  return subjects
}

/**
 * Run in the page (a string: the tests are typed for Node, not the DOM): the visible Chinese text outside
 * elements marked as Chinese (the switch back to Chinese, the emblem) and outside the signed-in user's name.
 */
const CHINESE_LABELS = `(() => {
  const found = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement
    const lang = parent?.closest('[lang]')?.getAttribute('lang') ?? ''
    const skipped = parent?.closest('noscript, [data-testid="whoami"]')
    if (/[\\u4e00-\\u9fff]/.test(n.textContent ?? '') && !lang.startsWith('zh') && !skipped) found.push(n.textContent.trim())
  }
  return found
})()`

await t.test('a letter goes from the citizen through the staff console to a rated reply', async (t) => {
  const citizen = await (await newContext(browser, platform.url)).newPage()
  const seen = watch(citizen)

  await citizen.goto('/')
  t.match(await heading(citizen).textContent(), '厅长信箱', 'the portal opens in Chinese')
  t.equal(await citizen.locator('html').getAttribute('lang'), 'zh-CN')
  for (const channel of ['给厅长写信', '查询办理进度', '答复公开', '统计公开']) {
    t.ok(
      await citizen
        .getByRole('link', { name: new RegExp(channel) })
        .first()
        .isVisible(),
      channel,
    )
  }
  t.ok(await citizen.getByText('3 个工作日内答复').isVisible(), 'the time limits are explained')
  await screenshot(citizen, 'home')

  // client-side checks, next to the fields
  await citizen.goto('/write')
  await screenshot(citizen, 'write')
  await citizen.getByRole('button', { name: '提交来信' }).click()
  await citizen.locator('#error-summary').waitFor()
  await citizen.locator('.field-error', { hasText: '请选择来信类别。' }).waitFor()
  t.ok(
    await citizen.locator('.field-error', { hasText: '请选择来信类别。' }).isVisible(),
    'a missing category is named next to the field',
  )
  await citizen.getByLabel(/^联系电话/).fill('12345')
  await citizen.getByLabel(/^身份证号码/).fill('110105194912310021')
  await citizen.getByRole('button', { name: '提交来信' }).click()
  await citizen.locator('#error-summary').waitFor()
  await citizen.locator('.field-error', { hasText: '请填写有效的手机号码或固定电话号码。' }).waitFor()
  t.ok(
    await citizen.locator('.field-error', { hasText: '请填写有效的手机号码或固定电话号码。' }).isVisible(),
    'the phone number is checked',
  )
  await citizen.locator('.field-error', { hasText: '身份证号码不正确' }).waitFor()
  t.ok(
    await citizen.locator('.field-error', { hasText: '身份证号码不正确' }).isVisible(),
    'the check digit of the ID number is checked',
  )
  t.equal(
    await citizen.getByLabel(/^联系电话/).getAttribute('aria-invalid'),
    'true',
    'the field is marked invalid',
  )
  await screenshot(citizen, 'write-errors')

  const subject = `路口信号灯配时不合理 ${stamp}`
  const letter = await writeLetter(citizen, {
    category: /^投诉/,
    subject,
    body: '人民路与解放路交叉口早高峰左转信号时间过短，车辆排队很长，请交警部门调整。',
    email: `citizen-${stamp}@example.com`,
  })
  t.match(letter.code, /^[0-9A-HJ-NP-Z]{10}$/, 'a tracking code is shown')
  t.ok(letter.key.length >= 20, 'an access key is shown')
  t.match(letter.idempotencyKey, /^[0-9a-f-]{36}$/, 'the letter is sent with an Idempotency-Key')
  t.ok(await citizen.getByText(/只显示这一次/).isVisible(), 'the page says the key is shown once')
  t.ok(await citizen.getByRole('button', { name: '复制查询密钥' }).isVisible(), 'a copy button')
  t.ok(await citizen.getByRole('button', { name: '打印' }).isVisible(), 'a print button')
  await screenshot(citizen, 'confirmation')

  await citizen.getByRole('button', { name: '查询办理进度' }).click()
  await citizen.getByTestId('follow-result').waitFor({ timeout: 60_000 })
  t.ok(await citizen.getByTestId('follow-result').getByText('待受理').isVisible(), 'received')
  t.ok(await citizen.getByText(subject).isVisible(), 'the subject is shown')
  await screenshot(citizen, 'follow')

  // the key is not shown again
  await citizen.goto('/write/done')
  t.ok(await citizen.getByText('查询密钥无法再次显示').isVisible(), 'the receipt is gone after leaving')
  // a wrong key looks like an unknown code
  await citizen.goto('/follow')
  await citizen.getByLabel(/^查询码/).fill(letter.code)
  await citizen.getByLabel(/^查询密钥/).fill('wrong-key-0000000000000')
  await citizen.getByRole('button', { name: '查询', exact: true }).click()
  await citizen.getByText('查询码或查询密钥不正确，请核对后重试。').waitFor()
  t.ok(
    await citizen.getByText('查询码或查询密钥不正确，请核对后重试。').isVisible(),
    'a wrong key is refused',
  )

  // the dispatcher accepts and assigns it to the traffic police; a second tab with the old version is told
  const dispatcherContext = await newContext(browser, platform.url)
  const dispatcher = await dispatcherContext.newPage()
  await signIn(dispatcher, 'dispatcher')
  await dispatcher.locator('[data-queue="to_accept"]').waitFor()
  await screenshot(dispatcher, 'staff-queues')
  await openFromQueue(dispatcher, 'to_accept', letter.code)
  t.ok(await dispatcher.getByText('13812345678').isVisible(), 'the dispatcher sees the phone in clear')
  const caseUrl = dispatcher.url()

  // a second tab of the same browser is signed in already: the refresh cookie is shared
  const other = await dispatcherContext.newPage()
  await other.goto(caseUrl)
  await other.locator('[data-action="not-accept"]').click()
  await other.getByLabel(/^理由/).fill('与本单位职责无关')

  await act(dispatcher, 'assign', async (p) => {
    await p.getByLabel(/^主办单位/).selectOption({ label: '交警总队' })
    await p.getByLabel(/^派单意见/).fill('请交警总队核实并调整信号配时。')
  })
  t.match(await heading(dispatcher).textContent(), '已派单，待签收', 'assigned')

  await other.locator('[data-submit="not-accept"]').click()
  await other.getByTestId('stale-notice').waitFor()
  t.ok(await other.getByText(/其他人刚刚修改了此工单/).isVisible(), 'a stale version is explained')
  await heading(other).filter({ hasText: '已派单' }).waitFor()
  t.ok(await heading(other).filter({ hasText: '已派单' }).isVisible(), 'and the case is reloaded')
  await other.close()

  // the traffic police handler signs for it and drafts the reply
  const handler = await (await newContext(browser, platform.url)).newPage()
  await signIn(handler, 'handler.traffic')
  await openFromQueue(handler, 'to_sign', letter.code)
  t.match(
    await handler
      .getByText(/138\*+5678/)
      .first()
      .textContent(),
    '138',
    'the handler sees the phone masked',
  )
  await act(handler, 'sign')
  t.match(await heading(handler).textContent(), '办理中', 'signed for')
  const replyText = `经核查，已于本周将该路口早高峰左转信号时长由 20 秒调整为 35 秒。感谢您的监督。${stamp}`
  await act(handler, 'reply', async (p) => {
    await p.getByLabel(/^答复内容/).fill(replyText)
  })
  t.match(await heading(handler).textContent(), '答复审核中', 'the reply waits for approval')

  // the department lead approves it
  const lead = await (await newContext(browser, platform.url)).newPage()
  await signIn(lead, 'lead.traffic')
  await openFromQueue(lead, 'reply_review', letter.code)
  t.ok(await lead.getByText(replyText).first().isVisible(), 'the lead reads the draft')
  await act(lead, 'reply/approve')
  t.match(await heading(lead).textContent(), '已答复', 'replied')
  await lead.getByRole('button', { name: '校验记录完整性' }).click()
  await lead.getByText(/办理记录完整/).waitFor()
  t.ok(await lead.getByText(/办理记录完整/).isVisible(), 'the timeline verifies')
  await screenshot(lead, 'staff-case')

  // the citizen reads the reply and rates it
  await citizen.goto('/follow')
  await citizen.getByLabel(/^查询码/).fill(letter.code.toLowerCase())
  await citizen.getByLabel(/^查询密钥/).fill(letter.key)
  await citizen.getByRole('button', { name: '查询', exact: true }).click()
  await citizen.getByTestId('public-reply').waitFor()
  t.ok(await citizen.getByTestId('public-reply').getByText(replyText).isVisible(), 'the reply is shown')
  t.ok(await citizen.getByTestId('public-reply').getByText('交警总队').isVisible(), 'from the department')
  await citizen.getByRole('radio', { name: '满意', exact: true }).check()
  await citizen.getByLabel(/^意见/).fill('处理及时，谢谢！')
  await citizen.getByRole('button', { name: '提交评价' }).click()
  await citizen.getByText('感谢您的评价。').waitFor()
  t.ok(await citizen.getByText('感谢您的评价。').isVisible(), 'the rating is recorded')
  await screenshot(citizen, 'follow-replied')

  await citizen.goto('/replies')
  await citizen.getByText(replyText).waitFor()
  t.ok(await citizen.getByText(replyText).isVisible(), 'the consented reply is published')
  await screenshot(citizen, 'replies')
  await citizen.getByLabel(/^关键词/).fill('完全无关的词语')
  await citizen.keyboard.press('Enter')
  await citizen.getByText('没有找到记录。').waitFor()
  t.ok(await citizen.getByText('没有找到记录。').isVisible(), 'a search without matches says so')
  await citizen.getByLabel(/^关键词/).fill('信号灯配时')
  await citizen.getByRole('button', { name: '搜索', exact: true }).click()
  await citizen.getByText(replyText).waitFor()
  t.ok(
    await citizen.getByText(replyText).isVisible(),
    'the reply is found by words of its subject (searched on the server)',
  )

  await citizen.goto('/stats')
  await citizen.getByTestId('stats-body').waitFor()
  t.ok(await citizen.locator('svg[role="img"]').count(), 'the figures are drawn as SVG charts')
  t.ok(await citizen.getByRole('rowheader', { name: '交警总队' }).first().isVisible(), 'per department')
  await screenshot(citizen, 'stats')

  // the dispatcher's supervision board and KPIs
  await dispatcher.goto('/staff/supervision')
  await dispatcher.getByRole('heading', { name: '督办看板' }).waitFor()
  await dispatcher.locator('.loading').first().waitFor({ state: 'detached' })
  await screenshot(dispatcher, 'staff-supervision')
  await dispatcher.goto('/staff/kpi')
  await dispatcher.getByTestId('kpi-body').waitFor()
  await screenshot(dispatcher, 'staff-kpi')
  await dispatcher.goto('/staff/search')
  await dispatcher.getByLabel(/^来信人电话/).fill('13812345678')
  await dispatcher.getByRole('button', { name: '查询', exact: true }).click()
  await dispatcher.getByRole('link', { name: letter.code, exact: true }).waitFor()
  t.ok(
    await dispatcher.getByRole('link', { name: letter.code, exact: true }).isVisible(),
    'a case is found by the phone number',
  )
  // a role that sees contact data masked is not offered the phone search (tracking would refuse it)
  await lead.goto('/staff/search')
  await lead.getByLabel(/^查询码或标题关键词/).waitFor()
  t.equal(await lead.getByLabel(/^来信人电话/).count(), 0, 'no phone search for the department lead')

  // the receipt and the notice of the reply reached the citizen's mailbox (Mailpit)
  const subjects = await mailTo(`citizen-${stamp}@example.com`, 2)
  t.ok(
    subjects.some((s) => s.includes('已收到') && s.includes(letter.code)),
    'the receipt was e-mailed',
  )
  t.ok(
    subjects.some((s) => s.includes('已答复') && s.includes(letter.code)),
    'the reply was announced',
  )

  t.same(seen.dialogs, [], 'no dialog')
  t.same(seen.errors, [], 'no script error on the citizen pages')
})

await t.test('the English switch changes every label and is remembered', async (t) => {
  const context = await newContext(browser, platform.url)
  const page = await context.newPage()
  await page.goto('/')
  await page.getByTestId('lang-switch').click()
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
  t.equal(await heading(page).textContent(), "Director's Mailbox")
  t.ok(await page.getByRole('link', { name: 'Follow my letter' }).first().isVisible())
  t.equal(await page.evaluate(`localStorage.getItem('tingjian.lang')`), 'en')

  /** Visible text in Chinese outside elements marked as Chinese (the switch back, the emblem). */
  const chineseLabels = () => page.evaluate<string[]>(CHINESE_LABELS)
  for (const path of ['/', '/write', '/follow', '/staff/login']) {
    await page.goto(path)
    await page.locator('main h1').waitFor()
    t.same(await chineseLabels(), [], `no Chinese label left on ${path}`)
  }
  await page.goto('/write')
  await page.getByRole('button', { name: 'Send letter' }).click()
  await page.getByText('Choose the type of letter.').first().waitFor()
  t.ok(
    await page.getByText('Choose the type of letter.').first().isVisible(),
    'validation messages are in English too',
  )
  await screenshot(page, 'write-en')

  await page.reload()
  t.equal(await page.locator('html').getAttribute('lang'), 'en', 'the choice survives a reload')
  await signIn(page, 'supervisor')
  await page.getByRole('heading', { name: 'Work queues', level: 1 }).waitFor()
  await page.getByText('Overdue', { exact: true }).first().waitFor()
  t.ok(await page.getByText('Overdue', { exact: true }).first().isVisible(), 'the console is in English')
  t.same(await chineseLabels(), [], 'no Chinese label in the console')
  await screenshot(page, 'staff-queues-en')

  await page.getByTestId('lang-switch').click()
  await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' })
  await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor()
  t.ok(await page.getByRole('heading', { name: '工作台', level: 1 }).isVisible(), 'and back to Chinese')
})

await t.test("a citizen's HTML is shown as text, never run", async (t) => {
  const html = '<img src=x onerror=alert(1)><b>bold</b>'
  const context = await newContext(browser, platform.url)
  const page = await context.newPage()
  const seen = watch(page)
  const letter = await writeLetter(page, {
    category: /^建议/,
    subject: html,
    body: `正文 ${html} <script>alert(2)</script> 结束`,
    anonymous: true,
  })
  await page.getByRole('button', { name: '查询办理进度' }).click()
  await page.getByTestId('follow-result').waitFor({ timeout: 60_000 })
  t.ok(await page.getByTestId('follow-result').getByText(html, { exact: true }).isVisible(), 'literal text')
  t.equal(await page.locator('main img').count(), 0, 'no <img> element was created')
  t.equal(await page.locator('b').count(), 0, 'no <b> element was created')

  const staff = await (await newContext(browser, platform.url)).newPage()
  const staffSeen = watch(staff)
  await signIn(staff, 'dispatcher')
  await openFromQueue(staff, 'to_accept', letter.code)
  t.equal(await staff.getByTestId('case-subject').textContent(), html, 'literal in the console')
  t.ok(await staff.getByText(/<script>alert\(2\)<\/script>/).isVisible(), 'the body too')
  t.equal(await staff.locator('main img').count(), 0, 'no <img> in the console')
  t.equal(await staff.locator('b').count(), 0, 'no <b> in the console')
  t.equal(await staff.locator('#root script').count(), 0, 'no <script> in the app')
  t.same([...seen.dialogs, ...staffSeen.dialogs], [], 'no dialog fired')
})

await t.test('the public pages fit a 360-pixel phone', async (t) => {
  const context = await newContext(browser, platform.url, { width: 360, height: 760 })
  const page = await context.newPage()
  const fits = () => page.evaluate<boolean>(`document.documentElement.scrollWidth <= window.innerWidth + 1`)
  for (const [path, name] of [
    ['/', 'home'],
    ['/write', 'write'],
    ['/follow', 'follow'],
    ['/replies', 'replies'],
    ['/stats', 'stats'],
  ] as const) {
    await page.goto(path)
    await page.locator('main h1').waitFor()
    await page.locator('.loading').first().waitFor({ state: 'detached' })
    t.ok(await fits(), `${path} has no sideways scrolling`)
    await screenshot(page, `${name}-360`)
  }
  await writeLetter(page, {
    category: /^咨询/,
    subject: `护照办理需要多长时间 ${stamp}`,
    body: '请问在本省申请普通护照，从受理到领取一般需要多少个工作日？',
    anonymous: true,
  })
  t.ok(await fits(), 'the confirmation fits')
  await screenshot(page, 'confirmation-360')
})

await t.test('admins manage departments and users', async (t) => {
  const context = await newContext(browser, platform.url)
  const page = await context.newPage()
  const seen = watch(page)
  await signIn(page, 'admin')
  await page.getByRole('link', { name: '部门管理' }).click()
  await page.getByTestId('departments').getByText('交警总队').waitFor()
  await screenshot(page, 'admin-departments')

  await page.getByRole('link', { name: '用户管理' }).click()
  await page.getByTestId('users').getByText('handler.traffic').waitFor()
  await page.getByRole('button', { name: '新建用户' }).click()
  await page.getByLabel(/^用户名/).fill(`agent.${stamp}`)
  await page.getByLabel(/^姓名/).fill('新回访员')
  await page.getByRole('checkbox', { name: '回访员' }).check()
  await page.getByLabel(/^初始密码/).fill('a-long-enough-password')
  await page.getByRole('button', { name: '保存' }).click()
  await page.getByText('已保存。').waitFor()
  await page.getByTestId('users').getByText(`agent.${stamp}`).waitFor()
  t.ok(await page.getByTestId('users').getByText(`agent.${stamp}`).isVisible(), 'a user is created')
  await screenshot(page, 'admin-users')

  // the audit trail of phone searches: the dispatcher's search above, without the number
  await page.getByRole('link', { name: '电话查询记录' }).click()
  const searches = page.getByTestId('phone-searches')
  await searches.getByText('已查询').first().waitFor()
  t.ok(await searches.getByText('已查询').first().isVisible(), "the dispatcher's phone search is listed")
  t.notMatch(await searches.textContent(), /13812345678|138\*{4}5678/, 'without the number searched')
  await screenshot(page, 'admin-phone-searches')
  await page.getByRole('link', { name: '用户管理' }).click()
  await page.getByTestId('users').getByText('handler.traffic').waitFor()

  // the session: the refresh token only in identity's HttpOnly, SameSite=Strict cookie on the auth
  // routes; nothing of the session in web storage; the access token in the page's memory
  const refreshCookie = async () => (await context.cookies()).find((c) => c.name === 'tj_refresh')
  const storage = await page.evaluate<string>(
    `JSON.stringify({ local: Object.keys(localStorage).filter((k) => k !== 'tingjian.lang'), session: Object.keys(sessionStorage) })`,
  )
  t.same(
    JSON.parse(storage),
    { local: [], session: [] },
    'nothing of the session in localStorage or sessionStorage',
  )
  t.notMatch(
    await page.evaluate<string>('document.cookie'),
    /tj_refresh/,
    'page scripts cannot read the refresh cookie',
  )
  const first = await refreshCookie()
  t.match(
    first,
    { httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' },
    'the refresh token is an HttpOnly, SameSite=Strict cookie for the auth routes only',
  )
  const users = (p: Page) => p.getByTestId('users').getByText('handler.traffic').waitFor()
  await page.reload()
  await users(page)
  const second = await refreshCookie()
  t.not(second?.value, first?.value, 'a reload resumes the session from the cookie, which rotates')

  // an access token the services refuse (401) is renewed once and the call retried
  let refused = 0
  await page.route('**/api/v1/users**', async (route) => {
    if (refused++ === 0) {
      await route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: '/problems/unauthorized', title: 'Unauthorized', status: 401 }),
      })
    } else await route.continue()
  })
  await page.getByRole('link', { name: '部门管理' }).click()
  await page.getByRole('link', { name: '用户管理' }).click()
  await users(page)
  t.equal(refused, 2, 'the refused call was made again once')
  t.not((await refreshCookie())?.value, second?.value, 'after renewing the token')
  await page.unroute('**/api/v1/users**')

  // two tabs refresh at the same moment with the same cookie (both refreshes held until both were sent):
  // the session goes on in both, and a later refresh in each still works
  const other = await context.newPage()
  const otherSeen = watch(other)
  await other.goto('/staff/admin/users')
  await users(other)
  const held: Array<() => Promise<void>> = []
  let bothSent: () => void = () => {}
  const sent = new Promise<void>((resolve) => {
    bothSent = resolve
  })
  const cookiesSent: string[] = []
  await context.route('**/api/v1/auth/refresh', async (route) => {
    cookiesSent.push((await route.request().allHeaders()).cookie ?? '')
    held.push(() => route.continue())
    if (held.length === 2) bothSent()
    await sent
  })
  await Promise.all([page.reload(), other.reload()])
  await sent
  t.equal(cookiesSent.length, 2, 'both tabs asked for a refresh')
  t.equal(cookiesSent[0], cookiesSent[1], 'with the same refresh cookie')
  await Promise.all(held.map((go) => go()))
  await context.unroute('**/api/v1/auth/refresh')
  await Promise.all([users(page), users(other)])
  await page.reload()
  await users(page)
  await other.reload()
  await users(other)
  t.ok(await refreshCookie(), 'the session survived the race in both tabs')

  // signing out in one tab signs out the other, and clears the cookie
  const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'))
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.getByText('您已安全退出。').waitFor()
  t.equal((await loggedOut).status(), 204, 'the server ended the session')
  await other.getByRole('heading', { name: '工作人员登录' }).waitFor()
  t.equal(await refreshCookie(), undefined, 'signing out clears the refresh cookie')
  await page.goto('/staff/admin/users')
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor()
  t.match(page.url(), /\/staff\/login\?next=/, 'the console asks to sign in again')
  t.same(otherSeen.errors, [], 'no script error in the other tab')
  t.same(seen.errors, [], 'no script error')
})
