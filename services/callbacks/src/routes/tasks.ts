// The callback officers' tasks: the queue (next: due soonest, then oldest, claimed by a unique insert so
// that no two officers get the same task, even on FerretDB), a task with its script, claim and release,
// reveal (the number in clear, on the task's record), call (the officer's phone rings, then the citizen's:
// the officer never needs the number), attempts with their outcomes and the answers. A state change and
// its events are one write.

import type { EventEnvelope } from '@tingjian/contracts'
import { type App, type Clock, FieldErrors, hasRole, Problem, type StaffClaims } from '@tingjian/kit'
import { type Fields, isConflict, modify, type Stored } from '@tingjian/store'
import type { CallbacksContext, TaskDoc } from '../collections.ts'
import { type Answers, EMPTY_ANSWERS } from '../domain/answers.ts'
import { isCallingTime, nextWindowStart } from '../domain/calling-hours.ts'
import { loadPolicy } from '../domain/policy.ts'
import { scriptFor } from '../domain/scripts.ts'
import {
  applyAttempt,
  callRecorded,
  claimIdOf,
  claimTask,
  isClosed,
  openField,
  releaseTask,
  revealRecorded,
  type TaskRefusal,
  type TaskResult,
} from '../domain/task.ts'
import { Refusals } from '../errors.ts'
import { TaskParams } from '../schemas/common.ts'
import {
  type AnswersInput,
  AttemptBody,
  PlacedCall,
  Revealed,
  TaskDetail,
  TaskList,
  TaskQuery,
  type TaskView,
  TaskView as TaskViewSchema,
  VersionBody,
} from '../schemas/tasks.ts'
import { scriptView } from './scripts.ts'
import { webhookUrl } from './voice.ts'

/** Who works the queue: callback officers and supervisors (admins do not call or answer). */
export const CALLERS = ['callback_agent', 'supervisor'] as const

const maskName = (name: string) =>
  name.length <= 1 ? '*' : `${[...name][0]}${'*'.repeat([...name].length - 1)}`

export function taskView(t: Stored<TaskDoc>, ctx: Pick<CallbacksContext, 'cipher'>): TaskView {
  return {
    id: t._id,
    version: t.version,
    subjectKind: t.subjectKind,
    caseId: t.caseId,
    trackingCode: t.trackingCode,
    serviceRecord: t.serviceRecord,
    serviceType: t.serviceType,
    departmentId: t.departmentId,
    office: t.office,
    window: t.window,
    staffNumber: t.staffNumber,
    phoneMasked: t.phoneMasked,
    applicantNameMasked: t.applicantName ? maskName(openField(t.applicantName, ctx.cipher)) : null,
    samplingRate: t.samplingRate,
    stratum: t.stratum,
    mode: t.mode,
    status: t.status,
    dueFrom: t.dueFrom,
    notBefore: t.notBefore,
    claim: t.claim ? { by: t.claim.by, at: t.claim.at } : null,
    attempts: t.attempts,
    answers: t.answers,
    reveals: t.reveals,
    calls: t.calls,
    createdAt: t.createdAt,
    closedAt: t.closedAt,
    closedReason: t.closedReason,
  }
}

const isSupervisor = (user: StaffClaims) => hasRole(user, 'supervisor')

/** An officer sees open tasks and the ones they hold or worked; a supervisor sees all. */
const visibleTo = (t: TaskDoc, user: StaffClaims) =>
  isSupervisor(user) ||
  t.status === 'open' ||
  t.claim?.by === user.sub ||
  t.attempts.some((a) => a.by === user.sub) ||
  t.calls.some((c) => c.by === user.sub)

function refusal(r: TaskRefusal): Error {
  switch (r.code) {
    case 'closed':
      return new Refusals.closed()
    case 'claimed-by-other':
      return new Refusals.claimedByOther()
    case 'not-claimed':
      return new Refusals.notClaimed()
    case 'not-due':
      return new Refusals.invalidState(r.message)
    case 'bad-input':
      return new FieldErrors([{ path: `/${r.field}`, message: r.message }])
  }
}

