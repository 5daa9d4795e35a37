// Shapes every identity route uses.
import { ROLES } from '@tingjian/contracts'
import Type from 'typebox'

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false })
export const Role = Type.Enum(ROLES)
export const Timestamp = Type.String({ format: 'date-time' })

/** The kit's RFC 9457 schema, registered by buildApp. */
export const ProblemRef = Type.Ref('Problem')

/** The problem answers a staff route can give besides its own. */
export const staffProblems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef } as const
