// Programmed phones against a small real service over HTTP: outbound calls with answering-machine detection
// to a person pressing scripted keys, an answering machine, a phone nobody answers and a busy line, and
// the test phone's routes that program them. Expected values come from Twilio's documented behaviour
// (AnsweredBy human / machine_start on the answer webhook; a Gather that hears nothing goes on to the next
// verb without calling its action; digits without a finishing key are sent when the gather times out), not
// from the simulator. Every gather here has a ten-minute timeout: a scripted silence must end it at once.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { buildApp, createLogger, type Role } from '@tingjian/kit'
import t, { type Test } from 'tap'
import type { Script } from '../src/port.ts'
import { simulatorRoutes, TelephonySimulator } from '../src/simulator/index.ts'
import { webhookService } from './simulator/service.ts'

const LINE = '+861012345678'
const CITIZEN = '+8613812345678'
const OFFICER = '+8613900000001'
const LONG = 600

async function setup(t: Test) {
  const authToken = randomBytes(16).toString('hex')
  const service = await webhookService(t, authToken)
  const sim = new TelephonySimulator({ authToken, publicBaseUrl: service.base, lineNumber: LINE })
  t.teardown(() => sim.close())
  const url = (path: string) => `${service.base}${path}`
  service.on('/status', () => ({ status: 204 }))
  const place = (to: string, machineDetection = true) =>
    sim.telephony.voice.placeCall({
      to,
      from: LINE,
      answerUrl: url('/answer'),
      statusUrl: url('/status'),
      machineDetection,
    })
  const statuses = (callId: string) => service.to('/status', callId).map((h) => h.params.CallStatus)
  return { sim, service, url, place, statuses }
}

/** A survey-like script: a question gathered with a long timeout, then a redirect that says "no input". */
const question = (url: (p: string) => string, n: number, numDigits?: number): Script => [
  {
    verb: 'gather',
    action: url(`/q${n}`),
    timeoutSeconds: LONG,
    ...(numDigits ? { numDigits } : {}),
    prompt: [{ verb: 'say', text: `问题${n}` }],
  },
  { verb: 'redirect', url: url(`/silent${n}`) },
]

t.test(
  'a person: answered as human, keys pressed at each gather, silence goes on to the next verb, then hangs up',
  async (t) => {
    const { sim, service, url, place, statuses } = await setup(t)
    sim.programPhone(CITIZEN, { kind: 'person', keys: ['1', '150', null, '2#', '34'] })
    service.on('/answer', () => question(url, 1, 1))
    service.on('/q1', () => question(url, 2))
    service.on('/q2', () => question(url, 3, 1))
    service.on('/silent3', () => question(url, 4))
    service.on('/q4', () => question(url, 5, 1))
    service.on('/q5', () => question(url, 6, 1))

    const { callId } = await place(CITIZEN)
    await sim.idle()

    const answer = service.to('/answer', callId)[0]?.params
    t.match(answer, { AnsweredBy: 'human', Direction: 'outbound-api', CallStatus: 'in-progress' })
    t.equal(sim.telephony.voice.parseCall(answer ?? {}).answeredBy, 'human', 'the port reads it')
    t.match(service.to('/q1', callId)[0]?.params, { Digits: '1' }, 'numDigits 1 took the key')
    t.match(service.to('/q2', callId)[0]?.params, { Digits: '150' }, 'digits without # sent as on timeout')
    t.notOk(service.to('/q2', callId)[0]?.params.FinishedOnKey)
    t.equal(service.to('/q3', callId).length, 0, 'silence: no action')
    t.equal(service.to('/silent3', callId).length, 1, 'silence: the next verb (the redirect)')
    t.match(service.to('/q4', callId)[0]?.params, { Digits: '2', FinishedOnKey: '#' })
    t.match(service.to('/q5', callId)[0]?.params, { Digits: '3' }, 'keys after numDigits are dropped')
    t.equal(service.to('/q6', callId).length, 0, 'the list used up: no answer to the sixth question')
    const call = sim.call(callId)
    t.match(call, { state: 'completed', answeredBy: 'human', to: CITIZEN })
    t.ok(call?.transcript.some((e) => e.kind === 'hangup' && e.text === 'the person hung up'))
    t.same(statuses(callId), ['initiated', 'ringing', 'in-progress', 'completed'])
  },
)

