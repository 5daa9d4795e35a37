// The hotline in a real Chromium against the whole platform in one process, on the telephony simulator
// (the single machine's default): an administrator's test phone calls the line, an operator sees the
// caller in the live queue, answers next, logs a case on the call card and reads out the code and key
// (the caller's phone gets them by SMS); a second call from the same number shows the caller's history; a
// call abandoned in the queue lands on the callback list, is claimed and called back (the test phone
// rings and answers), and is logged. Screenshots of the console, the call card, the callback list, the
// dashboard and the test phone.
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

t.setTimeout(10 * 60_000)

await ensureBuilt(t)
const platform = await startPlatform(t)
const browser = await launchBrowser(t)
t.comment(`platform at ${platform.url}`)

const TRACKING_CODE = /^[0-9A-HJ-NP-Z]{10}$/

async function staffPage(username: string, viewport?: { width: number; height: number }) {
  const context = await newContext(browser, platform.url, viewport)
  t.teardown(() => context.close())
  const page = await context.newPage()
  const seen = watch(page)
  await signIn(page, username)
  return { page, seen }
}

/** Reloads a page until a locator shows up (what it waits for arrives through asynchronous events). */
async function reloadUntil(page: Page, selector: string, attempts = 30): Promise<void> {
  for (let i = 1; ; i++) {
    const found = page.locator(selector)
    try {
      await found.first().waitFor({ timeout: 2_000 })
      return
    } catch {
      if (i >= attempts) throw new Error(`${selector} did not appear on ${page.url()}`)
      await page.reload()
    }
  }
}

/** The test phone dials the line from the number in its field; returns that number. */
async function dial(phone: Page): Promise<string> {
  const number = (await phone.locator('#tp-number').inputValue()).trim()
  await phone.getByTestId('tp-dial').click()
  await phone.locator('[data-testid="tp-call"][data-state="queued"]').waitFor()
  return number
}

/** Ends the test phone's call (if the line has not already) and readies it for the next one. */
async function endCall(phone: Page): Promise<void> {
  const hangup = phone.getByTestId('tp-hangup')
  if (await hangup.isVisible()) await hangup.click()
  await phone.getByRole('button', { name: '完成' }).click()
  await phone.getByTestId('tp-dial').waitFor()
}

const admin = await staffPage('admin')
const operator = await staffPage('operator')
const phone = admin.page
const op = operator.page

let caller = ''
let trackingCode = ''

await t.test('the test phone is there for an administrator, with a number of its own', async (t) => {
  await phone.goto('/admin/test-phone')
  await phone.waitForURL('**/staff/admin/test-phone')
  await phone.getByTestId('tp-phone').waitFor()
  t.match(await phone.locator('#tp-number').inputValue(), /^\+861[3-9]\d{9}$/, 'a random test number')
  t.ok(await phone.getByRole('link', { name: '测试电话' }).isVisible(), 'in the administrator’s navigation')
  t.equal(await op.getByRole('link', { name: '测试电话' }).count(), 0, 'not in the operator’s')
})

