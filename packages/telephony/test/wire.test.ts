import { XMLParser } from 'fast-xml-parser'
import t from 'tap'
import { TelephonyError } from '../src/port.ts'
import {
  parseCallParams,
  parseSmsStatusParams,
  renderTwiml,
  SIGNATURE_HEADER,
  signRequest,
  verifySignedRequest,
} from '../src/wire/index.ts'

// ---- TwiML: parsed back, in document order -----------------------------------------------------

interface Element {
  name: string
  attrs: Record<string, string>
  text: string
  children: Element[]
}

type Ordered = Record<string, unknown>

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
})

function toElements(nodes: Ordered[]): Element[] {
  const out: Element[] = []
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@')
    if (name === undefined || name === '#text' || name.startsWith('?')) continue
    const content = (node[name] ?? []) as Ordered[]
    out.push({
      name,
      attrs: (node[':@'] ?? {}) as Record<string, string>,
      text: content.map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join(''),
      children: toElements(content),
    })
  }
  return out
}

/** The verbs under <Response>. */
function verbs(xml: string): Element[] {
  const [response, ...rest] = toElements(parser.parse(xml) as Ordered[])
  if (response?.name !== 'Response' || rest.length > 0) throw new Error(`not a TwiML response: ${xml}`)
  return response.children
}

t.test('an empty script is an empty response', async (t) => {
  const xml = renderTwiml([])
  t.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/)
  t.same(verbs(xml), [])
})

t.test('say: zh-CN by default, the language and loop when given, text escaped', async (t) => {
  const [a, b] = verbs(
    renderTwiml([
      { verb: 'say', text: '您好，这里是投诉热线 <1> & "2"' },
      { verb: 'say', text: 'Hello', language: 'en-US', loop: 2 },
    ]),
  )
  t.same(a, {
    name: 'Say',
    attrs: { language: 'zh-CN' },
    text: '您好，这里是投诉热线 <1> & "2"',
    children: [],
  })
  t.same(b, { name: 'Say', attrs: { language: 'en-US', loop: '2' }, text: 'Hello', children: [] })
})

t.test('play and pause', async (t) => {
  const [play, loop, pause] = verbs(
    renderTwiml([
      { verb: 'play', url: 'https://h.example/audio/notice.mp3' },
      { verb: 'play', url: 'https://h.example/audio/music.mp3', loop: 0 },
      { verb: 'pause', seconds: 3 },
    ]),
  )
  t.same(play, { name: 'Play', attrs: {}, text: 'https://h.example/audio/notice.mp3', children: [] })
  t.same(loop?.attrs, { loop: '0' }, 'loop 0 (forever) is kept, not dropped as falsy')
  t.same(pause, { name: 'Pause', attrs: { length: '3' }, text: '', children: [] })
})

t.test('enqueue: the queue name as text, wait URL and action posted', async (t) => {
  const [withAction, without] = verbs(
    renderTwiml([
      {
        verb: 'enqueue',
        queue: 'operators',
        waitUrl: 'https://h.example/v/wait?x=1&y=2',
        action: 'https://h.example/v/left',
      },
      { verb: 'enqueue', queue: 'operators', waitUrl: 'https://h.example/v/wait' },
    ]),
  )
  t.same(withAction, {
    name: 'Enqueue',
    attrs: {
      waitUrl: 'https://h.example/v/wait?x=1&y=2',
      waitUrlMethod: 'POST',
      action: 'https://h.example/v/left',
      method: 'POST',
    },
    text: 'operators',
    children: [],
  })
  t.same(without?.attrs, { waitUrl: 'https://h.example/v/wait', waitUrlMethod: 'POST' })
})

