// Citizens' routes (registered under /api/v1/public): their case by tracking code and access key, their
// rating, and the published replies.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { App, Clock } from '@tingjian/kit'
import { Errors, Problem } from '@tingjian/kit'
import { withRetry } from '@tingjian/store'
import { type Cases, refusalError, toState } from '../case-store.ts'
import { type Departments, departmentName, departmentNames } from '../departments.ts'
import { type Calendar, type CaseState, type DueDays, decide } from '../domain/case.ts'
import { queryTerms } from '../domain/privacy.ts'
import {
  AccessKeyHeaders,
  NoQuery,
  PublicCase,
  PublicReplies,
  RatingBody,
  RepliesQuery,
  TrackingCodeParams,
} from '../schemas/cases.ts'
import { publicView } from './views.ts'

export interface PublicRoutesOptions {
  cases: Cases
  departments: Departments
  clock: Clock
  calendar: Calendar
  dueDays?: DueDays
  /** Requests per minute per client address on these routes. */
  rateLimitPerMinute: number
}

const DUMMY = Buffer.alloc(32)

/** The case when the key matches; the same NotFound for an unknown code and a wrong key. */
async function authorised(cases: Cases, trackingCode: string, accessKey: string): Promise<CaseState> {
  const page = await cases.find({ trackingCode }, { limit: 1 })
  const found = page.items[0]
  const given = createHash('sha256').update(accessKey).digest()
  const stored = found ? Buffer.from(found.accessKeyHash.replace(/^sha256:/, ''), 'hex') : DUMMY
  const match = stored.length === given.length && timingSafeEqual(stored, given)
  if (!found || !match) throw new Errors.NotFound()
  return toState(found)
}

export async function publicRoutes(app: App, opts: PublicRoutesOptions): Promise<void> {
  const view = async (c: CaseState) =>
    publicView(c, await departmentName(opts.departments, c.reply?.departmentId ?? null))
  const config = {
    access: 'public' as const,
    rateLimit: { max: opts.rateLimitPerMinute, timeWindow: 60_000 },
  }

  app.get(
    '/cases/:trackingCode',
    {
      config,
      schema: {
        summary: 'A citizen follows their case (tracking code + X-Access-Key)',
        params: TrackingCodeParams,
        querystring: NoQuery,
        headers: AccessKeyHeaders,
        response: { 200: PublicCase, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    async (request) =>
      view(await authorised(opts.cases, request.params.trackingCode, request.headers['x-access-key'])),
  )

  app.post(
    '/cases/:trackingCode/rating',
    {
      config,
      schema: {
        summary: "The citizen's rating of the reply; dissatisfied reopens the case for rework",
        params: TrackingCodeParams,
        querystring: NoQuery,
        headers: AccessKeyHeaders,
        body: RatingBody,
        response: {
          200: PublicCase,
          400: Problem,
          404: Problem,
          409: Problem,
          413: Problem,
          415: Problem,
          429: Problem,
        },
      },
    },
    async (request) => {
      // a concurrent staff action may change the case between the read and the write: decide again
      const saved = await withRetry(async () => {
        const c = await authorised(opts.cases, request.params.trackingCode, request.headers['x-access-key'])
        const now = opts.clock.now()
        const out = decide(
          c,
          { type: 'rate', satisfaction: request.body.satisfaction, comment: request.body.comment },
          { kind: 'citizen' },
          { now, calendar: opts.calendar, dueDays: opts.dueDays, correlationId: request.id },
        )
        if (!out.ok) throw refusalError(out.refusal)
        return opts.cases.update(c._id, c.version, out.case, { events: out.events, now })
      })
      request.log.info({ caseId: saved._id, satisfaction: request.body.satisfaction }, 'case rated')
      return view(toState(saved))
    },
  )

  app.get(
    '/replies',
    {
      config,
      schema: {
        summary: 'Published replies (citizen consented, reply public), newest first',
        querystring: RepliesQuery,
        response: { 200: PublicReplies, 400: Problem, 429: Problem },
      },
    },
    async (request) => {
      const { q, category } = request.query
      const terms = q ? queryTerms(q) : []
      const page = await opts.cases.find(
        // a merged case's reply is its lead's: listed once, under the lead
        {
          consentToPublish: true,
          'reply.public': true,
          status: { $in: ['replied', 'closed'] },
          mergedInto: null,
          ...(category ? { category } : {}),
          ...(terms.length > 0 ? { $and: terms.map((term) => ({ searchTerms: term })) } : {}),
        },
        { sort: [['repliedAt', -1]], limit: request.query.limit, cursor: request.query.cursor ?? null },
      )
      const names = await departmentNames(
        opts.departments,
        page.items.map((c) => c.reply?.departmentId ?? null),
      )
      return {
        items: page.items.flatMap((c) =>
          c.reply
            ? [
                {
                  category: c.category,
                  subject: c.subject,
                  reply: c.reply.text,
                  repliedAt: c.reply.repliedAt,
                  department: (c.reply.departmentId && names.get(c.reply.departmentId)) || null,
                },
              ]
            : [],
        ),
        nextCursor: page.nextCursor,
      }
    },
  )
}
