import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'
import { Id, Timestamp } from './common.ts'

const Code = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,39}$',
  description: 'stable short name, lowercase: office, exit-entry',
})
const Name = OneLine({ minLength: 1, maxLength: 100, description: 'Chinese name' })
const NameEn = OneLine({ minLength: 1, maxLength: 100 })

export const DepartmentView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  parentId: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type DepartmentView = Static<typeof DepartmentView>

export const DepartmentList = Type.Object({ items: Type.Array(DepartmentView) })

export const DepartmentQuery = Type.Object(
  { active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
)

export const CreateDepartment = Type.Object(
  {
    code: Code,
    name: Name,
    nameEn: Type.Optional(NameEn),
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false },
)
export type CreateDepartment = Static<typeof CreateDepartment>

export const UpdateDepartment = Type.Object(
  {
    code: Type.Optional(Code),
    name: Type.Optional(Name),
    nameEn: Type.Optional(Type.Union([NameEn, Type.Null()])),
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
    version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'the version you saw; a stale one is refused with 409' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateDepartment = Static<typeof UpdateDepartment>
