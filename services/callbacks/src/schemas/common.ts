// Shapes several of the callbacks service's routes share: ids, instants, text, the version the client saw.
import Type, { type Static } from 'typebox'

/** Line breaks and tabs allowed; no other control characters, no bidi overrides. */
export const SAFE_TEXT =
  '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\u202A-\\u202E\\u2066-\\u2069]*$'

export const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: SAFE_TEXT, ...(description ? { description } : {}) })

export const TASK_ID = '^cbt_[0-9a-f]{32}$'
export const TaskId = Type.String({ pattern: TASK_ID, maxLength: 36 })
export const Instant = Type.String({ format: 'date-time' })
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()])
export const Version = Type.Integer({ minimum: 1, description: 'the version the client saw' })
export const ServiceType = Type.String({ pattern: '^[a-z_]{1,40}$', maxLength: 40 })

export const TaskParams = Type.Object({ id: TaskId }, { additionalProperties: false })
export type TaskParams = Static<typeof TaskParams>

/** `HH:MM`, 00:00–24:00. */
export const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$', maxLength: 5 })
export const Rate = Type.Number({ minimum: 0, maximum: 1 })
