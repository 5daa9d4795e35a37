// The demo data of issue 3: six departments and ten staff accounts, all with one password. Idempotent:
// what exists (by department code, by username) is left as it is, so a second run changes nothing.

import { uuidv7 } from '@tingjian/contracts'
import { type Clock, type Role, systemClock } from '@tingjian/kit'
import { type DocumentStore, isConflict } from '@tingjian/store'
import { collections, ensureIndexes, findUserByUsername } from './data.ts'
import type { Department } from './domain/departments.ts'
import { departmentChanged, userChanged } from './domain/events.ts'
import { DEFAULT_SCRYPT, hashPassword, MIN_PASSWORD_LENGTH, type ScryptParams } from './domain/passwords.ts'
import type { User } from './domain/users.ts'

export const DEMO_DEPARTMENTS = [
  { code: 'office', name: '办公室', nameEn: 'General Office' },
  { code: 'exit-entry', name: '人口与出入境管理局', nameEn: 'Population and Exit-Entry Administration' },
  { code: 'traffic', name: '交警总队', nameEn: 'Traffic Police Corps' },
  { code: 'fire', name: '消防总队', nameEn: 'Fire and Rescue Corps' },
  { code: 'cyber', name: '网监总队', nameEn: 'Cyber Security Corps' },
  { code: 'discipline', name: '纪委监察室', nameEn: 'Discipline Inspection and Supervision Office' },
] as const

export type DemoDepartmentCode = (typeof DEMO_DEPARTMENTS)[number]['code']

export const DEMO_USERS: ReadonlyArray<{
  username: string
  displayName: string
  roles: Role[]
  department: DemoDepartmentCode
}> = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], department: 'office' },
  { username: 'dispatcher', displayName: '受理派单员', roles: ['dispatcher'], department: 'office' },
  { username: 'supervisor', displayName: '督办员', roles: ['supervisor'], department: 'office' },
  {
    username: 'handler.exit-entry',
    displayName: '出入境承办人',
    roles: ['handler'],
    department: 'exit-entry',
  },
  {
    username: 'lead.exit-entry',
    displayName: '出入境负责人',
    roles: ['dept_lead'],
    department: 'exit-entry',
  },
  { username: 'handler.traffic', displayName: '交警承办人', roles: ['handler'], department: 'traffic' },
  { username: 'lead.traffic', displayName: '交警负责人', roles: ['dept_lead'], department: 'traffic' },
  { username: 'callback', displayName: '回访员', roles: ['callback_agent'], department: 'office' },
  {
    username: 'discipline',
    displayName: '纪检监察员',
    roles: ['discipline_officer'],
    department: 'discipline',
  },
  { username: 'operator', displayName: '热线话务员', roles: ['hotline_operator'], department: 'office' },
  { username: 'pollster', displayName: '民调管理员', roles: ['poll_manager'], department: 'office' },
]

/** Demo staff mail goes to this domain, so that notifications can be read in Mailpit. */
export const DEMO_EMAIL_DOMAIN = 'staff.example.org'

export interface SeedDeps {
  store: DocumentStore
  clock?: Clock
  /** Cost of the password hashes (default: the service's); tests lower it. */
  scrypt?: ScryptParams
}

export interface SeedResult {
  /** Department ids by code. */
  departments: Record<DemoDepartmentCode, string>
  /** User ids by username. */
  users: Record<string, string>
  /** How many departments and users this run created (0 on a second run). */
  created: number
}

export async function seed(deps: SeedDeps, options: { password: string }): Promise<SeedResult> {
  if (options.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`the demo password needs at least ${MIN_PASSWORD_LENGTH} characters`)
  }
  const clock = deps.clock ?? systemClock
  const c = collections(deps.store)
  await ensureIndexes(c)
  let created = 0
  const correlationId = uuidv7()

  const departments = {} as Record<DemoDepartmentCode, string>
  for (const d of DEMO_DEPARTMENTS) {
    const existing = (await c.departments.find({ code: d.code }, { limit: 1 })).items[0]
    if (existing) {
      departments[d.code] = existing._id
      continue
    }
    const id = uuidv7()
    const now = clock.now()
    const doc: Department = { code: d.code, name: d.name, nameEn: d.nameEn, parentId: null, active: true }
    try {
      await c.departments.insert(id, doc, { now, events: [departmentChanged(id, doc, correlationId, now)] })
      departments[d.code] = id
      created++
    } catch (err) {
      // another replica seeded it meanwhile
      if (!isConflict(err, 'duplicate')) throw err
      const winner = (await c.departments.find({ code: d.code }, { limit: 1 })).items[0]
      if (!winner) throw err
      departments[d.code] = winner._id
    }
  }

  const users: Record<string, string> = {}
  for (const u of DEMO_USERS) {
    const existing = await findUserByUsername(c, u.username)
    if (existing) {
      users[u.username] = existing._id
      continue
    }
    const id = uuidv7()
    const now = clock.now()
    const doc: User = {
      username: u.username,
      displayName: u.displayName,
      email: `${u.username}@${DEMO_EMAIL_DOMAIN}`,
      roles: u.roles,
      departmentId: departments[u.department],
      active: true,
      passwordHash: await hashPassword(options.password, deps.scrypt ?? DEFAULT_SCRYPT),
      passwordChangedAt: now.toISOString(),
      tokensValidAfter: now.toISOString(),
    }
    try {
      await c.users.insert(id, doc, { now, events: [userChanged(id, doc, correlationId, now)] })
      users[u.username] = id
      created++
    } catch (err) {
      if (!isConflict(err, 'duplicate')) throw err
      const winner = await findUserByUsername(c, u.username)
      if (!winner) throw err
      users[u.username] = winner._id
    }
  }
  return { departments, users, created }
}
