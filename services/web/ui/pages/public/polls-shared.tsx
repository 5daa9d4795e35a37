// What the polls' pages share: the rule said plainly, the phase badge, a question as a voter answers it
// (also the builder's preview), the ballot's checks as the API makes them, and the results (public page,
// after a vote, and the staff dashboard) as charts with their figures in tables.
import type { ReactNode } from 'react'
import {
  type AnswerInput,
  LEVELS,
  type Level,
  type LevelStats,
  type Phase,
  type PollResults,
  type PublicPoll,
  type Question,
  type QuestionResult,
} from '../../api/polls.ts'
import { Badge } from '../../components/bits.tsx'
import { BarChart, PALETTE, StackedBarChart } from '../../components/charts.tsx'
import { type FieldError, RadioGroup, TextArea, useFieldMessage } from '../../components/fields.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/zh-CN.ts'

/** The rule's label as the service words it, in the page's language. */
export function RuleText({ label }: { label: PublicPoll['ruleLabel'] }) {
  const { lang } = useI18n()
  return <>{lang === 'en' ? label.en : label.zh}</>
}

/** The rule, stated plainly, with what it means for the voter. */
export function RuleNote({ poll }: { poll: Pick<PublicPoll, 'rule' | 'ruleLabel'> }) {
  const { t, tx } = useI18n()
  return (
    <div
      className={`alert ${poll.ruleLabel.onePerPerson ? 'alert-info' : 'alert-warning'} poll-rule`}
      role="note"
      data-testid="poll-rule"
    >
      <p className="alert-title">
        {t('poll.rule')}: <RuleText label={poll.ruleLabel} />
      </p>
      <p>{tx('poll.ruleHelp', poll.rule)}</p>
    </div>
  )
}

const PHASE_TONE: Record<Phase, 'warn' | 'done' | 'muted' | 'danger'> = {
  draft: 'muted',
  upcoming: 'warn',
  open: 'done',
  closed: 'muted',
  archived: 'muted',
}

export function PhaseBadge({ phase }: { phase: Phase }) {
  const { tx } = useI18n()
  return <Badge tone={PHASE_TONE[phase]}>{tx('poll.phase', phase)}</Badge>
}

// ---- answering ----

/** One question's answer while the voter fills the form. */
export interface Draft {
  choice?: string
  choices?: string[]
  level?: Level
  ratings?: Record<string, Level>
  text?: string
}
export type Drafts = Record<string, Draft>

export const questionFieldId = (q: Pick<Question, 'questionId'>) => `poll-${q.questionId}`

/** The ballot's answers: only the questions answered, each in the field its kind takes. */
export function toAnswers(questions: readonly Question[], drafts: Drafts): AnswerInput[] {
  const out: AnswerInput[] = []
  for (const q of questions) {
    const d = drafts[q.questionId] ?? {}
    const base = { questionId: q.questionId }
    switch (q.kind) {
      case 'single':
        if (d.choice) out.push({ ...base, choice: d.choice })
        break
      case 'multiple':
        if (d.choices?.length) out.push({ ...base, choices: d.choices })
        break
      case 'satisfaction':
        if (d.level) out.push({ ...base, level: d.level })
        break
      case 'appraisal': {
        const ratings = Object.entries(d.ratings ?? {}).map(([itemId, level]) => ({ itemId, level }))
        if (ratings.length) out.push({ ...base, ratings })
        break
      }
      case 'text': {
        const text = (d.text ?? '').trim()
        if (text) out.push({ ...base, text })
        break
      }
    }
  }
  return out
}

/** The API's checks of a ballot (checkAnswers), per question, before anything is sent. */
export function checkBallot(questions: readonly Question[], drafts: Drafts): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {}
  for (const q of questions) {
    const d = drafts[q.questionId] ?? {}
    const set = (key: MessageKey, params?: Record<string, string | number>) => {
      errors[q.questionId] = params ? { key, params } : { key }
    }
    switch (q.kind) {
      case 'single':
        if (q.required && !d.choice) set('poll.v.choose')
        break
      case 'multiple': {
        const n = d.choices?.length ?? 0
        const min = q.min ?? 0
        const max = q.max ?? q.options?.length ?? 0
        if (n === 0 && q.required) set('poll.v.chooseBetween', { min, max })
        else if (n > 0 && (n < min || n > max)) set('poll.v.chooseBetween', { min, max })
        break
      }
      case 'satisfaction':
        if (q.required && !d.level) set('poll.v.level')
        break
      case 'appraisal': {
        const rated = Object.keys(d.ratings ?? {}).length
        if (q.required && rated !== (q.items?.length ?? 0)) set('poll.v.rateAll')
        break
      }
      case 'text': {
        const text = (d.text ?? '').trim()
        if (q.required && !text) set('v.required')
        else if (text.length > (q.maxLength ?? 1000)) set('poll.v.textMax', { max: q.maxLength ?? 1000 })
        break
      }
    }
  }
  return errors
}

