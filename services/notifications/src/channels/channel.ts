// The channel port: how a rendered message leaves the platform. E-mail (SMTP) and SMS (the telephony
// port) are implemented; voice has no implementation yet, on purpose: nothing pretends to send it.
import { SMS_STATUSES, type SmsStatus } from '@tingjian/telephony'

export type ChannelKind = 'email' | 'sms' | 'voice'

/** A provider's delivery status (the telephony port's SMS statuses, in the order a message goes through). */
export type ProviderStatus = SmsStatus

/**
 * Whether a reported status moves the message forward: a late or repeated callback (a `sent` after
 * `delivered`, the same status twice) changes nothing. delivered, undelivered and failed are final.
 */
export function advances(current: ProviderStatus | null | undefined, next: ProviderStatus): boolean {
  const rank = (s: ProviderStatus) => Math.min(SMS_STATUSES.indexOf(s), 4)
  if (!current) return true
  return rank(next) > rank(current)
}

export interface OutgoingMessage {
  /** The address in the channel's own terms (an e-mail address, an E.164 number). Personal data. */
  to: string
  subject: string
  text: string
  /** Channels that can carry markup use it; every inserted value in it is already HTML-escaped. */
  html?: string
}

export interface Channel {
  readonly kind: ChannelKind
  /**
   * Resolves when the provider accepted the message (with its status then, for channels that report
   * delivery later: SMS); rejects with a ChannelError.
   */
  send(message: OutgoingMessage): Promise<{ providerId: string; providerStatus?: ProviderStatus }>
  close(): Promise<void>
}

/**
 * A send that failed. `message` and `code` never hold personal data (provider texts often quote the
 * address, so they are not passed on); `transient` says whether trying again may help.
 */
export class ChannelError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly transient: boolean,
  ) {
    super(message)
    this.name = 'ChannelError'
  }
}
