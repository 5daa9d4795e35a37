// What the public and staff see of a poll.
import type { Stored } from '@tingjian/store'
import { type Poll, phaseOf, RULE_LABELS, resultsPublic } from './domain/poll.ts'
import type { PublicPoll, StaffPoll } from './schemas/polls.ts'

export function publicView(poll: Poll, now: Date): PublicPoll {
  return {
    pollId: poll.pollId,
    title: poll.title,
    description: poll.description,
    departmentId: poll.departmentId,
    opensAt: poll.opensAt,
    closesAt: poll.closesAt,
    phase: phaseOf(poll, now),
    rule: poll.rule,
    ruleLabel: RULE_LABELS[poll.rule],
    results: poll.results,
    resultsAvailable: resultsPublic(poll, now),
    questions: poll.questions,
  }
}

export function staffView(poll: Stored<Poll>, now: Date): StaffPoll {
  return {
    ...publicView(poll, now),
    status: poll.status,
    version: poll.version,
    createdBy: poll.createdBy,
    createdAt: poll.createdAt,
    updatedAt: poll.updatedAt,
    publishedAt: poll.publishedAt,
    publishedBy: poll.publishedBy,
    closedAt: poll.closedAt,
    closedBy: poll.closedBy,
    settled: poll.settled,
    ballots: poll.ballots,
    archivedAt: poll.archivedAt,
    duplicatedFrom: poll.duplicatedFrom,
  }
}
