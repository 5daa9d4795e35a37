import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import t, { type Test } from 'tap'
import { TelephonyError } from '../src/port.ts'
import {
  createTwilioTelephony,
  TwilioConfig,
  telephonyErrorOf,
  twilioOptionsOf,
} from '../src/twilio/index.ts'
import { SIGNATURE_HEADER, signRequest } from '../src/wire/index.ts'
import {
  all,
  fields,
  type ReceivedRequest,
  StandinRequestClient,
  sid,
  startStandin,
} from './helpers/standin.ts'

const CALLER = '+8613912345678'
const LINE = '+861058880000'
const BASE = 'https://hotline.example.gov.cn'

async function setup(t: Test) {
  const standin = await startStandin()
  t.teardown(() => standin.close())
  const warnings: Array<Record<string, unknown>> = []
  const telephony = createTwilioTelephony({
    accountSid: standin.accountSid,
    authToken: standin.authToken,
    httpClient: new StandinRequestClient(standin.origin),
    logger: { warn: (object, message) => warnings.push({ ...object, message }) },
  })
  t.teardown(() => telephony.close())
  const basicAuth = `Basic ${Buffer.from(`${standin.accountSid}:${standin.authToken}`).toString('base64')}`
  const accountPath = `/2010-04-01/Accounts/${standin.accountSid}`
  return { standin, telephony, warnings, basicAuth, accountPath }
}

function last(requests: ReceivedRequest[]): ReceivedRequest {
  const request = requests.at(-1)
  if (!request) throw new Error('the stand-in received nothing')
  return request
}

async function rejection(promise: Promise<unknown>): Promise<TelephonyError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof TelephonyError) return error
    throw error
  }
  throw new Error('resolved, expected a TelephonyError')
}

t.test('the voice channel speaks TwiML and checks signatures with the auth token', async (t) => {
  const { telephony, standin } = await setup(t)
  t.equal(telephony.provider, 'twilio')
  t.equal(telephony.voice.contentType, 'text/xml')
  t.match(telephony.voice.render([{ verb: 'hangup' }]), /<Response><Hangup\/><\/Response>$/)
  const url = `${BASE}/telephony/voice/incoming`
  const params = { CallSid: sid('CA'), CallStatus: 'ringing', Direction: 'inbound', From: CALLER, To: LINE }
  const signed = { url, params, headers: { [SIGNATURE_HEADER]: signRequest(standin.authToken, url, params) } }
  t.ok(telephony.voice.verify(signed))
  t.ok(telephony.sms.verify(signed))
  t.notOk(telephony.voice.verify({ ...signed, params: { ...params, CallStatus: 'completed' } }))
  t.notOk(
    telephony.voice.verify({
      ...signed,
      headers: { [SIGNATURE_HEADER]: signRequest('another-token', url, params) },
    }),
  )
  t.match(telephony.voice.parseCall(params), {
    callId: params.CallSid,
    status: 'ringing',
    direction: 'inbound',
  })
  t.same(telephony.sms.parseStatus({ MessageSid: 'SM1', MessageStatus: 'sent' }), {
    messageId: 'SM1',
    status: 'sent',
  })
})

t.test('placeCall creates a call with the answer and status URLs, every status event', async (t) => {
  const { telephony, standin, basicAuth, accountPath } = await setup(t)
  const { callId } = await telephony.voice.placeCall({
    to: CALLER,
    from: LINE,
    answerUrl: `${BASE}/telephony/voice/callback/answer?attempt=a1`,
    statusUrl: `${BASE}/telephony/voice/status`,
    timeoutSeconds: 30,
    machineDetection: true,
  })
  t.match(callId, /^CA[0-9a-f]{32}$/)
  const request = last(standin.requests)
  t.equal(request.method, 'POST')
  t.equal(request.path, `${accountPath}/Calls.json`)
  t.equal(request.authorization, basicAuth, "the account's Basic auth")
  t.match(request.contentType, /^application\/x-www-form-urlencoded/)
  t.same(fields(request), {
    To: CALLER,
    From: LINE,
    Url: `${BASE}/telephony/voice/callback/answer?attempt=a1`,
    Method: 'POST',
    StatusCallback: `${BASE}/telephony/voice/status`,
    StatusCallbackMethod: 'POST',
    StatusCallbackEvent: 'initiated',
    Timeout: '30',
    MachineDetection: 'Enable',
  })
  t.same(
    all(request, 'StatusCallbackEvent'),
    ['initiated', 'ringing', 'answered', 'completed'],
    'repeated field',
  )
})

t.test('placeCall without options sends neither a timeout nor machine detection', async (t) => {
  const { telephony, standin } = await setup(t)
  await telephony.voice.placeCall({
    to: 'client:operator-7',
    from: LINE,
    answerUrl: `${BASE}/a`,
    statusUrl: `${BASE}/s`,
  })
  const form = fields(last(standin.requests))
  t.equal(form.To, 'client:operator-7')
  t.notOk('Timeout' in form)
  t.notOk('MachineDetection' in form)
})

