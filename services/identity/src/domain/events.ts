// The events identity publishes: the full current state of a department or an account.
import { IdentityEvents } from '@tingjian/contracts'
import type { Department } from './departments.ts'
import type { User } from './users.ts'

type State<T> = Omit<T, '_id' | 'version' | 'createdAt' | 'updatedAt'>

export function departmentChanged(id: string, d: State<Department>, correlationId: string, at: Date) {
  return IdentityEvents.departmentChanged.create({
    subject: id,
    correlationId,
    occurredAt: at,
    data: {
      departmentId: id,
      code: d.code,
      name: d.name,
      ...(d.nameEn !== null ? { nameEn: d.nameEn } : {}),
      parentId: d.parentId,
      active: d.active,
    },
  })
}

export function userChanged(id: string, u: State<User>, correlationId: string, at: Date) {
  return IdentityEvents.userChanged.create({
    subject: id,
    correlationId,
    occurredAt: at,
    data: {
      userId: id,
      username: u.username,
      displayName: u.displayName,
      email: u.email,
      roles: u.roles,
      departmentId: u.departmentId,
      active: u.active,
      ...(u.tokensValidAfter ? { tokensValidAfter: u.tokensValidAfter } : {}),
    },
  })
}
