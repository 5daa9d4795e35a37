// GET /coverage: which years the calendar knows, judged on the injected clock's day in Asia/Shanghai.
import { type App, type Clock, Problem } from '@tingjian/kit'
import { calendarOf, coverageAt } from '../domain/year.ts'
import { Coverage } from '../schemas/years.ts'
import { allYears, type Years } from '../years.ts'

export interface CoverageRoutesOptions {
  years: Years
  clock: Clock
}

export async function coverageRoutes(app: App, opts: CoverageRoutesOptions): Promise<void> {
  app.get(
    '/coverage',
    {
      config: { access: 'staff' },
      schema: {
        summary: 'The covered years, and whether next year is covered',
        response: { 200: Coverage, 401: Problem },
      },
    },
    async () => coverageAt(calendarOf(await allYears(opts.years)), opts.clock.now()),
  )
}
