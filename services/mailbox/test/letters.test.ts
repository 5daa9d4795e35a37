import { createHash, randomBytes } from 'node:crypto'
import { type EventEnvelope, MailboxEvents, type Static } from '@tingjian/contracts'
import { accessKeyHash, ManualClock, PROBLEM_CONTENT_TYPE, TRACKING_ALPHABET } from '@tingjian/kit'
import { capturedLogger, eventually, personalDataIn, testAdapters } from '@tingjian/testkit'
import t from 'tap'
import { buildMailbox } from '../src/app.ts'
import { mailbox, testCipher, validLetter } from './helpers.ts'

type LetterSubmitted = Static<(typeof MailboxEvents.letterSubmitted)['data']>

t.test('a letter is stored, answered with a tracking code and a one-time key, and announced', async (t) => {
  const { app, store, events, lines, cipher } = await mailbox(t)
  const res = await app.inject({ method: 'POST', url: '/api/v1/mailbox/letters', payload: validLetter() })
  t.equal(res.statusCode, 201)
  const receipt = res.json()
  t.match(receipt.trackingCode, new RegExp(`^[${TRACKING_ALPHABET}]{10}$`))
  t.ok(receipt.accessKey.length >= 32)
  t.equal(receipt.submittedAt, '2026-03-02T02:00:00.000Z')

  const stored = await store
    .collection<{ accessKeyHash: string; citizen: Record<string, string> }>('letters')
    .get(receipt.letterId)
  t.equal(stored?.accessKeyHash, accessKeyHash(receipt.accessKey), 'only the hash of the key is kept')
  t.notOk(JSON.stringify(stored).includes(receipt.accessKey))
  t.equal(cipher.decrypt(stored?.citizen.phone ?? ''), '13812345678', 'phone normalised')

  const [event] = await eventually(async () => events.length === 1 && events)
  t.ok(event && MailboxEvents.letterSubmitted.is(event), 'mailbox.letter-submitted v2')
  const data = (event as EventEnvelope<LetterSubmitted>).data
  t.equal(event?.subject, receipt.letterId)
  t.equal(data.trackingCode, receipt.trackingCode)
  t.equal(cipher.decrypt(data.citizen.email ?? ''), 'zhang.san@example.com')
  t.equal(event?.correlationId, res.headers['x-request-id'])
  t.same(personalDataIn(lines.join('\n')), [], 'no personal data in the logs')
})

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(`contact fields are encrypted at rest and in the event; nothing else is (${kind})`, async (t) => {
    const { app, store, events, cipher } = await mailbox(t, kind)
    const res = await app.inject({ method: 'POST', url: '/api/v1/mailbox/letters', payload: validLetter() })
    t.equal(res.statusCode, 201)
    const { letterId } = res.json()
    // what a copy of the SQLite file or the database would show
    const stored = await store
      .collection<{ citizen: Record<string, string>; subject: string }>('letters')
      .get(letterId)
    const [event] = await eventually(async () => events.length === 1 && events, 60_000)
    const announced = (event as EventEnvelope<LetterSubmitted>).data.citizen
    // the expected clear values are those of the request, normalised as the README says
    const clear = {
      name: '张三',
      phone: '13812345678',
      email: 'zhang.san@example.com',
      idNumber: '11010519491231002X',
    }
    for (const [where, citizen] of [
      ['stored letter', stored?.citizen ?? {}],
      ['event', announced as Record<string, string>],
    ] as const) {
      t.same(Object.keys(citizen).sort(), Object.keys(clear).sort(), `${where}: every contact field is there`)
      for (const [field, value] of Object.entries(clear)) {
        const sealed = citizen[field] ?? ''
        t.match(sealed, /^tjf1:test1:/, `${where}: ${field} sealed with the current key`)
        t.notOk(sealed.includes(value), `${where}: ${field} not in clear`)
        t.equal(cipher.decrypt(sealed), value, `${where}: ${field} opens to the value given`)
      }
    }
    t.equal(stored?.subject, '办理护照等待时间过长', 'the letter itself is not a contact field')
    const raw = JSON.stringify([stored, event])
    for (const value of [
      '13812345678',
      '138 1234 5678',
      '11010519491231002X',
      'zhang.san@example.com',
      '张三',
    ])
      t.notOk(raw.includes(value), `${value} appears nowhere`)
  })
}

