// The working-day calendar in a real Chromium, against the whole platform in this process with an
// injected clock (the spawned server of web.test.ts runs on the system clock): the next-year banner
// appears on 1 November in Shanghai and not on 31 October; a case counted across an uncovered year shows
// its due date as provisional; the administrator enters next year's table, is shown its faults, previews
// the year as a month grid, saves it, and the banner goes; a regional override is added and deleted.
//
// The clock runs in the future (next year's October): identity signs tokens by it and the services
// verify them by the system clock, so their expiry stays ahead of real time.
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FieldCipher, generateFieldKeys, loadAdapterConfig, ManualClock } from '@tingjian/kit'
import { capturedLogger, eventually, SMTP_HOST, SMTP_PORT, testJwt, uniqueName } from '@tingjian/testkit'
import type { Frame, Page } from 'playwright-core'
import t from 'tap'
import { openPlatform, startPlatform } from '../../../platform/src/platform.ts'
import { ensureBuilt, launchBrowser, newContext, SEED_PASSWORD, screenshot, WEB_DIR } from './helpers.ts'

t.setTimeout(10 * 60_000)

// Y: the clock's year; N = Y + 1, the year the banner is about (no table: nobody has published it)
const Y = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() + 1
const N = Y + 1
/** A moment given as Shanghai wall time (UTC+8, no daylight saving). */
const shanghai = (local: string) => new Date(`${local}+08:00`)

await ensureBuilt(t)
const dir = await mkdtemp(join(tmpdir(), 'tj-web-calendar-'))
const clock = new ManualClock(shanghai(`${Y}-10-31T23:30:00`))
const { logger } = capturedLogger()
const platform = await startPlatform({
  adapters: loadAdapterConfig({ DATA_DIR: dir, BUS_NAMESPACE: uniqueName('t') }),
  logger,
  clock,
  jwt: testJwt().config as ReturnType<typeof testJwt>['config'] & { privateKey: string },
  piiKey: randomBytes(32).toString('base64url'),
  cipher: FieldCipher.fromConfig(generateFieldKeys('web-calendar')),
  mailboxSecret: randomBytes(32),
  smtp: { host: SMTP_HOST, port: SMTP_PORT, from: 'tingjian <noreply@tingjian.localhost>' },
  webUrl: 'http://127.0.0.1:3000',
  seedPassword: SEED_PASSWORD,
  escalationIntervalMs: 0,
  trustProxy: ['loopback'],
})
const open = await openPlatform(platform, {
  host: '127.0.0.1',
  port: 0,
  logger,
  staticDir: join(WEB_DIR, 'dist'),
})
t.teardown(async () => {
  await open.close()
  await rm(dir, { recursive: true, force: true })
})
const browser = await launchBrowser(t)

/** Uncaught errors and console errors of a page (helpers' watch() also dismisses dialogs: a delete confirms one). */
function errorsOf(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(err.message))
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) errors.push(msg.text())
  })
  return errors
}

async function signedIn(username: string): Promise<{ page: Page; errors: string[] }> {
  const context = await newContext(browser, open.url)
  t.teardown(() => context.close())
  const page = await context.newPage()
  const errors = errorsOf(page)
  await page.goto('/staff/login')
  await page.getByLabel(/用户名|Username/).fill(username)
  await page.getByLabel(/^(密码|Password)/).fill(SEED_PASSWORD)
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click()
  await page.getByTestId('whoami').waitFor()
  return { page, errors }
}

/** Opens a staff page and waits for the console's coverage answer (the marker that the banner was decided). */
async function openWithCoverage(page: Page, path: string) {
  // Only the answer to the new document's request counts: the page being left may have asked too, and its
  // answer's body is gone once the navigation commits. The new document's scripts run after the commit.
  let committed = false
  const onNavigated = (frame: Frame) => {
    if (frame === page.mainFrame()) committed = true
  }
  page.on('framenavigated', onNavigated)
  try {
    const coverage = page.waitForResponse((r) => committed && r.url().endsWith('/api/v1/calendar/coverage'))
    await page.goto(path)
    const answer = await coverage
    return (await answer.json()) as { nextYear: number; nextYearCovered: boolean; warning: boolean }
  } finally {
    page.off('framenavigated', onNavigated)
  }
}

