// A callback task: made from a replied case or a sampled service record, claimed by one officer at a
// time, attempted (by an officer or the automated line) until completed or unreachable, and the events
// that follow (survey-completed, survey-unreachable, one problem-found per finding). Pure: the store, the
// bus and the clock stay outside; the events go into the same write as the task (the outbox).
import { createHash } from 'node:crypto'
import { halfDayOf, UNREACHABLE_AFTER, type WorkingDayCalendar } from '@tingjian/calendar'
import { CallbacksEvents, type EventEnvelope } from '@tingjian/contracts'
import type { Fields, Stored } from '@tingjian/store'
import type {
  AttemptChannel,
  AttemptOutcome,
  Sealer,
  SubjectKind,
  TaskDoc,
  TaskRecordRef,
} from '../collections.ts'
import { type Answers, type FoundKind, isDissatisfied, PROBLEM_SUMMARIES, problemsIn } from './answers.ts'
import { dueFromAfter, monthOf, nextHalfDayWindow, validCallBackTime } from './calling-hours.ts'
import { automatedFirst, type Policy } from './policy.ts'

type Days = Pick<WorkingDayCalendar, 'isWorkingDay' | 'localDate' | 'startOfDay' | 'nextWorkingDay'>

// ---- ids ------------------------------------------------------------------------------------------

const hashId = (key: string) => `cbt_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`

/** The sampling key of a subject (also what the task id is derived from). */
export function subjectKey(
  subject:
    | { kind: 'case'; caseId: string; reworkCount: number }
    | { kind: 'service_record'; source: string; recordId: string },
): string {
  return subject.kind === 'case'
    ? `case:${subject.caseId}:${subject.reworkCount}`
    : `record:${subject.source}:${subject.recordId}`
}

/**
 * The task id: `cbt_` + the first 32 hex digits of sha256 of the subject key, so that a redelivered event
 * or a re-imported record is the same task (a duplicate insert is "done").
 */
export function taskIdFor(
  subject:
    | { kind: 'case'; caseId: string; reworkCount: number }
    | { kind: 'service_record'; source: string; recordId: string },
): string {
  return hashId(subjectKey(subject))
}

// ---- phone fields -----------------------------------------------------------------------------------

/** `138****5678`: the first three and the last four digits; shorter numbers keep only the last two. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/^\+86/, '').replace(/\D/g, '')
  if (digits.length >= 9) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  if (digits.length >= 4) return `****${digits.slice(-2)}`
  return '****'
}

/** Opens a sealed field (a value stored before sealing is returned as it is). */
export const openField = (value: string, cipher: Sealer) =>
  cipher.isEncrypted(value) ? cipher.decrypt(value) : value

// ---- a new task -----------------------------------------------------------------------------------

export interface NewTaskInput {
  subjectKind: SubjectKind
  caseId: string | null
  trackingCode: string | null
  serviceRecord: TaskRecordRef | null
  /** `case` for a case. */
  serviceType: string
  departmentId: string
  office: string | null
  window: string | null
  staffNumber: string | null
  /** The normalised number, in clear: sealed, hashed and masked here. */
  phone: string
  /** The applicant's name in clear (records), sealed here; null for cases. */
  applicantName: string | null
  samplingRate: number
  stratum: string
  feeSchedule: number | null
  reworkCount: number
  /** The reply, or the service's completion: the task is due from the next working day after it. */
  subjectAt: Date
}

export interface TaskDeps {
  policy: Policy
  calendar: Days
  cipher: Sealer
}

const blankToNull = (v: string | null) => (v === null || v.trim() === '' ? null : v)