/** Reads, changes and writes a task with its events (retried on a stale version; refusals thrown). */
async function changeTask(
  ctx: CallbacksContext,
  id: string,
  change: (t: Stored<TaskDoc>) => TaskResult | { task: Fields<TaskDoc>; events?: EventEnvelope[] } | null,
  expectedVersion?: number,
): Promise<Stored<TaskDoc>> {
  let events: EventEnvelope[] = []
  return modify(
    ctx.tasks,
    id,
    (current) => {
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw new Refusals.stale()
      const result = change(current)
      if (result === null) return null
      if ('refused' in result) throw refusal(result.refused)
      events = result.events ?? []
      return result.task
    },
    { events: () => events, now: ctx.clock.now() },
  )
}

const answersOf = (input: AnswersInput): Answers => ({
  ...EMPTY_ANSWERS,
  ...input,
  attitude: (input.attitude ?? null) as Answers['attitude'],
})

/**
 * Claims a task for `by`: the unique insert of `<taskId>:<generation>` decides (FerretDB keeps unique
 * inserts unique across connections, not versioned updates), then the task records the claim. Null when
 * the task was taken or moved on meanwhile.
 */
export async function claimFor(
  ctx: CallbacksContext,
  task: Stored<TaskDoc>,
  by: string,
  clock: Clock,
): Promise<Stored<TaskDoc> | null> {
  const now = clock.now()
  const generation = task.generation
  try {
    await ctx.claims.insert(
      claimIdOf(task._id, generation),
      { taskId: task._id, by, at: now.toISOString(), generation },
      { now },
    )
  } catch (err) {
    if (isConflict(err, 'duplicate')) return null
    throw err
  }
  let lost = false
  const claimed = await modify(
    ctx.tasks,
    task._id,
    (current) => {
      const r = claimTask(current, by, generation, now)
      if ('refused' in r) {
        lost = true
        return null
      }
      return r.task
    },
    { now },
  )
  return lost ? null : claimed
}

