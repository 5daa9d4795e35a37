// Survey scripts per service type: read by the callback officers and supervisors, replaced by
// supervisors. A type without its own script answers the default one (`custom: false`).
import { type App, Problem, Type } from '@tingjian/kit'
import { upsert } from '@tingjian/store'
import type { CallbacksContext } from '../collections.ts'
import { type Script, scriptFor } from '../domain/scripts.ts'
import { Refusals } from '../errors.ts'
import { ServiceType } from '../schemas/common.ts'
import {
  ScriptBody,
  ScriptList,
  type ScriptView,
  ScriptView as ScriptViewSchema,
} from '../schemas/scripts.ts'

export const SCRIPT_READERS = ['callback_agent', 'supervisor'] as const
export const SCRIPT_EDITORS = ['supervisor'] as const

const Params = Type.Object({ serviceType: ServiceType }, { additionalProperties: false })

export function scriptView(script: Script, custom: boolean): ScriptView {
  return {
    serviceType: script.serviceType,
    custom,
    intro: script.intro,
    questions: script.questions.map((q) => ({ key: q.key, text: q.text, keypad: q.keypad })),
  }
}

/** Rules the schema cannot say: each key once; the amount paid only after the fee question. */
function checkScript(body: ScriptBody): string | null {
  const keys = body.questions.map((q) => q.key)
  if (new Set(keys).size !== keys.length) return 'Each question key may appear once'
  const amount = keys.indexOf('amountPaid')
  if (amount >= 0 && keys.indexOf('feeCorrect') > amount)
    return 'amountPaid follows feeCorrect (it is asked when the fee was not the posted one)'
  return null
}

export async function scriptRoutes(app: App, opts: { ctx: CallbacksContext }): Promise<void> {
  const { ctx } = opts

  app.get(
    '/scripts',
    {
      config: { access: SCRIPT_READERS },
      schema: {
        summary: 'The scripts of their own (the default one first)',
        response: { 200: ScriptList, 401: Problem, 403: Problem },
      },
    },
    async () => {
      const page = await ctx.scripts.find({}, { sort: [['_id', 1]], limit: 500 })
      return {
        items: [
          scriptView(scriptFor(null, 'default'), false),
          ...page.items.map((s) => scriptView(s.script, true)),
        ],
      }
    },
  )

  app.get(
    '/scripts/:serviceType',
    {
      config: { access: SCRIPT_READERS },
      schema: {
        summary: "A service type's script (the default one when it has none of its own)",
        params: Params,
        response: { 200: ScriptViewSchema, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const stored = await ctx.scripts.get(request.params.serviceType)
      return scriptView(scriptFor(stored?.script, request.params.serviceType), !!stored)
    },
  )

  app.put(
    '/scripts/:serviceType',
    {
      config: { access: SCRIPT_EDITORS },
      schema: {
        summary: "Replace a service type's script",
        params: Params,
        body: ScriptBody,
        response: { 200: ScriptViewSchema, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const problem = checkScript(request.body)
      if (problem) throw new Refusals.badScript(problem)
      const serviceType = request.params.serviceType
      const script: Script = {
        serviceType,
        intro: request.body.intro,
        questions: request.body.questions.map((q) => ({
          key: q.key,
          text: q.text,
          keypad: q.keypad ?? null,
        })),
      }
      const doc = { script, updatedBy: request.user.sub }
      await upsert(
        ctx.scripts,
        serviceType,
        () => doc,
        () => doc,
        { now: ctx.clock.now() },
      )
      request.log.info({ serviceType }, 'script replaced')
      return scriptView(script, true)
    },
  )
}
