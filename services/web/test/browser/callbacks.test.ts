// Callback surveys (服务调查电话回访) in a real Chromium against the whole platform in this process (embedded
// adapters, the telephony simulator, an injected clock: calling hours are Shanghai wall time on working days).
// A complaint with the writer's phone is assigned, answered and the answer approved through the API, so
// tracking makes it due for a callback. Before the first calling window the officer is told when it opens;
// inside it the officer takes the next task, sets a phone, calls (the test phone rings and is answered),
// reveals the number (recorded on the task), records a dissatisfied answer; the case is reopened and shows
// the callback; the KPI page counts it; a supervisor imports a CSV of service records with a bad row (named
// by its line and field) and imports it again (duplicates only); the public statistics page shows the month.
// Screenshots callbacks-*.png.
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FieldCipher, generateFieldKeys, loadAdapterConfig, ManualClock } from '@tingjian/kit'
import { capturedLogger, eventually, SMTP_HOST, SMTP_PORT, testJwt, uniqueName } from '@tingjian/testkit'
import type { Page } from 'playwright-core'
import t from 'tap'
import { openPlatform, startPlatform } from '../../../platform/src/platform.ts'
import {
  ensureBuilt,
  launchBrowser,
  newContext,
  SEED_PASSWORD,
  screenshot,
  WEB_DIR,
  watch,
} from './helpers.ts'

t.setTimeout(10 * 60_000)

