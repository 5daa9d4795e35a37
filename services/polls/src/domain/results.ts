// Results computed from the cast ballots, exactly: per question the number of ballots that answered it;
// per option its count and share of those (options, not combinations of options: Decidim #16421); for the
// five levels the distribution, the mean (5..1) and the satisfaction rate with its sample and a 95 % Wilson
// interval; free text only as moderated. Pure: ballots in, numbers out.
import { wilson } from '@tingjian/kit'
import type { Ballot } from './ballot.ts'
import {
  LEVEL_LABELS,
  LEVEL_SCORE,
  LEVELS,
  type Level,
  type Phase,
  type Poll,
  type Question,
  RULE_LABELS,
  SATISFIED_LEVELS,
} from './poll.ts'

export interface LevelStats {
  answers: number
  distribution: Array<{ level: Level; label: string; count: number; share: number }>
  /** 非常满意 5 … 非常不满意 1; null without answers. */
  mean: number | null
  satisfactionRate: { satisfied: number; sample: number; rate: number; low: number; high: number } | null
}

export interface QuestionResult {
  questionId: string
  kind: Question['kind']
  title: string
  /** Ballots that answered this question. */
  answered: number
  options?: Array<{ optionId: string; label: string; count: number; share: number }>
  levels?: LevelStats
  items?: Array<{ itemId: string; label: string } & LevelStats>
  /** Free text: approved answers as moderated. */
  comments?: Array<{ commentId: string; text: string }>
  /** Free text, staff only: answers waiting for moderation. */
  pendingComments?: number
}

export interface PollResults {
  pollId: string
  title: string
  phase: Phase
  rule: Poll['rule']
  ruleLabel: (typeof RULE_LABELS)[Poll['rule']]
  /** Cast ballots counted. */
  ballots: number
  final: boolean
  questions: QuestionResult[]
}

const share = (count: number, of: number) => (of === 0 ? 0 : count / of)

function levelStats(counts: Record<Level, number>): LevelStats {
  const answers = LEVELS.reduce((n, l) => n + counts[l], 0)
  const satisfied = SATISFIED_LEVELS.reduce((n, l) => n + counts[l], 0)
  const interval = wilson(satisfied, answers)
  return {
    answers,
    distribution: LEVELS.map((level) => ({
      level,
      label: LEVEL_LABELS[level],
      count: counts[level],
      share: share(counts[level], answers),
    })),
    mean: answers === 0 ? null : LEVELS.reduce((s, l) => s + LEVEL_SCORE[l] * counts[l], 0) / answers,
    satisfactionRate: interval
      ? { satisfied, sample: answers, rate: satisfied / answers, low: interval.low, high: interval.high }
      : null,
  }
}

const zeroLevels = (): Record<Level, number> => ({
  very_satisfied: 0,
  satisfied: 0,
  basically_satisfied: 0,
  dissatisfied: 0,
  very_dissatisfied: 0,
})

/** Adds ballots one at a time (a page of the store at a time); `results` reads the totals. */
export class Tally {
  ballots = 0
  readonly #answered = new Map<string, number>()
  readonly #options = new Map<string, number>()
  readonly #levels = new Map<string, Record<Level, number>>()
  readonly #comments = new Map<string, Array<{ commentId: string; text: string }>>()
  readonly #pending = new Map<string, number>()

  constructor(readonly poll: Poll) {}

  add(ballotId: string, ballot: Pick<Ballot, 'state' | 'answers' | 'comments'>): void {
    if (ballot.state !== 'cast') return
    this.ballots++
    for (const q of this.poll.questions) {
      const a = ballot.answers[q.questionId]
      const c = ballot.comments[q.questionId]
      if (!a && !c) continue
      this.#bump(this.#answered, q.questionId)
      if (a && 'choice' in a) this.#bump(this.#options, `${q.questionId}/${a.choice}`)
      if (a && 'choices' in a) for (const o of a.choices) this.#bump(this.#options, `${q.questionId}/${o}`)
      if (a && 'level' in a) this.#levelsOf(q.questionId)[a.level]++
      if (a && 'ratings' in a)
        for (const [item, level] of Object.entries(a.ratings))
          this.#levelsOf(`${q.questionId}/${item}`)[level]++
      if (c?.status === 'approved' && c.publicText) {
        const list = this.#comments.get(q.questionId) ?? []
        list.push({ commentId: `${ballotId}.${q.questionId}`, text: c.publicText })
        this.#comments.set(q.questionId, list)
      }
      if (c?.status === 'pending') this.#bump(this.#pending, q.questionId)
    }
  }

