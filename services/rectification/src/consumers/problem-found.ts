// `<source>.problem-found` version 1 from any source (tracking now, callbacks later): the problem stored
// once (its problemId is the document id: a redelivery is the same problem) and the trend rule run for it.
import type { EventEnvelope } from '@tingjian/contracts'
import type { Logger } from '@tingjian/kit'
import { type ProblemFound, problemFoundIssues, problemFromEvent } from '../domain/problem.ts'
import { type TrendContext, takeProblem } from './trends.ts'

/** Thrown for a problem-found event whose data does not fit the shared shape: the bus dead-letters it. */
export class InvalidProblemError extends Error {
  readonly code = 'TJ_INVALID_PROBLEM'
  constructor(issues: string[]) {
    super(`problem-found data does not fit ProblemFoundData: ${issues.slice(0, 5).join('; ')}`)
    this.name = 'InvalidProblemError'
  }
}

export async function onProblemFound(ctx: TrendContext, event: EventEnvelope, log: Logger): Promise<void> {
  const issues = problemFoundIssues(event.data)
  if (issues.length > 0) throw new InvalidProblemError(issues)
  const data = event.data as ProblemFound
  const doc = problemFromEvent(event, data, ctx.clock.now())
  const taken = await takeProblem(ctx, data.problemId, doc, log, event)
  log.info(
    {
      problemId: data.problemId,
      eventId: event.id,
      type: event.type,
      created: taken.created,
      alertId: taken.problem.alertId,
    },
    'problem taken',
  )
}
