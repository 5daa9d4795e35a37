// Polls: the public list and page; staff's drafts, preview and lifecycle (publish, move the closing time
// later, close, archive, duplicate). Edits carry the version read: a stale one is a 409.

import type { EventEnvelope } from '@tingjian/contracts'
import type { App, Logger } from '@tingjian/kit'
import { FieldErrors, Problem } from '@tingjian/kit'
import { isConflict, type Stored } from '@tingjian/store'
import type { PollsContext } from '../collections.ts'
import {
  archive,
  duplicate,
  editDraft,
  extendClosing,
  newDraft,
  newPollId,
  type Poll,
  PollStateError,
  preparePoll,
  publish,
} from '../domain/poll.ts'
import { Refusals } from '../errors.ts'
import {
  ClosingTimeBody,
  EditPoll,
  PollIdParams,
  PollInput,
  PublicPoll,
  PublicPollList,
  StaffListQuery,
  StaffPoll,
  StaffPollList,
  VersionBody,
} from '../schemas/polls.ts'
import { publicView, staffView } from '../views.ts'
import { closePoll } from '../voting.ts'

export const STAFF = ['poll_manager', 'admin'] as const

/** Closed polls stay in the public list this long. */
export const RECENTLY_CLOSED_DAYS = 30

export interface PollRoutesOptions extends PollsContext {
  logger: Logger
}

const refusals = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem }

