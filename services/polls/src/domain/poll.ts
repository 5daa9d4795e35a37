// A poll: its questions, its checks, its lifecycle (draft → published → closed → archived, duplicate into
// a new draft) and the events the lifecycle makes. Pure: (poll, command, now) → poll + events.
import { type EventEnvelope, PollsEvents, uuidv7 } from '@tingjian/contracts'
import type { PollInput, QuestionInput } from '../schemas/polls.ts'

export type VoterRule = 'verified_phone' | 'invitation' | 'open'
export type ResultsVisibility = 'live' | 'after_close' | 'staff_only'
export type QuestionKind = 'single' | 'multiple' | 'satisfaction' | 'appraisal' | 'text'
export type PollStatus = 'draft' | 'published' | 'closed' | 'archived'

/** The five levels, best first; the keys are fixed (they are in ballots, exports and the web app). */
export const LEVELS = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const
export type Level = (typeof LEVELS)[number]
export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
}
/** The mean is taken on this scale: 非常满意 5 … 非常不满意 1. */
export const LEVEL_SCORE: Readonly<Record<Level, number>> = {
  very_satisfied: 5,
  satisfied: 4,
  basically_satisfied: 3,
  dissatisfied: 2,
  very_dissatisfied: 1,
}
/** The satisfaction rate counts these (非常满意 + 满意 + 基本满意) over all answers. */
export const SATISFIED_LEVELS: readonly Level[] = ['very_satisfied', 'satisfied', 'basically_satisfied']

/** What the results page says about who could vote. */
export const RULE_LABELS: Readonly<Record<VoterRule, { zh: string; en: string; onePerPerson: boolean }>> = {
  verified_phone: {
    zh: '每个验证手机号一票',
    en: 'one ballot per verified phone number',
    onePerPerson: true,
  },
  invitation: { zh: '每个邀请码一票', en: 'one ballot per invitation code', onePerPerson: true },
  open: {
    zh: '公开投票：每个浏览器一票，并非一人一票',
    en: 'open: one ballot per browser — not one per person',
    onePerPerson: false,
  },
}

export interface Choice {
  optionId: string
  label: string
}
export interface Item {
  itemId: string
  label: string
}

export interface Question {
  questionId: string
  kind: QuestionKind
  title: string
  required: boolean
  /** single, multiple */
  options?: Choice[]
  /** multiple: how many options a ballot selects (when it answers the question) */
  min?: number
  max?: number
  /** appraisal: the departments or items rated, each on the five levels */
  items?: Item[]
  /** text: the longest answer */
  maxLength?: number
}

/** The stored poll (the document of the `polls` collection; its `_id` is `pollId`). */
export interface Poll {
  pollId: string
  title: string
  description: string
  departmentId: string | null
  opensAt: string
  closesAt: string
  rule: VoterRule
  results: ResultsVisibility
  questions: Question[]
  status: PollStatus
  createdBy: string
  publishedAt: string | null
  publishedBy: string | null
  closedAt: string | null
  /** A staff member's id, or `scheduler` when the closing time passed. */
  closedBy: string | null
  /**
   * True once every ballot of a closed poll is settled (cast or void) and `ballots` is final; the
   * `polls.poll-closed` event is written with it. A closed poll not yet settled is settled by the scheduler.
   */
  settled: boolean
  /** The final number of ballots (set when settled). */
  ballots: number | null
  archivedAt: string | null
  duplicatedFrom: string | null
}

export type FieldError = { path: string; message: string }

export const MAX_QUESTIONS = 50
export const MAX_OPTIONS = 30
export const MAX_ITEMS = 50
export const DEFAULT_TEXT_LENGTH = 1000
export const MAX_TEXT_LENGTH = 2000

export const newPollId = () => `poll_${uuidv7().replaceAll('-', '')}`

const clean = (s: string) => s.normalize('NFC').trim()

/** The checks a schema cannot say; the poll's fields when they pass. */
export function preparePoll(
  input: PollInput,
): { fields: Omit<Poll, 'pollId' | 'status' | 'createdBy' | ProgressFields> } | { errors: FieldError[] } {
  const errors: FieldError[] = []
  const title = clean(input.title)
  const opensAt = Date.parse(input.opensAt)
  const closesAt = Date.parse(input.closesAt)
  if (!(opensAt < closesAt)) errors.push({ path: 'body/closesAt', message: 'must be after opensAt' })
  if (input.questions.length === 0) errors.push({ path: 'body/questions', message: 'needs a question' })
  const questions = input.questions.map((q, i) => prepareQuestion(q, i, errors))
  if (errors.length) return { errors }
  return {
    fields: {
      title,
      description: clean(input.description),
      departmentId: input.departmentId ?? null,
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
      rule: input.rule,
      results: input.results,
      questions,
    },
  }
}

