// The consumer group end to end on the embedded bus and store, with e-mail through the real Mailpit.
import { IdentityEvents } from '@tingjian/contracts'
import { eventually, mailText, mailTo, PERSONAL_DATA, uniqueName } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import {
  ACCESS_KEY,
  accessKeyHash,
  caseAssigned,
  caseEscalated,
  caseReplied,
  citizenAddress,
  departmentChanged,
  letterSubmitted,
  mailHtml,
  notifications,
  publishAll,
  staffAddress,
  trackingCode,
  userChanged,
} from './helpers.ts'

const noPersonalData = (t: Test, lines: string[]) => {
  const leaked = lines.filter((l) => PERSONAL_DATA.test(l))
  t.same(leaked, [], 'no personal data in the logs')
}

t.test('the receipt arrives with the tracking code and the time limit, never the access key', async (t) => {
  const { bus, lines } = await notifications(t)
  const email = citizenAddress()
  const code = trackingCode()
  await bus.publish(letterSubmitted({ email, trackingCode: code, category: 'consultation' }))

  const [mail] = await eventually(async () => {
    const m = await mailTo(email)
    return m.length > 0 && m
  })
  t.ok(mail)
  if (!mail) return
  t.equal(mail.Subject, `【听见】您的来信已收到 (查询码 ${code})`)
  const text = await mailText(mail.ID)
  const html = await mailHtml(mail.ID)
  t.match(text, code)
  t.match(text, '3 个工作日', 'the consultation time limit')
  for (const part of [text, html]) {
    t.notOk(part.includes(ACCESS_KEY), 'no access key')
    t.notOk(part.includes(accessKeyHash(ACCESS_KEY).slice(7, 30)), 'not even its hash')
    t.notOk(part.includes('13812345678'), 'no phone number')
  }
  noPersonalData(t, lines)
})

t.test('an English letter gets an English receipt; praise needs no reply', async (t) => {
  const { bus } = await notifications(t)
  const email = citizenAddress()
  const code = trackingCode()
  await bus.publish(letterSubmitted({ email, trackingCode: code, category: 'praise', locale: 'en' }))
  const [mail] = await eventually(async () => {
    const m = await mailTo(email)
    return m.length > 0 && m
  })
  if (!mail) return t.fail('no mail')
  t.equal(mail.Subject, `[Tingjian] We have received your letter (tracking code ${code})`)
  t.match(await mailText(mail.ID), 'Praise needs no reply')
})

t.test('a redelivered event sends nothing twice', async (t) => {
  const { bus, lines } = await notifications(t)
  const email = citizenAddress()
  const letterId = uniqueName('letter')
  const event = letterSubmitted({ email, letterId })
  await bus.publish(event)
  await bus.publish(event)
  // A later event of the same subject (so: handled after both copies) to a second address.
  const marker = citizenAddress()
  await bus.publish(letterSubmitted({ email: marker, letterId }))
  await eventually(async () => (await mailTo(marker)).length === 1)
  t.equal((await mailTo(email)).length, 1, 'one receipt')
  noPersonalData(t, lines)
})

t.test('HTML in what the citizen wrote is escaped in the HTML part', async (t) => {
  const { bus } = await notifications(t)
  const email = citizenAddress()
  const subject =
    '<script>alert("x")</script><b onclick="steal()">粗体</b> & <a href="https://evil.example">点我</a>'
  await bus.publish(letterSubmitted({ email, subject }))
  const [mail] = await eventually(async () => {
    const m = await mailTo(email)
    return m.length > 0 && m
  })
  if (!mail) return t.fail('no mail')
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
  await bus.publish(letterSubmitted({ email, trackingCode: code }))
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
  await bus.publish(
    caseAssigned({
      caseId: uniqueName('case'),
      trackingCode: toAssignee,
      departmentId: dept,
      assigneeId: 'u-assignee',
    }),
  )
  await bus.publish(caseAssigned({ caseId: uniqueName('case'), trackingCode: toDept, departmentId: dept }))

  const [mine] = await eventually(async () => {
    const m = await mailTo(assignee)
    return m.length === 2 && m.filter((x) => x.Subject.includes(toAssignee))
  })
  if (!mine) return t.fail('no mail to the assignee')
  t.equal(mine.Subject, `【听见】新工单待办理 (查询码 ${toAssignee})`)
  const text = await mailText(mine.ID)
  t.match(text, '分派给您')
  t.match(text, '交警总队')
  const handlerMail = await eventually(async () => {
    const m = await mailTo(handler)
    return m.length > 0 && m
  })
  t.same(
    handlerMail.map((m) => m.Subject),
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
  // Same subject, so handled in order: once everyone has theirs, all four events are done.
  const expected: Array<[string, number]> = [
    [addr.handler, 1],
    [addr.lead, 3],
    [addr.supervisor, 3],
    [addr.admin, 1],
  ]
  for (const [a, n] of expected) await eventually(async () => (await mailTo(a)).length >= n)
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

  const manual = (await mailTo(addr.lead)).find((m) => m.Subject.startsWith('【听见】督办通知'))
  if (manual) t.match(await mailText(manual.ID), '督办')
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
