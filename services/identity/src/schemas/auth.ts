import Type from 'typebox'
import { Role } from './common.ts'

export const Login = Type.Object(
  {
    // Looser than a username on purpose: any string gets the same 401 as a wrong password.
    username: Type.String({ minLength: 1, maxLength: 128 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
)

export const TokenUser = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Role),
  departmentId: Type.Union([Type.String(), Type.Null()]),
})

/** The refresh token is not here: it travels only in the HttpOnly cookie `tj_refresh` (see the README). */
export const Tokens = Type.Object({
  accessToken: Type.String({ description: 'JWT (EdDSA), valid for expiresIn seconds' }),
  expiresIn: Type.Integer({ description: 'seconds until the access token expires' }),
  user: TokenUser,
})
