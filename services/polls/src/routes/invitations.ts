// Invitations: staff upload a CSV of mobile numbers; each new number gets a one-time voting code by SMS
// (through `polls.code-requested`). Only keyed hashes of the number and of the code are stored.
import { uuidv7 } from '@tingjian/contracts'
import { type App, Problem } from '@tingjian/kit'
import { isConflict } from '@tingjian/store'
import type { PollsContext } from '../collections.ts'
import { MAX_INVITATION_ROWS, parseInvitees, type RowRejection } from '../domain/invitations.ts'
import { phaseOf } from '../domain/poll.ts'
import { codeRequestedEvent } from '../domain/verification.ts'
import { invitationHash, ledgerId, newInvitationCode, voterKey } from '../domain/voter.ts'
import { Refusals } from '../errors.ts'
import { PollIdParams } from '../schemas/polls.ts'
import { InvitationCount, InvitationReport, UploadInvitations } from '../schemas/staff.ts'
import { STAFF } from './polls.ts'

export async function invitationRoutes(app: App, ctx: PollsContext): Promise<void> {
  const { polls, invitations, clock, secret, cipher } = ctx

  app.post(
    '/:pollId/invitations',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: invite the numbers of a CSV (an invitation poll, before it closes)',
        description: `At most ${MAX_INVITATION_ROWS} numbers per upload. A number invited before is reported, not sent again.`,
        params: PollIdParams,
        body: UploadInvitations,
        response: {
          200: InvitationReport,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request) => {
      const poll = await polls.get(request.params.pollId)
      if (!poll) throw Refusals.notFound()
      if (poll.rule !== 'invitation') throw Refusals.wrongRule('This poll does not take invitations')
      const now = clock.now()
      const phase = phaseOf(poll, now)
      if (phase === 'closed' || phase === 'archived') throw Refusals.invalidState('The poll is closed')
      const { phones, rejected } = parseInvitees(request.body.csv)
      const refused: Array<{ line: number; reason: RowRejection['reason'] | 'too_many_rows' }> = [...rejected]
      let accepted = 0
      for (const [i, { line, phone }] of phones.entries()) {
        if (i >= MAX_INVITATION_ROWS) {
          refused.push({ line, reason: 'too_many_rows' })
          continue
        }
        const id = ledgerId(poll._id, voterKey(secret, poll._id, 'phone', phone))
        for (let attempt = 1; ; attempt++) {
          const code = newInvitationCode()
          const event = codeRequestedEvent({
            requestId: uuidv7(),
            pollId: poll._id,
            pollTitle: poll.title,
            purpose: 'invitation',
            sealedPhone: cipher.encrypt(phone),
            sealedCode: cipher.encrypt(code),
            expiresAt: poll.closesAt,
            now,
            correlationId: request.id,
          })
          try {
            await invitations.insert(
              id,
              {
                pollId: poll._id,
                codeHash: invitationHash(secret, poll._id, code),
                invitedBy: request.user.sub,
              },
              { events: [event], now },
            )
            accepted++
            break
          } catch (err) {
            if (!isConflict(err, 'duplicate')) throw err
            if (err.index === 'code_hash' && attempt < 3) continue // another code drawn the same: draw again
            refused.push({ line, reason: 'already_invited' })
            break
          }
        }
      }
      refused.sort((a, b) => a.line - b.line)
      const invited = await invitations.count({ pollId: poll._id })
      request.log.info({ pollId: poll._id, accepted, rejected: refused.length }, 'invitations uploaded')
      return { accepted, rejected: refused, invited }
    },
  )

  app.get(
    '/manage/:pollId/invitations',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Staff: how many numbers are invited',
        params: PollIdParams,
        response: { 200: InvitationCount, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const poll = await polls.get(request.params.pollId)
      if (!poll) throw Refusals.notFound()
      return { invited: await invitations.count({ pollId: poll._id }) }
    },
  )
}
