// The consumer group end to end on the embedded bus and store, with e-mail through the real Mailpit.
import { IdentityEvents } from '@tingjian/contracts'
import { eventually, mailText, mailTo, personalDataIn, uniqueName } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import {
  ACCESS_KEY,
  accessKeyHash,
  caseAssigned,
  caseEscalated,
  caseOpened,
  caseReplied,
  citizenAddress,
  departmentChanged,
  letterSubmitted,
  mailHtml,
  notifications,
  publishAll,
  publishLetter,
  staffAddress,
  trackingCode,
  userChanged,
} from './helpers.ts'

const noPersonalData = (t: Test, lines: string[]) => {
  t.same(personalDataIn(lines.join('\n')), [], 'no personal data in the logs')
}

t.test('the receipt arrives with the tracking code and the time limit, never the access key', async (t) => {
  const { bus, lines } = await notifications(t)
  const email = citizenAddress()
  const code = trackingCode()
  // Tracking states the time limit (here a configuration other than the default 3 for consultations):
  // the receipt says what tracking said, it does not work it out again.
  await bus.publish(caseOpened({ trackingCode: code, category: 'consultation', timeLimitDays: 4 }))
  await bus.publish(letterSubmitted({ email, trackingCode: code, category: 'consultation' }))

  const mail = await eventually(async () => (await mailTo(email)).find((m) => m.Subject.includes(code)))
  t.equal(mail.Subject, `【听见】您的来信已收到 (查询码 ${code})`)
  const text = await mailText(mail.ID)
  const html = await mailHtml(mail.ID)
  t.match(text, code)
  t.match(text, '咨询类来信一般在 4 个工作日内答复', 'the time limit tracking announced')
  for (const part of [text, html]) {
    t.notOk(part.includes(ACCESS_KEY), 'no access key')
    t.notOk(part.includes(accessKeyHash(ACCESS_KEY).slice(7, 30)), 'not even its hash')
    t.notOk(part.includes('13812345678'), 'no phone number')
  }
  noPersonalData(t, lines)
})

t.test('the receipt waits for the case, whichever event comes first', async (t) => {
  const { bus, store } = await notifications(t)
  const email = citizenAddress()
  const code = trackingCode()
  await bus.publish(letterSubmitted({ email, trackingCode: code }))
  // the letter is known (its address sealed) before tracking has opened the case: no receipt yet
  const contact = await eventually(async () => {
    const c = await store.collection<{ email: string | null; letter: unknown }>('contacts').get(code)
    return c?.letter ? c : undefined
  })
  t.match(contact.email, /^tjf1:test1:/, 'the address is kept sealed')
  t.equal((await mailTo(email)).length, 0, 'no receipt before the case is opened')
  await bus.publish(caseOpened({ trackingCode: code, timeLimitDays: 7 }))
  const mail = await eventually(async () => (await mailTo(email)).find((m) => m.Subject.includes(code)))
  t.match(await mailText(mail.ID), '投诉类来信一般在 7 个工作日内答复')
})

t.test('an English letter gets an English receipt; praise needs no reply', async (t) => {
  const { bus } = await notifications(t)
  const email = citizenAddress()
  const code = trackingCode()
  await bus.publish(caseOpened({ trackingCode: code, category: 'praise', timeLimitDays: null }))
  await bus.publish(letterSubmitted({ email, trackingCode: code, category: 'praise', locale: 'en' }))
  const mail = await eventually(async () => (await mailTo(email)).find((m) => m.Subject.includes(code)))
  t.equal(mail.Subject, `[Tingjian] We have received your letter (tracking code ${code})`)
  t.match(await mailText(mail.ID), 'Praise needs no reply')
})

