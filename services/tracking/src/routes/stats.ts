// Department statistics for a period: cases accepted in [from, to) by their lead department.
import type { App, Clock } from '@tingjian/kit'
import { Errors, Problem } from '@tingjian/kit'
import { type Cases, toState } from '../case-store.ts'
import { isOverdue } from '../domain/case.ts'
import { DepartmentStats, type DepartmentStats as Stats, StatsQuery } from '../schemas/cases.ts'

export const STATS_ROLES = ['admin', 'dispatcher', 'supervisor', 'discipline_officer'] as const

export function statsRoutes(app: App, deps: { cases: Cases; clock: Clock }): void {
  app.get(
    '/api/v1/stats/departments',
    {
      config: { access: STATS_ROLES },
      schema: {
        summary: 'Per department: received, closed (answered), on time, overdue, escalated, satisfaction',
        querystring: StatsQuery,
        response: { 200: DepartmentStats, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const from = new Date(request.query.from).toISOString()
      const to = new Date(request.query.to).toISOString()
      if (from >= to) throw new Errors.BadRequest('from must be before to')
      const now = deps.clock.now()
      const rows = new Map<string, Stats['departments'][number]>()
      let cursor: string | null = null
      do {
        const page = await deps.cases.find(
          { acceptedAt: { $gte: from, $lt: to }, departmentId: { $ne: null } },
          { sort: [['acceptedAt', 1]], limit: 500, cursor },
        )
        for (const stored of page.items) {
          const c = toState(stored)
          const d = c.departmentId
          if (!d) continue
          let row = rows.get(d)
          if (!row) {
            row = {
              departmentId: d,
              received: 0,
              closed: 0,
              onTimeClosed: 0,
              overdue: 0,
              escalated: 0,
              satisfaction: { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 },
            }
            rows.set(d, row)
          }
          row.received++
          if (c.status === 'replied' || c.status === 'closed') {
            row.closed++
            if (c.onTime) row.onTimeClosed++
          }
          if (isOverdue(c, now)) row.overdue++
          if (c.escalationLevel > 0) row.escalated++
          if (c.rating) row.satisfaction[c.rating.satisfaction]++
        }
        cursor = page.nextCursor
      } while (cursor)
      return {
        from,
        to,
        departments: [...rows.values()].sort((a, b) => a.departmentId.localeCompare(b.departmentId)),
      }
    },
  )
}