export async function taskRoutes(app: App, opts: { ctx: CallbacksContext }): Promise<void> {
  const { ctx } = opts

  const load = async (id: string, user: StaffClaims) => {
    const task = await ctx.tasks.get(id)
    if (!task || !visibleTo(task, user)) throw new Refusals.notFound('No such task')
    return task
  }

  app.get(
    '/tasks',
    {
      config: { access: CALLERS },
      schema: {
        summary: "Tasks: a supervisor's view of all, an officer's of the open ones and their own",
        querystring: TaskQuery,
        response: { 200: TaskList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const q = request.query
      const user = request.user
      const filter: Record<string, unknown> = {}
      if (q.status) filter.status = q.status
      if (q.mode) filter.mode = q.mode
      if (q.serviceType) filter.serviceType = q.serviceType
      if (q.caseId) filter.caseId = q.caseId
      if (q.mine) filter['claim.by'] = user.sub
      else if (!isSupervisor(user)) filter.$or = [{ status: 'open' }, { 'claim.by': user.sub }]
      const page = await ctx.tasks.find(filter as Parameters<typeof ctx.tasks.find>[0], {
        sort: [
          ['dueFrom', 1],
          ['createdAt', 1],
        ],
        limit: q.limit ?? 50,
        cursor: q.cursor ?? null,
      })
      return { items: page.items.map((t) => taskView(t, ctx)), nextCursor: page.nextCursor }
    },
  )

  app.post(
    '/tasks/next',
    {
      config: { access: CALLERS },
      schema: {
        summary:
          'Claim the next task (due soonest, then oldest); 204 when none is due, 409 outside calling hours',
        response: { 200: TaskDetail, 204: { type: 'null' }, 401: Problem, 403: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const now = ctx.clock.now()
      const policy = await loadPolicy(ctx)
      if (!isCallingTime(now, policy.callingHours, ctx.calendar))
        throw new Refusals.outsideCallingHours(
          nextWindowStart(now, policy.callingHours, ctx.calendar).toISOString(),
        )
      let cursor: string | null = null
      do {
        const page = await ctx.tasks.find(
          { status: 'open', mode: 'staff', availableAt: { $lte: now.toISOString() } },
          {
            sort: [
              ['dueFrom', 1],
              ['createdAt', 1],
            ],
            limit: 50,
            cursor,
          },
        )
        for (const candidate of page.items) {
          const claimed = await claimFor(ctx, candidate, request.user.sub, ctx.clock)
          if (claimed) {
            request.log.info({ taskId: claimed._id }, 'task claimed from the queue')
            return detail(claimed)
          }
        }
        cursor = page.nextCursor
      } while (cursor)
      return reply.code(204).send(null)
    },
  )

  const detail = async (task: Stored<TaskDoc>) => {
    const stored = await ctx.scripts.get(task.serviceType)
    const record = task.serviceRecord
      ? await ctx.records.get(`${task.serviceRecord.source}:${task.serviceRecord.recordId}`)
      : null
    return {
      task: taskView(task, ctx),
      script: scriptView(scriptFor(stored?.script, task.serviceType), !!stored),
      record: record
        ? {
            source: record.source,
            recordId: record.recordId,
            serviceType: record.serviceType,
            office: record.office,
            window: record.window,
            staffNumber: record.staffNumber,
            feeCharged: record.feeCharged,
            feeSchedule: record.feeSchedule,
            promisedDays: record.promisedDays,
            completedAt: record.completedAt,
          }
        : null,
    }
  }

  app.get(
    '/tasks/:id',
    {
      config: { access: CALLERS },
      schema: {
        summary: 'One task with its script, its masked number and the service record it is about',
        params: TaskParams,
        response: { 200: TaskDetail, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => detail(await load(request.params.id, request.user)),
  )

  app.post(
    '/tasks/:id/claim',
    {
      config: { access: CALLERS },
      schema: {
        summary: 'Claim this task (409 when another officer holds it or it is closed)',
        params: TaskParams,
        response: {
          200: TaskViewSchema,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request) => {
      const task = await load(request.params.id, request.user)
      if (isClosed(task)) throw new Refusals.closed()
      if (task.status === 'claimed') {
        if (task.claim?.by === request.user.sub) return taskView(task, ctx)
        throw new Refusals.claimedByOther()
      }
      if (task.mode !== 'staff') throw new Refusals.invalidState('The automated line is calling this task')
      const claimed = await claimFor(ctx, task, request.user.sub, ctx.clock)
      if (!claimed) throw new Refusals.claimedByOther()
      request.log.info({ taskId: claimed._id }, 'task claimed')
      return taskView(claimed, ctx)
    },
  )

  app.post(
    '/tasks/:id/release',
    {
      config: { access: CALLERS },
      schema: {
        summary: 'Give the task back to the queue (its holder, or a supervisor)',
        params: TaskParams,
        body: VersionBody,
        response: {
          200: TaskViewSchema,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request) => {
      const user = request.user
      await load(request.params.id, user)
      const task = await changeTask(
        ctx,
        request.params.id,
        (t) => releaseTask(t, user.sub, isSupervisor(user)),
        request.body?.version,
      )
      request.log.info({ taskId: task._id }, 'task released')
      return taskView(task, ctx)
    },
  )

  app.post(
    '/tasks/:id/reveal',
    {
      config: { access: CALLERS },
      schema: {
        summary: "The number in clear (its holder, or a supervisor); recorded on the task's record",
        params: TaskParams,
        response: { 200: Revealed, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const user = request.user
      const task = await load(request.params.id, user)
      if (!isSupervisor(user) && (task.status !== 'claimed' || task.claim?.by !== user.sub))
        throw new Refusals.notClaimed()
      const now = ctx.clock.now()
      const changed = await changeTask(ctx, task._id, (t) => ({ task: revealRecorded(t, user.sub, now) }))
      request.log.info({ taskId: task._id }, 'number revealed')
      return { phone: openField(changed.phone, ctx.cipher), task: taskView(changed, ctx) }
    },
  )

  app.post(
    '/tasks/:id/call',
    {
      config: { access: CALLERS },
      schema: {
        summary:
          "Call the citizen: the officer's own phone rings, then the citizen's number (the officer never sees it)",
        params: TaskParams,
        response: {
          202: PlacedCall,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          503: Problem,
        },
      },
    },
    async (request, reply) => {
      const user = request.user
      const task = await load(request.params.id, user)
      if (isClosed(task)) throw new Refusals.closed()
      if (task.status !== 'claimed' || task.claim?.by !== user.sub) throw new Refusals.notClaimed()
      const now = ctx.clock.now()
      const policy = await loadPolicy(ctx)
      if (!isCallingTime(now, policy.callingHours, ctx.calendar))
        throw new Refusals.outsideCallingHours(
          nextWindowStart(now, policy.callingHours, ctx.calendar).toISOString(),
        )
      const officer = await ctx.officers.get(user.sub)
      if (!officer?.endpoint) throw new Refusals.noEndpoint()
      const attempt = task.attempts.length + 1
      const query = `task=${encodeURIComponent(task._id)}&attempt=${attempt}`
      let placed: { callId: string }
      try {
        placed = await ctx.telephony.voice.placeCall({
          to: officer.endpoint,
          from: ctx.lineNumber,
          answerUrl: webhookUrl(ctx, `/bridge?${query}`),
          statusUrl: webhookUrl(ctx, `/status?${query}`),
          timeoutSeconds: ctx.settings.ringSeconds,
        })
      } catch (err) {
        request.log.warn(
          { taskId: task._id, err: err instanceof Error ? err.message : String(err) },
          'callback call not placed',
        )
        throw new Refusals.provider()
      }
      const changed = await changeTask(ctx, task._id, (t) => ({
        task: callRecorded(t, user.sub, placed.callId, ctx.clock.now()),
      }))
      request.log.info({ taskId: task._id, callId: placed.callId, attempt }, 'callback call placed')
      return reply.code(202).send({ callId: placed.callId, attempt, task: taskView(changed, ctx) })
    },
  )

  app.post(
    '/tasks/:id/attempts',
    {
      config: { access: CALLERS },
      schema: {
        summary:
          "Record an attempt's outcome (completed with the answers; no answer, busy, wrong number, refused, call back later)",
        params: TaskParams,
        body: AttemptBody,
        response: {
          200: TaskViewSchema,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request) => {
      const user = request.user
      const body = request.body
      await load(request.params.id, user)
      const policy = await loadPolicy(ctx)
      const now = ctx.clock.now()
      const lastCall = (t: TaskDoc) => {
        const call = t.calls[t.calls.length - 1]
        return call && call.attempt === t.attempts.length + 1 && call.by === user.sub ? call.callId : null
      }
      const task = await changeTask(
        ctx,
        request.params.id,
        (t) =>
          applyAttempt(
            t,
            {
              by: user.sub,
              channel: 'staff',
              outcome: body.outcome,
              callId: lastCall(t),
              note: body.note ?? null,
              callBackAt: body.at ? new Date(body.at) : null,
              answers: body.answers ? answersOf(body.answers) : null,
            },
            { taskId: t._id, policy, calendar: ctx.calendar, now },
          ),
        body.version,
      )
      request.log.info(
        { taskId: task._id, outcome: body.outcome, status: task.status, attempts: task.attempts.length },
        'callback attempt recorded',
      )
      return taskView(task, ctx)
    },
  )
}
