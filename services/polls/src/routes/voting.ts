// Voting: a phone number verified by a code sent by SMS (through `polls.code-requested`), the voting token
// it earns, and the ballot. Public, rate limited per address; the per-number limits are in the store.
import { randomBytes } from 'node:crypto'
import { uuidv7 } from '@tingjian/contracts'
import { type App, FieldErrors, Problem } from '@tingjian/kit'
import { type Stored, upsert, withRetry } from '@tingjian/store'
import type { PollsContext } from '../collections.ts'
import { checkAnswers } from '../domain/ballot.ts'
import { isOpen, type Poll, phaseOf } from '../domain/poll.ts'
import {
  codeRequestedEvent,
  confirmCode,
  requestCode,
  TOKEN_TTL_MS,
  type Verification,
} from '../domain/verification.ts'
import {
  codeHash,
  invitationHash,
  ledgerId,
  mobileOf,
  newVerificationCode,
  openToken,
  sameHex,
  signToken,
  voterKey,
} from '../domain/voter.ts'
import { Refusals } from '../errors.ts'
import {
  BallotReceipt,
  CastBallot,
  CodeSent,
  ConfirmCode,
  RequestCode,
  VotingToken,
} from '../schemas/ballots.ts'
import { PollIdParams } from '../schemas/polls.ts'
import { castBallot } from '../voting.ts'

export interface VotingRoutesOptions extends PollsContext {
  /** Where the browser id cookie of open polls is sent back (the routes' prefix). */
  cookiePath: string
  /** Per client address and minute. */
  codesPerMinute: number
  ballotsPerMinute: number
}

/** The open rule's browser id: random, HttpOnly, only ever stored as a per-poll keyed hash. */
export const BROWSER_COOKIE = 'tj_poll_browser'
const BROWSER_ID = /^[A-Za-z0-9_-]{22}$/

