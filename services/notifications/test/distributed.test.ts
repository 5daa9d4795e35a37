// The same consumer on the distributed adapters: Kafka and FerretDB (or MongoDB), with Mailpit.
import { eventually, mailText, mailTo, personalDataIn, uniqueName } from '@tingjian/testkit'
import t from 'tap'
import {
  caseOpened,
  caseReplied,
  citizenAddress,
  letterSubmitted,
  notifications,
  trackingCode,
} from './helpers.ts'

t.test('Kafka + FerretDB: a receipt once, however often the event comes', async (t) => {
  const { bus, store, lines } = await notifications(t, { kind: 'distributed' })
  const email = citizenAddress()
  const code = trackingCode()
  const markerCode = trackingCode()
  await bus.publish(caseOpened({ trackingCode: code, timeLimitDays: 7 }))
  await bus.publish(caseOpened({ trackingCode: markerCode, timeLimitDays: 7 }))
  const event = letterSubmitted({ email, trackingCode: code })
  await bus.publish(event)
  await bus.publish(event)
  // the same subject (Kafka key, so the same partition and handled after both copies), another address
  const marker = citizenAddress()
  await bus.publish(
    letterSubmitted({ email: marker, letterId: event.data.letterId, trackingCode: markerCode }),
  )
  await eventually(async () => (await mailTo(marker)).length === 1, 60_000)
  const mails = await mailTo(email)
  t.equal(mails.length, 1, 'one receipt')
  t.match(await mailText(mails[0]?.ID ?? ''), code)
  const contact = await store.collection<{ email: string }>('contacts').get(code)
  t.match(contact?.email, /^tjf1:test1:/, 'the address is kept sealed in MongoDB/FerretDB too')
  t.notOk(JSON.stringify(contact).includes(email), 'not in clear')
  t.same(personalDataIn(lines.join('\n')), [], 'no personal data in the logs')
})

t.test('Kafka + FerretDB: a redelivered tracking event sends its e-mail once', async (t) => {
  const { bus, lines } = await notifications(t, { kind: 'distributed' })
  const email = citizenAddress()
  const code = trackingCode()
  await bus.publish(caseOpened({ trackingCode: code, timeLimitDays: 7 }))
  await bus.publish(letterSubmitted({ email, trackingCode: code }))
  await eventually(async () => (await mailTo(email)).length === 1, 60_000)

  const caseId = uniqueName('case')
  const reply = caseReplied({ caseId, trackingCode: code, text: '经核查，已增设两个办证窗口。' })
  await bus.publish(reply)
  await bus.publish(reply)
  // A marker of the same case (same Kafka key: same partition, handled after both copies): a second reply
  // to another citizen's letter.
  const marker = citizenAddress()
  const markerCode = trackingCode()
  await bus.publish(caseOpened({ trackingCode: markerCode, timeLimitDays: 7 }))
  await bus.publish(letterSubmitted({ email: marker, trackingCode: markerCode }))
  await eventually(async () => (await mailTo(marker)).length === 1, 60_000)
  await bus.publish(caseReplied({ caseId, trackingCode: markerCode, text: '标记答复。' }))
  await eventually(async () => (await mailTo(marker)).length === 2, 60_000)

  const replies = (await mailTo(email)).filter((m) => m.Subject === `【听见】您的来信已答复 (查询码 ${code})`)
  t.equal(replies.length, 1, 'one reply e-mail for the twice-delivered event')
  t.same(personalDataIn(lines.join('\n')), [], 'no personal data in the logs')
})
