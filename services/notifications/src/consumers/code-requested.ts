// polls.code-requested → the voter's one-time code by SMS: a verification code (valid until `expiresAt`)
// or an invitation's voting code. Sent once per request however often it is delivered, also when the polls
// service announces the same request in a new envelope: the delivery record is keyed by the request id (it
// stands for the event in `deliveries.deliver`). The number and the code arrive sealed and are opened only
// to send; the record keeps them sealed until the message is sent, then drops the message. A code that
// expired before it could be sent (a long outage) is not sent: the voter asks for a new one.
import type { PollsEvents } from '@tingjian/contracts'
import { openField } from '../domain/privacy.ts'
import { pollCodeSms, smsNumber } from '../domain/sms.ts'
import type { Handler } from './index.ts'

export const onCodeRequested: Handler<typeof PollsEvents.codeRequested> = async (deps, event, log) => {
  const d = event.data
  const ids = { requestId: d.requestId, pollId: d.pollId, purpose: d.purpose }
  if (!deps.sms.enabled) {
    // said once at start too; here per request, since a voter now waits for a code that will not come
    log.warn(ids, 'SMS not configured; poll code not sent')
    return
  }
  const now = deps.clock.now()
  const expiresAt = d.expiresAt === null ? null : new Date(d.expiresAt)
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    log.info(ids, 'poll code expired before it could be sent; not sent')
    return
  }
  const number = smsNumber(openField(deps.cipher, d.phone))
  if (!number) {
    log.warn(ids, 'poll code for a number that takes no SMS; not sent')
    return
  }
  // the validity as the polls service gave it (expiresAt − the request's time), not what is left of it
  const validMinutes = expiresAt
    ? Math.max(1, Math.round((expiresAt.getTime() - new Date(event.occurredAt).getTime()) / 60_000))
    : null
  const text = pollCodeSms(
    { pollTitle: d.pollTitle, code: openField(deps.cipher, d.code), purpose: d.purpose, validMinutes },
    deps.sms,
  )
  await deps.deliveries.deliver(
    { id: d.requestId, type: event.type },
    [
      {
        kind: 'code',
        channel: 'sms',
        audience: 'citizen',
        userId: null,
        trackingCode: null,
        message: { to: number, subject: '', text },
      },
    ],
    log,
  )
}
