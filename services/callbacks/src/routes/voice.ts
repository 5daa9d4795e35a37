// The provider's webhooks of a staff callback: the officer's phone answered (bridge: the script dials the
// citizen's number, taken from the sealed field, never from a URL), the citizen's leg ended (dial
// result, recorded on the task), and the status callbacks of the placed call. Each is verified against
// the provider's signature of exactly the URL it called (PUBLIC_BASE_URL + path and query) and its form
// parameters before anything is read or written: 403 and nothing changed otherwise. The helpers here
// (`webhookUrl`, `webhookRoute`) serve the automated line's webhooks too.
import { type App, Problem, Type, toE164 } from '@tingjian/kit'
import { modify } from '@tingjian/store'
import { type CallWebhook, publicUrl, type Script, TelephonyError, type Verb } from '@tingjian/telephony'
import type { FastifyRequest } from 'fastify'
import type { CallbacksContext } from '../collections.ts'
import { dialResultRecorded, openField } from '../domain/task.ts'
import { Refusals } from '../errors.ts'
import { TASK_ID } from '../schemas/common.ts'

export const VOICE_PREFIX = '/api/v1/callbacks/voice'

/** The absolute URL of one of the service's webhooks (the provider calls it, signed). */
export const webhookUrl = (ctx: Pick<CallbacksContext, 'publicBaseUrl'>, path: string) =>
  publicUrl(ctx.publicBaseUrl, `${VOICE_PREFIX}${path}`)

export const zh = (text: string): Verb => ({ verb: 'say', text, language: 'zh-CN' })
export const goodbye = (text = '感谢您的配合，再见。'): Script => [zh(text), { verb: 'hangup' }]

const Form = Type.Record(Type.String(), Type.String({ maxLength: 4096 }))

/** The query of every voice webhook: which task, which attempt, which prompt. */
export const WebhookQuery = Type.Object(
  {
    task: Type.Optional(Type.String({ pattern: TASK_ID, maxLength: 36 })),
    attempt: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    /** The automated line's question index and repetition. */
    q: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
    retry: Type.Optional(Type.Integer({ minimum: 0, maximum: 5 })),
  },
  { additionalProperties: false },
)
export interface WebhookQuery {
  task?: string
  attempt?: number
  q?: number
  retry?: number
}

/**
 * Registers a signed webhook: verified before the body is validated or anything read (403 otherwise),
 * parsed in the platform's terms, answered with the handler's script in the provider's format.
 */
export function webhookRoute(
  app: App,
  ctx: CallbacksContext,
  path: string,
  summary: string,
  handler: (w: CallWebhook, query: WebhookQuery, request: FastifyRequest) => Promise<Script>,
): void {
  const voice = ctx.telephony.voice
  const verify = async (request: FastifyRequest) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const params: Record<string, string> = {}
    for (const [k, v] of Object.entries(body)) {
      if (typeof v !== 'string') throw Refusals.badSignature()
      params[k] = v
    }
    const ok = voice.verify({
      url: publicUrl(ctx.publicBaseUrl, request.url),
      params,
      headers: request.headers,
    })
    if (!ok) {
      request.log.warn({ path: request.url.split('?')[0] }, 'webhook refused: bad signature')
      throw Refusals.badSignature()
    }
  }
  app.post(
    path,
    {
      config: { access: 'public', rateLimit: { max: 3000, timeWindow: 60_000 } },
      preValidation: verify,
      schema: {
        summary,
        description: 'A signed webhook of the telephony provider; answers a call script.',
        body: Form,
        querystring: WebhookQuery,
        response: { 200: Type.String(), 400: Problem, 403: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      let w: CallWebhook
      try {
        w = voice.parseCall(request.body as Record<string, string>)
      } catch (err) {
        if (err instanceof TelephonyError) throw Refusals.badWebhookParams()
        throw err
      }
      const script = await handler(w, request.query as WebhookQuery, request)
      return reply.type(voice.contentType).send(voice.render(script))
    },
  )
}

export async function voiceRoutes(app: App, opts: { ctx: CallbacksContext }): Promise<void> {
  const { ctx } = opts

  webhookRoute(
    app,
    ctx,
    '/bridge',
    'A staff callback: the officer answered; the script dials the citizen',
    async (w, q, request) => {
      const task = q.task ? await ctx.tasks.get(q.task) : null
      // only a task still held by the officer who placed the call is dialled
      if (task?.status !== 'claimed' || !task.claim) return goodbye('该回访任务已不可拨打。')
      const placed = task.calls.find((c) => c.callId === w.callId)
      if (placed && placed.by !== task.claim.by) return goodbye('该回访任务已由其他回访员处理。')
      request.log.info({ taskId: task._id, callId: w.callId }, 'callback bridged to the citizen')
      const number = toE164(openField(task.phone, ctx.cipher))
      if (!number) return goodbye('无法拨打回访对象的号码。')
      const query = `task=${encodeURIComponent(task._id)}&attempt=${q.attempt ?? task.attempts.length + 1}`
      return [
        zh('正在为您接通回访对象，请稍候。'),
        {
          verb: 'dial',
          // the number from the sealed field: never in a URL, never shown to the officer
          target: { kind: 'number', number },
          callerId: ctx.lineNumber,
          timeoutSeconds: ctx.settings.ringSeconds,
          action: webhookUrl(ctx, `/dial-result?${query}`),
        },
      ]
    },
  )

  webhookRoute(app, ctx, '/dial-result', "A staff callback's citizen leg ended", async (w, q) => {
    if (q.task) {
      const status = w.dialStatus ?? 'failed'
      const task = await ctx.tasks.get(q.task)
      if (task?.calls.some((c) => c.callId === w.callId))
        await modify(ctx.tasks, q.task, (t) => dialResultRecorded(t, w.callId, status), {
          now: ctx.clock.now(),
        })
    }
    return goodbye('通话已结束，请在回访页面记录结果。')
  })

  webhookRoute(app, ctx, '/status', 'Status callbacks of a staff callback call', async (w, q, request) => {
    request.log.debug({ taskId: q.task ?? null, callId: w.callId, status: w.status }, 'callback call status')
    return []
  })
}
