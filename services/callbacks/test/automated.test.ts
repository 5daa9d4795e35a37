// The automated callback line through the real app, its HTTP API and the telephony simulator (whose
// webhooks reach the app in process, signed): service records of a type the policy sends to the automated
// line become tasks; a scheduler pass inside calling hours dials them with machine detection; programmed
// phones answer — a person pressing keys (→ survey-completed with those answers, an overcharge →
// problem-found), an answering machine, silence twice, a hang-up, a refusal, no answer — and the task is
// completed, unreachable or handed to the staff. Also: outside calling hours nothing is dialled, two
// passes at once dial each task once, a forged webhook changes nothing. Expected values come from the
// issue and the design (keys: fee 1 yes 2 no, the amount paid ending with #, attitude 1–5, promise 1/2,
// satisfaction 1–5 = very_satisfied … very_dissatisfied), not from the code under test. No sleeps: the
// simulator's programmed phones never wait in real time; tests wait for `simulator.idle()` or an event.
import { randomBytes } from 'node:crypto'
import { deleteTestNamespace } from '@tingjian/bus-kafka/testing'
import { PublishedCalendar } from '@tingjian/calendar'
import { type EventEnvelope, IdentityEvents } from '@tingjian/contracts'
import { FieldCipher, generateFieldKeys, ManualClock, type Role } from '@tingjian/kit'
import { injectTransport, type PhoneBehaviour, TelephonySimulator } from '@tingjian/telephony/simulator'
import { SIGNATURE_HEADER, signRequest } from '@tingjian/telephony/wire'
import {
  type AdapterKind,
  capturedLogger,
  eventually,
  KAFKA_BROKERS,
  testAdapters,
  testJwt,
} from '@tingjian/testkit'
import t, { type Test } from 'tap'
import { buildCallbacks, callbacksContext, PREFIX } from '../src/app.ts'
import { dialDueAutomated } from '../src/automated-dialer.ts'
import type { TaskDoc } from '../src/collections.ts'
import {
  answersOf,
  decodeProgress,
  encodeProgress,
  keypadQuestions,
  onAnswer,
  onConsent,
  onKeys,
  outcomeOfFinalStatus,
} from '../src/domain/automated.ts'
import { defaultScript } from '../src/domain/scripts.ts'
import { schedulerPass } from '../src/scheduler.ts'

const API = PREFIX
const BASE = 'https://callbacks.example.test'
const LINE = '+862012345678'
/** Monday 2 March 2026, 10:00 in Shanghai: the services were done that morning. */
const MONDAY_10 = '2026-03-02T02:00:00.000Z'
const MONDAY_9 = '2026-03-02T09:00:00+08:00'
/** Tuesday 3 March, 10:00 in Shanghai: the next working day, inside calling hours. */
const TUESDAY_10 = '2026-03-03T02:00:00.000Z'
/** Tuesday 12:30: between the two calling windows. */
const TUESDAY_1230 = '2026-03-03T04:30:00.000Z'
const OFFICE = '东城出入境大厅'
const AMOUNT_PROMPT = '您实际支付了多少元？请输入金额，以井号键结束。'