/** The task's id and document (not yet stored). */
export function newTask(input: NewTaskInput, deps: TaskDeps): { id: string; task: Fields<TaskDoc> } {
  const id =
    input.subjectKind === 'case'
      ? taskIdFor({ kind: 'case', caseId: input.caseId ?? '', reworkCount: input.reworkCount })
      : taskIdFor({
          kind: 'service_record',
          source: input.serviceRecord?.source ?? '',
          recordId: input.serviceRecord?.recordId ?? '',
        })
  const dueFrom = dueFromAfter(input.subjectAt, deps.policy.callingHours, deps.calendar).toISOString()
  const task: Fields<TaskDoc> = {
    subjectKind: input.subjectKind,
    caseId: input.caseId,
    trackingCode: input.trackingCode,
    serviceRecord: input.serviceRecord,
    serviceType: input.serviceType,
    departmentId: input.departmentId,
    office: blankToNull(input.office),
    window: blankToNull(input.window),
    staffNumber: blankToNull(input.staffNumber),
    phone: deps.cipher.encrypt(input.phone),
    phoneHash: deps.cipher.hash(input.phone, 'phone'),
    phoneMasked: maskPhone(input.phone),
    applicantName: input.applicantName === null ? null : deps.cipher.encrypt(input.applicantName),
    samplingRate: input.samplingRate,
    stratum: input.stratum,
    feeSchedule: input.feeSchedule,
    reworkCount: input.reworkCount,
    mode: automatedFirst(deps.policy, input) ? 'automated' : 'staff',
    status: 'open',
    dueFrom,
    notBefore: null,
    availableAt: dueFrom,
    claim: null,
    generation: 0,
    attempts: [],
    answers: null,
    reveals: [],
    calls: [],
    month: monthOf(input.subjectAt),
    subjectAt: input.subjectAt.toISOString(),
    closedAt: null,
    closedReason: null,
  }
  return { id, task }
}

// ---- claims ---------------------------------------------------------------------------------------

export type TaskRefusal =
  | { code: 'closed'; message: string }
  | { code: 'claimed-by-other'; message: string }
  | { code: 'not-claimed'; message: string }
  | { code: 'not-due'; message: string }
  | { code: 'bad-input'; field: string; message: string }

export type TaskResult = { task: Fields<TaskDoc>; events: EventEnvelope[] } | { refused: TaskRefusal }

const CLOSED: TaskRefusal = { code: 'closed', message: 'The task is closed' }
const OTHERS: TaskRefusal = { code: 'claimed-by-other', message: 'Another officer holds the task' }
const NOT_CLAIMED: TaskRefusal = { code: 'not-claimed', message: 'Claim the task first' }

export const isClosed = (t: Pick<TaskDoc, 'status'>) => t.status === 'completed' || t.status === 'unreachable'

/** The claim's id in the claims collection. */
export const claimIdOf = (taskId: string, generation: number) => `${taskId}:${generation}`

const strip = (t: Stored<TaskDoc> | Fields<TaskDoc>): Fields<TaskDoc> => {
  const { _id, version, createdAt, updatedAt, ...rest } = t as Stored<TaskDoc>
  return rest
}

const availableAt = (dueFrom: string, notBefore: string | null) =>
  notBefore && notBefore > dueFrom ? notBefore : dueFrom

/**
 * Records the claim won in the claims collection (generation `generation`) on the task. Refused when the
 * task moved on meanwhile (closed, another generation, claimed, handed to the automated line).
 */
export function claimTask(task: Fields<TaskDoc>, by: string, generation: number, now: Date): TaskResult {
  if (isClosed(task)) return { refused: CLOSED }
  if (task.status === 'claimed' || task.generation !== generation || task.mode !== 'staff')
    return { refused: OTHERS }
  return {
    task: { ...strip(task), status: 'claimed', claim: { by, at: now.toISOString(), generation } },
    events: [],
  }
}

/** Gives the claim back (its holder, or a supervisor): the next claim is the next generation. */
export function releaseTask(task: Fields<TaskDoc>, by: string, supervisor: boolean): TaskResult {
  if (isClosed(task)) return { refused: CLOSED }
  if (task.status !== 'claimed' || !task.claim) return { task: strip(task), events: [] }
  if (task.claim.by !== by && !supervisor) return { refused: OTHERS }
  return { task: { ...strip(task), ...released(task) }, events: [] }
}

const released = (task: Fields<TaskDoc>) => ({
  status: 'open' as const,
  claim: null,
  generation: task.generation + 1,
})

/** The number was shown in clear to `by` (on the task's record). */
export function revealRecorded(task: Fields<TaskDoc>, by: string, now: Date): Fields<TaskDoc> {
  return { ...strip(task), reveals: [...task.reveals, { by, at: now.toISOString() }] }
}

/** A call was placed for the task's next attempt (on the task's record). */
export function callRecorded(task: Fields<TaskDoc>, by: string, callId: string, now: Date): Fields<TaskDoc> {
  if (task.calls.some((c) => c.callId === callId)) return strip(task)
  return {
    ...strip(task),
    calls: [
      ...task.calls,
      { by, at: now.toISOString(), callId, attempt: task.attempts.length + 1, dialStatus: null },
    ],
  }
}

