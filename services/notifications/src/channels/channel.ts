// The channel port: how a rendered message leaves the platform. E-mail is implemented; SMS and voice
// (Twilio) are later issues and have no implementation yet, on purpose: nothing pretends to send them.

export type ChannelKind = 'email' | 'sms' | 'voice'

export interface OutgoingMessage {
  /** The address in the channel's own terms (an e-mail address; later a phone number). Personal data. */
  to: string
  subject: string
  text: string
  /** Channels that can carry markup use it; every inserted value in it is already HTML-escaped. */
  html?: string
}

export interface Channel {
  readonly kind: ChannelKind
  /** Resolves when the provider accepted the message; rejects with a ChannelError. */
  send(message: OutgoingMessage): Promise<{ providerId: string }>
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
