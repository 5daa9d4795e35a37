// The task's pure rules against values written from the issue and the design: the id and the seeded
// draw (sha256 formulas), calling hours on the working-day calendar (a make-up Saturday, a weekend, a
// statutory holiday, the lunch gap), the due time, attempts (three failed half-days, wrong number,
// refused, call back later), the answers' problems and whether the case reopens.
import { createHash } from 'node:crypto'
import { createCalendar, NATIONAL_YEARS } from '@tingjian/calendar'
import { FieldCipher, generateFieldKeys } from '@tingjian/kit'
import type { Fields } from '@tingjian/store'
import t from 'tap'
import type { TaskDoc } from '../src/collections.ts'
import type { Answers } from '../src/domain/answers.ts'
import {
  dueFromAfter,
  isCallingTime,
  nextHalfDayWindow,
  nextWindowStart,
} from '../src/domain/calling-hours.ts'
import { DEFAULT_POLICY, sampled } from '../src/domain/policy.ts'
import { applyAttempt, claimTask, newTask, taskIdFor } from '../src/domain/task.ts'

const calendar = createCalendar({ years: NATIONAL_YEARS })
const cipher = FieldCipher.fromConfig(generateFieldKeys('t1'))
const hours = DEFAULT_POLICY.callingHours
const sh = (local: string) => new Date(`${local}+08:00`)

t.test('task id and the seeded draw follow the design formulas', async (t) => {
  const hex = createHash('sha256').update('case:case_1:0').digest('hex')
  t.equal(taskIdFor({ kind: 'case', caseId: 'case_1', reworkCount: 0 }), `cbt_${hex.slice(0, 32)}`)
  const rhex = createHash('sha256').update('record:passport-sys:R-1').digest('hex')
  t.equal(
    taskIdFor({ kind: 'service_record', source: 'passport-sys', recordId: 'R-1' }),
    `cbt_${rhex.slice(0, 32)}`,
  )
  for (let i = 0; i < 200; i++) {
    const key = `case:c${i}:0`
    const draw = Number.parseInt(createHash('sha256').update(`tingjian:${key}`).digest('hex').slice(0, 8), 16)
    t.equal(sampled('tingjian', key, 0.2), draw / 2 ** 32 < 0.2, key)
  }
  t.equal(sampled('tingjian', 'x', 1), true)
  t.equal(sampled('tingjian', 'x', 0), false)
})

t.test('calling hours: 09:00–12:00 and 14:00–20:00 on working days', async (t) => {
  t.equal(isCallingTime(sh('2026-03-02T09:00:00'), hours, calendar), true, 'Monday 09:00')
  t.equal(isCallingTime(sh('2026-03-02T08:59:59'), hours, calendar), false, 'before nine')
  t.equal(isCallingTime(sh('2026-03-02T12:30:00'), hours, calendar), false, 'the lunch gap')
  t.equal(isCallingTime(sh('2026-03-02T19:59:00'), hours, calendar), true)
  t.equal(isCallingTime(sh('2026-03-02T20:00:00'), hours, calendar), false, 'twenty o’clock is closed')
  t.equal(isCallingTime(sh('2026-03-07T10:00:00'), hours, calendar), false, 'a Saturday')
  t.equal(isCallingTime(sh('2026-04-06T10:00:00'), hours, calendar), false, 'Qingming (a Monday)')
  t.equal(isCallingTime(sh('2026-02-28T10:00:00'), hours, calendar), true, 'a make-up working Saturday')
  t.same(nextWindowStart(sh('2026-03-02T12:30:00'), hours, calendar), sh('2026-03-02T14:00:00'))
  t.same(
    nextWindowStart(sh('2026-03-06T20:30:00'), hours, calendar),
    sh('2026-03-09T09:00:00'),
    'Friday night → Monday',
  )
  t.same(
    nextWindowStart(sh('2026-04-03T21:00:00'), hours, calendar),
    sh('2026-04-07T09:00:00'),
    'over Qingming',
  )
})

