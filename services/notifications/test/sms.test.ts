// SMS to hotline callers through the telephony port, driven by the simulator (the provider's part: it
// records the SMS and posts signed status callbacks, here into the app's inject): the code and key by SMS
// when a case is opened, the reply SMS, delivery statuses recorded forward only, the status webhook's
// signature checked, one SMS per event however often it is delivered, no number in any log line.
import { randomBytes } from 'node:crypto'
import { HotlineEvents, TrackingEvents } from '@tingjian/contracts'
import type { App } from '@tingjian/kit'
import { injectTransport, TelephonySimulator, type WebhookTransport } from '@tingjian/telephony/simulator'
import { type AdapterKind, eventually, personalDataIn, uniqueName } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import type { DeliveryDoc } from '../src/deliveries.ts'
import { COLLECTIONS } from '../src/directory.ts'
import { caseOpenedSms, caseRepliedSms, SMS_MAX_LENGTH } from '../src/domain/sms.ts'
import {
  accessKeyHash,
  cipher,
  notifications,
  PUBLIC_BASE_URL,
  SMS_FROM,
  trackingCode,
  WEB_URL,
} from './helpers.ts'

const AUTH_TOKEN = randomBytes(24).toString('base64url')
const STATUS_PATH = '/api/v1/notifications/sms/status'

/** A mainland mobile number of the test's own, as the hotline normalises it (no +86). */
const mobile = () => `139${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0')}`
const LINK = /https?:|www\.|:\/\/|\.cn\b|\.com\b/i

type Sent = Parameters<WebhookTransport>[0]

/** The simulator's webhooks into the app's inject, each request kept (to replay or tamper with). */
/** Webhooks handed to the app in process, each recorded. */
function recordingTransport(app: () => App, requests: Sent[]): WebhookTransport {
  const inject = injectTransport(() => app())
  return async (request) => {
    requests.push(request)
    return inject(request)
  }
}

/** One webhook as the simulator sent it, again (a duplicate, a replay). */
const post = (app: App, request: Sent) => injectTransport(() => app)(request)

function callLogged(o: {
  phone?: string
  outcome?: 'case' | 'answered_on_spot'
  subject?: string
  key?: string
  code?: string
}) {
  const callId = uniqueName('call')
  const key = o.key ?? randomBytes(24).toString('base64url')
  const code = o.code ?? trackingCode()
  const event = HotlineEvents.callLogged.create({
    subject: o.subject ?? callId,
    data: {
      callId,
      outcome: o.outcome ?? 'case',
      operatorId: 'u-operator',
      loggedAt: '2026-03-02T02:10:00.000Z',
      receivedAt: '2026-03-02T02:00:00.000Z',
      callerHash: 'h',
      case: {
        trackingCode: code,
        accessKeyHash: accessKeyHash(key),
        accessKey: cipher.encrypt(key),
        category: 'complaint',
        subject: '窗口工作人员态度差',
        summary: '来电人反映窗口工作人员态度差。',
        urgency: 'normal',
        anonymous: false,
        consentToPublish: false,
        locale: 'zh-CN',
        citizen: {
          name: cipher.encrypt('王五'),
          ...(o.phone ? { phone: cipher.encrypt(o.phone) } : {}),
        },
        ...(o.outcome === 'answered_on_spot' ? { answer: '已当场解答。' } : {}),
      },
    },
  })
  return { event, key, code, callId }
}

