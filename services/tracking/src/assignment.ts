// An assignment names real departments and a real assignee: the lead department and every supporting one
// must be known to tracking (identity's department events) and active, by id or by code (`exit-entry`);
// an assignee must be an active member of the lead department. Otherwise a 422 naming each field at fault.

import { type Departments, findDepartment, type Staff } from './departments.ts'
import type { Command } from './domain/case.ts'

export class InvalidAssignment extends Error {
  readonly code = 'TJ_INVALID_ASSIGNMENT'
  readonly statusCode = 422
  constructor(readonly errors: Array<{ path: string; message: string }>) {
    super('The assignment names an unknown or inactive department or assignee; see errors')
    this.name = 'InvalidAssignment'
  }
}

export interface AssignBody {
  departmentId: string
  supportingDepartmentIds?: string[]
  assigneeId?: string
  note?: string
}

/** The assign command with departments resolved to their ids; throws InvalidAssignment. */
export async function resolveAssignment(
  directory: { departments: Departments; staff: Staff },
  body: AssignBody,
): Promise<Extract<Command, { type: 'assign' }>> {
  const errors: Array<{ path: string; message: string }> = []
  const resolve = async (idOrCode: string, path: string) => {
    const found = await findDepartment(directory.departments, idOrCode)
    if (!found) errors.push({ path, message: 'no department has this id or code' })
    else if (!found.active) errors.push({ path, message: 'the department is inactive' })
    else return found._id
    return null
  }
  const lead = await resolve(body.departmentId, 'body/departmentId')
  const supporting: string[] = []
  for (const [i, d] of (body.supportingDepartmentIds ?? []).entries()) {
    const id = await resolve(d, `body/supportingDepartmentIds/${i}`)
    if (id) supporting.push(id)
  }
  if (body.assigneeId !== undefined) {
    const member = await directory.staff.get(body.assigneeId)
    if (!member?.active) {
      errors.push({ path: 'body/assigneeId', message: 'no active staff account has this id' })
    } else if (lead && member.departmentId !== lead) {
      errors.push({ path: 'body/assigneeId', message: 'the assignee does not belong to the lead department' })
    }
  }
  if (errors.length || !lead) throw new InvalidAssignment(errors)
  return {
    type: 'assign',
    departmentId: lead,
    ...(body.supportingDepartmentIds ? { supportingDepartmentIds: supporting } : {}),
    ...(body.assigneeId !== undefined ? { assigneeId: body.assigneeId } : {}),
    ...(body.note !== undefined ? { note: body.note } : {}),
  }
}