/** How the citizen's leg of a placed call ended (from the provider's dial result). */
export function dialResultRecorded(
  task: Fields<TaskDoc>,
  callId: string,
  dialStatus: string,
): Fields<TaskDoc> | null {
  const call = task.calls.find((c) => c.callId === callId)
  if (!call || call.dialStatus === dialStatus) return null
  return {
    ...strip(task),
    calls: task.calls.map((c) => (c.callId === callId ? { ...c, dialStatus } : c)),
  }
}

// ---- attempts -------------------------------------------------------------------------------------

export interface AttemptInput {
  /** The officer; null for the automated line. */
  by: string | null
  channel: AttemptChannel
  outcome: AttemptOutcome
  callId?: string | null
  note?: string | null
  /** call_back_later: when the citizen asked to be called. */
  callBackAt?: Date | null
  /** Required for `completed`, refused otherwise. */
  answers?: Answers | null
}

export interface AttemptDeps {
  taskId: string
  policy: Policy
  calendar: Days
  now: Date
}

/** Outcomes that count as "not reached" for the half-day rule. */
const FAILED: readonly AttemptOutcome[] = ['no_answer', 'busy', 'machine']

/**
 * Records an attempt and decides what follows: completed → the answers, survey-completed and a
 * problem-found per finding; wrong number or refused → unreachable at once; no answer or busy (or an
 * answering machine) on the third different half-day → unreachable; otherwise the task goes back to the
 * queue from the next half-day's window (call back later: from the time asked); a failure of the
 * automated line (machine, no input, hang-up) hands the task to the staff.
 */
export function applyAttempt(task: Fields<TaskDoc>, attempt: AttemptInput, deps: AttemptDeps): TaskResult {
  if (isClosed(task)) return { refused: CLOSED }
  const { now, policy } = deps
  if (attempt.channel === 'staff') {
    if (task.status !== 'claimed' || !task.claim) return { refused: NOT_CLAIMED }
    if (task.claim.by !== attempt.by) return { refused: OTHERS }
  } else if (task.status === 'claimed') return { refused: OTHERS }

  const completed = attempt.outcome === 'completed'
  if (completed && !attempt.answers)
    return {
      refused: { code: 'bad-input', field: 'answers', message: 'A completed survey needs its answers' },
    }
  if (!completed && attempt.answers)
    return {
      refused: { code: 'bad-input', field: 'answers', message: 'Answers belong to a completed survey only' },
    }
  if (attempt.outcome === 'call_back_later') {
    const wanted = attempt.callBackAt
    if (!wanted)
      return {
        refused: { code: 'bad-input', field: 'at', message: 'Say when the citizen asked to be called back' },
      }
    if (!validCallBackTime(wanted, now, policy.callingHours, deps.calendar))
      return {
        refused: {
          code: 'bad-input',
          field: 'at',
          message: 'The time to call back must be later, inside calling hours on a working day',
        },
      }
  } else if (attempt.callBackAt)
    return {
      refused: { code: 'bad-input', field: 'at', message: 'A time is given only with call_back_later' },
    }

  const at = now.toISOString()
  const attempts = [
    ...task.attempts,
    {
      n: task.attempts.length + 1,
      at,
      by: attempt.by,
      channel: attempt.channel,
      outcome: attempt.outcome,
      callId: attempt.callId ?? null,
      note: attempt.note ?? null,
      ...(attempt.outcome === 'call_back_later'
        ? { callBackAt: attempt.callBackAt?.toISOString() ?? null }
        : {}),
    },
  ]
  const base: Fields<TaskDoc> = { ...strip(task), attempts }

  if (completed && attempt.answers) {
    const next: Fields<TaskDoc> = {
      ...base,
      status: 'completed',
      answers: attempt.answers,
      claim: null,
      closedAt: at,
      closedReason: null,
    }
    return { task: next, events: completionEvents(deps.taskId, next, attempt, policy, now) }
  }
  if (attempt.outcome === 'wrong_number' || attempt.outcome === 'refused') {
    const next = close(base, attempt.outcome, at)
    return { task: next, events: [surveyUnreachableEvent(deps.taskId, next, attempt.outcome, now)] }
  }
  const failedHalfDays = new Set(
    attempts.filter((a) => FAILED.includes(a.outcome)).map((a) => halfDayOf(new Date(a.at))),
  )
  if (FAILED.includes(attempt.outcome) && failedHalfDays.size >= UNREACHABLE_AFTER) {
    const next = close(base, 'unreachable', at)
    return { task: next, events: [surveyUnreachableEvent(deps.taskId, next, 'unreachable', now)] }
  }
  // back to the queue (the staff's, whichever channel tried)
  let notBefore: string | null = null
  if (attempt.outcome === 'call_back_later') notBefore = attempt.callBackAt?.toISOString() ?? null
  else if (FAILED.includes(attempt.outcome))
    notBefore = nextHalfDayWindow(now, policy.callingHours, deps.calendar).toISOString()
  const next: Fields<TaskDoc> = {
    ...base,
    ...(task.status === 'claimed' ? released(task) : { status: 'open' as const, claim: null }),
    mode: 'staff',
    notBefore,
    availableAt: availableAt(task.dueFrom, notBefore),
  }
  return { task: next, events: [] }
}