t.test('due from 09:00 of the next working day', async (t) => {
  t.same(dueFromAfter(sh('2026-03-02T15:00:00'), hours, calendar), sh('2026-03-03T09:00:00'))
  t.same(
    dueFromAfter(sh('2026-03-06T15:00:00'), hours, calendar),
    sh('2026-03-09T09:00:00'),
    'Friday → Monday',
  )
  t.same(
    dueFromAfter(sh('2026-02-27T15:00:00'), hours, calendar),
    sh('2026-02-28T09:00:00'),
    'make-up Saturday',
  )
  t.same(dueFromAfter(sh('2026-04-03T10:00:00'), hours, calendar), sh('2026-04-07T09:00:00'), 'over Qingming')
  t.same(nextHalfDayWindow(sh('2026-03-02T10:00:00'), hours, calendar), sh('2026-03-02T14:00:00'))
  t.same(nextHalfDayWindow(sh('2026-03-02T15:00:00'), hours, calendar), sh('2026-03-03T09:00:00'))
})

const claimed = (by = 'op1'): Fields<TaskDoc> => {
  const { task } = newTask(
    {
      subjectKind: 'service_record',
      caseId: null,
      trackingCode: null,
      serviceRecord: { source: 'passport-sys', recordId: 'R-1' },
      serviceType: 'passport',
      departmentId: 'dept-a',
      office: '城东出入境办证大厅',
      window: '3号窗口',
      staffNumber: 'A1024',
      phone: '13912345678',
      applicantName: '张三',
      samplingRate: 0.1,
      stratum: '城东出入境办证大厅|passport',
      feeSchedule: 120,
      reworkCount: 0,
      subjectAt: sh('2026-03-02T10:00:00'),
    },
    { policy: DEFAULT_POLICY, calendar, cipher },
  )
  const r = claimTask(task, by, 0, sh('2026-03-03T09:30:00'))
  if ('refused' in r) throw new Error('claim refused')
  return r.task
}

const deps = (now: string) => ({ taskId: 'cbt_x', policy: DEFAULT_POLICY, calendar, now: sh(now) })

function attempt(task: Fields<TaskDoc>, outcome: 'no_answer' | 'busy', now: string) {
  const r = applyAttempt(task, { by: 'op1', channel: 'staff', outcome }, deps(now))
  if ('refused' in r) throw new Error(r.refused.message)
  if (r.task.status !== 'open') return r
  // the officer claims it again for the next try
  const c = claimTask(r.task, 'op1', r.task.generation, sh(now))
  if ('refused' in c) throw new Error('claim refused')
  return { task: c.task, events: r.events }
}

t.test('three failed attempts on two half-days stay open; on a third half-day, unreachable', async (t) => {
  let r = attempt(claimed(), 'no_answer', '2026-03-03T09:40:00')
  t.equal(r.task.notBefore, sh('2026-03-03T14:00:00').toISOString(), 'back in the queue from the afternoon')
  r = attempt(r.task, 'busy', '2026-03-03T14:10:00')
  r = attempt(r.task, 'no_answer', '2026-03-03T15:10:00')
  t.equal(r.task.attempts.length, 3)
  t.not(r.task.status, 'unreachable', 'two half-days only')
  t.equal(r.events.length, 0)
  const last = applyAttempt(
    r.task,
    { by: 'op1', channel: 'staff', outcome: 'no_answer' },
    deps('2026-03-04T09:10:00'),
  )
  if ('refused' in last) throw new Error('refused')
  t.equal(last.task.status, 'unreachable')
  t.equal(last.task.closedReason, 'unreachable')
  t.same(
    last.events.map((e) => [e.type, (e.data as { reason: string }).reason]),
    [['callbacks.survey-unreachable', 'unreachable']],
  )
})