function caseReplied(code: string, callId: string, caseId = uniqueName('case')) {
  return TrackingEvents.caseReplied.create({
    subject: caseId,
    data: {
      caseId,
      trackingCode: code,
      channel: 'hotline',
      originId: callId,
      subject: '窗口工作人员态度差',
      departmentId: null,
      departmentName: null,
      text: '经核查，已对相关人员批评教育。',
      repliedAt: '2026-03-05T06:00:00.000Z',
    },
  })
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
  const requests: Sent[] = []
  sim.setTransport(recordingTransport(() => n.app, requests))
  const deliveries = n.store.collection<DeliveryDoc>(COLLECTIONS.deliveries)
  const admin = { authorization: `Bearer ${n.jwt.token({ sub: 'u-admin', roles: ['admin'] })}` }
  /** The SMS of this number, once there are `count`; then the simulator's callbacks are finished. */
  const smsTo = async (number: string, count = 1) => {
    const list = await eventually(async () => {
      const m = sim.messages({ to: number })
      return m.length >= count ? m : false
    })
    await sim.idle()
    return list
  }
  const recordOf = (eventId: string) =>
    eventually(async () => (await deliveries.find({ eventId, channel: 'sms' })).items[0])
  return { ...n, sim, requests, deliveries, admin, smsTo, recordOf }
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
  t.test(
    `${kind}: a case from a call: the caller's SMS carries the code and key, once; delivered`,
    async (t) => {
      const s = await setup(t, kind)
      const phone = mobile()
      const number = `+86${phone}`
      const call = callLogged({ phone })
      await s.bus.publish(call.event)
      const [sms] = await s.smsTo(number)
      t.equal(sms?.from, SMS_FROM)
      t.match(sms?.body, call.code, 'the tracking code')
      t.match(sms?.body, call.key, 'the access key')
      t.match(sms?.body, '听见公众服务网站', 'the site by its name')
      t.notMatch(sms?.body, LINK, 'no link')
      t.ok([...(sms?.body ?? '')].length <= SMS_MAX_LENGTH)

      // redeliveries: the same envelope twice; then a marker under the same key (consumed after them)
      await s.bus.publish(call.event)
      await s.bus.publish(call.event)
      const otherPhone = mobile()
      await s.bus.publish(callLogged({ phone: otherPhone, subject: call.event.subject }).event)
      await s.smsTo(`+86${otherPhone}`)
      t.equal(s.sim.messages({ to: number }).length, 1, 'one SMS however often the event came')

      const record = await eventually(async () => {
        const r = (await s.deliveries.find({ eventId: call.event.id })).items[0]
        return r?.providerStatus === 'delivered' ? r : false
      })
      t.match(record, {
        channel: 'sms',
        kind: 'receipt',
        audience: 'citizen',
        trackingCode: call.code,
        status: 'sent',
        providerId: sms?.messageId,
        recipientMasked: `139****${phone.slice(-4)}`,
        message: null,
      })
      const api = await s.app.inject({
        method: 'GET',
        url: `/api/v1/notifications/deliveries?eventId=${call.event.id}`,
        headers: s.admin,
      })
      t.equal(api.statusCode, 200)
      t.match(api.json().items, [
        { channel: 'sms', providerStatus: 'delivered', recipient: `139****${phone.slice(-4)}` },
      ])
      t.notOk(api.body.includes(phone), 'no number in clear for staff')
      noPersonalData(t, s.lines, phone, call.key)
    },
  )
}

t.test(
  'the status webhook: a wrong signature is refused, late and repeated callbacks change nothing',
  async (t) => {
    const s = await setup(t)
    const phone = mobile()
    const call = callLogged({ phone })
    await s.bus.publish(call.event)
    const [sms] = await s.smsTo(`+86${phone}`)
    const delivered = await eventually(async () => {
      const r = (await s.deliveries.find({ eventId: call.event.id })).items[0]
      return r?.providerStatus === 'delivered' ? r : false
    })
    const callbacks = s.requests.filter((r) => r.params.MessageSid === sms?.messageId)
    t.same(
      callbacks.map((r) => r.params.MessageStatus),
      ['sent', 'delivered'],
      'the simulator reported sent, then delivered',
    )
    const [sent, done] = callbacks as [Sent, Sent]

    // a late `sent` and a repeated `delivered`, correctly signed: accepted, nothing changes
    t.equal((await post(s.app, sent)).status, 204)
    t.equal((await post(s.app, done)).status, 204)
    let after = await s.deliveries.get(delivered._id)
    t.equal(after?.version, delivered.version, 'not written again')
    t.equal(after?.providerStatus, 'delivered')

    // tampered: a changed parameter under the old signature, no signature, a signature for another URL
    const failed = { ...done, params: { ...done.params, MessageStatus: 'failed' } }
    const unsigned = {
      ...done,
      headers: Object.fromEntries(Object.entries(done.headers).filter(([k]) => k !== 'x-twilio-signature')),
    }
    const elsewhere = { ...done, url: `${PUBLIC_BASE_URL}${STATUS_PATH}?x=1` }
    for (const [name, request] of [
      ['changed parameter', failed],
      ['no signature', unsigned],
      ['another URL', elsewhere],
    ] as const) {
      const res = await post(s.app, request)
      t.equal(res.status, 403, name)
      t.match(res.contentType, 'application/problem+json')
      t.match(JSON.parse(res.body), { status: 403, code: 'TJ_WEBHOOK_SIGNATURE' })
    }
    after = await s.deliveries.get(delivered._id)
    t.equal(after?.version, delivered.version, 'nothing changed')
    t.equal(after?.providerStatus, 'delivered')

    // signed but not a status callback: 400; the route needs no staff token, so nothing else is asked
    const bad = await s.app.inject({
      method: 'POST',
      url: STATUS_PATH,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'MessageSid=x',
    })
    t.equal(bad.statusCode, 403, 'unsigned junk is refused before it is read')
    noPersonalData(t, s.lines, phone)
  },
)

