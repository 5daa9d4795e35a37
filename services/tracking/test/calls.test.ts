// hotline.call-logged → tracking: a case per call (channel hotline), answered on the spot in one write,
// a follow-up call added to an existing case once, nothing for referred / not-a-matter calls; redeliveries
// change nothing, on both adapters.
import { createHash, randomBytes } from 'node:crypto'
import { type EventEnvelope, HotlineEvents, TrackingEvents, uuidv7 } from '@tingjian/contracts'
import { type AdapterKind, eventually, PERSONAL_DATA } from '@tingjian/testkit'
import t, { type Test } from 'tap'
import { CALL_ADDED, type CallLogged, caseIdFor } from '../src/domain/intake.ts'
import { MONDAY } from './fixtures.ts'
import { type Harness, harness, trackingCode } from './helpers.ts'

const PHONE = '13912345678'
const NAME = '李四'

/** A call-logged event as the hotline publishes it: contact fields and the access key sealed. */
function callLogged(
  h: Harness,
  overrides: Partial<CallLogged> = {},
  subject?: string,
  caseOverrides: Partial<NonNullable<CallLogged['case']>> = {},
) {
  const callId = `call_${randomBytes(8).toString('hex')}`
  const key = randomBytes(16).toString('base64url')
  const code = trackingCode()
  const data: CallLogged = {
    callId,
    outcome: 'case',
    operatorId: 'u-operator',
    loggedAt: MONDAY.toISOString(),
    receivedAt: new Date(MONDAY.getTime() - 10 * 60_000).toISOString(),
    callerHash: 'hotline-hash',
    case: {
      trackingCode: code,
      accessKeyHash: `sha256:${createHash('sha256').update(key).digest('hex')}`,
      accessKey: h.cipher.encrypt(key),
      category: 'report',
      subject: '举报路口违法停车',
      summary: '来电人反映某路口长期有车辆违法停车，影响通行。',
      urgency: 'urgent',
      anonymous: false,
      consentToPublish: true,
      locale: 'zh-CN',
      region: '310000',
      citizen: { name: h.cipher.encrypt(NAME), phone: h.cipher.encrypt(PHONE) },
      ...caseOverrides,
    },
    ...overrides,
  }
  const event = HotlineEvents.callLogged.create({ subject: subject ?? callId, data })
  return { event, data, key, code, id: caseIdFor('hotline', callId) }
}

/** Every tracking event of the test's bus, by subject. */
async function observe(t: Test, h: Harness) {
  const seen: EventEnvelope[] = []
  const sub = await h.bus.subscribe(
    { group: `test-observer-${uuidv7()}`, streams: ['tracking'] },
    async (e) => {
      seen.push(e)
    },
  )
  t.teardown(() => sub.close())
  return (subject: string) => seen.filter((e) => e.subject === subject)
}

