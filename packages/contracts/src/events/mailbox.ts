import Type from 'typebox'
import type { EventCatalogue } from '../catalogue.ts'
import { Category, Id, Sealed, Timestamp, TrackingCode } from './common.ts'

const letterFields = {
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
  consentToPublish: Type.Boolean(),
  /** The citizen asked not to be phoned about the answer (回访): no callback survey is made. Absent: false. */
  declineCallback: Type.Optional(Type.Boolean()),
  locale: Type.Optional(Type.String({ maxLength: 10, description: 'zh-CN or en: the language of e-mails' })),
  region: Type.Optional(Type.String({ maxLength: 20, description: 'working-day calendar region' })),
  submittedAt: Timestamp,
}

export function defineMailboxEvents(c: EventCatalogue) {
  return {
    letterSubmitted: c.define({
      type: 'mailbox.letter-submitted',
      version: 2,
      source: 'mailbox',
      description:
        "A citizen submitted a letter to the director's mailbox. Version 2: the citizen's contact fields are sealed (encrypted at rest and in transit on the bus); consumers open only what they need, keep it sealed at rest and out of logs.",
      data: Type.Object({
        ...letterFields,
        citizen: Type.Object({
          name: Type.Optional(Sealed('name')),
          phone: Type.Optional(Sealed('normalised phone number')),
          email: Type.Optional(Sealed('e-mail address, lower case')),
          idNumber: Type.Optional(Sealed('ID card number, upper case')),
        }),
      }),
    }),
    /** Version 1 (contact fields in clear): no longer published; kept so that events already in the log validate. */
    letterSubmittedV1: c.define({
      type: 'mailbox.letter-submitted',
      version: 1,
      source: 'mailbox',
      description:
        "A citizen submitted a letter to the director's mailbox. Carries personal data (citizen): consumers keep it masked and out of logs.",
      data: Type.Object({
        ...letterFields,
        citizen: Type.Object({
          name: Type.Optional(Type.String({ maxLength: 100 })),
          phone: Type.Optional(Type.String({ maxLength: 40 })),
          email: Type.Optional(Type.String({ maxLength: 254 })),
          idNumber: Type.Optional(Type.String({ maxLength: 18 })),
        }),
      }),
    }),
  }
}