t.test('the reply SMS: after the code SMS, and when the reply comes before the number', async (t) => {
  const s = await setup(t)
  // the usual order: the call logged, then the case answered
  const phone = mobile()
  const call = callLogged({ phone })
  await s.bus.publish(call.event)
  await s.smsTo(`+86${phone}`)
  const reply = caseReplied(call.code, call.callId)
  await s.bus.publish(reply)
  await s.bus.publish(reply)
  const [, replySms] = await s.smsTo(`+86${phone}`, 2)
  t.match(replySms?.body, call.code)
  t.match(replySms?.body, '已答复')
  t.notMatch(replySms?.body, call.key, 'the key is never sent twice')
  t.notMatch(replySms?.body, '批评教育', 'the reply text stays on the site')
  t.notMatch(replySms?.body, LINK, 'no link')
  t.match(await s.recordOf(reply.id), { kind: 'reply', channel: 'sms', trackingCode: call.code })

  // answered on the spot: tracking's reply may be handled before the call (another stream)
  const phone2 = mobile()
  const call2 = callLogged({ phone: phone2, outcome: 'answered_on_spot' })
  const reply2 = caseReplied(call2.code, call2.callId)
  await s.bus.publish(reply2)
  await eventually(async () =>
    Boolean(
      (await s.store.collection<{ pendingReply?: unknown }>(COLLECTIONS.contacts).get(call2.code))
        ?.pendingReply,
    ),
  )
  await s.bus.publish(call2.event)
  const both = await s.smsTo(`+86${phone2}`, 2)
  t.match(both.map((m) => m.body).join('\n'), call2.key, 'the code SMS')
  t.match(both.find((m) => !m.body.includes(call2.key))?.body, '已答复', 'and the reply SMS')
  t.match(both.find((m) => m.body.includes(call2.key))?.body, '当场答复')

  // a marker: another reply of the first case (same key, so handled after the repeated one), then count
  await s.bus.publish(caseReplied(call.code, call.callId, reply.subject))
  await s.smsTo(`+86${phone}`, 3)
  t.equal(
    s.sim.messages({ to: `+86${phone}` }).length,
    3,
    'code, reply, marker: the repeated reply sent once',
  )
  noPersonalData(t, s.lines, phone, phone2, call.key, call2.key)
})

t.test(
  'no SMS without a number, to a landline, or with no channel configured (said once at start)',
  async (t) => {
    const s = await setup(t)
    const anonymous = callLogged({})
    const landline = callLogged({ phone: '010-12345678', subject: anonymous.event.subject })
    await s.bus.publish(anonymous.event)
    await s.bus.publish(landline.event)
    const phone = mobile()
    await s.bus.publish(callLogged({ phone, subject: anonymous.event.subject }).event)
    await s.smsTo(`+86${phone}`)
    t.equal(s.sim.messages().length, 1, 'only the mobile got one')
    t.equal(await s.deliveries.count({ channel: 'sms' }), 1)

    const bare = await notifications(t)
    const warnings = bare.lines.filter((l) => l.includes('no SMS channel configured'))
    t.equal(warnings.length, 1, 'said once at start')
    const call = callLogged({ phone: mobile() })
    await bare.bus.publish(call.event)
    // the event was handled: the caller's number was kept (for a channel configured later), nothing sent
    await eventually(async () =>
      Boolean((await bare.store.collection<{ phone?: string }>(COLLECTIONS.contacts).get(call.code))?.phone),
    )
    const deliveries = bare.store.collection<DeliveryDoc>(COLLECTIONS.deliveries)
    t.equal(await deliveries.count({}), 0, 'nothing sent, nothing failed')
    const status = await bare.app.inject({ method: 'POST', url: STATUS_PATH, payload: {} })
    t.equal(status.statusCode, 404, 'no status webhook without a provider')
  },
)

t.test('the texts stay within 500 characters with the longest inputs, links only when allowed', async (t) => {
  const longest = {
    trackingCode: 'Z'.repeat(10),
    accessKey: 'k'.repeat(64),
    timeLimitDays: 999_999,
    answered: false,
  }
  const noLinks = { links: false, webUrl: WEB_URL }
  for (const text of [
    caseOpenedSms(longest, noLinks),
    caseOpenedSms({ ...longest, answered: true }, noLinks),
    caseRepliedSms(longest, noLinks),
  ]) {
    t.ok([...text].length <= SMS_MAX_LENGTH, `${[...text].length} characters`)
    t.notMatch(text, LINK)
    t.match(text, longest.trackingCode)
  }
  const withLink = caseOpenedSms(longest, { links: true, webUrl: WEB_URL })
  t.match(withLink, WEB_URL, 'SMS_LINKS adds the site')
  const huge = caseOpenedSms(longest, { links: true, webUrl: `https://${'x'.repeat(600)}.cn` })
  t.equal([...huge].length, SMS_MAX_LENGTH, 'cut at the limit whatever WEB_URL is')
  t.match(caseOpenedSms({ ...longest, timeLimitDays: 7 }, noLinks), '7个工作日')
  t.notMatch(
    caseOpenedSms({ ...longest, timeLimitDays: undefined }, noLinks),
    '工作日',
    'no time limit when unknown',
  )
})

t.test('SMS_LINKS: the caller SMS ends with the site address', async (t) => {
  const s = await setup(t, 'embedded', true)
  const phone = mobile()
  await s.bus.publish(callLogged({ phone }).event)
  const [sms] = await s.smsTo(`+86${phone}`)
  t.ok(sms?.body.endsWith(WEB_URL))
})