function prepareQuestion(q: QuestionInput, i: number, errors: FieldError[]): Question {
  const at = (field: string) => `body/questions/${i}/${field}`
  const question: Question = {
    questionId: `q${i + 1}`,
    kind: q.kind,
    title: clean(q.title),
    required: q.required ?? q.kind !== 'text',
  }
  const refuse = (field: 'options' | 'min' | 'max' | 'items' | 'maxLength') => {
    if (q[field] !== undefined)
      errors.push({ path: at(field), message: `is not used by a ${q.kind} question` })
  }
  const labels = (list: readonly string[], field: string) => {
    const cleaned = list.map(clean)
    if (new Set(cleaned).size !== cleaned.length) errors.push({ path: at(field), message: 'has a duplicate' })
    return cleaned
  }
  switch (q.kind) {
    case 'single':
    case 'multiple': {
      refuse('items')
      refuse('maxLength')
      if (!q.options || q.options.length < 2) {
        errors.push({ path: at('options'), message: 'needs at least two options' })
        break
      }
      question.options = labels(q.options, 'options').map((label, k) => ({ optionId: `o${k + 1}`, label }))
      if (q.kind === 'single') {
        refuse('min')
        refuse('max')
        break
      }
      const n = q.options.length
      const min = q.min ?? (question.required ? 1 : 0)
      const max = q.max ?? n
      if (max < 1 || max > n) errors.push({ path: at('max'), message: `must be between 1 and ${n}` })
      if (min > max) errors.push({ path: at('min'), message: 'must not be above max' })
      if (question.required && min < 1)
        errors.push({ path: at('min'), message: 'must be at least 1 for a required question' })
      question.min = min
      question.max = max
      break
    }
    case 'satisfaction':
      for (const f of ['options', 'min', 'max', 'items', 'maxLength'] as const) refuse(f)
      break
    case 'appraisal':
      for (const f of ['options', 'min', 'max', 'maxLength'] as const) refuse(f)
      if (!q.items || q.items.length < 1) {
        errors.push({ path: at('items'), message: 'needs at least one department or item to rate' })
        break
      }
      question.items = labels(q.items, 'items').map((label, k) => ({ itemId: `i${k + 1}`, label }))
      break
    case 'text':
      for (const f of ['options', 'min', 'max', 'items'] as const) refuse(f)
      question.maxLength = q.maxLength ?? DEFAULT_TEXT_LENGTH
      break
  }
  return question
}

type ProgressFields =
  | 'publishedAt'
  | 'publishedBy'
  | 'closedAt'
  | 'closedBy'
  | 'settled'
  | 'ballots'
  | 'archivedAt'
  | 'duplicatedFrom'

const NOT_STARTED: Pick<Poll, ProgressFields> = {
  publishedAt: null,
  publishedBy: null,
  closedAt: null,
  closedBy: null,
  settled: false,
  ballots: null,
  archivedAt: null,
  duplicatedFrom: null,
}

export function newDraft(
  pollId: string,
  fields: Omit<Poll, 'pollId' | 'status' | 'createdBy' | ProgressFields>,
  by: string,
): Poll {
  return { pollId, ...fields, status: 'draft', createdBy: by, ...NOT_STARTED }
}

/** A refusal of a lifecycle step: the kind names the coded error the route answers with. */
export class PollStateError extends Error {
  constructor(
    readonly kind: 'state' | 'fields',
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message)
  }
}

export function editDraft(
  poll: Poll,
  fields: Omit<Poll, 'pollId' | 'status' | 'createdBy' | ProgressFields>,
): Poll {
  if (poll.status !== 'draft')
    throw new PollStateError('state', 'Only a draft can be edited; a published poll can only close later')
  return { ...poll, ...fields }
}

export function publish(poll: Poll, by: string, now: Date): { poll: Poll; events: EventEnvelope[] } {
  if (poll.status !== 'draft') throw new PollStateError('state', `The poll is ${poll.status}, not a draft`)
  if (Date.parse(poll.closesAt) <= now.getTime())
    throw new PollStateError('fields', 'The closing time has passed', [
      { path: 'closesAt', message: 'must be in the future to publish' },
    ])
  const next: Poll = { ...poll, status: 'published', publishedAt: now.toISOString(), publishedBy: by }
  return { poll: next, events: [pollPublishedEvent(next)] }
}