async function automatedLine(t: Test, kind: AdapterKind) {
  const { logger, lines } = capturedLogger()
  const { bus, store, namespace } = await testAdapters(t, kind, 'callbacks', logger)
  if (kind === 'distributed') t.teardown(() => deleteTestNamespace(KAFKA_BROKERS.split(','), namespace))
  const clock = new ManualClock(MONDAY_10)
  const jwt = testJwt()
  const cipher = FieldCipher.fromConfig(generateFieldKeys('test1'))
  const authToken = randomBytes(32).toString('hex')
  const simulator = new TelephonySimulator({ authToken, publicBaseUrl: BASE, lineNumber: LINE })
  const calendar = new PublishedCalendar()
  const common = {
    store,
    clock,
    cipher,
    telephony: simulator.telephony,
    publicBaseUrl: BASE,
    lineNumber: LINE,
    calendar,
  }
  const app = await buildCallbacks({
    ...common,
    logger,
    bus,
    jwt: jwt.config,
    group: `${namespace}-callbacks`,
    rateLimitPerMinute: 1_000_000,
    schedulerIntervalMs: 0,
    dialer: dialDueAutomated,
  })
  const ctx = await callbacksContext(common)
  t.teardown(() => app.close())
  simulator.setTransport(injectTransport(() => app))
  t.teardown(() => simulator.close())
  await app.ready()

  const events: EventEnvelope[] = []
  const sub = await bus.subscribe({ group: `${namespace}-events`, streams: ['callbacks'] }, async (e) => {
    events.push(e)
  })
  await sub.ready()
  t.teardown(() => sub.close())

  const as = (role: Role, sub = `u-${role}`) => ({
    authorization: `Bearer ${jwt.token({ sub, roles: [role], departmentId: null })}`,
  })
  const departmentId = `dept-${randomBytes(4).toString('hex')}`
  await bus.publish(
    IdentityEvents.departmentChanged.create({
      subject: departmentId,
      data: { departmentId, code: 'CRJ', name: '出入境管理支队', parentId: null, active: true },
    }),
  )
  await eventually(async () => (await store.collection('departments').get(departmentId)) ?? undefined)

  // the policy: passports are called back, every one, by the automated line first
  const policy = await app.inject({ method: 'GET', url: `${API}/policy`, headers: as('supervisor') })
  const { version, updatedAt: _u, updatedBy: _b, ...current } = policy.json()
  const put = await app.inject({
    method: 'PUT',
    url: `${API}/policy`,
    headers: as('supervisor'),
    payload: {
      ...current,
      ...(version > 0 ? { version } : {}),
      serviceRecords: { ...current.serviceRecords, rates: { [`${OFFICE}|passport`]: 1 } },
      automated: { serviceTypes: ['passport'], subjectKinds: [] },
    },
  })
  if (put.statusCode !== 200) throw new Error(`policy: ${put.statusCode} ${put.body}`)
  // the passport script asks the amount paid on the keypad after a "no"
  const script = await app.inject({
    method: 'GET',
    url: `${API}/scripts/passport`,
    headers: as('supervisor'),
  })
  const { intro, questions } = script.json<{
    intro: unknown
    questions: Array<{ key: string; text: unknown; keypad: string | null }>
  }>()
  const scripted = await app.inject({
    method: 'PUT',
    url: `${API}/scripts/passport`,
    headers: as('supervisor'),
    payload: {
      intro,
      questions: questions.map((q) => ({
        key: q.key,
        text: q.text,
        keypad: q.key === 'amountPaid' ? AMOUNT_PROMPT : q.keypad,
      })),
    },
  })
  if (scripted.statusCode !== 200) throw new Error(`script: ${scripted.statusCode} ${scripted.body}`)

  const source = `src-${randomBytes(3).toString('hex')}`
  let seq = 0
  /** A passport service record of an applicant at `phone` (mainland mobile); resolves with its task. */
  const record = async (phone: string, over: Record<string, unknown> = {}) => {
    const recordId = `P-${++seq}`
    const res = await app.inject({
      method: 'POST',
      url: `${API}/service-records`,
      headers: as('supervisor'),
      payload: {
        records: [
          {
            source,
            recordId,
            serviceType: 'passport',
            department: 'CRJ',
            office: OFFICE,
            window: '3号窗口',
            staffNumber: 'S1003',
            applicantName: '王五',
            applicantPhone: phone,
            feeCharged: 120,
            feeSchedule: 120,
            promisedDays: 7,
            completedAt: MONDAY_9,
            ...over,
          },
        ],
      },
    })
    if (res.statusCode !== 200 && res.statusCode !== 201)
      throw new Error(`record: ${res.statusCode} ${res.body}`)
    const report = res.json<{ accepted: number; sampled: number }>()
    if (report.accepted !== 1 || report.sampled !== 1) throw new Error(`record: ${res.body}`)
    const page = await ctx.tasks.find({ 'serviceRecord.recordId': recordId, 'serviceRecord.source': source })
    const task = page.items[0]
    if (!task) throw new Error('no task')
    return task
  }
  const phoneOf = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const e164 = (phone: string) => `+86${phone}`
  /** A passport applicant whose phone behaves so; resolves with the task and the E.164 number. */
  const applicant = async (behaviour: PhoneBehaviour) => {
    const phone = phoneOf()
    simulator.programPhone(e164(phone), behaviour)
    return { task: await record(phone), number: e164(phone) }
  }
  /** One scheduler pass, as the app's timer runs it; then the calls it placed run to their end. */
  const pass = async () => {
    const ran = await schedulerPass({ ctx, logger, dialer: dialDueAutomated })
    await simulator.idle()
    return ran
  }
  const task = async (id: string) => (await ctx.tasks.get(id)) as TaskDoc & { _id: string }
  const eventsOf = (type: string, subject: string, count = 1) =>
    eventually(async () => {
      const found = events.filter((e) => e.type === type && e.subject === subject)
      return found.length >= count ? found : undefined
    })
  return {
    app,
    ctx,
    clock,
    simulator,
    lines,
    events,
    authToken,
    as,
    applicant,
    pass,
    task,
    eventsOf,
    departmentId,
    callsTo: (number: string) => simulator.calls().filter((c) => c.to === number),
  }
}

