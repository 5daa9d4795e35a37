// The simulator against a small real service over HTTP: calls through the queue to an operator, abandoned
// calls, voicemails, gathers, outbound calls, SMS, signatures and a hundred simultaneous calls. Expected
// values come from Twilio's documented behaviour, not from the simulator.
import { randomBytes } from 'node:crypto'
import t, { type Test } from 'tap'
import { TelephonyError } from '../src/port.ts'
import { type SimulatorOptions, TelephonySimulator } from '../src/simulator/index.ts'
import { PATHS, webhookService } from './simulator/service.ts'

const LINE = '+861012345678'
const CALLER = '+8613812345678'
const CALLER_2 = '+8613912345678'

/** What a promise rejected with (tap's rejects() types its pattern too narrowly for `status`). */
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => new Error('resolved'),
    (err: unknown) => err,
  )

async function setup(t: Test, options: Partial<SimulatorOptions> = {}) {
  const authToken = randomBytes(16).toString('hex')
  const service = await webhookService(t, authToken)
  const sim = new TelephonySimulator({ authToken, publicBaseUrl: service.base, lineNumber: LINE, ...options })
  t.teardown(() => sim.close())
  const url = (path: string) => `${service.base}${path}`
  return { sim, service, url, authToken }
}

const greetingAndQueue = (url: (p: string) => string) => [
  { verb: 'say' as const, text: '您好，这里是投诉举报热线，通话将被录音。' },
  { verb: 'enqueue' as const, queue: 'hotline', waitUrl: url('/wait'), action: url('/queue-action') },
]

t.test(
  'an inbound call: greeted, queued with its position, redirected to an operator, bridged, ended',
  async (t) => {
    const { sim, service, url } = await setup(t)
    service.on(PATHS.incoming, () => greetingAndQueue(url))
    service.on('/wait', (p) => [{ verb: 'say', text: `您前面还有${Number(p.QueuePosition) - 1}位` }])
    service.on('/answer-next', () => [
      { verb: 'dial', target: { kind: 'client', identity: 'op1' }, action: url('/dial-action') },
    ])
    service.on('/dial-action', () => [{ verb: 'say', text: '感谢来电，再见。' }])
    service.on('/queue-action', () => ({ status: 204 }))

    const first = await sim.dial(CALLER)
    const second = await sim.dial(CALLER_2)
    t.match(first, /^CA[0-9a-f]{32}$/)

    const incoming = service.to(PATHS.incoming, first)[0]
    t.match(
      incoming?.params,
      {
        CallSid: first,
        From: CALLER,
        To: LINE,
        CallStatus: 'ringing',
        Direction: 'inbound',
        ApiVersion: '2010-04-01',
      },
      'the incoming webhook carries what Twilio sends',
    )
    t.match(incoming?.params.AccountSid, /^AC[0-9a-f]{32}$/)
    t.equal(incoming?.url, url(PATHS.incoming))

    t.match(sim.call(first), { state: 'queued', queue: 'hotline', position: 1, direction: 'inbound' })
    t.match(sim.call(second), { state: 'queued', queue: 'hotline', position: 2 })
    t.match(service.to('/wait', second)[0]?.params, { QueuePosition: '2', CurrentQueueSize: '2' })
    t.ok(
      sim.call(second)?.transcript.some((e) => e.kind === 'say' && e.text === '您前面还有1位'),
      'the caller heard the wait script',
    )
    t.ok(
      sim.call(first)?.transcript.some((e) => e.kind === 'say' && e.text.startsWith('您好')),
      'greeted',
    )

    // "answer next": the service redirects the oldest caller out of the queue to a dial of the operator
    await sim.telephony.voice.redirectCall(first, url('/answer-next'))
    await sim.idle()
    t.match(service.to('/queue-action', first)[0]?.params, { QueueResult: 'redirected', QueueSid: /^QU/ })
    const bridged = sim.call(first)
    t.equal(bridged?.state, 'in-progress')
    const legId = bridged?.bridgedTo ?? ''
    t.match(sim.call(legId), {
      to: 'client:op1',
      parentCallId: first,
      direction: 'outbound',
      state: 'in-progress',
      bridgedTo: first,
    })
    t.match(sim.call(second), { position: 1 }, 'the caller behind moved up')
    t.equal(service.to('/wait', second).at(-1)?.params.QueuePosition, '1', 'and heard the new position')

    // the operator hangs up: the dial action is posted and its script followed
    await sim.hangup(legId)
    await sim.idle()
    t.match(service.to('/dial-action', first)[0]?.params, {
      DialCallStatus: 'completed',
      DialCallSid: legId,
      DialCallDuration: /^\d+$/,
    })
    const ended = sim.call(first)
    t.equal(ended?.state, 'completed')
    t.ok(ended?.transcript.some((e) => e.kind === 'say' && e.text === '感谢来电，再见。'))
    t.equal(sim.call(legId)?.state, 'completed')

    const statuses = service.to(PATHS.status, first).map((h) => h.params)
    t.same(
      statuses.map((p) => [p.CallStatus, p.SequenceNumber]),
      [
        ['ringing', '0'],
        ['in-progress', '1'],
        ['completed', '2'],
      ],
      'status callbacks in order with increasing sequence numbers',
    )
    t.match(statuses[2], { CallDuration: /^\d+$/ })
    for (const p of statuses) t.ok(sim.telephony.voice.parseCall(p), 'each reads through the port')
    t.equal(service.refused, 0)
  },
)