t.test('an answering machine: AnsweredBy=machine_start, every gather hears nothing', async (t) => {
  const { sim, service, url, place, statuses } = await setup(t)
  sim.programPhone(CITIZEN, { kind: 'machine' })
  service.on('/answer', (p) =>
    p.AnsweredBy === 'human' ? question(url, 1) : [{ verb: 'say', text: '机器' }, ...question(url, 1)],
  )
  service.on('/silent1', () => [{ verb: 'hangup' }])
  const { callId } = await place(CITIZEN)
  await sim.idle()
  const answer = service.to('/answer', callId)[0]?.params
  t.equal(answer?.AnsweredBy, 'machine_start')
  t.equal(sim.telephony.voice.parseCall(answer ?? {}).answeredBy, 'machine')
  t.equal(service.to('/q1', callId).length, 0)
  t.equal(service.to('/silent1', callId).length, 1, 'the gather timed out to the next verb')
  t.match(sim.call(callId), { state: 'completed', answeredBy: 'machine' })
  t.same(statuses(callId), ['initiated', 'ringing', 'in-progress', 'completed'])

  // without detection the answer webhook carries no AnsweredBy
  const { callId: plain } = await place(CITIZEN, false)
  await sim.idle()
  t.notOk(service.to('/answer', plain)[0]?.params.AnsweredBy)
  t.notOk(sim.call(plain)?.answeredBy)
})

t.test('no answer and busy: the final status at once, no answer webhook; as a dial target too', async (t) => {
  const { sim, service, url, place, statuses } = await setup(t)
  service.on('/answer', () => [{ verb: 'say', text: '不该听到' }])
  sim.programPhone(CITIZEN, { kind: 'no-answer' })
  const { callId: unanswered } = await place(CITIZEN)
  await sim.idle()
  t.same(statuses(unanswered), ['initiated', 'ringing', 'no-answer'])
  t.equal(service.to('/answer', unanswered).length, 0)

  sim.programPhone(CITIZEN, { kind: 'busy' })
  const { callId: busy } = await place(CITIZEN)
  await sim.idle()
  t.same(statuses(busy), ['initiated', 'ringing', 'busy'])
  t.equal(sim.call(busy)?.state, 'busy')

  // an officer's phone dials the citizen: the dial action says busy
  service.on('/bridge', () => [
    { verb: 'dial', target: { kind: 'number', number: CITIZEN }, action: url('/dialled') },
  ])
  service.on('/dialled', (p) => [{ verb: 'say', text: `结果${p.DialCallStatus}` }])
  const { callId: officer } = await sim.telephony.voice.placeCall({
    to: OFFICER,
    from: LINE,
    answerUrl: url('/bridge'),
    statusUrl: url('/status'),
  })
  await sim.idle()
  t.match(service.to('/dialled', officer)[0]?.params, { DialCallStatus: 'busy' })

  // a person as a dial target answers and is bridged
  sim.programPhone(CITIZEN, { kind: 'person', keys: [] })
  const { callId: second } = await sim.telephony.voice.placeCall({
    to: OFFICER,
    from: LINE,
    answerUrl: url('/bridge'),
    statusUrl: url('/status'),
  })
  await sim.idle()
  const leg = sim.call(second)?.bridgedTo ?? ''
  t.match(sim.call(leg), { to: CITIZEN, state: 'in-progress', bridgedTo: second })
  await sim.hangup(leg)
  await sim.idle()
  t.match(service.to('/dialled', second)[0]?.params, { DialCallStatus: 'completed' })

  // forgotten: answered at once again, as any unprogrammed number
  sim.resetPhone(CITIZEN)
  t.equal(sim.programOf(CITIZEN), undefined)
  const { callId: again } = await place(CITIZEN)
  await sim.idle()
  t.equal(service.to('/answer', again)[0]?.params.AnsweredBy, 'human')
})