t.test('redirectCall and hangupCall update the live call', async (t) => {
  const { telephony, standin, basicAuth, accountPath } = await setup(t)
  const { callId } = await telephony.voice.placeCall({
    to: CALLER,
    from: LINE,
    answerUrl: `${BASE}/a`,
    statusUrl: `${BASE}/s`,
  })

  await telephony.voice.redirectCall(callId, `${BASE}/telephony/voice/queue/connect?operator=o1`)
  const redirect = last(standin.requests)
  t.equal(redirect.method, 'POST')
  t.equal(redirect.path, `${accountPath}/Calls/${callId}.json`)
  t.equal(redirect.authorization, basicAuth)
  t.same(fields(redirect), { Url: `${BASE}/telephony/voice/queue/connect?operator=o1`, Method: 'POST' })

  await telephony.voice.hangupCall(callId)
  const hangup = last(standin.requests)
  t.equal(hangup.method, 'POST')
  t.equal(hangup.path, `${accountPath}/Calls/${callId}.json`)
  t.same(fields(hangup), { Status: 'completed' })

  const missing = await rejection(telephony.voice.hangupCall(sid('CA')))
  t.match(missing, { code: 'not_found', status: 404, transient: false })

  const before = standin.requests.length
  t.match(await rejection(telephony.voice.hangupCall('CA1/../../Messages')), {
    code: 'not_found',
    transient: false,
  })
  t.match(await rejection(telephony.voice.redirectCall('', `${BASE}/a`)), {
    code: 'not_found',
    transient: false,
  })
  t.equal(standin.requests.length, before, 'an id that cannot be a call never reaches Twilio')
})

t.test('sms.send creates a message with its status callback', async (t) => {
  const { telephony, standin, basicAuth, accountPath } = await setup(t)
  const sent = await telephony.sms.send({
    to: CALLER,
    from: LINE,
    body: '您的投诉已受理，查询码 7KQ2-9MXD。',
    statusUrl: `${BASE}/telephony/sms/status`,
  })
  t.match(sent, { messageId: /^SM[0-9a-f]{32}$/, status: 'queued' })
  const request = last(standin.requests)
  t.equal(request.method, 'POST')
  t.equal(request.path, `${accountPath}/Messages.json`)
  t.equal(request.authorization, basicAuth)
  t.same(fields(request), {
    To: CALLER,
    From: LINE,
    Body: '您的投诉已受理，查询码 7KQ2-9MXD。',
    StatusCallback: `${BASE}/telephony/sms/status`,
  })

  await telephony.sms.send({ to: CALLER, from: LINE, body: 'no callback' })
  t.notOk('StatusCallback' in fields(last(standin.requests)))
})

t.test('a recording is streamed with the account credentials, then deleted', async (t) => {
  const { telephony, standin, basicAuth, accountPath } = await setup(t)
  const recordingId = sid('RE')
  const audio = randomBytes(200_000)
  standin.recordings.set(recordingId, audio)

  const recording = await telephony.voice.fetchRecording(recordingId)
  t.equal(recording.contentType, 'audio/mpeg')
  t.equal(recording.length, audio.length)
  const chunks: Uint8Array[] = []
  for await (const chunk of recording.body) chunks.push(chunk)
  t.ok(Buffer.concat(chunks).equals(audio), 'the bytes as served')
  const media = last(standin.requests)
  t.equal(media.method, 'GET')
  t.equal(media.path, `${accountPath}/Recordings/${recordingId}.mp3`)
  t.equal(media.authorization, basicAuth, "the account's Basic auth")

  await telephony.voice.deleteRecording(recordingId)
  const removal = last(standin.requests)
  t.equal(removal.method, 'DELETE')
  t.equal(removal.path, `${accountPath}/Recordings/${recordingId}.json`)
  t.equal(removal.authorization, basicAuth)
  t.notOk(standin.recordings.has(recordingId))

  t.match(
    await rejection(telephony.voice.fetchRecording(recordingId)),
    { code: 'not_found', status: 404 },
    'gone',
  )
  t.match(await rejection(telephony.voice.deleteRecording(recordingId)), { code: 'not_found', status: 404 })
  const before = standin.requests.length
  t.match(await rejection(telephony.voice.fetchRecording('../Calls')), { code: 'not_found' }, 'not an id')
  t.match(await rejection(telephony.voice.deleteRecording('RE1')), { code: 'not_found' }, 'not an id')
  t.equal(standin.requests.length, before, 'a malformed id never reaches Twilio')
})

