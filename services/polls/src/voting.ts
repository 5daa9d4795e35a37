// Casting a ballot: the ledger (who voted) and the ballots (what was voted) are two collections with
// nothing that joins them, and the store has no transactions. The order of the writes is what keeps a
// crash from losing a vote or locking a voter out:
//
//   1. ballot inserted `pending`, random `_id`, with `claim` = HMAC(secret, ledger id, nonce)
//   2. poll re-read and the clock read (t): not open → the ballot is voided, 409
//   3. ledger entry inserted (`_id` = poll + voter hash; unique), holding the nonce, created at t;
//      a duplicate → the ballot is voided, 409 (the voter's earlier ballot stands)
//   4. ballot cast: `claim` removed, `polls.ballot-cast` in the same write → 201
//
// A crash after 1 leaves a pending ballot that no ledger entry claims: the voter can vote again, and the
// orphan is voided when the poll settles. A crash after 3 leaves a pending ballot that its ledger entry
// claims: the settlement (the scheduler's sweep while the poll runs, and at closing) casts it — the voter
// is not locked out without their ballot. Only pending ballots carry a claim, and only with the secret can
// it be matched to a ledger entry; a cast ballot holds nothing that leads to its voter.
//
// Closing: a ballot counts when its ledger entry was written before the closing time (the `t` of step 2,
// kept as the entry's createdAt). A closed poll is settled once: every pending ballot is cast or voided;
// nothing is cast after that, so the count in `polls.poll-closed` is final.
import { randomBytes } from 'node:crypto'
import type { Clock, Logger } from '@tingjian/kit'
import { type Collection, isConflict, modify, type Stored } from '@tingjian/store'
import type { LedgerEntry } from './collections.ts'
import {
  type Answer,
  type Ballot,
  ballotCastEvent,
  type Comment,
  dayStart,
  newBallotId,
  shanghaiDay,
} from './domain/ballot.ts'
import { close, isOpen, type Poll, phaseOf, pollClosedEvent, settle } from './domain/poll.ts'
import { claimOf, ledgerId } from './domain/voter.ts'

export interface VotingDeps {
  polls: Collection<Poll>
  ballots: Collection<Ballot>
  ledger: Collection<LedgerEntry>
  clock: Clock
  secret: Buffer
}

export type CastOutcome =
  | { outcome: 'cast'; day: string }
  | { outcome: 'already_voted' }
  | { outcome: 'closed' }

export async function castBallot(
  deps: VotingDeps,
  pollId: string,
  voter: string,
  content: { answers: Record<string, Answer>; comments: Record<string, Comment> },
): Promise<CastOutcome> {
  const lid = ledgerId(pollId, voter)
  // the common second attempt is refused before anything is written
  if (await deps.ledger.get(lid)) return { outcome: 'already_voted' }

  const day = shanghaiDay(deps.clock.now())
  const nonce = randomBytes(16).toString('base64url')
  const ballotId = newBallotId()
  await deps.ballots.insert(
    ballotId,
    { pollId, day, state: 'pending', ...content, claim: claimOf(deps.secret, lid, nonce) },
    { now: dayStart(day) },
  )

  const poll = await deps.polls.get(pollId)
  const t = deps.clock.now()
  if (!poll || !isOpen(poll, t)) {
    await voidBallot(deps.ballots, ballotId, day)
    return { outcome: 'closed' }
  }
  try {
    await deps.ledger.insert(lid, { pollId, nonce }, { now: t })
  } catch (err) {
    if (!isConflict(err, 'duplicate')) throw err
    const after = await voidBallot(deps.ballots, ballotId, day)
    // cannot be cast: no ledger entry carries this attempt's nonce
    return after.state === 'cast' ? { outcome: 'cast', day } : { outcome: 'already_voted' }
  }
  const after = await castPending(deps.ballots, ballotId, poll.rule, day)
  return after.state === 'cast' ? { outcome: 'cast', day } : { outcome: 'closed' }
}

