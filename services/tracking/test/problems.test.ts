// Issue 13's inputs from tracking: a case's concerns (被投诉对象), the reply's finding (核查结果) carried from
// the draft to the approval, and tracking.problem-found — on a dissatisfied rating, a complaint or report
// published as (partly) substantiated, and 通报 (the ladder or a supervisor) — each exactly once, in the case's
// own write, never for a suggestion, an unfounded finding or a case without a department. Expected values
// come from the issue and the lead's design, not from the code.
import { type EventEnvelope, TrackingEvents, uuidv7 } from '@tingjian/contracts'
import type { Role } from '@tingjian/kit'
import { type AdapterKind, eventually } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import { type Harness, harness } from './helpers.ts'

type Category = 'complaint' | 'report' | 'suggestion' | 'consultation' | 'praise'

/** Every tracking event of the test's bus, deduplicated by id (delivery is at least once). */
async function observe(t: Test, h: Harness) {
  const seen = new Map<string, EventEnvelope>()
  const sub = await h.bus.subscribe(
    { group: `test-observer-${uuidv7()}`, streams: ['tracking'] },
    async (e) => {
      seen.set(e.id, e)
    },
  )
  t.teardown(() => sub.close())
  return {
    of: (subject: string) => [...seen.values()].filter((e) => e.subject === subject),
    problems: (subject: string) =>
      [...seen.values()].filter((e) => e.subject === subject && e.type === 'tracking.problem-found'),
  }
}

function staffClient(h: Harness) {
  const headers = (role: Role, dept: string | null) => ({
    authorization: `Bearer ${h.token(role, dept)}`,
  })
  const as: Record<string, [Role, string | null]> = {
    dispatcher: ['dispatcher', null],
    supervisor: ['supervisor', null],
    handler: ['handler', 'exit-entry'],
    lead: ['dept_lead', 'exit-entry'],
  }
  /** An action with the case's current version (unless the body says otherwise). */
  const act = async (id: string, action: string, who: keyof typeof as | [Role, string | null], body = {}) => {
    const [role, dept] = typeof who === 'string' ? (as[who] as [Role, string | null]) : who
    const version = (await h.cases.get(id))?.version
    return h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/${action}`,
      headers: headers(role, dept),
      payload: { version, ...body },
    })
  }
  const ok = async (id: string, action: string, who: keyof typeof as, body = {}) => {
    const res = await act(id, action, who, body)
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`)
    return res.json()
  }
  const view = async (id: string, who: keyof typeof as = 'supervisor') => {
    const [role, dept] = as[who] as [Role, string | null]
    return (
      await h.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: headers(role, dept) })
    ).json()
  }
  /**
   * A marker after the events under test: a note on the same case, written through the same outbox after
   * them; once its case-changed is seen, everything the case published before it has been delivered.
   */
  const marker = async (id: string, events: Awaited<ReturnType<typeof observe>>) => {
    const saved = await ok(id, 'notes', 'supervisor', { text: `marker ${uuidv7()}` })
    await eventually(async () =>
      events
        .of(id)
        .some(
          (e) =>
            TrackingEvents.caseChanged.is(e) &&
            e.data.action === 'note' &&
            e.data.caseVersion === saved.version,
        ),
    )
  }
  return { act, ok, view, marker }
}

/** A case of this category, assigned to exit-entry and signed for; `concerns` recorded if given. */
async function inProgress(
  h: Harness,
  category: Category,
  concerns?: Record<string, string | null>,
): Promise<{ id: string; code: string; key: string }> {
  const c = staffClient(h)
  const submitted = await h.submit({ category })
  await c.ok(submitted.id, 'assign', 'dispatcher', { departmentId: 'exit-entry' })
  await c.ok(submitted.id, 'sign', 'handler')
  if (concerns) await c.ok(submitted.id, 'concerns', 'handler', concerns)
  return submitted
}

