// The service's own configuration variables (besides ServerConfig and AdapterConfig from the kit).
import { Type } from '@tingjian/kit'
import type { Static } from 'typebox'

export const NotificationsConfig = Type.Object({
  SMTP_HOST: Type.String({ default: '127.0.0.1', description: 'SMTP server' }),
  SMTP_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 1025 }),
  SMTP_SECURE: Type.Boolean({ default: false, description: 'TLS from the start (port 465)' }),
  SMTP_USER: Type.Optional(Type.String()),
  SMTP_PASS: Type.Optional(Type.String()),
  SMTP_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 10_000 }),
  MAIL_FILE_FALLBACK_DIR: Type.Optional(
    Type.String({
      description:
        'one machine only: when SMTP refuses the connection, write the message as an .eml file here',
    }),
  ),
  MAIL_FROM: Type.String({ default: '听见 <noreply@tingjian.localhost>', description: 'the From header' }),
  WEB_URL: Type.String({ default: 'http://127.0.0.1:3000', description: 'public site linked from mails' }),
  SEND_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 10, default: 3 }),
  SEND_BACKOFF_MS: Type.Integer({ minimum: 0, default: 500 }),
  SMS_LINKS: Type.Boolean({
    default: false,
    description: "SMS texts end with WEB_URL (China's carriers refuse SMS with links: keep false there)",
  }),
  PUBLIC_BASE_URL: Type.String({
    default: 'http://127.0.0.1:3000',
    description:
      'the address the SMS provider calls back (status webhook); signatures are checked against it',
  }),
  TWILIO_ACCOUNT_SID: Type.Optional(Type.String({ description: 'Twilio: the account SID (AC…)' })),
  TWILIO_AUTH_TOKEN: Type.Optional(
    Type.String({ description: 'Twilio: set → SMS through Twilio; empty → through the hotline simulator' }),
  ),
  TWILIO_SMS_FROM: Type.Optional(
    Type.String({ description: 'the number (E.164) SMS are sent from (default TWILIO_HOTLINE_NUMBER)' }),
  ),
  TWILIO_HOTLINE_NUMBER: Type.Optional(Type.String({ description: "the hotline's number (E.164)" })),
  HOTLINE_URL: Type.String({
    default: 'http://127.0.0.1:3005',
    description: 'the hotline service, whose simulator sends SMS when Twilio is not configured',
  }),
  SIMULATOR_AUTH_TOKEN: Type.Optional(
    Type.String({ description: "the simulator's token (shared with the hotline); empty → no SMS" }),
  ),
  ANONYMOUS_RECEIPTS_PER_DAY: Type.Integer({
    minimum: 0,
    default: 3,
    description: 'receipts per address and Beijing day for anonymous letters; further letters get none',
  }),
})
export type NotificationsConfig = Static<typeof NotificationsConfig>
