// Who is told what, from the local copy of the staff directory. Pure: the directory is passed in.
import type { Role } from '@tingjian/kit'

export interface StaffEntry {
  userId: string
  email: string | null
  roles: Role[]
  departmentId: string | null
  active: boolean
}

export type EscalationKind = 'reminder' | 'supervision' | 'criticism' | 'manual'

/** What an audience is made of: a person, or people of some roles (in a department, or anywhere). */
export type Audience =
  | { kind: 'user'; userId: string }
  | { kind: 'role'; role: Role; departmentId: string | null }

/** Assignment (派单): the assignee, else the department's handlers. */
export function assignmentAudience(departmentId: string, assigneeId: string | null): Audience[] {
  return assigneeId
    ? [{ kind: 'user', userId: assigneeId }]
    : [{ kind: 'role', role: 'handler', departmentId }]
}

/**
 * The escalation ladder's audiences: 1 reminder → the assignee or handlers; 2 督办 → the department's leads
 * and every supervisor; 3 通报 → leads, supervisors and admins; a supervisor's manual escalation → leads
 * and supervisors.
 */
export function escalationAudience(e: {
  level: number
  kind: EscalationKind
  departmentId: string | null
  assigneeId: string | null
}): Audience[] {
  const leads: Audience[] = e.departmentId
    ? [{ kind: 'role', role: 'dept_lead', departmentId: e.departmentId }]
    : []
  const supervisors: Audience = { kind: 'role', role: 'supervisor', departmentId: null }
  if (e.kind === 'manual') return [...leads, supervisors]
  if (e.level <= 1) {
    if (e.assigneeId) return [{ kind: 'user', userId: e.assigneeId }]
    return e.departmentId ? [{ kind: 'role', role: 'handler', departmentId: e.departmentId }] : []
  }
  if (e.level === 2) return [...leads, supervisors]
  return [...leads, supervisors, { kind: 'role', role: 'admin', departmentId: null }]
}

/** Whether a staff member belongs to an audience and can be reached by e-mail. */
export function inAudience(staff: StaffEntry, audience: Audience): boolean {
  if (!staff.active || !staff.email) return false
  if (audience.kind === 'user') return staff.userId === audience.userId
  if (!staff.roles.includes(audience.role)) return false
  return audience.departmentId === null || staff.departmentId === audience.departmentId
}

/** Every reachable member of the audiences, each once (by user id). */
export function resolveAudience(
  directory: readonly StaffEntry[],
  audiences: readonly Audience[],
): StaffEntry[] {
  const out = new Map<string, StaffEntry>()
  for (const a of audiences) {
    for (const s of directory) if (inAudience(s, a) && !out.has(s.userId)) out.set(s.userId, s)
  }
  return [...out.values()]
}