t.test('dial: number, client and queue nouns; caller id, timeout, action, recording', async (t) => {
  const [number, client, queue] = verbs(
    renderTwiml([
      {
        verb: 'dial',
        target: { kind: 'number', number: '+8613800000000' },
        callerId: '+861012345',
        timeoutSeconds: 25,
        action: 'https://h.example/v/dialled',
        record: true,
        recordingStatusUrl: 'https://h.example/v/recording',
      },
      { verb: 'dial', target: { kind: 'client', identity: 'operator-7' } },
      { verb: 'dial', target: { kind: 'queue', queue: 'operators' }, record: true },
    ]),
  )
  t.same(number?.attrs, {
    callerId: '+861012345',
    timeout: '25',
    action: 'https://h.example/v/dialled',
    method: 'POST',
    record: 'record-from-answer-dual',
    recordingStatusCallback: 'https://h.example/v/recording',
    recordingStatusCallbackMethod: 'POST',
  })
  t.same(number?.children, [{ name: 'Number', attrs: {}, text: '+8613800000000', children: [] }])
  t.same(client?.attrs, {})
  t.same(client?.children, [{ name: 'Client', attrs: {}, text: 'operator-7', children: [] }])
  t.same(queue?.attrs, { record: 'record-from-answer-dual' })
  t.same(queue?.children, [{ name: 'Queue', attrs: {}, text: 'operators', children: [] }])
})

t.test("dial: the dialled leg's status callback on <Client> and <Number>", async (t) => {
  const [client, number, chosen, none, empty] = verbs(
    renderTwiml([
      {
        verb: 'dial',
        target: {
          kind: 'client',
          identity: 'operator-7',
          statusUrl: 'https://h.example/v/operator-status?call=c1&operator=op7',
        },
        action: 'https://h.example/v/dialled',
      },
      {
        verb: 'dial',
        target: {
          kind: 'number',
          number: '+8613800000000',
          statusUrl: 'https://h.example/v/leg',
          statusEvents: ['answered', 'completed'],
        },
      },
      {
        verb: 'dial',
        target: {
          kind: 'client',
          identity: 'a',
          statusUrl: 'https://h.example/v/leg',
          statusEvents: ['ringing', 'ringing', 'answered'],
        },
      },
      { verb: 'dial', target: { kind: 'client', identity: 'b', statusEvents: ['answered'] } },
      {
        verb: 'dial',
        target: {
          kind: 'number',
          number: '+8613800000001',
          statusUrl: 'https://h.example/v/leg',
          statusEvents: [],
        },
      },
    ]),
  )
  t.same(
    client?.attrs,
    { action: 'https://h.example/v/dialled', method: 'POST' },
    'on the noun, not the verb',
  )
  t.same(
    client?.children,
    [
      {
        name: 'Client',
        attrs: {
          statusCallback: 'https://h.example/v/operator-status?call=c1&operator=op7',
          statusCallbackMethod: 'POST',
          statusCallbackEvent: 'initiated ringing answered completed',
        },
        text: 'operator-7',
        children: [],
      },
    ],
    'every moment unless told: Twilio alone would post only completed',
  )
  t.same(number?.children, [
    {
      name: 'Number',
      attrs: {
        statusCallback: 'https://h.example/v/leg',
        statusCallbackMethod: 'POST',
        statusCallbackEvent: 'answered completed',
      },
      text: '+8613800000000',
      children: [],
    },
  ])
  t.equal(chosen?.children[0]?.attrs.statusCallbackEvent, 'ringing answered', 'each moment once')
  t.same(none?.children[0]?.attrs, {}, 'events without a URL: nothing')
  t.same(empty?.children[0]?.attrs, {}, 'a URL without events: nothing')
})

t.test('record: a voicemail with every option, and with the required ones only', async (t) => {
  const [full, bare] = verbs(
    renderTwiml([
      {
        verb: 'record',
        maxLengthSeconds: 120,
        action: 'https://h.example/v/voicemail',
        recordingStatusUrl: 'https://h.example/v/recording',
        playBeep: false,
        finishOnKey: '#',
        timeoutSeconds: 5,
      },
      { verb: 'record', maxLengthSeconds: 60, action: 'https://h.example/v/voicemail' },
    ]),
  )
  t.same(full, {
    name: 'Record',
    attrs: {
      maxLength: '120',
      action: 'https://h.example/v/voicemail',
      method: 'POST',
      recordingStatusCallback: 'https://h.example/v/recording',
      recordingStatusCallbackMethod: 'POST',
      playBeep: 'false',
      finishOnKey: '#',
      timeout: '5',
    },
    text: '',
    children: [],
  })
  t.same(bare?.attrs, { maxLength: '60', action: 'https://h.example/v/voicemail', method: 'POST' })
})