/** The closing time of a published poll moves later (never earlier: that is closing it). */
export function extendClosing(poll: Poll, closesAt: string, now: Date): Poll {
  if (poll.status !== 'published' || phaseOf(poll, now) === 'closed')
    throw new PollStateError('state', 'Only the closing time of a running poll can move')
  const next = Date.parse(closesAt)
  if (!(next > Date.parse(poll.closesAt)))
    throw new PollStateError('fields', 'The closing time only moves later', [
      { path: 'body/closesAt', message: 'must be after the current closing time' },
    ])
  return { ...poll, closesAt: new Date(next).toISOString() }
}

/**
 * Closes a published poll: by staff (now), or by the scheduler once its closing time passed (then the
 * closing time stays what it was: ballots are judged against it). Not yet settled: see `settle`.
 */
export function close(poll: Poll, by: string, now: Date): Poll {
  if (poll.status !== 'published')
    throw new PollStateError('state', `The poll is ${poll.status}, not running`)
  const closesAt = Math.min(Date.parse(poll.closesAt), now.getTime())
  return {
    ...poll,
    status: 'closed',
    closesAt: new Date(closesAt).toISOString(),
    closedAt: now.toISOString(),
    closedBy: by,
    settled: false,
  }
}

/** Every ballot is settled: the final count, and the event that announces it. */
export function settle(poll: Poll, ballots: number): { poll: Poll; events: EventEnvelope[] } {
  const next: Poll = { ...poll, settled: true, ballots }
  return { poll: next, events: [pollClosedEvent(next)] }
}

export function archive(poll: Poll, now: Date): Poll {
  if (poll.status !== 'closed' || !poll.settled)
    throw new PollStateError('state', 'Only a closed poll can be archived')
  return { ...poll, status: 'archived', archivedAt: now.toISOString() }
}

/** A new draft with the same questions and settings (the times are kept for staff to change). */
export function duplicate(poll: Poll, pollId: string, by: string): Poll {
  return {
    ...newDraft(
      pollId,
      {
        title: poll.title,
        description: poll.description,
        departmentId: poll.departmentId,
        opensAt: poll.opensAt,
        closesAt: poll.closesAt,
        rule: poll.rule,
        results: poll.results,
        questions: poll.questions,
      },
      by,
    ),
    duplicatedFrom: poll.pollId,
  }
}

/** Where a poll stands for voters: a published poll before its opening time is upcoming. */
export type Phase = 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'

export function phaseOf(poll: Pick<Poll, 'status' | 'opensAt' | 'closesAt'>, now: Date): Phase {
  if (poll.status === 'draft' || poll.status === 'archived') return poll.status
  if (poll.status === 'closed') return 'closed'
  const t = now.getTime()
  if (t >= Date.parse(poll.closesAt)) return 'closed'
  if (t < Date.parse(poll.opensAt)) return 'upcoming'
  return 'open'
}

export const isOpen = (poll: Pick<Poll, 'status' | 'opensAt' | 'closesAt'>, now: Date) =>
  phaseOf(poll, now) === 'open'

/** May the public see the results now? Staff always may. */
export function resultsPublic(poll: Poll, now: Date): boolean {
  const phase = phaseOf(poll, now)
  if (phase === 'draft' || phase === 'upcoming') return false
  if (poll.results === 'staff_only') return false
  if (poll.results === 'live') return true
  return phase === 'closed' || phase === 'archived'
}

export function pollPublishedEvent(poll: Poll): EventEnvelope {
  return PollsEvents.pollPublished.create({
    subject: poll.pollId,
    occurredAt: new Date(poll.publishedAt ?? poll.opensAt),
    data: {
      pollId: poll.pollId,
      title: poll.title,
      departmentId: poll.departmentId,
      rule: poll.rule,
      opensAt: poll.opensAt,
      closesAt: poll.closesAt,
      results: poll.results,
      questions: poll.questions.map((q) => ({ questionId: q.questionId, kind: q.kind, title: q.title })),
      publishedBy: poll.publishedBy ?? 'unknown',
      publishedAt: poll.publishedAt ?? poll.opensAt,
    },
  })
}

export function pollClosedEvent(poll: Poll): EventEnvelope {
  return PollsEvents.pollClosed.create({
    subject: poll.pollId,
    occurredAt: new Date(poll.closedAt ?? poll.closesAt),
    data: {
      pollId: poll.pollId,
      title: poll.title,
      departmentId: poll.departmentId,
      rule: poll.rule,
      ballots: poll.ballots ?? 0,
      closedAt: poll.closedAt ?? poll.closesAt,
    },
  })
}