t.test(
  'a caller who hangs up in the queue: the enqueue action says hangup, the call completes',
  async (t) => {
    const { sim, service, url } = await setup(t)
    service.on(PATHS.incoming, () => greetingAndQueue(url))
    service.on('/wait', () => [{ verb: 'play', url: url('/music.mp3') }])
    service.on('/queue-action', () => ({ status: 204 }))
    const callId = await sim.dial(CALLER)
    await sim.hangup(callId)
    await sim.idle()
    t.match(service.to('/queue-action', callId)[0]?.params, { QueueResult: 'hangup', QueueTime: /^\d+$/ })
    t.match(sim.call(callId), { state: 'completed' })
    t.notOk(sim.call(callId)?.position)
    t.same(
      service.to(PATHS.status, callId).map((h) => h.params.CallStatus),
      ['ringing', 'in-progress', 'completed'],
    )
    await t.rejects(sim.press(callId, '1'), { code: 'invalid_state' }, 'an ended call takes no keys')
  },
)

t.test('a wait script that leaves: the enqueue action says leave and its script is followed', async (t) => {
  const { sim, service, url } = await setup(t)
  service.on(PATHS.incoming, () => greetingAndQueue(url))
  service.on('/wait', () => [{ verb: 'say', text: '坐席繁忙' }, { verb: 'leave' }])
  service.on('/queue-action', () => [{ verb: 'say', text: '请留言' }, { verb: 'hangup' }])
  const callId = await sim.dial(CALLER)
  await sim.idle()
  t.match(service.to('/queue-action', callId)[0]?.params, { QueueResult: 'leave' })
  t.match(sim.call(callId), { state: 'completed' })
  t.ok(sim.call(callId)?.transcript.some((e) => e.text === '请留言'))
})

