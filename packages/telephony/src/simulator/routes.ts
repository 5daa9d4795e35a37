// The simulator's HTTP face. The test phone (admins): dial the line, read what it says, press digits, leave
// a voicemail, hang up, answer or decline a call ringing at a watched number, program how a phone takes
// the calls placed to it (a person pressing keys, an answering machine, no answer, busy), read its SMS. And the
// provider's SMS endpoint that `createSimulatorSmsClient` posts to from another process.
import { createHash, timingSafeEqual } from 'node:crypto'
import { type App, FieldErrors, Problem, problem, sendProblem } from '@tingjian/kit'
import Type from 'typebox'
import { TelephonyError } from '../port.ts'
import {
  CallParams,
  DialBody,
  DialReceipt,
  DigitsBody,
  MAX_AUDIO_BYTES,
  PhoneBehaviourSchema,
  PhoneParams,
  PhoneView,
  ProviderMessage,
  ProviderReceipt,
  RejectQuery,
  SimulatedCallSchema,
  VoicemailBody,
} from './schemas.ts'
import type { SimulatedCall, TelephonySimulator } from './simulator.ts'

export interface SimulatorRoutesOptions {
  simulator: TelephonySimulator
  /** The bearer token of `POST /provider/messages` (the SMS client in another process holds it). */
  token: string
}

const tags = ['simulator']
const admin = ['admin'] as const
/** A voicemail body: base64 of 2 MB and the JSON around it. */
const VOICEMAIL_BODY_LIMIT = 3 * 1024 * 1024

const digest = (s: string) => createHash('sha256').update(s).digest()

/**
 * A TelephonyError of the simulator as the kit's coded error (problem+json): an unknown call 404, a call in
 * the wrong state 409, anything else the simulator refuses 400 with the provider's code.
 */
function httpError(err: unknown): unknown {
  if (!(err instanceof TelephonyError)) return err
  const status = err.status === 404 || err.status === 409 || err.status === 503 ? err.status : 400
  const code =
    status === 404
      ? 'TJ_NOT_FOUND'
      : status === 409
        ? 'TJ_INVALID_STATE'
        : status === 503
          ? 'TJ_UNAVAILABLE'
          : `TELEPHONY_${err.code}`
  return Object.assign(new Error(err.message), { statusCode: status, code })
}

/** Runs a simulator operation, its refusal answered as problem+json. */
async function attempt<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation()
  } catch (err) {
    throw httpError(err)
  }
}

