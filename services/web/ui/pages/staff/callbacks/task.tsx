// The callback screen (回访): the subject (the case, linked, or the service record with its fee against the
// schedule and its promised days), the masked number, "call" (the officer's phone rings first, then the
// citizen's: the number is never shown), "reveal number" (asked to confirm; recorded on the task), the
// script's questions as the answers form, the attempt's outcome, and the task's record (attempts, calls,
// reveals). Claim and release; a 409 reloads the task and says someone else changed it.
import { type FormEvent, type ReactNode, useState } from 'react'
import {
  type AnswerKey,
  type AnswersInput,
  type AttemptAnswer,
  type AttemptBody,
  type ClaimAnswer,
  type PlacedCall,
  type ReleaseAnswer,
  type Revealed,
  SATISFACTION_LEVELS,
  type SatisfactionLevel,
  STAFF_OUTCOMES,
  type StaffOutcome,
  type TaskDetail,
  type TaskView,
  taskPath,
} from '../../../api/callbacks.ts'
import { ApiError, staffApi } from '../../../api/client.ts'
import type { SessionUser } from '../../../api/types.ts'
import { Badge, Fact, Facts, PageHeading, UserText } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../../components/feedback.tsx'
import {
  ErrorSummary,
  type FieldError,
  RadioGroup,
  TextArea,
  TextField,
} from '../../../components/fields.tsx'
import { hasRole } from '../../../components/layout.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { Link } from '../../../lib/router.tsx'
import { isPlainText, serverFieldErrors } from '../../../lib/validate.ts'
import { useDeptName } from '../rectification/shared.tsx'
import { SubjectText, shanghaiToIso, TaskStatusBadge, useServiceType } from './shared.tsx'

const yuan = (n: number) => `¥${n.toFixed(2)}`

function Subject({ task, record }: { task: TaskView; record: TaskDetail['record'] }) {
  const { t, dateTime } = useI18n()
  const dept = useDeptName()
  const type = useServiceType()
  return (
    <section className="card" aria-labelledby="cb-subject-h" data-testid="cb-subject">
      <h2 id="cb-subject-h">{t('cb.task.subject')}</h2>
      <Facts>
        <Fact term={t('cb.col.subject')}>
          {task.subjectKind === 'case' && task.caseId ? (
            <Link to={`/staff/cases/${encodeURIComponent(task.caseId)}`} data-testid="cb-case-link">
              <SubjectText task={task} />
            </Link>
          ) : (
            <SubjectText task={task} />
          )}
        </Fact>
        <Fact term={t('cb.col.type')}>{type(task.serviceType)}</Fact>
        <Fact term={t('cb.col.department')}>{dept(task.departmentId)}</Fact>
        {(record?.office ?? task.office) && (
          <Fact term={t('cb.rec.office')}>{record?.office ?? task.office}</Fact>
        )}
        {(record?.window ?? task.window) && (
          <Fact term={t('cb.rec.window')}>{record?.window ?? task.window}</Fact>
        )}
        {(record?.staffNumber ?? task.staffNumber) && (
          <Fact term={t('cb.rec.staffNumber')}>{record?.staffNumber ?? task.staffNumber}</Fact>
        )}
        {task.applicantNameMasked && <Fact term={t('cb.rec.applicant')}>{task.applicantNameMasked}</Fact>}
        {record && (
          <>
            <Fact term={t('cb.rec.fee')}>
              <span data-testid="cb-fee">
                {t('cb.rec.feeVs', { charged: yuan(record.feeCharged), schedule: yuan(record.feeSchedule) })}
              </span>{' '}
              {record.feeCharged > record.feeSchedule && (
                <Badge tone="danger">{t('cb.rec.overSchedule')}</Badge>
              )}
            </Fact>
            <Fact term={t('cb.rec.promisedDays')}>{t('cb.rec.days', { n: record.promisedDays })}</Fact>
            <Fact term={t('cb.rec.completedAt')}>{dateTime(record.completedAt)}</Fact>
          </>
        )}
        <Fact term={t('cb.task.sampling')}>
          {t('cb.task.samplingRate', { rate: Math.round(task.samplingRate * 1000) / 10 })}
        </Fact>
      </Facts>
    </section>
  )
}