/**
 * pending → cast (the claim removed, the event in the same write); anything else stays as it is. Every
 * write of a ballot is stamped with its day's start, so that the store's updatedAt says no more than `day`.
 */
function castPending(ballots: Collection<Ballot>, ballotId: string, rule: Poll['rule'], day: string) {
  return modify(
    ballots,
    ballotId,
    (b) => (b.state === 'pending' ? { ...b, state: 'cast' as const, claim: undefined } : null),
    { events: (b) => [ballotCastEvent(b.pollId, rule, b.day)], now: dayStart(day), maxAttempts: 10 },
  )
}

/** pending → void: the answers removed; a cast ballot stays cast. */
function voidBallot(ballots: Collection<Ballot>, ballotId: string, day: string): Promise<Stored<Ballot>> {
  return modify(
    ballots,
    ballotId,
    (b) =>
      b.state !== 'pending'
        ? null
        : { pollId: b.pollId, day: b.day, state: 'void', answers: {}, comments: {} },
    { now: dayStart(day), maxAttempts: 10 },
  )
}

export interface SettleDeps extends VotingDeps {
  logger: Logger
}

/**
 * Settles the pending ballots of a poll: cast those whose ledger entry claims them and was written before
 * the closing time; once the poll is closed, void the rest. Returns how many are still pending.
 */
export async function settlePending(deps: SettleDeps, poll: Poll): Promise<number> {
  const pending = await all(deps.ballots, { pollId: poll.pollId, state: 'pending' })
  if (!pending.length) return 0
  const claims = new Map<string, number>()
  for (const entry of await all(deps.ledger, { pollId: poll.pollId }))
    claims.set(claimOf(deps.secret, entry._id, entry.nonce), Date.parse(entry.createdAt))
  const closed = phaseOf(poll, deps.clock.now()) === 'closed'
  const closesAt = Date.parse(poll.closesAt)
  let left = 0
  let cast = 0
  let voided = 0
  for (const b of pending) {
    const at = b.claim ? claims.get(b.claim) : undefined
    if (at !== undefined && at < closesAt) {
      if ((await castPending(deps.ballots, b._id, poll.rule, b.day)).state === 'cast') cast++
    } else if (closed) {
      if ((await voidBallot(deps.ballots, b._id, b.day)).state === 'void') voided++
    } else left++
  }
  deps.logger.info({ pollId: poll.pollId, cast, voided, left }, 'pending ballots settled')
  return left
}

async function all<T extends object>(c: Collection<T>, filter: Record<string, string>): Promise<Stored<T>[]> {
  const out: Stored<T>[] = []
  let cursor: string | null = null
  do {
    const page = await c.find(filter, { limit: 500, cursor })
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

/** Closes a published poll (by staff, or the scheduler when its time passed), then settles it. */
export async function closePoll(deps: SettleDeps, pollId: string, by: string): Promise<Stored<Poll>> {
  const now = deps.clock.now()
  const closed = await modify(
    deps.polls,
    pollId,
    (p) => (p.status === 'published' ? close(p, by, now) : null),
    {
      now,
    },
  )
  return closed.status === 'closed' && !closed.settled ? settleClosed(deps, closed) : closed
}

/** A closed poll's ballots all settled, its final count written with `polls.poll-closed`. */
export async function settleClosed(deps: SettleDeps, poll: Poll): Promise<Stored<Poll>> {
  await settlePending(deps, poll)
  const ballots = await deps.ballots.count({ pollId: poll.pollId, state: 'cast' })
  const settled = await modify(
    deps.polls,
    poll.pollId,
    (p) => (p.status === 'closed' && !p.settled ? settle(p, ballots).poll : null),
    { events: (_current, next) => [pollClosedEvent(next)], now: deps.clock.now() },
  )
  deps.logger.info({ pollId: poll.pollId, ballots: settled.ballots }, 'poll closed')
  return settled
}
