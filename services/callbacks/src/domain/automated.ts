// The automated callback line (自动语音回访) as a pure state machine: an outbound call with answering-
// machine detection; a person hears the consent line (1 agree, 2 refuse), then each keypad question of
// the task's script read in zh-CN with the keys to press, each repeated once when nothing (or a key that
// means nothing) is pressed. What the caller pressed so far travels in the signed webhook URLs (`a`: one
// entry per question, digits or empty for a question skipped), so a webhook is a function of its URL and
// its digits, and a redelivered one changes nothing twice. The routes (../routes/automated.ts) render the
// steps as call scripts and apply the outcomes with the task domain's applyAttempt.
//
// Keys: fee charged as posted 1 yes / 2 no; the amount paid as digits ending with # (asked only after
// "no", when the script has a keypad prompt for it); attitude 1–5; promise kept 1 yes / 2 no;
// satisfaction 1–5 = 非常满意, 满意, 基本满意, 不满意, 非常不满意. Free text is not asked on the keypad line.
import type { AttemptOutcome } from '../collections.ts'
import { type AnswerKey, type Answers, EMPTY_ANSWERS, SATISFACTION_LEVELS } from './answers.ts'
import type { Script } from './scripts.ts'

/** Tries a prompt gets: the first, and one repetition after no input. */
export const TRIES = 2
/** Seconds a prompt waits for keys. */
export const GATHER_SECONDS = 8
/** The amount paid: at most this many digits (yuan). */
export const MAX_AMOUNT_DIGITS = 6

export const CONSENT_LINE =
  '本次回访大约需要一分钟，您的回答将用于改进公安服务。同意接受回访请按1，不同意请按2。'
export const NOT_UNDERSTOOD = '对不起，没有收到您的有效按键。'
export const THANKS = '回访结束，感谢您的支持，再见。'
export const REFUSED_BYE = '好的，不再打扰您，再见。'
export const NO_INPUT_BYE = '没有收到您的按键，稍后将由工作人员与您联系，再见。'

/** A question the keypad line asks: its answer key, its prompt, and how the keys are taken. */
export interface KeypadQuestion {
  key: AnswerKey
  prompt: string
  /** One key (numDigits 1), or digits ending with # (the amount paid). */
  input: 'key' | 'amount'
}

/** The questions of a script the keypad line asks, in order (those with a keypad prompt it can take). */
export function keypadQuestions(script: Script): KeypadQuestion[] {
  const out: KeypadQuestion[] = []
  for (const q of script.questions) {
    if (!q.keypad || q.key === 'comment') continue
    out.push({ key: q.key, prompt: q.keypad, input: q.key === 'amountPaid' ? 'amount' : 'key' })
  }
  return out
}

