// SMS through the telephony port (Twilio, the simulator, or a domestic carrier's adapter): the platform's
// Channel over the port's SmsChannel. Delivery statuses come back on the status webhook
// (routes/sms-status.ts), whose public URL every message names.
import { toE164 } from '@tingjian/kit'
import { type SmsChannel, type SmsStatus, TelephonyError } from '@tingjian/telephony'
import { type Channel, ChannelError, type OutgoingMessage } from './channel.ts'

export const SMS_STATUS_PATH = '/api/v1/notifications/sms/status'

export interface SmsSenderOptions {
  sms: SmsChannel
  /** The line's SMS sender number (E.164). */
  from: string
  /** The service's public base URL (the provider calls the status webhook there). */
  publicBaseUrl: string
}

export class SmsSender implements Channel {
  readonly kind = 'sms' as const
  readonly #sms: SmsChannel
  readonly #from: string
  readonly #statusUrl: string

  constructor(options: SmsSenderOptions) {
    this.#sms = options.sms
    this.#from = options.from
    this.#statusUrl = `${options.publicBaseUrl.replace(/\/+$/, '')}${SMS_STATUS_PATH}`
  }

  async send(message: OutgoingMessage): Promise<{ providerId: string; providerStatus: SmsStatus }> {
    try {
      const sent = await this.#sms.send({
        // stored numbers are normalised mainland ones (13812345678); providers take E.164
        to: toE164(message.to) ?? message.to,
        from: this.#from,
        body: message.text,
        statusUrl: this.#statusUrl,
      })
      return { providerId: sent.messageId, providerStatus: sent.status }
    } catch (err) {
      // the provider's text may quote the number: only its code goes on
      if (err instanceof TelephonyError) {
        throw new ChannelError(err.code, `sms ${err.code}`, err.transient)
      }
      throw new ChannelError('EUNKNOWN', 'sms send failed', true)
    }
  }

  async close(): Promise<void> {
    // the port's client belongs to whoever made it (server.ts or the test)
  }
}
