// The telephony port on Twilio: voice webhooks answered with TwiML, calls and SMS through Twilio's REST API
// (the official twilio client), recordings fetched with the account's credentials.
import { Readable } from 'node:stream'
import twilio from 'twilio'
import type {
  PlaceCallRequest,
  Recording,
  SendSmsRequest,
  SmsStatus,
  Telephony,
  WebhookRequest,
} from '../port.ts'
import { SMS_STATUSES, TelephonyError } from '../port.ts'
import { parseCallParams, parseSmsStatusParams, renderTwiml, verifySignedRequest } from '../wire/index.ts'
import { telephonyErrorOf } from './errors.ts'

export { TwilioConfig, twilioOptionsOf } from './config.ts'
export { telephonyErrorOf } from './errors.ts'

type RequestClient = InstanceType<typeof twilio.RequestClient>

/** Structured logging of the adapter (pino-compatible); never given personal data. */
export interface TwilioLogger {
  warn(object: Record<string, unknown>, message: string): void
  info?(object: Record<string, unknown>, message: string): void
}

export interface TwilioTelephonyOptions {
  accountSid: string
  authToken: string
  /**
   * The HTTP client of the twilio library (a `RequestClient` or a subclass). Tests point it at a local
   * stand-in of Twilio's API; recordings are fetched through its axios instance as well.
   */
  httpClient?: RequestClient
  logger?: TwilioLogger
}

// Every status callback a real call sends, so that the service sees the whole life of the call.
const STATUS_EVENTS = ['initiated', 'ringing', 'answered', 'completed']

// Call and recording ids are Twilio SIDs: "CA"/"RE" and 32 hex digits. Checked before they go into a URL
// path; an id that cannot be Twilio's is a call or recording Twilio does not have.
const CALL_ID = /^CA[0-9a-fA-F]{32}$/
const RECORDING_ID = /^RE[0-9a-fA-F]{32}$/

function checkId(pattern: RegExp, id: string, what: string): void {
  if (!pattern.test(id)) throw new TelephonyError('not_found', `not a ${what} id`, false, 404)
}

export function createTwilioTelephony(options: TwilioTelephonyOptions): Telephony {
  const ownsHttpClient = options.httpClient === undefined
  const httpClient = options.httpClient ?? new twilio.RequestClient()
  const client = twilio(options.accountSid, options.authToken, { httpClient })
  const verify = (request: WebhookRequest) => verifySignedRequest(options.authToken, request)

  async function call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      const failure = telephonyErrorOf(error)
      options.logger?.warn(
        { operation, code: failure.code, status: failure.status, transient: failure.transient },
        failure.message,
      )
      throw failure
    }
  }

  async function fetchRecording(recordingId: string): Promise<Recording> {
    checkId(RECORDING_ID, recordingId, 'recording')
    // The media file is not a JSON resource, so the library's resource methods cannot fetch it; its HTTP
    // client's axios instance can, streamed and authenticated like every other request of the account.
    const url = `${client.api.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Recordings/${recordingId}.mp3`
    return call('recordings.media', async () => {
      const response = await httpClient.axios.request({
        url,
        method: 'GET',
        auth: { username: options.accountSid, password: options.authToken },
        responseType: 'stream',
        // the file may be served from storage Twilio redirects to (credentials are not sent to another host)
        maxRedirects: 5,
        validateStatus: () => true,
        proxy: false,
      })
      const body: unknown = response.data
      if (!(body instanceof Readable))
        throw new TelephonyError('unavailable', 'Twilio sent no recording body', true)
      if (response.status !== 200) {
        body.destroy()
        throw telephonyErrorOf({ status: response.status })
      }
      const length = Number(response.headers['content-length'])
      const contentType = response.headers['content-type']
      return {
        contentType: typeof contentType === 'string' && contentType !== '' ? contentType : 'audio/mpeg',
        body: body as AsyncIterable<Uint8Array>,
        ...(Number.isSafeInteger(length) && length >= 0 ? { length } : {}),
      }
    })
  }

  return {
    provider: 'twilio',
    voice: {
      contentType: 'text/xml',
      render: renderTwiml,
      verify,
      parseCall: parseCallParams,
      async placeCall(request: PlaceCallRequest) {
        const created = await call('calls.create', () =>
          client.calls.create({
            to: request.to,
            from: request.from,
            url: request.answerUrl,
            method: 'POST',
            statusCallback: request.statusUrl,
            statusCallbackMethod: 'POST',
            statusCallbackEvent: STATUS_EVENTS,
            ...(request.timeoutSeconds === undefined ? {} : { timeout: request.timeoutSeconds }),
            ...(request.machineDetection ? { machineDetection: 'Enable' } : {}),
          }),
        )
        return { callId: created.sid }
      },
      async redirectCall(callId: string, url: string) {
        checkId(CALL_ID, callId, 'call')
        await call('calls.update', () => client.calls(callId).update({ url, method: 'POST' }))
      },
      async hangupCall(callId: string) {
        checkId(CALL_ID, callId, 'call')
        await call('calls.update', () => client.calls(callId).update({ status: 'completed' }))
      },
      fetchRecording,
      async deleteRecording(recordingId: string) {
        checkId(RECORDING_ID, recordingId, 'recording')
        await call('recordings.remove', () => client.recordings(recordingId).remove())
      },
    },
    sms: {
      async send(request: SendSmsRequest) {
        const message = await call('messages.create', () =>
          client.messages.create({
            to: request.to,
            from: request.from,
            body: request.body,
            ...(request.statusUrl === undefined ? {} : { statusCallback: request.statusUrl }),
          }),
        )
        const status = (SMS_STATUSES as readonly string[]).includes(message.status)
          ? (message.status as SmsStatus)
          : 'queued'
        return { messageId: message.sid, status }
      },
      verify,
      parseStatus: parseSmsStatusParams,
    },
    async close() {
      // Only an HTTP client made here is ours to close: its keep-alive sockets.
      if (ownsHttpClient) {
        const agent: unknown = httpClient.axios.defaults.httpsAgent
        if (
          typeof agent === 'object' &&
          agent !== null &&
          'destroy' in agent &&
          typeof agent.destroy === 'function'
        ) {
          agent.destroy()
        }
      }
    },
  }
}
