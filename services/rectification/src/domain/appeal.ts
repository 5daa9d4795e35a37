// Appeals (申诉): the responsible department's lead appeals a problem it believes unfounded; a discipline
// officer upholds or rejects it. Upheld withdraws the problem from every KPI and alert count (the links
// consumer marks the problem on `rectification.appeal-decided`). Pure: the routes write what these return.
import { type EventEnvelope, RectificationEvents } from '@tingjian/contracts'
import type { Fields, Stored } from '@tingjian/store'
import type { AppealDoc } from '../collections.ts'
import { Refusals } from '../errors.ts'
import type { ProblemDoc } from '../problems.ts'
import type { ActorRef } from './order.ts'

export type Appeal = Stored<AppealDoc>

export function fileAppeal(
  problem: Stored<ProblemDoc>,
  reasons: string,
  actor: ActorRef,
  now: Date,
): Fields<AppealDoc> {
  if (problem.withdrawn) throw new Refusals.problemUnavailable('The problem is already withdrawn')
  return {
    problemId: problem._id,
    departmentId: problem.departmentId,
    orderId: problem.orderId,
    reasons,
    status: 'pending',
    filed: { by: actor.id, role: actor.role, at: now.toISOString() },
    decided: null,
    pendingKey: problem._id,
  }
}

export function decideAppeal(
  a: Appeal,
  input: { decision: 'upheld' | 'rejected'; reason: string },
  actor: ActorRef,
  now: Date,
): { appeal: Fields<AppealDoc>; events: EventEnvelope[] } {
  if (a.status !== 'pending') throw new Refusals.invalidState(`The appeal is already ${a.status}`)
  const at = now.toISOString()
  const { _id, version, createdAt, updatedAt, pendingKey, ...rest } = a
  const appeal: Fields<AppealDoc> = {
    ...rest,
    status: input.decision,
    decided: { by: actor.id, role: actor.role, at, reason: input.reason },
  }
  const event = RectificationEvents.appealDecided.create({
    subject: a._id,
    occurredAt: now,
    data: {
      appealId: a._id,
      problemId: a.problemId,
      orderId: a.orderId,
      departmentId: a.departmentId,
      decision: input.decision,
      reason: input.reason,
      actorId: actor.id,
      at,
    },
  })
  return { appeal, events: [event] }
}