for (const kind of ['embedded', 'distributed'] as AdapterKind[]) {
  t.test(`${kind}: a call logged as a case opens a hotline case once`, async (t) => {
    const h = await harness(t, kind)
    const events = await observe(t, h)
    const call = callLogged(h)
    await h.bus.publish(call.event)
    await eventually(async () => (await h.cases.get(call.id)) !== null)
    // redeliveries: the same envelope again, and the same log in a new envelope (a producer's retry)
    await h.bus.publish(call.event)
    await h.bus.publish(HotlineEvents.callLogged.create({ subject: call.data.callId, data: call.data }))
    // the marker: another call under the same key, so consumed after the redeliveries
    const marker = callLogged(h, {}, call.data.callId)
    await h.bus.publish(marker.event)
    await eventually(async () => (await h.cases.get(marker.id)) !== null)

    t.equal(await h.cases.count({ originId: call.data.callId }), 1, 'one case for the call')
    const stored = await h.cases.get(call.id)
    t.match(stored, {
      version: 1,
      channel: 'hotline',
      originId: call.data.callId,
      trackingCode: call.code,
      accessKeyHash: call.data.case?.accessKeyHash,
      category: 'report',
      subject: '举报路口违法停车',
      body: '来电人反映某路口长期有车辆违法停车，影响通行。',
      urgency: 'urgent',
      status: 'received',
      submittedAt: call.data.receivedAt,
      locale: 'zh-CN',
      region: '310000',
      citizenMasked: { name: '李*', phone: '139****5678' },
    })
    t.ok(h.cipher.isEncrypted(stored?.citizen.phone), 'the phone is stored sealed')
    t.ok(h.cipher.isEncrypted(stored?.citizen.name), 'the name is stored sealed')
    t.notOk(JSON.stringify(stored).includes(PHONE), 'no phone in clear in the document')
    t.same(
      stored?.timeline.map((e) => [e.action, e.actorId, e.public]),
      [['opened', 'u-operator', true]],
    )

    const operator = { authorization: `Bearer ${h.token('hotline_operator')}` }
    const view = await h.app.inject({ method: 'GET', url: `/api/v1/cases/${call.id}`, headers: operator })
    t.equal(view.statusCode, 200)
    t.match(view.json(), { channel: 'hotline', urgency: 'urgent', citizen: { name: NAME, phone: PHONE } })
    const handler = { authorization: `Bearer ${h.token('supervisor')}` }
    t.match(
      (await h.app.inject({ method: 'GET', url: `/api/v1/cases/${call.id}`, headers: handler })).json(),
      {
        urgency: 'urgent',
      },
    )
    // the call card's search by phone finds the hotline case (in any notation of the number)
    const byPhone = await h.app.inject({
      method: 'GET',
      url: `/api/v1/cases?phone=${encodeURIComponent('+86 139-1234-5678')}`,
      headers: operator,
    })
    t.equal(byPhone.statusCode, 200)
    t.same(
      byPhone
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
      [call.id, marker.id].sort(),
      'both calls of the number',
    )
    // the citizen follows the case with the code and key the SMS carries
    const pub = await h.app.inject({
      method: 'GET',
      url: `/api/v1/public/cases/${call.code}`,
      headers: { 'x-access-key': call.key },
    })
    t.equal(pub.statusCode, 200)
    t.match(pub.json(), { trackingCode: call.code, status: 'received' })

    await eventually(async () => events(call.id).length >= 1 && events(marker.id).length >= 1)
    t.same(
      events(call.id).map((e) => [e.type, (e.data as { action?: string }).action]),
      [['tracking.case-changed', 'opened']],
      'one opened event',
    )
    for (const line of h.lines) t.notMatch(line, PERSONAL_DATA, 'no personal data in logs')
    t.notOk(h.lines.some((l) => l.includes(PHONE) || l.includes(NAME) || l.includes(call.key)))
  })

  t.test(
    `${kind}: answered on the spot: opened and answered in one write, the reply published once`,
    async (t) => {
      const h = await harness(t, kind)
      const events = await observe(t, h)
      const call = callLogged(h, { outcome: 'answered_on_spot' }, undefined, {
        answer: '已告知来电人办理流程。',
      })
      await h.bus.publish(call.event)
      await h.bus.publish(call.event)
      const marker = callLogged(h, {}, call.data.callId)
      await h.bus.publish(marker.event)
      await eventually(async () => (await h.cases.get(marker.id)) !== null)
      const stored = await h.cases.get(call.id)
      t.match(stored, {
        version: 1,
        status: 'replied',
        reply: { text: '已告知来电人办理流程。', public: true },
        channel: 'hotline',
      })
      t.same(
        stored?.timeline.map((e) => [e.action, e.actorId]),
        [
          ['opened', 'u-operator'],
          ['answered', 'u-operator'],
        ],
      )
      const pub = await h.app.inject({
        method: 'GET',
        url: `/api/v1/public/cases/${call.code}`,
        headers: { 'x-access-key': call.key },
      })
      t.match(pub.json(), { status: 'replied', reply: { text: '已告知来电人办理流程。' } })

      await eventually(async () => events(marker.id).length >= 1 && events(call.id).length >= 4)
      const mine = events(call.id)
      t.same(
        mine.map((e) => [e.type, (e.data as { action?: string }).action ?? null]),
        [
          ['tracking.case-changed', 'opened'],
          ['tracking.case-changed', 'answered'],
          ['tracking.case-replied', null],
          ['tracking.callback-due', null],
        ],
      )
      // the answer reached the caller: a callback may follow, the number sealed (opened and answered in
      // one write, the case holds it in clear until it is stored: sealed for the event)
      const due = mine.find((e) => TrackingEvents.callbackDue.is(e))
      t.match(due?.data, { channel: 'hotline', category: 'report', contactDeclined: false, reworkCount: 0 })
      const phone = String((due?.data as { phone: unknown } | undefined)?.phone)
      t.match(phone, /^tjf1:test1:/, 'sealed')
      t.equal(h.cipher.decrypt(phone), PHONE, "opens to the caller's number")
      const replied = mine.find((e) => TrackingEvents.caseReplied.is(e))
      t.match(replied?.data, { channel: 'hotline', trackingCode: call.code, text: '已告知来电人办理流程。' })
    },
  )

  t.test(`${kind}: a follow-up call is added to its case once; an unknown code is skipped`, async (t) => {
    const h = await harness(t, kind)
    const first = callLogged(h)
    await h.bus.publish(first.event)
    await eventually(async () => (await h.cases.get(first.id)) !== null)

    const { case: _c, ...rest } = callLogged(h).data
    const followUp = {
      ...rest,
      callId: `call_${randomBytes(8).toString('hex')}`,
      operatorId: 'u-operator2',
      addTo: { trackingCode: first.code, summary: '来电人补充：违法停车多在晚上。' },
    }
    const event = HotlineEvents.callLogged.create({ subject: followUp.callId, data: followUp })
    await h.bus.publish(event)
    await h.bus.publish(event)
    await h.bus.publish(HotlineEvents.callLogged.create({ subject: followUp.callId, data: followUp }))
    const unknown = {
      ...followUp,
      callId: `call_${randomBytes(8).toString('hex')}`,
      addTo: { trackingCode: trackingCode(), summary: 'x' },
    }
    await h.bus.publish(HotlineEvents.callLogged.create({ subject: followUp.callId, data: unknown }))
    const marker = callLogged(h, {}, followUp.callId)
    await h.bus.publish(marker.event)
    await eventually(async () => (await h.cases.get(marker.id)) !== null)

    const stored = await h.cases.get(first.id)
    t.equal(stored?.version, 2, 'written once more')
    t.same(
      stored?.timeline.map((e) => [e.action, e.actorId, e.note, e.public]),
      [
        ['opened', 'u-operator', null, true],
        [CALL_ADDED, 'u-operator2', '来电人补充：违法停车多在晚上。', false],
      ],
    )
    t.equal(await h.cases.count({}), 2, 'the first call and the marker: the follow-ups opened nothing')
    t.ok(h.lines.some((l) => l.includes('unknown tracking code') && l.includes(unknown.callId)))
    const staffView = await h.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${first.id}/timeline/verify`,
      headers: { authorization: `Bearer ${h.token('dispatcher')}` },
    })
    t.same(staffView.json(), { valid: true, entries: 2 })
    for (const line of h.lines) t.notMatch(line, PERSONAL_DATA, 'no personal data in logs')
  })
}

t.test('referred and not-a-matter calls open nothing', async (t) => {
  const h = await harness(t)
  const { case: _c, ...rest } = callLogged(h).data
  const referred = { ...rest, outcome: 'referred' as const, referral: { to: '110' as const, reason: '警情' } }
  const nothing = {
    ...rest,
    callId: `call_${randomBytes(8).toString('hex')}`,
    outcome: 'not_a_matter' as const,
    notAMatter: { reason: 'silent' as const },
  }
  await h.bus.publish(HotlineEvents.callLogged.create({ subject: rest.callId, data: referred }))
  await h.bus.publish(HotlineEvents.callLogged.create({ subject: rest.callId, data: nothing }))
  const marker = callLogged(h, {}, rest.callId)
  await h.bus.publish(marker.event)
  await eventually(async () => (await h.cases.get(marker.id)) !== null)
  t.equal(await h.cases.count({}), 1, 'only the marker opened a case')
})
