// Staff routes: list and read cases, take actions, verify a timeline.
import type { App, Clock, StaffClaims } from '@tingjian/kit'
import { Errors, Problem } from '@tingjian/kit'
import type { Filter } from '@tingjian/store'
import { applyStaffCommand, type Cases, linkMerged, toState } from '../case-store.ts'
import type { Departments } from '../departments.ts'
import {
  ACTION_ROLES,
  type Calendar,
  type Command,
  canSee,
  type DueDays,
  OPEN_STATUSES,
} from '../domain/case.ts'
import { piiHash, queryTerms } from '../domain/privacy.ts'
import { verifyTimeline } from '../domain/timeline.ts'
import { allOf, overdueFilter, queueCounts, queueFilter, visibilityFilter } from '../queues.ts'
import {
  ActionBodies,
  CaseList,
  CaseParams,
  CaseView,
  ListQuery,
  NoQuery,
  QueueCounts,
  Verification,
} from '../schemas/cases.ts'
import { strictValidator } from '../schemas/strict.ts'
import { actorOf, staffView } from './views.ts'

export interface CaseRoutesDeps {
  cases: Cases
  departments: Departments
  clock: Clock
  calendar: Calendar
  piiKey: string
  dueDays?: DueDays
}

type Action = keyof typeof ActionBodies

/** Builds the domain command from an action's request body. */
async function toCommand(
  deps: CaseRoutesDeps,
  action: Action,
  body: Record<string, unknown>,
): Promise<Command> {
  const { version: _v, ...rest } = body
  if (action === 'merge') {
    const intoCaseId = String(rest.intoCaseId)
    const target = await deps.cases.get(intoCaseId)
    return { type: 'merge', intoCaseId, target: target ? { id: target._id, status: target.status } : null }
  }
  return { type: action, ...rest } as Command
}

async function listFilter(deps: CaseRoutesDeps, query: ListQuery, user: StaffClaims, now: Date) {
  // handlers and department leads: only cases where their department is lead or supporting
  const visible = visibilityFilter(actorOf(user))
  const and: Filter[] = []
  if (query.queue) and.push(await queueFilter(query.queue, deps, visible, now))
  if (query.overdue === true) {
    and.push(overdueFilter(now))
  } else if (query.overdue === false) {
    and.push({
      $or: [
        { status: { $nin: [...OPEN_STATUSES] } },
        { dueAt: null },
        { dueAt: { $gte: now.toISOString() } },
      ],
    })
  }
  if (query.escalated === true) {
    and.push({ escalationLevel: { $gt: 0 }, status: { $in: [...OPEN_STATUSES] } })
  } else if (query.escalated === false) {
    and.push({ $or: [{ escalationLevel: 0 }, { status: { $nin: [...OPEN_STATUSES] } }] })
  }
  if (query.q) {
    const code = query.q.trim().toUpperCase()
    const terms = queryTerms(query.q)
    and.push({
      $or: [
        { trackingCode: code },
        ...(terms.length ? [{ $and: terms.map((term) => ({ searchTerms: term })) }] : []),
      ],
    })
  }
  const fields: Filter = {
    status: query.status,
    category: query.category,
    channel: query.channel,
    departmentId: query.departmentId,
    assigneeId: query.assigneeId,
    phoneHash: query.phone ? piiHash(deps.piiKey, 'phone', query.phone) : undefined,
  }
  return allOf(compact(fields), visible, ...and)
}

const compact = (f: Filter): Filter =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Filter

export function caseRoutes(app: App, deps: CaseRoutesDeps): void {
  app.get(
    '/api/v1/cases',
    {
      config: { access: 'staff' },
      schema: {
        summary: 'Cases the caller may see, newest first',
        querystring: ListQuery,
        response: { 200: CaseList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const now = deps.clock.now()
      const page = await deps.cases.find(await listFilter(deps, request.query, request.user, now), {
        sort: [['submittedAt', -1]],
        limit: request.query.limit,
        cursor: request.query.cursor ?? null,
      })
      return {
        items: page.items.map((c) => staffView(toState(c), request.user, now)),
        nextCursor: page.nextCursor,
      }
    },
  )

  app.get(
    '/api/v1/cases/queues',
    {
      config: { access: 'staff' },
      schema: {
        summary: 'How many cases the caller may see in each work queue (GET /cases?queue=<name> lists them)',
        querystring: NoQuery,
        response: { 200: QueueCounts, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => ({ counts: await queueCounts(deps, actorOf(request.user), deps.clock.now()) }),
  )

  const visible = async (id: string, user: StaffClaims) => {
    const stored = await deps.cases.get(id)
    if (!stored || !canSee(stored, actorOf(user))) throw new Errors.NotFound()
    return toState(stored)
  }

  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: 'staff' },
      schema: {
        params: CaseParams,
        response: { 200: CaseView, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) =>
      staffView(await visible(request.params.id, request.user), request.user, deps.clock.now()),
  )

  app.get(
    '/api/v1/cases/:id/timeline/verify',
    {
      config: { access: 'staff' },
      schema: {
        summary: 'Checks the hash chain of the case timeline',
        params: CaseParams,
        response: { 200: Verification, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => verifyTimeline((await visible(request.params.id, request.user)).timeline),
  )

  for (const action of Object.keys(ActionBodies) as Action[]) {
    app.post(
      `/api/v1/cases/:id/${action}`,
      {
        config: { access: action === 'notes' ? 'staff' : ACTION_ROLES[action] },
        validatorCompiler: strictValidator,
        schema: {
          params: CaseParams,
          querystring: NoQuery,
          body: ActionBodies[action],
          response: {
            200: CaseView,
            400: Problem,
            401: Problem,
            403: Problem,
            404: Problem,
            409: Problem,
            413: Problem,
            415: Problem,
            422: Problem,
          },
        },
      },
      async (request) => {
        const body = request.body as Record<string, unknown> & { version: number }
        const now = deps.clock.now()
        const command = await toCommand(deps, action, body)
        const saved = await applyStaffCommand(
          deps.cases,
          request.params.id,
          body.version,
          command,
          actorOf(request.user),
          {
            now,
            calendar: deps.calendar,
            dueDays: deps.dueDays,
            correlationId: request.id,
          },
          deps.departments,
        )
        if (command.type === 'merge') {
          // The merged case is written first (conditioned on the client's version); the lead's list is
          // then brought up to date with retries. The reply fan-out finds merged cases by `mergedInto`,
          // so a crash between the two writes loses no citizen's answer.
          await linkMerged(deps.cases, command.intoCaseId, saved._id, actorOf(request.user), {
            now,
            correlationId: request.id,
          })
        }
        request.log.info({ caseId: saved._id, action, status: saved.status }, 'case action')
        return staffView(saved, request.user, now)
      },
    )
  }
}
