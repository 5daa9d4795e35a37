// `tracking.case-assigned` (v1 and v2) → the case counted once, in the department and month (Asia/Shanghai)
// of its first assignment: the denominator of "problems per 1,000 cases". A reassignment or a redelivery
// meets the case's document and changes nothing.
import type { Logger } from '@tingjian/kit'
import { isConflict } from '@tingjian/store'
import type { RectificationContext } from '../collections.ts'
import { shanghaiMonth } from '../domain/problem.ts'

export async function onCaseAssigned(
  ctx: Pick<RectificationContext, 'caseCounts'>,
  data: { caseId: string; departmentId: string; at: string },
  log: Logger,
): Promise<void> {
  const at = new Date(data.at).toISOString()
  try {
    await ctx.caseCounts.insert(data.caseId, {
      departmentId: data.departmentId,
      month: shanghaiMonth(at),
      at,
    })
  } catch (err) {
    if (!isConflict(err, 'duplicate')) throw err
    log.debug({ caseId: data.caseId }, 'case already counted')
  }
}