await ensureBuilt(t)
const dir = await mkdtemp(join(tmpdir(), 'tj-web-callbacks-'))
const { logger } = capturedLogger('warn')
// the real time to start with; moved to the task's first calling window below
const clock = new ManualClock(new Date())
const platform = await startPlatform({
  adapters: loadAdapterConfig({ DATA_DIR: dir, BUS_NAMESPACE: uniqueName('t') }),
  logger,
  clock,
  jwt: testJwt().config as ReturnType<typeof testJwt>['config'] & { privateKey: string },
  piiKey: randomBytes(32).toString('base64url'),
  cipher: FieldCipher.fromConfig(generateFieldKeys('web-callbacks')),
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
const seeded = platform.seeded
if (!seeded) throw new Error('the platform did not seed its demo users')
const EXIT_ENTRY = seeded.departments['exit-entry']
if (!EXIT_ENTRY) throw new Error('no exit-entry department')

/** A bearer token of a seeded user, through identity's login. */
async function tokenOf(username: string): Promise<{ authorization: string }> {
  const res = await platform.apps.identity.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: SEED_PASSWORD },
  })
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`)
  return { authorization: `Bearer ${res.json().accessToken}` }
}

async function login(page: Page, username: string): Promise<void> {
  await page.goto('/staff')
  // still signed in (the session resumed from its cookie), or sent to the sign-in page
  const form = page.getByLabel(/用户名|Username/)
  await Promise.race([page.getByTestId('whoami').waitFor(), form.waitFor()])
  if (!(await form.isVisible())) return
  await form.fill(username)
  await page.getByLabel(/^(密码|Password)/).fill(SEED_PASSWORD)
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click()
  await page.getByTestId('whoami').waitFor()
}

/**
 * A member of staff in a browser profile of their own. Signed in again after the clock moved: a session
 * begun days earlier by the clock has expired.
 */
async function signedIn(
  username: string,
): Promise<{ page: Page; seen: ReturnType<typeof watch>; again(): Promise<void> }> {
  const context = await newContext(browser, open.url)
  t.teardown(() => context.close())
  const page = await context.newPage()
  const seen = watch(page)
  await login(page, username)
  return { page, seen, again: () => login(page, username) }
}

/** Reloads a page until a locator shows up (what it waits for arrives through asynchronous events). */
async function reloadUntil(page: Page, selector: string, attempts = 30): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await page.locator(selector).first().waitFor({ timeout: 2_000 })
      return
    } catch {
      if (i >= attempts) throw new Error(`${selector} did not appear on ${page.url()}`)
      await page.reload()
    }
  }
}

async function act(
  username: string,
  caseId: string,
  action: string,
  body: Record<string, unknown>,
): Promise<number> {
  const headers = await tokenOf(username)
  const current = await platform.apps.tracking.inject({ url: `/api/v1/cases/${caseId}`, headers })
  const res = await platform.apps.tracking.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/${action}`,
    headers,
    payload: { version: current.json().version, ...body },
  })
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`)
  return res.json().version as number
}

// the staff in their own browser profiles, signed in before the tests (tap ends the run when nothing is queued)
const officer = await signedIn('callback')
const admin = await signedIn('admin')
const supervisor = await signedIn('supervisor')

// ---- the seed: a complaint with the writer's phone, replied through the API ----

const CITIZEN_PHONE = `+86138${String(Date.now()).slice(-8)}`
const OFFICER_PHONE = `+86139${String(Date.now() + 7).slice(-8)}`
let caseId = ''
let trackingCode = ''
let taskId = ''
let dueFrom = ''
/** The month (Shanghai) of the reply: the month the task counts in. */
const replyMonth = new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 7)

await t.test('seed: a complaint with a phone is replied; tracking makes it due for a callback', async (t) => {
  const letter = await platform.apps.mailbox.inject({
    method: 'POST',
    url: '/api/v1/mailbox/letters',
    payload: {
      category: 'complaint',
      subject: '办护照时被多收了加急费',
      body: '在城东出入境办证大厅办理护照，窗口工作人员收了加急费，但我没有要求加急。',
      anonymous: false,
      name: '王小明',
      phone: CITIZEN_PHONE,
      consentToPublish: false,
    },
  })
  t.equal(letter.statusCode, 201, 'the letter is accepted')
  trackingCode = letter.json().trackingCode as string
  const dispatcher = await tokenOf('dispatcher')
  const found = await eventually(async () => {
    const res = await platform.apps.tracking.inject({
      url: `/api/v1/cases?q=${trackingCode}`,
      headers: dispatcher,
    })
    return res.json().items?.[0] as { id: string } | undefined
  })
  caseId = found.id
  await act('dispatcher', caseId, 'assign', { departmentId: EXIT_ENTRY })
  await act('handler.exit-entry', caseId, 'sign', {})
  await act('handler.exit-entry', caseId, 'reply', { text: '经核查，窗口误收加急费，已退还并批评教育。' })
  await act('lead.exit-entry', caseId, 'reply/approve', {})
  const supervisor = await tokenOf('supervisor')
  const task = await eventually(async () => {
    const res = await platform.apps.callbacks.inject({
      url: `/api/v1/callbacks/tasks?caseId=${caseId}`,
      headers: supervisor,
    })
    return res.json().items?.[0] as { id: string; dueFrom: string; phoneMasked: string } | undefined
  })
  taskId = task.id
  dueFrom = task.dueFrom
  t.notMatch(task.phoneMasked, CITIZEN_PHONE.slice(-8), 'the number is masked')
  t.equal(
    new Date(Date.parse(dueFrom) + 8 * 3_600_000).toISOString().slice(11, 16),
    '09:00',
    'due from 09:00 (Shanghai) of the next working day',
  )
})

await t.test('before the first calling window the officer is told when it opens', async (t) => {
  clock.set(new Date(Date.parse(dueFrom) - 3_600_000)) // 08:00 Shanghai on a working day
  const { page } = officer
  await officer.again()
  await page.goto('/staff/callbacks')
  await page.getByTestId('cb-next').click()
  const closed = page.getByTestId('cb-closed')
  await closed.waitFor()
  t.match(await closed.textContent(), '09:00', 'the next window’s start')
  t.same(officer.seen.errors, [], 'no errors in the page')
})

await t.test(
  'inside calling hours the officer takes the task, calls, reveals and records a dissatisfied answer',
  async (t) => {
    clock.set(new Date(Date.parse(dueFrom) + 3_600_000)) // 10:00 Shanghai
    const { page } = officer
    await officer.again()
    await admin.again()
    await supervisor.again()
    // the officer's phone is the administrator's test phone
    await admin.page.goto('/staff/admin/test-phone')
    await admin.page.locator('#tp-number').fill(OFFICER_PHONE)
    await admin.page.locator('#tp-number').blur() // the test phone watches the number it holds

    await page.goto('/staff/callbacks')
    await page.locator('#cb-endpoint').fill('13800')
    await page.getByTestId('cb-endpoint-save').click()
    t.equal(await page.locator('#cb-endpoint').getAttribute('aria-invalid'), 'true', 'a bad phone is refused')
    await page.locator('#cb-endpoint').fill(OFFICER_PHONE)
    await page.getByTestId('cb-endpoint-save').click()
    await page.getByText('已保存。').waitFor()
    await screenshot(page, 'callbacks-queue')

    await page.getByTestId('cb-next').click()
    await page.waitForURL(new RegExp(`/staff/callbacks/tasks/${taskId}$`))
    await page.getByTestId('cb-subject').waitFor()
    t.match(await page.getByTestId('cb-subject').textContent(), trackingCode, 'the case is the subject')
    const masked = (await page.getByTestId('cb-phone-masked').textContent()) ?? ''
    t.notMatch(masked, CITIZEN_PHONE.slice(-8), 'only the masked number is shown')
    t.notOk(await page.getByText(CITIZEN_PHONE).count(), 'the number is nowhere on the page')

    await page.getByTestId('cb-call').click()
    await page.getByTestId('cb-call-placed').waitFor()
    // the officer's (test) phone rings; answered, the line dials the citizen
    await admin.page.getByTestId('tp-ringing').waitFor({ timeout: 30_000 })
    await admin.page.getByTestId('tp-answer').click()
    const hangup = admin.page.getByTestId('tp-hangup')
    if (await hangup.isVisible().catch(() => false)) await hangup.click()

    await page.getByTestId('cb-reveal').click()
    await page.getByTestId('cb-reveal-confirm').click()
    await page.getByTestId('cb-phone-revealed').waitFor()
    t.match(await page.getByTestId('cb-phone-revealed').textContent(), CITIZEN_PHONE.slice(-8), 'revealed')
    await page.getByTestId('cb-reveals').waitFor()
    t.equal(await page.locator('[data-testid="cb-reveals"] li').count(), 1, 'the reveal is on the record')
    t.ok(await page.locator('[data-testid="cb-calls"] li').count(), 'the call is on the record')

    // completed needs an answer: the form refuses it empty, by its field
    await page.getByRole('radio', { name: '完成回访' }).check()
    await page.getByTestId('cb-record-attempt').click()
    await page.locator('#error-summary').waitFor()
    await page.locator('input[name="cb-feeCorrect"][value="no"]').check()
    await page.locator('#cb-q-amountPaid').fill('300')
    await page.locator('input[name="cb-attitude"][value="2"]').check()
    await page.locator('input[name="cb-promiseKept"][value="yes"]').check()
    await page.getByRole('radio', { name: '不满意', exact: true }).check()
    await page.locator('#cb-q-comment').fill('加急费没有退。')
    await screenshot(page, 'callbacks-task')
    await page.getByTestId('cb-record-attempt').click()
    await page.getByTestId('cb-recorded').waitFor()
    t.match(
      await page.getByTestId('cb-answer-satisfaction').textContent(),
      '不满意',
      'the answer is recorded',
    )
    t.match(await page.locator('[data-status]').first().textContent(), '已完成', 'the task is completed')
    t.same(officer.seen.errors, [], 'no errors in the officer’s page')
    t.same(admin.seen.errors, [], 'no errors in the test phone')
  },
)

await t.test('the case is reopened for rework and shows the callback', async (t) => {
  const { page } = supervisor
  await page.goto(`/staff/cases/${caseId}`)
  await reloadUntil(page, '[data-testid="case-callbacks"] li[data-outcome="completed"]')
  t.match(await page.getByTestId('case-callbacks').textContent(), '不满意', 'the level heard')
  await page.locator('[data-testid="timeline"] :text("服务回访已完成")').first().waitFor()
  await reloadUntil(page, '[data-testid="timeline"] :text("重新办理")')
  t.match(await page.locator('h1').textContent(), '办理中', 'back in progress')
  await screenshot(page, 'callbacks-case')
})

await t.test('the KPI page counts the callback', async (t) => {
  const { page, seen } = supervisor
  await page.goto('/staff/callbacks/kpis')
  const row = page.locator(`[data-testid="cb-kpi-table"] tr[data-group="${EXIT_ENTRY}"]`)
  await row.waitFor()
  t.match(await row.getByTestId('cb-kpi-completed').textContent(), '1', 'one completed')
  t.match(await row.getByTestId('cb-kpi-satisfaction').textContent(), /0%.*n=1/, 'dissatisfied: 0 % of 1')
  await screenshot(page, 'callbacks-kpis')
  t.same(seen.errors, [], 'no errors in the page')
})

await t.test('a CSV of service records with a bad row; imported again, it adds nothing', async (t) => {
  const { page, seen } = supervisor
  const before = new Date(clock.now().getTime() - 2 * 86_400_000).toISOString()
  const header =
    'source,recordId,serviceType,department,office,window,staffNumber,applicantName,applicantPhone,feeCharged,feeSchedule,promisedDays,completedAt'
  const row = (id: string, phone: string) =>
    `exit-entry-system,${id},passport,exit-entry,城东出入境办证大厅,3号窗口,A1024,李四,${phone},120,120,7,${before}`
  const csv = `${[
    header,
    row('PP-1', '13800138001'),
    row('PP-2', '12345'),
    row('PP-3', '13800138003'),
    row('PP-4', '13800138004'),
  ].join('\r\n')}\r\n`
  await page.goto('/staff/callbacks/records')
  const upload = async () => {
    await page.locator('#cb-csv').setInputFiles({
      name: 'records.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}`, 'utf8'),
    })
    await page.getByTestId('cb-upload').click()
    await page.getByTestId('cb-import-report').waitFor()
  }
  await upload()
  t.equal(await page.getByTestId('cb-report-received').textContent(), '4', 'four rows')
  t.equal(await page.getByTestId('cb-report-accepted').textContent(), '3', 'three accepted')
  const bad = page.locator('[data-testid="cb-rejected"] tr[data-row="3"]')
  t.match(await bad.textContent(), 'PP-2', 'the bad row by its line (the header is line 1)')
  t.match(await bad.textContent(), 'applicantPhone', 'and its field')
  await screenshot(page, 'callbacks-records')

  await page.reload()
  await upload()
  t.equal(await page.getByTestId('cb-report-accepted').textContent(), '0', 'nothing added again')
  t.equal(await page.getByTestId('cb-report-duplicates').textContent(), '3', 'three duplicates')
  t.same(seen.errors, [], 'no errors in the page')
})

await t.test('the public statistics page shows the month’s callbacks', async (t) => {
  const context = await newContext(browser, open.url)
  t.teardown(() => context.close())
  const page = await context.newPage()
  const seen = watch(page)
  await page.goto('/stats')
  await page.locator('#cb-public-month').fill(replyMonth)
  const table = page.getByTestId('cb-public-table')
  await table.waitFor()
  const text = (await table.textContent()) ?? ''
  t.match(text, /n=1/, 'the sample size')
  t.notMatch(text, CITIZEN_PHONE.slice(-8), 'no number')
  t.notMatch(text, '王小明', 'no name')
  await screenshot(page, 'callbacks-public')
  t.same(seen.errors, [], 'no errors in the page')
})
