// The automated callback line's webhooks (under /api/v1/callbacks/voice/auto/): the call answered (a
// machine: an attempt `machine`, hang up; a person: the consent line), the consent keys, each question's
// keys, and the call's status callbacks (a call never answered, or hung up before the end). Each webhook is
// verified against the provider's signature of exactly the URL it called (PUBLIC_BASE_URL + path and
// query) and its form parameters before anything is read or written — 403 and nothing changed otherwise —
// as the staff line's voice routes are. The state machine is ../domain/automated.ts; what the caller
// pressed so far travels in the signed URLs. An outcome is applied once per attempt with the task
// domain's applyAttempt (channel automated): completed → the same events as a staff completion; refused →
// unreachable; a machine, no input twice or a hang-up → an attempt recorded and the task goes to the staff.
// Logs carry the task and call ids, never a number or a key pressed.
import { type App, type Logger, Problem, Type } from '@tingjian/kit'
import { type Stored, withRetry } from '@tingjian/store'
import { type CallWebhook, publicUrl, type Script, TelephonyError, type Verb } from '@tingjian/telephony'
import type { FastifyRequest } from 'fastify'
import type { AttemptOutcome, CallbacksContext, TaskDoc } from '../collections.ts'
import type { Answers } from '../domain/answers.ts'
import {
  CONSENT_LINE,
  decodeProgress,
  encodeProgress,
  GATHER_SECONDS,
  type IvrStep,
  type KeypadQuestion,
  keypadQuestions,
  NO_INPUT_BYE,
  NOT_UNDERSTOOD,
  onAnswer,
  onConsent,
  onKeys,
  outcomeOfFinalStatus,
  REFUSED_BYE,
  THANKS,
} from '../domain/automated.ts'
import { loadPolicy } from '../domain/policy.ts'
import { type Script as SurveyScript, scriptFor } from '../domain/scripts.ts'
import { applyAttempt, isClosed } from '../domain/task.ts'
import { Refusals } from '../errors.ts'
import { TASK_ID } from '../schemas/common.ts'
import { webhookUrl, zh } from './voice.ts'

/** `by` of the calls and claims of the automated line. */
export const AUTOMATED = 'automated'
const AUTO = '/voice/auto'

const Form = Type.Record(Type.String(), Type.String({ maxLength: 4096 }))

export const AutoQuery = Type.Object(
  {
    task: Type.String({ pattern: TASK_ID, maxLength: 36 }),
    attempt: Type.Integer({ minimum: 1, maximum: 1000 }),
    /** The question index. */
    q: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
    /** The repetition of the prompt just read (0 the first time). */
    retry: Type.Optional(Type.Integer({ minimum: 0, maximum: 5 })),
    /** The keys taken so far, one entry per question (see domain/automated.ts). */
    a: Type.Optional(Type.String({ pattern: '^[0-9.]{0,200}$', maxLength: 200 })),
  },
  { additionalProperties: false },
)
export interface AutoQuery {
  task: string
  attempt: number
  q?: number
  retry?: number
  a?: string
}

/** The webhook URL of the automated line for a task's attempt (and its prompt's place). */
export function autoUrl(
  ctx: Pick<CallbacksContext, 'publicBaseUrl'>,
  step: 'answer' | 'consent' | 'question' | 'status',
  query: AutoQuery,
): string {
  const parts = [`task=${encodeURIComponent(query.task)}`, `attempt=${query.attempt}`]
  if (query.q !== undefined) parts.push(`q=${query.q}`)
  if (query.retry !== undefined) parts.push(`retry=${query.retry}`)
  if (query.a !== undefined) parts.push(`a=${query.a}`)
  return webhookUrl(ctx, `/auto/${step}?${parts.join('&')}`)
}

const hangup = (text?: string): Script => (text ? [zh(text), { verb: 'hangup' }] : [{ verb: 'hangup' }])

/**
 * The task the webhook is about, while this attempt of the automated line is still open: the task exists,
 * is not closed, is the line's (mode automated, not claimed by an officer) and has no attempt of this
 * number yet. Otherwise null (the webhook is late or redelivered: the call is ended, nothing changes).
 */