/**
 * The question of a 400's `errors` entry: `body/answers/<i>/…` names the i-th answer sent, and
 * `body/answers` "must answer the required question q3" names the question.
 */
export function questionOfError(path: string, message: string, sent: readonly AnswerInput[]): string | null {
  const m = /^body\/answers\/(\d+)/.exec(path)
  if (m) return sent[Number(m[1])]?.questionId ?? null
  const q = /\b(q\d{1,3})\b/.exec(message)
  return q?.[1] ?? null
}

function KindHint({ q }: { q: Question }) {
  const { t } = useI18n()
  if (q.kind === 'multiple')
    return <>{t('poll.hint.multiple', { min: q.min ?? 0, max: q.max ?? q.options?.length ?? 0 })}</>
  if (q.kind === 'appraisal') return <>{t('poll.hint.appraisal')}</>
  if (q.kind === 'satisfaction') return <>{t('poll.hint.satisfaction')}</>
  return null
}

/** A question as the voter answers it; `disabled` for the builder's preview and a frozen poll. */
export function QuestionField({
  q,
  index,
  value,
  onChange,
  error,
  disabled,
}: {
  q: Question
  index: number
  value: Draft
  onChange(d: Draft): void
  error?: FieldError
  disabled?: boolean
}) {
  const { t, tx } = useI18n()
  const msg = useFieldMessage()(error)
  const id = questionFieldId(q)
  const title = (
    <>
      <span className="poll-q-number">{index + 1}.</span> {q.title}
    </>
  )
  const levels = LEVELS.map((l) => ({ value: l, label: tx('poll.level', l) }))
  switch (q.kind) {
    case 'single':
      return (
        <div className="poll-question" data-testid={`poll-q-${q.questionId}`}>
          <fieldset disabled={disabled} className="poll-fieldset">
            <RadioGroup
              id={id}
              legend={title}
              name={id}
              value={value.choice ?? ''}
              choices={(q.options ?? []).map((o) => ({ value: o.optionId, label: o.label }))}
              onChange={(v) => onChange({ choice: v })}
              error={error}
              required={q.required}
            />
          </fieldset>
        </div>
      )
    case 'multiple': {
      const chosen = value.choices ?? []
      return (
        <div className="poll-question" data-testid={`poll-q-${q.questionId}`}>
          <fieldset
            className={`field check-group${msg ? ' has-error' : ''}`}
            disabled={disabled}
            aria-describedby={`${id}-hint${msg ? ` ${id}-error` : ''}`}
          >
            <legend className="field-label">
              {title}
              <span className={q.required ? 'req' : 'opt'}>
                {q.required ? t('common.required') : t('common.optional')}
              </span>
            </legend>
            <p className="field-hint" id={`${id}-hint`}>
              <KindHint q={q} />
            </p>
            <div className="choices">
              {(q.options ?? []).map((o, i) => (
                <label key={o.optionId} className="choice">
                  <input
                    id={i === 0 ? id : undefined}
                    type="checkbox"
                    checked={chosen.includes(o.optionId)}
                    onChange={(e) =>
                      onChange({
                        choices: e.target.checked
                          ? (q.options ?? [])
                              .map((x) => x.optionId)
                              .filter((x) => x === o.optionId || chosen.includes(x))
                          : chosen.filter((x) => x !== o.optionId),
                      })
                    }
                  />
                  <span className="choice-label">{o.label}</span>
                </label>
              ))}
            </div>
            {msg && (
              <p className="field-error" id={`${id}-error`}>
                {msg}
              </p>
            )}
          </fieldset>
        </div>
      )
    }
    case 'satisfaction':
      return (
        <div className="poll-question" data-testid={`poll-q-${q.questionId}`}>
          <fieldset disabled={disabled} className="poll-fieldset">
            <RadioGroup
              id={id}
              legend={title}
              name={id}
              value={value.level ?? ''}
              choices={levels}
              onChange={(v) => onChange({ level: v as Level })}
              error={error}
              required={q.required}
              inline
            />
          </fieldset>
        </div>
      )
    case 'appraisal': {
      const ratings = value.ratings ?? {}
      return (
        <div className="poll-question" data-testid={`poll-q-${q.questionId}`}>
          <fieldset
            className={`field poll-appraisal${msg ? ' has-error' : ''}`}
            disabled={disabled}
            aria-describedby={`${id}-hint${msg ? ` ${id}-error` : ''}`}
          >
            <legend className="field-label">
              {title}
              <span className={q.required ? 'req' : 'opt'}>
                {q.required ? t('common.required') : t('common.optional')}
              </span>
            </legend>
            <p className="field-hint" id={`${id}-hint`}>
              <KindHint q={q} />
            </p>
            {(q.items ?? []).map((item, i) => (
              <fieldset key={item.itemId} className="poll-item">
                <legend>{item.label}</legend>
                <div className="choices inline">
                  {levels.map((l, k) => (
                    <label key={l.value} className="choice">
                      <input
                        id={i === 0 && k === 0 ? id : undefined}
                        type="radio"
                        name={`${id}-${item.itemId}`}
                        value={l.value}
                        checked={ratings[item.itemId] === l.value}
                        onChange={() => onChange({ ratings: { ...ratings, [item.itemId]: l.value } })}
                      />
                      <span className="choice-label">{l.label}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            {msg && (
              <p className="field-error" id={`${id}-error`}>
                {msg}
              </p>
            )}
          </fieldset>
        </div>
      )
    }
    case 'text': {
      const max = q.maxLength ?? 1000
      const n = (value.text ?? '').trim().length
      return (
        <div className="poll-question" data-testid={`poll-q-${q.questionId}`}>
          <TextArea
            id={id}
            label={title}
            required={q.required}
            disabled={disabled}
            rows={4}
            value={value.text ?? ''}
            onChange={(e) => onChange({ text: e.target.value })}
            error={error}
            hint={t('poll.hint.text')}
            extra={
              <span className={`counter${n > max ? ' over' : ''}`} aria-live="polite">
                {t('common.chars', { n, max })}
              </span>
            }
          />
        </div>
      )
    }
  }
}

// ---- results ----

export const LEVEL_COLORS: Record<Level, string> = {
  very_satisfied: PALETTE.green,
  satisfied: PALETTE.teal,
  basically_satisfied: PALETTE.blue,
  dissatisfied: PALETTE.amber,
  very_dissatisfied: PALETTE.red,
}

function RateText({ stats }: { stats: Pick<LevelStats, 'satisfactionRate'> }) {
  const { t, percent, number } = useI18n()
  const r = stats.satisfactionRate
  if (!r) return <>{t('poll.res.noAnswers')}</>
  return (
    <>
      {t('poll.res.rate', {
        rate: percent(r.rate),
        low: percent(r.low),
        high: percent(r.high),
        n: number(r.sample),
      })}
    </>
  )
}

function LevelFigures({ stats, testId }: { stats: LevelStats; testId?: string }) {
  const { t, number } = useI18n()
  return (
    <ul className="kpi-cards poll-figures" data-testid={testId}>
      <li className="kpi-card">
        <span className="kpi-label">{t('poll.res.satisfaction')}</span>
        <span className="kpi-value">
          <RateText stats={stats} />
        </span>
      </li>
      <li className="kpi-card">
        <span className="kpi-label">{t('poll.res.mean')}</span>
        <span className="kpi-value">{stats.mean === null ? '—' : stats.mean.toFixed(2)}</span>
        <span className="kpi-sub">{t('poll.res.meanScale')}</span>
      </li>
      <li className="kpi-card">
        <span className="kpi-label">{t('poll.res.answers')}</span>
        <span className="kpi-value">{number(stats.answers)}</span>
      </li>
    </ul>
  )
}

function Table({ caption, head, rows }: { caption: string; head: ReactNode[]; rows: ReactNode[][] }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows in the API's order
            <tr key={i}>
              {r.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                <td key={j} className={j > 0 ? 'num' : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function QuestionResultView({ q, index, staff }: { q: QuestionResult; index: number; staff: boolean }) {
  const { t, tx, number, percent } = useI18n()
  const levelSeries = LEVELS.map((l) => ({ key: l, label: tx('poll.level', l), color: LEVEL_COLORS[l] }))
  const distributionRow = (label: string, s: LevelStats) => ({
    label,
    values: Object.fromEntries(s.distribution.map((d) => [d.level, d.count])),
  })
  return (
    <section className="card poll-result" data-testid={`poll-result-${q.questionId}`}>
      <h3>
        {index + 1}. {q.title}
      </h3>
      <p className="muted">
        {tx('poll.kind', q.kind)} · {t('poll.res.answered', { n: number(q.answered) })}
      </p>
      {q.options && (
        <>
          <BarChart
            title={t('poll.res.perOption')}
            series={[{ key: 'share', label: t('poll.res.share'), color: PALETTE.blue }]}
            rows={q.options.map((o) => ({ label: o.label, values: { share: o.share } }))}
            max={1}
            format={(n) => percent(n)}
          />
          <Table
            caption={t('poll.res.perOptionTable')}
            head={[t('poll.res.option'), t('poll.res.count'), t('poll.res.share')]}
            rows={q.options.map((o) => [o.label, number(o.count), percent(o.share)])}
          />
          {q.kind === 'multiple' && <p className="field-hint">{t('poll.res.multipleNote')}</p>}
        </>
      )}
      {q.levels && (
        <>
          <LevelFigures stats={q.levels} testId={`poll-figures-${q.questionId}`} />
          <StackedBarChart
            title={t('poll.res.distribution')}
            series={levelSeries}
            rows={[distributionRow(q.title, q.levels)]}
            format={(r) => percent(r)}
          />
          <Table
            caption={t('poll.res.distribution')}
            head={[t('poll.res.level'), t('poll.res.count'), t('poll.res.share')]}
            rows={q.levels.distribution.map((d) => [
              tx('poll.level', d.level),
              number(d.count),
              percent(d.share),
            ])}
          />
        </>
      )}
      {q.items && (
        <>
          <StackedBarChart
            title={t('poll.res.distributionByItem')}
            series={levelSeries}
            rows={q.items.map((it) => distributionRow(it.label, it))}
            format={(r) => percent(r)}
          />
          <Table
            caption={t('poll.res.byItem')}
            head={[t('poll.res.item'), t('poll.res.answers'), t('poll.res.mean'), t('poll.res.satisfaction')]}
            rows={q.items.map((it) => [
              it.label,
              number(it.answers),
              it.mean === null ? '—' : it.mean.toFixed(2),
              <RateText key="r" stats={it} />,
            ])}
          />
        </>
      )}
      {q.kind === 'text' && (
        <>
          {q.comments && q.comments.length > 0 ? (
            <ul className="poll-comments" data-testid={`poll-comments-${q.questionId}`}>
              {q.comments.map((c) => (
                <li key={c.commentId} className="user-text">
                  {c.text}
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t('poll.res.noComments')}</p>
          )}
          <p className="field-hint">{t('poll.res.commentsNote')}</p>
          {staff && q.pendingComments !== undefined && (
            <p>
              <strong>{t('poll.res.pending', { n: number(q.pendingComments) })}</strong>
            </p>
          )}
        </>
      )}
    </section>
  )
}

/** A poll's results: the rule that applied, the ballots counted, each question's figures. */
export function ResultsView({ results, staff = false }: { results: PollResults; staff?: boolean }) {
  const { t, number } = useI18n()
  return (
    <div className="poll-results" data-testid="poll-results">
      <p className="poll-results-head">
        <strong data-testid="poll-ballots">{t('poll.res.ballots', { n: number(results.ballots) })}</strong>{' '}
        <PhaseBadge phase={results.phase} />{' '}
        <span className="muted">{results.final ? t('poll.res.final') : t('poll.res.live')}</span>
      </p>
      <p className="poll-rule-line" data-testid="poll-results-rule">
        {t('poll.rule')}: <RuleText label={results.ruleLabel} />
        {!results.ruleLabel.onePerPerson && <strong> · {t('poll.notOnePerPerson')}</strong>}
      </p>
      {results.questions.map((q, i) => (
        <QuestionResultView key={q.questionId} q={q} index={i} staff={staff} />
      ))}
    </div>
  )
}
