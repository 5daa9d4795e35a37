// A callback officer's own phone: what rings when they call a citizen (an E.164 number or a soft phone
// `client:<name>`, as the hotline's operators have). Staff data, not a citizen's.
import { type App, Problem, Type } from '@tingjian/kit'
import { upsert } from '@tingjian/store'
import type { CallbacksContext } from '../collections.ts'
import { Nullable } from '../schemas/common.ts'

export const OFFICER_ROLES = ['callback_agent', 'supervisor'] as const

export const Endpoint = Type.String({
  maxLength: 80,
  pattern: '^(\\+[1-9][0-9]{6,14}|client:[A-Za-z0-9_.-]{1,64})$',
})
const OfficerMe = Type.Object({ userId: Type.String(), endpoint: Nullable(Type.String()) })
const SetOfficer = Type.Object({ endpoint: Endpoint }, { additionalProperties: false })

export async function officerRoutes(app: App, opts: { ctx: CallbacksContext }): Promise<void> {
  const { ctx } = opts

  app.get(
    '/officers/me',
    {
      config: { access: OFFICER_ROLES },
      schema: {
        summary: "The officer's own phone",
        response: { 200: OfficerMe, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const doc = await ctx.officers.get(request.user.sub)
      return { userId: request.user.sub, endpoint: doc?.endpoint ?? null }
    },
  )

  app.put(
    '/officers/me',
    {
      config: { access: OFFICER_ROLES },
      schema: {
        summary: "Set the officer's own phone (E.164 or client:<name>)",
        body: SetOfficer,
        response: { 200: OfficerMe, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const userId = request.user.sub
      const doc = { userId, endpoint: request.body.endpoint }
      await upsert(
        ctx.officers,
        userId,
        () => doc,
        () => doc,
        { now: ctx.clock.now() },
      )
      request.log.info({ userId }, 'officer phone set')
      return { userId, endpoint: doc.endpoint }
    },
  )
}