t.test('gather: keypad input with nested prompts in order', async (t) => {
  const [gather] = verbs(
    renderTwiml([
      {
        verb: 'gather',
        action: 'https://h.example/v/menu',
        numDigits: 1,
        timeoutSeconds: 8,
        finishOnKey: '',
        prompt: [
          { verb: 'say', text: '请按1' },
          { verb: 'pause', seconds: 1 },
          { verb: 'play', url: 'https://h.example/audio/beep.mp3' },
        ],
      },
    ]),
  )
  t.same(gather?.attrs, {
    input: 'dtmf',
    action: 'https://h.example/v/menu',
    method: 'POST',
    numDigits: '1',
    timeout: '8',
    finishOnKey: '',
  })
  t.same(
    gather?.children.map((child) => [child.name, child.text]),
    [
      ['Say', '请按1'],
      ['Pause', ''],
      ['Play', 'https://h.example/audio/beep.mp3'],
    ],
  )
})

t.test('redirect, leave, hangup, and a whole script in order', async (t) => {
  const all = verbs(
    renderTwiml([
      { verb: 'say', text: '通话可能被录音' },
      { verb: 'redirect', url: 'https://h.example/v/next' },
      { verb: 'leave' },
      { verb: 'hangup' },
    ]),
  )
  t.same(
    all.map((verb) => verb.name),
    ['Say', 'Redirect', 'Leave', 'Hangup'],
  )
  t.same(all[1], {
    name: 'Redirect',
    attrs: { method: 'POST' },
    text: 'https://h.example/v/next',
    children: [],
  })
  t.same(all[2], { name: 'Leave', attrs: {}, text: '', children: [] })
  t.same(all[3], { name: 'Hangup', attrs: {}, text: '', children: [] })
})

// ---- parameters ----------------------------------------------------------------------------------

const base = { CallSid: 'CA0001', From: '+8613800000000', To: '+861012345', Direction: 'inbound' }

t.test('call parameters: an incoming call ringing', async (t) => {
  t.same(parseCallParams({ ...base, CallStatus: 'ringing', AccountSid: 'AC1', ApiVersion: '2010-04-01' }), {
    callId: 'CA0001',
    direction: 'inbound',
    from: '+8613800000000',
    to: '+861012345',
    status: 'ringing',
  })
})

t.test('call parameters: directions', async (t) => {
  const direction = (Direction: string) =>
    parseCallParams({ ...base, CallStatus: 'queued', Direction }).direction
  t.equal(direction('inbound'), 'inbound')
  t.equal(direction('outbound-api'), 'outbound')
  t.equal(direction('outbound-dial'), 'outbound')
  t.throws(() => direction('sideways'), { code: 'invalid_webhook' })
})

t.test('call parameters: every optional field', async (t) => {
  t.same(
    parseCallParams({
      ...base,
      CallSid: 'CA0002',
      ParentCallSid: 'CA0001',
      Direction: 'outbound-dial',
      CallStatus: 'completed',
      CallDuration: '65',
      SequenceNumber: '3',
      Digits: '0#',
      QueuePosition: '2',
      QueueTime: '40',
      QueueResult: 'bridged',
      DialCallStatus: 'answered',
      DialCallSid: 'CA0003',
      DialCallDuration: '61',
      RecordingSid: 'RE0001',
      RecordingDuration: '59',
      RecordingStatus: 'completed',
      AnsweredBy: 'human',
    }),
    {
      callId: 'CA0002',
      parentCallId: 'CA0001',
      direction: 'outbound',
      from: '+8613800000000',
      to: '+861012345',
      status: 'completed',
      durationSeconds: 65,
      sequenceNumber: 3,
      digits: '0#',
      queuePosition: 2,
      queueSeconds: 40,
      queueResult: 'bridged',
      dialStatus: 'answered',
      dialCallId: 'CA0003',
      dialDurationSeconds: 61,
      recording: { id: 'RE0001', durationSeconds: 59, status: 'completed' },
      answeredBy: 'human',
    },
  )
})