export async function pollRoutes(app: App, opts: PollRoutesOptions): Promise<void> {
  const { polls, clock } = opts

  async function load(pollId: string): Promise<Stored<Poll>> {
    const poll = await polls.get(pollId)
    if (!poll) throw Refusals.notFound()
    return poll
  }

  /** Applies a lifecycle step to the version the client read. */
  async function change(
    pollId: string,
    version: number,
    step: (p: Stored<Poll>) => { poll: Poll; events?: EventEnvelope[] },
  ) {
    const current = await load(pollId)
    if (current.version !== version) throw Refusals.stale()
    let next: { poll: Poll; events?: EventEnvelope[] }
    try {
      next = step(current)
    } catch (err) {
      if (err instanceof PollStateError)
        throw err.kind === 'fields' ? new FieldErrors(err.errors) : Refusals.invalidState(err.message)
      throw err
    }
    try {
      return await polls.update(pollId, version, next.poll, { events: next.events ?? [], now: clock.now() })
    } catch (err) {
      if (isConflict(err, 'stale')) throw Refusals.stale()
      throw err
    }
  }

  app.get(
    '/',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Open and recently closed polls',
        response: { 200: PublicPollList },
      },
    },
    async () => {
      const now = clock.now()
      const since = new Date(now.getTime() - RECENTLY_CLOSED_DAYS * 86_400_000).toISOString()
      const page = await polls.find(
        { status: { $in: ['published', 'closed'] }, closesAt: { $gte: since } },
        { sort: [['closesAt', -1]], limit: 100 },
      )
      const items = page.items
        .map((p) => publicView(p, now))
        .filter((p) => p.phase === 'open' || p.phase === 'closed')
        .map(({ questions: _q, ...summary }) => summary)
      return { items }
    },
  )

  app.get(
    '/:pollId',
    {
      config: { access: 'public' },
      schema: {
        summary: 'A published poll: its questions and where it stands',
        params: PollIdParams,
        response: { 200: PublicPoll, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const poll = await load(request.params.pollId)
      if (poll.status === 'draft') throw Refusals.notFound()
      return publicView(poll, clock.now())
    },
  )

  app.get(
    '/manage',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: every poll, drafts included, newest first',
        querystring: StaffListQuery,
        response: { 200: StaffPollList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const now = clock.now()
      const { status, cursor, limit } = request.query
      const page = await polls.find(status ? { status } : {}, {
        sort: [['createdAt', -1]],
        limit: limit ?? 50,
        cursor: cursor ?? null,
      })
      return {
        items: page.items.map((p) => {
          const { questions: _q, ...summary } = staffView(p, now)
          return summary
        }),
        nextCursor: page.nextCursor,
      }
    },
  )

  app.get(
    '/manage/:pollId',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: a poll in any state (a draft’s preview), with its version',
        params: PollIdParams,
        response: { 200: StaffPoll, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => staffView(await load(request.params.pollId), clock.now()),
  )

  app.post(
    '/',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: create a draft',
        body: PollInput,
        response: { 201: StaffPoll, ...refusals },
      },
    },
    async (request, reply) => {
      const prepared = preparePoll(request.body)
      if ('errors' in prepared) throw new FieldErrors(prepared.errors)
      const pollId = newPollId()
      const now = clock.now()
      const stored = await polls.insert(pollId, newDraft(pollId, prepared.fields, request.user.sub), { now })
      request.log.info({ pollId }, 'poll drafted')
      return reply.code(201).send(staffView(stored, now))
    },
  )

  app.put(
    '/:pollId',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: edit a draft (the whole poll; questions get ids q1… by position)',
        params: PollIdParams,
        body: EditPoll,
        response: { 200: StaffPoll, ...refusals },
      },
    },
    async (request) => {
      const { version, ...input } = request.body
      const prepared = preparePoll(input)
      if ('errors' in prepared) throw new FieldErrors(prepared.errors)
      const stored = await change(request.params.pollId, version, (p) => ({
        poll: editDraft(p, prepared.fields),
      }))
      request.log.info({ pollId: stored._id, version: stored.version }, 'draft edited')
      return staffView(stored, clock.now())
    },
  )

  app.post(
    '/:pollId/publish',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: publish a draft (its questions are frozen)',
        params: PollIdParams,
        body: VersionBody,
        response: { 200: StaffPoll, ...refusals },
      },
    },
    async (request) => {
      const now = clock.now()
      const stored = await change(request.params.pollId, request.body.version, (p) =>
        publish(p, request.user.sub, now),
      )
      request.log.info({ pollId: stored._id }, 'poll published')
      return staffView(stored, now)
    },
  )

  app.put(
    '/:pollId/closes-at',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: move the closing time of a running poll later',
        params: PollIdParams,
        body: ClosingTimeBody,
        response: { 200: StaffPoll, ...refusals },
      },
    },
    async (request) => {
      const now = clock.now()
      const stored = await change(request.params.pollId, request.body.version, (p) => ({
        poll: extendClosing(p, request.body.closesAt, now),
      }))
      request.log.info({ pollId: stored._id }, 'closing time moved')
      return staffView(stored, now)
    },
  )

  app.post(
    '/:pollId/close',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: close a running poll now (its ballots settled, the final count announced)',
        params: PollIdParams,
        body: VersionBody,
        response: { 200: StaffPoll, ...refusals },
      },
    },
    async (request) => {
      const current = await load(request.params.pollId)
      if (current.version !== request.body.version) throw Refusals.stale()
      if (current.status !== 'published')
        throw Refusals.invalidState(`The poll is ${current.status}, not running`)
      const closed = await closePoll({ ...opts }, current._id, request.user.sub)
      request.log.info({ pollId: closed._id, ballots: closed.ballots }, 'poll closed by staff')
      return staffView(closed, clock.now())
    },
  )

  app.post(
    '/:pollId/archive',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: archive a closed poll (it leaves the public list; its results stay)',
        params: PollIdParams,
        body: VersionBody,
        response: { 200: StaffPoll, ...refusals },
      },
    },
    async (request) => {
      const now = clock.now()
      const stored = await change(request.params.pollId, request.body.version, (p) => ({
        poll: archive(p, now),
      }))
      request.log.info({ pollId: stored._id }, 'poll archived')
      return staffView(stored, now)
    },
  )

  app.post(
    '/:pollId/duplicate',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: a new draft with this poll’s settings and questions',
        params: PollIdParams,
        response: { 201: StaffPoll, ...refusals },
      },
    },
    async (request, reply) => {
      const source = await load(request.params.pollId)
      const pollId = newPollId()
      const now = clock.now()
      const stored = await polls.insert(pollId, duplicate(source, pollId, request.user.sub), { now })
      request.log.info({ pollId, from: source._id }, 'poll duplicated')
      return reply.code(201).send(staffView(stored, now))
    },
  )
}
