// The shapes of the simulator's HTTP face: the test phone (admins) and the provider's SMS endpoint.
import { Problem } from '@tingjian/kit'
import Type, { type Static } from 'typebox'

export const E164_PATTERN = '^\\+[1-9]\\d{6,14}$'
/** Decoded audio a test phone may upload as a voicemail. */
export const MAX_AUDIO_BYTES = 2 * 1024 * 1024
export const AUDIO_TYPES = ['audio/wav', 'audio/mpeg', 'audio/ogg', 'audio/webm'] as const
// Text may hold line breaks and tabs, never other control characters or bidi overrides.
const SAFE_TEXT = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\u202A-\\u202E\\u2066-\\u2069]*$'

const Number164 = Type.String({
  pattern: E164_PATTERN,
  maxLength: 16,
  description: 'E.164, e.g. +8613812345678',
})

export const CallParams = Type.Object(
  { callId: Type.String({ pattern: '^CA[0-9a-f]{32}$' }) },
  { additionalProperties: false },
)
export type CallParams = Static<typeof CallParams>

export const PhoneParams = Type.Object({ number: Number164 }, { additionalProperties: false })
export type PhoneParams = Static<typeof PhoneParams>

export const DialBody = Type.Object({ from: Number164 }, { additionalProperties: false })
export type DialBody = Static<typeof DialBody>

export const DialReceipt = Type.Object({ callId: Type.String() }, { additionalProperties: false })

export const DigitsBody = Type.Object(
  { digits: Type.String({ pattern: '^[0-9*#]+$', minLength: 1, maxLength: 32 }) },
  { additionalProperties: false },
)
export type DigitsBody = Static<typeof DigitsBody>

export const VoicemailBody = Type.Union([
  Type.Object(
    {
      text: Type.String({
        minLength: 1,
        maxLength: 2000,
        pattern: SAFE_TEXT,
        description: 'a typed stand-in',
      }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      audioBase64: Type.String({
        minLength: 4,
        // base64 of MAX_AUDIO_BYTES
        maxLength: Math.ceil(MAX_AUDIO_BYTES / 3) * 4,
        pattern: '^[A-Za-z0-9+/]+={0,2}$',
      }),
      contentType: Type.Enum(AUDIO_TYPES),
    },
    { additionalProperties: false },
  ),
])
export type VoicemailBody = Static<typeof VoicemailBody>

export const RejectQuery = Type.Object(
  { reason: Type.Optional(Type.Union([Type.Literal('busy'), Type.Literal('no-answer')])) },
  { additionalProperties: false },
)
export type RejectQuery = Static<typeof RejectQuery>

const TRANSCRIPT_KINDS = [
  'say',
  'play',
  'pause',
  'queue',
  'dial',
  'record',
  'gather',
  'redirect',
  'status',
  'hangup',
  'digits',
  'voicemail',
  'error',
] as const
const CALL_STATES = [
  'ringing',
  'queued',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const
const SMS_STATES = ['accepted', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed'] as const

export const SimulatedCallSchema = Type.Object({
  callId: Type.String(),
  parentCallId: Type.Optional(Type.String()),
  from: Type.String(),
  to: Type.String(),
  direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
  state: Type.Enum(CALL_STATES),
  queue: Type.Optional(Type.String()),
  position: Type.Optional(Type.Integer()),
  bridgedTo: Type.Optional(Type.String()),
  answeredBy: Type.Optional(Type.Union([Type.Literal('human'), Type.Literal('machine')])),
  startedAt: Type.String(),
  endedAt: Type.Optional(Type.String()),
  transcript: Type.Array(
    Type.Object({
      at: Type.String(),
      kind: Type.Enum(TRANSCRIPT_KINDS),
      text: Type.String(),
    }),
  ),
})

export const SimulatedSmsSchema = Type.Object({
  messageId: Type.String(),
  from: Type.String(),
  to: Type.String(),
  body: Type.String(),
  at: Type.String(),
  status: Type.Enum(SMS_STATES),
})

/** How a programmed phone takes the calls placed to it (see phones.ts). */
export const PhoneBehaviourSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('person'),
      keys: Type.Array(Type.Union([Type.String({ pattern: '^[0-9*#]{1,32}$' }), Type.Null()]), {
        maxItems: 50,
        description: 'one entry per gather: the keys pressed, or null for silence; then the person hangs up',
      }),
    },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('machine') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('no-answer') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('busy') }, { additionalProperties: false }),
])
export type PhoneBehaviourBody = Static<typeof PhoneBehaviourSchema>

export const PhoneView = Type.Object({
  number: Type.String(),
  behaviour: Type.Optional(PhoneBehaviourSchema),
  calls: Type.Array(SimulatedCallSchema),
  messages: Type.Array(SimulatedSmsSchema),
})

export const ProviderMessage = Type.Object(
  {
    to: Number164,
    from: Type.String({ minLength: 1, maxLength: 32 }),
    // longer than Twilio takes, so that the simulator refuses an over-long body as Twilio does (21617)
    body: Type.String({ minLength: 1, maxLength: 5000, pattern: SAFE_TEXT }),
    statusUrl: Type.Optional(Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://' })),
  },
  { additionalProperties: false },
)
export type ProviderMessage = Static<typeof ProviderMessage>

export const ProviderReceipt = Type.Object({
  messageId: Type.String(),
  status: Type.Enum(SMS_STATES),
})

export { Problem }
