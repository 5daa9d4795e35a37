// The callback surveys' events (issue 14 builds the service). Defined ahead of it: rectification takes
// problems in by this event, so the callbacks service plugs in by publishing it.
import type { EventCatalogue } from '../catalogue.ts'
import { ProblemFoundData } from './problems.ts'

export function defineCallbacksEvents(c: EventCatalogue) {
  return {
    problemFound: c.define({
      type: 'callbacks.problem-found',
      version: 1,
      source: 'callbacks',
      description:
        "A callback survey found a problem in a department's work (an overcharged fee, attitude rated 1–2, a missed promise, dissatisfied). The shared problem shape every source publishes; rectification's trend alerts and orders take it in.",
      data: ProblemFoundData,
    }),
  }
}
