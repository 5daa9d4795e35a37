// Calls for staff: the list, the call card, logging a call (a case opened or added to, a referral, not a
// matter), hanging up, and the voicemail or recording streamed through the service (never a provider URL).
import { Readable } from 'node:stream'
import {
  type App,
  accessKeyHash,
  Errors,
  FieldErrors,
  type Logger,
  newAccessKey,
  newTrackingCode,
  Problem,
} from '@tingjian/kit'
import { type Filter, StoreNotFoundError } from '@tingjian/store'
import { TelephonyError } from '@tingjian/telephony'
import Type from 'typebox'
import { changeCall } from '../calls-store.ts'
import type { HotlineContext } from '../context.ts'
import { isRecordingExpired } from '../domain/call.ts'
import { callLoggedEvent, callLogOf, logCall, opensCase, prepareLog } from '../domain/call-log.ts'
import { Refusals } from '../errors.ts'
import { CallCard, CallList, CallListQuery, LogCallBody, LogReceipt } from '../schemas/calls.ts'
import { IdParam } from '../schemas/common.ts'
import { callCard, callSummary } from '../views.ts'
import { STAFF_HOTLINE } from './queue.ts'

const CallParams = IdParam('callId')
type CallParams = { callId: string }

// The access key is random (no idempotent derivation here: a second log of a call is refused), so the
// kit's function gets no secret.
const NO_SECRET = Buffer.alloc(0)