t.test('call parameters: answering-machine detection', async (t) => {
  const answered = (AnsweredBy: string) =>
    parseCallParams({ ...base, Direction: 'outbound-api', CallStatus: 'in-progress', AnsweredBy }).answeredBy
  t.equal(answered('human'), 'human')
  for (const machine of ['machine_start', 'machine_end_beep', 'machine_end_silence', 'machine_end_other']) {
    t.equal(answered(machine), 'machine', machine)
  }
  t.equal(answered('fax'), 'fax')
  t.equal(answered('unknown'), 'unknown')
  t.throws(() => answered('robot'), { code: 'invalid_webhook' })
})

t.test('call parameters: a recording status callback carries no call status', async (t) => {
  const webhook = parseCallParams({
    AccountSid: 'AC1',
    CallSid: 'CA0001',
    RecordingSid: 'RE0002',
    RecordingDuration: '12',
    RecordingStatus: 'completed',
    RecordingUrl: 'https://api.example/2010-04-01/Accounts/AC1/Recordings/RE0002',
  })
  t.same(webhook.recording, { id: 'RE0002', durationSeconds: 12, status: 'completed' })
  t.equal(webhook.callId, 'CA0001')
})

t.test('call parameters: bad input is a 400 invalid_webhook', async (t) => {
  const bad: Array<[string, Record<string, string>]> = [
    ['no CallSid', { From: '+861', To: '+862', Direction: 'inbound', CallStatus: 'ringing' }],
    ['empty CallSid', { ...base, CallSid: '', CallStatus: 'ringing' }],
    ['no CallStatus', { ...base }],
    ['unknown CallStatus', { ...base, CallStatus: 'exploded' }],
    ['no Direction', { CallSid: 'CA1', CallStatus: 'ringing' }],
    ['a duration that is no number', { ...base, CallStatus: 'completed', CallDuration: '1e3' }],
    ['a negative queue position', { ...base, CallStatus: 'in-progress', QueuePosition: '-1' }],
    ['an unknown queue result', { ...base, CallStatus: 'in-progress', QueueResult: 'teleported' }],
    ['an unknown dial status', { ...base, CallStatus: 'in-progress', DialCallStatus: 'maybe' }],
    [
      'an unknown recording status',
      { ...base, CallStatus: 'completed', RecordingSid: 'RE1', RecordingStatus: 'x' },
    ],
  ]
  for (const [name, params] of bad) {
    try {
      parseCallParams(params)
      t.fail(`${name}: accepted`)
    } catch (error) {
      t.ok(error instanceof TelephonyError, name)
      t.match(error, { code: 'invalid_webhook', transient: false, status: 400 }, name)
      t.notMatch((error as Error).message, /\+86/, `${name}: no number in the message`)
    }
  }
})

t.test('SMS status parameters', async (t) => {
  t.same(parseSmsStatusParams({ MessageSid: 'SM1', MessageStatus: 'delivered', To: '+8613800000000' }), {
    messageId: 'SM1',
    status: 'delivered',
  })
  t.same(parseSmsStatusParams({ MessageSid: 'SM2', MessageStatus: 'undelivered', ErrorCode: '30006' }), {
    messageId: 'SM2',
    status: 'undelivered',
    errorCode: '30006',
  })
  t.throws(() => parseSmsStatusParams({ MessageStatus: 'sent' }), { code: 'invalid_webhook', status: 400 })
  t.throws(() => parseSmsStatusParams({ MessageSid: 'SM3' }), { code: 'invalid_webhook' })
  t.throws(() => parseSmsStatusParams({ MessageSid: 'SM3', MessageStatus: 'read-by-aliens' }), {
    code: 'invalid_webhook',
  })
})