export async function simulatorRoutes(app: App, opts: SimulatorRoutesOptions): Promise<void> {
  const sim = opts.simulator
  const expected = digest(`Bearer ${opts.token}`)
  const callProblems = { 400: Problem, 404: Problem, 409: Problem }

  app.post(
    '/calls',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Dial the line from a test phone',
        description:
          'Answers once the first script has brought the call to a wait (queue, recording, …) or its end.',
        body: DialBody,
        response: { 201: DialReceipt, 400: Problem },
      },
    },
    async (request, reply) => {
      const callId = await attempt(() => sim.dial(request.body.from))
      return reply.code(201).send({ callId })
    },
  )

  app.get(
    '/calls/:callId',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'A simulated call and its transcript',
        params: CallParams,
        response: { 200: SimulatedCallSchema, ...callProblems },
      },
    },
    async (request) => {
      const call = sim.call(request.params.callId)
      if (!call) throw httpError(new TelephonyError('not_found', 'The call was not found', false, 404))
      return call
    },
  )

  /** An action of the test phone on a call; answers the call as it is afterwards. */
  const act = async (callId: string, operation: () => Promise<void>): Promise<SimulatedCall> => {
    await attempt(operation)
    const call = sim.call(callId)
    if (!call) throw httpError(new TelephonyError('not_found', 'The call was not found', false, 404))
    return call
  }

  app.post(
    '/calls/:callId/digits',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Press keys',
        params: CallParams,
        body: DigitsBody,
        response: { 200: SimulatedCallSchema, ...callProblems },
      },
    },
    async (request) =>
      act(request.params.callId, () => sim.press(request.params.callId, request.body.digits)),
  )

  app.post(
    '/calls/:callId/voicemail',
    {
      bodyLimit: VOICEMAIL_BODY_LIMIT,
      config: { access: admin },
      schema: {
        tags,
        summary: 'Leave a voicemail while the line records: typed text or uploaded audio (at most 2 MB)',
        params: CallParams,
        body: VoicemailBody,
        response: { 200: SimulatedCallSchema, ...callProblems, 413: Problem },
      },
    },
    async (request) => {
      const body = request.body
      const callId = request.params.callId
      if ('text' in body) return act(callId, () => sim.leaveVoicemail(callId, { text: body.text }))
      const audio = Buffer.from(body.audioBase64, 'base64')
      if (audio.byteLength > MAX_AUDIO_BYTES) {
        throw new FieldErrors([{ path: 'body/audioBase64', message: 'is larger than 2 MB' }])
      }
      return act(callId, () =>
        sim.leaveVoicemail(callId, {
          audio: new Uint8Array(audio),
          contentType: body.contentType,
        }),
      )
    },
  )

  app.post(
    '/calls/:callId/hangup',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Hang up',
        params: CallParams,
        response: { 200: SimulatedCallSchema, ...callProblems },
      },
    },
    async (request) => act(request.params.callId, () => sim.hangup(request.params.callId)),
  )

  app.post(
    '/calls/:callId/answer',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Answer a call ringing at a watched number',
        params: CallParams,
        response: { 200: SimulatedCallSchema, ...callProblems },
      },
    },
    async (request) => act(request.params.callId, () => sim.answer(request.params.callId)),
  )

  app.post(
    '/calls/:callId/reject',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Decline a call ringing at a watched number (busy, or no answer)',
        params: CallParams,
        querystring: RejectQuery,
        response: { 200: SimulatedCallSchema, ...callProblems },
      },
    },
    async (request) =>
      act(request.params.callId, () => sim.reject(request.params.callId, request.query.reason ?? 'busy')),
  )

  app.get(
    '/phones/:number',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'A test phone: its calls and SMS; calls to it ring until answered from now on',
        params: PhoneParams,
        response: { 200: PhoneView, 400: Problem },
      },
    },
    async (request) => {
      sim.watch(request.params.number)
      return sim.phone(request.params.number)
    },
  )

  app.put(
    '/phones/:number/behaviour',
    {
      config: { access: admin },
      schema: {
        tags,
        summary:
          'Program a test phone: how it takes the calls placed to it (a person pressing scripted keys, an answering machine, no answer, busy)',
        params: PhoneParams,
        body: PhoneBehaviourSchema,
        response: { 200: PhoneView, 400: Problem },
      },
    },
    async (request) => {
      const number = request.params.number
      await attempt(async () => sim.programPhone(number, request.body))
      return sim.phone(number)
    },
  )

  app.delete(
    '/phones/:number/behaviour',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Forget a test phone: calls to it are answered at once again',
        params: PhoneParams,
        response: { 204: Type.Null(), 400: Problem },
      },
    },
    async (request, reply) => {
      sim.resetPhone(request.params.number)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/provider/messages',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The provider's SMS endpoint (Authorization: Bearer <token>)",
        headers: { type: 'object', properties: { authorization: { type: 'string', maxLength: 1000 } } },
        body: ProviderMessage,
        response: { 201: ProviderReceipt, 400: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const given = request.headers.authorization
      // compared as digests: constant time whatever the lengths
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
        return sendProblem(reply, problem(request, 403, 'TJ_FORBIDDEN', 'A valid provider token is required'))
      }
      const sent = await attempt(() => sim.telephony.sms.send(request.body))
      return reply.code(201).send(sent)
    },
  )
}
