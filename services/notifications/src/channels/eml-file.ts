// The e-mail channel's fallback on one machine: when no SMTP server listens (Mailpit not started), a
// message is written as an .eml file (RFC 5322, openable by any mail program) instead of being lost.
import { randomBytes } from 'node:crypto'
import { mkdir, open } from 'node:fs/promises'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import type { OutgoingMessage } from './channel.ts'

export class EmlFileWriter {
  readonly #dir: string
  readonly #from: string
  // nodemailer's stream transport builds the same MIME message SMTP would carry, without sending it.
  readonly #compose = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })

  constructor(options: { dir: string; from: string }) {
    this.#dir = options.dir
    this.#from = options.from
  }

  /** Writes the message durably (fsync) and answers the file's name, which carries no personal data. */
  async write(message: OutgoingMessage): Promise<string> {
    const info = await this.#compose.sendMail({
      from: this.#from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
    })
    await mkdir(this.#dir, { recursive: true, mode: 0o700 })
    const name = `${new Date().toISOString().replaceAll(':', '-')}-${randomBytes(6).toString('hex')}.eml`
    // The file holds the recipient's address: readable by the platform's user only.
    const file = await open(join(this.#dir, name), 'wx', 0o600)
    try {
      await file.writeFile(info.message as Buffer)
      await file.sync()
    } finally {
      await file.close()
    }
    return name
  }
}
