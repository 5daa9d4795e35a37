import Type from 'typebox'
import type { EventCatalogue } from '../catalogue.ts'
import { Id, Role } from './common.ts'

export function defineIdentityEvents(c: EventCatalogue) {
  return {
    departmentChanged: c.define({
      type: 'identity.department-changed',
      version: 1,
      source: 'identity',
      description: 'A department was created, renamed, moved or deactivated (the full current state).',
      data: Type.Object({
        departmentId: Id,
        code: Type.String({ maxLength: 40 }),
        name: Type.String({ maxLength: 100 }),
        nameEn: Type.Optional(Type.String({ maxLength: 100 })),
        parentId: Type.Union([Id, Type.Null()]),
        active: Type.Boolean(),
      }),
    }),
    userChanged: c.define({
      type: 'identity.user-changed',
      version: 1,
      source: 'identity',
      description:
        'A staff account was created or changed (the full current state). The e-mail is personal data: notifications only.',
      data: Type.Object({
        userId: Id,
        username: Type.String({ maxLength: 64 }),
        displayName: Type.String({ maxLength: 100 }),
        email: Type.Union([Type.String({ maxLength: 254 }), Type.Null()]),
        roles: Type.Array(Role),
        departmentId: Type.Union([Id, Type.Null()]),
        active: Type.Boolean(),
        // Added within v1 (optional: events published before it lack it).
        tokensValidAfter: Type.Optional(
          Type.String({
            format: 'date-time',
            description:
              'access tokens of this user issued before this time (claim iatMs, else iat) are refused everywhere; ' +
              'set on deactivation, a change of roles or department, a password reset and logout',
          }),
        ),
      }),
    }),
  }
}