export async function liveTask(ctx: CallbacksContext, q: AutoQuery): Promise<Stored<TaskDoc> | null> {
  const task = await ctx.tasks.get(q.task)
  if (!task || isClosed(task) || task.mode !== 'automated' || task.status !== 'open') return null
  return task.attempts.length + 1 === q.attempt ? task : null
}

/**
 * Records the automated line's attempt `attempt` of a task once (a redelivery finds it recorded and
 * changes nothing), with its events in the same write; the claim's generation moves on, so that the next
 * claim (an officer's) is a new one. Returns whether it was recorded now.
 */
export async function recordAutomatedAttempt(
  ctx: CallbacksContext,
  log: Pick<Logger, 'info' | 'warn'>,
  taskId: string,
  attempt: number,
  outcome: AttemptOutcome,
  callId: string | null,
  answers: Answers | null = null,
): Promise<boolean> {
  return withRetry(async () => {
    const task = await ctx.tasks.get(taskId)
    if (!task || task.attempts.length + 1 !== attempt) return false
    const now = ctx.clock.now()
    const policy = await loadPolicy(ctx)
    const result = applyAttempt(
      task,
      { by: null, channel: 'automated', outcome, callId, answers },
      { taskId, policy, calendar: ctx.calendar, now },
    )
    if ('refused' in result) {
      log.warn({ taskId, callId, outcome, refusal: result.refused.code }, 'automated attempt not recorded')
      return false
    }
    const next = { ...result.task, generation: Math.max(result.task.generation, task.generation + 1) }
    await ctx.tasks.update(taskId, task.version, next, { events: result.events, now })
    log.info({ taskId, callId, outcome, status: next.status, mode: next.mode }, 'automated attempt recorded')
    return true
  })
}

async function questionsOf(
  ctx: CallbacksContext,
  serviceType: string,
): Promise<{
  script: SurveyScript
  questions: KeypadQuestion[]
}> {
  const stored = await ctx.scripts.get(serviceType)
  const script = scriptFor(stored?.script, serviceType)
  return { script, questions: keypadQuestions(script) }
}

/** A step of the line as a call script: a gather (then, when nothing is pressed, the same URL again). */
function render(
  ctx: CallbacksContext,
  q: AutoQuery,
  step: Extract<IvrStep, { kind: 'consent' | 'ask' }>,
  intro: string | null,
): Script {
  const again: Verb[] = step.retry > 0 ? [zh(NOT_UNDERSTOOD)] : []
  if (step.kind === 'consent') {
    const url = autoUrl(ctx, 'consent', { task: q.task, attempt: q.attempt, retry: step.retry })
    return [
      {
        verb: 'gather',
        action: url,
        numDigits: 1,
        timeoutSeconds: GATHER_SECONDS,
        prompt: [...again, ...(intro ? [zh(intro)] : []), zh(CONSENT_LINE)] as Array<
          Extract<Verb, { verb: 'say' }>
        >,
      },
      { verb: 'redirect', url },
    ]
  }
  const url = autoUrl(ctx, 'question', {
    task: q.task,
    attempt: q.attempt,
    q: step.q,
    retry: step.retry,
    a: encodeProgress(step.entries),
  })
  return [
    {
      verb: 'gather',
      action: url,
      ...(step.question.input === 'key' ? { numDigits: 1 } : {}),
      finishOnKey: '#',
      timeoutSeconds: GATHER_SECONDS,
      prompt: [...again, zh(step.question.prompt)] as Array<Extract<Verb, { verb: 'say' }>>,
    },
    { verb: 'redirect', url },
  ]
}