t.test(
  'the HMAC secret is not kept in the store, and a stored one from an earlier version is erased',
  async (t) => {
    const { logger } = capturedLogger()
    const { bus, store } = await testAdapters(t, 'embedded', 'mailbox', logger)
    const settings = store.collection<{ value: string | null }>('settings')
    await settings.insert('mailbox-secret', { value: 'b2xkLXNlY3JldC1rZXB0LWJlc2lkZS10aGUtbGV0dGVycw==' })
    const app = await buildMailbox({
      logger,
      bus,
      store,
      clock: new ManualClock('2026-03-02T02:00:00.000Z'),
      secret: randomBytes(32),
      cipher: testCipher(),
    })
    t.teardown(() => app.close())
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/mailbox/letters',
      headers: { 'idempotency-key': 'secret-0123456789' },
      payload: validLetter(),
    })
    t.equal(res.statusCode, 201)
    t.same(await settings.get('mailbox-secret').then((s) => s?.value), null, 'the old secret is erased')
    // The request's fingerprint is kept to recognise a retry; whoever reads the store must not be able to
    // test guesses of the contact fields against it, so it is no plain hash of the request.
    const letter = validLetter()
    const canonical = JSON.stringify(
      Object.keys(letter)
        .sort()
        .map((k) => [k, letter[k as keyof typeof letter]]),
    )
    const stored = await store.collection<{ requestFingerprint: string }>('letters').get(res.json().letterId)
    t.match(stored?.requestFingerprint, /^[0-9a-f]{64}$/)
    t.not(
      stored?.requestFingerprint,
      createHash('sha256').update(canonical).digest('hex'),
      'keyed, not a plain hash',
    )
    t.equal(await settings.count(), 1, 'and no other setting was made')
    const weak = buildMailbox({
      logger,
      bus,
      store,
      clock: new ManualClock(),
      secret: randomBytes(16),
      cipher: testCipher(),
    })
    await t.rejects(weak, /at least 32 bytes/, 'a short secret is refused')
  },
)

t.test('anonymous letters carry no identity', async (t) => {
  const { app } = await mailbox(t)
  const { name, phone, idNumber, ...rest } = validLetter()
  void name
  void phone
  void idNumber
  const ok = await app.inject({
    method: 'POST',
    url: '/api/v1/mailbox/letters',
    payload: { ...rest, anonymous: true },
  })
  t.equal(ok.statusCode, 201)
  const bad = await app.inject({
    method: 'POST',
    url: '/api/v1/mailbox/letters',
    payload: { ...rest, anonymous: true, phone: '13812345678' },
  })
  t.equal(bad.statusCode, 400)
  t.same(bad.json().errors, [{ path: 'body/phone', message: 'must be absent in an anonymous letter' }])
})

t.test(
  'Idempotency-Key: a retry gets the same answer; another letter under the key is refused',
  async (t) => {
    const { app, store, events } = await mailbox(t)
    const send = (payload: object) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/mailbox/letters',
        headers: { 'idempotency-key': 'retry-0123456789' },
        payload,
      })
    const first = await send(validLetter())
    const again = await send(validLetter())
    t.equal(first.statusCode, 201)
    t.equal(again.statusCode, 201)
    t.same(again.json(), first.json(), 'same letter id, tracking code and access key')
    t.equal(again.headers['idempotent-replayed'], 'true')
    const other = await send({ ...validLetter(), subject: '另一封信' })
    t.equal(other.statusCode, 422)
    t.equal(other.headers['content-type'], PROBLEM_CONTENT_TYPE)
    t.equal(await store.collection('letters').count(), 1)
    // A marker letter written after the retries: once it is announced, anything they announced was too.
    const marker = await app.inject({
      method: 'POST',
      url: '/api/v1/mailbox/letters',
      payload: validLetter(),
    })
    await eventually(async () => events.some((e) => e.subject === marker.json().letterId))
    t.same(
      events.map((e) => e.subject),
      [first.json().letterId, marker.json().letterId],
      'the letter announced once, then the marker',
    )
  },
)

t.test('bad input gets a 400 problem naming the field, and stores nothing', async (t) => {
  const { app, store } = await mailbox(t)
  const cases: Array<[string, Record<string, unknown>, string?]> = [
    ['unknown category', { category: 'threat' }],
    ['blank subject', { subject: '   ' }],
    ['short body', { body: 'short' }],
    ['body with control characters', { body: `有问题\u0000\u0007的内容，超过十个字符的正文` }],
    ['subject with a bidi override', { subject: '护照\u202e问题' }],
    ['subject with a line separator', { subject: '护照\u2028问题' }],
    ['subject with a paragraph separator', { subject: '护照\u2029问题' }],
    ['subject with a zero-width space', { subject: '护照\u200b问题' }],
    ['subject with a right-to-left mark', { subject: '护照\u200f问题' }],
    ['subject with the Arabic letter mark', { subject: '护照\u061c问题' }],
    ['subject with a byte-order mark', { subject: '\ufeff护照问题' }],
    ['subject with nothing visible', { subject: '\u200b\u200b\u3000 ' }],
    ['name with a zero-width joiner', { name: '张\u200d三' }],
    ['name with a line break', { name: '张\n三' }],
    ['name with nothing visible', { name: '\u3164' }],
    ['over-long body', { body: '长'.repeat(10_001) }],
    ['bad mobile', { phone: '12345678901' }],
    ['letters in the phone', { phone: '138abc45678' }],
    ['bad ID check digit', { idNumber: '110105194912310021' }],
    ['impossible birth date', { idNumber: '110105194902300028' }],
    ['bad e-mail', { email: 'not-an-address' }],
    ['named without a name', { name: undefined }],
    ['unknown field', { isAdmin: true }],
    ['operator in a value', { subject: { $gt: '' } }],
    ['object where a string goes', { name: { first: 'a' } }],
    ['string where a boolean goes', { anonymous: 'no' }],
    // refused by the kit's JSON parser before validation
    ['prototype pollution', JSON.parse('{"__proto__": {"polluted": true}}'), '/problems/invalid-json'],
  ]
  for (const [label, change, type = '/problems/validation'] of cases) {
    const payload: Record<string, unknown> = { ...validLetter(), ...change }
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete payload[k]
    const res = await app.inject({ method: 'POST', url: '/api/v1/mailbox/letters', payload })
    t.equal(res.statusCode, 400, label)
    t.equal(res.headers['content-type'], PROBLEM_CONTENT_TYPE, `${label}: problem+json`)
    t.equal(res.json().type, type, `${label}: ${type}`)
  }
  const raw = await app.inject({
    method: 'POST',
    url: '/api/v1/mailbox/letters',
    headers: { 'content-type': 'application/json' },
    payload: '{"category":',
  })
  t.equal(raw.statusCode, 400, 'malformed JSON')
  const big = await app.inject({
    method: 'POST',
    url: '/api/v1/mailbox/letters',
    payload: { ...validLetter(), body: 'x'.repeat(400_000) },
  })
  t.equal(big.statusCode, 413, 'body over the limit')
  const form = await app.inject({
    method: 'POST',
    url: '/api/v1/mailbox/letters',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'category=complaint',
  })
  t.equal(form.statusCode, 415, 'wrong content type')
  t.equal(({} as Record<string, unknown>).polluted, undefined)
  t.equal(await store.collection('letters').count(), 0, 'nothing stored')
})

