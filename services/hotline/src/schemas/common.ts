// Shapes shared by the hotline's routes.
import Type from 'typebox'

// Multi-line text: line breaks and tabs, never other control characters or bidi overrides.
export const SAFE_TEXT =
  '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\u202A-\\u202E\\u2066-\\u2069]*$'
export const Text = (maxLength: number) => Type.String({ maxLength, pattern: SAFE_TEXT })

export const IdParam = (name: string) =>
  Type.Object(
    { [name]: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) },
    {
      additionalProperties: false,
    },
  )

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()])

export const Timestamp = Type.String({ maxLength: 40 })