/** The keys of a full survey on the passport script: consent, fee no, paid 150, attitude 4, kept, 满意. */
const FULL = ['1', '2', '150#', '4', '1', '2']

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(
    `${kind}: a person pressing keys completes the survey; the overcharge is a problem for rectification`,
    async (t) => {
      const line = await automatedLine(t, kind)
      const { task: created, number } = await line.applicant({ kind: 'person', keys: FULL })
      t.match(created, { mode: 'automated', status: 'open', subjectKind: 'service_record' })

      // due from 09:00 on Tuesday, the next working day: nothing is dialled on Monday
      t.equal(await line.pass(), true, 'Monday 10:00 is a calling time')
      t.equal(line.callsTo(number).length, 0, 'not due yet')

      line.clock.set(new Date(TUESDAY_10))
      await line.pass()
      const calls = line.callsTo(number)
      t.equal(calls.length, 1, 'one call')
      t.match(calls[0], { from: LINE, direction: 'outbound', answeredBy: 'human', state: 'completed' })
      const said = (calls[0]?.transcript ?? []).filter((e) => e.kind === 'say').map((e) => e.text)
      t.ok(
        said.some((s) => s.includes('同意接受回访请按1')),
        'the consent line',
      )
      t.ok(
        said.some((s) => s.includes(AMOUNT_PROMPT)),
        'the amount asked after a "no"',
      )
      t.ok(
        said.some((s) => s.includes('非常满意请按1')),
        'the satisfaction question, read in zh-CN',
      )

      const done = await line.task(created._id)
      t.match(done, {
        status: 'completed',
        answers: {
          feeCorrect: false,
          amountPaid: 150,
          attitude: 4,
          promiseKept: true,
          satisfaction: 'satisfied',
          comment: null,
        },
      })
      t.match(done.attempts, [{ n: 1, channel: 'automated', outcome: 'completed', by: null }])
      t.match(done.calls, [{ by: 'automated', attempt: 1, callId: calls[0]?.callId }])

      const [completed] = await line.eventsOf('callbacks.survey-completed', created._id)
      t.match(completed?.data, {
        taskId: created._id,
        subjectKind: 'service_record',
        serviceType: 'passport',
        departmentId: line.departmentId,
        office: OFFICE,
        window: '3号窗口',
        staffNumber: 'S1003',
        channel: 'automated',
        answers: { feeCorrect: false, amountPaid: 150, attitude: 4, satisfaction: 'satisfied' },
      })
      t.notOk(JSON.stringify(completed?.data).includes(number.slice(3)), 'no phone in the event')
      const [problem] = await line.eventsOf('callbacks.problem-found', created._id)
      t.match(problem?.data, {
        problemId: `${created._id}:overcharge`,
        kind: 'overcharge',
        office: OFFICE,
        window: '3号窗口',
        staffNumber: 'S1003',
        departmentId: line.departmentId,
      })
      t.equal(
        line.events.filter((e) => e.type === 'callbacks.problem-found' && e.subject === created._id).length,
        1,
        'attitude 4, kept, satisfied: no other problem',
      )

      // the next pass dials nothing more; no log line holds the number
      await line.pass()
      t.equal(line.callsTo(number).length, 1)
      t.notOk(
        line.lines.some((l) => l.includes(number.slice(3))),
        'the number is never logged',
      )
    },
  )
}

