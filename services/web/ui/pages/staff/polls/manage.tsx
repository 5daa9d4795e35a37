// Staff: one poll (GET /polls/manage/{id}) — its settings, the lifecycle (publish, move the closing time
// later, close, archive, duplicate; each with the version read), invitations (CSV upload and the report),
// the running dashboard (staff results, refreshed while the poll runs), the CSV exports fetched with the
// token, and the moderation of free-text answers (approve with personal data removed, reject, turn into a
// case).
import { type FormEvent, useEffect, useState } from 'react'
import { staffApi, staffDownload } from '../../../api/client.ts'
import {
  COMMENT_STATUSES,
  type CommentStatus,
  type Escalate,
  fromShanghaiLocal,
  type InvitationReport,
  POLLS,
  type PollResults,
  type StaffComment,
  type StaffPoll,
  shanghaiText,
  toShanghaiLocal,
} from '../../../api/polls.ts'
import { CATEGORIES } from '../../../api/types.ts'
import { Fact, Facts, PageHeading, UserText } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../../components/feedback.tsx'
import { type FieldError, SelectField, TextArea, TextField } from '../../../components/fields.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { Link } from '../../../lib/router.tsx'
import { isOneLine } from '../../../lib/validate.ts'
import { PhaseBadge, QuestionField, ResultsView, RuleText } from '../../public/polls-shared.tsx'
import { useDepartments } from '../use-staff.ts'
import { openPoll } from './list.tsx'

const path = (p: { pollId: string }, rest = '') => `${POLLS}/${encodeURIComponent(p.pollId)}${rest}`

/** A published poll's questions, read-only, and the closing time that may only move later. */
export function FrozenPoll({ poll, onChanged }: { poll: StaffPoll; onChanged(p: StaffPoll): void }) {
  const { t } = useI18n()
  return (
    <>
      {poll.status === 'published' && poll.phase !== 'closed' && (
        <ClosingTimeForm poll={poll} onChanged={onChanged} />
      )}
      <section className="card" aria-labelledby="pm-frozen-q" data-testid="pm-frozen">
        <h2 id="pm-frozen-q">{t('pm.questions')}</h2>
        {poll.status !== 'draft' && <p className="field-hint">{t('pm.frozenShort')}</p>}
        {poll.questions.map((q, i) => (
          <QuestionField key={q.questionId} q={q} index={i} value={{}} onChange={() => {}} disabled />
        ))}
      </section>
    </>
  )
}

function ClosingTimeForm({ poll, onChanged }: { poll: StaffPoll; onChanged(p: StaffPoll): void }) {
  const { t } = useI18n()
  const [value, setValue] = useState(toShanghaiLocal(poll.closesAt))
  const [error, setError] = useState<FieldError>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const iso = fromShanghaiLocal(value)
    if (!iso) return setError({ key: 'v.required' })
    if (Date.parse(iso) <= Date.parse(poll.closesAt)) return setError({ key: 'pm.v.later' })
    setError(null)
    try {
      onChanged(
        await staffApi<StaffPoll>(path(poll, '/closes-at'), {
          method: 'PUT',
          body: { version: poll.version, closesAt: iso },
        }),
      )
    } catch (err) {
      setFailure(err)
    }
  }
  return (
    <form className="card filters" onSubmit={submit} noValidate>
      <TextField
        id="pm-extend"
        type="datetime-local"
        label={t('pm.extend')}
        hint={t('pm.extendHint', { at: shanghaiText(poll.closesAt) })}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={error}
        required
      />
      <div className="filters-actions">
        <button type="submit" className="btn btn-secondary">
          {t('pm.extendSave')}
        </button>
      </div>
      {failure ? <ErrorMessage error={failure} /> : null}
    </form>
  )
}