// ---- signatures ----------------------------------------------------------------------------------

// Twilio's published example (twilio-node spec/validation.spec.js; Twilio's security docs and snippets):
// auth token 12345, this URL and these parameters are signed RSOYDt4T1cUTdK1PDd93/VVr8B8=.
const published = {
  authToken: '12345',
  url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
  params: {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+14158675309',
    Digits: '1234',
    From: '+14158675309',
    To: '+18005551212',
  },
  signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
}

function request(overrides: {
  url?: string
  params?: Record<string, string>
  signature?: string | string[]
}) {
  const signature = 'signature' in overrides ? overrides.signature : published.signature
  return {
    url: overrides.url ?? published.url,
    params: overrides.params ?? published.params,
    headers: signature === undefined ? {} : { [SIGNATURE_HEADER]: signature },
  }
}

t.test("signature: Twilio's published example", async (t) => {
  t.equal(SIGNATURE_HEADER, 'x-twilio-signature')
  t.equal(
    signRequest(published.authToken, published.url, published.params),
    published.signature,
    'signed the same',
  )
  t.ok(verifySignedRequest(published.authToken, request({})), 'accepted')
  t.ok(
    verifySignedRequest(
      published.authToken,
      request({ url: 'https://mycompany.com:443/myapp.php?foo=1&bar=2' }),
    ),
    'accepted with the default port written out',
  )
})

t.test('signature: anything changed is refused', async (t) => {
  const token = published.authToken
  t.notOk(
    verifySignedRequest(token, request({ params: { ...published.params, Digits: '1235' } })),
    'tampered parameter',
  )
  t.notOk(
    verifySignedRequest(token, request({ params: { ...published.params, Extra: '' } })),
    'added parameter',
  )
  const { Caller: _dropped, ...fewer } = published.params
  t.notOk(verifySignedRequest(token, request({ params: fewer })), 'dropped parameter')
  t.notOk(
    verifySignedRequest(token, request({ url: 'https://mycompany.com/myapp.php?foo=1&bar=3' })),
    'changed query',
  )
  t.notOk(
    verifySignedRequest(token, request({ url: 'https://mycompany.com/other.php?foo=1&bar=2' })),
    'changed path',
  )
  t.notOk(
    verifySignedRequest(token, request({ url: 'http://mycompany.com/myapp.php?foo=1&bar=2' })),
    'changed scheme',
  )
  t.notOk(
    verifySignedRequest(token, request({ url: 'http://127.0.0.1:3000/myapp.php?foo=1&bar=2' })),
    'internal URL',
  )
  t.notOk(verifySignedRequest(token, request({ signature: undefined })), 'missing header')
  t.notOk(verifySignedRequest(token, request({ signature: '' })), 'empty header')
  t.notOk(
    verifySignedRequest(token, request({ signature: [published.signature, published.signature] })),
    'repeated',
  )
  t.notOk(verifySignedRequest('54321', request({})), 'another account')
  t.notOk(verifySignedRequest(token, request({ url: 'not a url' })), 'unparsable URL')
})

t.test('signature: what the simulator signs, the adapter verifies', async (t) => {
  const url = 'https://hotline.example/telephony/voice/incoming?line=main'
  const params = { CallSid: 'CA9', CallStatus: 'ringing', From: '+8613800000000', Body: '有 空格 & 符号=' }
  const signature = signRequest('token-a', url, params)
  t.ok(verifySignedRequest('token-a', { url, params, headers: { [SIGNATURE_HEADER]: signature } }))
  t.notOk(verifySignedRequest('token-b', { url, params, headers: { [SIGNATURE_HEADER]: signature } }))
})
