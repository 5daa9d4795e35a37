// Online polls in a real Chromium against the whole platform in one process, on the telephony simulator:
// the seeded poll manager builds a poll with every question type (satisfaction, single, multiple with a
// minimum and maximum, appraisal of departments, free text), previews and publishes it; a citizen on a
// phone-sized screen verifies a mobile number with the code the SMS brings (read on the administrator's
// test phone, which is that number), votes — the page refuses too many selections before sending — and
// sees the results; staff see the live dashboard and publish the comment with its phone number removed;
// the same number voting twice is refused (409) and counted once, and a citizen whose number has voted
// already is told so on the page. Screenshots of the builder, the voting page on a phone, the results,
// the staff dashboard, the second vote's message.
//
// The polls service sends one code a minute per number (a product rule), so no number is verified twice
// here: a second vote uses the voting token that the number's one verification earned, sent again
// through the public API. That is what the ledger refuses (per number, whatever the token); a second
// verification of the same number would only make the test wait for the rule's minute.
import type { Page, Request, Response } from 'playwright-core'
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

const PHONE = { width: 375, height: 812 }
const TITLE = `出入境服务满意度调查 ${Date.now().toString(36)}`

async function page(viewport?: { width: number; height: number }) {
  const context = await newContext(browser, platform.url, viewport)
  t.teardown(() => context.close())
  const p = await context.newPage()
  return { page: p, seen: watch(p) }
}

const admin = await page()
await signIn(admin.page, 'admin')
const pollster = await page()
await signIn(pollster.page, 'pollster')
const citizen = await page(PHONE)
const staff = pollster.page
const phone = admin.page
const voter = citizen.page

let number = ''
let pollUrl = ''
/** The citizen's voting token (from the page's own verification) and the answers the page sent. */
let firstToken = ''
let firstAnswers: Array<Record<string, unknown>> = []

/** The code in the newest SMS on a test phone, once it holds more than `before` messages. */
async function newestCode(phone: Page, before: number): Promise<string> {
  const messages = phone.locator('[data-testid="tp-messages"] li')
  await messages.nth(before).waitFor({ timeout: 60_000 })
  // the newest first; the code is the SMS's only run of six digits
  const text = (await messages.first().textContent()) ?? ''
  const code = /(?<!\d)(\d{6})(?!\d)/.exec(text)?.[1]
  if (!code) throw new Error(`no code in the SMS: ${text}`)
  return code
}
const smsCount = (phone: Page) => phone.locator('[data-testid="tp-messages"] li').count()

const isPost = (path: RegExp) => (r: Request | Response) => {
  const request = 'request' in r ? r.request() : r
  return request.method() === 'POST' && path.test(new URL(request.url()).pathname)
}
const CONFIRM = /^\/api\/v1\/polls\/[^/]+\/verification\/confirm$/
const BALLOTS = /^\/api\/v1\/polls\/[^/]+\/ballots$/

/**
 * Verifies a number on the voting page with the code its test phone receives; the page's voting token.
 * `beforeCode` runs once the code is on its way.
 */
async function verify(
  voter: Page,
  phone: Page,
  mobile: string,
  beforeCode?: () => Promise<void>,
): Promise<string> {
  await voter.locator('#poll-phone').fill(mobile)
  const before = await smsCount(phone)
  await voter.getByTestId('poll-send-code').click()
  await voter.getByTestId('poll-code-sent').waitFor()
  await beforeCode?.()
  await voter.locator('#poll-code').fill(await newestCode(phone, before))
  const confirmed = voter.waitForResponse(isPost(CONFIRM))
  await voter.getByTestId('poll-confirm-code').click()
  const answer = await confirmed
  if (answer.status() !== 200)
    throw new Error(`the code was refused: ${answer.status()} ${await answer.text()}`)
  await voter.getByTestId('poll-verified').waitFor()
  return ((await answer.json()) as { token: string }).token
}

/** A ballot sent through the public API, as another device would: the status and the problem's code. */
async function castThroughApi(token: string, answers: unknown[]) {
  const res = await fetch(new URL(`/api/v1${pollUrl}/ballots`, platform.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
    body: JSON.stringify({ token, answers }),
  })
  const body = (await res.json()) as { code?: string }
  return { status: res.status, type: res.headers.get('content-type') ?? '', code: body.code }
}

