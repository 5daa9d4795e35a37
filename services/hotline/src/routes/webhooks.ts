// The provider's voice webhooks. Each is verified against the provider's signature of exactly the URL it
// called (PUBLIC_BASE_URL + path and query) and its form parameters BEFORE anything is read or written: a
// missing or wrong signature, or a replay with a changed parameter, gets 403 and changes nothing. They
// answer call scripts in the provider's format; a repeated webhook has its effect once (the call's state
// machine ignores what it has seen).
import { type App, Problem, Type } from '@tingjian/kit'
import { type CallWebhook, publicUrl, type Script, TelephonyError, type Verb } from '@tingjian/telephony'
import type { FastifyRequest } from 'fastify'
import { changeCall, createCall, fieldsOf, type Operators } from '../calls-store.ts'
import { type HotlineContext, isAfterHours, missedItem, webhookUrl } from '../context.ts'
import {
  applyStatus,
  type CallDoc,
  callIdOf,
  dialEnded,
  leftQueue,
  newInboundCall,
  newOutboundCall,
  operatorAnswered,
  recordingReported,
  voicemailLeft,
} from '../domain/call.ts'
import { callerFields, openField } from '../domain/phone.ts'
import { positionAnnouncement, positionOf } from '../domain/queue.ts'
import { Refusals } from '../errors.ts'

export interface WebhookRoutesOptions extends HotlineContext {
  /** Webhooks per minute per client address. */
  rateLimitPerMinute: number
}

export const QUEUE_NAME = 'hotline'
export const GREETING = '您好，这里是投诉举报热线。为保证服务质量，您的通话将被录音。紧急情况请挂机拨打110。'
const AFTER_HOURS =
  '现在是非工作时间。请在提示音后留言，说明您反映的问题，我们将在工作时间尽快给您回电。留言完毕请按井号键或挂机。'
const zh = (text: string): Verb => ({ verb: 'say', text, language: 'zh-CN' })