t.test(
  'an answering machine, silence twice, a hang-up: an attempt each, the task goes to the staff',
  async (t) => {
    const line = await automatedLine(t, 'embedded')
    const machine = await line.applicant({ kind: 'machine' })
    const silent = await line.applicant({ kind: 'person', keys: ['1', null, null] })
    const hangsUp = await line.applicant({ kind: 'person', keys: ['1', '1'] })
    line.clock.set(new Date(TUESDAY_10))
    await line.pass()

    const m = await line.task(machine.task._id)
    t.match(m, { status: 'open', mode: 'staff', claim: null, answers: null })
    t.match(m.attempts, [{ n: 1, channel: 'automated', outcome: 'machine', by: null }])
    t.ok(
      m.notBefore && m.notBefore >= '2026-03-03T06:00:00.000Z',
      'a machine counts as not reached: next half-day',
    )
    const machineCall = line.callsTo(machine.number)[0]
    t.match(machineCall, { answeredBy: 'machine', state: 'completed' })
    t.notOk(
      machineCall?.transcript.some((e) => e.kind === 'gather'),
      'nothing asked of a machine',
    )

    const s = await line.task(silent.task._id)
    t.match(s, { status: 'open', mode: 'staff', answers: null })
    t.match(s.attempts, [{ outcome: 'no_input', channel: 'automated' }])
    const heard = (line.callsTo(silent.number)[0]?.transcript ?? []).filter((e) => e.kind === 'say')
    t.equal(
      heard.filter((e) => e.text.includes('是否按公示标准收费')).length,
      2,
      'the first question, read twice',
    )
    t.ok(heard.some((e) => e.text.includes('没有收到您的有效按键')))

    const h = await line.task(hangsUp.task._id)
    t.match(h, { status: 'open', mode: 'staff', answers: null })
    t.match(h.attempts, [{ outcome: 'hung_up', channel: 'automated' }])

    // none of them is unreachable or completed: no survey event
    t.equal(line.events.filter((e) => e.type.startsWith('callbacks.survey')).length, 0)

    // each is in the staff's queue now, and an officer can claim it (a new claim, not the line's)
    line.clock.set(new Date('2026-03-03T07:00:00.000Z')) // 15:00
    const officer = line.as('callback_agent', 'agent-1')
    const next = await line.app.inject({ method: 'POST', url: `${API}/tasks/next`, headers: officer })
    t.equal(next.statusCode, 200, 'the queue offers one of them')
    const offered = next.json<{ task: { id: string; status: string } }>().task
    t.ok(
      [machine.task._id, silent.task._id, hangsUp.task._id].includes(offered.id),
      'a task the line handed over',
    )
    t.equal(offered.status, 'claimed', 'claimed by the officer: a new claim, not the line’s')

    // the line never dials them again
    const before = line.simulator.calls().length
    await line.pass()
    t.equal(line.simulator.calls().length, before)
  },
)

