// Operators' availability: an operator sets themselves available with the endpoint that rings (their
// phone or soft phone); supervisors see who is available and on which call.
import { type App, Errors, Problem } from '@tingjian/kit'
import { upsert } from '@tingjian/store'
import { fieldsOf, type OperatorDoc } from '../calls-store.ts'
import type { HotlineContext } from '../context.ts'
import { OperatorList, OperatorMe, SetOperator } from '../schemas/operators.ts'

export const OPERATOR_ROLES = ['hotline_operator', 'admin'] as const

export async function operatorRoutes(app: App, opts: HotlineContext): Promise<void> {
  const me = (doc: OperatorDoc | null, userId: string) => ({
    userId,
    available: doc?.available ?? false,
    endpoint: doc?.endpoint ?? null,
    since: doc?.since ?? null,
  })

  app.get(
    '/operators/me',
    {
      config: { access: [...OPERATOR_ROLES] },
      schema: {
        summary: "The operator's own availability",
        response: { 200: OperatorMe, 401: Problem, 403: Problem },
      },
    },
    async (request) => me(await opts.operators.get(request.user.sub), request.user.sub),
  )

  app.put(
    '/operators/me',
    {
      config: { access: [...OPERATOR_ROLES] },
      schema: {
        summary: 'Become available (with an endpoint, the first time) or unavailable',
        body: SetOperator,
        response: { 200: OperatorMe, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const userId = request.user.sub
      const { available, endpoint } = request.body
      const stored = await opts.operators.get(userId)
      if (available && !endpoint && !stored?.endpoint)
        throw new Errors.BadRequest('An endpoint is required to become available the first time')
      const now = opts.clock.now().toISOString()
      const next = (current: OperatorDoc | null): OperatorDoc => ({
        userId,
        available,
        endpoint: endpoint ?? current?.endpoint ?? null,
        since: current && current.available === available ? current.since : now,
        currentCallId: current?.currentCallId ?? null,
      })
      const doc = await upsert(
        opts.operators,
        userId,
        () => next(null),
        (cur) => next(fieldsOf(cur)),
      )
      request.log.info({ userId, available }, 'operator availability')
      opts.feed.changed()
      return me(doc, userId)
    },
  )

  app.get(
    '/operators',
    {
      config: { access: ['supervisor', 'dispatcher', 'admin'] },
      schema: {
        summary: 'Operators, their availability and current call',
        response: { 200: OperatorList, 401: Problem, 403: Problem },
      },
    },
    async () => {
      const page = await opts.operators.find({}, { sort: [['userId', 1]], limit: 500 })
      return {
        items: page.items.map((o) => ({
          userId: o.userId,
          available: o.available,
          since: o.since,
          currentCallId: o.currentCallId,
        })),
      }
    },
  )
}
