// The simulator's HTTP face on a kit app: the test phone for admins, and the provider's SMS endpoint that
// createSimulatorSmsClient posts to from another process (over a listening socket).
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { buildApp, createLogger, type Role } from '@tingjian/kit'
import t, { type Test } from 'tap'
import { createSimulatorSmsClient, simulatorRoutes, TelephonySimulator } from '../src/simulator/index.ts'
import { PATHS, webhookService } from './simulator/service.ts'

const LINE = '+861012345678'
const CALLER = '+8613812345678'
const PREFIX = '/api/v1/hotline/simulator'

async function setup(t: Test) {
  const authToken = randomBytes(16).toString('hex')
  const providerToken = randomBytes(24).toString('base64url')
  const service = await webhookService(t, authToken)
  const sim = new TelephonySimulator({ authToken, publicBaseUrl: service.base, lineNumber: LINE })
  t.teardown(() => sim.close())
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const jwt = {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    issuer: 'tingjian-identity',
    audience: 'tingjian',
  }
  const app = await buildApp({ service: 'simulator-test', logger: createLogger({ level: 'silent' }), jwt })
  await app.register(simulatorRoutes, { prefix: PREFIX, simulator: sim, token: providerToken })
  await app.listen({ host: '127.0.0.1', port: 0 })
  t.teardown(() => app.close())
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  const token = (roles: Role[]) =>
    app.jwt.sign({ sub: 'u1', username: 'u1', roles, departmentId: null }, { expiresIn: '15m' })
  const admin = { authorization: `Bearer ${token(['admin'])}` }
  return {
    app,
    sim,
    service,
    admin,
    token,
    providerToken,
    authToken,
    base: `http://127.0.0.1:${address.port}${PREFIX}`,
  }
}

t.test('the test phone: dial, read, press, leave a voicemail, hang up, read its SMS', async (t) => {
  const { app, sim, service, admin } = await setup(t)
  service.on(PATHS.incoming, () => [
    {
      verb: 'gather',
      action: `${service.base}/menu`,
      numDigits: 1,
      prompt: [{ verb: 'say', text: '请按1留言' }],
    },
  ])
  service.on('/menu', () => [{ verb: 'record', maxLengthSeconds: 120, action: `${service.base}/voicemail` }])
  service.on('/voicemail', () => [{ verb: 'say', text: '谢谢' }])

  const dialled = await app.inject({
    method: 'POST',
    url: `${PREFIX}/calls`,
    headers: admin,
    payload: { from: CALLER },
  })
  t.equal(dialled.statusCode, 201)
  const { callId } = dialled.json<{ callId: string }>()
  const read = await app.inject({ method: 'GET', url: `${PREFIX}/calls/${callId}`, headers: admin })
  t.equal(read.statusCode, 200)
  t.match(read.json(), {
    callId,
    from: CALLER,
    to: LINE,
    state: 'in-progress',
    transcript: [{ kind: 'status' }],
  })
  t.ok(read.json<{ transcript: Array<{ text: string }> }>().transcript.some((e) => e.text === '请按1留言'))

  const pressed = await app.inject({
    method: 'POST',
    url: `${PREFIX}/calls/${callId}/digits`,
    headers: admin,
    payload: { digits: '1' },
  })
  t.equal(pressed.statusCode, 200)
  t.match(pressed.json<{ transcript: Array<{ kind: string }> }>().transcript.at(-1), { kind: 'record' })

  const left = await app.inject({
    method: 'POST',
    url: `${PREFIX}/calls/${callId}/voicemail`,
    headers: admin,
    payload: { text: '请回电' },
  })
  t.equal(left.statusCode, 200)
  t.match(service.to('/voicemail', callId)[0]?.params, { RecordingSid: /^RE/ })
  t.equal(left.json<{ state: string }>().state, 'completed', 'the voicemail script ended the call')

  const again = await app.inject({ method: 'POST', url: `${PREFIX}/calls/${callId}/hangup`, headers: admin })
  t.equal(again.statusCode, 200, 'hanging up an ended call changes nothing')

  const audio = await app.inject({
    method: 'POST',
    url: `${PREFIX}/calls/${callId}/voicemail`,
    headers: admin,
    payload: { audioBase64: Buffer.from('RIFF....WAVE').toString('base64'), contentType: 'audio/wav' },
  })
  t.equal(audio.statusCode, 409, 'no voicemail on an ended call')
  t.match(audio.headers['content-type'], /problem\+json/)

  await sim.telephony.sms.send({ to: CALLER, from: LINE, body: '您的查询码 ABCD2345' })
  await sim.idle()
  const phone = await app.inject({
    method: 'GET',
    url: `${PREFIX}/phones/${encodeURIComponent(CALLER)}`,
    headers: admin,
  })
  t.equal(phone.statusCode, 200)
  t.match(phone.json(), { number: CALLER, calls: [{ callId }], messages: [{ body: '您的查询码 ABCD2345' }] })

  // GET /phones/… watches the number: a call to it now rings until the test phone answers
  service.on('/cb', () => [{ verb: 'say', text: '回访' }])
  const { callId: outbound } = await sim.telephony.voice.placeCall({
    to: CALLER,
    from: LINE,
    answerUrl: `${service.base}/cb`,
    statusUrl: `${service.base}/cb-status`,
  })
  await sim.idle()
  t.equal(sim.call(outbound)?.state, 'ringing')
  const answered = await app.inject({
    method: 'POST',
    url: `${PREFIX}/calls/${outbound}/answer`,
    headers: admin,
  })
  t.equal(answered.statusCode, 200)
  t.equal(answered.json<{ state: string }>().state, 'completed')
  const { callId: declined } = await sim.telephony.voice.placeCall({
    to: CALLER,
    from: LINE,
    answerUrl: `${service.base}/cb`,
    statusUrl: `${service.base}/cb-status`,
  })
  await sim.idle()
  const rejected = await app.inject({
    method: 'POST',
    url: `${PREFIX}/calls/${declined}/reject?reason=no-answer`,
    headers: admin,
  })
  t.equal(rejected.json<{ state: string }>().state, 'no-answer')
})

