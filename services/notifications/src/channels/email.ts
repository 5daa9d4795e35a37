// The e-mail channel: nodemailer over SMTP with a connection pool and bounded timeouts.
import nodemailer, { type Transporter } from 'nodemailer'
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js'
import { type Channel, ChannelError, type OutgoingMessage } from './channel.ts'

export interface EmailChannelOptions {
  host: string
  port: number
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: boolean
  user?: string
  pass?: string
  /** The From header, e.g. `听见 <noreply@example.gov.cn>`. */
  from: string
  maxConnections?: number
  connectionTimeoutMs?: number
  socketTimeoutMs?: number
}

/** Error codes of nodemailer that mean the network or the server's state, not the message, is at fault. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EPROTOCOL',
])

interface SmtpErrorShape {
  code?: unknown
  responseCode?: unknown
}

/** Maps a nodemailer error to a ChannelError without its text (which may quote the recipient). */
export function classifySmtpError(err: unknown): ChannelError {
  const shape = (typeof err === 'object' && err !== null ? err : {}) as SmtpErrorShape
  const code = typeof shape.code === 'string' ? shape.code : 'ESMTP'
  const responseCode = typeof shape.responseCode === 'number' ? shape.responseCode : undefined
  if (responseCode !== undefined) {
    // 4xx: try again later (greylisting, mailbox busy); 5xx: refused for good.
    const transient = responseCode >= 400 && responseCode < 500
    return new ChannelError(code, `smtp ${code} ${responseCode}`, transient)
  }
  return new ChannelError(code, `smtp ${code}`, TRANSIENT_CODES.has(code) || code === 'ESMTP')
}

export class EmailChannel implements Channel {
  readonly kind = 'email' as const
  readonly #transport: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>
  readonly #from: string

  constructor(options: EmailChannelOptions) {
    this.#from = options.from
    this.#transport = nodemailer.createTransport({
      pool: true,
      host: options.host,
      port: options.port,
      secure: options.secure,
      ...(options.user ? { auth: { user: options.user, pass: options.pass ?? '' } } : {}),
      maxConnections: options.maxConnections ?? 3,
      connectionTimeout: options.connectionTimeoutMs ?? 10_000,
      greetingTimeout: options.connectionTimeoutMs ?? 10_000,
      socketTimeout: options.socketTimeoutMs ?? 30_000,
      // nodemailer's own logging would write addresses; the service logs ids only.
      logger: false,
      debug: false,
    })
  }

  async send(message: OutgoingMessage): Promise<{ providerId: string }> {
    try {
      const info = await this.#transport.sendMail({
        from: this.#from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      })
      if (info.rejected.length > 0) throw new ChannelError('EENVELOPE', 'smtp recipient rejected', false)
      return { providerId: info.messageId }
    } catch (err) {
      if (err instanceof ChannelError) throw err
      throw classifySmtpError(err)
    }
  }

  async close(): Promise<void> {
    this.#transport.close()
  }
}