t.test(
  'an operator dials the queue: bridged to the oldest caller, whose enqueue action says bridged',
  async (t) => {
    const { sim, service, url } = await setup(t)
    service.on(PATHS.incoming, () => greetingAndQueue(url))
    service.on('/wait', () => [{ verb: 'pause', seconds: 5 }])
    service.on('/queue-action', () => ({ status: 204 }))
    service.on('/operator', () => [
      { verb: 'dial', target: { kind: 'queue', queue: 'hotline' }, action: url('/operator-dial-action') },
    ])
    service.on('/operator-dial-action', () => [{ verb: 'hangup' }])
    service.on('/operator-status', () => ({ status: 204 }))
    const oldest = await sim.dial(CALLER)
    const next = await sim.dial(CALLER_2)
    const { callId: operatorCall } = await sim.telephony.voice.placeCall({
      to: 'client:op1',
      from: LINE,
      answerUrl: url('/operator'),
      statusUrl: url('/operator-status'),
    })
    await sim.idle()
    t.match(sim.call(operatorCall), { state: 'in-progress', bridgedTo: oldest })
    t.match(sim.call(oldest), { state: 'in-progress', bridgedTo: operatorCall })
    t.match(sim.call(next), { state: 'queued', position: 1 })
    await sim.hangup(oldest)
    await sim.idle()
    t.match(service.to('/queue-action', oldest)[0]?.params, { QueueResult: 'bridged' })
    t.match(service.to('/operator-dial-action', operatorCall)[0]?.params, {
      DialCallStatus: 'completed',
      DialCallSid: oldest,
    })
    t.equal(sim.call(operatorCall)?.state, 'completed')
    t.same(
      service.to('/operator-status', operatorCall).map((h) => [h.params.CallStatus, h.params.SequenceNumber]),
      [
        ['initiated', '0'],
        ['ringing', '1'],
        ['in-progress', '2'],
        ['completed', '3'],
      ],
    )
    t.equal(service.to('/operator', operatorCall)[0]?.params.Direction, 'outbound-api')
  },
)

t.test(
  'a voicemail, typed and uploaded: the record action, the recording callback, the recording fetched',
  async (t) => {
    const { sim, service, url } = await setup(t)
    service.on(PATHS.incoming, () => [
      { verb: 'say', text: '现在是非工作时间，请在提示音后留言。' },
      {
        verb: 'record',
        maxLengthSeconds: 120,
        action: url('/voicemail'),
        recordingStatusUrl: url('/recording'),
      },
    ])
    service.on('/voicemail', () => [{ verb: 'say', text: '留言已收到' }, { verb: 'hangup' }])
    service.on('/recording', () => ({ status: 204 }))

    const typed = await sim.dial(CALLER)
    t.equal(sim.call(typed)?.state, 'in-progress')
    await sim.leaveVoicemail(typed, { text: '我要举报某派出所乱收费，请回电。' })
    await sim.idle()
    const action = service.to('/voicemail', typed)[0]?.params
    t.match(action, {
      RecordingSid: /^RE[0-9a-f]{32}$/,
      RecordingDuration: /^[1-9]\d*$/,
      RecordingUrl: /^https:\/\//,
    })
    const recordingId = action?.RecordingSid ?? ''
    t.match(service.to('/recording')[0]?.params, {
      RecordingSid: recordingId,
      RecordingStatus: 'completed',
      CallSid: typed,
    })
    t.match(sim.telephony.voice.parseCall(service.to('/recording')[0]?.params ?? {}), {
      recording: { id: recordingId, status: 'completed' },
    })
    t.equal(sim.call(typed)?.state, 'completed')
    t.ok(sim.call(typed)?.transcript.some((e) => e.kind === 'voicemail' && e.text.includes('乱收费')))

    const recording = await sim.telephony.voice.fetchRecording(recordingId)
    t.equal(recording.contentType, 'audio/wav')
    const chunks: Uint8Array[] = []
    for await (const chunk of recording.body) chunks.push(chunk)
    const wav = Buffer.concat(chunks)
    t.equal(wav.byteLength, recording.length)
    t.equal(wav.toString('ascii', 0, 4), 'RIFF')
    t.equal(wav.toString('ascii', 8, 12), 'WAVE')
    // 8 kHz 16-bit mono: the data chunk lasts the duration the action reported
    t.equal(wav.readUInt32LE(40) / 16000, Number(action?.RecordingDuration))

    const uploaded = await sim.dial(CALLER_2)
    const audio = new Uint8Array(randomBytes(10_000))
    await sim.leaveVoicemail(uploaded, { audio, contentType: 'audio/mpeg' })
    await sim.idle()
    const uploadedId = service.to('/voicemail', uploaded)[0]?.params.RecordingSid ?? ''
    const fetched = await sim.telephony.voice.fetchRecording(uploadedId)
    t.equal(fetched.contentType, 'audio/mpeg')
    const parts: Uint8Array[] = []
    for await (const chunk of fetched.body) parts.push(chunk)
    t.same(Buffer.concat(parts), Buffer.from(audio), 'the uploaded audio as given')

    await sim.telephony.voice.deleteRecording(uploadedId)
    t.match(await rejection(sim.telephony.voice.fetchRecording(uploadedId)), {
      name: 'TelephonyError',
      status: 404,
    })
    t.match(await rejection(sim.telephony.voice.deleteRecording(uploadedId)), {
      name: 'TelephonyError',
      status: 404,
    })
    await t.rejects(sim.leaveVoicemail(uploaded, { text: 'x' }), { code: 'invalid_state' })
  },
)