/** What the keys pressed for a question mean; undefined when they mean nothing (pressed again). */
export function readKeys(q: KeypadQuestion, digits: string): string | undefined {
  switch (q.key) {
    case 'feeCorrect':
    case 'promiseKept':
      return digits === '1' || digits === '2' ? digits : undefined
    case 'attitude':
    case 'satisfaction':
      return /^[1-5]$/.test(digits) ? digits : undefined
    case 'amountPaid': {
      const amount = digits.replace(/#$/, '')
      return new RegExp(`^[0-9]{1,${MAX_AMOUNT_DIGITS}}$`).test(amount) ? String(Number(amount)) : undefined
    }
    default:
      return undefined
  }
}

/** The progress in a URL: one entry per question asked or skipped, joined by `.`. */
export function encodeProgress(entries: readonly string[]): string {
  return entries.join('.')
}

/** The entries of `a` for question index `q`; undefined when they do not fit (a URL not of this line). */
export function decodeProgress(a: string | undefined, q: number): string[] | undefined {
  const text = a ?? ''
  const entries = q === 0 ? (text === '' ? [] : undefined) : text.split('.')
  if (!entries || entries.length !== q) return undefined
  return entries.every((e) => /^[0-9]{0,6}$/.test(e)) ? entries : undefined
}

/**
 * The index of the next question to ask from `from` on, given the entries so far: the amount paid is
 * skipped (an empty entry) unless the fee was said not to be the posted one. Returns the entries with the
 * skipped ones filled in, and the index (questions.length: nothing left).
 */
export function nextQuestion(
  questions: readonly KeypadQuestion[],
  from: number,
  entries: readonly string[],
): { q: number; entries: string[] } {
  const out = [...entries]
  let q = from
  while (q < questions.length) {
    const question = questions[q] as KeypadQuestion
    if (question.key !== 'amountPaid') break
    const feeAt = questions.findIndex((x) => x.key === 'feeCorrect')
    const feeSaidNo = feeAt >= 0 && feeAt < q && out[feeAt] === '2'
    if (feeAt < 0 || feeSaidNo) break
    out.push('')
    q++
  }
  return { q, entries: out }
}

/** The answers the entries give (a question not asked, or skipped, is null). */
export function answersOf(questions: readonly KeypadQuestion[], entries: readonly string[]): Answers {
  const answers: Answers = { ...EMPTY_ANSWERS }
  questions.forEach((q, i) => {
    const e = entries[i]
    if (e === undefined || e === '') return
    switch (q.key) {
      case 'feeCorrect':
        answers.feeCorrect = e === '1'
        break
      case 'promiseKept':
        answers.promiseKept = e === '1'
        break
      case 'amountPaid':
        answers.amountPaid = Number(e)
        break
      case 'attitude':
        answers.attitude = Number(e) as Answers['attitude']
        break
      case 'satisfaction':
        answers.satisfaction = SATISFACTION_LEVELS[Number(e) - 1] ?? null
        break
    }
  })
  return answers
}

/** What the line does next. */
export type IvrStep =
  /** Read the consent line (again, after no input: `retry` 1). */
  | { kind: 'consent'; retry: number }
  /** Ask question `q` (again: `retry` 1) with the entries so far. */
  | { kind: 'ask'; q: number; retry: number; entries: string[]; question: KeypadQuestion }
  /** Every question answered: the survey is complete with these answers. */
  | { kind: 'complete'; answers: Answers }
  /** The call ends with an attempt of this outcome; the task goes back to the staff. */
  | { kind: 'end'; outcome: Extract<AttemptOutcome, 'refused' | 'no_input' | 'machine'> }

/** The call was answered: a machine ends it; anyone else hears the consent line. */
export function onAnswer(answeredBy: 'human' | 'machine' | 'fax' | 'unknown' | undefined): IvrStep {
  return answeredBy === 'machine' || answeredBy === 'fax'
    ? { kind: 'end', outcome: 'machine' }
    : { kind: 'consent', retry: 0 }
}

/** The consent line's keys (undefined: nothing pressed). */
export function onConsent(
  questions: readonly KeypadQuestion[],
  retry: number,
  digits: string | undefined,
): IvrStep {
  if (digits === '1') return ask(questions, 0, [])
  if (digits === '2') return { kind: 'end', outcome: 'refused' }
  return retry + 1 < TRIES ? { kind: 'consent', retry: retry + 1 } : { kind: 'end', outcome: 'no_input' }
}

/** A question's keys (undefined: nothing pressed): the next question, a repetition, the end. */
export function onKeys(
  questions: readonly KeypadQuestion[],
  q: number,
  retry: number,
  entries: readonly string[],
  digits: string | undefined,
): IvrStep {
  const question = questions[q]
  if (!question) return ask(questions, q, entries)
  const value = digits === undefined ? undefined : readKeys(question, digits)
  if (value === undefined)
    return retry + 1 < TRIES
      ? { kind: 'ask', q, retry: retry + 1, entries: [...entries], question }
      : { kind: 'end', outcome: 'no_input' }
  return ask(questions, q + 1, [...entries, value])
}

function ask(questions: readonly KeypadQuestion[], from: number, entries: readonly string[]): IvrStep {
  const next = nextQuestion(questions, from, entries)
  const question = questions[next.q]
  if (!question) return { kind: 'complete', answers: answersOf(questions, next.entries) }
  return { kind: 'ask', q: next.q, retry: 0, entries: next.entries, question }
}

/**
 * How a call the line placed ended, when no webhook recorded its attempt before (the final status):
 * busy and no answer as such; answered and then over (the citizen hung up) `hung_up`.
 */
export function outcomeOfFinalStatus(
  status: string,
): Extract<AttemptOutcome, 'busy' | 'no_answer' | 'hung_up'> | null {
  if (status === 'busy') return 'busy'
  if (status === 'no-answer' || status === 'failed' || status === 'canceled') return 'no_answer'
  if (status === 'completed') return 'hung_up'
  return null
}