/** The number of ballots counted, as the public results say. */
async function ballotsCounted(): Promise<number> {
  const res = await fetch(new URL(`/api/v1${pollUrl}/results`, platform.url))
  return ((await res.json()) as { ballots: number }).ballots
}

/** Options or departments of a question in the builder, by position. */
async function fillLabels(q: ReturnType<Page['getByTestId']>, legend: string, labels: string[]) {
  for (const [i, label] of labels.entries()) {
    const field = q.getByLabel(`${legend} ${i + 1}`, { exact: true })
    if ((await field.count()) === 0)
      await q.getByRole('button', { name: legend === '选项' ? '添加选项' : '添加单位' }).click()
    await q.getByLabel(`${legend} ${i + 1}`, { exact: true }).fill(label)
  }
}

await t.test('the test phone gives the citizen a number whose SMS can be read', async (t) => {
  await phone.goto('/staff/admin/test-phone')
  await phone.getByTestId('tp-phone').waitFor()
  number = (await phone.locator('#tp-number').inputValue()).trim()
  t.match(number, /^\+861[3-9]\d{9}$/, 'a mainland mobile number')
})

await t.test('the poll manager builds a poll with every question type and publishes it', async (t) => {
  await staff.goto('/staff')
  await staff.waitForURL('**/staff/polls')
  t.ok(await staff.getByRole('link', { name: '网上民调' }).first().isVisible(), 'polls in the navigation')
  await staff.getByTestId('pm-new').click()
  await staff.getByTestId('pm-builder').waitFor()

  // the page checks what the service checks, before sending
  await staff.getByTestId('pm-save').click()
  await staff.locator('#error-summary').waitFor()
  t.equal(await staff.locator('#pm-title').getAttribute('aria-invalid'), 'true', 'the title is required')

  await staff.locator('#pm-title').fill(TITLE)
  await staff.locator('#pm-description').fill('请您对出入境接待大厅的服务进行评价，结果将向社会公布。')
  await staff.locator('#pm-q0-title').fill('您对出入境接待大厅的总体服务是否满意？')

  await staff.getByTestId('pm-add-single').click()
  const single = staff.getByTestId('pm-question-1')
  await single.locator('#pm-q1-title').fill('您最近一次办理的是哪项业务？')
  await fillLabels(single, '选项', ['护照', '港澳通行证', '台湾通行证'])

  await staff.getByTestId('pm-add-multiple').click()
  const multiple = staff.getByTestId('pm-question-2')
  await multiple.locator('#pm-q2-title').fill('您认为应当优先改进哪些方面？')
  await fillLabels(multiple, '选项', ['等候时间', '办事指引', '网上预约', '停车'])
  await multiple.locator('#pm-q2-min').fill('3')
  await multiple.locator('#pm-q2-max').fill('2')

  await staff.getByTestId('pm-add-appraisal').click()
  const appraisal = staff.getByTestId('pm-question-3')
  await appraisal.locator('#pm-q3-title').fill('请评议下列单位的服务')
  await fillLabels(appraisal, '评议的单位', ['出入境管理局', '交通管理局'])

  await staff.getByTestId('pm-add-text').click()
  await staff.locator('#pm-q4-title').fill('您还有什么意见和建议？')
  await staff.locator('#pm-q4-maxLength').fill('300')

  // min above max is refused by its field
  await staff.getByTestId('pm-save').click()
  await staff.locator('#error-summary').waitFor()
  t.equal(await staff.locator('#pm-q2-min').getAttribute('aria-invalid'), 'true', 'min above max refused')
  await staff.locator('#pm-q2-min').fill('1')

  // reorder: the text question moves up and back down
  await staff.getByTestId('pm-question-4').getByRole('button', { name: '上移' }).click()
  t.equal(await staff.locator('#pm-q3-title').inputValue(), '您还有什么意见和建议？', 'moved up')
  await staff.getByTestId('pm-question-3').getByRole('button', { name: '下移' }).click()
  t.equal(await staff.locator('#pm-q4-title').inputValue(), '您还有什么意见和建议？', 'and back')

  await staff.getByTestId('pm-preview').click()
  await staff.getByTestId('pm-preview-pane').waitFor()
  t.match(await staff.getByTestId('pm-preview-pane').textContent(), '非常不满意', 'the five levels previewed')
  await screenshot(staff, 'polls-builder')

  await staff.getByTestId('pm-save').click()
  await staff.locator('[data-testid="pm-poll"][data-status="draft"]').waitFor()
  await staff.getByTestId('pm-publish').click()
  await staff.locator('[data-testid="pm-poll"][data-status="published"]').waitFor()
  pollUrl = new URL(staff.url()).pathname.replace('/staff', '')
  t.match(pollUrl, /^\/polls\/poll_[0-9a-f]{32}$/, 'the poll’s public address')
  // published: the questions are read-only, only the closing time moves
  await staff.goto(`/staff${pollUrl}/edit`)
  await staff.getByTestId('pm-frozen').waitFor()
  t.equal(await staff.getByTestId('pm-builder').count(), 0, 'no builder for a published poll')
  t.ok(await staff.locator('#pm-extend').isVisible(), 'the closing time can move later')
  t.same(pollster.seen.errors, [], 'no errors in the poll manager’s page')
})