/** The first day on or after `from` (YYYY-MM-DD) that falls on `weekday` (0 Sunday … 6 Saturday). */
function nextWeekday(from: string, weekday: number): string {
  const d = new Date(`${from}T00:00:00Z`)
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

t.test('the banner: from 1 November in Shanghai, for administrators and supervisors', async (t) => {
  const { page: admin, errors } = await signedIn('admin')
  const before = await openWithCoverage(admin, '/staff')
  t.match(before, { nextYear: N, nextYearCovered: false, warning: false }, '31 October 23:30: no warning yet')
  await admin.getByRole('heading', { level: 1 }).waitFor()
  t.equal(await admin.getByTestId('calendar-banner').count(), 0, 'no banner on 31 October')

  clock.set(shanghai(`${Y}-11-01T00:00:00`)) // still 31 October in UTC
  const after = await openWithCoverage(admin, '/staff')
  t.match(after, { nextYear: N, nextYearCovered: false, warning: true })
  const banner = admin.getByTestId('calendar-banner')
  await banner.waitFor()
  t.match(await banner.textContent(), `${N} 年的节假日安排尚未录入`, 'the banner names next year')
  t.equal(
    await banner.getByRole('link').getAttribute('href'),
    `/staff/admin/calendar?year=${N}`,
    'administrators get the link to the calendar page',
  )
  await screenshot(admin, 'calendar-banner')

  const { page: supervisor } = await signedIn('supervisor')
  await openWithCoverage(supervisor, '/staff')
  await supervisor.getByTestId('calendar-banner').waitFor()
  t.equal(
    await supervisor.getByTestId('calendar-banner').getByRole('link').count(),
    0,
    'no link for supervisors',
  )

  const { page: dispatcher } = await signedIn('dispatcher')
  let asked = false
  dispatcher.on('request', (r) => {
    if (r.url().includes('/api/v1/calendar/')) asked = true
  })
  const queues = dispatcher.waitForResponse((r) => r.url().includes('/api/v1/cases/queues'))
  await dispatcher.goto('/staff')
  await queues
  await dispatcher.getByRole('heading', { level: 1 }).waitFor()
  t.equal(await dispatcher.getByTestId('calendar-banner').count(), 0, 'no banner for a dispatcher')
  t.notOk(asked, 'a dispatcher’s console does not ask')
  t.same(errors, [], 'no errors in the page')
})

t.test('a due date counted into an uncovered year is marked provisional', async (t) => {
  clock.set(shanghai(`${Y}-12-28T10:00:00`))
  const { mailbox, tracking, identity } = platform.apps
  const letter = await mailbox.inject({
    method: 'POST',
    url: '/api/v1/mailbox/letters',
    payload: {
      category: 'complaint',
      subject: '年底窗口排队过长',
      body: '十二月二十八日在出入境大厅办理护照，排队超过三个小时。',
      anonymous: true,
      consentToPublish: false,
    },
  })
  t.equal(letter.statusCode, 201)
  const login = await identity.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'dispatcher', password: SEED_PASSWORD },
  })
  const headers = { authorization: `Bearer ${login.json().accessToken}` }
  const found = await eventually(async () => {
    const res = await tracking.inject({ url: `/api/v1/cases?q=${letter.json().trackingCode}`, headers })
    return res.json().items?.[0] as { id: string; version: number } | undefined
  })
  const assigned = await tracking.inject({
    method: 'POST',
    url: `/api/v1/cases/${found.id}/assign`,
    headers,
    payload: { version: found.version, departmentId: platform.seeded?.departments['exit-entry'] },
  })
  t.equal(assigned.statusCode, 200)
  // 7 working days from 28 December reach into next year, which has no table
  t.equal(assigned.json().dueProvisional, true)

  const { page } = await signedIn('dispatcher')
  await page.goto(`/staff/cases/${found.id}`)
  const mark = page.getByTestId('due-provisional')
  await mark.waitFor()
  t.match(await mark.textContent(), '暂定', 'the mark says provisional')
  const button = mark.getByRole('button', { name: /暂定/ })
  t.match(
    await button.getAttribute('title'),
    '尚未发布节假日安排',
    'its tooltip says why (a year with no published table)',
  )
  await button.focus()
  t.ok(await page.getByRole('tooltip').isVisible(), 'the reason is shown on focus')
  await screenshot(page, 'case-due-provisional')
})

