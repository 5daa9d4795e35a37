// The cases collection: its indexes and the one write path of every action (read, decide, write the
// case and its events together, conditioned on the version the client saw).

import { Errors } from '@tingjian/kit'
import type { Collection, IndexSpec, Stored } from '@tingjian/store'
import { withRetry } from '@tingjian/store'
import { type Departments, departmentName } from './departments.ts'
import {
  type Actor,
  type CaseDoc,
  type CaseState,
  type Command,
  type Context,
  canSee,
  decide,
  type Outcome,
  permission,
  type Refusal,
  recordMerge,
  type StaffAction,
  type StaffActor,
} from './domain/case.ts'

export const CASES_COLLECTION = 'cases'

export const CASE_INDEXES: IndexSpec[] = [
  { name: 'tracking_code', keys: [['trackingCode', 1]], unique: true },
  {
    name: 'status_due',
    keys: [
      ['status', 1],
      ['dueAt', 1],
    ],
  },
  { name: 'submitted', keys: [['submittedAt', -1]] },
  {
    name: 'departments',
    keys: [
      ['departmentIds', 1],
      ['submittedAt', -1],
    ],
  },
  // the work queues of a handler or department lead (GET /cases/queues)
  {
    name: 'departments_status_due',
    keys: [
      ['departmentIds', 1],
      ['status', 1],
      ['dueAt', 1],
    ],
  },
  { name: 'phone_hash', keys: [['phoneHash', 1]], sparse: true },
  { name: 'replied', keys: [['repliedAt', -1]] },
  { name: 'merged_into', keys: [['mergedInto', 1]] },
  // statistics: cases accepted in a period, by lead department
  {
    name: 'accepted',
    keys: [
      ['acceptedAt', 1],
      ['departmentId', 1],
    ],
  },
]

export type Cases = Collection<CaseDoc>

export const toState = (c: Stored<CaseDoc>): CaseState => {
  const { createdAt: _c, updatedAt: _u, ...rest } = c
  // cases stored before merging was recorded on the lead have no list, before returns were recorded no
  // `returned`
  return { ...rest, mergedCaseIds: rest.mergedCaseIds ?? [], returned: rest.returned ?? null }
}

export function refusalError(r: Refusal): Error {
  if (r.kind === 'forbidden') return new Errors.Forbidden()
  if (r.kind === 'not_found') return new Errors.NotFound()
  if (r.kind === 'invalid_state') return new Errors.InvalidState(r.detail)
  return new Errors.UnprocessableContent(r.detail)
}

/**
 * Applies a staff action. A case the actor may not see is a 404 (its existence is not confirmed); a
 * version other than the stored one (when the client gave one) is a 409 stale-version before anything is
 * decided; then the role,
 * department and status (403, 409) before the request's own content is looked at (`command` builds it:
 * an assignment's departments are looked up only for a dispatcher who may assign this case now).
 */
export async function applyStaffCommand(
  cases: Cases,
  id: string,
  expectedVersion: number | undefined,
  type: StaffAction,
  command: () => Promise<Command>,
  actor: Actor & { kind: 'staff' },
  ctx: Context,
  departments?: Departments,
): Promise<{ case: CaseState; command: Command }> {
  const attempt = async () => {
    const stored = await cases.get(id)
    if (!stored || !canSee(stored, actor)) throw new Errors.NotFound()
    if (expectedVersion !== undefined && stored.version !== expectedVersion) throw new Errors.StaleVersion()
    const allowed = permission(toState(stored), type, actor)
    if (!allowed.ok) throw refusalError(allowed.refusal)
    const built = await command()
    return { case: await decideAndWrite(cases, stored, built, actor, ctx, departments), command: built }
  }
  // without a version (only where the schema allows it: concerns) the action is decided again on the case
  // as it now stands when another write came between the read and the write
  return expectedVersion === undefined ? withRetry(attempt) : attempt()
}

async function decideAndWrite(
  cases: Cases,
  stored: Stored<CaseDoc>,
  command: Command,
  actor: Actor & { kind: 'staff' },
  ctx: Context,
  departments?: Departments,
): Promise<CaseState> {
  const id = stored._id
  const expectedVersion = stored.version
  const publishes = command.type === 'answer' || command.type === 'reply/approve'
  const name = publishes && departments ? await departmentName(departments, stored.departmentId) : null
  const out = decide(toState(stored), command, actor, { ...ctx, departmentName: name })
  if (!out.ok) throw refusalError(out.refusal)
  const saved = await cases.update(id, expectedVersion, out.case, { events: out.events, now: ctx.now })
  return toState(saved)
}

/**
 * Applies a change computed from the current state (null: nothing to do), retried on a stale version
 * (the store's `withRetry`): for writes that are not conditioned on a version a client saw (the lead side
 * of a merge, fan-out). Null when the case is missing or there was nothing to do.
 */
export function applyChange(
  cases: Cases,
  id: string,
  change: (c: CaseState) => Outcome | null,
  now: Date,
): Promise<CaseState | null> {
  return withRetry(async () => {
    const stored = await cases.get(id)
    if (!stored) return null
    const out = change(toState(stored))
    if (!out) return null
    if (!out.ok) throw refusalError(out.refusal)
    return toState(await cases.update(id, stored.version, out.case, { events: out.events, now }))
  })
}

/** The lead case records the merged one (after the merged case itself was written). */
export function linkMerged(
  cases: Cases,
  leadId: string,
  mergedId: string,
  actor: StaffActor,
  ctx: Pick<Context, 'now' | 'correlationId'>,
) {
  return applyChange(cases, leadId, (lead) => recordMerge(lead, mergedId, actor, ctx), ctx.now)
}