await t.test('a citizen on a phone verifies a number, votes and sees the results', async (t) => {
  await voter.goto('/polls')
  await voter.getByRole('link', { name: TITLE }).click()
  await voter.getByTestId('poll-form').waitFor()
  t.match(
    await voter.getByTestId('poll-rule').textContent(),
    '每个验证手机号一票',
    'the rule, stated plainly',
  )

  firstToken = await verify(voter, phone, number)

  await voter.getByTestId('poll-q-q1').getByLabel('满意', { exact: true }).check()
  await voter.getByTestId('poll-q-q2').getByLabel('护照', { exact: true }).check()
  const multiple = voter.getByTestId('poll-q-q3')
  for (const label of ['等候时间', '办事指引', '网上预约']) await multiple.getByLabel(label).check()
  for (const item of ['出入境管理局', '交通管理局'])
    await voter
      .getByTestId('poll-q-q4')
      .getByRole('group', { name: item })
      .getByLabel(item === '出入境管理局' ? '非常满意' : '基本满意', { exact: true })
      .check()
  await voter.locator('#poll-q5').fill('窗口太少，排队两个小时。我的电话 13912345678，欢迎回访。')

  // three selections where two at most are allowed: refused on the page, nothing sent
  await voter.getByTestId('poll-submit').click()
  await voter.locator('#error-summary').waitFor()
  t.match(await voter.locator('#error-summary').textContent(), '1–2', 'the bounds are named')
  await multiple.getByLabel('网上预约').uncheck()
  await screenshot(voter, 'polls-vote-phone')

  const ballot = voter.waitForRequest(isPost(BALLOTS))
  await voter.getByTestId('poll-submit').click()
  await voter.getByTestId('poll-voted').waitFor()
  firstAnswers = ((await ballot).postDataJSON() as { answers: Array<Record<string, unknown>> }).answers
  const results = voter.getByTestId('poll-results')
  await results.waitFor()
  t.match(await voter.getByTestId('poll-ballots').textContent(), '1', 'one ballot counted')
  t.match(await voter.getByTestId('poll-figures-q1').textContent(), '95% 置信区间', 'the Wilson interval')
  t.match(await voter.getByTestId('poll-result-q3').textContent(), '等候时间', 'per option')
  t.ok(
    await voter.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1'),
    'nothing wider than the phone',
  )
  await screenshot(voter, 'polls-results-phone')
  t.same(citizen.seen.errors, [], 'no errors in the citizen’s page')
})

await t.test('staff follow the live dashboard and publish the comment without the number', async (t) => {
  await staff.goto(`/staff${pollUrl}`)
  await staff.getByTestId('pm-dashboard').getByTestId('poll-results').waitFor()
  t.match(await staff.getByTestId('poll-ballots').textContent(), '1', 'one ballot on the dashboard')
  await screenshot(staff, 'polls-dashboard')
  const comment = staff.getByTestId('pm-comment').first()
  await comment.waitFor()
  t.match(await comment.textContent(), '13912345678', 'staff read the answer as written')
  await comment.getByRole('button', { name: '删除个人信息后公开' }).click()
  await staff.getByTestId('pm-moderation').getByText('没有这一类的意见。').waitFor()

  await voter.goto(`${pollUrl}/results`)
  const published = voter.getByTestId('poll-comments-q5')
  await published.waitFor()
  const text = (await published.textContent()) ?? ''
  t.match(text, '窗口太少', 'the comment is public')
  t.notMatch(text, '13912345678', 'without the phone number')
})