t.test(
  'gather: digits up to finishOnKey or numDigits go to the action; no input goes on to the next verb',
  async (t) => {
    const { sim, service, url } = await setup(t)
    service.on(PATHS.incoming, () => [
      {
        verb: 'gather',
        action: url('/menu'),
        numDigits: 1,
        prompt: [{ verb: 'say', text: '满意请按1，不满意请按2' }],
      },
      { verb: 'say', text: '未收到按键' },
    ])
    service.on('/menu', (p) => [
      { verb: 'say', text: `您按了${p.Digits}` },
      { verb: 'gather', action: url('/code'), timeoutSeconds: 1 },
      { verb: 'say', text: '再见' },
    ])
    service.on('/code', (p) => [{ verb: 'say', text: `号码${p.Digits}` }])

    const callId = await sim.dial(CALLER)
    t.ok(
      sim.call(callId)?.transcript.some((e) => e.kind === 'say' && e.text.startsWith('满意请按1')),
      'the prompt',
    )
    await sim.press(callId, '2')
    t.match(service.to('/menu', callId)[0]?.params, { Digits: '2' })
    await sim.press(callId, '123#')
    t.match(service.to('/code', callId)[0]?.params, { Digits: '123', FinishedOnKey: '#' })
    t.equal(sim.call(callId)?.state, 'completed')

    // a second call lets the second gather time out: the next verb follows, the call ends
    const quiet = await sim.dial(CALLER_2)
    await sim.press(quiet, '1')
    await service.waitFor(
      (h) => h.path === PATHS.status && h.params.CallSid === quiet && h.params.CallStatus === 'completed',
    )
    t.equal(service.to('/code', quiet).length, 0, 'no action without digits')
    t.ok(sim.call(quiet)?.transcript.some((e) => e.text === '再见'))
  },
)

t.test('outbound calls to a watched number: answered, declined, rung out', async (t) => {
  const { sim, service, url } = await setup(t, { ringTimeoutMs: 50 })
  sim.watch(CALLER)
  service.on('/callback', () => [{ verb: 'say', text: '这里是热线回访' }])
  service.on('/callback-status', () => ({ status: 204 }))
  const place = () =>
    sim.telephony.voice.placeCall({
      to: CALLER,
      from: LINE,
      answerUrl: url('/callback'),
      statusUrl: url('/callback-status'),
    })
  const statuses = (callId: string) => service.to('/callback-status', callId).map((h) => h.params.CallStatus)

  // answered
  const { callId: answered } = await place()
  await sim.idle()
  t.match(sim.call(answered), { state: 'ringing', direction: 'outbound', to: CALLER })
  t.equal(
    sim.phone(CALLER).calls.filter((c) => c.state === 'ringing').length,
    1,
    'it rings at the test phone',
  )
  await sim.answer(answered)
  await sim.idle()
  t.match(service.to('/callback', answered)[0]?.params, {
    Direction: 'outbound-api',
    CallStatus: 'in-progress',
    To: CALLER,
  })
  t.same(statuses(answered), ['initiated', 'ringing', 'in-progress', 'completed'])
  t.equal(sim.call(answered)?.state, 'completed')

  // declined
  const { callId: declined } = await place()
  await sim.idle()
  await sim.reject(declined, 'busy')
  await sim.idle()
  t.same(statuses(declined), ['initiated', 'ringing', 'busy'])
  t.equal(service.to('/callback', declined).length, 0, 'a declined call fetches no script')

  // nobody answers
  const { callId: unanswered } = await place()
  await service.waitFor((h) => h.params.CallSid === unanswered && h.params.CallStatus === 'no-answer')
  t.same(statuses(unanswered), ['initiated', 'ringing', 'no-answer'])
  t.equal(sim.call(unanswered)?.state, 'no-answer')
  await t.rejects(sim.answer(unanswered), { code: 'invalid_state' })

  // the service hangs up an answered call
  const { callId: live } = await place()
  await sim.idle()
  service.on('/callback', () => [{ verb: 'gather', action: url('/never') }])
  await sim.answer(live)
  await sim.telephony.voice.hangupCall(live)
  await sim.idle()
  t.same(statuses(live), ['initiated', 'ringing', 'in-progress', 'completed'])

  await t.rejects(
    sim.telephony.voice.placeCall({ to: '12345', from: LINE, answerUrl: url('/x'), statusUrl: url('/y') }),
    { code: 'invalid_number' },
  )
})