t.test('wrong number and refusal close at once; call back later needs a calling time', async (t) => {
  for (const outcome of ['wrong_number', 'refused'] as const) {
    const r = applyAttempt(claimed(), { by: 'op1', channel: 'staff', outcome }, deps('2026-03-03T10:00:00'))
    if ('refused' in r) throw new Error('refused')
    t.equal(r.task.status, 'unreachable')
    t.match(r.events[0]?.data, { reason: outcome })
  }
  const noTime = applyAttempt(
    claimed(),
    { by: 'op1', channel: 'staff', outcome: 'call_back_later' },
    deps('2026-03-03T10:00:00'),
  )
  t.match(noTime, { refused: { code: 'bad-input', field: 'at' } })
  const lunch = applyAttempt(
    claimed(),
    { by: 'op1', channel: 'staff', outcome: 'call_back_later', callBackAt: sh('2026-03-03T12:30:00') },
    deps('2026-03-03T10:00:00'),
  )
  t.match(lunch, { refused: { code: 'bad-input', field: 'at' } }, 'the lunch gap is no calling time')
  const ok = applyAttempt(
    claimed(),
    { by: 'op1', channel: 'staff', outcome: 'call_back_later', callBackAt: sh('2026-03-04T16:00:00') },
    deps('2026-03-03T10:00:00'),
  )
  if ('refused' in ok) throw new Error('refused')
  t.equal(ok.task.status, 'open')
  t.equal(ok.task.claim, null)
  t.equal(ok.task.notBefore, sh('2026-03-04T16:00:00').toISOString())
  t.equal(ok.task.availableAt, sh('2026-03-04T16:00:00').toISOString())
  const other = applyAttempt(
    claimed('op2'),
    { by: 'op1', channel: 'staff', outcome: 'busy' },
    deps('2026-03-03T10:00:00'),
  )
  t.match(other, { refused: { code: 'claimed-by-other' } })
})

const answers = (over: Partial<Answers>): Answers => ({
  feeCorrect: true,
  amountPaid: null,
  attitude: 5,
  promiseKept: true,
  satisfaction: 'satisfied',
  comment: null,
  ...over,
})

t.test('answers: one problem per finding, in the shared shape, no phone anywhere', async (t) => {
  const complete = (a: Answers) => {
    const r = applyAttempt(
      claimed(),
      { by: 'op1', channel: 'staff', outcome: 'completed', answers: a },
      deps('2026-03-03T10:00:00'),
    )
    if ('refused' in r) throw new Error(r.refused.message)
    return r
  }
  const fine = complete(answers({}))
  t.same(
    fine.events.map((e) => e.type),
    ['callbacks.survey-completed'],
  )
  const bad = complete(
    answers({
      feeCorrect: false,
      amountPaid: 200,
      attitude: 2,
      promiseKept: false,
      satisfaction: 'very_dissatisfied',
    }),
  )
  t.same(
    bad.events.map((e) => [e.type, (e.data as { kind?: string }).kind ?? null]),
    [
      ['callbacks.survey-completed', null],
      ['callbacks.problem-found', 'overcharge'],
      ['callbacks.problem-found', 'attitude'],
      ['callbacks.problem-found', 'missed_promise'],
      ['callbacks.problem-found', 'dissatisfied'],
    ],
  )
  t.match(bad.events[1]?.data, {
    problemId: 'cbt_x:overcharge',
    source: { kind: 'service_record', id: 'R-1', trackingCode: null },
    departmentId: 'dept-a',
    office: '城东出入境办证大厅',
    window: '3号窗口',
    staffNumber: 'A1024',
    evidenceUrl: '/staff/callbacks/tasks/cbt_x',
  })
  t.equal(
    complete(answers({ feeCorrect: null, amountPaid: 150 })).events.length,
    2,
    'paid above the schedule',
  )
  t.equal(complete(answers({ attitude: 3 })).events.length, 1, 'attitude 3 is no problem')
  t.equal(complete(answers({ satisfaction: 'basically_satisfied' })).events.length, 1)
  const completed = bad.events[0]?.data as Record<string, unknown>
  t.equal(completed.reopenCase, false, 'a service record reopens no case')
  const text = JSON.stringify(bad.events)
  t.notOk(
    text.includes('13912345678') || text.includes('139****5678') || text.includes('张三'),
    'no phone or name',
  )
  t.match(
    applyAttempt(
      claimed(),
      { by: 'op1', channel: 'staff', outcome: 'completed' },
      deps('2026-03-03T10:00:00'),
    ),
    { refused: { code: 'bad-input', field: 'answers' } },
  )
  t.match(
    applyAttempt(
      claimed(),
      { by: 'op1', channel: 'staff', outcome: 'busy', answers: answers({}) },
      deps('2026-03-03T10:00:00'),
    ),
    { refused: { code: 'bad-input', field: 'answers' } },
  )
})
