// Problems: the list (filters, newest first, department-scoped for a department's lead and handlers), one
// problem, and a problem recorded by hand from a case by a discipline officer (it enters the same trend rule).
import { type App, Errors, FieldErrors, hasRole, Problem, type StaffClaims } from '@tingjian/kit'
import type { Filter, Stored } from '@tingjian/store'
import type { RectificationContext } from '../collections.ts'
import { departmentNames } from '../consumers/departments.ts'
import { takeProblem } from '../consumers/trends.ts'
import { newProblemId, problemByHand } from '../domain/problem.ts'
import type { ProblemDoc } from '../problems.ts'
import {
  NewProblem,
  ProblemList,
  ProblemParams,
  ProblemQuery,
  type ProblemView,
  ProblemView as ProblemViewSchema,
} from '../schemas/problems.ts'

/** Who may read problems: officers and supervisors all; a department's lead and handlers their own. */
export const PROBLEM_READERS = ['discipline_officer', 'supervisor', 'dept_lead', 'handler'] as const
/** How far ahead of the clock a hand-recorded occurredAt may be (clock skew between machines). */
const FUTURE_SKEW_MS = 5 * 60_000

/** The department a reader is confined to, or null when the reader sees every department. */
export function scopeOf(user: StaffClaims): string | null | 'none' {
  if (hasRole(user, 'discipline_officer', 'supervisor')) return null
  if (hasRole(user, 'dept_lead', 'handler')) return user.departmentId ?? 'none'
  return 'none'
}

export const problemView = (p: Stored<ProblemDoc>, names: ReadonlyMap<string, string>): ProblemView => ({
  id: p._id,
  version: p.version,
  kind: p.kind,
  summary: p.summary,
  source: p.source,
  reportedBy: p.reportedBy,
  reportedById: p.reportedById,
  departmentId: p.departmentId,
  departmentName: names.get(p.departmentId) ?? null,
  office: p.office,
  window: p.window,
  staffNumber: p.staffNumber,
  caseId: p.caseId,
  evidenceUrl: p.evidenceUrl,
  occurredAt: p.occurredAt,
  receivedAt: p.receivedAt,
  alertId: p.alertId,
  orderId: p.orderId,
  withdrawn: p.withdrawn,
})

export interface ProblemRoutesOptions {
  ctx: RectificationContext
}

export async function problemRoutes(app: App, opts: ProblemRoutesOptions): Promise<void> {
  const { ctx } = opts

  app.get(
    '/problems',
    {
      config: { access: PROBLEM_READERS },
      schema: {
        summary: 'Problems, newest first (a department lead or handler: their department only)',
        querystring: ProblemQuery,
        response: { 200: ProblemList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const q = request.query
      const scope = scopeOf(request.user)
      if (scope === 'none') throw new Errors.Forbidden()
      const and: Filter[] = [
        {
          departmentId: q.departmentId,
          kind: q.kind,
          office: q.office,
          window: q.window,
          staffNumber: q.staffNumber,
          alertId: q.alertId,
          caseId: q.caseId,
        },
      ]
      if (scope !== null) and.push({ departmentId: scope })
      if (q.from || q.to) {
        and.push({
          occurredAt: {
            ...(q.from ? { $gte: new Date(q.from).toISOString() } : {}),
            ...(q.to ? { $lt: new Date(q.to).toISOString() } : {}),
          },
        })
      }
      if (q.withdrawn !== undefined) and.push({ withdrawn: q.withdrawn ? { $ne: null } : null })
      if (q.inOrder !== undefined) and.push({ orderId: q.inOrder ? { $ne: null } : null })
      const page = await ctx.problems.find(
        { $and: and },
        { sort: [['occurredAt', -1]], limit: q.limit ?? 50, cursor: q.cursor ?? null },
      )
      const names = await departmentNames(
        ctx.departments,
        page.items.map((p) => p.departmentId),
      )
      return { items: page.items.map((p) => problemView(p, names)), nextCursor: page.nextCursor }
    },
  )

  app.get(
    '/problems/:id',
    {
      config: { access: PROBLEM_READERS },
      schema: {
        summary: 'One problem (another department’s: 404)',
        params: ProblemParams,
        response: { 200: ProblemViewSchema, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const scope = scopeOf(request.user)
      if (scope === 'none') throw new Errors.Forbidden()
      const problem = await ctx.problems.get(request.params.id)
      if (!problem || (scope !== null && problem.departmentId !== scope)) throw new Errors.NotFound()
      const names = await departmentNames(ctx.departments, [problem.departmentId])
      return problemView(problem, names)
    },
  )

  app.post(
    '/problems',
    {
      config: { access: ['discipline_officer'] },
      schema: {
        summary: 'Record a problem by hand from a case (it counts towards trend alerts like any other)',
        body: NewProblem,
        response: { 201: ProblemViewSchema, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const body = request.body
      const now = ctx.clock.now()
      const faults: Array<{ path: string; message: string }> = []
      if (!body.caseId && !body.trackingCode) {
        faults.push({ path: 'body/caseId', message: 'name the case: its caseId or trackingCode' })
      }
      if (body.occurredAt && Date.parse(body.occurredAt) > now.getTime() + FUTURE_SKEW_MS) {
        faults.push({ path: 'body/occurredAt', message: 'must not be in the future' })
      }
      if (faults.length) throw new FieldErrors(faults)
      const id = newProblemId()
      const doc = problemByHand(body, request.user.sub, now)
      const taken = await takeProblem(ctx, id, doc, request.log)
      request.log.info(
        { problemId: id, departmentId: doc.departmentId, alertId: taken.problem.alertId },
        'problem recorded',
      )
      const names = await departmentNames(ctx.departments, [doc.departmentId])
      return reply.code(201).send(problemView(taken.problem, names))
    },
  )
}
