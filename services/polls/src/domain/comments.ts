// `polls.comment-escalated`: a free-text answer turned into a case by staff. No citizen contact: the text
// as moderated (personal data removed), the poll and the question. Pure.
import { type EventEnvelope, PollsEvents } from '@tingjian/contracts'
import type { Poll, Question } from './poll.ts'

export function commentEscalatedEvent(input: {
  poll: Pick<Poll, 'pollId' | 'title' | 'departmentId'>
  question: Pick<Question, 'title'>
  commentId: string
  category: 'complaint' | 'report' | 'suggestion' | 'consultation' | 'praise'
  subject: string
  text: string
  by: string
  now: Date
  correlationId?: string
}): EventEnvelope {
  return PollsEvents.commentEscalated.create({
    subject: input.poll.pollId,
    occurredAt: input.now,
    ...(input.correlationId ? { correlationId: input.correlationId } : {}),
    data: {
      pollId: input.poll.pollId,
      commentId: input.commentId,
      pollTitle: input.poll.title,
      questionTitle: input.question.title,
      category: input.category,
      subject: input.subject,
      text: input.text,
      departmentId: input.poll.departmentId,
      escalatedBy: input.by,
      escalatedAt: input.now.toISOString(),
    },
  })
}
