// Rectification (整改) in a real Chromium against the whole platform in this process (embedded adapters):
// three complaints about one window of the exit-entry hall are accepted and assigned through the API, the
// dispatcher records the window on one case's page, and three problem-found events about that window go on
// the bus (as tracking and, later, callbacks publish them). The discipline officer sees the trend alert in
// the console, turns it into an order; the exit-entry lead finds it in the department's view, acknowledges
// it and submits a plan; the page refuses a renamed executable before sending; the handler uploads a PDF as
// evidence; the officer downloads it (the same SHA-256 as shown), sends it back, the handler submits new
// evidence, the officer verifies and closes the order (销号); the case's timeline shows the order and its
// closing; another department's lead is told the order does not exist. Screenshots of the console, the
// alert, the order page with its evidence, the department's view and the KPIs.
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FieldCipher, generateFieldKeys, loadAdapterConfig, systemClock } from '@tingjian/kit'
import { capturedLogger, eventually, SMTP_HOST, SMTP_PORT, testJwt, uniqueName } from '@tingjian/testkit'
import type { Page } from 'playwright-core'
import t from 'tap'
// reached by path, as the platform is: the web package does not depend on the contracts
import { TrackingEvents } from '../../../../packages/contracts/src/index.ts'
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
const dir = await mkdtemp(join(tmpdir(), 'tj-web-rect-'))
const { logger } = capturedLogger('warn')
const platform = await startPlatform({
  adapters: loadAdapterConfig({ DATA_DIR: dir, BUS_NAMESPACE: uniqueName('t') }),
  logger,
  clock: systemClock,
  jwt: testJwt().config as ReturnType<typeof testJwt>['config'] & { privateKey: string },
  piiKey: randomBytes(32).toString('base64url'),
  cipher: FieldCipher.fromConfig(generateFieldKeys('web-rectification')),
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
const OFFICE = '城东出入境办证大厅'
const WINDOW = '3号窗口'

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

async function signedIn(username: string): Promise<{ page: Page; seen: ReturnType<typeof watch> }> {
  const context = await newContext(browser, open.url)
  t.teardown(() => context.close())
  const page = await context.newPage()
  const seen = watch(page)
  await page.goto('/staff/login')
  await page.getByLabel(/用户名|Username/).fill(username)
  await page.getByLabel(/^(密码|Password)/).fill(SEED_PASSWORD)
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click()
  await page.getByTestId('whoami').waitFor()
  return { page, seen }
}

/** A minimal PDF, built here (a real one: header, one empty page, cross-reference table, trailer). */
function pdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Title (${text}) >>`,
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

// the staff in their own browser profiles, signed in before the tests (tap ends the run when nothing is queued)
const officer = await signedIn('discipline')
const lead = await signedIn('lead.exit-entry')
const handler = await signedIn('handler.exit-entry')
const other = await signedIn('lead.traffic')

// ---- the seed: three complaints about one window, assigned to exit-entry, and their problems ----

const cases: Array<{ id: string; trackingCode: string; version: number }> = []
await t.test('seed: three complaints about one window, assigned to exit-entry through the API', async (t) => {
  const dispatcher = await tokenOf('dispatcher')
  for (const subject of ['办证窗口乱收加急费', '窗口工作人员态度恶劣', '承诺五个工作日办结未兑现']) {
    const letter = await platform.apps.mailbox.inject({
      method: 'POST',
      url: '/api/v1/mailbox/letters',
      payload: {
        category: 'complaint',
        subject,
        body: `${subject}。在${OFFICE}${WINDOW}办理出入境证件时遇到的问题，请核查。`,
        anonymous: true,
        consentToPublish: false,
      },
    })
    t.equal(letter.statusCode, 201, `letter “${subject}” accepted`)
    const code = letter.json().trackingCode as string
    const found = await eventually(async () => {
      const res = await platform.apps.tracking.inject({ url: `/api/v1/cases?q=${code}`, headers: dispatcher })
      return res.json().items?.[0] as { id: string; version: number } | undefined
    })
    const assigned = await platform.apps.tracking.inject({
      method: 'POST',
      url: `/api/v1/cases/${found.id}/assign`,
      headers: dispatcher,
      payload: { version: found.version, departmentId: EXIT_ENTRY },
    })
    t.equal(assigned.statusCode, 200, 'assigned to exit-entry')
    cases.push({ id: found.id, trackingCode: code, version: assigned.json().version })
  }
})

const [first] = cases
if (!first) throw new Error('no case')

await t.test('the dispatcher records the window a complaint is about on its page', async (t) => {
  const { page, seen } = await signedIn('dispatcher')
  await page.goto(`/staff/cases/${first.id}`)
  await page.locator('[data-action="concerns"]').click()
  await page.locator('#concerns-office').fill(OFFICE)
  await page.locator('#concerns-window').fill(WINDOW)
  await page.locator('#concerns-staffNumber').fill('警号 1')
  await page.locator('[data-submit="concerns"]').click()
  t.equal(
    await page.locator('#concerns-staffNumber').getAttribute('aria-invalid'),
    'true',
    'a bad staff number',
  )
  await page.locator('#concerns-staffNumber').fill('')
  await page.locator('[data-submit="concerns"]').click()
  await page.getByTestId('action-done').waitFor()
  t.match(await page.getByTestId('case-concerns').textContent(), WINDOW, 'shown on the case')
  t.same(seen.errors, [], 'no errors in the page')
})

await t.test('three problems about the window go on the bus, as tracking publishes them', async (t) => {
  const now = Date.now()
  const kinds = ['overcharge', 'attitude', 'missed_promise'] as const
  for (const [i, c] of cases.entries()) {
    await platform.bus.publish(
      TrackingEvents.problemFound.create({
        subject: c.id,
        data: {
          problemId: `${c.id}:browser:${i}`,
          kind: kinds[i] ?? 'other',
          summary: `投诉属实：${c.trackingCode}`,
          source: { kind: 'case', id: c.id, trackingCode: c.trackingCode },
          departmentId: EXIT_ENTRY,
          office: OFFICE,
          window: WINDOW,
          staffNumber: null,
          evidenceUrl: `/staff/cases/${c.id}`,
          occurredAt: new Date(now - (3 - i) * 3_600_000).toISOString(),
        },
      }),
    )
  }
  t.equal(cases.length, kinds.length, 'one problem per case published')
})

let orderUrl = ''
let orderNumber = ''

await t.test('the console shows the trend alert; the officer turns it into an order', async (t) => {
  const { page, seen } = officer
  const headers = await tokenOf('discipline')
  // the alert is raised by the service's consumer: wait for it through the API, then open the console
  await eventually(async () => {
    const res = await platform.apps.rectification.inject({
      url: '/api/v1/rectification/alerts?status=open',
      headers,
    })
    return res.json().items?.length > 0
  })
  await page.goto('/staff/rectification')
  const alerts = page.getByTestId('rect-alerts')
  await alerts.locator('.rect-alert').first().waitFor()
  t.match(await alerts.textContent(), '窗口', 'a window alert')
  t.match(await alerts.textContent(), '问题 3 个', 'with its three problems')
  t.ok(await page.getByRole('link', { name: '整改督办' }).isVisible(), 'in the officer’s navigation')
  await screenshot(page, 'rectification-console-alert')

  await alerts.locator('.rect-alert a').first().click()
  await page.getByTestId('rect-alert').waitFor()
  t.equal(
    await page.locator('[data-testid="rect-problems"] tbody tr').count(),
    3,
    'the evidence: three problems',
  )
  t.match(await page.getByTestId('rect-problems').textContent(), first.trackingCode, 'each with its case')
  await screenshot(page, 'rectification-alert')

  await page.getByTestId('rect-alert-to-order').click()
  await page.waitForURL(/\/staff\/rectification\/orders\/new\?alertId=/)
  await page.locator('[data-testid="rect-chosen"]', { hasText: '已选 3 个问题' }).waitFor()
  t.equal(await page.locator('#rect-new-window').inputValue(), WINDOW, 'the place from the alert')
  // the form is checked before sending
  await page.getByTestId('rect-issue').click()
  await page.locator('#error-summary').waitFor()
  t.equal(await page.locator('#rect-new-title').getAttribute('aria-invalid'), 'true', 'a title is required')
  await page.locator('#rect-new-title').fill('城东出入境大厅3号窗口乱收费、态度差、超时限')
  await page
    .locator('#rect-new-measuresRequired')
    .fill('停止收取加急费并清退；窗口人员服务规范培训；公开办理时限并逐件跟踪。')
  await page.locator('#rect-new-priority').selectOption('high')
  await page.getByTestId('rect-issue').click()
  await page.waitForURL(/\/staff\/rectification\/orders\/rord_/)
  await page.getByTestId('rect-order-facts').waitFor()
  orderUrl = new URL(page.url()).pathname
  orderNumber = /ZG\d{4}-\d{5}/.exec((await page.locator('main h1').textContent()) ?? '')?.[0] ?? ''
  t.match(orderNumber, /^ZG\d{4}-\d{5}$/, 'the order is numbered')
  t.match(await page.locator('[data-status]').first().textContent(), '已下达', 'issued')
  t.same(seen.errors, [], 'no errors in the page')
})

await t.test('the department’s lead acknowledges it and submits a plan', async (t) => {
  const { page, seen } = lead
  await page.goto('/staff/rectification/department')
  const row = page.locator(`[data-order="${orderNumber}"]`)
  await row.waitFor()
  t.match(await row.textContent(), '部门负责人签收', 'what is owed next')
  await screenshot(page, 'rectification-department')
  await row.getByRole('link', { name: orderNumber }).click()
  await page.locator('[data-action="acknowledge"]').click()
  await page.locator('[data-submit="acknowledge"]').click()
  await page.locator('[data-testid="rect-order-facts"] [data-status="acknowledged"]').waitFor()
  await page.locator('[data-action="plan"]').click()
  await page
    .locator('#rect-plan-measures')
    .fill('一、立即停止收取加急费并逐笔清退；二、全员服务规范培训；三、每周抽查窗口办理时限。')
  await page.locator('#rect-plan-owner').fill('出入境管理局城东大厅负责人')
  const planned = new Date(Date.now() + 8 * 3_600_000 + 10 * 86_400_000).toISOString().slice(0, 10)
  await page.locator('#rect-plan-plannedBy').fill(planned)
  await page.locator('[data-submit="plan"]').click()
  await page.locator('[data-testid="rect-order-facts"] [data-status="planned"]').waitFor()
  t.match(await page.getByTestId('rect-plans').textContent(), '全员服务规范培训', 'the plan is shown')
  t.same(seen.errors, [], 'no errors in the page')
})

const evidencePdf = pdf('rectification evidence')

await t.test('the handler uploads a PDF as evidence; a renamed executable is refused first', async (t) => {
  const { page, seen } = handler
  await page.goto(orderUrl)
  await page.locator('[data-action="evidence"]').click()
  await page.locator('#rect-evidence-text').fill('已清退加急费 12 笔，完成培训 1 次，附培训签到表。')
  await page.locator('#rect-evidence-files').setInputFiles({
    name: '签到表.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
  })
  await page.getByTestId('rect-file-faults').waitFor()
  t.match(await page.getByTestId('rect-file-faults').textContent(), '不是 PDF', 'refused by its content')
  let posted = false
  page.on('request', (r) => {
    if (r.url().endsWith('/evidence') && r.method() === 'POST') posted = true
  })
  await page.locator('[data-submit="evidence"]').click()
  t.notOk(posted, 'nothing sent')
  await page.locator('#rect-evidence-files').setInputFiles({
    name: '培训签到表.pdf',
    mimeType: 'application/pdf',
    buffer: evidencePdf,
  })
  await page.getByTestId('rect-file-faults').waitFor({ state: 'detached' })
  await page.locator('[data-submit="evidence"]').click()
  await page.locator('[data-testid="rect-order-facts"] [data-status="evidence_submitted"]').waitFor()
  const evidence = page.getByTestId('rect-evidence')
  t.match(await evidence.textContent(), '培训签到表.pdf', 'the attachment is listed')
  t.match(
    await evidence.textContent(),
    createHash('sha256').update(evidencePdf).digest('hex'),
    'with its SHA-256',
  )
  t.same(seen.errors, [], 'no errors in the page')
})

await t.test(
  'the officer downloads the evidence, sends it back; new evidence; verified and closed',
  async (t) => {
    const { page, seen } = officer
    await page.goto(orderUrl)
    const download = page.waitForEvent('download')
    await page.locator('.rect-attachment button').first().click()
    const file = await download
    t.equal(file.suggestedFilename(), '培训签到表.pdf', 'the name as uploaded')
    const saved = await file.path()
    t.equal(
      createHash('sha256')
        .update(await readFile(saved))
        .digest('hex'),
      createHash('sha256').update(evidencePdf).digest('hex'),
      'the same bytes',
    )
    await screenshot(page, 'rectification-order-evidence')

    await page.locator('[data-action="send-back"]').click()
    await page.getByLabel(/材料不足/).check()
    await page.locator('#rect-sendback-reason').fill('缺少清退凭证，请补充。')
    await page.locator('[data-submit="send-back"]').click()
    await page.locator('[data-testid="rect-order-facts"] [data-status="planned"]').waitFor()

    await handler.page.goto(orderUrl)
    await handler.page.getByTestId('rect-sent-back').waitFor()
    await handler.page.locator('[data-action="evidence"]').click()
    await handler.page.locator('#rect-evidence-text').fill('补充清退凭证 12 份。')
    await handler.page.locator('#rect-evidence-files').setInputFiles({
      name: '清退凭证.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('refund receipts'),
    })
    await handler.page.locator('[data-submit="evidence"]').click()
    await handler.page
      .locator('[data-testid="rect-order-facts"] [data-status="evidence_submitted"]')
      .waitFor()

    await page.goto(orderUrl)
    await page.locator('[data-action="verify"]').click()
    await page.locator('[data-submit="verify"]').click()
    await page.locator('[data-testid="rect-order-facts"] [data-status="verified"]').waitFor()
    await page.locator('[data-action="close"]').click()
    await page
      .locator('#rect-close-summary')
      .fill('清退违规收取的加急费，开展窗口服务规范培训，公开办理时限。')
    await page.locator('[data-submit="close"]').click()
    await page.locator('[data-testid="rect-order-facts"] [data-status="closed"]').waitFor()
    await page.getByTestId('rect-verify').click()
    t.match(await page.getByTestId('rect-verify-result').textContent(), '未被篡改', 'the timeline is intact')
    const entries = page.locator('[data-testid="rect-timeline"] li')
    const actions: Array<string | null> = []
    for (let i = 0; i < (await entries.count()); i++)
      actions.push(await entries.nth(i).getAttribute('data-action'))
    t.ok(actions.includes('sent_back') && actions.includes('closed'), `timeline: ${actions.join(', ')}`)
    await screenshot(page, 'rectification-order-closed')
    t.same(seen.errors, [], 'no errors in the page')
  },
)

await t.test('the case’s timeline shows the order and its closing, linked to the order', async (t) => {
  const { page } = officer
  for (let attempt = 1; ; attempt++) {
    await page.goto(`/staff/cases/${first.id}`)
    await page.getByTestId('timeline').waitFor()
    const text = (await page.getByTestId('timeline').textContent()) ?? ''
    if (text.includes('整改销号')) break
    if (attempt >= 20) throw new Error('the closing never reached the case timeline')
    await page.waitForTimeout(500)
  }
  t.match(await page.getByTestId('timeline').textContent(), '下达整改通知', 'the order')
  await page.getByTestId('tl-rectification-link').first().click()
  await page.waitForURL(`**${orderUrl}`)
  t.match(await page.locator('main h1').textContent(), orderNumber, 'the link opens the order')
})

await t.test('another department’s lead does not see the order', async (t) => {
  await other.page.goto(orderUrl)
  await other.page.getByRole('alert').waitFor()
  t.match(await other.page.getByRole('alert').textContent(), '未找到', 'as if it did not exist')
  await other.page.goto('/staff/rectification/department')
  await other.page.getByTestId('rect-dept-open').waitFor()
  t.equal(await other.page.locator(`[data-order="${orderNumber}"]`).count(), 0, 'not in its view')
})

await t.test('the console: orders by status and a second alert (another window)', async (t) => {
  const { page, seen } = officer
  for (const [i, c] of cases.entries()) {
    await platform.bus.publish(
      TrackingEvents.problemFound.create({
        subject: c.id,
        data: {
          problemId: `${c.id}:browser:second:${i}`,
          kind: 'dissatisfied',
          summary: '来信人对答复不满意',
          source: { kind: 'case', id: c.id, trackingCode: c.trackingCode },
          departmentId: EXIT_ENTRY,
          office: OFFICE,
          window: '5号窗口',
          staffNumber: null,
          evidenceUrl: `/staff/cases/${c.id}`,
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
        },
      }),
    )
  }
  const headers = await tokenOf('discipline')
  await eventually(async () => {
    const res = await platform.apps.rectification.inject({
      url: '/api/v1/rectification/alerts?status=open',
      headers,
    })
    return res.json().items?.length > 0
  })
  await page.goto('/staff/rectification?status=all')
  await page.locator(`[data-order="${orderNumber}"]`).waitFor()
  await page.getByTestId('rect-alerts').locator('.rect-alert').first().waitFor()
  t.match(await page.getByTestId('rect-alerts').textContent(), '5号窗口', 'the new alert names its window')
  t.match(await page.locator('[data-tab="closed"]').textContent(), '1', 'one order closed')
  await screenshot(page, 'rectification-console')
  t.same(seen.errors, [], 'no errors in the page')
})

await t.test('the KPIs and the public summary', async (t) => {
  const { page, seen } = officer
  await page.goto('/staff/rectification/kpis')
  await page.getByTestId('rect-kpi-body').waitFor()
  const row = page.locator(`[data-testid="rect-kpi-table"] tr[data-department="${EXIT_ENTRY}"]`).first()
  t.match(await row.textContent(), '人口与出入境管理局', 'the department’s row')
  await screenshot(page, 'rectification-kpis')
  t.same(seen.errors, [], 'no errors in the page')

  const context = await newContext(browser, open.url)
  t.teardown(() => context.close())
  const citizen = await context.newPage()
  const citizenSeen = watch(citizen)
  await citizen.goto('/stats')
  await citizen.getByTestId('rect-public').waitFor()
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7)
  await citizen.locator('#rect-public-month').fill(month)
  const table = citizen.getByTestId('rect-public-table')
  await table.waitFor()
  t.match(await table.textContent(), '清退违规收取的加急费', 'what was fixed, as published at closing')
  t.notMatch(await table.textContent(), orderNumber, 'no order number')
  t.notMatch(await table.textContent(), WINDOW, 'no window')
  await screenshot(citizen, 'rectification-public-summary')
  t.same(citizenSeen.errors, [], 'no errors in the page')
})