/** Registers a signed webhook of the line: verified first, parsed, answered with a call script. */
function autoWebhook(
  app: App,
  ctx: CallbacksContext,
  path: string,
  summary: string,
  handler: (w: CallWebhook, query: AutoQuery, request: FastifyRequest) => Promise<Script>,
): void {
  const voice = ctx.telephony.voice
  const verify = async (request: FastifyRequest) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const params: Record<string, string> = {}
    for (const [k, v] of Object.entries(body)) {
      if (typeof v !== 'string') throw new Refusals.badSignature()
      params[k] = v
    }
    const ok = voice.verify({
      url: publicUrl(ctx.publicBaseUrl, request.url),
      params,
      headers: request.headers,
    })
    if (!ok) {
      request.log.warn({ path: request.url.split('?')[0] }, 'webhook refused: bad signature')
      throw new Refusals.badSignature()
    }
  }
  app.post(
    `${AUTO}${path}`,
    {
      config: { access: 'public', rateLimit: { max: 3000, timeWindow: 60_000 } },
      preValidation: verify,
      schema: {
        tags: ['automated line'],
        summary,
        description: 'A signed webhook of the telephony provider; answers a call script.',
        body: Form,
        querystring: AutoQuery,
        response: { 200: Type.String(), 400: Problem, 403: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      let w: CallWebhook
      try {
        w = voice.parseCall(request.body as Record<string, string>)
      } catch (err) {
        if (err instanceof TelephonyError) throw new Refusals.badWebhookParams()
        throw err
      }
      const script = await handler(w, request.query as AutoQuery, request)
      return reply.type(voice.contentType).send(voice.render(script))
    },
  )
}

export interface AutomatedRoutesOptions {
  ctx: CallbacksContext
}

/** The automated line's webhooks; registered under /api/v1/callbacks. */
export async function automatedRoutes(app: App, opts: AutomatedRoutesOptions): Promise<void> {
  const { ctx } = opts

  /** Applies an ending step and answers its goodbye. */
  const finish = async (
    log: Pick<Logger, 'info' | 'warn'>,
    q: AutoQuery,
    w: CallWebhook,
    step: Extract<IvrStep, { kind: 'end' | 'complete' }>,
  ): Promise<Script> => {
    if (step.kind === 'complete') {
      await recordAutomatedAttempt(ctx, log, q.task, q.attempt, 'completed', w.callId, step.answers)
      return hangup(THANKS)
    }
    await recordAutomatedAttempt(ctx, log, q.task, q.attempt, step.outcome, w.callId)
    if (step.outcome === 'machine') return hangup()
    return hangup(step.outcome === 'refused' ? REFUSED_BYE : NO_INPUT_BYE)
  }

  autoWebhook(app, ctx, '/answer', 'The automated line: the call was answered', async (w, q, request) => {
    const task = await liveTask(ctx, q)
    if (!task) return hangup()
    const step = onAnswer(w.answeredBy)
    if (step.kind !== 'consent') return finish(request.log, q, w, step as Extract<IvrStep, { kind: 'end' }>)
    const { script } = await questionsOf(ctx, task.serviceType)
    return render(ctx, q, step, script.intro.zh)
  })

  autoWebhook(app, ctx, '/consent', 'The automated line: the consent keys', async (w, q, request) => {
    const task = await liveTask(ctx, q)
    if (!task) return hangup()
    const { questions } = await questionsOf(ctx, task.serviceType)
    const step = onConsent(questions, q.retry ?? 0, w.digits || undefined)
    if (step.kind === 'consent' || step.kind === 'ask') return render(ctx, q, step, null)
    return finish(request.log, q, w, step)
  })

  autoWebhook(app, ctx, '/question', "The automated line: a question's keys", async (w, q, request) => {
    const task = await liveTask(ctx, q)
    if (!task) return hangup()
    const { questions } = await questionsOf(ctx, task.serviceType)
    const at = q.q ?? 0
    const entries = decodeProgress(q.a, at)
    if (!entries) throw new Refusals.badWebhookParams()
    const step = onKeys(questions, at, q.retry ?? 0, entries, w.digits || undefined)
    if (step.kind === 'consent' || step.kind === 'ask') return render(ctx, q, step, null)
    return finish(request.log, q, w, step)
  })

  autoWebhook(
    app,
    ctx,
    '/status',
    'The automated line: status callbacks of its calls',
    async (w, q, request) => {
      const outcome = outcomeOfFinalStatus(w.status)
      if (!outcome) return []
      // a call that ended before any webhook recorded its attempt: never answered, or hung up mid-way
      if (await liveTask(ctx, q)) {
        await recordAutomatedAttempt(ctx, request.log, q.task, q.attempt, outcome, w.callId)
      }
      return []
    },
  )
}