await t.test('an operator goes available; a call queues and is answered from the console', async (t) => {
  await op.goto('/staff/hotline')
  await op.getByRole('heading', { name: '热线接听台', level: 1 }).waitFor()
  // an empty endpoint is refused by the page, by its field
  await op.locator('#hl-endpoint').fill('')
  await op.getByTestId('hl-toggle').click()
  t.equal(await op.locator('#hl-endpoint').getAttribute('aria-invalid'), 'true', 'the endpoint is required')
  await op.locator('#hl-endpoint').fill('client:browser-operator')
  await op.getByTestId('hl-toggle').click()
  await op.locator('[data-available="yes"]').waitFor()
  t.match(await op.getByTestId('hl-toggle').textContent(), '暂停接听')

  caller = await dial(phone)
  await phone.getByTestId('tp-position').waitFor()
  t.match(await phone.getByTestId('tp-transcript').textContent(), '110', 'the greeting names 110')
  await screenshot(phone, 'hotline-test-phone')

  // the queue shows the caller live, masked
  const row = op.locator('[data-testid="hl-queue"] tbody tr').first()
  await row.waitFor()
  const shown = (await row.textContent()) ?? ''
  t.match(shown, caller.slice(-4), 'the caller’s last digits')
  t.notMatch(shown, caller.slice(-8), 'and no more in the queue')
  await screenshot(op, 'hotline-console')

  await op.getByTestId('hl-answer-next').click()
  await op.waitForURL(/\/staff\/hotline\/calls\//)
  await op.getByTestId('hl-card').waitFor()
  t.match(
    (await op.getByTestId('hl-caller').textContent())?.replace(/\D/g, ''),
    caller.replace(/\D/g, '').slice(-11),
    'the operator sees the number in clear',
  )
  await phone.locator('[data-testid="tp-call"][data-state="in-progress"]').waitFor()
})

await t.test('the operator logs a case: the code and key to read out, and by SMS', async (t) => {
  // the page checks the form before sending, field by field
  await op.getByRole('radio', { name: /^生成工单/ }).check()
  await op.getByTestId('hl-log-submit').click()
  await op.locator('#error-summary').waitFor()
  t.equal(await op.locator('#hl-log-subject').getAttribute('aria-invalid'), 'true', 'the subject is required')

  await op.locator('#hl-log-category').selectOption('complaint')
  await op.locator('#hl-log-subject').fill('出入境大厅排队时间过长')
  await op
    .locator('#hl-log-summary')
    .fill('来电人反映今天上午在出入境大厅办理护照排队超过三个小时，窗口只开了两个。')
  await op.locator('#hl-log-name').fill('王五')
  await op.getByLabel(/同意在答复公开中公开/).check()
  await op.getByTestId('hl-log-submit').click()
  await op.getByTestId('hl-receipt').waitFor()
  trackingCode = ((await op.getByTestId('hl-tracking-code').textContent()) ?? '').trim()
  const key = ((await op.getByTestId('hl-access-key').textContent()) ?? '').trim()
  t.match(trackingCode, TRACKING_CODE, 'a tracking code')
  t.ok(key.length >= 8, 'an access key')
  t.match(
    await op.getByTestId('hl-receipt').textContent(),
    '短信',
    'the operator is told the SMS carries them too',
  )
  await screenshot(op, 'hotline-call-card')

  await op.getByTestId('hl-hangup').click()
  await op.getByTestId('hl-hangup').waitFor({ state: 'detached' })
  await phone.locator('[data-testid="tp-call"][data-state="completed"]').waitFor()

  // the caller's phone gets the code and key by SMS
  await phone
    .getByTestId('tp-messages')
    .getByText(trackingCode, { exact: false })
    .waitFor({ timeout: 60_000 })
  t.match(await phone.getByTestId('tp-messages').textContent(), key, 'the SMS carries the access key')
  await endCall(phone)
  t.same(operator.seen.errors, [], 'no errors in the operator’s page')
})

await t.test('a second call from the same number shows the caller’s history', async (t) => {
  t.equal(await dial(phone), caller, 'the same number')
  await op.goto('/staff/hotline')
  await op.locator('[data-testid="hl-queue"] tbody tr').first().waitFor()
  await op.getByTestId('hl-answer-next').click()
  await op.getByTestId('hl-card').waitFor()
  const earlier = op.getByTestId('hl-history-calls')
  await earlier.waitFor()
  t.match(await earlier.textContent(), '生成工单', 'the earlier call, logged as a case')
  // the case from tracking (opened from the call-logged event) under the caller's cases
  await reloadUntil(op, `[data-testid="hl-history-cases"] a:text("${trackingCode}")`)
  t.equal(
    await op.locator(`[data-testid="hl-history-cases"] a:text("${trackingCode}")`).count(),
    1,
    'the case is among the caller’s cases, once',
  )
  await op.getByRole('radio', { name: /^无效来电/ }).check()
  await op.getByRole('radio', { name: '拨错号码', exact: true }).check()
  await op.getByTestId('hl-log-submit').click()
  await op.getByTestId('hl-logged-notice').waitFor()
  await op.getByTestId('hl-hangup').click()
  await phone.locator('[data-testid="tp-call"][data-state="completed"]').waitFor()
  await endCall(phone)
})

await t.test('a call abandoned in the queue is called back and logged', async (t) => {
  const missed = `+86139${String(Date.now()).slice(-8)}`
  await phone.locator('#tp-number').fill(missed)
  await dial(phone)
  await phone.getByTestId('tp-hangup').click()
  await phone.locator('[data-testid="tp-call"][data-state="completed"]').waitFor()
  await phone.getByRole('button', { name: '完成' }).click()

  await op.goto('/staff/hotline/callbacks')
  await reloadUntil(op, `[data-testid="hl-callbacks"] li:has-text("${missed.slice(-4)}")`)
  const item = op.locator('[data-testid="hl-callbacks"] li', { hasText: missed.slice(-4) })
  t.match(await item.textContent(), '排队中挂断', 'the reason')
  t.match(await item.textContent(), '应于', 'the due time')
  await screenshot(op, 'hotline-callbacks')

  await item.getByRole('button', { name: '认领' }).click()
  await op.waitForURL(/status=claimed/)
  const claimed = op.locator('[data-testid="hl-callbacks"] li', { hasText: missed.slice(-4) })
  await claimed.getByTestId('hl-call-back').click()
  // the operator's soft phone answers at once; then the citizen's test phone rings
  await phone.getByTestId('tp-answer').click()
  await phone.locator('[data-testid="tp-call"][data-state="in-progress"]').waitFor()
  await claimed.getByLabel('本次回拨结果').selectOption('answered')
  await claimed.getByRole('button', { name: '记录结果' }).click()
  await op.waitForURL(/status=done/)
  const done = op.locator('[data-testid="hl-callbacks"] li', { hasText: missed.slice(-4) })
  t.match(await done.textContent(), '已接通', 'the attempt is listed')
  await done.getByRole('button', { name: '登记来电' }).click()
  await op.getByTestId('hl-card').waitFor()
  await op.getByRole('radio', { name: /^转办/ }).check()
  await op.getByRole('radio', { name: /^12345/ }).check()
  await op.locator('#hl-log-referral-reason').fill('来电人咨询供暖问题，属 12345 受理范围。')
  await op.getByTestId('hl-log-submit').click()
  await op.getByTestId('hl-logged-notice').waitFor()
  const hangup = op.getByTestId('hl-hangup')
  if (await hangup.isVisible()) await hangup.click()
  t.same(operator.seen.errors, [], 'no errors in the operator’s page')
})

await t.test('the dashboard and the English console', async (t) => {
  await phone.goto('/staff/hotline/dashboard')
  const figures = phone.getByTestId('hl-dash-figures')
  await figures.waitFor()
  t.match(await figures.textContent(), '15 秒内接听率', 'the 15 s rate')
  t.ok((await phone.locator('.chart').count()) >= 3, 'charts by hour and by day')
  await screenshot(phone, 'hotline-dashboard')

  await op.goto('/staff/hotline')
  await op.getByTestId('lang-switch').click()
  await op.getByRole('heading', { name: 'Hotline console', level: 1 }).waitFor()
  await op.getByTestId('hl-toggle').click()
  await op.locator('[data-available="no"]').waitFor()
  await op.setViewportSize({ width: 390, height: 844 })
  await screenshot(op, 'hotline-console-phone-en')
  t.same(admin.seen.errors, [], 'no errors in the administrator’s page')
  t.same(operator.seen.errors, [], 'no errors in the operator’s page')
})
