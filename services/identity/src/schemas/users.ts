import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../domain/passwords.ts'
import { USERNAME_PATTERN } from '../domain/users.ts'
import { Id, Role, Timestamp } from './common.ts'

const Username = OneLine({
  pattern: USERNAME_PATTERN,
  description: '2–64 of a-z 0-9 . _ - (lowercase), starting with a letter or digit',
})
const DisplayName = OneLine({ minLength: 1, maxLength: 100 })
const Email = Type.String({ maxLength: 254, format: 'email', description: 'personal data' })
const Roles = Type.Array(Role, { minItems: 1, maxItems: 8, uniqueItems: true })
export const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })

export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Role),
  departmentId: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type UserView = Static<typeof UserView>

export const UserList = Type.Object({
  items: Type.Array(UserView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
})

export const UserQuery = Type.Object(
  {
    departmentId: Type.Optional(Id),
    role: Type.Optional(Role),
    active: Type.Optional(Type.Boolean()),
    cursor: Type.Optional(Type.String({ maxLength: 1000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
)

export const CreateUser = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    roles: Roles,
    departmentId: Type.Optional(Type.Union([Id, Type.Null()])),
    password: Password,
  },
  { additionalProperties: false },
)
export type CreateUser = Static<typeof CreateUser>

export const UpdateUser = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    roles: Type.Optional(Roles),
    departmentId: Type.Optional(Type.Union([Id, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
    version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'the version you saw; a stale one is refused with 409' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateUser = Static<typeof UpdateUser>

export const ResetPassword = Type.Object({ password: Password }, { additionalProperties: false })