/** The record of the task: attempts, calls placed, numbers revealed. */
function TaskRecord({ task }: { task: TaskView }) {
  const { t, tx, dateTime } = useI18n()
  const who = (id: string | null, user: string) =>
    id === null ? t('cb.task.line') : id === user ? t('cb.task.you') : id
  const me = task.claim?.by ?? ''
  return (
    <section className="card" aria-labelledby="cb-record-h" data-testid="cb-record">
      <h2 id="cb-record-h">{t('cb.task.record')}</h2>
      <h3>{t('cb.task.attempts')}</h3>
      {task.attempts.length ? (
        <ol className="cb-attempts" data-testid="cb-attempts">
          {task.attempts.map((a) => (
            <li key={a.n} data-outcome={a.outcome}>
              {t('cb.task.attempt', {
                n: a.n,
                at: dateTime(a.at),
                outcome: tx('cb.outcome', a.outcome),
                channel: tx('cb.channel', a.channel),
              })}
              {a.by !== null && <span className="muted small"> · {who(a.by, me)}</span>}
              {a.callBackAt && (
                <span className="small"> · {t('cb.task.notBefore', { at: dateTime(a.callBackAt) })}</span>
              )}
              {a.note && <UserText text={a.note} className="small" />}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('cb.task.noAttempts')}</p>
      )}
      <h3>{t('cb.task.calls')}</h3>
      {task.calls.length ? (
        <ul data-testid="cb-calls">
          {task.calls.map((c) => (
            <li key={c.callId}>
              {t('cb.task.call', { at: dateTime(c.at), attempt: c.attempt })}
              <span className="muted small"> · {who(c.by, me)}</span>
              {c.dialStatus && <span className="muted small"> · {tx('cb.dial', c.dialStatus)}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('cb.task.noCalls')}</p>
      )}
      <h3>{t('cb.task.reveals')}</h3>
      {task.reveals.length ? (
        <ul data-testid="cb-reveals">
          {task.reveals.map((r) => (
            <li key={`${r.by}-${r.at}`}>
              {t('cb.task.reveal', { at: dateTime(r.at) })}
              <span className="muted small"> · {who(r.by, me)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('cb.task.noReveals')}</p>
      )}
    </section>
  )
}

/** The answers recorded by a completed survey. */
function AnswersFacts({ task }: { task: TaskView }) {
  const { t, tx } = useI18n()
  const a = task.answers
  if (!a) return null
  const yesNo = (v: boolean | null) =>
    v === null ? t('cb.ans.unanswered') : v ? t('common.yes') : t('common.no')
  return (
    <section className="card" aria-labelledby="cb-answers-h" data-testid="cb-answers">
      <h2 id="cb-answers-h">{t('cb.task.answers')}</h2>
      <Facts>
        <Fact term={t('cb.q.feeCorrect')}>{yesNo(a.feeCorrect)}</Fact>
        {a.amountPaid !== null && <Fact term={t('cb.q.amountPaid')}>{yuan(a.amountPaid)}</Fact>}
        <Fact term={t('cb.q.attitude')}>{a.attitude ?? t('cb.ans.unanswered')}</Fact>
        <Fact term={t('cb.q.promiseKept')}>{yesNo(a.promiseKept)}</Fact>
        <Fact term={t('cb.q.satisfaction')}>
          <span data-testid="cb-answer-satisfaction">
            {a.satisfaction ? tx('cb.sat', a.satisfaction) : t('cb.ans.unanswered')}
          </span>
        </Fact>
        {a.comment && (
          <Fact term={t('cb.q.comment')}>
            <UserText text={a.comment} />
          </Fact>
        )}
      </Facts>
    </section>
  )
}

interface AnswersForm {
  feeCorrect: '' | 'yes' | 'no'
  amountPaid: string
  attitude: string
  promiseKept: '' | 'yes' | 'no'
  satisfaction: '' | SatisfactionLevel
  comment: string
}
const EMPTY: AnswersForm = {
  feeCorrect: '',
  amountPaid: '',
  attitude: '',
  promiseKept: '',
  satisfaction: '',
  comment: '',
}
const FIELD_ID: Record<string, string> = {
  outcome: 'cb-outcome',
  at: 'cb-at',
  note: 'cb-note',
  feeCorrect: 'cb-q-feeCorrect',
  amountPaid: 'cb-q-amountPaid',
  attitude: 'cb-q-attitude',
  promiseKept: 'cb-q-promiseKept',
  satisfaction: 'cb-q-satisfaction',
  comment: 'cb-q-comment',
}
const MONEY = /^\d{1,7}(\.\d{1,2})?$/

function toAnswers(f: AnswersForm, asked: ReadonlySet<AnswerKey>): AnswersInput {
  const yn = (v: '' | 'yes' | 'no') => (v === '' ? null : v === 'yes')
  return {
    feeCorrect: asked.has('feeCorrect') ? yn(f.feeCorrect) : null,
    amountPaid: asked.has('amountPaid') && f.amountPaid.trim() ? Number(f.amountPaid.trim()) : null,
    attitude: asked.has('attitude') && f.attitude ? Number(f.attitude) : null,
    promiseKept: asked.has('promiseKept') ? yn(f.promiseKept) : null,
    satisfaction: asked.has('satisfaction') && f.satisfaction ? f.satisfaction : null,
    comment: asked.has('comment') && f.comment.trim() ? f.comment.trim() : null,
  }
}

/** The script's questions, the outcome of this attempt, and the note: one POST /attempts. */
function AttemptForm({
  detail,
  onDone,
}: {
  detail: TaskDetail
  onDone(task: TaskView, stale?: boolean): void
}) {
  const { t, tx, lang } = useI18n()
  const { task, script } = detail
  const [answers, setAnswers] = useState<AnswersForm>(EMPTY)
  const [outcome, setOutcome] = useState<StaffOutcome | ''>('')
  const [at, setAt] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const asked = new Set(script.questions.map((q) => q.key))
  const set = <K extends keyof AnswersForm>(k: K, v: AnswersForm[K]) => {
    setAnswers((a) => ({ ...a, [k]: v }))
    setErrors((e) => ({ ...e, [k]: null }))
  }
  const labels: Record<string, ReactNode> = {
    outcome: t('cb.form.outcome'),
    at: t('cb.form.at'),
    note: t('cb.form.note'),
    ...Object.fromEntries(script.questions.map((q) => [q.key, lang === 'en' ? q.text.en : q.text.zh])),
  }

  const check = (): Record<string, FieldError> => {
    const e: Record<string, FieldError> = {}
    if (!outcome) e.outcome = { key: 'v.required' }
    if (outcome === 'call_back_later') {
      if (!at) e.at = { key: 'v.required' }
      else if (!shanghaiToIso(at)) e.at = { key: 'cb.v.time' }
    }
    if (note.length > 500) e.note = { key: 'v.textLength', params: { min: 1, max: 500 } }
    else if (note && !isPlainText(note)) e.note = { key: 'v.controlChars' }
    if (outcome === 'completed') {
      if (answers.amountPaid.trim() && !MONEY.test(answers.amountPaid.trim()))
        e.amountPaid = { key: 'cb.v.money' }
      if (answers.comment.length > 2000) e.comment = { key: 'v.textLength', params: { min: 1, max: 2000 } }
      else if (answers.comment && !isPlainText(answers.comment)) e.comment = { key: 'v.controlChars' }
      const given = toAnswers(answers, asked)
      if (Object.values(given).every((v) => v === null)) e.satisfaction = { key: 'cb.v.noAnswers' }
    }
    return e
  }

  const submit = async (ev: FormEvent) => {
    ev.preventDefault()
    setFailure(null)
    const e = check()
    setErrors(e)
    if (Object.values(e).some(Boolean)) {
      requestAnimationFrame(() => document.getElementById('error-summary')?.focus())
      return
    }
    if (!outcome) return
    const body: AttemptBody = {
      version: task.version,
      outcome,
      ...(outcome === 'call_back_later' ? { at: shanghaiToIso(at) ?? '' } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(outcome === 'completed' ? { answers: toAnswers(answers, asked) } : {}),
    }
    setBusy(true)
    try {
      const next = await staffApi<AttemptAnswer>(`${taskPath(task.id)}/attempts`, {
        method: 'POST',
        body,
      })
      setAnswers(EMPTY)
      setOutcome('')
      setNote('')
      setAt('')
      onDone(next)
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'stale-version') {
        onDone(task, true)
        return
      }
      if (err instanceof ApiError && (err.status === 400 || err.status === 422)) {
        const { fields } = serverFieldErrors(err.problem.errors)
        const mapped: Record<string, FieldError> = {}
        for (const [path, message] of Object.entries(fields)) {
          const key =
            path === 'answers' ? (err.problem.errors?.[0]?.path.split('/').pop() ?? 'satisfaction') : path
          mapped[key in FIELD_ID ? key : 'outcome'] = message
        }
        if (Object.keys(mapped).length) setErrors(mapped)
        else setFailure(err)
      } else setFailure(err)
    } finally {
      setBusy(false)
    }
  }

  const q = (key: AnswerKey) => script.questions.find((x) => x.key === key)
  const text = (key: AnswerKey) => {
    const found = q(key)
    return found ? (lang === 'en' ? found.text.en : found.text.zh) : ''
  }
  const yesNo = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ]
  const question = (key: AnswerKey): ReactNode => {
    switch (key) {
      case 'feeCorrect':
        return (
          <RadioGroup
            key={key}
            id={FIELD_ID.feeCorrect}
            legend={text(key)}
            name="cb-feeCorrect"
            value={answers.feeCorrect}
            choices={yesNo}
            onChange={(v) => set('feeCorrect', v as AnswersForm['feeCorrect'])}
            error={errors.feeCorrect}
            inline
          />
        )
      case 'amountPaid':
        return (
          <TextField
            key={key}
            id={FIELD_ID.amountPaid}
            label={text(key)}
            hint={t('cb.form.amountHint')}
            inputMode="decimal"
            value={answers.amountPaid}
            onChange={(e) => set('amountPaid', e.target.value)}
            error={errors.amountPaid}
          />
        )
      case 'attitude':
        return (
          <RadioGroup
            key={key}
            id={FIELD_ID.attitude}
            legend={text(key)}
            name="cb-attitude"
            value={answers.attitude}
            choices={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('cb.form.score', { n }) }))}
            onChange={(v) => set('attitude', v)}
            error={errors.attitude}
            inline
          />
        )
      case 'promiseKept':
        return (
          <RadioGroup
            key={key}
            id={FIELD_ID.promiseKept}
            legend={text(key)}
            name="cb-promiseKept"
            value={answers.promiseKept}
            choices={yesNo}
            onChange={(v) => set('promiseKept', v as AnswersForm['promiseKept'])}
            error={errors.promiseKept}
            inline
          />
        )
      case 'satisfaction':
        return (
          <RadioGroup
            key={key}
            id={FIELD_ID.satisfaction}
            legend={text(key)}
            name="cb-satisfaction"
            value={answers.satisfaction}
            choices={SATISFACTION_LEVELS.map((s) => ({ value: s, label: tx('cb.sat', s) }))}
            onChange={(v) => set('satisfaction', v as SatisfactionLevel)}
            error={errors.satisfaction}
            inline
          />
        )
      case 'comment':
        return (
          <TextArea
            key={key}
            id={FIELD_ID.comment}
            label={text(key)}
            hint={t('cb.form.commentHint')}
            rows={3}
            maxLength={2000}
            value={answers.comment}
            onChange={(e) => set('comment', e.target.value)}
            error={errors.comment}
          />
        )
      default:
        return null
    }
  }

  return (
    <section className="card" aria-labelledby="cb-form-h">
      <h2 id="cb-form-h">{t('cb.form.title')}</h2>
      <p className="cb-intro" data-testid="cb-script-intro">
        {lang === 'en' ? script.intro.en : script.intro.zh}
      </p>
      <form onSubmit={submit} noValidate data-testid="cb-attempt-form">
        <ErrorSummary errors={errors} labels={labels} idFor={(f) => FIELD_ID[f] ?? f} />
        <RadioGroup
          id={FIELD_ID.outcome}
          legend={t('cb.form.outcome')}
          name="cb-outcome"
          value={outcome}
          required
          choices={STAFF_OUTCOMES.map((o) => ({ value: o, label: tx('cb.outcome', o) }))}
          onChange={(v) => {
            setOutcome(v as StaffOutcome)
            setErrors((e) => ({ ...e, outcome: null }))
          }}
          error={errors.outcome}
          inline
        />
        {outcome === 'completed' && (
          <fieldset className="cb-questions" data-testid="cb-questions">
            <legend>{t('cb.form.questions')}</legend>
            {script.questions.map((x) => question(x.key))}
          </fieldset>
        )}
        {outcome === 'call_back_later' && (
          <TextField
            id={FIELD_ID.at}
            type="datetime-local"
            label={t('cb.form.at')}
            hint={t('cb.form.atHint')}
            required
            value={at}
            onChange={(e) => {
              setAt(e.target.value)
              setErrors((x) => ({ ...x, at: null }))
            }}
            error={errors.at}
          />
        )}
        <TextArea
          id={FIELD_ID.note}
          label={t('cb.form.note')}
          hint={t('cb.form.noteHint')}
          rows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={errors.note}
        />
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="cb-record-attempt">
          {busy ? t('common.submitting') : t('cb.form.submit')}
        </button>
      </form>
      {failure ? <ErrorMessage error={failure} /> : null}
    </section>
  )
}

export function CallbackTaskPage({ taskId, user }: { taskId: string; user: SessionUser }) {
  const { t } = useI18n()
  useTitle(t('cb.task.title'))
  const state = useAsync((signal) => staffApi<TaskDetail>(taskPath(taskId), { signal }), [taskId])
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [stale, setStale] = useState(false)
  const [placed, setPlaced] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [revealed, setRevealed] = useState<string | null>(null)
  const [recorded, setRecorded] = useState(false)

  const update = (task: TaskView) => state.data && state.set({ ...state.data, task })
  const run = async (f: () => Promise<void>) => {
    setFailure(null)
    setStale(false)
    setBusy(true)
    try {
      await f()
    } catch (err) {
      if (err instanceof ApiError && (err.kind === 'stale-version' || err.status === 409)) {
        setStale(true)
        state.reload()
      }
      setFailure(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/callbacks">{t('cb.queue.title')}</Link>
      </p>
      <AsyncView state={state}>
        {(detail) => {
          const { task } = detail
          const mine = task.claim?.by === user.id
          const supervisor = hasRole(user, 'supervisor')
          const agent = hasRole(user, 'callback_agent', 'supervisor')
          const working = task.status === 'claimed' && mine
          const done = task.status === 'completed' || task.status === 'unreachable'
          const claim = () =>
            run(async () =>
              update(
                await staffApi<ClaimAnswer>(`${taskPath(task.id)}/claim`, {
                  method: 'POST',
                  body: { version: task.version },
                }),
              ),
            )
          const release = () =>
            run(async () =>
              update(
                await staffApi<ReleaseAnswer>(`${taskPath(task.id)}/release`, {
                  method: 'POST',
                  body: { version: task.version },
                }),
              ),
            )
          const call = () =>
            run(async () => {
              const answer = await staffApi<PlacedCall>(`${taskPath(task.id)}/call`, {
                method: 'POST',
                body: {},
              })
              setPlaced(answer.callId)
              update(answer.task)
            })
          const reveal = () =>
            run(async () => {
              const answer = await staffApi<Revealed>(`${taskPath(task.id)}/reveal`, {
                method: 'POST',
                body: {},
              })
              setRevealed(answer.phone)
              setConfirming(false)
              update(answer.task)
            })
          return (
            <>
              <PageHeading lead={t('cb.task.intro')}>
                {t('cb.task.title')} <TaskStatusBadge status={task.status} />
              </PageHeading>
              {stale && <Notice kind="warning">{t('cb.task.stale')}</Notice>}
              {recorded && (
                <Notice kind="success">
                  <span data-testid="cb-recorded">{t('cb.task.recorded')}</span>
                </Notice>
              )}
              <div className="cb-task-grid">
                <div>
                  <Subject task={task} record={detail.record} />
                  <section className="card" aria-labelledby="cb-phone-task-h" data-testid="cb-phone">
                    <h2 id="cb-phone-task-h">{t('cb.task.phone')}</h2>
                    <p className="mono cb-phone-masked" data-testid="cb-phone-masked">
                      {task.phoneMasked}
                    </p>
                    {revealed && (
                      <p className="mono cb-phone-clear" data-testid="cb-phone-revealed">
                        {revealed}
                      </p>
                    )}
                    {task.claim && (
                      <p className="small muted">
                        {mine ? t('cb.task.claimedByMe') : t('cb.task.claimedByOther')}
                      </p>
                    )}
                    {task.notBefore && (
                      <p className="small">{t('cb.task.notBefore', { at: task.notBefore.slice(0, 16) })}</p>
                    )}
                    <div className="row-actions">
                      {task.status === 'open' && agent && (
                        <button
                          type="button"
                          className="btn btn-primary"
                          onClick={() => void claim()}
                          disabled={busy}
                          data-testid="cb-claim"
                        >
                          {t('cb.task.claim')}
                        </button>
                      )}
                      {working && (
                        <button
                          type="button"
                          className="btn btn-primary"
                          onClick={() => void call()}
                          disabled={busy}
                          data-testid="cb-call"
                        >
                          {t('cb.task.callButton')}
                        </button>
                      )}
                      {(working || (supervisor && !done)) && !revealed && !confirming && (
                        <button
                          type="button"
                          className="btn btn-secondary"
                          onClick={() => setConfirming(true)}
                          disabled={busy}
                          data-testid="cb-reveal"
                        >
                          {t('cb.task.revealButton')}
                        </button>
                      )}
                      {working && (
                        <button
                          type="button"
                          className="btn btn-ghost"
                          onClick={() => void release()}
                          disabled={busy}
                          data-testid="cb-release"
                        >
                          {t('cb.task.release')}
                        </button>
                      )}
                    </div>
                    {confirming && (
                      <div className="alert alert-warning" role="alertdialog" aria-labelledby="cb-reveal-q">
                        <p id="cb-reveal-q" className="alert-title">
                          {t('cb.task.revealConfirm')}
                        </p>
                        <div className="row-actions">
                          <button
                            type="button"
                            className="btn btn-primary btn-small"
                            onClick={() => void reveal()}
                            disabled={busy}
                            data-testid="cb-reveal-confirm"
                          >
                            {t('cb.task.revealYes')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-ghost btn-small"
                            onClick={() => setConfirming(false)}
                          >
                            {t('common.cancel')}
                          </button>
                        </div>
                      </div>
                    )}
                    {placed && (
                      <Notice kind="info">
                        <span data-testid="cb-call-placed">{t('cb.task.placed')}</span>
                      </Notice>
                    )}
                    {failure ? <ErrorMessage error={failure} /> : null}
                  </section>
                  <AnswersFacts task={task} />
                </div>
                <div>
                  {working ? (
                    <AttemptForm
                      key={task.version}
                      detail={detail}
                      onDone={(next, wasStale) => {
                        if (wasStale) {
                          setStale(true)
                          state.reload()
                          return
                        }
                        setRecorded(true)
                        setPlaced(null)
                        update(next)
                      }}
                    />
                  ) : (
                    !done && (
                      <section className="card">
                        <h2>{t('cb.form.title')}</h2>
                        <p className="muted">{t('cb.task.claimFirst')}</p>
                      </section>
                    )
                  )}
                  <TaskRecord task={task} />
                </div>
              </div>
            </>
          )
        }}
      </AsyncView>
    </>
  )
}