function Lifecycle({ poll, onChanged }: { poll: StaffPoll; onChanged(p: StaffPoll): void }) {
  const { t } = useI18n()
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const act = async (step: 'publish' | 'close' | 'archive', confirmKey?: 'pm.confirmClose') => {
    if (confirmKey && !window.confirm(t(confirmKey))) return
    setFailure(null)
    setBusy(true)
    try {
      onChanged(
        await staffApi<StaffPoll>(path(poll, `/${step}`), {
          method: 'POST',
          body: { version: poll.version },
        }),
      )
    } catch (err) {
      setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  const duplicate = async () => {
    setFailure(null)
    try {
      const copy = await staffApi<StaffPoll>(path(poll, '/duplicate'), { method: 'POST' })
      openPoll(copy.pollId, '/edit')
    } catch (err) {
      setFailure(err)
    }
  }
  return (
    <div className="pm-actions">
      <div className="row-actions">
        {poll.status === 'draft' && (
          <>
            <Link to={`/staff/polls/${encodeURIComponent(poll.pollId)}/edit`} className="btn btn-secondary">
              {t('common.edit')}
            </Link>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => void act('publish')}
              data-testid="pm-publish"
            >
              {t('pm.publish')}
            </button>
          </>
        )}
        {poll.status === 'published' && (
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy}
            onClick={() => void act('close', 'pm.confirmClose')}
            data-testid="pm-close"
          >
            {t('pm.close')}
          </button>
        )}
        {poll.status === 'closed' && (
          <button
            type="button"
            className="btn btn-secondary"
            disabled={busy || !poll.settled}
            onClick={() => void act('archive')}
          >
            {t('pm.archive')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void duplicate()}
          data-testid="pm-duplicate"
        >
          {t('pm.duplicate')}
        </button>
      </div>
      {poll.status === 'draft' && <p className="field-hint">{t('pm.publishHint')}</p>}
      {failure ? <ErrorMessage error={failure} /> : null}
    </div>
  )
}

function Invitations({ poll }: { poll: StaffPoll }) {
  const { t, number } = useI18n()
  const [csv, setCsv] = useState('')
  const [error, setError] = useState<FieldError>(null)
  const [report, setReport] = useState<InvitationReport | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const count = useAsync(
    (signal) =>
      staffApi<{ invited: number }>(`${POLLS}/manage/${encodeURIComponent(poll.pollId)}/invitations`, {
        signal,
      }),
    [poll.pollId, report],
  )
  const open = poll.phase !== 'closed' && poll.phase !== 'archived'
  const upload = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    if (!csv.trim()) return setError({ key: 'v.required' })
    if (csv.length > 200_000) return setError({ key: 'pm.v.csvSize' })
    setError(null)
    try {
      setReport(
        await staffApi<InvitationReport>(path(poll, '/invitations'), { method: 'POST', body: { csv } }),
      )
      setCsv('')
    } catch (err) {
      setFailure(err)
    }
  }
  return (
    <section className="card" aria-labelledby="pm-inv" data-testid="pm-invitations">
      <h2 id="pm-inv">{t('pm.inv.title')}</h2>
      <p>{t('pm.inv.count', { n: count.data ? number(count.data.invited) : '…' })}</p>
      {open ? (
        <form onSubmit={upload} noValidate>
          <TextField
            id="pm-inv-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            label={t('pm.inv.file')}
            onChange={async (e) => {
              const file = e.target.files?.[0]
              if (file) setCsv(await file.text())
            }}
          />
          <TextArea
            id="pm-inv-csv"
            label={t('pm.inv.csv')}
            hint={t('pm.inv.hint')}
            rows={5}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            error={error}
            required
          />
          <button type="submit" className="btn btn-primary">
            {t('pm.inv.send')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('pm.inv.closed')}</p>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
      {report && (
        <Notice kind={report.rejected.length ? 'warning' : 'success'}>
          <p className="alert-title" data-testid="pm-inv-report">
            {t('pm.inv.report', { ok: number(report.accepted), bad: number(report.rejected.length) })}
          </p>
          {report.rejected.length > 0 && (
            <ul>
              {report.rejected.map((r) => (
                <li key={`${r.line}-${r.reason}`}>
                  {t('pm.inv.line', { n: r.line })}: {t(`pm.inv.reason.${r.reason}`)}
                </li>
              ))}
            </ul>
          )}
        </Notice>
      )}
    </section>
  )
}

function Dashboard({ poll }: { poll: StaffPoll }) {
  const { t } = useI18n()
  const [failure, setFailure] = useState<unknown>(null)
  const state = useAsync(
    (signal) =>
      staffApi<PollResults>(`${POLLS}/manage/${encodeURIComponent(poll.pollId)}/results`, { signal }),
    [poll.pollId, poll.version],
  )
  const running = poll.phase === 'open'
  const { reload } = state
  // live figures while the poll runs: a new count every 15 s
  useEffect(() => {
    if (!running) return
    const timer = setInterval(reload, 15_000)
    return () => clearInterval(timer)
  }, [running, reload])
  const download = async (kind: 'results' | 'ballots') => {
    setFailure(null)
    try {
      await staffDownload(
        `${POLLS}/manage/${encodeURIComponent(poll.pollId)}/${kind}.csv`,
        `${poll.pollId}-${kind}.csv`,
      )
    } catch (err) {
      setFailure(err)
    }
  }
  return (
    <section aria-labelledby="pm-dash" data-testid="pm-dashboard">
      <h2 id="pm-dash">{running ? t('pm.dash.live') : t('pm.dash.title')}</h2>
      <div className="row-actions">
        <button type="button" className="btn btn-secondary btn-small" onClick={reload}>
          {t('common.refresh')}
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => void download('results')}
          data-testid="pm-export-results"
        >
          {t('pm.export.results')}
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => void download('ballots')}
          data-testid="pm-export-ballots"
        >
          {t('pm.export.ballots')}
        </button>
      </div>
      {failure ? <ErrorMessage error={failure} /> : null}
      <AsyncView state={state}>{(r) => <ResultsView results={r} staff />}</AsyncView>
    </section>
  )
}

function CommentItem({ poll, c, onDone }: { poll: StaffPoll; c: StaffComment; onDone(): void }) {
  const { t, tx } = useI18n()
  const [text, setText] = useState(c.publicText ?? c.text)
  const [escalating, setEscalating] = useState(false)
  const [category, setCategory] = useState<Escalate['category'] | ''>('')
  const [subject, setSubject] = useState('')
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [escalated, setEscalated] = useState(c.escalated)
  const base = path(poll, `/comments/${encodeURIComponent(c.commentId)}`)
  const moderate = async (decision: 'approve' | 'reject') => {
    setFailure(null)
    if (decision === 'approve' && !text.trim()) return setErrors({ text: { key: 'v.required' } })
    try {
      await staffApi<StaffComment>(`${base}/moderation`, {
        method: 'POST',
        body: decision === 'approve' ? { decision, text: text.trim() } : { decision },
      })
      onDone()
    } catch (err) {
      setFailure(err)
    }
  }
  const escalate = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const found: Record<string, FieldError> = {}
    if (!category) found.category = { key: 'v.category' }
    if (!subject.trim()) found.subject = { key: 'v.required' }
    else if (!isOneLine(subject.trim()) || subject.trim().length > 200) found.subject = { key: 'v.oneLine' }
    setErrors(found)
    if (Object.keys(found).length || !category) return
    try {
      await staffApi<StaffComment>(`${base}/escalation`, {
        method: 'POST',
        body: { category, subject: subject.trim(), ...(text.trim() ? { text: text.trim() } : {}) },
      })
      setEscalated(true)
      setEscalating(false)
    } catch (err) {
      setFailure(err)
    }
  }
  return (
    <li className="card pm-comment" data-testid="pm-comment">
      <p className="muted small">
        {c.questionTitle} · {c.day} · {tx('pm.comment', c.status)}
        {escalated && <strong> · {t('pm.comment.escalated')}</strong>}
      </p>
      <UserText text={c.text} />
      {c.status === 'pending' && (
        <TextArea
          id={`pm-c-${c.commentId}`}
          label={t('pm.comment.publicText')}
          hint={t('pm.comment.publicHint')}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={errors.text}
        />
      )}
      {c.status === 'approved' && c.publicText && (
        <p>
          {t('pm.comment.published')}: <UserText text={c.publicText} inline />
        </p>
      )}
      <div className="row-actions">
        {c.status === 'pending' && (
          <>
            <button
              type="button"
              className="btn btn-primary btn-small"
              onClick={() => void moderate('approve')}
            >
              {t('pm.comment.approve')}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => void moderate('reject')}
            >
              {t('pm.comment.reject')}
            </button>
          </>
        )}
        {!escalated && (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-expanded={escalating}
            onClick={() => setEscalating((x) => !x)}
          >
            {t('pm.comment.toCase')}
          </button>
        )}
      </div>
      {escalating && (
        <form onSubmit={escalate} noValidate className="pm-escalate">
          <SelectField
            id={`pm-e-cat-${c.commentId}`}
            label={t('pm.comment.category')}
            value={category}
            onChange={(e) => setCategory(e.target.value as Escalate['category'])}
            error={errors.category}
            required
          >
            <option value="">—</option>
            {CATEGORIES.map((k) => (
              <option key={k} value={k}>
                {tx('category', k)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`pm-e-subj-${c.commentId}`}
            label={t('pm.comment.subject')}
            maxLength={200}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            error={errors.subject}
            required
          />
          <p className="field-hint">{t('pm.comment.caseHint')}</p>
          <button type="submit" className="btn btn-primary btn-small">
            {t('pm.comment.openCase')}
          </button>
        </form>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
    </li>
  )
}

function Moderation({ poll }: { poll: StaffPoll }) {
  const { t, tx } = useI18n()
  const [status, setStatus] = useState<CommentStatus>('pending')
  const state = useAsync(
    (signal) =>
      staffApi<{ items: StaffComment[]; truncated: boolean }>(
        `${POLLS}/manage/${encodeURIComponent(poll.pollId)}/comments`,
        { query: { status }, signal },
      ),
    [poll.pollId, status],
  )
  return (
    <section aria-labelledby="pm-mod" data-testid="pm-moderation">
      <h2 id="pm-mod">{t('pm.mod.title')}</h2>
      <p className="field-hint">{t('pm.mod.intro')}</p>
      <div className="hl-tabs">
        {COMMENT_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={`hl-tab${s === status ? ' current' : ''}`}
            aria-pressed={s === status}
            onClick={() => setStatus(s)}
          >
            {tx('pm.comment', s)}
          </button>
        ))}
      </div>
      <AsyncView state={state}>
        {({ items, truncated }) =>
          items.length ? (
            <>
              <ul className="pm-comments">
                {items.map((c) => (
                  <CommentItem key={c.commentId} poll={poll} c={c} onDone={state.reload} />
                ))}
              </ul>
              {truncated && <p className="muted">{t('pm.mod.truncated')}</p>}
            </>
          ) : (
            <p className="empty">{t('pm.mod.none')}</p>
          )
        }
      </AsyncView>
    </section>
  )
}

export function ManagePollPage({ pollId }: { pollId: string }) {
  const { t, tx, deptName } = useI18n()
  const departments = useDepartments()
  const state = useAsync(
    (signal) => staffApi<StaffPoll>(`${POLLS}/manage/${encodeURIComponent(pollId)}`, { signal }),
    [pollId],
  )
  useTitle(state.data?.title ?? t('pm.list.title'))
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/polls">{t('pm.list.title')}</Link>
      </p>
      <AsyncView state={state}>
        {(poll) => (
          <div data-testid="pm-poll" data-status={poll.status}>
            <PageHeading>
              {poll.title} <PhaseBadge phase={poll.phase} />
            </PageHeading>
            <Facts>
              <Fact term={t('pm.list.status')}>{tx('pm.status', poll.status)}</Fact>
              <Fact term={t('poll.rule')}>
                <RuleText label={poll.ruleLabel} />
              </Fact>
              <Fact term={t('pm.field.results')}>{tx('pm.visibility', poll.results)}</Fact>
              <Fact term={t('pm.field.opensAt')}>{shanghaiText(poll.opensAt)}</Fact>
              <Fact term={t('pm.field.closesAt')}>{shanghaiText(poll.closesAt)}</Fact>
              <Fact term={t('pm.field.department')}>
                {poll.departmentId ? deptName(departments.byId.get(poll.departmentId)) : t('common.none')}
              </Fact>
              {poll.status !== 'draft' && (
                <Fact term={t('pm.publicPage')}>
                  <Link to={`/polls/${encodeURIComponent(poll.pollId)}`}>{`/polls/${poll.pollId}`}</Link>
                </Fact>
              )}
            </Facts>
            {poll.description && <UserText text={poll.description} />}
            <Lifecycle poll={poll} onChanged={state.set} />
            {poll.status === 'draft' ? (
              <FrozenPoll poll={poll} onChanged={state.set} />
            ) : (
              <>
                {poll.rule === 'invitation' && <Invitations poll={poll} />}
                <Dashboard poll={poll} />
                <Moderation poll={poll} />
                <details className="card">
                  <summary>{t('pm.questions')}</summary>
                  <FrozenPoll poll={poll} onChanged={state.set} />
                </details>
              </>
            )}
          </div>
        )}
      </AsyncView>
    </>
  )
}