t.test('a refusal at the consent line, no answer, busy', async (t) => {
  const line = await automatedLine(t, 'embedded')
  const refuses = await line.applicant({ kind: 'person', keys: ['2'] })
  const unanswered = await line.applicant({ kind: 'no-answer' })
  const busy = await line.applicant({ kind: 'busy' })
  line.clock.set(new Date(TUESDAY_10))
  await line.pass()

  const r = await line.task(refuses.task._id)
  t.match(r, { status: 'unreachable', closedReason: 'refused' })
  t.match(r.attempts, [{ outcome: 'refused', channel: 'automated' }])
  const [gone] = await line.eventsOf('callbacks.survey-unreachable', refuses.task._id)
  t.match(gone?.data, { reason: 'refused', taskId: refuses.task._id })

  for (const [who, outcome] of [
    [unanswered, 'no_answer'],
    [busy, 'busy'],
  ] as const) {
    const doc = await line.task(who.task._id)
    t.match(doc, { status: 'open', mode: 'staff' }, outcome)
    t.match(doc.attempts, [{ outcome, channel: 'automated', callId: /^CA/ }])
    t.equal(line.callsTo(who.number).length, 1)
  }
})

t.test(
  'calling hours; two passes at once dial each task once; a forged webhook changes nothing',
  async (t) => {
    const line = await automatedLine(t, 'embedded')
    const tasks = []
    for (let i = 0; i < 4; i++) tasks.push(await line.applicant({ kind: 'person', keys: FULL }))

    line.clock.set(new Date(TUESDAY_1230))
    t.equal(await line.pass(), false, '12:30 is between the calling windows')
    t.equal(line.simulator.calls().length, 0)
    t.same(
      await dialDueAutomated(line.ctx, line.app.log),
      { placed: 0, recovered: 0 },
      'the dialler checks too',
    )

    // a forged answer webhook (wrong signature) is refused and changes nothing
    const id = tasks[0]?.task._id ?? ''
    const url = `${API}/voice/auto/answer?task=${id}&attempt=1`
    const params = {
      CallSid: `CA${'0'.repeat(32)}`,
      CallStatus: 'in-progress',
      Direction: 'outbound-api',
      From: LINE,
      To: '+8613900000000',
      AccountSid: `AC${'0'.repeat(32)}`,
      AnsweredBy: 'machine_start',
    }
    const forged = await line.app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        [SIGNATURE_HEADER]: signRequest('not-the-token', `${BASE}${url}`, params),
      },
      payload: new URLSearchParams(params).toString(),
    })
    t.equal(forged.statusCode, 403)
    t.match(forged.headers['content-type'], /problem\+json/)
    t.match(await line.task(id), { mode: 'automated', attempts: [] })

    // 14:00: two passes at once (two replicas): each task is dialled exactly once
    line.clock.set(new Date('2026-03-03T06:00:00.000Z'))
    const [a, b] = await Promise.all([
      dialDueAutomated(line.ctx, line.app.log),
      dialDueAutomated(line.ctx, line.app.log),
    ])
    t.equal((a?.placed ?? 0) + (b?.placed ?? 0), 4, 'four calls in all')
    await line.simulator.idle()
    for (const { task, number } of tasks) {
      t.equal(line.callsTo(number).length, 1, 'dialled once')
      t.match(await line.task(task._id), { status: 'completed' })
    }
  },
)

// ---- the state machine on its own (domain/automated.ts) --------------------------------------------