t.test('a dial to a watched number that does not answer: the dial action says no-answer', async (t) => {
  const { sim, service, url } = await setup(t)
  sim.watch(CALLER_2)
  service.on(PATHS.incoming, () => [
    { verb: 'dial', target: { kind: 'number', number: CALLER_2 }, action: url('/dialled') },
  ])
  service.on('/dialled', (p) => [{ verb: 'say', text: `结果${p.DialCallStatus}` }])
  const callId = await sim.dial(CALLER)
  const leg = sim.calls().find((c) => c.parentCallId === callId)
  t.match(leg, { state: 'ringing', to: CALLER_2 })
  await sim.reject(leg?.callId ?? '', 'no-answer')
  await sim.idle()
  t.match(service.to('/dialled', callId)[0]?.params, {
    DialCallStatus: 'no-answer',
    DialCallSid: leg?.callId,
  })
  t.ok(sim.call(callId)?.transcript.some((e) => e.text === '结果no-answer'))
  t.equal(sim.call(callId)?.state, 'completed')
})

t.test(
  "the dialled leg's status callbacks: initiated, ringing, answered when picked up, completed; signed, in order",
  async (t) => {
    const { sim, service, url } = await setup(t)
    sim.watch(CALLER_2)
    service.on(PATHS.incoming, () => [
      {
        verb: 'dial',
        target: { kind: 'number', number: CALLER_2, statusUrl: url('/leg?call=c1') },
        action: url('/dialled'),
      },
    ])
    service.on('/leg', () => ({ status: 204 }))
    service.on('/dialled', () => [{ verb: 'hangup' }])
    const callId = await sim.dial(CALLER)
    await sim.idle()
    const leg = sim.calls().find((c) => c.parentCallId === callId)
    t.match(leg, { state: 'ringing', to: CALLER_2 })
    const legHooks = () => service.to('/leg')
    t.same(
      legHooks().map((h) => [h.params.CallStatus, h.params.SequenceNumber]),
      [
        ['initiated', '0'],
        ['ringing', '1'],
      ],
      'while it rings: initiated and ringing, nothing said about an answer',
    )
    t.equal(legHooks()[0]?.url, url('/leg?call=c1'), 'the URL as given, query and all')

    await sim.answer(leg?.callId ?? '')
    await sim.idle()
    t.same(
      legHooks().map((h) => h.params.CallStatus),
      ['initiated', 'ringing', 'in-progress'],
      'picked up: in-progress, while the dial goes on',
    )
    t.equal(service.to('/dialled').length, 0, 'the dial action waits for the end of the dial')
    t.equal(sim.call(callId)?.state, 'in-progress')

    await sim.hangup(callId)
    await sim.idle()
    const hooks = legHooks()
    t.same(
      hooks.map((h) => [h.params.CallStatus, h.params.SequenceNumber]),
      [
        ['initiated', '0'],
        ['ringing', '1'],
        ['in-progress', '2'],
        ['completed', '3'],
      ],
      'the caller hung up: the leg completed, last',
    )
    for (const h of hooks) {
      t.match(h.params, {
        CallSid: leg?.callId,
        ParentCallSid: callId,
        Direction: 'outbound-dial',
        To: CALLER_2,
      })
      t.ok(sim.telephony.voice.verify(h), 'signed for exactly this URL')
      t.match(sim.telephony.voice.parseCall(h.params), { callId: leg?.callId, parentCallId: callId })
    }
    t.match(hooks[3]?.params, { CallDuration: /^\d+$/ })
    t.equal(
      service.to(PATHS.status, leg?.callId).length,
      0,
      "the number's status URL hears nothing of the leg",
    )
    t.equal(service.refused, 0)
  },
)

