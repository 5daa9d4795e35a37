// Poll codes by SMS through the telephony port, driven by the simulator (it records the SMS and posts
// signed status callbacks into the app's inject): a voter's verification code (valid 5 minutes) and an
// invitation's voting code, zh-CN, with the poll's title bounded, no link unless SMS_LINKS, within 500
// characters; once per request however often it is delivered; no number or code in any log line.
import { randomBytes, randomInt } from 'node:crypto'
import { PollsEvents } from '@tingjian/contracts'
import { injectTransport, TelephonySimulator } from '@tingjian/telephony/simulator'
import { type AdapterKind, eventually, personalDataIn, uniqueName } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import type { DeliveryDoc } from '../src/deliveries.ts'
import { COLLECTIONS } from '../src/directory.ts'
import { POLL_TITLE_IN_SMS, pollCodeSms, SMS_MAX_LENGTH } from '../src/domain/sms.ts'
import { cipher, notifications, PUBLIC_BASE_URL, SMS_FROM, WEB_URL } from './helpers.ts'

const AUTH_TOKEN = randomBytes(24).toString('base64url')
const LINK = /https?:|www\.|:\/\/|\.cn\b|\.com\b/i
/** The notifications test clock's time (helpers.ts): the requests are made then. */
const NOW = new Date('2026-03-02T02:00:00.000Z')
const TITLE = '出入境服务窗口满意度调查'

/** A mainland mobile number of the test's own, as the polls service normalises it (no +86). */
const mobile = () => `139${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0')}`
const sixDigits = () => String(randomInt(0, 1_000_000)).padStart(6, '0')

function codeRequested(o: {
  phone: string
  code?: string
  purpose?: 'verification' | 'invitation'
  pollId?: string
  pollTitle?: string
  requestId?: string
  expiresAt?: string | null
}) {
  const pollId = o.pollId ?? uniqueName('poll')
  const purpose = o.purpose ?? 'verification'
  const code =
    o.code ?? (purpose === 'verification' ? sixDigits() : randomBytes(6).toString('hex').toUpperCase())
  const data = {
    requestId: o.requestId ?? uniqueName('req'),
    pollId,
    pollTitle: o.pollTitle ?? TITLE,
    purpose,
    phone: cipher.encrypt(o.phone),
    code: cipher.encrypt(code),
    expiresAt:
      o.expiresAt !== undefined
        ? o.expiresAt
        : purpose === 'verification'
          ? new Date(NOW.getTime() + 5 * 60_000).toISOString()
          : null,
  }
  const event = PollsEvents.codeRequested.create({ subject: pollId, occurredAt: NOW, data })
  return { event, code, data }
}

async function setup(t: Test, kind: AdapterKind = 'embedded', smsLinks?: boolean) {
  const sim = new TelephonySimulator({
    authToken: AUTH_TOKEN,
    publicBaseUrl: PUBLIC_BASE_URL,
    lineNumber: SMS_FROM,
  })
  t.teardown(() => sim.close())
  const n = await notifications(t, {
    kind,
    sms: sim.telephony.sms,
    ...(smsLinks !== undefined ? { smsLinks } : {}),
  })
  sim.setTransport(injectTransport(() => n.app))
  const deliveries = n.store.collection<DeliveryDoc>(COLLECTIONS.deliveries)
  /** The SMS of this number, once there are `count`; then the simulator's callbacks are finished. */
  const smsTo = async (number: string, count = 1) => {
    const list = await eventually(async () => {
      const m = sim.messages({ to: number })
      return m.length >= count ? m : false
    })
    await sim.idle()
    return list
  }
  return { ...n, sim, deliveries, smsTo }
}

const noPersonalData = (t: Test, lines: string[], ...also: string[]) => {
  t.same(personalDataIn(lines.join('\n')), [], 'no personal data in the logs')
  for (const s of also)
    t.notOk(
      lines.some((l) => l.includes(s)),
      'not in any log line',
    )
}

for (const kind of ['embedded', 'distributed'] as AdapterKind[]) {
  t.test(`${kind}: a verification code by SMS, once per request; delivered`, async (t) => {
    const s = await setup(t, kind)
    const phone = mobile()
    const number = `+86${phone}`
    const req = codeRequested({ phone })
    await s.bus.publish(req.event)
    const [sms] = await s.smsTo(number)
    t.equal(sms?.from, SMS_FROM)
    t.match(sms?.body, req.code, 'the code')
    t.match(sms?.body, TITLE, "the poll's title")
    t.match(sms?.body, '5分钟内有效', 'valid 5 minutes')
    t.match(sms?.body, '验证码')
    t.notMatch(sms?.body, LINK, 'no link')
    t.ok([...(sms?.body ?? '')].length <= SMS_MAX_LENGTH)

    // redeliveries: the same envelope twice, the same request in a new envelope (a relay's retry); then a
    // marker under the same key (consumed after them)
    await s.bus.publish(req.event)
    await s.bus.publish(req.event)
    await s.bus.publish(
      PollsEvents.codeRequested.create({ subject: req.event.subject, occurredAt: NOW, data: req.data }),
    )
    const otherPhone = mobile()
    await s.bus.publish(codeRequested({ phone: otherPhone, pollId: req.data.pollId }).event)
    await s.smsTo(`+86${otherPhone}`)
    t.equal(s.sim.messages({ to: number }).length, 1, 'one SMS however often the request came')

    const record = await eventually(async () => {
      const r = (await s.deliveries.find({ eventId: req.data.requestId })).items[0]
      return r?.providerStatus === 'delivered' ? r : false
    })
    t.match(record, {
      channel: 'sms',
      kind: 'code',
      audience: 'citizen',
      eventType: 'polls.code-requested',
      trackingCode: null,
      status: 'sent',
      providerId: sms?.messageId,
      recipientMasked: `139****${phone.slice(-4)}`,
      message: null,
    })
    t.equal(await s.deliveries.count({ eventId: req.data.requestId }), 1, 'one record for the request')
    const admin = { authorization: `Bearer ${s.jwt.token({ sub: 'u-admin', roles: ['admin'] })}` }
    const api = await s.app.inject({
      method: 'GET',
      url: `/api/v1/notifications/deliveries?eventId=${req.data.requestId}`,
      headers: admin,
    })
    t.equal(api.statusCode, 200)
    t.match(api.json().items, [{ kind: 'code', channel: 'sms', providerStatus: 'delivered' }])
    t.notOk(api.body.includes(phone) || api.body.includes(req.code), 'no number or code for staff')
    noPersonalData(t, s.lines, phone, otherPhone, req.code)
  })
}

