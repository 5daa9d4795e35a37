// A survey's answers and what they find: an overcharged fee, attitude 1–2, a missed promise, a
// dissatisfied citizen — each a problem of its own kind for rectification. Pure.
import { type LETTER_CATEGORIES, SATISFACTION_LEVELS } from '@tingjian/contracts'

export type Category = (typeof LETTER_CATEGORIES)[number]

/** The five levels (非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意), as the contracts' survey-completed has them. */
export { SATISFACTION_LEVELS }
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number]

/** The levels that count as satisfied in the satisfaction rate (满意率). */
export const SATISFIED_LEVELS: readonly SatisfactionLevel[] = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
]
export const DISSATISFIED_LEVELS: readonly SatisfactionLevel[] = ['dissatisfied', 'very_dissatisfied']

export const ANSWER_KEYS = [
  'feeCorrect',
  'amountPaid',
  'attitude',
  'promiseKept',
  'satisfaction',
  'comment',
] as const
export type AnswerKey = (typeof ANSWER_KEYS)[number]

export interface Answers {
  /** Charged the posted fee? null: not asked or not answered. */
  feeCorrect: boolean | null
  /** What the citizen says they paid (yuan), when not the posted fee. */
  amountPaid: number | null
  attitude: 1 | 2 | 3 | 4 | 5 | null
  promiseKept: boolean | null
  satisfaction: SatisfactionLevel | null
  /** The officer's note of anything else the citizen said (no contact data). */
  comment: string | null
}

export const EMPTY_ANSWERS: Answers = {
  feeCorrect: null,
  amountPaid: null,
  attitude: null,
  promiseKept: null,
  satisfaction: null,
  comment: null,
}

export type FoundKind = 'overcharge' | 'attitude' | 'missed_promise' | 'dissatisfied'

/** What the answers find, in a fixed order (one problem per kind). */
export function problemsIn(answers: Answers, feeSchedule: number | null): FoundKind[] {
  const found: FoundKind[] = []
  const paidMore = answers.amountPaid !== null && feeSchedule !== null && answers.amountPaid > feeSchedule
  if (answers.feeCorrect === false || paidMore) found.push('overcharge')
  if (answers.attitude === 1 || answers.attitude === 2) found.push('attitude')
  if (answers.promiseKept === false) found.push('missed_promise')
  if (answers.satisfaction !== null && DISSATISFIED_LEVELS.includes(answers.satisfaction))
    found.push('dissatisfied')
  return found
}

/** One staff line per kind (no citizen's words, numbers or names). */
export const PROBLEM_SUMMARIES: Record<FoundKind, string> = {
  overcharge: '回访发现收费与公示标准不符 (callback: fee charged above the posted schedule)',
  attitude: '回访中群众对工作人员态度评价为差 (callback: staff attitude rated 1–2 of 5)',
  missed_promise: '回访发现未在承诺时限内办结 (callback: the promised turnaround was not kept)',
  dissatisfied: '回访中群众表示不满意 (callback: the citizen was dissatisfied)',
}

export const isDissatisfied = (answers: Answers | null) =>
  answers?.satisfaction != null && DISSATISFIED_LEVELS.includes(answers.satisfaction)
