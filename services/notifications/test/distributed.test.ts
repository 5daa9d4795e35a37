// The same consumer on the distributed adapters: Kafka and FerretDB (or MongoDB), with Mailpit.
import { eventually, mailText, mailTo, PERSONAL_DATA } from '@tingjian/testkit'
import t from 'tap'
import { citizenAddress, letterSubmitted, notifications, trackingCode } from './helpers.ts'

t.test('Kafka + FerretDB: a receipt once, however often the event comes', async (t) => {
  const { bus, lines } = await notifications(t, { kind: 'distributed' })
  const email = citizenAddress()
  const code = trackingCode()
  const event = letterSubmitted({ email, trackingCode: code })
  await bus.publish(event)
  await bus.publish(event)
  const marker = citizenAddress()
  await bus.publish(letterSubmitted({ email: marker, letterId: event.data.letterId }))
  await eventually(async () => (await mailTo(marker)).length === 1, 60_000)
  const mails = await mailTo(email)
  t.equal(mails.length, 1, 'one receipt')
  const [mail] = mails
  if (mail) t.match(await mailText(mail.ID), code)
  t.same(
    lines.filter((l) => PERSONAL_DATA.test(l)),
    [],
    'no personal data in the logs',
  )
})
