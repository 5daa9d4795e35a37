// Departments: any staff member reads the tree; admins create, change and deactivate.
import { uuidv7 } from '@tingjian/contracts'
import { type App, type Clock, Errors } from '@tingjian/kit'
import type { Fields, Stored } from '@tingjian/store'
import { allDepartments, type Collections, departmentView } from '../data.ts'
import { activeChildren, checkParent, type Department } from '../domain/departments.ts'
import { departmentChanged } from '../domain/events.ts'
import { IdentityErrors } from '../errors.ts'
import { IdParams, ProblemRef, staffProblems } from '../schemas/common.ts'
import {
  CreateDepartment,
  DepartmentList,
  DepartmentQuery,
  DepartmentView,
  UpdateDepartment,
} from '../schemas/departments.ts'

function refuseParent(problem: ReturnType<typeof checkParent>): void {
  if (problem === 'cycle') throw new IdentityErrors.DepartmentCycle()
  if (problem === 'unknown-parent')
    throw new IdentityErrors.UnknownDepartment('The parent department does not exist')
  if (problem === 'inactive-parent')
    throw new IdentityErrors.UnknownDepartment('The parent department is inactive')
}

export interface DepartmentRoutesOptions {
  collections: Collections
  clock: Clock
}

export async function departmentRoutes(app: App, opts: DepartmentRoutesOptions): Promise<void> {
  const { collections: c, clock } = opts
  const tags = ['departments']
  const security = [{ bearer: [] }]

  app.get(
    '/departments',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        security,
        querystring: DepartmentQuery,
        response: { 200: DepartmentList, ...staffProblems },
      },
    },
    async (request) => {
      const all = [...(await allDepartments(c)).values()]
      const { active } = request.query
      return { items: all.filter((d) => active === undefined || d.active === active).map(departmentView) }
    },
  )

  app.get(
    '/departments/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        security,
        params: IdParams,
        response: { 200: DepartmentView, ...staffProblems, 404: ProblemRef },
      },
    },
    async (request) => {
      const d = await c.departments.get(request.params.id)
      if (!d) throw new Errors.NotFound()
      return departmentView(d)
    },
  )

  app.post(
    '/departments',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security,
        body: CreateDepartment,
        response: { 201: DepartmentView, ...staffProblems, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const body = request.body
      const parentId = body.parentId ?? null
      refuseParent(checkParent(undefined, parentId, await allDepartments(c)))
      const id = uuidv7()
      const now = clock.now()
      const doc: Fields<Department> = {
        code: body.code,
        name: body.name,
        nameEn: body.nameEn ?? null,
        parentId,
        active: true,
      }
      const saved = await c.departments.insert(id, doc, {
        now,
        events: [departmentChanged(id, doc, request.id, now)],
      })
      request.log.info({ departmentId: id }, 'department created')
      return reply.code(201).send(departmentView(saved))
    },
  )

  async function change(
    id: string,
    expectedVersion: number | undefined,
    apply: (current: Stored<Department>, all: Map<string, Stored<Department>>) => Fields<Department> | null,
    correlationId: string,
  ): Promise<Stored<Department>> {
    const all = await allDepartments(c)
    const current = all.get(id)
    if (!current) throw new Errors.NotFound()
    if (expectedVersion !== undefined && expectedVersion !== current.version) throw new Errors.StaleVersion()
    const next = apply(current, all)
    if (next === null) return current
    const now = clock.now()
    // A concurrent change answers 409 (stale): tree checks were made against what was read.
    return c.departments.update(id, current.version, next, {
      now,
      events: [departmentChanged(id, next, correlationId, now)],
    })
  }

  app.patch(
    '/departments/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security,
        params: IdParams,
        body: UpdateDepartment,
        response: { 200: DepartmentView, ...staffProblems, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body
      const saved = await change(
        request.params.id,
        version,
        (current, all) => {
          const next: Fields<Department> = {
            code: patch.code ?? current.code,
            name: patch.name ?? current.name,
            nameEn: patch.nameEn !== undefined ? patch.nameEn : current.nameEn,
            parentId: patch.parentId !== undefined ? patch.parentId : current.parentId,
            active: patch.active ?? current.active,
          }
          if (next.parentId !== current.parentId) refuseParent(checkParent(current._id, next.parentId, all))
          if (current.active && !next.active) refuseDeactivation(current._id, all)
          return next
        },
        request.id,
      )
      request.log.info({ departmentId: saved._id }, 'department changed')
      return departmentView(saved)
    },
  )

  function refuseDeactivation(id: string, all: Map<string, Stored<Department>>): void {
    if (activeChildren(id, all).length > 0) {
      throw new IdentityErrors.DepartmentInUse(
        'The department has active sub-departments; deactivate them first',
      )
    }
  }

  app.delete(
    '/departments/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security,
        description: 'Deactivates the department (departments are never deleted: cases refer to them).',
        params: IdParams,
        response: { 200: DepartmentView, ...staffProblems, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => {
      const saved = await change(
        request.params.id,
        undefined,
        (current, all) => {
          if (!current.active) return null
          refuseDeactivation(current._id, all)
          return { ...current, active: false }
        },
        request.id,
      )
      request.log.info({ departmentId: saved._id }, 'department deactivated')
      return departmentView(saved)
    },
  )
}