t.test("Twilio's errors become TelephonyErrors without the provider's text", async (t) => {
  const { telephony, standin, warnings } = await setup(t)
  const invalid = await rejection(
    telephony.voice.placeCall({ to: '+86138', from: LINE, answerUrl: `${BASE}/a`, statusUrl: `${BASE}/s` }),
  )
  t.ok(invalid instanceof TelephonyError)
  t.match(invalid, { code: 'invalid_number', status: 400, transient: false })
  t.match(invalid.message, /21211/, "Twilio's code is kept")
  t.notMatch(invalid.message, /\+86|138|not a valid/, "the number and Twilio's text are not")

  const sms = await rejection(telephony.sms.send({ to: '+86139', from: LINE, body: 'x' }))
  t.match(sms, { code: 'invalid_number', status: 400 })
  t.notMatch(sms.message, /139/)

  standin.answerNext('POST', '/Messages.json', {
    status: 429,
    body: { code: 20429, message: `Too many requests to ${CALLER}`, status: 429 },
  })
  t.match(await rejection(telephony.sms.send({ to: CALLER, from: LINE, body: 'x' })), {
    code: 'rate_limited',
    status: 429,
    transient: true,
  })

  standin.answerNext('POST', '/Calls.json', {
    status: 503,
    body: { code: 20503, message: 'Service unavailable', status: 503 },
  })
  t.match(
    await rejection(
      telephony.voice.placeCall({ to: CALLER, from: LINE, answerUrl: `${BASE}/a`, statusUrl: `${BASE}/s` }),
    ),
    { code: 'unavailable', status: 503, transient: true },
  )

  standin.answerNext('POST', '/Calls.json', { status: 500 })
  t.match(
    await rejection(
      telephony.voice.placeCall({ to: CALLER, from: LINE, answerUrl: `${BASE}/a`, statusUrl: `${BASE}/s` }),
    ),
    { code: 'unavailable', status: 500, transient: true },
    'a 500 without a body',
  )

  standin.answerNext('POST', '/Messages.json', {
    status: 400,
    body: { code: 21610, message: `Attempt to send to unsubscribed recipient ${CALLER}`, status: 400 },
  })
  const other = await rejection(telephony.sms.send({ to: CALLER, from: LINE, body: 'x' }))
  t.match(other, { code: 'rejected', status: 400, transient: false })
  t.match(other.message, /21610/)

  t.ok(warnings.length >= 6, 'each failure logged')
  t.notMatch(
    JSON.stringify(warnings),
    /\+86|138|139|unsubscribed/,
    'no number and no provider text in the logs',
  )
})

t.test('wrong credentials are unauthorized, not transient', async (t) => {
  const { standin } = await setup(t)
  const telephony = createTwilioTelephony({
    accountSid: standin.accountSid,
    authToken: 'not-the-token',
    httpClient: new StandinRequestClient(standin.origin),
  })
  t.teardown(() => telephony.close())
  t.match(await rejection(telephony.sms.send({ to: CALLER, from: LINE, body: 'x' })), {
    code: 'unauthorized',
    status: 401,
    transient: false,
  })
  t.match(await rejection(telephony.voice.fetchRecording(sid('RE'))), { code: 'unauthorized', status: 401 })
})

t.test('an unreachable Twilio is a transient failure', async (t) => {
  // a port that was free a moment ago: nothing listens there
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
  const telephony = createTwilioTelephony({
    accountSid: sid('AC'),
    authToken: randomBytes(16).toString('hex'),
    httpClient: new StandinRequestClient(`http://127.0.0.1:${port}`),
  })
  t.teardown(() => telephony.close())
  const failure = await rejection(telephony.sms.send({ to: CALLER, from: LINE, body: 'x' }))
  t.match(failure, { code: 'unavailable', transient: true, status: undefined })
  t.match(failure.message, /ECONNREFUSED/)
  t.notMatch(failure.message, /127\.0\.0\.1|\+86/)
  t.match(await rejection(telephony.voice.fetchRecording(sid('RE'))), {
    code: 'unavailable',
    transient: true,
  })
})

t.test('the configuration: Twilio names, the SMS number defaults to the hotline', async (t) => {
  const { loadConfig, ConfigError } = await import('@tingjian/kit')
  const env = {
    TWILIO_ACCOUNT_SID: sid('AC'),
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
    TWILIO_HOTLINE_NUMBER: LINE,
  }
  const config = loadConfig(TwilioConfig, env)
  t.same(twilioOptionsOf(config), {
    accountSid: env.TWILIO_ACCOUNT_SID,
    authToken: env.TWILIO_AUTH_TOKEN,
    hotlineNumber: LINE,
    smsFrom: LINE,
  })
  t.equal(
    twilioOptionsOf(loadConfig(TwilioConfig, { ...env, TWILIO_SMS_FROM: '+8610123456' })).smsFrom,
    '+8610123456',
  )
  t.throws(() => loadConfig(TwilioConfig, { ...env, TWILIO_HOTLINE_NUMBER: '010-5888' }), ConfigError)
  t.throws(() => loadConfig(TwilioConfig, { ...env, TWILIO_ACCOUNT_SID: 'nope' }), ConfigError)
  t.throws(() => loadConfig(TwilioConfig, {}), ConfigError)
})

t.test('an error thrown before any request is not transient', async (t) => {
  const failure = telephonyErrorOf(new Error("Parameter 'sid' is not valid."))
  t.match(failure, { code: 'failed', transient: false, status: undefined })
  t.notMatch(failure.message, /sid/)
  t.match(telephonyErrorOf({ isAxiosError: true, code: 'ETIMEDOUT', message: 'timeout of https://x' }), {
    code: 'unavailable',
    transient: true,
    message: 'Twilio could not be reached (ETIMEDOUT)',
  })
})