t.test('a program is copied: changing it later does not touch a call already placed', async (t) => {
  const { sim, service, url, place } = await setup(t)
  const keys = ['1']
  sim.programPhone(CITIZEN, { kind: 'person', keys })
  keys.push('2')
  t.same(sim.programOf(CITIZEN), { kind: 'person', keys: ['1'] })
  service.on('/answer', () => question(url, 1, 1))
  service.on('/q1', () => {
    sim.programPhone(CITIZEN, { kind: 'person', keys: ['9', '9'] })
    return question(url, 2, 1)
  })
  const { callId } = await place(CITIZEN)
  await sim.idle()
  t.match(service.to('/q1', callId)[0]?.params, { Digits: '1' })
  t.equal(service.to('/q2', callId).length, 0, 'the call kept its own list')
  t.equal(sim.call(callId)?.state, 'completed')
})

t.test('programPhone refuses a bad number or bad keys', async (t) => {
  const { sim } = await setup(t)
  t.throws(() => sim.programPhone('13812345678', { kind: 'machine' }), { code: 'invalid_number' })
  t.throws(() => sim.programPhone(CITIZEN, { kind: 'person', keys: ['1a'] }), { code: 'invalid_digits' })
  t.throws(() => sim.programPhone(CITIZEN, { kind: 'person', keys: [''] }), { code: 'invalid_digits' })
  t.equal(sim.programOf(CITIZEN), undefined)
})

t.test('the test phone programs a phone over HTTP (admins only); bad bodies change nothing', async (t) => {
  const authToken = randomBytes(16).toString('hex')
  const sim = new TelephonySimulator({ authToken, publicBaseUrl: 'http://127.0.0.1:1', lineNumber: LINE })
  t.teardown(() => sim.close())
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const jwt = {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    issuer: 'tingjian-identity',
    audience: 'tingjian',
  }
  const app = await buildApp({ service: 'simulator-test', logger: createLogger({ level: 'silent' }), jwt })
  const prefix = '/api/v1/hotline/simulator'
  await app.register(simulatorRoutes, { prefix, simulator: sim, token: 'x'.repeat(32) })
  t.teardown(() => app.close())
  const as = (roles: Role[]) => ({
    authorization: `Bearer ${app.jwt.sign({ sub: 'u1', username: 'u1', roles, departmentId: null }, { expiresIn: '15m' })}`,
  })
  const path = `${prefix}/phones/${encodeURIComponent(CITIZEN)}/behaviour`

  const put = (payload: unknown, headers = as(['admin'])) =>
    app.inject({ method: 'PUT', url: path, headers, payload: payload as object })
  const programmed = await put({ kind: 'person', keys: ['1', null, '3#'] })
  t.equal(programmed.statusCode, 200)
  t.match(programmed.json(), { number: CITIZEN, behaviour: { kind: 'person', keys: ['1', null, '3#'] } })
  t.same(sim.programOf(CITIZEN), { kind: 'person', keys: ['1', null, '3#'] })

  for (const bad of [
    { kind: 'person', keys: ['x'] },
    { kind: 'person' },
    { kind: 'robot' },
    { kind: 'machine', keys: [] },
  ]) {
    const res = await put(bad)
    t.equal(res.statusCode, 400, JSON.stringify(bad))
    t.match(res.headers['content-type'], /problem\+json/)
  }
  t.same(sim.programOf(CITIZEN), { kind: 'person', keys: ['1', null, '3#'] }, 'unchanged')
  const badNumber = await app.inject({
    method: 'PUT',
    url: `${prefix}/phones/12345/behaviour`,
    headers: as(['admin']),
    payload: { kind: 'machine' },
  })
  t.equal(badNumber.statusCode, 400)

  t.equal((await put({ kind: 'busy' }, as(['supervisor']))).statusCode, 403)
  t.equal((await put({ kind: 'busy' }, {} as ReturnType<typeof as>)).statusCode, 401)

  const read = await app.inject({
    method: 'GET',
    url: `${prefix}/phones/${encodeURIComponent(CITIZEN)}`,
    headers: as(['admin']),
  })
  t.match(read.json(), { behaviour: { kind: 'person' } })

  const removed = await app.inject({ method: 'DELETE', url: path, headers: as(['admin']) })
  t.equal(removed.statusCode, 204)
  t.equal(sim.programOf(CITIZEN), undefined)
})
