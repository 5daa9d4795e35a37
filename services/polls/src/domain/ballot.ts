// A ballot: the checks of its answers against the poll's questions, the stored ballot, the day it carries
// (Asia/Shanghai, nothing finer) and the `polls.ballot-cast` event. Pure.
import { randomBytes } from 'node:crypto'
import { type EventEnvelope, PollsEvents } from '@tingjian/contracts'
import type { AnswerInput } from '../schemas/ballots.ts'
import { type FieldError, LEVELS, type Level, type Poll, type VoterRule } from './poll.ts'

/** One question's answer as a ballot keeps it (free text is kept apart, in `comments`). */
export type Answer =
  | { choice: string }
  | { choices: string[] }
  | { level: Level }
  | { ratings: Record<string, Level> }

export type CommentStatus = 'pending' | 'approved' | 'rejected'

/** A free-text answer and its moderation. Public only when approved, and then only `publicText`. */
export interface Comment {
  text: string
  status: CommentStatus
  /** The text as approved: personal data removed by the moderator (and the kit's scrub). */
  publicText: string | null
  moderatedBy: string | null
  /** Set when staff turned it into a case (`polls.comment-escalated`). */
  escalatedBy: string | null
}

/**
 * `pending` while the ballot's ledger entry is being written; `cast` when it counts; `void` when its voter
 * had voted already or the poll closed before it was accepted (the answers are then removed).
 */
export type BallotState = 'pending' | 'cast' | 'void'

/**
 * The stored ballot (the `ballots` collection; `_id` is a random id, never time-ordered). Nothing in it
 * names the voter, the time (the day at most: the store's createdAt/updatedAt are written as the day's
 * start), the address, or the ledger entry — except `claim` while pending (see voting.ts), which is
 * removed when the ballot is cast.
 */
export interface Ballot {
  pollId: string
  day: string
  state: BallotState
  answers: Record<string, Answer>
  comments: Record<string, Comment>
  /** Only while pending: HMAC of the ledger entry and the attempt's nonce (see voting.ts). */
  claim?: string
}

/** 128 random bits: no order, no time. */
export const newBallotId = () => `b_${randomBytes(16).toString('base64url')}`

/** The day in Asia/Shanghai (UTC+8 all year: no daylight saving since 1991). */
export function shanghaiDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** The start of a Shanghai day as an instant: the time the store records on ballots. */
export const dayStart = (day: string) => new Date(`${day}T00:00:00.000+08:00`)

const clean = (s: string) => s.normalize('NFC').trim()

/**
 * Checks a ballot's answers against the poll: every answer to a question that exists, in the field its
 * kind takes, within its options and bounds; every required question answered.
 */
export function checkAnswers(
  poll: Poll,
  input: readonly AnswerInput[],
): { answers: Record<string, Answer>; comments: Record<string, Comment> } | { errors: FieldError[] } {
  const errors: FieldError[] = []
  const answers: Record<string, Answer> = {}
  const comments: Record<string, Comment> = {}
  const seen = new Set<string>()
  const questions = new Map(poll.questions.map((q) => [q.questionId, q]))
  input.forEach((a, i) => {
    const at = (f: string) => `body/answers/${i}/${f}`
    const q = questions.get(a.questionId)
    if (!q) {
      errors.push({ path: at('questionId'), message: 'is not a question of this poll' })
      return
    }
    if (seen.has(q.questionId)) {
      errors.push({ path: at('questionId'), message: 'is answered twice' })
      return
    }
    seen.add(q.questionId)
    const field = FIELD_OF[q.kind]
    for (const f of ANSWER_FIELDS)
      if (f !== field && a[f] !== undefined)
        errors.push({ path: at(f), message: `does not answer a ${q.kind} question` })
    if (a[field] === undefined) {
      errors.push({ path: at(field), message: `is how a ${q.kind} question is answered` })
      return
    }
    const options = new Set((q.options ?? []).map((o) => o.optionId))
    switch (q.kind) {
      case 'single':
        if (!a.choice || !options.has(a.choice))
          errors.push({ path: at('choice'), message: 'is not an option' })
        else answers[q.questionId] = { choice: a.choice }
        break
      case 'multiple': {
        const choices = a.choices ?? []
        if (new Set(choices).size !== choices.length)
          errors.push({ path: at('choices'), message: 'selects an option twice' })
        else if (choices.some((c) => !options.has(c)))
          errors.push({ path: at('choices'), message: 'selects something that is not an option' })
        else if (choices.length < (q.min ?? 0) || choices.length > (q.max ?? options.size))
          errors.push({
            path: at('choices'),
            message: `must select between ${q.min ?? 0} and ${q.max ?? options.size} options`,
          })
        else if (choices.length > 0) answers[q.questionId] = { choices: [...choices] }
        break
      }
      case 'satisfaction':
        if (a.level) answers[q.questionId] = { level: a.level }
        break
      case 'appraisal': {
        const items = new Set((q.items ?? []).map((it) => it.itemId))
        const ratings: Record<string, Level> = {}
        for (const [k, r] of (a.ratings ?? []).entries()) {
          if (!items.has(r.itemId))
            errors.push({ path: at(`ratings/${k}/itemId`), message: 'is not an item of this question' })
          else if (ratings[r.itemId])
            errors.push({ path: at(`ratings/${k}/itemId`), message: 'is rated twice' })
          else ratings[r.itemId] = r.level
        }
        const rated = Object.keys(ratings).length
        if (q.required && rated !== items.size)
          errors.push({ path: at('ratings'), message: 'must rate every item of a required question' })
        else if (rated > 0) answers[q.questionId] = { ratings }
        break
      }
      case 'text': {
        const text = clean(a.text ?? '')
        if (text.length > (q.maxLength ?? 0))
          errors.push({ path: at('text'), message: `must have at most ${q.maxLength} characters` })
        else if (text)
          comments[q.questionId] = {
            text,
            status: 'pending',
            publicText: null,
            moderatedBy: null,
            escalatedBy: null,
          }
        break
      }
    }
  })
  for (const q of poll.questions) {
    const answered = answers[q.questionId] || comments[q.questionId]
    // a question answered wrongly has its error already
    const refused = errors.some((e) => e.path.startsWith('body/answers/') && seen.has(q.questionId))
    if (q.required && !answered && !refused)
      errors.push({ path: 'body/answers', message: `must answer the required question ${q.questionId}` })
  }
  if (errors.length) return { errors }
  return { answers, comments }
}

const ANSWER_FIELDS = ['choice', 'choices', 'level', 'ratings', 'text'] as const
const FIELD_OF = {
  single: 'choice',
  multiple: 'choices',
  satisfaction: 'level',
  appraisal: 'ratings',
  text: 'text',
} as const

export const isLevel = (v: unknown): v is Level =>
  typeof v === 'string' && (LEVELS as readonly string[]).includes(v)

/**
 * `polls.ballot-cast`: the poll, its rule and the day. Its time is the day's start, so that the event
 * says no more than the ballot does.
 */
export function ballotCastEvent(pollId: string, rule: VoterRule, day: string): EventEnvelope {
  return PollsEvents.ballotCast.create({
    subject: pollId,
    occurredAt: dayStart(day),
    data: { pollId, rule, day },
  })
}
