import Type from 'typebox'
import type { EventCatalogue } from '../catalogue.ts'
import { Category, Id, Timestamp, TrackingCode } from './common.ts'

export function defineMailboxEvents(c: EventCatalogue) {
  return {
    letterSubmitted: c.define({
      type: 'mailbox.letter-submitted',
      version: 1,
      source: 'mailbox',
      description:
        "A citizen submitted a letter to the director's mailbox. Carries personal data (citizen): consumers keep it masked and out of logs.",
      data: Type.Object({
        letterId: Id,
        trackingCode: TrackingCode,
        accessKeyHash: Type.String({
          pattern: '^sha256:[0-9a-f]{64}$',
          description: 'SHA-256 of the access key',
        }),
        category: Category,
        subject: Type.String({ minLength: 1, maxLength: 200 }),
        body: Type.String({ minLength: 1, maxLength: 20_000 }),
        anonymous: Type.Boolean(),
        citizen: Type.Object({
          name: Type.Optional(Type.String({ maxLength: 100 })),
          phone: Type.Optional(Type.String({ maxLength: 40 })),
          email: Type.Optional(Type.String({ maxLength: 254 })),
          idNumber: Type.Optional(Type.String({ maxLength: 18 })),
        }),
        consentToPublish: Type.Boolean(),
        locale: Type.Optional(
          Type.String({ maxLength: 10, description: 'zh-CN or en: the language of e-mails' }),
        ),
        region: Type.Optional(Type.String({ maxLength: 20, description: 'working-day calendar region' })),
        submittedAt: Timestamp,
      }),
    }),
  }
}