t.test('the test phone refuses bad input, unknown calls and other roles', async (t) => {
  const { app, admin, token } = await setup(t)
  const unknown = `CA${'0'.repeat(32)}`
  const cases: Array<[string, string, object | undefined, number]> = [
    ['POST', '/calls', { from: '13812345678' }, 400],
    ['POST', '/calls', { from: CALLER, extra: 1 }, 400],
    ['GET', `/calls/${unknown}`, undefined, 404],
    ['GET', '/calls/not-a-call', undefined, 400],
    ['POST', `/calls/${unknown}/digits`, { digits: '1' }, 404],
    ['POST', `/calls/${unknown}/digits`, { digits: 'abc' }, 400],
    ['POST', `/calls/${unknown}/voicemail`, { text: 'x' }, 404],
    ['POST', `/calls/${unknown}/voicemail`, { audioBase64: 'AAAA', contentType: 'audio/x-flac' }, 400],
    ['POST', `/calls/${unknown}/hangup`, undefined, 404],
    ['POST', `/calls/${unknown}/answer`, undefined, 404],
    ['POST', `/calls/${unknown}/reject?reason=maybe`, undefined, 400],
    ['GET', '/phones/12345', undefined, 400],
  ]
  for (const [method, path, payload, status] of cases) {
    const res = await app.inject({
      method: method as 'GET' | 'POST',
      url: `${PREFIX}${path}`,
      headers: admin,
      ...(payload ? { payload } : {}),
    })
    t.equal(res.statusCode, status, `${method} ${path}`)
    t.match(res.headers['content-type'], /problem\+json/, `${method} ${path} answers problem+json`)
  }
  const tooBig = await app.inject({
    method: 'POST',
    url: `${PREFIX}/calls/${unknown}/voicemail`,
    headers: admin,
    payload: { audioBase64: Buffer.alloc(2 * 1024 * 1024 + 3).toString('base64'), contentType: 'audio/wav' },
  })
  t.equal(tooBig.statusCode, 400, 'audio over 2 MB')
  const operator = await app.inject({
    method: 'POST',
    url: `${PREFIX}/calls`,
    headers: { authorization: `Bearer ${token(['hotline_operator'])}` },
    payload: { from: CALLER },
  })
  t.equal(operator.statusCode, 403, 'admins only')
  const anonymous = await app.inject({ method: 'GET', url: `${PREFIX}/phones/${encodeURIComponent(CALLER)}` })
  t.equal(anonymous.statusCode, 401)
})

t.test('createSimulatorSmsClient sends through the provider endpoint of a listening app', async (t) => {
  const { sim, service, providerToken, base, authToken } = await setup(t)
  service.on('/sms-status', () => ({ status: 204 }))
  const client = createSimulatorSmsClient({ baseUrl: base, token: providerToken, authToken: 'unused' })
  const sent = await client.send({
    to: CALLER,
    from: LINE,
    body: '您的案件已答复',
    statusUrl: `${service.base}/sms-status`,
  })
  t.match(sent, { messageId: /^SM[0-9a-f]{32}$/, status: 'queued' })
  await sim.idle()
  t.match(sim.messages({ to: CALLER }), [
    { messageId: sent.messageId, body: '您的案件已答复', status: 'delivered' },
  ])
  t.same(
    service.to('/sms-status').map((h) => h.params.MessageStatus),
    ['sent', 'delivered'],
  )

  const tooLong = await client
    .send({ to: CALLER, from: LINE, body: 'x'.repeat(1601) })
    .catch((err: unknown) => err)
  t.match(tooLong, {
    name: 'TelephonyError',
    code: 'rejected',
    message: /21617/,
    status: 400,
    transient: false,
  })

  const forged = createSimulatorSmsClient({ baseUrl: base, token: 'wrong' })
  const refused = await forged.send({ to: CALLER, from: LINE, body: 'x' }).catch((err: unknown) => err)
  t.match(refused, { name: 'TelephonyError', code: 'unauthorized', status: 403 })
  t.equal(sim.messages({ to: CALLER }).length, 1, 'nothing sent with a wrong token')

  // the client verifies status callbacks with the simulator's signing token
  const verifying = createSimulatorSmsClient({ baseUrl: base, token: providerToken, authToken })
  const callback = service.to('/sms-status')[0]
  t.ok(callback && verifying.verify(callback), 'a status callback verifies')
  t.match(verifying.parseStatus(callback?.params ?? {}), { messageId: sent.messageId, status: 'sent' })
})