const close = (
  task: Fields<TaskDoc>,
  reason: 'unreachable' | 'wrong_number' | 'refused',
  at: string,
): Fields<TaskDoc> => ({
  ...task,
  status: 'unreachable',
  claim: null,
  closedAt: at,
  closedReason: reason,
})

// ---- events -----------------------------------------------------------------------------------------

const surveyRef = (taskId: string, task: Fields<TaskDoc>, now: Date) => ({
  taskId,
  subjectKind: task.subjectKind,
  caseId: task.caseId,
  trackingCode: task.trackingCode,
  serviceRecord: task.serviceRecord,
  serviceType: task.serviceType,
  departmentId: task.departmentId,
  office: task.office,
  window: task.window,
  staffNumber: task.staffNumber,
  samplingRate: task.samplingRate,
  attempts: task.attempts.length,
  at: now.toISOString(),
})

/** Whether the policy asks tracking to reopen the case (a dissatisfied answer on a case). */
export function reopensCase(task: Pick<TaskDoc, 'subjectKind' | 'answers'>, policy: Policy): boolean {
  return task.subjectKind === 'case' && isDissatisfied(task.answers) && policy.cases.reopenOnDissatisfied
}

function completionEvents(
  taskId: string,
  task: Fields<TaskDoc>,
  attempt: AttemptInput,
  policy: Policy,
  now: Date,
): EventEnvelope[] {
  const answers = task.answers as Answers
  const completed = CallbacksEvents.surveyCompleted.create({
    subject: taskId,
    occurredAt: now,
    data: {
      ...surveyRef(taskId, task, now),
      channel: attempt.channel,
      officerId: attempt.by,
      reopenCase: reopensCase(task, policy),
      answers: { ...answers, feeSchedule: task.feeSchedule },
    },
  })
  const problems = problemsIn(answers, task.feeSchedule).map((kind) =>
    problemFoundEvent(taskId, task, kind, now),
  )
  return [completed, ...problems]
}

/** One finding of a survey, in the shared problem shape rectification takes in. */
export function problemFoundEvent(
  taskId: string,
  task: Fields<TaskDoc>,
  kind: FoundKind,
  now: Date,
): EventEnvelope {
  const record = task.serviceRecord
  return CallbacksEvents.problemFound.create({
    subject: taskId,
    occurredAt: now,
    data: {
      problemId: `${taskId}:${kind}`,
      kind,
      summary: PROBLEM_SUMMARIES[kind],
      source:
        task.subjectKind === 'case' || !record
          ? { kind: 'case', id: task.caseId ?? taskId, trackingCode: task.trackingCode }
          : { kind: 'service_record', id: record.recordId, trackingCode: null },
      departmentId: task.departmentId,
      office: task.office,
      window: task.window,
      staffNumber: task.staffNumber,
      evidenceUrl: `/staff/callbacks/tasks/${taskId}`,
      occurredAt: now.toISOString(),
    },
  })
}

export function surveyUnreachableEvent(
  taskId: string,
  task: Fields<TaskDoc>,
  reason: 'unreachable' | 'wrong_number' | 'refused',
  now: Date,
): EventEnvelope {
  return CallbacksEvents.surveyUnreachable.create({
    subject: taskId,
    occurredAt: now,
    data: { ...surveyRef(taskId, task, now), reason },
  })
}
