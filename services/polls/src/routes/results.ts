// Results: public when the poll's visibility allows, staff's at any time; CSV exports of the aggregate
// and of the anonymous ballots. Every number is counted from the cast ballots on each request.
import { type App, Problem } from '@tingjian/kit'
import type { Stored } from '@tingjian/store'
import type { PollsContext } from '../collections.ts'
import type { Ballot } from '../domain/ballot.ts'
import { type Poll, phaseOf, resultsPublic } from '../domain/poll.ts'
import { ballotCsvRow, ballotsCsvHeader, resultsCsv, Tally } from '../domain/results.ts'
import { Refusals } from '../errors.ts'
import { PollIdParams } from '../schemas/polls.ts'
import { Csv, PollResults } from '../schemas/results.ts'
import { STAFF } from './polls.ts'

const BOM = '\uFEFF'

/** Every cast ballot of a poll, a page at a time. */
export async function* castBallots(ctx: PollsContext, pollId: string): AsyncGenerator<Stored<Ballot>> {
  let cursor: string | null = null
  do {
    const page = await ctx.ballots.find({ pollId, state: 'cast' }, { limit: 500, cursor })
    yield* page.items
    cursor = page.nextCursor
  } while (cursor)
}

export async function tally(ctx: PollsContext, poll: Poll): Promise<Tally> {
  const t = new Tally(poll)
  for await (const b of castBallots(ctx, poll.pollId)) t.add(b._id, b)
  return t
}

export async function resultRoutes(app: App, ctx: PollsContext): Promise<void> {
  async function load(pollId: string): Promise<Stored<Poll>> {
    const poll = await ctx.polls.get(pollId)
    if (!poll) throw Refusals.notFound()
    return poll
  }
  const isFinal = (p: Poll) => (p.status === 'closed' || p.status === 'archived') && p.settled

  app.get(
    '/:pollId/results',
    {
      config: { access: 'public' },
      schema: {
        summary: 'The results, when the poll’s visibility allows (live, after closing; never staff_only)',
        params: PollIdParams,
        response: { 200: PollResults, 400: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const poll = await load(request.params.pollId)
      if (poll.status === 'draft') throw Refusals.notFound()
      const now = ctx.clock.now()
      if (!resultsPublic(poll, now))
        throw Refusals.resultsNotPublic(
          poll.results === 'staff_only'
            ? 'The results of this poll are for staff only'
            : 'The results are published when the poll closes',
        )
      // a poll past its closing time shows its results only once settled, so that they are final
      if (phaseOf(poll, now) === 'closed' && !isFinal(poll) && poll.results === 'after_close')
        throw Refusals.resultsNotPublic('The results are being counted; try again shortly')
      return (await tally(ctx, poll)).results(phaseOf(poll, now), isFinal(poll), 'public')
    },
  )

  app.get(
    '/manage/:pollId/results',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: the results at any time (the dashboard while the poll runs)',
        params: PollIdParams,
        response: { 200: PollResults, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const poll = await load(request.params.pollId)
      return (await tally(ctx, poll)).results(phaseOf(poll, ctx.clock.now()), isFinal(poll), 'staff')
    },
  )

  app.get(
    '/manage/:pollId/results.csv',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: the aggregate results as CSV',
        params: PollIdParams,
        produces: ['text/csv'],
        response: { 200: Csv, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const poll = await load(request.params.pollId)
      const results = (await tally(ctx, poll)).results(phaseOf(poll, ctx.clock.now()), isFinal(poll), 'staff')
      request.log.info({ pollId: poll._id }, 'results exported')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${poll._id}-results.csv"`)
        .send(BOM + resultsCsv(results))
    },
  )

  app.get(
    '/manage/:pollId/ballots.csv',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: the anonymous ballots as CSV (day and answers; free text as moderated)',
        description: 'Rows in the order of the ballots’ random ids: no time, no order of casting.',
        params: PollIdParams,
        produces: ['text/csv'],
        response: { 200: Csv, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const poll = await load(request.params.pollId)
      let out = BOM + ballotsCsvHeader(poll)
      for await (const b of castBallots(ctx, poll.pollId)) out += ballotCsvRow(poll, b)
      request.log.info({ pollId: poll._id }, 'ballots exported')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${poll._id}-ballots.csv"`)
        .send(out)
    },
  )
}
