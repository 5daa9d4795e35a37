// The hotline's whole path through HTTP, across the services, on one bus, driven by the telephony
// simulator (issue 11): a call reaches the line and waits in the queue, the operator answers it and logs a
// case, tracking opens it with channel hotline, the caller gets the code and key by SMS and follows the
// case on the web with them, the reply is published, and the caller gets the reply SMS.
import { randomInt } from 'node:crypto'
import { type AdapterKind, eventually, personalDataIn } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import { login, platform } from './helpers.ts'

async function hotlineJourney(t: Test, kind: AdapterKind) {
  const p = await platform(t, kind)
  const { hotline, tracking } = p.apps
  const simulator = p.simulator
  if (!simulator) throw new Error('the platform runs the simulator when Twilio is not configured')
  const caller = `+86139${String(randomInt(10_000_000, 99_999_999))}`
  const national = caller.slice(3)

  // The operator comes on duty; a citizen calls the line.
  const operator = await login(t, p, 'operator')
  const duty = await hotline.inject({
    method: 'PUT',
    url: '/api/v1/hotline/operators/me',
    headers: operator,
    payload: { available: true, endpoint: 'client:operator-desk-1' },
  })
  t.equal(duty.statusCode, 200, 'the operator is available')
  const providerCallId = await simulator.dial(caller)
  await simulator.idle()
  const heard = simulator.call(providerCallId)
  t.equal(heard?.state, 'queued', 'the caller waits in the queue, no menu before a person')
  t.match(
    heard?.transcript
      .filter((x) => x.kind === 'say')
      .map((x) => x.text)
      .join(' '),
    /110/,
    'the greeting says to dial 110 in an emergency',
  )
  const queue = await hotline.inject({ url: '/api/v1/hotline/queue', headers: operator })
  t.equal(queue.statusCode, 200)
  t.equal(queue.json().waiting.length, 1, 'one caller waiting')

  // The operator answers the next caller: the call is bridged to the operator's soft phone.
  const answered = await hotline.inject({
    method: 'POST',
    url: '/api/v1/hotline/queue/answer-next',
    headers: operator,
  })
  t.equal(answered.statusCode, 200, 'answer next')
  const callId = answered.json().call.callId as string
  t.equal(answered.json().call.caller.replace(/^\+86/, ''), national, 'the operator sees the number in clear')
  await simulator.idle()
  t.equal(simulator.call(providerCallId)?.state, 'in-progress', 'the caller is talking to the operator')

  // The operator logs a case; the code and key are shown once.
  const logged = await hotline.inject({
    method: 'POST',
    url: `/api/v1/hotline/calls/${callId}/log`,
    headers: operator,
    payload: {
      outcome: 'case',
      category: 'complaint',
      subject: '出入境窗口收费与公示不符',
      summary: '来电人反映三月五日办理港澳通行证签注时被多收二十元，窗口未出示收费标准。',
      urgency: 'normal',
      name: '王五',
      consentToPublish: true,
    },
  })
  t.equal(logged.statusCode, 201, `logged: ${logged.body}`)
  const { trackingCode, accessKey } = logged.json() as { trackingCode: string; accessKey: string }
  t.match(trackingCode, /^[0-9A-HJ-NP-Z]{10}$/)
  await simulator.hangup(providerCallId)
  await simulator.idle()

  // Tracking opens the case with channel hotline; the dispatcher finds it by the caller's number.
  const dispatcher = await login(t, p, 'dispatcher')
  const found = await eventually(async () => {
    const res = await tracking.inject({
      url: `/api/v1/cases?phone=${encodeURIComponent(national)}`,
      headers: dispatcher,
    })
    return (
      res.json().items as Array<{ id: string; trackingCode: string; channel: string }> | undefined
    )?.find((c) => c.trackingCode === trackingCode)
  })
  t.equal(found.channel, 'hotline', 'the case came from the hotline')

  // The caller gets the code and key by SMS.
  const receipt = await eventually(async () =>
    simulator.messages({ to: caller }).find((m) => m.body.includes(trackingCode)),
  )
  t.ok(receipt.body.includes(accessKey), 'the SMS carries the access key')
  t.ok(receipt.body.length <= 500, 'within 500 characters')
  t.notMatch(receipt.body, /https?:\/\//, 'no link in the SMS')

  // The caller follows the case on the web with them.
  const follow = await tracking.inject({
    url: `/api/v1/public/cases/${trackingCode}`,
    headers: { 'x-access-key': accessKey },
  })
  t.equal(follow.statusCode, 200, 'the caller reads the case with the code and key')

  // The case runs its lifecycle; the reply is published.
  const act = async (who: Record<string, string>, action: string, body: Record<string, unknown> = {}) => {
    const current = await tracking.inject({ url: `/api/v1/cases/${found.id}`, headers: who })
    const res = await tracking.inject({
      method: 'POST',
      url: `/api/v1/cases/${found.id}/${action}`,
      headers: who,
      payload: { version: current.json().version, ...body },
    })
    t.equal(res.statusCode, 200, `${action}: ${res.statusCode === 200 ? 'ok' : res.body}`)
    return res.json()
  }
  await act(dispatcher, 'assign', { departmentId: p.seeded?.departments['exit-entry'] })
  const handler = await login(t, p, 'handler.exit-entry')
  await act(handler, 'sign')
  await act(handler, 'reply', { text: '经核查，多收费用已退还，并已在窗口公示收费标准。' })
  const lead = await login(t, p, 'lead.exit-entry')
  t.equal((await act(lead, 'reply/approve')).status, 'replied')
  const view = await eventually(async () => {
    const res = await tracking.inject({
      url: `/api/v1/public/cases/${trackingCode}`,
      headers: { 'x-access-key': accessKey },
    })
    return res.json().reply ? (res.json() as { reply: { text: string } }) : undefined
  })
  t.match(view.reply.text, '多收费用已退还', 'the caller reads the reply on the web')

  // The reply SMS.
  const replied = await eventually(async () =>
    simulator
      .messages({ to: caller })
      .find((m) => m.body.includes(trackingCode) && m.messageId !== receipt.messageId),
  )
  t.notOk(replied.body.includes(accessKey), 'the reply SMS does not repeat the key')

  t.same(personalDataIn(p.lines.join('\n')), [], 'no phone, ID number, e-mail or name in any log line')
  t.notOk(p.lines.join('\n').includes(national), 'the caller’s number is in no log line')
}

t.test('the hotline journey on the embedded adapters', (t) => hotlineJourney(t, 'embedded'))
t.test('the hotline journey on Kafka and FerretDB', (t) => hotlineJourney(t, 'distributed'))
