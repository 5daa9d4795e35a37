// A local stand-in of Twilio's REST API (the few resources the adapter uses), for tests of the adapter
// with the real twilio client: Twilio cannot be reached from a test machine. It records every request it
// receives and answers like Twilio (the JSON shapes and error bodies of the 2010-04-01 API).
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import twilio from 'twilio'

export interface ReceivedRequest {
  method: string
  /** Path without the query string. */
  path: string
  /** The Authorization header, as received. */
  authorization: string | undefined
  contentType: string | undefined
  /** The urlencoded form fields in the order received (repeated names repeat). */
  form: Array<[string, string]>
}

/** An answer the stand-in gives instead of its normal one (an error, a throttle). */
export interface CannedAnswer {
  status: number
  body?: unknown
}

export interface Standin {
  /** `http://127.0.0.1:<port>`: where the client's requests to Twilio go. */
  origin: string
  accountSid: string
  authToken: string
  requests: ReceivedRequest[]
  /** The media bytes served for each known recording. */
  recordings: Map<string, Buffer>
  /** Answers the next matching request (by method and path suffix) with `answer` instead. */
  answerNext(method: string, pathSuffix: string, answer: CannedAnswer): void
  close(): Promise<void>
}

export function sid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex')
}

/** The first values of a form's fields, and all values of one field. */
export function fields(request: ReceivedRequest): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of request.form) if (!(name in out)) out[name] = value
  return out
}
export function all(request: ReceivedRequest, name: string): string[] {
  return request.form.filter(([n]) => n === name).map(([, v]) => v)
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

function twilioError(res: ServerResponse, status: number, code: number, message: string): void {
  json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status })
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startStandin(): Promise<Standin> {
  const accountSid = sid('AC')
  const authToken = randomBytes(16).toString('hex')
  const requests: ReceivedRequest[] = []
  const recordings = new Map<string, Buffer>()
  const canned: Array<{ method: string; pathSuffix: string; answer: CannedAnswer }> = []
  const calls = new Map<string, Record<string, unknown>>()
  const base = `/2010-04-01/Accounts/${accountSid}`
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const method = req.method ?? 'GET'
    const text = await bodyOf(req)
    const received: ReceivedRequest = {
      method,
      path,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      form: [...new URLSearchParams(text)],
    }
    requests.push(received)
    const form = fields(received)

    const cannedIndex = canned.findIndex((c) => c.method === method && path.endsWith(c.pathSuffix))
    if (cannedIndex >= 0) {
      const answer = canned.splice(cannedIndex, 1)[0]?.answer ?? { status: 500 }
      if (answer.body === undefined) {
        res.writeHead(answer.status)
        res.end()
      } else json(res, answer.status, answer.body)
      return
    }
    if (req.headers.authorization !== expectedAuth) {
      twilioError(res, 401, 20003, 'Authentication Error - invalid username')
      return
    }
    if (!path.startsWith(`${base}/`)) {
      twilioError(res, 404, 20404, `The requested resource ${path} was not found`)
      return
    }
    const rest = path.slice(base.length)
    const now = new Date().toUTCString()

    if (method === 'POST' && rest === '/Calls.json') {
      if (!/^(\+[1-9]\d{6,14}|client:[\w-]+)$/.test(form.To ?? '')) {
        twilioError(res, 400, 21211, `The 'To' number ${form.To ?? ''} is not a valid phone number.`)
        return
      }
      const callSid = sid('CA')
      const call = {
        sid: callSid,
        account_sid: accountSid,
        to: form.To,
        from: form.From,
        status: 'queued',
        direction: 'outbound-api',
        date_created: now,
        date_updated: now,
        api_version: '2010-04-01',
        uri: `${base}/Calls/${callSid}.json`,
      }
      calls.set(callSid, call)
      json(res, 201, call)
      return
    }
    const callUpdate = /^\/Calls\/(CA[0-9a-f]{32})\.json$/.exec(rest)
    if (method === 'POST' && callUpdate) {
      const call = calls.get(callUpdate[1] as string)
      if (!call) {
        twilioError(res, 404, 20404, `The requested resource ${path} was not found`)
        return
      }
      if (form.Status) call.status = form.Status
      json(res, 200, { ...call, date_updated: now })
      return
    }
    if (method === 'POST' && rest === '/Messages.json') {
      if (!/^\+[1-9]\d{6,14}$/.test(form.To ?? '')) {
        twilioError(res, 400, 21211, `The 'To' number ${form.To ?? ''} is not a valid phone number.`)
        return
      }
      const messageSid = sid('SM')
      json(res, 201, {
        sid: messageSid,
        account_sid: accountSid,
        to: form.To,
        from: form.From,
        body: form.Body,
        status: 'queued',
        num_segments: '1',
        direction: 'outbound-api',
        date_created: now,
        api_version: '2010-04-01',
        uri: `${base}/Messages/${messageSid}.json`,
      })
      return
    }
    const recording = /^\/Recordings\/(RE[0-9a-f]{32})\.(json|mp3|wav)$/.exec(rest)
    if (recording) {
      const [, recordingSid, format] = recording as unknown as [string, string, string]
      const media = recordings.get(recordingSid)
      if (!media) {
        twilioError(res, 404, 20404, `The requested resource ${path} was not found`)
        return
      }
      if (method === 'DELETE' && format === 'json') {
        recordings.delete(recordingSid)
        res.writeHead(204)
        res.end()
        return
      }
      if (method === 'GET' && format === 'mp3') {
        res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(media.length) })
        res.end(media)
        return
      }
      if (method === 'GET' && format === 'json') {
        json(res, 200, { sid: recordingSid, account_sid: accountSid, status: 'completed', channels: 2 })
        return
      }
    }
    twilioError(res, 404, 20404, `The requested resource ${path} was not found`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    origin,
    accountSid,
    authToken,
    requests,
    recordings,
    answerNext(method, pathSuffix, answer) {
      canned.push({ method, pathSuffix, answer })
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

const TWILIO_API = 'https://api.twilio.com'

/**
 * twilio's own HTTP client, with every request to Twilio's API sent to `origin` instead: an axios
 * interceptor rewrites the URL, so that the library's resource calls (`request()`) and the adapter's media
 * download (the client's axios) both reach the stand-in.
 */
export class StandinRequestClient extends twilio.RequestClient {
  constructor(origin: string) {
    super({ keepAlive: false })
    this.axios.interceptors.request.use((config) => {
      if (config.url?.startsWith(TWILIO_API)) config.url = origin + config.url.slice(TWILIO_API.length)
      return config
    })
  }
}