t.test('an invitation: the one-time voting code, no expiry; E.164 numbers as given', async (t) => {
  const s = await setup(t)
  const phone = mobile()
  const req = codeRequested({ phone: `+86${phone}`, purpose: 'invitation', code: 'K7M2Q9P4' })
  await s.bus.publish(req.event)
  const [sms] = await s.smsTo(`+86${phone}`)
  t.match(sms?.body, 'K7M2Q9P4')
  t.match(sms?.body, '一次性投票码')
  t.match(sms?.body, TITLE)
  t.match(sms?.body, '听见公众服务网站', 'the site by its name')
  t.notMatch(sms?.body, '分钟', 'no validity for an invitation')
  t.notMatch(sms?.body, LINK, 'no link')
  noPersonalData(t, s.lines, phone, 'K7M2Q9P4')
})

t.test('no SMS for an expired code or a landline', async (t) => {
  const s = await setup(t)
  const pollId = uniqueName('poll')
  const expired = codeRequested({
    phone: mobile(),
    pollId,
    expiresAt: new Date(NOW.getTime() - 1_000).toISOString(),
  })
  const landline = codeRequested({ phone: '010-12345678', pollId })
  await s.bus.publish(expired.event)
  await s.bus.publish(landline.event)
  // the marker: a good request of the same poll, handled after both
  const phone = mobile()
  await s.bus.publish(codeRequested({ phone, pollId }).event)
  await s.smsTo(`+86${phone}`)
  t.equal(s.sim.messages().length, 1, 'only the marker was sent')
  t.equal(await s.deliveries.count({ channel: 'sms' }), 1, 'nothing recorded for the others')
  t.ok(
    s.lines.some((l) => l.includes(expired.data.requestId) && l.includes('expired')),
    'the expired request is named in the log',
  )
  noPersonalData(t, s.lines, phone, expired.code, landline.code, '12345678')
})

t.test('no SMS channel: nothing sent, said per request', async (t) => {
  const bare = await notifications(t)
  const req = codeRequested({ phone: mobile() })
  await bare.bus.publish(req.event)
  await eventually(async () =>
    bare.lines.some((l) => l.includes(req.data.requestId) && l.includes('SMS not configured')),
  )
  t.equal(await bare.store.collection<DeliveryDoc>(COLLECTIONS.deliveries).count({}), 0)
})

t.test('the texts: the title bounded, within 500 characters, links only when allowed', async (t) => {
  const longTitle = '关于'.repeat(100)
  const noLinks = { links: false, webUrl: WEB_URL }
  for (const purpose of ['verification', 'invitation'] as const) {
    const text = pollCodeSms(
      { pollTitle: longTitle, code: '9'.repeat(64), purpose, validMinutes: 5 },
      noLinks,
    )
    t.ok([...text].length <= SMS_MAX_LENGTH, `${purpose}: ${[...text].length} characters`)
    t.match(text, '9'.repeat(64), 'the code whole')
    t.notMatch(text, longTitle, 'the title cut')
    t.match(
      text,
      `${'关于'.repeat(POLL_TITLE_IN_SMS / 2).slice(0, POLL_TITLE_IN_SMS - 1)}…`,
      'with an ellipsis',
    )
    t.notMatch(text, LINK)
  }
  t.match(
    pollCodeSms({ pollTitle: TITLE, code: '123456', purpose: 'verification', validMinutes: 5 }, noLinks),
    `「${TITLE}」`,
  )
  const withLink = pollCodeSms(
    { pollTitle: TITLE, code: '123456', purpose: 'invitation' },
    { links: true, webUrl: WEB_URL },
  )
  t.ok(withLink.endsWith(WEB_URL), 'SMS_LINKS adds the site')
})

t.test('SMS_LINKS: the code SMS ends with the site address', async (t) => {
  const s = await setup(t, 'embedded', true)
  const phone = mobile()
  await s.bus.publish(codeRequested({ phone }).event)
  const [sms] = await s.smsTo(`+86${phone}`)
  t.ok(sms?.body.endsWith(WEB_URL))
})
