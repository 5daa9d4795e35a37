// The configuration variables of the Twilio adapter, with Twilio's own names. Required only when the
// deployment chooses Twilio: a service spreads these properties into its Config in that case (or loads
// `TwilioConfig` on its own after reading its provider choice), never when it runs the simulator.
import Type, { type Static } from 'typebox'

const E164 = '^\\+[1-9][0-9]{6,14}$'

export const TwilioConfig = Type.Object({
  TWILIO_ACCOUNT_SID: Type.String({
    pattern: '^AC[0-9a-fA-F]{32}$',
    description: "the Twilio account's SID (AC…), from the Twilio console",
  }),
  TWILIO_AUTH_TOKEN: Type.String({
    minLength: 32,
    description:
      "the account's auth token: authenticates API requests and signs every webhook (a secret; rotating it in the console invalidates the old one)",
  }),
  TWILIO_HOTLINE_NUMBER: Type.String({
    pattern: E164,
    description:
      "the hotline's Twilio number in E.164 (+86…): its voice webhook is PUBLIC_BASE_URL + the incoming-call path; the caller id of callbacks",
  }),
  TWILIO_SMS_FROM: Type.Optional(
    Type.String({
      pattern: E164,
      description: 'the number (E.164) SMS are sent from; defaults to TWILIO_HOTLINE_NUMBER',
    }),
  ),
})
export type TwilioConfig = Static<typeof TwilioConfig>

/** The adapter's options and the line's numbers, from a parsed configuration. */
export function twilioOptionsOf(config: TwilioConfig): {
  accountSid: string
  authToken: string
  hotlineNumber: string
  smsFrom: string
} {
  return {
    accountSid: config.TWILIO_ACCOUNT_SID,
    authToken: config.TWILIO_AUTH_TOKEN,
    hotlineNumber: config.TWILIO_HOTLINE_NUMBER,
    smsFrom: config.TWILIO_SMS_FROM ?? config.TWILIO_HOTLINE_NUMBER,
  }
}
