// The service's collections, their indexes, and the reads and writes the routes and the seed share.
import type { Clock } from '@tingjian/kit'
import {
  type Collection,
  type DocumentStore,
  isConflict,
  modify,
  type Stored,
  StoreNotFoundError,
  upsert,
} from '@tingjian/store'
import type { Department } from './domain/departments.ts'
import { emptyThrottle, type Take, type ThrottleDecision, type ThrottleState } from './domain/throttle.ts'
import { type RefreshFamily, type RefreshTokenRecord, revoked } from './domain/tokens.ts'
import type { User } from './domain/users.ts'
import type { DepartmentView } from './schemas/departments.ts'
import type { UserView } from './schemas/users.ts'

export interface Collections {
  departments: Collection<Department>
  users: Collection<User>
  refreshTokens: Collection<RefreshTokenRecord>
  refreshFamilies: Collection<RefreshFamily>
  loginThrottle: Collection<ThrottleState>
}

// The collections' names; writes to departments and users carry their events (the outbox).
export const DEPARTMENTS = 'departments'
export const USERS = 'users'
export const REFRESH_TOKENS = 'refresh_tokens'
export const REFRESH_FAMILIES = 'refresh_families'
export const LOGIN_THROTTLE = 'login_throttle'

export function collections(store: DocumentStore): Collections {
  return {
    departments: store.collection<Department>(DEPARTMENTS),
    users: store.collection<User>(USERS),
    refreshTokens: store.collection<RefreshTokenRecord>(REFRESH_TOKENS),
    refreshFamilies: store.collection<RefreshFamily>(REFRESH_FAMILIES),
    loginThrottle: store.collection<ThrottleState>(LOGIN_THROTTLE),
  }
}

export async function ensureIndexes(c: Collections): Promise<void> {
  await c.departments.ensureIndexes([{ name: 'code_unique', keys: [['code', 1]], unique: true }])
  await c.users.ensureIndexes([
    { name: 'username_unique', keys: [['username', 1]], unique: true },
    { name: 'department', keys: [['departmentId', 1]] },
  ])
  await c.refreshFamilies.ensureIndexes([
    {
      name: 'user_status',
      keys: [
        ['userId', 1],
        ['status', 1],
      ],
    },
  ])
}

export const departmentView = (d: Stored<Department>): DepartmentView => ({
  id: d._id,
  code: d.code,
  name: d.name,
  nameEn: d.nameEn,
  parentId: d.parentId,
  active: d.active,
  version: d.version,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
})

export const userView = (u: Stored<User>): UserView => ({
  id: u._id,
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  roles: u.roles,
  departmentId: u.departmentId,
  active: u.active,
  version: u.version,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
})

/** Every department (a tree of a few hundred at most), by id. */
export async function allDepartments(c: Collections): Promise<Map<string, Stored<Department>>> {
  const out = new Map<string, Stored<Department>>()
  let cursor: string | null = null
  do {
    const page = await c.departments.find({}, { sort: [['code', 1]], limit: 500, cursor })
    for (const d of page.items) out.set(d._id, d)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

export async function findUserByUsername(c: Collections, username: string): Promise<Stored<User> | null> {
  const page = await c.users.find({ username }, { limit: 1 })
  return page.items[0] ?? null
}

/**
 * Takes one sign-in attempt on a throttle counter in one versioned write (created when missing), and
 * answers what `take` decided for the state it was written against. Racing requests retry on a stale
 * version, so each is counted once; one that still loses after many tries gets null (the caller decides
 * which side is safe).
 */
export async function takeAttempt(
  c: Collections,
  key: string,
  take: (state: ThrottleState) => Take,
  now: Date,
): Promise<ThrottleDecision | null> {
  let decision: ThrottleDecision | null = null
  try {
    await upsert(
      c.loginThrottle,
      key,
      () => {
        const t = take(emptyThrottle())
        decision = t.decision
        return t.next ?? emptyThrottle()
      },
      (current) => {
        const t = take(current)
        decision = t.decision
        return t.next
      },
      { now, maxAttempts: 40 },
    )
  } catch (err) {
    if (isConflict(err, 'stale')) return null
    throw err
  }
  return decision
}

/** Changes a throttle counter if it exists (a success resets or gives back an attempt). */
export async function settleThrottle(
  c: Collections,
  key: string,
  change: (state: ThrottleState) => ThrottleState | null,
  now: Date,
): Promise<void> {
  try {
    await modify(c.loginThrottle, key, change, { now, maxAttempts: 20 })
  } catch (err) {
    if (!(err instanceof StoreNotFoundError)) throw err
  }
}

/** Revokes a refresh family unless it already is; returns whether this call revoked it. */
export async function revokeFamily(
  c: Collections,
  familyId: string,
  reason: NonNullable<RefreshFamily['revokedReason']>,
  clock: Clock,
): Promise<boolean> {
  let revokedNow = false
  try {
    await modify(
      c.refreshFamilies,
      familyId,
      (family) => {
        revokedNow = family.status !== 'revoked'
        return revokedNow ? revoked(family, reason, clock.now()) : null
      },
      { now: clock.now() },
    )
  } catch (err) {
    if (err instanceof StoreNotFoundError) return false
    throw err
  }
  return revokedNow
}

/** Ends every session of a user (deactivation, password reset). */
export async function revokeUserFamilies(
  c: Collections,
  userId: string,
  reason: NonNullable<RefreshFamily['revokedReason']>,
  clock: Clock,
): Promise<number> {
  let n = 0
  for (;;) {
    const page = await c.refreshFamilies.find({ userId, status: 'active' }, { limit: 200 })
    for (const f of page.items) if (await revokeFamily(c, f._id, reason, clock)) n++
    if (page.items.length < 200) return n
  }
}
