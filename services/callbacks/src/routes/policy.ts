// The callback policy: read and replaced whole (with the version read) by supervisors and admins.
import { type App, Problem } from '@tingjian/kit'
import { isConflict } from '@tingjian/store'
import type { CallbacksContext, PolicyDoc } from '../collections.ts'
import { checkPolicy, mergePolicy, POLICY_ID, type Policy } from '../domain/policy.ts'
import { Refusals } from '../errors.ts'
import { PolicyBody, PolicyView } from '../schemas/policy.ts'

export const POLICY_READERS = ['supervisor', 'admin'] as const
export const POLICY_EDITORS = ['supervisor', 'admin'] as const

export async function policyRoutes(app: App, opts: { ctx: CallbacksContext }): Promise<void> {
  const { ctx } = opts

  const view = (doc: (PolicyDoc & { version: number; updatedAt: string }) | null) => ({
    ...mergePolicy(doc?.policy),
    version: doc?.version ?? 0,
    updatedAt: doc?.updatedAt ?? null,
    updatedBy: doc?.updatedBy ?? null,
  })

  app.get(
    '/policy',
    {
      config: { access: POLICY_READERS },
      schema: {
        summary: 'The callback policy in force (the defaults while none is stored: version 0)',
        response: { 200: PolicyView, 401: Problem, 403: Problem },
      },
    },
    async () => view(await ctx.policy.get(POLICY_ID)),
  )

  app.put(
    '/policy',
    {
      config: { access: POLICY_EDITORS },
      schema: {
        summary: 'Replace the callback policy (with the version read; 409 when it changed meanwhile)',
        body: PolicyBody,
        response: { 200: PolicyView, 400: Problem, 401: Problem, 403: Problem, 409: Problem },
      },
    },
    async (request) => {
      const { version, ...policy } = request.body
      const problem = checkPolicy(policy as Policy)
      if (problem) throw new Refusals.badPolicy(problem)
      const doc: PolicyDoc = { policy: policy as Policy, updatedBy: request.user.sub }
      const now = ctx.clock.now()
      const current = await ctx.policy.get(POLICY_ID)
      const seen = version ?? current?.version ?? 0
      if (seen !== (current?.version ?? 0)) throw new Refusals.policyStale()
      try {
        const stored =
          current === null
            ? seen === 0
              ? await ctx.policy.insert(POLICY_ID, doc, { now })
              : null
            : await ctx.policy.update(POLICY_ID, seen, doc, { now })
        if (!stored) throw new Refusals.policyStale()
        request.log.info({ version: stored.version }, 'callback policy replaced')
        return view(stored)
      } catch (err) {
        if (isConflict(err)) throw new Refusals.policyStale()
        throw err
      }
    },
  )
}