await t.test('the same number voting twice is refused with a clear message and counted once', async (t) => {
  // the number's token again (its one verification), other answers, no comment: refused, nothing counted
  const again = firstAnswers
    .filter((a) => !('text' in a))
    .map((a) => ('level' in a ? { ...a, level: 'very_dissatisfied' } : a))
  const second = await castThroughApi(firstToken, again)
  t.same(
    { status: second.status, code: second.code },
    { status: 409, code: 'TJ_ALREADY_VOTED' },
    'the same number again: 409',
  )
  t.match(second.type, 'application/problem+json', 'as a problem')
  t.equal(await ballotsCounted(), 1, 'still one ballot')

  // a second citizen, with a number of their own: it votes from another device (the API, with the token
  // this page's verification earned), then this page tries to vote with the same number
  const phone2 = await page()
  await signIn(phone2.page, 'admin')
  await phone2.page.goto('/staff/admin/test-phone')
  await phone2.page.getByTestId('tp-phone').waitFor()
  const number2 = (await phone2.page.locator('#tp-number').inputValue()).trim()
  t.not(number2, number, 'another number')
  const desktop = await page()
  const voter2 = desktop.page
  await voter2.goto(pollUrl)
  await voter2.getByTestId('poll-form').waitFor()
  const token2 = await verify(voter2, phone2.page, number2, async () => {
    // asking again at once: the number's one code a minute, said in words; the code sent still works
    await voter2.getByTestId('poll-send-code').click()
    await voter2.locator('#poll-phone[aria-invalid="true"]').waitFor()
    t.match(await voter2.getByTestId('poll-verify').textContent(), '操作过于频繁', 'too soon for a new code')
  })
  const elsewhere = await castThroughApi(token2, again)
  t.equal(elsewhere.status, 201, 'the number’s first ballot, from another device')

  await voter2.getByTestId('poll-q-q1').getByLabel('非常不满意', { exact: true }).check()
  await voter2.getByTestId('poll-q-q2').getByLabel('港澳通行证', { exact: true }).check()
  await voter2.getByTestId('poll-q-q3').getByLabel('停车').check()
  for (const item of ['出入境管理局', '交通管理局'])
    await voter2
      .getByTestId('poll-q-q4')
      .getByRole('group', { name: item })
      .getByLabel('不满意', { exact: true })
      .check()
  const refused = voter2.waitForResponse(isPost(BALLOTS))
  await voter2.getByTestId('poll-submit').click()
  const answer = await refused
  const problem = (await answer.json()) as { code?: string }
  t.same(
    { status: answer.status(), code: problem.code },
    { status: 409, code: 'TJ_ALREADY_VOTED' },
    'the 409',
  )
  const already = voter2.getByTestId('poll-already')
  await already.waitFor().catch(async (err) => {
    await screenshot(voter2, 'polls-debug')
    throw err
  })
  t.match(await already.textContent(), '这个手机号已经投过票了', 'the 409, in words')
  t.match(await already.textContent(), '您之前的投票仍然有效', 'the first ballot stands')
  await screenshot(voter2, 'polls-second-vote')

  await staff.goto(`/staff${pollUrl}`)
  await staff.getByTestId('pm-dashboard').getByTestId('poll-results').waitFor()
  t.match(await staff.getByTestId('poll-ballots').textContent(), /有效答卷 2 份/, 'one ballot per number')
  await staff.getByTestId('lang-switch').click()
  await staff.getByText('Satisfaction rate').first().waitFor()
  t.same(citizen.seen.errors, [], 'no errors in the citizen’s page')
  t.same(desktop.seen.errors, [], 'no errors in the second citizen’s page')
  t.same(pollster.seen.errors, [], 'no errors in the poll manager’s page')
  t.same(admin.seen.errors, [], 'no errors in the administrator’s page')
  t.same(phone2.seen.errors, [], 'no errors on the second test phone')
})