export async function votingRoutes(app: App, opts: VotingRoutesOptions): Promise<void> {
  const { polls, verifications, invitations, clock, secret, cipher } = opts

  /** A published poll that takes ballots now, or the refusal that says why not. */
  async function openPoll(pollId: string): Promise<Stored<Poll>> {
    const poll = await polls.get(pollId)
    if (!poll || poll.status === 'draft') throw Refusals.notFound()
    const now = clock.now()
    if (!isOpen(poll, now)) throw Refusals.notOpen(`The poll is ${phaseOf(poll, now)}`)
    return poll
  }

  function phoneOf(input: string): string {
    const phone = mobileOf(input)
    if (!phone) throw new FieldErrors([{ path: 'body/phone', message: 'must be a mainland mobile number' }])
    return phone
  }

  app.post(
    '/:pollId/verification',
    {
      config: { access: 'public', rateLimit: { max: opts.codesPerMinute, timeWindow: 60_000 } },
      schema: {
        summary: 'Send a one-time code to a mobile number (a verified_phone poll)',
        description:
          'Answers 202 when the code is on its way by SMS: 6 digits, valid 5 minutes, 5 tries. One code a minute and five an hour per number; the per-address limit is the route’s.',
        params: PollIdParams,
        body: RequestCode,
        response: { 202: CodeSent, 400: Problem, 404: Problem, 409: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const poll = await openPoll(request.params.pollId)
      if (poll.rule !== 'verified_phone') throw Refusals.wrongRule('This poll does not verify phone numbers')
      const phone = phoneOf(request.body.phone)
      const docId = ledgerId(poll._id, voterKey(secret, poll._id, 'phone', phone))
      const code = newVerificationCode()
      const hash = codeHash(secret, docId, code)
      const now = clock.now()
      const next = (current: Verification | null) => {
        const r = requestCode(current, poll._id, hash, now)
        if ('refused' in r) {
          // the wait, for clients that honour it (the kit's error handler keeps the headers already set)
          reply.header('retry-after', Math.max(1, Math.ceil((r.retryAt.getTime() - now.getTime()) / 1000)))
          throw Refusals.numberRateLimited(r.retryAt)
        }
        return r.verification
      }
      const saved = await upsert(verifications, docId, () => next(null), next, {
        now,
        events: (_current, v) => [
          codeRequestedEvent({
            requestId: uuidv7(),
            pollId: poll._id,
            pollTitle: poll.title,
            purpose: 'verification',
            sealedPhone: cipher.encrypt(phone),
            sealedCode: cipher.encrypt(code),
            expiresAt: v.expiresAt,
            now,
            correlationId: request.id,
          }),
        ],
      })
      request.log.info({ pollId: poll._id }, 'verification code requested')
      return reply.code(202).send({
        expiresAt: saved.expiresAt,
        resendAfter: new Date(now.getTime() + 60_000).toISOString(),
      })
    },
  )

  app.post(
    '/:pollId/verification/confirm',
    {
      config: { access: 'public', rateLimit: { max: opts.codesPerMinute, timeWindow: 60_000 } },
      schema: {
        summary: 'Confirm the code: answers a short-lived voting token',
        params: PollIdParams,
        body: ConfirmCode,
        response: { 200: VotingToken, 400: Problem, 404: Problem, 409: Problem, 422: Problem, 429: Problem },
      },
    },
    async (request) => {
      const poll = await openPoll(request.params.pollId)
      if (poll.rule !== 'verified_phone') throw Refusals.wrongRule('This poll does not verify phone numbers')
      const phone = phoneOf(request.body.phone)
      const key = voterKey(secret, poll._id, 'phone', phone)
      const docId = ledgerId(poll._id, key)
      const now = clock.now()
      const outcome = await withRetry(async () => {
        const current = await verifications.get(docId)
        const matches = !!current && sameHex(codeHash(secret, docId, request.body.code), current.codeHash)
        const result = confirmCode(current, matches, now)
        // a try counts even when it fails: the write comes before the answer
        if (current && result.verification)
          await verifications.update(docId, current.version, result.verification, { now })
        return result
      })
      if (!outcome.ok) {
        request.log.info({ pollId: poll._id, reason: outcome.reason }, 'verification code refused')
        switch (outcome.reason) {
          case 'wrong':
            throw Refusals.codeWrong(outcome.triesLeft)
          case 'expired':
            throw Refusals.codeExpired()
          case 'used':
            throw Refusals.codeUsed()
          case 'locked':
            throw Refusals.codeLocked()
          default:
            throw Refusals.codeUnknown()
        }
      }
      const expiresAt = new Date(Math.min(now.getTime() + TOKEN_TTL_MS, Date.parse(poll.closesAt)))
      request.log.info({ pollId: poll._id }, 'phone number verified')
      return { token: signToken(secret, poll._id, key, expiresAt), expiresAt: expiresAt.toISOString() }
    },
  )

  app.post(
    '/:pollId/ballots',
    {
      config: { access: 'public', rateLimit: { max: opts.ballotsPerMinute, timeWindow: 60_000 } },
      schema: {
        summary: 'Cast a ballot',
        description:
          'verified_phone: send the voting token; invitation: the invitation code; open: nothing (the browser id cookie is set here). A second ballot by the same voter is a 409. The receipt names the day only: no ballot id that could prove how someone voted.',
        params: PollIdParams,
        body: CastBallot,
        response: {
          201: BallotReceipt,
          400: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          413: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) => {
      const poll = await openPoll(request.params.pollId)
      const { token, invitationCode } = request.body
      const misplaced: Array<{ path: string; message: string }> = []
      if (token !== undefined && poll.rule !== 'verified_phone')
        misplaced.push({ path: 'body/token', message: 'is not used by this poll’s rule' })
      if (invitationCode !== undefined && poll.rule !== 'invitation')
        misplaced.push({ path: 'body/invitationCode', message: 'is not used by this poll’s rule' })
      const checked = checkAnswers(poll, request.body.answers)
      if ('errors' in checked || misplaced.length)
        throw new FieldErrors([...misplaced, ...('errors' in checked ? checked.errors : [])])

      let voter: string
      if (poll.rule === 'verified_phone') {
        if (!token) throw Refusals.voterRequired('This poll needs the voting token of a verified number')
        const opened = openToken(secret, token, poll._id, clock.now())
        if ('problem' in opened)
          throw opened.problem === 'expired' ? Refusals.tokenExpired() : Refusals.tokenInvalid()
        voter = opened.key
      } else if (poll.rule === 'invitation') {
        if (!invitationCode) throw Refusals.voterRequired('This poll needs an invitation code')
        const found = await invitations.find(
          { codeHash: invitationHash(secret, poll._id, invitationCode) },
          { limit: 1 },
        )
        const invitation = found.items[0]
        if (!invitation || invitation.pollId !== poll._id) throw Refusals.invitationInvalid()
        voter = voterKey(secret, poll._id, 'invitation', invitation._id)
      } else {
        let browser = cookieOf(request.headers.cookie, BROWSER_COOKIE)
        if (!browser || !BROWSER_ID.test(browser)) {
          browser = randomBytes(16).toString('base64url')
          const secure = request.protocol === 'https' ? '; Secure' : ''
          reply.header(
            'set-cookie',
            `${BROWSER_COOKIE}=${browser}; Path=${opts.cookiePath}; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}`,
          )
        }
        voter = voterKey(secret, poll._id, 'browser', browser)
      }

      const result = await castBallot(opts, poll._id, voter, checked)
      if (result.outcome === 'already_voted') {
        request.log.info({ pollId: poll._id }, 'second ballot refused')
        throw Refusals.alreadyVoted()
      }
      if (result.outcome === 'closed')
        throw Refusals.notOpen('The poll closed before the ballot was accepted')
      request.log.info({ pollId: poll._id }, 'ballot cast')
      return reply.code(201).send({ pollId: poll._id, day: result.day })
    },
  )
}

/** One cookie's value from a Cookie header (no plugin: this is the service's only cookie). */
export function cookieOf(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}