t.test('on Kafka and FerretDB too', async (t) => {
  const { app, events } = await mailbox(t, 'distributed')
  const res = await app.inject({ method: 'POST', url: '/api/v1/mailbox/letters', payload: validLetter() })
  t.equal(res.statusCode, 201)
  await eventually(async () => events.some((e) => e.subject === res.json().letterId))
})

t.test(
  'declineCallback (the citizen asks not to be phoned) is kept and announced; absent is false',
  async (t) => {
    const { app, store, events } = await mailbox(t)
    const declined = await app.inject({
      method: 'POST',
      url: '/api/v1/mailbox/letters',
      payload: { ...validLetter(), declineCallback: true },
    })
    t.equal(declined.statusCode, 201)
    const plain = await app.inject({ method: 'POST', url: '/api/v1/mailbox/letters', payload: validLetter() })
    t.equal(plain.statusCode, 201)
    const letters = store.collection<{ declineCallback?: boolean }>('letters')
    t.equal((await letters.get(declined.json().letterId))?.declineCallback, true, 'stored')
    t.equal((await letters.get(plain.json().letterId))?.declineCallback, false, 'absent: stored as false')
    await eventually(async () => events.length === 2)
    const announced = (id: string) =>
      (events.find((e) => e.subject === id) as EventEnvelope<LetterSubmitted>).data.declineCallback
    t.equal(announced(declined.json().letterId), true, 'in mailbox.letter-submitted')
    t.equal(announced(plain.json().letterId), false, 'absent in the request: false in the event')
    for (const e of events) t.ok(MailboxEvents.letterSubmitted.is(e), 'the events validate')
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/mailbox/letters',
      payload: { ...validLetter(), declineCallback: 'yes' },
    })
    t.equal(bad.statusCode, 400, 'not a boolean: 400')
    t.equal(bad.headers['content-type'], PROBLEM_CONTENT_TYPE)
    t.equal(await letters.count(), 2, 'nothing stored for it')
  },
)

t.test(
  'Idempotency-Key: a changed declineCallback is another letter; false is the same as absent',
  async (t) => {
    const { app, store } = await mailbox(t)
    const send = (key: string, payload: object) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/mailbox/letters',
        headers: { 'idempotency-key': key },
        payload,
      })
    const first = await send('decline-0123456789', validLetter())
    t.equal(first.statusCode, 201)
    const sameAsAbsent = await send('decline-0123456789', { ...validLetter(), declineCallback: false })
    t.equal(sameAsAbsent.statusCode, 201, 'false is the default: a retry of the same letter')
    t.equal(sameAsAbsent.headers['idempotent-replayed'], 'true')
    t.same(sameAsAbsent.json(), first.json())
    const changed = await send('decline-0123456789', { ...validLetter(), declineCallback: true })
    t.equal(changed.statusCode, 422, 'true under the same key: a different letter')
    t.equal(changed.headers['content-type'], PROBLEM_CONTENT_TYPE)

    const declined = await send('decline-abcdefghij', { ...validLetter(), declineCallback: true })
    t.equal(declined.statusCode, 201)
    const retried = await send('decline-abcdefghij', { ...validLetter(), declineCallback: true })
    t.same(retried.json(), declined.json(), 'the same declining letter again: replayed')
    const withdrawn = await send('decline-abcdefghij', validLetter())
    t.equal(withdrawn.statusCode, 422, 'the decline dropped under the same key: a different letter')
    t.equal(await store.collection('letters').count(), 2)
  },
)
