// The simulator's SMS: messages accepted like Twilio's Messages API (its checks and error codes), kept in
// memory for the test phone, and their delivery status callbacks (sent, delivered), signed.
import { type SendSmsRequest, type SmsStatus, TelephonyError } from '../port.ts'
import { API_VERSION, E164, errorText, prune, sid } from './common.ts'
import type { Engine } from './engine.ts'

export interface SimulatedSms {
  messageId: string
  from: string
  to: string
  body: string
  at: string
  status: SmsStatus
}

interface SmsRec {
  view: SimulatedSms
  statusUrl?: string
}

const SMS_MAX_CHARACTERS = 1600

export class SmsOffice {
  private readonly messages = new Map<string, SmsRec>()

  constructor(private readonly sim: Engine) {}

  send(request: SendSmsRequest): { messageId: string; status: SmsStatus } {
    const sim = this.sim
    sim.open()
    if (!E164.test(request.to))
      throw new TelephonyError(
        'invalid_number',
        'The To number is not a valid phone number (error 21211)',
        false,
        400,
      )
    if (request.body.trim() === '')
      throw new TelephonyError('rejected', 'Message body is required (error 21602)', false, 400)
    if ([...request.body].length > SMS_MAX_CHARACTERS) {
      throw new TelephonyError(
        'rejected',
        'The message body exceeds the 1600 character limit (error 21617)',
        false,
        400,
      )
    }
    const rec: SmsRec = {
      view: {
        messageId: sid('SM'),
        from: request.from,
        to: request.to,
        body: request.body,
        at: new Date().toISOString(),
        status: 'queued',
      },
      ...(request.statusUrl ? { statusUrl: request.statusUrl } : {}),
    }
    this.messages.set(rec.view.messageId, rec)
    prune(
      this.messages,
      sim.options.maxCalls,
      (m) => m.view.status === 'delivered' || m.view.status === 'failed',
    )
    sim.track(
      this.deliver(rec).catch((err: unknown) =>
        sim.log.error({ err: errorText(err) }, 'sms status callbacks failed'),
      ),
    )
    return { messageId: rec.view.messageId, status: 'queued' }
  }

  /** Copies of the messages, oldest first, those `match` selects. */
  list(match: (m: SimulatedSms) => boolean = () => true): SimulatedSms[] {
    return [...this.messages.values()].filter((m) => match(m.view)).map((m) => ({ ...m.view }))
  }

  private async deliver(rec: SmsRec): Promise<void> {
    const sim = this.sim
    for (const status of ['sent', 'delivered'] as const) {
      rec.view.status = status
      if (!rec.statusUrl || sim.closed) continue
      const params = {
        AccountSid: sim.accountSid,
        ApiVersion: API_VERSION,
        MessageSid: rec.view.messageId,
        SmsSid: rec.view.messageId,
        MessageStatus: status,
        SmsStatus: status,
        From: rec.view.from,
        To: rec.view.to,
      }
      const res = await sim.poster.post(rec.statusUrl, params)
      if (!res.ok)
        sim.log.warn({ messageId: rec.view.messageId, status: res.status }, 'sms status callback refused')
    }
  }
}
