// The run asserted in tap: a line per operation, then what holds for the whole run.
import type { Test } from 'tap'
import { type FuzzReport, fuzz } from './runner.ts'
import { fuzzSettings } from './settings.ts'
import type { FuzzTarget } from './target.ts'

/**
 * Fuzzes every operation of the app's OpenAPI document and asserts the properties in tap: one line per
 * operation (with the request that broke it and how to reproduce it), then what holds for the whole run:
 * no event announced for a refused request, no prototype polluted, no unhandled rejection, the app still
 * answering.
 */
export async function fuzzApp(t: Test, target: FuzzTarget): Promise<FuzzReport> {
  const settings = target.settings ?? fuzzSettings()
  const report = await fuzz({
    ...target,
    settings,
    ...(settings.log ? { log: (line) => t.comment(line) } : {}),
  })
  t.ok(report.operations.length > 0, `${report.operations.length} operations fuzzed`)
  for (const op of report.operations) {
    // the operation's own assertion: no failure, or the request that broke it and how to reproduce it
    const { problems, ...diagnostic } = op.failure ?? { problems: [] }
    const what = problems.length ? problems.join('; ') : `${op.requests} requests, ${op.accepted} accepted`
    t.equal(op.failure, undefined, `${op.id}: ${what}`, diagnostic)
  }
  t.same(report.announcedRefusals, [], 'no event announces a refused request')
  t.same(report.pollutedPrototypes, [], 'no prototype polluted')
  t.same(report.unhandled, [], 'no unhandled rejection or exception')
  t.equal(report.liveAfter, 200, 'the app still answers')
  t.comment(
    `fuzz: ${report.requests} requests over ${report.operations.length} operations in ${(report.ms / 1000).toFixed(1)} s (${(report.appMs / 1000).toFixed(1)} s in the app; seed ${settings.seed}, ${settings.runs} per operation); statuses ${JSON.stringify(report.byStatus)}`,
  )
  return report
}
