// Shapes several services' events share.
import Type from 'typebox'

export const LETTER_CATEGORIES = ['complaint', 'report', 'suggestion', 'consultation', 'praise'] as const
export const Category = Type.Enum(LETTER_CATEGORIES)

export const CHANNELS = ['mailbox', 'hotline', 'poll', 'callback'] as const
export const Channel = Type.Enum(CHANNELS)

export const CASE_STATUSES = [
  'received',
  'not_accepted',
  'assigned',
  'in_progress',
  'reply_review',
  'replied',
  'closed',
  'merged',
] as const
export const CaseStatus = Type.Enum(CASE_STATUSES)

export const ROLES = [
  'admin',
  'dispatcher',
  'handler',
  'dept_lead',
  'supervisor',
  'callback_agent',
  'discipline_officer',
  'hotline_operator',
  'poll_manager',
] as const
export const Role = Type.Enum(ROLES)

export const Id = Type.String({ minLength: 1, maxLength: 64 })
export const Timestamp = Type.String({ format: 'date-time' })
export const TrackingCode = Type.String({
  pattern: '^[0-9A-HJ-NP-Z]{10}$',
  description: '10 characters, no look-alikes',
})

/** A contact field sealed with the kit's FieldCipher: `tjf1:<key id>:<iv>:<ciphertext>` (self-describing). */
export const Sealed = (what: string) =>
  Type.String({
    maxLength: 1024,
    description: `${what}, sealed (FieldCipher: tjf1:<key id>:<iv>:<ciphertext+tag>); open with the shared FIELD_KEYS`,
  })
