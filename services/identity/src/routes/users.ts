// Staff accounts, managed by admins. Passwords are set on creation and by an admin's reset, never returned.
import { uuidv7 } from '@tingjian/contracts'
import { type App, type Clock, Errors } from '@tingjian/kit'
import { type Fields, type Filter, modify, type Stored, StoreNotFoundError } from '@tingjian/store'
import { type Collections, revokeUserFamilies, userView } from '../data.ts'
import { userChanged } from '../domain/events.ts'
import { hashPassword, type ScryptParams } from '../domain/passwords.ts'
import { changeRevokesTokens, checkRoles, revokedAt, type User } from '../domain/users.ts'
import { IdentityErrors } from '../errors.ts'
import { IdParams, ProblemRef, staffProblems } from '../schemas/common.ts'
import { CreateUser, ResetPassword, UpdateUser, UserList, UserQuery, UserView } from '../schemas/users.ts'

export interface UserRoutesOptions {
  collections: Collections
  clock: Clock
  /** Cost of new password hashes. */
  scrypt: ScryptParams
}

export async function userRoutes(app: App, opts: UserRoutesOptions): Promise<void> {
  const { collections: c, clock, scrypt } = opts
  const tags = ['users']
  const security = [{ bearer: [] }]

  /** The department of a user must exist and be active; roles acting for a department need one. */
  async function checkAssignment(roles: User['roles'], departmentId: string | null): Promise<void> {
    const problem = checkRoles(roles, departmentId)
    if (problem) throw new Errors.BadRequest(problem)
    if (departmentId === null) return
    const department = await c.departments.get(departmentId)
    if (!department) throw new IdentityErrors.UnknownDepartment('The department does not exist')
    if (!department.active) throw new IdentityErrors.UnknownDepartment('The department is inactive')
  }

  app.get(
    '/users',
    {
      config: { access: ['admin'] },
      schema: { tags, security, querystring: UserQuery, response: { 200: UserList, ...staffProblems } },
    },
    async (request) => {
      const q = request.query
      const filter: Filter = { departmentId: q.departmentId, roles: q.role, active: q.active }
      const page = await c.users.find(filter, {
        sort: [['username', 1]],
        limit: q.limit ?? 50,
        cursor: q.cursor ?? null,
      })
      return { items: page.items.map(userView), nextCursor: page.nextCursor }
    },
  )

  app.get(
    '/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security,
        params: IdParams,
        response: { 200: UserView, ...staffProblems, 404: ProblemRef },
      },
    },
    async (request) => {
      const user = await c.users.get(request.params.id)
      if (!user) throw new Errors.NotFound()
      return userView(user)
    },
  )

  app.post(
    '/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security,
        body: CreateUser,
        response: { 201: UserView, ...staffProblems, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const body = request.body
      const departmentId = body.departmentId ?? null
      await checkAssignment(body.roles, departmentId)
      const now = clock.now()
      const id = uuidv7()
      const doc: Fields<User> = {
        username: body.username,
        displayName: body.displayName,
        email: body.email ?? null,
        roles: body.roles,
        departmentId,
        active: true,
        passwordHash: await hashPassword(body.password, scrypt),
        passwordChangedAt: now.toISOString(),
        tokensValidAfter: now.toISOString(),
      }
      const saved = await c.users.insert(id, doc, { now, events: [userChanged(id, doc, request.id, now)] })
      request.log.info({ userId: id, by: request.user.sub }, 'user created')
      return reply.code(201).send(userView(saved))
    },
  )

  async function change(
    id: string,
    expectedVersion: number | undefined,
    apply: (current: Stored<User>) => Promise<Fields<User> | null>,
    correlationId: string,
  ): Promise<Stored<User>> {
    const current = await c.users.get(id)
    if (!current) throw new Errors.NotFound()
    if (expectedVersion !== undefined && expectedVersion !== current.version) throw new Errors.StaleVersion()
    const applied = await apply(current)
    if (applied === null) return current
    const now = clock.now()
    // Tokens carry the roles, department and standing they were issued with: a change voids them.
    const next = changeRevokesTokens(current, applied)
      ? { ...applied, tokensValidAfter: revokedAt(now) }
      : applied
    return c.users.update(id, current.version, next, {
      now,
      events: [userChanged(id, next, correlationId, now)],
    })
  }

  /** Admins cannot lock themselves out (and so leave nobody to undo it). */
  function refuseSelfLockout(actorId: string, current: Stored<User>, next: Fields<User>): void {
    if (actorId !== current._id) return
    if (!next.active) throw new IdentityErrors.SelfLockout('You cannot deactivate your own account')
    if (!next.roles.includes('admin'))
      throw new IdentityErrors.SelfLockout('You cannot remove your own admin role')
  }

  app.patch(
    '/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security,
        params: IdParams,
        body: UpdateUser,
        response: { 200: UserView, ...staffProblems, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body
      const saved = await change(
        request.params.id,
        version,
        async (current) => {
          const next: Fields<User> = {
            ...current,
            displayName: patch.displayName ?? current.displayName,
            email: patch.email !== undefined ? patch.email : current.email,
            roles: patch.roles ?? current.roles,
            departmentId: patch.departmentId !== undefined ? patch.departmentId : current.departmentId,
            active: patch.active ?? current.active,
          }
          refuseSelfLockout(request.user.sub, current, next)
          if (next.departmentId !== current.departmentId || patch.roles) {
            await checkAssignment(next.roles, next.departmentId)
          }
          return next
        },
        request.id,
      )
      if (!saved.active) await revokeUserFamilies(c, saved._id, 'inactive-user', clock)
      request.log.info({ userId: saved._id, by: request.user.sub }, 'user changed')
      return userView(saved)
    },
  )

  app.delete(
    '/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security,
        description:
          'Deactivates the account and ends its sessions (accounts are kept: timelines name them).',
        params: IdParams,
        response: { 200: UserView, ...staffProblems, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => {
      const saved = await change(
        request.params.id,
        undefined,
        async (current) => {
          if (!current.active) return null
          const next = { ...current, active: false }
          refuseSelfLockout(request.user.sub, current, next)
          return next
        },
        request.id,
      )
      await revokeUserFamilies(c, saved._id, 'inactive-user', clock)
      request.log.info({ userId: saved._id, by: request.user.sub }, 'user deactivated')
      return userView(saved)
    },
  )

  app.post(
    '/users/:id/password',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security,
        description: "Sets a new password (an admin's reset) and ends the user's sessions.",
        params: IdParams,
        body: ResetPassword,
        response: { 204: { type: 'null' }, ...staffProblems, 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const passwordHash = await hashPassword(request.body.password, scrypt)
      const now = clock.now()
      // The event carries no password, only the revocation the other services must learn.
      const saved = await modify(
        c.users,
        request.params.id,
        (current) => ({
          ...current,
          passwordHash,
          passwordChangedAt: now.toISOString(),
          tokensValidAfter: revokedAt(now),
        }),
        { now, events: (current, next) => [userChanged(current._id, next, request.id, now)] },
      ).catch((err: unknown) => {
        if (err instanceof StoreNotFoundError) throw new Errors.NotFound()
        throw err
      })
      const ended = await revokeUserFamilies(c, saved._id, 'password-reset', clock)
      request.log.info({ userId: saved._id, by: request.user.sub, sessionsEnded: ended }, 'password reset')
      return reply.code(204).send(null)
    },
  )
}
