// What each audience sees of a case.
import { hasRole, type StaffClaims } from '@tingjian/kit'
import { availableActions, type CaseState, isOverdue, type StaffActor } from '../domain/case.ts'
import { CLEAR_PII_ROLES, type FieldSealer, maskCitizen, openCitizen } from '../domain/privacy.ts'
import type { CaseView, PublicCase } from '../schemas/cases.ts'

export const actorOf = (user: StaffClaims): StaffActor => ({
  kind: 'staff',
  id: user.sub,
  roles: user.roles ?? [],
  departmentId: user.departmentId ?? null,
})

/** Whether the caller sees the citizen's contact data in clear (and may search by phone). */
export const seesContactData = (user: StaffClaims) => hasRole(user, ...CLEAR_PII_ROLES)

/** The sealed contact fields are opened only for roles that see them in clear; others get the masks. */
function citizenFor(c: CaseState, user: StaffClaims, sealer: FieldSealer) {
  if (seesContactData(user)) return openCitizen(c.citizen, sealer)
  return c.citizenMasked ?? maskCitizen(openCitizen(c.citizen, sealer))
}

export function staffView(c: CaseState, user: StaffClaims, now: Date, sealer: FieldSealer): CaseView {
  const actor = actorOf(user)
  return {
    id: c._id,
    version: c.version,
    trackingCode: c.trackingCode,
    channel: c.channel,
    originId: c.originId,
    category: c.category,
    subject: c.subject,
    body: c.body,
    anonymous: c.anonymous,
    consentToPublish: c.consentToPublish,
    ...(c.urgency ? { urgency: c.urgency } : {}),
    citizen: citizenFor(c, user, sealer),
    status: c.status,
    submittedAt: c.submittedAt,
    acceptedAt: c.acceptedAt,
    signDueAt: c.signDueAt,
    dueAt: c.dueAt,
    dueProvisional: c.dueProvisional ?? false,
    overdue: isOverdue(c, now),
    departmentId: c.departmentId,
    supportingDepartmentIds: c.supportingDepartmentIds,
    assigneeId: c.assigneeId,
    escalationLevel: c.escalationLevel,
    extension: c.extension,
    extendedDays: c.extendedDays,
    returned: c.returned,
    draftReply: c.draftReply ? { ...c.draftReply, finding: c.draftReply.finding ?? null } : null,
    reply: c.reply ? { ...c.reply, finding: c.reply.finding ?? null } : null,
    rectifications: c.rectifications ?? [],
    concerns: c.concerns ?? null,
    contactDeclined: c.contactDeclined ?? false,
    callbacks: (c.callbacks ?? []).map((k) => ({
      taskId: k.taskId,
      outcome: k.outcome,
      satisfaction: k.satisfaction,
      at: k.at,
    })),
    closedAt: c.closedAt,
    onTime: c.onTime,
    rating: c.rating,
    reworkCount: c.reworkCount,
    notAcceptedReason: c.notAcceptedReason,
    mergedInto: c.mergedInto,
    mergedCaseIds: c.mergedCaseIds,
    timeline: c.timeline,
    actions: availableActions(c, actor),
  }
}

/** Actions whose note is written for the citizen; other public entries show the action only. */
const PUBLIC_TEXT = new Set(['not_accepted', 'reopened', 'due_recomputed'])

/** `department`: the lead department's name when tracking knows it (never its internal id). */
export function publicView(c: CaseState, department: string | null): PublicCase {
  const reply = c.reply && (c.status === 'replied' || c.status === 'closed') ? c.reply : null
  return {
    trackingCode: c.trackingCode,
    status: c.status,
    category: c.category,
    subject: c.subject,
    submittedAt: c.submittedAt,
    dueAt: c.dueAt,
    timeline: c.timeline
      .filter((e) => e.public)
      .map((e) => ({ at: e.at, action: e.action, text: PUBLIC_TEXT.has(e.action) ? e.note : null })),
    reply: reply ? { text: reply.text, repliedAt: reply.repliedAt, department } : null,
  }
}
