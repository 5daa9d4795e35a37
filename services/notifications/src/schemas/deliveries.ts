// Request and response shapes of the deliveries API.
import { Type } from '@tingjian/kit'
import { SMS_STATUSES } from '@tingjian/telephony'
import type { Static } from 'typebox'
import { NOTIFICATION_KINDS } from '../deliveries.ts'

export const DeliveryStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
])

/** A delivery as staff see it: the recipient masked, no message content. */
export const DeliveryView = Type.Object(
  {
    id: Type.String(),
    eventId: Type.String(),
    eventType: Type.String(),
    kind: Type.Enum(NOTIFICATION_KINDS),
    channel: Type.Enum(['email', 'sms', 'voice'] as const),
    audience: Type.Union([Type.Literal('citizen'), Type.Literal('staff')]),
    userId: Type.Union([Type.String(), Type.Null()]),
    trackingCode: Type.Union([Type.String(), Type.Null()]),
    recipient: Type.String({ description: 'masked, e.g. z***@example.com' }),
    status: DeliveryStatus,
    attempts: Type.Integer(),
    lastError: Type.Union([Type.String(), Type.Null()]),
    lastAttemptAt: Type.Union([Type.String(), Type.Null()]),
    sentAt: Type.Union([Type.String(), Type.Null()]),
    providerStatus: Type.Union([Type.Enum(SMS_STATUSES), Type.Null()], {
      description:
        "SMS: the provider's delivery status (accepted … delivered, undelivered, failed); null for e-mail",
    }),
    providerStatusAt: Type.Union([Type.String(), Type.Null()]),
    providerErrorCode: Type.Union([Type.String(), Type.Null()], {
      description: "the provider's error code on undelivered or failed",
    }),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { description: 'a delivery of one notification to one recipient' },
)
export type DeliveryView = Static<typeof DeliveryView>

export const ListDeliveriesQuery = Type.Object(
  {
    status: Type.Optional(DeliveryStatus),
    eventId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
)

export const DeliveryPage = Type.Object({
  items: Type.Array(DeliveryView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
})

export const DeliveryParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) })
