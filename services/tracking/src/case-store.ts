// The cases collection: its indexes and the one write path of every action (read, decide, write the
// case and its events together, conditioned on the version the client saw).

import { Errors } from '@tingjian/kit'
import type { Collection, IndexSpec, Stored } from '@tingjian/store'
import {
  type Actor,
  type CaseDoc,
  type CaseState,
  type Command,
  type Context,
  canSee,
  decide,
  type Refusal,
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
  { name: 'phone_hash', keys: [['phoneHash', 1]], sparse: true },
  { name: 'replied', keys: [['repliedAt', -1]] },
]

export type Cases = Collection<CaseDoc>

export const toState = (c: Stored<CaseDoc>): CaseState => {
  const { createdAt: _c, updatedAt: _u, ...rest } = c
  return rest
}

export function refusalError(r: Refusal): Error {
  if (r.kind === 'forbidden') return new Errors.Forbidden()
  if (r.kind === 'invalid_state') return new Errors.InvalidState(r.detail)
  return new Errors.UnprocessableContent(r.detail)
}

/**
 * Applies a staff action. A case the actor may not see is a 404 (its existence is not confirmed); a
 * version other than the stored one is a 409 stale-version before anything is decided.
 */
export async function applyStaffCommand(
  cases: Cases,
  id: string,
  expectedVersion: number,
  command: Command,
  actor: Actor & { kind: 'staff' },
  ctx: Context,
): Promise<CaseState> {
  const stored = await cases.get(id)
  if (!stored || !canSee(stored, actor)) throw new Errors.NotFound()
  if (stored.version !== expectedVersion) throw new Errors.StaleVersion()
  const out = decide(toState(stored), command, actor, ctx)
  if (!out.ok) throw refusalError(out.refusal)
  const saved = await cases.update(id, expectedVersion, out.case, { events: out.events, now: ctx.now })
  return toState(saved)
}
