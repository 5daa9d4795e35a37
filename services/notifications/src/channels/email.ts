// The e-mail channel: nodemailer over SMTP with a connection pool and bounded timeouts.
import { constants } from 'node:os'
import type { Logger } from '@tingjian/kit'
import nodemailer, { type Transporter } from 'nodemailer'
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js'
import { type Channel, ChannelError, type OutgoingMessage } from './channel.ts'
import { EmlFileWriter } from './eml-file.ts'

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
  /**
   * The one-machine run: when the SMTP server refuses the connection (none is running), the message is
   * written as an .eml file into this directory and counts as delivered. Decided per message, so mail
   * goes to SMTP again as soon as a server listens. Unset in a real deployment: there a refusal is an
   * outage, retried and recorded as failed.
   */
  fileFallback?: { dir: string; logger: Logger }
}

/** The connection was refused: nothing listens at the SMTP address (nodemailer reports it as ESOCKET). */
function connectionRefused(err: unknown): boolean {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; errno?: unknown }
  return e.code === 'ECONNREFUSED' || e.errno === -constants.errno.ECONNREFUSED
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

interface FileFallback {
  writer: EmlFileWriter
  dir: string
  logger: Logger
}

async function toFile(fallback: FileFallback, message: OutgoingMessage): Promise<{ providerId: string }> {
  let file: string
  try {
    file = await fallback.writer.write(message)
  } catch (err) {
    throw new ChannelError(
      'EFILE',
      `eml file not written: ${(err as { code?: string }).code ?? 'error'}`,
      true,
    )
  }
  // The file name and directory only: the address is in the file, never in the log.
  fallback.logger.info({ file, dir: fallback.dir }, 'no SMTP server listening: e-mail written to a file')
  return { providerId: `file:${file}` }
}

export class EmailChannel implements Channel {
  readonly kind = 'email' as const
  readonly #transport: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>
  readonly #from: string
  readonly #fallback: FileFallback | undefined

  constructor(options: EmailChannelOptions) {
    this.#from = options.from
    this.#fallback = options.fileFallback
      ? {
          writer: new EmlFileWriter({ dir: options.fileFallback.dir, from: options.from }),
          dir: options.fileFallback.dir,
          logger: options.fileFallback.logger,
        }
      : undefined
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
      if (this.#fallback && connectionRefused(err)) return toFile(this.#fallback, message)
      throw classifySmtpError(err)
    }
  }

  async close(): Promise<void> {
    this.#transport.close()
  }
}
