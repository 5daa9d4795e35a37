// The queue: who waits (live, as server-sent events), and "answer next": the oldest waiting caller
// claimed atomically for one operator (a version-checked write: two operators never get the same call)
// and redirected by the provider to the script that dials the operator.
import { type App, Problem } from '@tingjian/kit'
import { modify } from '@tingjian/store'
import { changeCall, fieldsOf } from '../calls-store.ts'
import { type HotlineContext, webhookUrl } from '../context.ts'
import { type CallDoc, claimCall, requeue } from '../domain/call.ts'
import { QUEUE_SORT, queueOrder, queueView } from '../domain/queue.ts'
import { Refusals } from '../errors.ts'
import { AnsweredCall, QueueView } from '../schemas/queue.ts'
import { callCard } from '../views.ts'

export const STAFF_HOTLINE = ['hotline_operator', 'dispatcher', 'supervisor', 'admin'] as const
const HEARTBEAT_MS = 15_000
/** How often a stream looks again for changes made by another replica. */
const RESCAN_MS = 2_000

export async function queueRoutes(app: App, opts: HotlineContext): Promise<void> {
  const snapshot = async () => {
    const waiting = (await opts.calls.find({ state: 'queued' }, { sort: QUEUE_SORT, limit: 500 })).items
    return {
      waiting: queueView(waiting, opts.clock.now()),
      operatorsAvailable: await opts.operators.count({ available: true }),
    }
  }

  app.get(
    '/queue',
    {
      config: { access: [...STAFF_HOTLINE] },
      schema: {
        summary: 'The waiting callers, oldest first',
        response: { 200: QueueView, 401: Problem, 403: Problem },
      },
    },
    async () => snapshot(),
  )

  // Open streams, ended when the app closes (an open response would hold the shutdown up).
  const streams = new Set<() => void>()
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end()
  })

  app.get(
    '/queue/stream',
    {
      config: { access: [...STAFF_HOTLINE] },
      schema: {
        summary: 'The queue as server-sent events',
        description:
          'An event `queue` with the JSON of GET /queue whenever it changes, and a comment every 15 s. Bearer token as elsewhere (read with fetch and a stream reader).',
        response: { 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      reply.hijack()
      const res = reply.raw
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      let last = ''
      let busy = false
      let again = false
      const send = async () => {
        if (busy) {
          again = true
          return
        }
        busy = true
        try {
          do {
            again = false
            const view = await snapshot()
            // waitSeconds grows every second; a change is a change of who waits, in which order
            const key = JSON.stringify([view.waiting.map((w) => w.callId), view.operatorsAvailable])
            if (key !== last && !res.writableEnded) {
              last = key
              res.write(`event: queue\ndata: ${JSON.stringify(view)}\n\n`)
            }
          } while (again)
        } catch (err) {
          request.log.warn(
            { err: err instanceof Error ? err.message : String(err) },
            'queue stream update failed',
          )
        } finally {
          busy = false
        }
      }
      const unlisten = opts.feed.listen(() => void send())
      const rescan = setInterval(() => void send(), RESCAN_MS)
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS)
      const end = () => {
        unlisten()
        clearInterval(rescan)
        clearInterval(heartbeat)
        streams.delete(end)
        if (!res.writableEnded) res.end()
      }
      streams.add(end)
      request.raw.on('close', end)
      await send()
    },
  )

  app.post(
    '/queue/answer-next',
    {
      config: { access: ['hotline_operator', 'admin'] },
      schema: {
        summary: 'Answer the oldest waiting caller',
        description:
          '409 TJ_QUEUE_EMPTY when nobody waits; 409 TJ_OPERATOR_UNAVAILABLE without availability and endpoint.',
        response: { 200: AnsweredCall, 401: Problem, 403: Problem, 409: Problem, 503: Problem },
      },
    },
    async (request) => {
      const operatorId = request.user.sub
      const operator = await opts.operators.get(operatorId)
      if (!operator?.available || !operator.endpoint) throw Refusals.operatorUnavailable()
      const now = opts.clock.now()
      const candidates = queueOrder(
        (await opts.calls.find({ state: 'queued' }, { sort: QUEUE_SORT, limit: 20 })).items,
      )
      let claimed: CallDoc | null = null
      for (const candidate of candidates) {
        // the claim is a version-checked write: of two operators racing for this call one wins, the
        // other re-reads it, finds it claimed, and moves on to the next caller
        const r = await changeCall(opts.calls, candidate.callId, (c) => claimCall(c, operatorId), now)
        if (r.changed) {
          claimed = r.call
          break
        }
      }
      if (!claimed) throw Refusals.queueEmpty()
      const callId = claimed.callId
      const query = `call=${encodeURIComponent(callId)}&operator=${encodeURIComponent(operatorId)}`
      try {
        await opts.telephony.voice.redirectCall(claimed.providerCallId, webhookUrl(opts, `/connect?${query}`))
      } catch (err) {
        // the caller stays in the queue, at the front
        await changeCall(opts.calls, callId, (c) => requeue(c, operatorId), opts.clock.now())
        request.log.warn({ callId, err: err instanceof Error ? err.message : String(err) }, 'redirect failed')
        throw Refusals.provider()
      }
      await modify(opts.operators, operatorId, (op) => ({ ...fieldsOf(op), currentCallId: callId }))
      request.log.info({ callId, operatorId }, 'call answered')
      opts.feed.changed()
      const current = (await opts.calls.get(callId)) ?? claimed
      return { call: await callCard(current, request.user, opts.calls, opts.cipher) }
    },
  )
}
