// Failures are recorded, visible to supervisors and admins, dead-lettered by the bus, and can be sent again.
import type { DeadLetter } from '@tingjian/contracts'
import { eventually, mailText, mailTo, personalDataIn, uniqueName } from '@tingjian/testkit'
import t from 'tap'
import {
  caseOpened,
  citizenAddress,
  closedPortChannel,
  letterSubmitted,
  mailpitChannel,
  notifications,
  publishLetter,
  SwitchableChannel,
  trackingCode,
} from './helpers.ts'

const URL = '/api/v1/notifications/deliveries'

t.test('an SMTP failure is recorded as failed, visible, dead-lettered, and sent on retry', async (t) => {
  const channel = new SwitchableChannel(closedPortChannel())
  const { app, bus, store, jwt, lines } = await notifications(t, { channel, fastFailure: true })
  const admin = { authorization: `Bearer ${jwt.token({ sub: 'admin', roles: ['admin'] })}` }
  const supervisor = { authorization: `Bearer ${jwt.token({ sub: 'sup', roles: ['supervisor'] })}` }
  const handler = { authorization: `Bearer ${jwt.token({ sub: 'h', roles: ['handler'] })}` }

  const letters: DeadLetter[] = []
  const dlq = await bus.subscribeDeadLetters({ group: uniqueName('dlq') }, async (l) => {
    letters.push(l)
  })
  await dlq.ready()
  t.teardown(() => dlq.close())

  const email = citizenAddress()
  const code = trackingCode()
  const marker = citizenAddress()
  const markerCode = trackingCode()
  // The cases are open first, so that the letter's own handling sends (and fails).
  await bus.publish(caseOpened({ trackingCode: code, timeLimitDays: 7 }))
  await bus.publish(caseOpened({ trackingCode: markerCode, timeLimitDays: 7 }))
  const contacts = store.collection<{ opened: unknown }>('contacts')
  await eventually(
    async () => !!(await contacts.get(code))?.opened && !!(await contacts.get(markerCode))?.opened,
  )
  const event = letterSubmitted({ email, trackingCode: code })
  await bus.publish(event)

  // Not silently dropped: the bus gives up only with a dead letter that says why (without the address).
  const letter = await eventually(async () => letters.find((l) => l.event?.id === event.id))
  t.equal(letter.errorCode, 'TJ_DELIVERY_FAILED')
  t.equal(letter.reason, `1 of 1 deliveries failed for event ${event.id}`)

  const list = await app.inject({ url: `${URL}?status=failed`, headers: supervisor })
  t.equal(list.statusCode, 200)
  const [failed] = list.json().items
  t.match(failed, {
    eventId: event.id,
    eventType: 'mailbox.letter-submitted',
    kind: 'receipt',
    channel: 'email',
    audience: 'citizen',
    trackingCode: code,
    recipient: 'c***@example.com',
    status: 'failed',
    lastError: /^smtp E[A-Z]+$/,
  })
  t.ok(failed.attempts >= 4, 'tried within the handler and again on the bus retry')
  t.notOk(JSON.stringify(list.json()).includes(email), 'the address is masked')
  t.equal(list.json().items.length, 1)
  t.equal((await mailTo(email)).length, 0)

  t.equal((await app.inject({ url: `${URL}?status=failed`, headers: handler })).statusCode, 403)
  t.equal((await app.inject({ url: `${URL}?status=failed` })).statusCode, 401)
  const path = `${URL}/${encodeURIComponent(failed.id)}/retry`
  t.equal(
    (await app.inject({ method: 'POST', url: path, headers: supervisor })).statusCode,
    403,
    'admins only',
  )

  // The SMTP server is back: an admin sends it again.
  channel.current = mailpitChannel()
  const retried = await app.inject({ method: 'POST', url: path, headers: admin })
  t.equal(retried.statusCode, 200)
  t.match(retried.json(), { id: failed.id, status: 'sent', lastError: null })
  t.equal(retried.json().sentAt, '2026-03-02T02:00:00.000Z', "sent at the service's clock")
  const [mail] = await eventually(async () => {
    const m = await mailTo(email)
    return m.length > 0 && m
  })
  t.match(await mailText(mail?.ID ?? ''), code)

  const again = await app.inject({ method: 'POST', url: path, headers: admin })
  t.equal(again.statusCode, 409, 'a sent delivery is not sent twice')
  t.equal(again.headers['content-type'], 'application/problem+json; charset=utf-8')
  const missing = await app.inject({ method: 'POST', url: `${URL}/nope/retry`, headers: admin })
  t.equal(missing.statusCode, 404)
  t.equal((await app.inject({ url: `${URL}?status=failed`, headers: admin })).json().items.length, 0)

  // Redelivering the event now sends nothing: the record is sent.
  await bus.publish(event)
  await bus.publish(
    letterSubmitted({ email: marker, letterId: event.data.letterId, trackingCode: markerCode }),
  )
  await eventually(async () => (await mailTo(marker)).length === 1)
  t.equal((await mailTo(email)).length, 1)

  t.same(personalDataIn(lines.join('\n')), [], 'no personal data in the logs')
})

t.test('failed deliveries page by cursor; bad queries are 400', async (t) => {
  const { app, bus, jwt } = await notifications(t, { channel: closedPortChannel(), fastFailure: true })
  const admin = { authorization: `Bearer ${jwt.token({ sub: 'admin', roles: ['admin'] })}` }
  for (let i = 0; i < 3; i++) await publishLetter(bus, { email: citizenAddress() })
  await eventually(async () => {
    const r = await app.inject({ url: `${URL}?status=failed&limit=200`, headers: admin })
    return r.json().items.length === 3
  })
  const seen: string[] = []
  let cursor: string | null = null
  do {
    const q: string = `${URL}?status=failed&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const page = await app.inject({ url: q, headers: admin })
    t.equal(page.statusCode, 200)
    const body = page.json() as { items: Array<{ id: string }>; nextCursor: string | null }
    seen.push(...body.items.map((i) => i.id))
    cursor = body.nextCursor
  } while (cursor)
  t.equal(seen.length, 3)
  t.equal(new Set(seen).size, 3, 'each once')

  t.equal((await app.inject({ url: `${URL}?status=lost`, headers: admin })).statusCode, 400)
  t.equal((await app.inject({ url: `${URL}?limit=0`, headers: admin })).statusCode, 400)
  t.equal((await app.inject({ url: `${URL}?cursor=garbage`, headers: admin })).statusCode, 400)
})
