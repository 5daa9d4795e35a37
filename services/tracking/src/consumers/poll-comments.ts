// polls.comment-escalated → a case with channel `poll`, one per escalated answer however often the event is
// delivered: the case id derives from the comment id, so a redelivery is a duplicate insert and changes
// nothing. The voter is anonymous and holds no credentials, but every case has a tracking code and an
// access-key hash (the public lookup, the statistics and the events assume both): the code is a fresh one
// from the kit, and the hash is of random bytes that are thrown away at once, so no key opens the case on
// the public site — staff answer it, and the answer reaches the public through the poll's own results.
import { randomBytes } from 'node:crypto'
import type { EventBus, Subscription } from '@tingjian/bus'
import { PollsEvents } from '@tingjian/contracts'
import { accessKeyHash, type Clock, type Logger, newTrackingCode } from '@tingjian/kit'
import { isConflict } from '@tingjian/store'
import type { Cases } from '../case-store.ts'
import type { DueDays } from '../domain/case.ts'
import { openFromPollComment, type PollCaseCredentials } from '../domain/intake.ts'

export interface PollCommentConsumerDeps {
  bus: EventBus
  cases: Cases
  clock: Clock
  dueDays?: DueDays
  logger: Logger
  group: string
}

/** A random tracking code and the hash of a key nobody keeps (the case is answered by staff only). */
export function unclaimableCredentials(): PollCaseCredentials {
  return {
    trackingCode: newTrackingCode(),
    accessKeyHash: accessKeyHash(randomBytes(32).toString('base64url')),
  }
}

export async function consumePollComments(deps: PollCommentConsumerDeps): Promise<Subscription> {
  return deps.bus.subscribe({ group: deps.group, streams: ['polls'] }, async (event) => {
    if (!PollsEvents.commentEscalated.is(event)) return
    const comment = event.data
    const now = deps.clock.now()
    const opened = openFromPollComment(comment, unclaimableCredentials(), now, event, deps.dueDays)
    const doc = opened.case
    const log = { caseId: doc._id, eventId: event.id, pollId: comment.pollId, commentId: comment.commentId }
    try {
      await deps.cases.insert(doc._id, doc, { events: opened.events, now })
      deps.logger.info(log, 'case opened from a poll comment')
    } catch (err) {
      if (!isConflict(err, 'duplicate')) throw err
      if (await deps.cases.get(doc._id)) {
        deps.logger.debug(log, 'poll comment already has its case')
        return
      }
      // not this case but its random tracking code taken by another (one chance in 2^50): the bus retries
      // the event, and the retry draws a new code
      throw new Error('tracking code already in use; retried with a new one')
    }
  })
}