t.test('a redelivered event sends nothing twice', async (t) => {
  const { bus, lines } = await notifications(t)
  const email = citizenAddress()
  const letterId = uniqueName('letter')
  const code = trackingCode()
  const opened = caseOpened({ trackingCode: code, timeLimitDays: 7 })
  const event = letterSubmitted({ email, letterId, trackingCode: code })
  await publishAll(bus, [opened, event, event, opened])
  await eventually(async () => (await mailTo(email)).length > 0)
  await publishAll(bus, [event, opened])
  // A later letter of the same subject (so: handled after every copy) to a second address, whose case was
  // opened before it: once its receipt is here, the copies have all been handled.
  const marker = citizenAddress()
  const markerCode = trackingCode()
  await bus.publish(caseOpened({ trackingCode: markerCode, timeLimitDays: 7 }))
  await bus.publish(letterSubmitted({ email: marker, letterId, trackingCode: markerCode }))
  await eventually(async () => (await mailTo(marker)).length === 1)
  t.equal((await mailTo(email)).length, 1, 'one receipt')
  noPersonalData(t, lines)
})

t.test('anonymous letters: receipts to one address are limited per day; named letters are not', async (t) => {
  const { bus, store, lines } = await notifications(t, { anonymousReceiptsPerDay: 2 })
  const email = citizenAddress()
  const letterId = uniqueName('letter')
  const codes = [trackingCode(), trackingCode(), trackingCode(), trackingCode(), trackingCode()]
  for (const code of codes) await bus.publish(caseOpened({ trackingCode: code, timeLimitDays: 7 }))
  const contacts = store.collection<{ opened: unknown }>('contacts')
  await eventually(async () => {
    for (const code of codes) if (!(await contacts.get(code))?.opened) return false
    return true
  })
  // All of one subject, so handled in order: three anonymous letters on one day (the third over the
  // limit of two), a named one, and an anonymous one the next day (Beijing time).
  const [a1, a2, a3, named, nextDay] = codes as [string, string, string, string, string]
  await publishAll(bus, [
    letterSubmitted({ email, letterId, trackingCode: a1, anonymous: true }),
    letterSubmitted({ email, letterId, trackingCode: a2, anonymous: true }),
    letterSubmitted({ email, letterId, trackingCode: a3, anonymous: true }),
    letterSubmitted({ email, letterId, trackingCode: named }),
    letterSubmitted({
      email,
      letterId,
      trackingCode: nextDay,
      anonymous: true,
      submittedAt: '2026-03-02T16:30:00.000Z',
    }),
  ])
  const marker = citizenAddress()
  const markerCode = trackingCode()
  await bus.publish(caseOpened({ trackingCode: markerCode, timeLimitDays: 7 }))
  await bus.publish(letterSubmitted({ email: marker, letterId, trackingCode: markerCode, anonymous: true }))
  await eventually(async () => (await mailTo(marker)).length === 1)

  const got = (await mailTo(email)).map((m) => m.Subject.match(/查询码 (\w+)/)?.[1]).sort()
  t.same(got, [a1, a2, named, nextDay].sort(), 'the third anonymous letter of the day got no receipt')
  const refused = lines.filter((l) => l.includes('receipt limit'))
  t.equal(refused.length, 1, 'the letter without a receipt is logged once')
  t.match(JSON.parse(refused[0] ?? '{}'), { letterId, limit: 2 })
  noPersonalData(t, lines)
})