t.test(
  "the dialled leg's status callbacks: only the moments asked for; Twilio's default is completed",
  async (t) => {
    const { sim, service, url } = await setup(t)
    sim.watch(CALLER_2)
    service.on('/leg', () => ({ status: 204 }))
    service.on('/dialled', () => [{ verb: 'hangup' }])
    // answered and completed only: declined, the leg posts its final status and nothing else
    service.on(PATHS.incoming, () => [
      {
        verb: 'dial',
        target: {
          kind: 'number',
          number: CALLER_2,
          statusUrl: url('/leg'),
          statusEvents: ['answered', 'completed'],
        },
        action: url('/dialled'),
      },
    ])
    const declined = await sim.dial(CALLER)
    const leg = sim.calls().find((c) => c.parentCallId === declined)
    await sim.reject(leg?.callId ?? '', 'busy')
    await sim.idle()
    t.same(
      service.to('/leg').map((h) => [h.params.CallStatus, h.params.ParentCallSid]),
      [['busy', declined]],
    )

    // TwiML without statusCallbackEvent (URL relative to the document): Twilio posts completed only
    service.on(PATHS.incoming, () => ({
      status: 200,
      contentType: 'text/xml',
      body: '<Response><Dial action="/dialled"><Client statusCallback="/leg2">op1</Client></Dial></Response>',
    }))
    service.on('/leg2', () => ({ status: 204 }))
    const answered = await sim.dial(CALLER)
    await sim.idle()
    const opLeg = sim.calls().find((c) => c.parentCallId === answered)
    t.equal(opLeg?.state, 'in-progress', 'client:* answers at once')
    t.equal(service.to('/leg2').length, 0, 'no answered callback unless asked for')
    await sim.hangup(opLeg?.callId ?? '')
    await sim.idle()
    t.same(
      service.to('/leg2').map((h) => [h.params.CallStatus, h.params.CallSid, h.params.ParentCallSid]),
      [['completed', opLeg?.callId, answered]],
    )
    t.equal(service.refused, 0)
  },
)

t.test(
  'SMS: recorded for the phone, status callbacks sent then delivered, over-long bodies refused',
  async (t) => {
    const { sim, service, url } = await setup(t)
    service.on('/sms-status', () => ({ status: 204 }))
    const sent = await sim.telephony.sms.send({
      to: CALLER,
      from: LINE,
      body: '您的查询码为 ABCD2345，密钥 xyz。',
      statusUrl: url('/sms-status'),
    })
    t.match(sent, { messageId: /^SM[0-9a-f]{32}$/, status: 'queued' })
    await sim.idle()
    const callbacks = service.to('/sms-status')
    t.same(
      callbacks.map((h) => h.params.MessageStatus),
      ['sent', 'delivered'],
    )
    for (const h of callbacks) {
      t.equal(h.params.MessageSid, sent.messageId)
      t.ok(sim.telephony.sms.verify(h), 'signed as received')
      t.notOk(
        sim.telephony.sms.verify({ ...h, params: { ...h.params, MessageStatus: 'failed' } }),
        'a changed parameter fails',
      )
      t.match(sim.telephony.sms.parseStatus(h.params), { messageId: sent.messageId })
    }
    t.match(sim.phone(CALLER).messages, [
      { messageId: sent.messageId, status: 'delivered', body: /ABCD2345/ },
    ])
    t.equal(sim.messages({ to: CALLER_2 }).length, 0)
    await t.rejects(sim.telephony.sms.send({ to: CALLER, from: LINE, body: 'x'.repeat(1601) }), {
      name: 'TelephonyError',
      code: 'rejected',
      message: /21617/,
    })
    t.ok(
      await sim.telephony.sms.send({ to: CALLER, from: LINE, body: '短'.repeat(1600) }),
      '1600 characters pass',
    )
  },
)

