// The audit trail of searches by phone number (registered under /api/v1/audit), for administrators: who
// searched, when, the outcome and how many cases were found. The number searched for is never stored.
import { type App, Problem } from '@tingjian/kit'
import type { PhoneSearches } from '../phone-searches.ts'
import { AuditQuery, PhoneSearchAudit } from '../schemas/cases.ts'

export async function auditRoutes(app: App, opts: { phoneSearches: PhoneSearches }): Promise<void> {
  app.get(
    '/searches',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Searches by phone number, newest first (who, when, outcome, results; never the number)',
        querystring: AuditQuery,
        response: { 200: PhoneSearchAudit, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const { userId, cursor, limit } = request.query
      const page = await opts.phoneSearches.find(userId ? { userId } : {}, {
        sort: [['at', -1]],
        limit,
        cursor: cursor ?? null,
      })
      return {
        items: page.items.map((r) => ({
          id: r._id,
          at: r.at,
          userId: r.userId,
          roles: r.roles,
          outcome: r.outcome,
          results: r.results,
          more: r.more,
          requestId: r.requestId,
        })),
        nextCursor: page.nextCursor,
      }
    },
  )
}