t.test('HTML in what the citizen wrote is escaped in the HTML part', async (t) => {
  const { bus } = await notifications(t)
  const email = citizenAddress()
  const subject =
    '<script>alert("x")</script><b onclick="steal()">粗体</b> & <a href="https://evil.example">点我</a>'
  const { data } = await publishLetter(bus, { email, subject })
  const mail = await eventually(async () =>
    (await mailTo(email)).find((m) => m.Subject.includes(data.trackingCode)),
  )
  const html = await mailHtml(mail.ID)
  t.match(html, '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
  t.match(html, '&lt;b onclick=&quot;steal()&quot;&gt;粗体&lt;/b&gt; &amp; &lt;a href=')
  t.notOk(html.includes('<script'), 'no script element')
  t.notOk(html.includes('<b onclick'), 'no injected element')
  t.notOk(html.includes('href="https://evil.example"'), 'no injected link')
  t.match(await mailText(mail.ID), subject, 'the plain-text part keeps the text as written')
})

t.test('the reply reaches the citizen of the letter, with the department and how to rate it', async (t) => {
  const { bus, lines } = await notifications(t)
  const email = citizenAddress()
  const code = trackingCode()
  await publishLetter(bus, { email, trackingCode: code })
  await eventually(async () => (await mailTo(email)).length === 1)

  await bus.publish(
    caseReplied({ caseId: uniqueName('case'), trackingCode: code, text: '经核查，已增设两个办证窗口。' }),
  )
  const reply = await eventually(async () => (await mailTo(email)).find((m) => m.Subject.includes('已答复')))
  t.equal(reply.Subject, `【听见】您的来信已答复 (查询码 ${code})`)
  const text = await mailText(reply.ID)
  t.match(text, '人口与出入境管理局')
  t.match(text, '经核查，已增设两个办证窗口。')
  t.match(text, '满意')
  t.match(text, 'https://tingjian.example.gov.cn')
  noPersonalData(t, lines)
})

t.test('a case assigned: the assignee, or else the active handlers of the department', async (t) => {
  const { bus, store, lines } = await notifications(t)
  const dept = uniqueName('dept')
  const assignee = staffAddress('assignee')
  const handler = staffAddress('handler')
  const inactive = staffAddress('inactive')
  const otherDept = staffAddress('other')
  await publishAll(bus, [
    departmentChanged(dept, '交警总队'),
    userChanged({ userId: 'u-assignee', email: assignee, roles: ['handler'], departmentId: dept }),
    userChanged({ userId: 'u-handler', email: handler, roles: ['handler'], departmentId: dept }),
    userChanged({
      userId: 'u-inactive',
      email: inactive,
      roles: ['handler'],
      departmentId: dept,
      active: false,
    }),
    userChanged({ userId: 'u-other', email: otherDept, roles: ['handler'], departmentId: 'elsewhere' }),
  ])
  await eventually(async () => (await store.collection('staff').count()) === 4)
  await eventually(async () => (await store.collection('departments').count()) === 1)

  const toAssignee = trackingCode()
  const toDept = trackingCode()
  // One subject for all (so: handled in order), the last a marker to someone else: once the marker's
  // mail is here, the two assignments before it are done.
  const caseId = uniqueName('case')
  const markerDept = uniqueName('dept')
  const marker = staffAddress('marker')
  await publishAll(bus, [
    userChanged({ userId: 'u-marker', email: marker, roles: ['handler'], departmentId: markerDept }),
  ])
  await eventually(async () => (await store.collection('staff').count()) === 5)
  await publishAll(bus, [
    caseAssigned({ caseId, trackingCode: toAssignee, departmentId: dept, assigneeId: 'u-assignee' }),
    caseAssigned({ caseId, trackingCode: toDept, departmentId: dept }),
    caseAssigned({ caseId, trackingCode: trackingCode(), departmentId: markerDept }),
  ])
  await eventually(async () => (await mailTo(marker)).length === 1)

  const subjects = async (a: string) => (await mailTo(a)).map((m) => m.Subject).sort()
  t.same(
    await subjects(assignee),
    [`【听见】新工单待办理 (查询码 ${toAssignee})`, `【听见】新工单待办理 (查询码 ${toDept})`].sort(),
    "the assignee: their case, and the department's case without assignee",
  )
  const mine = (await mailTo(assignee)).find((m) => m.Subject.includes(toAssignee))
  const text = await mailText(mine?.ID ?? '')
  t.match(text, '分派给您')
  t.match(text, '交警总队')
  t.same(
    await subjects(handler),
    [`【听见】新工单待办理 (查询码 ${toDept})`],
    'the other handler gets only the case without assignee',
  )
  t.equal((await mailTo(inactive)).length, 0, 'inactive staff get nothing')
  t.equal((await mailTo(otherDept)).length, 0, 'other departments get nothing')
  noPersonalData(t, lines)
})

t.test('escalation levels reach the right people', async (t) => {
  const { bus, store, lines } = await notifications(t)
  const dept = uniqueName('dept')
  const addr = {
    handler: staffAddress('handler'),
    lead: staffAddress('lead'),
    supervisor: staffAddress('supervisor'),
    admin: staffAddress('admin'),
    otherLead: staffAddress('otherlead'),
  }
  await publishAll(bus, [
    departmentChanged(dept, '人口与出入境管理局'),
    userChanged({ userId: 'h', email: addr.handler, roles: ['handler'], departmentId: dept }),
    userChanged({ userId: 'l', email: addr.lead, roles: ['dept_lead'], departmentId: dept }),
    userChanged({ userId: 's', email: addr.supervisor, roles: ['supervisor'], departmentId: 'office' }),
    userChanged({ userId: 'a', email: addr.admin, roles: ['admin'], departmentId: null }),
    userChanged({ userId: 'o', email: addr.otherLead, roles: ['dept_lead'], departmentId: 'elsewhere' }),
  ])
  await eventually(async () => (await store.collection('staff').count()) === 5)

  const caseId = uniqueName('case')
  const code = trackingCode()
  const base = { caseId, trackingCode: code, departmentId: dept }
  await publishAll(bus, [
    caseEscalated({ ...base, level: 1, kind: 'reminder' }),
    caseEscalated({ ...base, level: 2, kind: 'supervision' }),
    caseEscalated({ ...base, level: 3, kind: 'criticism' }),
    caseEscalated({ ...base, level: 2, kind: 'manual', note: '请于今日内答复<当事人>' }),
  ])
  // Same subject, so handled in order; then a marker of the same subject to someone else: once the
  // marker's mail is here, all four events are done.
  const marker = staffAddress('marker')
  await publishAll(bus, [
    userChanged({ userId: 'm', email: marker, roles: ['handler'], departmentId: 'marker-dept' }),
  ])
  await eventually(async () => (await store.collection('staff').count()) === 6)
  await bus.publish(
    caseEscalated({ caseId, trackingCode: code, departmentId: 'marker-dept', level: 1, kind: 'reminder' }),
  )
  await eventually(async () => (await mailTo(marker)).length === 1)
  const subjects = async (a: string) => (await mailTo(a)).map((m) => m.Subject.replace(/ \(.*$/, '')).sort()
  t.same(await subjects(addr.handler), ['【听见】工单即将到期提醒'], 'level 1: the handlers')
  t.same(
    await subjects(addr.lead),
    ['【听见】督办通知', '【听见】督办通知', '【听见】超期通报'],
    'lead: 2, 3, manual',
  )
  t.same(
    await subjects(addr.supervisor),
    ['【听见】督办通知', '【听见】督办通知', '【听见】超期通报'],
    'supervisors: 2, 3, manual',
  )
  t.same(await subjects(addr.admin), ['【听见】超期通报'], 'admins: level 3 only')
  t.same(await subjects(addr.otherLead), [], "another department's lead: nothing")

  const manual = await eventually(async () => {
    for (const m of await mailTo(addr.lead)) if ((await mailText(m.ID)).includes('督办意见')) return m
    return undefined
  })
  t.match(await mailText(manual.ID), '请于今日内答复<当事人>', "the supervisor's note")
  noPersonalData(t, lines)
})

t.test('an older identity event does not overwrite a newer state', async (t) => {
  const { bus, store } = await notifications(t)
  const dept = uniqueName('dept')
  const newer = userChanged({
    userId: 'u1',
    email: staffAddress('new'),
    roles: ['handler'],
    departmentId: dept,
  })
  const older = {
    ...userChanged({ userId: 'u1', email: staffAddress('old'), roles: ['handler'], departmentId: dept }),
  }
  older.occurredAt = '2020-01-01T00:00:00.000Z'
  await publishAll(bus, [newer, older])
  const staff = store.collection<{ email: string }>('staff')
  await eventually(async () => (await staff.get('u1')) !== null)
  // A marker of the same subject (so: the same partition, handled after both) tells when they are done.
  await bus.publish(
    IdentityEvents.departmentChanged.create({
      subject: 'u1',
      data: { departmentId: dept, code: 'marker', name: '标记', parentId: null, active: true },
    }),
  )
  await eventually(async () => (await store.collection('departments').get(dept)) !== null)
  t.equal((await staff.get('u1'))?.email, newer.data.email)
})