const Form = Type.Record(Type.String(), Type.String({ maxLength: 4096 }))
const CallQuery = Type.Object(
  {
    call: Type.Optional(Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
    operator: Type.Optional(Type.String({ maxLength: 128 })),
    callback: Type.Optional(Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
    attempt: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    kind: Type.Optional(Type.Enum(['voicemail', 'recording'])),
  },
  { additionalProperties: false },
)

type Query = {
  call?: string
  operator?: string
  callback?: string
  attempt?: number
  kind?: 'voicemail' | 'recording'
}

export async function webhookRoutes(app: App, opts: WebhookRoutesOptions): Promise<void> {
  const ctx = opts
  const voice = ctx.telephony.voice

  /** The signature check, before the body is validated or anything read: 403 and nothing changed. */
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

  const parse = (body: Record<string, string>): CallWebhook => {
    try {
      return voice.parseCall(body)
    } catch (err) {
      if (err instanceof TelephonyError) throw Refusals.badWebhook()
      throw err
    }
  }

  const route = (
    path: string,
    summary: string,
    handler: (w: CallWebhook, query: Query, request: FastifyRequest) => Promise<Script>,
  ) =>
    app.post(
      path,
      {
        config: { access: 'public', rateLimit: { max: opts.rateLimitPerMinute, timeWindow: 60_000 } },
        preValidation: verify,
        schema: {
          summary,
          description: 'A signed webhook of the telephony provider; answers a call script (text/xml).',
          body: Form,
          querystring: CallQuery,
          response: { 200: Type.String(), 400: Problem, 403: Problem, 404: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        const w = parse(request.body as Record<string, string>)
        const script = await handler(w, request.query as Query, request)
        return reply.type(voice.contentType).send(voice.render(script))
      },
    )

  const queueScript = (): Script => [
    {
      verb: 'enqueue',
      queue: QUEUE_NAME,
      waitUrl: webhookUrl(ctx, '/wait'),
      action: webhookUrl(ctx, '/queue-result'),
    },
  ]
  const voicemailScript = (): Script => [
    zh(AFTER_HOURS),
    {
      verb: 'record',
      maxLengthSeconds: 120,
      playBeep: true,
      finishOnKey: '#',
      action: webhookUrl(ctx, '/voicemail'),
      recordingStatusUrl: webhookUrl(ctx, '/recording-status?kind=voicemail'),
    },
    zh('我们没有收到您的留言。再见。'),
    { verb: 'hangup' },
  ]
  const goodbye = (text = '感谢您的来电，再见。'): Script => [zh(text), { verb: 'hangup' }]

  /** The waiting callers, for positions (a few hundred at most). */
  const waiting = async () => (await ctx.calls.find({ state: 'queued' }, { limit: 500 })).items

  const endOperatorCall = async (operators: Operators, call: CallDoc) => {
    if (call.state !== 'ended' || !call.operatorId) return
    const op = await operators.get(call.operatorId)
    if (op?.currentCallId === call.callId)
      await operators
        .update(op._id, op.version, { ...fieldsOf(op), currentCallId: null })
        .catch(() => undefined) // another write got there first; the next call replaces it anyway
  }

  route(
    '/incoming',
    'A new inbound call: greeted, then queued (or a voicemail out of hours)',
    async (w, _q, request) => {
      const now = ctx.clock.now()
      const fresh = newInboundCall(w, callerFields(w.from, ctx.cipher), isAfterHours(ctx, now), now)
      const { call, created } = await createCall(ctx.calls, fresh, now)
      if (created) {
        request.log.info({ callId: call.callId, afterHours: call.afterHours }, 'call received')
        ctx.feed.changed()
      }
      if (call.state === 'voicemail') return [zh(GREETING), ...voicemailScript()]
      if (call.state === 'queued') return [zh(GREETING), ...queueScript()]
      return goodbye()
    },
  )

  route('/wait', 'Played while the caller waits: the position in the queue', async (w) => {
    const position = positionOf(callIdOf(w.callId), await waiting())
    return [zh(positionAnnouncement(position)), { verb: 'pause', seconds: 10 }]
  })

  route(
    '/queue-result',
    'The caller left the queue (hung up: abandoned → callback list)',
    async (w, _q, request) => {
      const callId = callIdOf(w.callId)
      if (!(await ctx.calls.get(callId))) return goodbye()
      const now = ctx.clock.now()
      const r = await changeCall(
        ctx.calls,
        callId,
        (c) => leftQueue(c, w.queueResult, now, missedItem(ctx, c, now)),
        now,
      )
      if (r.changed) {
        request.log.info({ callId, reason: r.call.endReason }, 'call left the queue')
        ctx.feed.changed()
      }
      if (w.queueResult === 'hangup' || w.queueResult === 'bridged' || w.queueResult === 'redirected')
        return []
      // the provider dropped the caller from the queue (full, an error): a message instead of nothing
      const v = await changeCall(
        ctx.calls,
        callId,
        (c) => (c.state === 'queued' ? { ...c, state: 'voicemail' } : null),
        now,
      )
      if (v.changed) ctx.feed.changed()
      return v.call.state === 'voicemail' ? voicemailScript() : goodbye()
    },
  )

  route('/connect', "Bridges a claimed caller to the operator's endpoint", async (_w, q) => {
    const call = q.call ? await ctx.calls.get(q.call) : null
    if (!call || call.state === 'ended') return goodbye()
    const op = q.operator ? await ctx.operators.get(q.operator) : null
    if (call.state !== 'connecting' || call.operatorId !== q.operator || !op?.endpoint) return queueScript()
    const endpoint = op.endpoint
    const query = `call=${encodeURIComponent(call.callId)}&operator=${encodeURIComponent(op.userId)}`
    // The operator's leg tells /operator-status when it is picked up: the call card shows the talk, and
    // the answer time (the dashboard's "answered within 15 s") is the pickup. Only that moment is asked
    // for; how the dial ended comes to /dial-result.
    const legStatus = {
      statusUrl: webhookUrl(ctx, `/operator-status?${query}`),
      statusEvents: ['answered' as const],
    }
    return [
      zh('正在为您接通坐席，请稍候。'),
      {
        verb: 'dial',
        target: endpoint.startsWith('client:')
          ? { kind: 'client', identity: endpoint.slice('client:'.length), ...legStatus }
          : { kind: 'number', number: endpoint, ...legStatus },
        timeoutSeconds: 20,
        action: webhookUrl(ctx, `/dial-result?${query}`),
        ...(ctx.recordCalls
          ? { record: true, recordingStatusUrl: webhookUrl(ctx, `/recording-status?kind=recording&${query}`) }
          : {}),
      },
    ]
  })

  route(
    '/operator-status',
    "Status callbacks of the operator's leg: picked up → the call is in progress, answered now",
    async (w, q, request) => {
      // the leg of this call's dial (its parent is the caller's call), answered: anything else is ignored
      if (!q.call || !q.operator || w.status !== 'in-progress') return []
      if (!w.parentCallId || callIdOf(w.parentCallId) !== q.call) return []
      if (!(await ctx.calls.get(q.call))) return []
      const operatorId = q.operator
      const now = ctx.clock.now()
      const r = await changeCall(ctx.calls, q.call, (c) => operatorAnswered(c, now, operatorId), now)
      if (r.changed) {
        request.log.info({ callId: q.call, operatorId }, 'operator picked up')
        ctx.feed.changed()
      }
      return []
    },
  )

  route(
    '/dial-result',
    "The operator's leg ended: the call is over, or the caller goes back to the front",
    async (w, q, request) => {
      if (!q.call || !q.operator) return goodbye()
      const operatorId = q.operator
      if (!(await ctx.calls.get(q.call))) return goodbye()
      const now = ctx.clock.now()
      let answered = false
      const r = await changeCall(
        ctx.calls,
        q.call,
        (c) => {
          const d = dialEnded(
            c,
            operatorId,
            { status: w.dialStatus, durationSeconds: w.dialDurationSeconds },
            now,
            missedItem(ctx, c, now),
          )
          answered = d.answered
          return d.change
        },
        now,
      )
      if (r.changed) ctx.feed.changed()
      await endOperatorCall(ctx.operators, r.call)
      if (answered) return r.call.state === 'ended' ? goodbye() : []
      // the operator did not answer: not available until they say so again (no caller rings them twice)
      const op = await ctx.operators.get(operatorId)
      if (op?.available)
        await ctx.operators
          .update(op._id, op.version, {
            ...fieldsOf(op),
            available: false,
            currentCallId: null,
            since: now.toISOString(),
          })
          .catch(() => undefined)
      request.log.info(
        { callId: q.call, dialStatus: w.dialStatus },
        'operator did not answer; caller back at the front',
      )
      ctx.feed.changed()
      return r.call.state === 'queued' ? [zh('坐席暂时无法接听，请继续等候。'), ...queueScript()] : goodbye()
    },
  )

  route('/status', 'Status callbacks of every call: idempotent, never backwards', async (w, _q, request) => {
    const now = ctx.clock.now()
    if (w.parentCallId) {
      // a leg the hotline dialled: its answer is the operator (or the citizen) picking up
      const parentId = callIdOf(w.parentCallId)
      if (w.status === 'in-progress' && (await ctx.calls.get(parentId))) {
        const r = await changeCall(ctx.calls, parentId, (c) => operatorAnswered(c, now), now)
        if (r.changed) ctx.feed.changed()
      }
      return []
    }
    const callId = callIdOf(w.callId)
    if (!(await ctx.calls.get(callId))) {
      // an outbound call whose status overtook the route that placed it; an unknown inbound one is ignored
      if (w.direction !== 'outbound') return []
      await createCall(
        ctx.calls,
        newOutboundCall(w.callId, callerFields('', ctx.cipher), null, null, now),
        now,
      )
    }
    const r = await changeCall(
      ctx.calls,
      callId,
      (c) => applyStatus(c, w.status, now, missedItem(ctx, c, now)),
      now,
    )
    if (r.changed) {
      if (r.call.state === 'ended' && r.events.length)
        request.log.info({ callId, reason: r.call.endReason }, 'call ended')
      ctx.feed.changed()
      await endOperatorCall(ctx.operators, r.call)
    }
    return []
  })

  route('/voicemail', 'A voicemail was left: the call goes to the callback list', async (w, _q, request) => {
    const callId = callIdOf(w.callId)
    if (!(await ctx.calls.get(callId))) return goodbye()
    const now = ctx.clock.now()
    const recording = w.recording
    if (!recording || recording.durationSeconds === 0) return goodbye('我们没有收到您的留言。再见。')
    const r = await changeCall(
      ctx.calls,
      callId,
      (c) => voicemailLeft(c, recording, now, missedItem(ctx, c, now)),
      now,
    )
    if (r.changed) request.log.info({ callId, durationSeconds: recording.durationSeconds }, 'voicemail left')
    return goodbye('留言已收到，我们将在工作时间尽快给您回电。再见。')
  })

  route(
    '/recording-status',
    "A recording's status: metadata of the voicemail or the call's recording",
    async (w, q) => {
      const recording = w.recording
      const callId = q.call ?? callIdOf(w.callId)
      if (!recording || !(await ctx.calls.get(callId))) return []
      await changeCall(
        ctx.calls,
        callId,
        (c) => recordingReported(c, q.kind ?? 'voicemail', recording),
        ctx.clock.now(),
      )
      return []
    },
  )

  route(
    '/callback-bridge',
    'A callback: the operator answered; the script dials the citizen',
    async (w, q) => {
      const original = q.callback
        ? (await ctx.calls.find({ 'callback.callbackId': q.callback }, { limit: 1 })).items[0]
        : undefined
      if (!original?.caller.sealed || !original.callback) return goodbye('无法回拨：找不到来电号码。')
      const now = ctx.clock.now()
      // the callback's own call (the route that placed it may not have stored it yet)
      const outbound = newOutboundCall(
        w.callId,
        original.caller,
        original.callId,
        original.callback.claimedBy,
        now,
      )
      const { call } = await createCall(ctx.calls, outbound, now)
      if (call.callbackFor !== original.callId)
        await changeCall(
          ctx.calls,
          call.callId,
          (c) => ({ ...c, callbackFor: original.callId, caller: original.caller }),
          now,
        )
      const query = `callback=${encodeURIComponent(original.callback.callbackId)}&attempt=${q.attempt ?? 1}`
      return [
        zh('正在为您回拨来电人，请稍候。'),
        {
          verb: 'dial',
          // the number from the sealed field: never in a URL
          target: { kind: 'number', number: openField(original.caller.sealed, ctx.cipher) },
          callerId: ctx.lineNumber,
          timeoutSeconds: 30,
          action: webhookUrl(ctx, `/callback-dial-result?${query}`),
        },
      ]
    },
  )

  route('/callback-dial-result', "A callback's citizen leg ended", async (w) => {
    const callId = callIdOf(w.callId)
    if (await ctx.calls.get(callId)) {
      const outcome = w.dialStatus ?? 'failed'
      await changeCall(
        ctx.calls,
        callId,
        (c) => (c.dialOutcome === outcome ? null : { ...c, dialOutcome: outcome }),
        ctx.clock.now(),
      )
    }
    return goodbye('通话已结束。')
  })
}
