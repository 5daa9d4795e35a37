// The callback list: missed calls to call back, claimed by an operator, called through the provider
// (the operator's phone rings first, then the citizen's), each attempt recorded.
import { type App, Errors, Problem } from '@tingjian/kit'
import type { Filter, Stored } from '@tingjian/store'
import { changeCall, createCall } from '../calls-store.ts'
import { type HotlineContext, webhookUrl } from '../context.ts'
import { type CallDoc, callIdOf, newOutboundCall, outboundKnown } from '../domain/call.ts'
import {
  type CallbackItem,
  type CallbackResult,
  callbackAttemptedEvent,
  claimCallback,
  recordAttempt,
  releaseCallback,
} from '../domain/callback.ts'
import { Refusals } from '../errors.ts'
import {
  AttemptBody,
  CallbackItemView,
  CallbackList,
  CallbackListQuery,
  PlacedCall,
} from '../schemas/callbacks.ts'
import { IdParam } from '../schemas/common.ts'
import { callbackView } from '../views.ts'
import { STAFF_HOTLINE } from './queue.ts'

const Params = IdParam('callbackId')
type Params = { callbackId: string }
const ACT = ['hotline_operator', 'admin'] as const

export async function callbackRoutes(app: App, opts: HotlineContext): Promise<void> {
  const load = async (callbackId: string): Promise<Stored<CallDoc>> => {
    const call = (await opts.calls.find({ 'callback.callbackId': callbackId }, { limit: 1 })).items[0]
    if (!call?.callback) throw new Errors.NotFound()
    return call
  }
  const refuse = (r: CallbackResult): CallbackItem => {
    if ('item' in r) return r.item
    throw r.refused === 'closed' ? Refusals.callbackClosed() : Refusals.callbackClaimed()
  }

  /** Applies a change to the item inside its call (one write, with the events it makes). */
  const changeItem = async (
    callbackId: string,
    change: (item: CallbackItem) => CallbackResult,
    withEvent = false,
  ) => {
    const call = await load(callbackId)
    const now = opts.clock.now()
    const r = await changeCall(
      opts.calls,
      call.callId,
      (c) => {
        if (!c.callback) throw new Errors.NotFound()
        const item = refuse(change(c.callback))
        if (item === c.callback) return null
        const next = { ...c, callback: item }
        return { call: next, events: withEvent ? [callbackAttemptedEvent(next, item)] : [] }
      },
      now,
    )
    return r.call
  }

  app.get(
    '/callbacks',
    {
      config: { access: [...STAFF_HOTLINE] },
      schema: {
        summary: 'The callback list, soonest due first',
        querystring: CallbackListQuery,
        response: { 200: CallbackList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const q = request.query
      const filter: Filter = q.status
        ? { 'callback.status': q.status }
        : { 'callback.status': { $exists: true } }
      const page = await opts.calls.find(filter, {
        sort: [['callback.dueAt', 1]],
        limit: q.limit ?? 50,
        cursor: q.cursor ?? null,
      })
      const now = opts.clock.now()
      return {
        items: page.items.map((c) => callbackView(c, request.user, opts.cipher, now)),
        nextCursor: page.nextCursor,
      }
    },
  )

  const itemRoute = (
    path: string,
    summary: string,
    change: (item: CallbackItem, userId: string, isAdmin: boolean) => CallbackResult,
  ) =>
    app.post(
      `/callbacks/:callbackId/${path}`,
      {
        config: { access: [...ACT] },
        schema: {
          summary,
          params: Params,
          response: { 200: CallbackItemView, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request) => {
        const { callbackId } = request.params as Params
        const call = await changeItem(callbackId, (item) =>
          change(item, request.user.sub, request.user.roles.includes('admin')),
        )
        return callbackView(call, request.user, opts.cipher, opts.clock.now())
      },
    )
  itemRoute('claim', 'Claim the item (409 when another operator holds it)', (item, userId) =>
    claimCallback(item, userId),
  )
  itemRoute('release', 'Give the claim back', (item, userId, isAdmin) =>
    releaseCallback(item, userId, isAdmin),
  )

  app.post(
    '/callbacks/:callbackId/call',
    {
      config: { access: [...ACT] },
      schema: {
        summary: "Call the citizen back: the operator's endpoint rings, then the citizen's number",
        params: Params,
        response: { 202: PlacedCall, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 503: Problem },
      },
    },
    async (request, reply) => {
      const { callbackId } = request.params as Params
      const userId = request.user.sub
      const operator = await opts.operators.get(userId)
      if (!operator?.endpoint) throw Refusals.operatorUnavailable()
      const original = await load(callbackId)
      if (!original.caller.sealed) throw Refusals.noNumber()
      const claimed = await changeItem(callbackId, (item) => claimCallback(item, userId))
      const attempt = (claimed.callback?.attempts.length ?? 0) + 1
      let placed: { callId: string }
      try {
        placed = await opts.telephony.voice.placeCall({
          to: operator.endpoint,
          from: opts.lineNumber,
          answerUrl: webhookUrl(
            opts,
            `/callback-bridge?callback=${encodeURIComponent(callbackId)}&attempt=${attempt}`,
          ),
          statusUrl: webhookUrl(opts, '/status'),
          timeoutSeconds: 30,
        })
      } catch (err) {
        request.log.warn(
          { callbackId, err: err instanceof Error ? err.message : String(err) },
          'callback not placed',
        )
        throw Refusals.provider()
      }
      const now = opts.clock.now()
      const { call, created } = await createCall(
        opts.calls,
        newOutboundCall(placed.callId, original.caller, original.callId, userId, now),
        now,
      )
      if (!created)
        await changeCall(
          opts.calls,
          call.callId,
          (c) => outboundKnown(c, original.callId, userId, original.caller),
          now,
        )
      request.log.info({ callbackId, callId: callIdOf(placed.callId) }, 'callback placed')
      return reply.code(202).send({ callId: call.callId })
    },
  )

  app.post(
    '/callbacks/:callbackId/attempts',
    {
      config: { access: [...ACT] },
      schema: {
        summary: 'Record an attempt (answered → done; three failures on different half-days → unreachable)',
        params: Params,
        body: AttemptBody,
        response: {
          201: CallbackItemView,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request, reply) => {
      const { callbackId } = request.params as Params
      const userId = request.user.sub
      const { outcome, callId } = request.body
      const call = await changeItem(
        callbackId,
        (item) =>
          recordAttempt(item, { outcome, operatorId: userId, callId: callId ?? null }, opts.clock.now()),
        true,
      )
      request.log.info({ callbackId, outcome, status: call.callback?.status }, 'callback attempt')
      return reply.code(201).send(callbackView(call, request.user, opts.cipher, opts.clock.now()))
    },
  )
}