export async function callRoutes(app: App, opts: HotlineContext & { logger?: Logger }): Promise<void> {
  const load = async (callId: string) => {
    const call = await opts.calls.get(callId)
    if (!call) throw new Errors.NotFound()
    return call
  }

  app.get(
    '/calls',
    {
      config: { access: [...STAFF_HOTLINE] },
      schema: {
        summary: 'Calls, newest first',
        querystring: CallListQuery,
        response: { 200: CallList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const q = request.query
      const filter: Filter = {}
      if (q.status) filter.state = q.status
      if (q.direction) filter.direction = q.direction
      if (q.from || q.to)
        filter.receivedAt = {
          ...(q.from ? { $gte: new Date(q.from).toISOString() } : {}),
          ...(q.to ? { $lt: new Date(q.to).toISOString() } : {}),
        }
      const page = await opts.calls.find(filter, {
        sort: [['receivedAt', -1]],
        limit: q.limit ?? 50,
        cursor: q.cursor ?? null,
      })
      return { items: page.items.map(callSummary), nextCursor: page.nextCursor }
    },
  )

  app.get(
    '/calls/:callId',
    {
      config: { access: [...STAFF_HOTLINE] },
      schema: {
        summary: 'The call card',
        params: CallParams,
        response: { 200: CallCard, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) =>
      callCard(await load((request.params as CallParams).callId), request.user, opts.calls, opts.cipher),
  )

  app.post(
    '/calls/:callId/log',
    {
      config: { access: ['hotline_operator', 'dispatcher', 'admin'] },
      schema: {
        summary: 'Log the call (during or after it)',
        description:
          '`case`/`answered_on_spot` open a case in tracking: the tracking code and the access key are answered once (the caller also gets them by SMS). A second log → 409 TJ_CALL_ALREADY_LOGGED.',
        params: CallParams,
        body: LogCallBody,
        response: { 201: LogReceipt, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const { callId } = request.params as CallParams
      const prepared = prepareLog(request.body)
      if ('errors' in prepared) throw new FieldErrors(prepared.errors)
      const current = await load(callId)
      if (current.log) throw Refusals.alreadyLogged()
      const now = opts.clock.now()
      const opening = opensCase(prepared.log)
      const trackingCode = opening ? newTrackingCode() : null
      const accessKey = opening ? newAccessKey(NO_SECRET) : null
      const secrets = accessKey
        ? {
            accessKeyHash: accessKeyHash(accessKey),
            accessKeySealed: opts.cipher.encrypt(accessKey),
            nameSealed:
              prepared.log.name && !prepared.log.anonymous ? opts.cipher.encrypt(prepared.log.name) : null,
          }
        : null
      const log = callLogOf(prepared.log, request.user.sub, now, trackingCode)
      const r = await changeCall(
        opts.calls,
        callId,
        (c) => {
          const next = logCall(c, log)
          return next
            ? {
                call: next,
                events: [callLoggedEvent(next, prepared.log, log, secrets, { correlationId: request.id })],
              }
            : null
        },
        now,
      )
      if (!r.changed) throw Refusals.alreadyLogged()
      // the callback item this call answers records which call was logged for it
      const originalId = r.call.callbackFor ?? (r.call.callback ? r.call.callId : null)
      if (originalId)
        await changeCall(
          opts.calls,
          originalId,
          (c) =>
            c.callback && !c.callback.loggedCallId
              ? { ...c, callback: { ...c.callback, loggedCallId: callId } }
              : null,
          now,
        ).catch((err: unknown) => {
          if (!(err instanceof StoreNotFoundError)) throw err
        })
      request.log.info({ callId, outcome: log.outcome }, 'call logged')
      return reply.code(201).send({
        callId,
        outcome: log.outcome,
        ...(trackingCode ? { trackingCode } : log.trackingCode ? { trackingCode: log.trackingCode } : {}),
        ...(accessKey ? { accessKey } : {}),
      })
    },
  )

  app.post(
    '/calls/:callId/hangup',
    {
      config: { access: ['hotline_operator', 'admin'] },
      schema: {
        summary: "End the operator's live call",
        params: CallParams,
        response: { 204: Type.Null(), 401: Problem, 403: Problem, 404: Problem, 409: Problem, 503: Problem },
      },
    },
    async (request, reply) => {
      const call = await load((request.params as CallParams).callId)
      const isAdmin = request.user.roles.includes('admin')
      if (call.operatorId !== request.user.sub && !isAdmin) throw new Errors.Forbidden()
      if (call.state !== 'in-progress' && call.state !== 'connecting') throw Refusals.callNotLive()
      try {
        await opts.telephony.voice.hangupCall(call.providerCallId)
      } catch (err) {
        if (err instanceof TelephonyError && !err.transient) throw Refusals.callNotLive()
        throw Refusals.provider()
      }
      request.log.info({ callId: call.callId }, 'call hung up by the operator')
      return reply.code(204).send(null)
    },
  )

  for (const kind of ['voicemail', 'recording'] as const) {
    app.get(
      `/calls/:callId/${kind}`,
      {
        config: { access: [...STAFF_HOTLINE] },
        schema: {
          summary: kind === 'voicemail' ? "The caller's voicemail (audio)" : "The call's recording (audio)",
          description: `Streamed through the service; 404 when there is none or it is older than the retention period.`,
          params: CallParams,
          response: {
            200: Type.Unknown({ description: 'the audio (audio/*), streamed' }),
            401: Problem,
            403: Problem,
            404: Problem,
            503: Problem,
          },
        },
      },
      async (request, reply) => {
        const call = await load((request.params as CallParams).callId)
        const meta = call[kind]
        if (!meta || meta.deletedAt || isRecordingExpired(call, opts.clock.now(), opts.recordingDays))
          throw new Errors.NotFound()
        let audio: Awaited<ReturnType<typeof opts.telephony.voice.fetchRecording>>
        try {
          audio = await opts.telephony.voice.fetchRecording(meta.recordingId)
        } catch (err) {
          if (err instanceof TelephonyError && err.status === 404) throw new Errors.NotFound()
          throw Refusals.provider()
        }
        request.log.info({ callId: call.callId, kind }, 'recording played')
        reply.type(audio.contentType.startsWith('audio/') ? audio.contentType : 'application/octet-stream')
        if (audio.length !== undefined) reply.header('content-length', String(audio.length))
        return reply.send(Readable.from(audio.body))
      },
    )
  }
}