const CONCERNS = { office: '城东出入境办证大厅', window: '3号窗口', staffNumber: 'A-1024' }

t.test('concerns: set, trimmed, partly changed, cleared; shown to staff; an internal entry', async (t) => {
  const h = await harness(t)
  const c = staffClient(h)
  const { id } = await h.submit()
  t.equal((await c.view(id)).concerns, null, 'null until set')
  await c.ok(id, 'assign', 'dispatcher', { departmentId: 'exit-entry' })

  const set = await c.ok(id, 'concerns', 'handler', {
    office: '  城东出入境办证大厅 ',
    window: '3号窗口',
    staffNumber: 'A-1024',
  })
  t.same(set.concerns, CONCERNS, 'trimmed one-line values')
  t.match(set.timeline.at(-1), { action: 'concerns_set', public: false, actorRole: 'handler' })

  const partly = await c.ok(id, 'concerns', 'lead', { window: '5号窗口' })
  t.same(partly.concerns, { ...CONCERNS, window: '5号窗口' }, 'a field left out keeps its value')
  const cleared = await c.ok(id, 'concerns', 'supervisor', { staffNumber: null })
  t.same(cleared.concerns, { ...CONCERNS, window: '5号窗口', staffNumber: null }, 'null clears a field')

  // limits as the problem place of the contracts: office 100, window 50, staff number [0-9A-Za-z-]{1,20}
  const edge = await c.ok(id, 'concerns', 'dispatcher', {
    office: '厅'.repeat(100),
    window: 'w'.repeat(50),
    staffNumber: 'Z'.repeat(20),
  })
  t.same(edge.concerns, { office: '厅'.repeat(100), window: 'w'.repeat(50), staffNumber: 'Z'.repeat(20) })

  // the version may be left out (written on the case as it stands); a stale one is 409
  const noVersion = await h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/concerns`,
    headers: { authorization: `Bearer ${h.token('dispatcher')}` },
    payload: { office: '城西派出所' },
  })
  t.equal(noVersion.statusCode, 200)
  t.equal(noVersion.json().concerns.office, '城西派出所')
  const stale = await c.act(id, 'concerns', 'dispatcher', { version: 1, office: '别处' })
  t.equal(stale.statusCode, 409)

  const before = await h.cases.get(id)
  const bad: Array<[string, Record<string, unknown>, number]> = [
    ['an office of 101 characters', { office: '厅'.repeat(101) }, 400],
    ['a window of 51 characters', { window: 'w'.repeat(51) }, 400],
    ['a staff number of 21 characters', { staffNumber: 'Z'.repeat(21) }, 400],
    ['a staff number with a space', { staffNumber: 'A 1' }, 400],
    ['an office on two lines', { office: '城东\n大厅' }, 400],
    ['a blank window', { window: '   ' }, 400],
    ['an unknown field', { name: '张三' }, 400],
    ['nothing to set', {}, 422],
  ]
  for (const [label, body, status] of bad) {
    const res = await c.act(id, 'concerns', 'handler', body)
    t.equal(res.statusCode, status, `${label}: ${status}`)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  }
  const after = await h.cases.get(id)
  t.equal(after?.version, before?.version, 'bad values changed nothing')
  t.same(after?.concerns, before?.concerns)

  // roles and departments: another department's handler does not see the case; a supporting one may not set
  const other = await c.act(id, 'concerns', ['handler', 'traffic'], { office: 'x' })
  t.equal(other.statusCode, 404, "another department's handler: as if absent")
  const officer = await c.act(id, 'concerns', ['discipline_officer', null], { office: 'x' })
  t.equal(officer.statusCode, 403, 'a discipline officer does not set them')
  const verify = await h.app.inject({
    method: 'GET',
    url: `/api/v1/cases/${id}/timeline/verify`,
    headers: { authorization: `Bearer ${h.token('supervisor')}` },
  })
  t.match(verify.json(), { valid: true })
})

t.test('the finding travels from the draft to the approval; staff see it', async (t) => {
  const h = await harness(t)
  const c = staffClient(h)
  const { id } = await inProgress(h, 'complaint')
  const drafted = await c.ok(id, 'reply', 'handler', {
    text: '经核查，窗口工作人员态度生硬属实。',
    finding: 'partly_substantiated',
  })
  t.equal(drafted.draftReply.finding, 'partly_substantiated', "the draft's finding")
  t.equal(drafted.reply, null)
  const approved = await c.ok(id, 'reply/approve', 'lead')
  t.equal(approved.reply.finding, 'partly_substantiated', 'the published reply keeps it')
  t.equal(approved.draftReply, null)
  t.equal((await c.view(id, 'handler')).reply.finding, 'partly_substantiated')

  const { id: plain } = await inProgress(h, 'consultation')
  await c.ok(plain, 'reply', 'handler', { text: '答复' })
  const noFinding = await c.ok(plain, 'reply/approve', 'lead')
  t.equal(noFinding.reply.finding, null, 'no finding given: null')
})

for (const kind of ['embedded', 'distributed'] as AdapterKind[]) {
  t.test(`${kind}: problem-found for a substantiated complaint and a dissatisfied rating`, async (t) => {
    const h = await harness(t, kind)
    const events = await observe(t, h)
    const c = staffClient(h)

    // a complaint found substantiated, published by the lead's approval; then the citizen is dissatisfied
    const { id, code, key } = await inProgress(h, 'complaint', CONCERNS)
    await c.ok(id, 'reply', 'handler', {
      text: '经核查，收费标准执行有误，已退还。',
      finding: 'substantiated',
    })
    const approved = await c.ok(id, 'reply/approve', 'lead')
    const rated = await h.app.inject({
      method: 'POST',
      url: `/api/v1/public/cases/${code}/rating`,
      headers: { 'x-access-key': key },
      payload: { satisfaction: 'dissatisfied' },
    })
    t.equal(rated.statusCode, 200)
    await c.marker(id, events)

    const problems = events.problems(id)
    t.equal(problems.length, 2, 'two problems: the substantiated complaint and the rating')
    for (const p of problems)
      t.ok(TrackingEvents.problemFound.is(p), 'tracking.problem-found v1, the shared problem shape')
    const place = { departmentId: 'exit-entry', ...CONCERNS }
    const source = { kind: 'case', id, trackingCode: code }
    t.match(problems[0]?.data, {
      problemId: `${id}:substantiated:0`,
      kind: 'substantiated_complaint',
      source,
      ...place,
      evidenceUrl: `/staff/cases/${id}`,
      occurredAt: approved.reply.repliedAt,
    })
    t.match(problems[1]?.data, {
      problemId: `${id}:dissatisfied:0`,
      kind: 'dissatisfied',
      source,
      ...place,
      evidenceUrl: `/staff/cases/${id}`,
    })
    const stored = await h.cases.get(id)
    for (const p of problems) {
      const summary = (p.data as { summary: string }).summary
      t.notOk(summary.includes(stored?.subject ?? '\u0000'), "no citizen's subject in the summary")
      t.notOk(summary.includes('张三'), "no citizen's name in the summary")
    }

    // the rework's reply is found substantiated again: a new problem of the second round
    await c.ok(id, 'reply', 'handler', { text: '再次核查属实。', finding: 'substantiated' })
    await c.ok(id, 'reply/approve', 'lead')
    await c.marker(id, events)
    t.same(
      events.problems(id).map((e) => (e.data as { problemId: string }).problemId),
      [`${id}:substantiated:0`, `${id}:dissatisfied:0`, `${id}:substantiated:1`],
    )
  })
}

t.test(
  'no problem: a suggestion, an unfounded or missing finding, a satisfied rating, no department',
  async (t) => {
    const h = await harness(t)
    const events = await observe(t, h)
    const c = staffClient(h)

    const suggestion = await inProgress(h, 'suggestion')
    await c.ok(suggestion.id, 'reply', 'handler', { text: '采纳', finding: 'substantiated' })
    await c.ok(suggestion.id, 'reply/approve', 'lead')

    const unfounded = await inProgress(h, 'report')
    await c.ok(unfounded.id, 'reply', 'handler', { text: '经核查不属实', finding: 'unfounded' })
    await c.ok(unfounded.id, 'reply/approve', 'lead')
    const satisfied = await h.app.inject({
      method: 'POST',
      url: `/api/v1/public/cases/${unfounded.code}/rating`,
      headers: { 'x-access-key': unfounded.key },
      payload: { satisfaction: 'satisfied' },
    })
    t.equal(satisfied.statusCode, 200)

    const noFinding = await inProgress(h, 'complaint')
    await c.ok(noFinding.id, 'reply', 'handler', { text: '已处理' })
    await c.ok(noFinding.id, 'reply/approve', 'lead')

    // answered on the spot before any department was given: substantiated, dissatisfied, but nobody to rectify
    const spot = await h.submit({ category: 'complaint' })
    await c.ok(spot.id, 'answer', 'dispatcher', { text: '当场答复', finding: 'substantiated' })
    const dissatisfied = await h.app.inject({
      method: 'POST',
      url: `/api/v1/public/cases/${spot.code}/rating`,
      headers: { 'x-access-key': spot.key },
      payload: { satisfaction: 'dissatisfied' },
    })
    t.equal(dissatisfied.statusCode, 200)

    for (const { id } of [suggestion, unfounded, noFinding, spot]) await c.marker(id, events)
    for (const [label, { id }] of Object.entries({ suggestion, unfounded, noFinding, spot })) {
      t.same(events.problems(id), [], `${label}: no problem-found`)
    }
  },
)

t.test(
  '通报: the ladder reaching level 3, or a supervisor raising the case to it, is one problem',
  async (t) => {
    const h = await harness(t)
    const events = await observe(t, h)
    const c = staffClient(h)

    // consultation: due at the end of Thursday 5 March 2026; 通报 from five working days after (12 March)
    const ladder = await inProgress(h, 'consultation', { window: '2号窗口' })
    h.clock.set('2026-03-04T02:00:00Z')
    t.equal(await h.scheduler.tick(), 1, 'reminder')
    h.clock.set('2026-03-06T02:00:00Z')
    t.equal(await h.scheduler.tick(), 1, '督办')
    await c.marker(ladder.id, events)
    t.same(events.problems(ladder.id), [], 'no problem before 通报')
    h.clock.set('2026-03-12T02:00:00Z')
    t.equal(await h.scheduler.tick(), 1, '通报')
    t.equal(await h.scheduler.tick(), 0, 'and nothing more')

    // by hand: a supervisor escalates three times; the third reaches 通报, a fourth stays there
    const manual = await inProgress(h, 'complaint')
    for (let i = 0; i < 4; i++) await c.ok(manual.id, 'escalate', 'supervisor', { note: `督办 ${i + 1}` })
    t.equal((await h.cases.get(manual.id))?.escalationLevel, 3)

    await c.marker(ladder.id, events)
    await c.marker(manual.id, events)
    t.match(
      events.problems(ladder.id).map((e) => e.data),
      [
        {
          problemId: `${ladder.id}:criticism:0`,
          kind: 'overdue_criticism',
          departmentId: 'exit-entry',
          office: null,
          window: '2号窗口',
          staffNumber: null,
          occurredAt: '2026-03-12T02:00:00.000Z',
        },
      ],
      'the ladder: one problem at 通报',
    )
    t.equal(events.problems(ladder.id).length, 1)
    t.same(
      events.problems(manual.id).map((e) => (e.data as { problemId: string }).problemId),
      [`${manual.id}:criticism:0`],
      'by hand: one problem, at the step that reached 通报',
    )
  },
)