t.test('webhooks are signed with the auth token: a service holding another token refuses them', async (t) => {
  const { sim, service } = await setup(t)
  const other = new TelephonySimulator({
    authToken: 'not-the-token',
    publicBaseUrl: service.base,
    lineNumber: LINE,
  })
  t.teardown(() => other.close())
  service.on(PATHS.incoming, () => [{ verb: 'say', text: '不应听到' }])
  const callId = await other.dial(CALLER)
  t.ok(service.refused > 0, 'the service refused the forged webhooks')
  t.equal(service.hooks.length, 0)
  const call = other.call(callId)
  t.equal(call?.state, 'completed', 'Twilio ends a call whose webhook fails')
  t.ok(call?.transcript.some((e) => e.kind === 'error' && e.text.includes('403')))
  t.ok(call?.transcript.some((e) => e.kind === 'say' && e.text.includes('application error')))
  t.notOk(call?.transcript.some((e) => e.text === '不应听到'))

  // and the right token passes
  await sim.dial(CALLER)
  t.equal(service.to(PATHS.incoming).length, 1)
})

t.test('invalid TwiML or a failing webhook ends the call with an application error', async (t) => {
  const { sim, service } = await setup(t)
  service.on(PATHS.incoming, () => ({
    status: 200,
    contentType: 'text/xml',
    body: '<Response><Sya>x</Sya></Response>',
  }))
  const bad = await sim.dial(CALLER)
  t.match(sim.call(bad), { state: 'completed' })
  t.ok(sim.call(bad)?.transcript.some((e) => e.kind === 'error' && e.text.includes('Sya')))
  service.on(PATHS.incoming, () => ({ status: 500 }))
  const failed = await sim.dial(CALLER)
  t.ok(sim.call(failed)?.transcript.some((e) => e.kind === 'error' && e.text.includes('500')))
  t.same(
    service.to(PATHS.status, failed).map((h) => h.params.CallStatus),
    ['ringing', 'in-progress', 'completed'],
  )
})

t.test('100 simultaneous calls are all queued with distinct positions, none lost or doubled', async (t) => {
  const { sim, service, url } = await setup(t)
  service.on(PATHS.incoming, () => greetingAndQueue(url))
  service.on('/wait', () => [{ verb: 'pause', seconds: 10 }])
  const callers = Array.from({ length: 100 }, (_, i) => `+86139${String(i).padStart(8, '0')}`)
  const ids = await Promise.all(callers.map((from) => sim.dial(from)))
  await sim.idle()
  t.equal(new Set(ids).size, 100)
  const calls = ids.map((id) => sim.call(id))
  t.ok(calls.every((c) => c?.state === 'queued' && c.queue === 'hotline'))
  t.same(
    calls.map((c) => c?.position).sort((a, b) => (a ?? 0) - (b ?? 0)),
    Array.from({ length: 100 }, (_, i) => i + 1),
  )
  t.equal(service.to(PATHS.incoming).length, 100, 'each call posted its incoming webhook once')
  const sequences = ids.map((id) =>
    service
      .to(PATHS.status, id)
      .map((h) => h.params.SequenceNumber)
      .join(),
  )
  t.same(
    sequences.filter((seq) => seq !== '0,1'),
    [],
    'every call had exactly ringing and in-progress, in order',
  )
})

t.test('unknown calls and a closed simulator are refused', async (t) => {
  const { sim } = await setup(t)
  t.match(await rejection(sim.press(`CA${'0'.repeat(32)}`, '1')), { name: 'TelephonyError', status: 404 })
  t.match(await rejection(sim.telephony.voice.redirectCall(`CA${'0'.repeat(32)}`, 'http://x/y')), {
    name: 'TelephonyError',
    status: 404,
  })
  await t.rejects(sim.dial('13812345678'), TelephonyError)
  await sim.close()
  await t.rejects(sim.dial(CALLER), { code: 'closed' })
})
