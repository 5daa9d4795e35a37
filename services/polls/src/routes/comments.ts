// Free-text answers: staff moderate them (approve with personal data removed, or reject) before they
// appear in the public results, and may turn one that reports a problem into a case
// (`polls.comment-escalated` → tracking, channel poll). A comment is `<ballot id>.<question id>`.
import { type App, FieldErrors, Problem, scrub } from '@tingjian/kit'
import { modify } from '@tingjian/store'
import type { PollsContext } from '../collections.ts'
import type { Comment } from '../domain/ballot.ts'
import { dayStart } from '../domain/ballot.ts'
import { commentEscalatedEvent } from '../domain/comments.ts'
import { Refusals } from '../errors.ts'
import { PollIdParams } from '../schemas/polls.ts'
import {
  CommentList,
  CommentParams,
  CommentQuery,
  Escalate,
  Moderate,
  StaffComment,
} from '../schemas/staff.ts'
import { STAFF } from './polls.ts'
import { castBallots } from './results.ts'

const MAX_LISTED = 500

export async function commentRoutes(app: App, ctx: PollsContext): Promise<void> {
  const { polls, ballots, clock } = ctx

  async function target(params: CommentParams) {
    const poll = await polls.get(params.pollId)
    if (!poll) throw Refusals.notFound()
    const [ballotId, questionId] = params.commentId.split('.') as [string, string]
    const ballot = await ballots.get(ballotId)
    const question = poll.questions.find((q) => q.questionId === questionId)
    if (
      !ballot ||
      ballot.pollId !== poll._id ||
      ballot.state !== 'cast' ||
      !question ||
      !ballot.comments[questionId]
    )
      throw Refusals.notFound()
    return { poll, ballot, ballotId, question, questionId }
  }

  const view = (ballotId: string, day: string, questionId: string, title: string, c: Comment) => ({
    commentId: `${ballotId}.${questionId}`,
    questionId,
    questionTitle: title,
    day,
    text: c.text,
    status: c.status,
    publicText: c.publicText,
    escalated: c.escalatedBy !== null,
  })

  app.get(
    '/manage/:pollId/comments',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: free-text answers to moderate (status pending by default)',
        params: PollIdParams,
        querystring: CommentQuery,
        response: { 200: CommentList, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const poll = await polls.get(request.params.pollId)
      if (!poll) throw Refusals.notFound()
      const status = request.query.status ?? 'pending'
      const items = []
      let truncated = false
      for await (const b of castBallots(ctx, poll._id)) {
        for (const q of poll.questions) {
          const c = b.comments[q.questionId]
          if (!c || c.status !== status) continue
          if (items.length >= MAX_LISTED) truncated = true
          else items.push(view(b._id, b.day, q.questionId, q.title, c))
        }
        if (truncated) break
      }
      return { items, truncated }
    },
  )

  app.post(
    '/:pollId/comments/:commentId/moderation',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: approve a free-text answer (with personal data removed) or reject it',
        params: CommentParams,
        body: Moderate,
        response: { 200: StaffComment, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { ballot, ballotId, question, questionId } = await target(request.params)
      const { decision, text } = request.body
      if (decision === 'reject' && text !== undefined)
        throw new FieldErrors([{ path: 'body/text', message: 'is only for an approval' }])
      const saved = await modify(
        ballots,
        ballotId,
        (b) => {
          const c = b.comments[questionId]
          if (!c) return null
          const publicText = decision === 'approve' ? scrub((text ?? c.text).normalize('NFC').trim()) : null
          return {
            ...b,
            comments: {
              ...b.comments,
              [questionId]: {
                ...c,
                status: decision === 'approve' ? ('approved' as const) : ('rejected' as const),
                publicText,
                moderatedBy: request.user.sub,
              },
            },
          }
        },
        { now: dayStart(ballot.day) },
      )
      request.log.info({ pollId: saved.pollId, questionId, decision }, 'comment moderated')
      const c = saved.comments[questionId]
      if (!c) throw Refusals.notFound()
      return view(ballotId, saved.day, questionId, question.title, c)
    },
  )

  app.post(
    '/:pollId/comments/:commentId/escalation',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: turn a free-text answer into a case (tracking opens it with channel poll)',
        params: CommentParams,
        body: Escalate,
        response: { 202: StaffComment, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const { poll, ballot, ballotId, question, questionId } = await target(request.params)
      const existing = ballot.comments[questionId]
      if (existing?.escalatedBy) throw Refusals.invalidState('This answer was turned into a case already')
      const now = clock.now()
      const saved = await modify(
        ballots,
        ballotId,
        (b) => {
          const c = b.comments[questionId]
          if (!c) return null
          if (c.escalatedBy) throw Refusals.invalidState('This answer was turned into a case already')
          return { ...b, comments: { ...b.comments, [questionId]: { ...c, escalatedBy: request.user.sub } } }
        },
        {
          now: dayStart(ballot.day),
          events: (b) => {
            const c = b.comments[questionId]
            const text = request.body.text ?? c?.publicText ?? c?.text ?? ''
            return [
              commentEscalatedEvent({
                poll,
                question,
                commentId: `${ballotId}.${questionId}`,
                category: request.body.category,
                subject: request.body.subject,
                text: scrub(text.normalize('NFC').trim()),
                by: request.user.sub,
                now,
                correlationId: request.id,
              }),
            ]
          },
        },
      )
      request.log.info({ pollId: poll._id, questionId }, 'comment escalated')
      const c = saved.comments[questionId]
      if (!c) throw Refusals.notFound()
      return reply.code(202).send(view(ballotId, saved.day, questionId, question.title, c))
    },
  )
}