t.test('the administrator enters next year’s table: faults, the month grid, save', async (t) => {
  clock.set(shanghai(`${Y}-11-02T09:00:00`))
  const { page, errors } = await signedIn('admin')
  await openWithCoverage(page, '/staff')
  await page.getByTestId('calendar-banner').getByRole('link').click()
  const editor = page.getByTestId('year-editor')
  await editor.waitFor()
  t.match(await editor.textContent(), `${N} 年尚无日历`, 'a year with no table starts empty')
  const years = page.getByTestId('calendar-years')
  t.match(await years.textContent(), '内置', 'the built-in years are listed')

  const sunday = nextWeekday(`${N}-01-04`, 0)
  const wednesday = nextWeekday(`${N}-01-04`, 3)
  await page.getByLabel(/^依据/).fill('browser-test fixture (not a State Council notice)')
  await page.getByLabel('名称（中文） 1').fill('元旦')
  await page.getByLabel('名称（英文） 1').fill("New Year's Day")
  await page.getByLabel('放假起 1').fill(`${N}-01-01`)
  await page.getByLabel('放假止 1').fill(`${N}-01-03`)
  // a make-up working day on a Wednesday: the validator's fault, by the field
  await page.getByLabel('调休上班日 1').fill(wednesday)
  const save = page.getByRole('button', { name: '保存并发布' })
  t.ok(await save.isDisabled(), 'Save waits for a clean preview')
  await page.getByRole('button', { name: '预览' }).click()
  await page.getByTestId('calendar-faults').waitFor()
  t.match(await page.getByTestId('calendar-faults').textContent(), '/holidays/0/makeUpWorkdays/0')
  t.equal(
    await page.getByLabel('调休上班日 1').getAttribute('aria-invalid'),
    'true',
    'the make-up day field is marked',
  )
  t.ok(await page.locator('#h-0-makeup-error').isVisible(), 'its message is next to it')
  t.ok(await save.isDisabled(), 'no Save after a preview with faults')
  t.equal(await page.getByTestId('year-grid').count(), 0, 'no grid for a table with faults')
  await screenshot(page, 'calendar-faults')

  await page.getByLabel('调休上班日 1').fill(sunday)
  await page.getByRole('button', { name: '预览' }).click()
  const grid = page.getByTestId('year-grid')
  await grid.waitFor()
  t.equal(await grid.locator('table.month').count(), 12, 'twelve months')
  t.equal(
    await grid.locator('td[data-date]').count(),
    new Date(Date.UTC(N, 1, 29)).getUTCDate() === 29 ? 366 : 365,
  )
  const kindOf = (date: string) => grid.locator(`td[data-date="${date}"]`).getAttribute('data-kind')
  t.equal(await kindOf(`${N}-01-01`), 'holiday', 'New Year’s Day is a holiday')
  t.equal(await kindOf(sunday), 'adjusted-workday', 'the make-up Sunday is a working day')
  t.equal(await kindOf(nextWeekday(`${N}-03-01`, 6)), 'weekend', 'a Saturday in March is a weekend day')
  t.equal(await kindOf(nextWeekday(`${N}-03-01`, 1)), 'workday', 'a Monday in March is a working day')
  t.match(
    await grid.locator(`td[data-date="${N}-01-01"]`).textContent(),
    '休',
    'a holiday is marked with text, not colour alone',
  )
  t.match(await grid.locator(`td[data-date="${sunday}"]`).textContent(), '班')
  t.same(
    await page.getByTestId('grid-legend').locator('li').allTextContents(),
    ['工作日', '末周末', '休放假', '班调休上班'],
    'the legend names the four kinds',
  )
  await screenshot(page, 'calendar-grid')

  t.notOk(await save.isDisabled(), 'Save after a clean preview')
  const put = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/calendar/years/${N}`) && r.request().method() === 'PUT',
  )
  await save.click()
  t.equal((await put).status(), 200)
  await page.getByText(`${N} 年日历已发布（第 1 版）`).waitFor()
  const listed = years.locator('tr', { hasText: 'browser-test fixture' })
  await listed.waitFor()
  t.match(await listed.textContent(), `${N}`, 'the year is listed…')
  t.match(await listed.textContent(), '已发布', '…as published')

  // regional overrides of the year: add, list, delete
  await page.getByRole('button', { name: '新增地区调整' }).click()
  const form = page.getByTestId('region-form')
  await form.getByLabel(/^地区代码/).fill('650000')
  await form.getByLabel(/^名称（中文）/).fill('新疆')
  await form.getByLabel(/^名称（英文）/).fill('Xinjiang')
  await form.getByRole('button', { name: '添加一行' }).first().click()
  await form.getByLabel('名称（中文） 1').fill('古尔邦节')
  await form.getByLabel('名称（英文） 1').fill('Eid al-Adha')
  await form.getByLabel('起 1', { exact: true }).fill(`${N}-05-10`)
  await form.getByRole('button', { name: '保存' }).click()
  await page.getByText('地区调整已保存（第 2 版）').waitFor()
  t.match(await page.getByTestId('region-list').textContent(), '古尔邦节', 'the region is listed')
  await screenshot(page, 'calendar-regions')
  page.once('dialog', (d) => void d.accept())
  await page.getByRole('button', { name: '删除 650000' }).click()
  await page.getByText('地区调整已删除').waitFor()
  t.equal(await page.getByTestId('region-list').count(), 0, 'the region is gone')

  // the banner goes once next year is covered
  const covered = await openWithCoverage(page, '/staff')
  t.match(covered, { nextYear: N, nextYearCovered: true })
  await page.getByRole('heading', { level: 1 }).waitFor()
  t.equal(await page.getByTestId('calendar-banner').count(), 0, 'no banner once next year is covered')

  // the English switch: the page's labels follow
  await page.goto(`/staff/admin/calendar?year=${N}`)
  await page.getByTestId('lang-switch').click()
  await page.getByRole('heading', { name: 'Working-day calendar', level: 1 }).waitFor()
  await page.getByRole('button', { name: 'Preview' }).click()
  await page.getByTestId('year-grid').waitFor()
  t.match(await page.getByTestId('grid-legend').textContent(), 'Make-up working day')
  await screenshot(page, 'calendar-grid-en')
  t.same(errors, [], 'no errors in the page')
})
