// Staff routes (registered under /api/v1): list and read cases, work-queue counts, take actions, verify a
// timeline.
import type { App, Clock, StaffClaims } from '@tingjian/kit'
import { Errors, Problem, verifyTimeline } from '@tingjian/kit'
import type { Filter } from '@tingjian/store'
import { resolveAssignment } from '../assignment.ts'
import { applyStaffCommand, type Cases, linkMerged, toState } from '../case-store.ts'
import type { Departments, Staff } from '../departments.ts'
import {
  ACTION_ROLES,
  type Calendar,
  type Command,
  canSee,
  type DueDays,
  OPEN_STATUSES,
} from '../domain/case.ts'
import { type FieldSealer, piiHash, queryTerms } from '../domain/privacy.ts'
import {
  auditPhoneSearch,
  type PhoneSearches,
  PhoneSearchForbidden,
  PhoneSearchLimited,
  type PhoneSearchQuota,
  takePhoneSearch,
} from '../phone-searches.ts'
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
import { actorOf, seesContactData, staffView } from './views.ts'

export interface CaseRoutesOptions {
  cases: Cases
  departments: Departments
  staff: Staff
  phoneSearches: PhoneSearches
  phoneSearchQuota: PhoneSearchQuota
  /** Searches by phone number per user and minute. */
  phoneSearchesPerMinute: number
  clock: Clock
  calendar: Calendar
  piiKey: string
  sealer: FieldSealer
  dueDays?: DueDays
}

type Action = keyof typeof ActionBodies

/** Builds the domain command from an action's request body. */
async function toCommand(
  opts: CaseRoutesOptions,
  action: Action,
  body: Record<string, unknown>,
): Promise<Command> {
  const { version: _v, ...rest } = body
  if (action === 'assign')
    return resolveAssignment(opts, rest as unknown as Parameters<typeof resolveAssignment>[1])
  if (action === 'merge') {
    const intoCaseId = String(rest.intoCaseId)
    const target = await opts.cases.get(intoCaseId)
    return { type: 'merge', intoCaseId, target: target ? { id: target._id, status: target.status } : null }
  }
  return { type: action, ...rest } as Command
}

async function listFilter(opts: CaseRoutesOptions, query: ListQuery, user: StaffClaims, now: Date) {
  // handlers and department leads: only cases where their department is lead or supporting
  const visible = visibilityFilter(actorOf(user))
  const and: Filter[] = []
  if (query.queue) and.push(await queueFilter(query.queue, opts, visible, now))
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
    phoneHash: query.phone ? piiHash(opts.piiKey, 'phone', query.phone) : undefined,
  }
  return allOf(compact(fields), visible, ...and)
}

const compact = (f: Filter): Filter =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Filter

export async function caseRoutes(app: App, opts: CaseRoutesOptions): Promise<void> {
  app.get(
    '/cases',
    {
      config: { access: 'staff' },
      schema: {
        summary: 'Cases the caller may see, newest first',
        description:
          '`phone` only for roles that see contact data in clear (403 otherwise), at most PHONE_SEARCHES_PER_MINUTE per user (429); every search by phone is audited without the number.',
        querystring: ListQuery,
        response: { 200: CaseList, 400: Problem, 401: Problem, 403: Problem, 429: Problem },
      },
    },
    async (request) => {
      const now = opts.clock.now()
      const byPhone = request.query.phone !== undefined
      const audit = {
        at: now.toISOString(),
        userId: request.user.sub,
        roles: [...(request.user.roles ?? [])],
        requestId: request.id,
      }
      if (byPhone && !seesContactData(request.user)) {
        await auditPhoneSearch(opts.phoneSearches, { ...audit, outcome: 'forbidden', results: null })
        throw new PhoneSearchForbidden()
      }
      if (
        byPhone &&
        !(await takePhoneSearch(opts.phoneSearchQuota, request.user.sub, now, opts.phoneSearchesPerMinute))
      ) {
        await auditPhoneSearch(opts.phoneSearches, { ...audit, outcome: 'limited', results: null })
        throw new PhoneSearchLimited(opts.phoneSearchesPerMinute)
      }
      const page = await opts.cases.find(await listFilter(opts, request.query, request.user, now), {
        sort: [['submittedAt', -1]],
        limit: request.query.limit,
        cursor: request.query.cursor ?? null,
      })
      if (byPhone) {
        await auditPhoneSearch(opts.phoneSearches, {
          ...audit,
          outcome: 'ok',
          results: page.items.length,
          more: page.nextCursor !== null,
        })
      }
      return {
        items: page.items.map((c) => staffView(toState(c), request.user, now, opts.sealer)),
        nextCursor: page.nextCursor,
      }
    },
  )

  app.get(
    '/cases/queues',
    {
      config: { access: 'staff' },
      schema: {
        summary: 'How many cases the caller may see in each work queue (GET /cases?queue=<name> lists them)',
        querystring: NoQuery,
        response: { 200: QueueCounts, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => ({ counts: await queueCounts(opts, actorOf(request.user), opts.clock.now()) }),
  )

  const visible = async (id: string, user: StaffClaims) => {
    const stored = await opts.cases.get(id)
    if (!stored || !canSee(stored, actorOf(user))) throw new Errors.NotFound()
    return toState(stored)
  }

  app.get(
    '/cases/:id',
    {
      config: { access: 'staff' },
      schema: {
        params: CaseParams,
        response: { 200: CaseView, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) =>
      staffView(await visible(request.params.id, request.user), request.user, opts.clock.now(), opts.sealer),
  )

  app.get(
    '/cases/:id/timeline/verify',
    {
      config: { access: 'staff' },
      schema: {
        summary: 'Checks the hash chain of the case timeline',
        params: CaseParams,
        response: { 200: Verification, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const c = await visible(request.params.id, request.user)
      return verifyTimeline(c.timeline, c)
    },
  )

  for (const action of Object.keys(ActionBodies) as Action[]) {
    app.post(
      `/cases/:id/${action}`,
      {
        config: { access: action === 'notes' ? 'staff' : ACTION_ROLES[action] },
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
        // every action's body carries the version the client saw, except that concerns may leave it out
        const body = request.body as Record<string, unknown> & { version?: number }
        const now = opts.clock.now()
        const { case: saved, command } = await applyStaffCommand(
          opts.cases,
          request.params.id,
          body.version,
          action,
          () => toCommand(opts, action, body),
          actorOf(request.user),
          {
            now,
            calendar: opts.calendar,
            dueDays: opts.dueDays,
            correlationId: request.id,
            sealPhone: (phone) => opts.sealer.encrypt(phone),
          },
          opts.departments,
        )
        if (command.type === 'merge') {
          // The merged case is written first (conditioned on the client's version); the lead's list is
          // then brought up to date with retries. The reply fan-out finds merged cases by `mergedInto`,
          // so a crash between the two writes loses no citizen's answer.
          await linkMerged(opts.cases, command.intoCaseId, saved._id, actorOf(request.user), {
            now,
            correlationId: request.id,
          })
        }
        request.log.info({ caseId: saved._id, action, status: saved.status }, 'case action')
        return staffView(saved, request.user, now, opts.sealer)
      },
    )
  }
}