t.test(
  'the keypad line step by step: keys read, the amount after a "no", one repetition, the end',
  async (t) => {
    const script = defaultScript('passport')
    const withAmount = {
      ...script,
      questions: script.questions.map((q) => (q.key === 'amountPaid' ? { ...q, keypad: AMOUNT_PROMPT } : q)),
    }
    const questions = keypadQuestions(withAmount)
    t.same(
      questions.map((q) => [q.key, q.input]),
      [
        ['feeCorrect', 'key'],
        ['amountPaid', 'amount'],
        ['attitude', 'key'],
        ['promiseKept', 'key'],
        ['satisfaction', 'key'],
      ],
      'the free text is not asked on the keypad',
    )
    const withoutAmount = {
      ...script,
      questions: script.questions.map((q) => (q.key === 'amountPaid' ? { ...q, keypad: null } : q)),
    }
    t.same(
      keypadQuestions(withoutAmount).map((q) => q.key),
      ['feeCorrect', 'attitude', 'promiseKept', 'satisfaction'],
      'a question without a keypad prompt is not asked',
    )
    t.same(
      keypadQuestions(script).map((q) => q.key),
      ['feeCorrect', 'amountPaid', 'attitude', 'promiseKept', 'satisfaction'],
      'the default script asks the amount on the keypad (after a "no")',
    )

    t.same(onAnswer('machine'), { kind: 'end', outcome: 'machine' })
    t.same(onAnswer('human'), { kind: 'consent', retry: 0 })
    t.same(onAnswer(undefined), { kind: 'consent', retry: 0 }, 'no detection: a person is assumed')
    t.same(onConsent(questions, 0, '2'), { kind: 'end', outcome: 'refused' })
    t.same(onConsent(questions, 0, undefined), { kind: 'consent', retry: 1 })
    t.same(onConsent(questions, 0, '7'), { kind: 'consent', retry: 1 }, 'a key that means nothing: again')
    t.same(onConsent(questions, 1, undefined), { kind: 'end', outcome: 'no_input' }, 'twice: the end')
    t.match(onConsent(questions, 0, '1'), { kind: 'ask', q: 0, retry: 0, entries: [] })

    // fee yes: the amount is skipped (an empty entry) and attitude is next
    t.match(onKeys(questions, 0, 0, [], '1'), { kind: 'ask', q: 2, entries: ['1', ''] })
    // fee no: the amount is asked; digits ending with # (the provider drops the #)
    t.match(onKeys(questions, 0, 0, [], '2'), { kind: 'ask', q: 1, entries: ['2'] })
    t.match(onKeys(questions, 1, 0, ['2'], '150'), { kind: 'ask', q: 2, entries: ['2', '150'] })
    t.match(onKeys(questions, 1, 0, ['2'], '1234567'), { kind: 'ask', q: 1, retry: 1 }, 'too many digits')
    t.match(onKeys(questions, 2, 0, ['2', '150'], '6'), { kind: 'ask', q: 2, retry: 1 }, 'attitude is 1–5')
    t.same(onKeys(questions, 2, 1, ['2', '150'], undefined), { kind: 'end', outcome: 'no_input' })
    const done = onKeys(questions, 4, 0, ['2', '150', '4', '2'], '5')
    t.same(done, {
      kind: 'complete',
      answers: {
        feeCorrect: false,
        amountPaid: 150,
        attitude: 4,
        promiseKept: false,
        satisfaction: 'very_dissatisfied',
        comment: null,
      },
    })
    // 1–5 are the five levels in order
    t.same(
      ['1', '2', '3', '4', '5'].map((k) => answersOf(questions, ['1', '', '3', '1', k]).satisfaction),
      ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'],
    )

    // progress in the URL: one entry per question; anything else is not this line's
    t.equal(encodeProgress(['1', '', '4']), '1..4')
    t.same(decodeProgress('1..4', 3), ['1', '', '4'])
    t.same(decodeProgress('', 0), [])
    t.same(decodeProgress(undefined, 0), [])
    t.equal(decodeProgress('1..4', 2), undefined)
    t.equal(decodeProgress('1', 0), undefined)

    t.equal(outcomeOfFinalStatus('busy'), 'busy')
    t.equal(outcomeOfFinalStatus('no-answer'), 'no_answer')
    t.equal(outcomeOfFinalStatus('completed'), 'hung_up')
    t.equal(outcomeOfFinalStatus('in-progress'), null)
  },
)
