// The shapes of a letter and of the answer to it.
import { LETTER_CATEGORIES } from '@tingjian/contracts'
import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'

// The body may hold line breaks and tabs, never other control characters or bidi overrides. One-line fields
// (subject, name) use the kit's OneLine: no separators, zero-width or direction marks, something visible.
const SAFE_TEXT = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\u202A-\\u202E\\u2066-\\u2069]*$'

export const SubmitLetter = Type.Object(
  {
    category: Type.Enum(LETTER_CATEGORIES),
    subject: OneLine({ minLength: 2, maxLength: 200 }),
    body: Type.String({ minLength: 10, maxLength: 10_000, pattern: SAFE_TEXT }),
    anonymous: Type.Boolean(),
    name: Type.Optional(OneLine({ minLength: 1, maxLength: 50 })),
    phone: Type.Optional(Type.String({ minLength: 7, maxLength: 20, pattern: '^[0-9+()\\- ]+$' })),
    email: Type.Optional(Type.String({ maxLength: 254, format: 'email' })),
    idNumber: Type.Optional(Type.String({ minLength: 18, maxLength: 18, pattern: '^[0-9]{17}[0-9Xx]$' })),
    consentToPublish: Type.Boolean({ description: 'the reply may be published without personal data' }),
    declineCallback: Type.Optional(
      Type.Boolean({ description: 'do not phone me about the answer (no callback survey); absent: false' }),
    ),
    locale: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
  },
  { additionalProperties: false, $id: 'SubmitLetter' },
)
export type SubmitLetter = Static<typeof SubmitLetter>

export const LetterReceipt = Type.Object(
  {
    letterId: Type.String(),
    trackingCode: Type.String(),
    accessKey: Type.String({ description: 'shown once; needed with the tracking code to follow the letter' }),
    submittedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'LetterReceipt' },
)
export type LetterReceipt = Static<typeof LetterReceipt>