  results(phase: Phase, final: boolean, view: 'public' | 'staff'): PollResults {
    const poll = this.poll
    return {
      pollId: poll.pollId,
      title: poll.title,
      phase,
      rule: poll.rule,
      ruleLabel: RULE_LABELS[poll.rule],
      ballots: this.ballots,
      final,
      questions: poll.questions.map((q) => {
        const answered = this.#answered.get(q.questionId) ?? 0
        const r: QuestionResult = { questionId: q.questionId, kind: q.kind, title: q.title, answered }
        if (q.options)
          r.options = q.options.map((o) => {
            const count = this.#options.get(`${q.questionId}/${o.optionId}`) ?? 0
            return { optionId: o.optionId, label: o.label, count, share: share(count, answered) }
          })
        if (q.kind === 'satisfaction') r.levels = levelStats(this.#levels.get(q.questionId) ?? zeroLevels())
        if (q.items)
          r.items = q.items.map((it) => ({
            itemId: it.itemId,
            label: it.label,
            ...levelStats(this.#levels.get(`${q.questionId}/${it.itemId}`) ?? zeroLevels()),
          }))
        if (q.kind === 'text') {
          // the public sees the moderated texts, not which ballot they came from
          const comments = this.#comments.get(q.questionId) ?? []
          r.comments =
            view === 'staff' ? comments : comments.map((c, i) => ({ commentId: String(i + 1), text: c.text }))
          if (view === 'staff') r.pendingComments = this.#pending.get(q.questionId) ?? 0
        }
        return r
      }),
    }
  }

  #bump(map: Map<string, number>, key: string) {
    map.set(key, (map.get(key) ?? 0) + 1)
  }

  #levelsOf(key: string): Record<Level, number> {
    let counts = this.#levels.get(key)
    if (!counts) {
      counts = zeroLevels()
      this.#levels.set(key, counts)
    }
    return counts
  }
}

/** CSV cell: quoted, and a leading = + - @ neutralised (a spreadsheet would run it as a formula). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n']/.test(s) || s !== String(value) ? `"${s.replaceAll('"', '""')}"` : s
}

export const csvLine = (cells: ReadonlyArray<string | number | null | undefined>) =>
  `${cells.map(csvCell).join(',')}\r\n`

/** The aggregate results as CSV rows: question, option or item, level, count, share, and the rates. */
export function resultsCsv(results: PollResults): string {
  let out = csvLine([
    'question',
    'title',
    'row',
    'label',
    'count',
    'share',
    'answered',
    'mean',
    'satisfaction_rate',
    'wilson_low',
    'wilson_high',
  ])
  const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '' : Number(n.toFixed(6)))
  for (const q of results.questions) {
    for (const o of q.options ?? [])
      out += csvLine([q.questionId, q.title, o.optionId, o.label, o.count, fmt(o.share), q.answered])
    const levelRows = (row: string, label: string, s: LevelStats) => {
      for (const d of s.distribution)
        out += csvLine([
          q.questionId,
          q.title,
          `${row}${d.level}`,
          `${label}${d.label}`,
          d.count,
          fmt(d.share),
          s.answers,
        ])
      out += csvLine([
        q.questionId,
        q.title,
        `${row}summary`,
        label || q.title,
        s.answers,
        '',
        s.answers,
        fmt(s.mean),
        fmt(s.satisfactionRate?.rate),
        fmt(s.satisfactionRate?.low),
        fmt(s.satisfactionRate?.high),
      ])
    }
    if (q.levels) levelRows('', '', q.levels)
    for (const it of q.items ?? []) levelRows(`${it.itemId}/`, `${it.label} / `, it)
    if (q.kind === 'text') out += csvLine([q.questionId, q.title, 'answered', '', q.answered, '', q.answered])
  }
  return out
}

/** The anonymous ballots as CSV: one row per cast ballot, its day and its answers (free text as moderated). */
export function ballotsCsvHeader(poll: Poll): string {
  const cols = ['day']
  for (const q of poll.questions) {
    if (q.kind === 'appraisal') for (const it of q.items ?? []) cols.push(`${q.questionId}/${it.itemId}`)
    else cols.push(q.questionId)
  }
  return csvLine(cols)
}

export function ballotCsvRow(poll: Poll, ballot: Pick<Ballot, 'day' | 'answers' | 'comments'>): string {
  const cells: Array<string | null> = [ballot.day]
  for (const q of poll.questions) {
    const a = ballot.answers[q.questionId]
    if (q.kind === 'appraisal') {
      const ratings = a && 'ratings' in a ? a.ratings : {}
      for (const it of q.items ?? []) cells.push(ratings[it.itemId] ?? null)
    } else if (q.kind === 'text') {
      const c = ballot.comments[q.questionId]
      cells.push(c ? (c.status === 'approved' ? c.publicText : `(${c.status})`) : null)
    } else if (a && 'choice' in a) cells.push(a.choice)
    else if (a && 'choices' in a) cells.push(a.choices.join(' '))
    else if (a && 'level' in a) cells.push(a.level)
    else cells.push(null)
  }
  return csvLine(cells)
}
