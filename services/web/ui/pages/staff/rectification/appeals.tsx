// Appeals (申诉): a department lead appeals a problem with reasons; a discipline officer upholds it (the
// problem is withdrawn from every KPI, visibly) or rejects it. The list, the appeal form and the decision.
import { type FormEvent, useState } from 'react'
import { ApiError, staffApi } from '../../../api/client.ts'
import { type AppealView, OFFICER_ROLES, orderPage, RECT } from '../../../api/rectification.ts'
import type { SessionUser } from '../../../api/types.ts'
import { Badge } from '../../../components/bits.tsx'
import { ErrorMessage } from '../../../components/feedback.tsx'
import { type FieldError, RadioGroup, TextArea } from '../../../components/fields.tsx'
import { hasRole } from '../../../components/layout.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { Link } from '../../../lib/router.tsx'
import { validateText } from '../../../lib/validate.ts'
import { useDeptName } from './shared.tsx'

/** The appeal form for one problem (the department's lead). */
export function AppealForm({
  problemId,
  onDone,
  onCancel,
}: {
  problemId: string
  onDone(a: AppealView): void
  onCancel(): void
}) {
  const { t } = useI18n()
  const [reasons, setReasons] = useState('')
  const [error, setError] = useState<FieldError>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const bad = validateText(reasons, 2000)
    setError(bad)
    if (bad) return
    setBusy(true)
    setFailure(null)
    try {
      onDone(
        await staffApi<AppealView>(`${RECT}/appeals`, {
          method: 'POST',
          body: { problemId, reasons: reasons.trim() },
        }),
      )
    } catch (err) {
      setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('rect.action.appeal')}>
      <p className="muted small">{t('rect.appeal.intro')}</p>
      <TextArea
        id={`appeal-${problemId}`}
        label={t('rect.f.reasons')}
        required
        rows={3}
        maxLength={2000}
        value={reasons}
        onChange={(e) => {
          setReasons(e.target.value)
          setError(null)
        }}
        error={error}
      />
      {failure ? <ErrorMessage error={failure} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy} data-submit="appeal">
          {t('rect.appeal.submit')}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

function DecideForm({
  appeal,
  onDone,
  onStale,
}: {
  appeal: AppealView
  onDone(a: AppealView): void
  onStale(): void
}) {
  const { t, tx } = useI18n()
  const [decision, setDecision] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const errs: Record<string, FieldError> = {
      decision: decision ? null : { key: 'v.required' },
      reason: validateText(reason, 2000),
    }
    setErrors(errs)
    if (errs.decision || errs.reason) return
    setBusy(true)
    setFailure(null)
    try {
      onDone(
        await staffApi<AppealView>(`${RECT}/appeals/${encodeURIComponent(appeal.appealId)}/decide`, {
          method: 'POST',
          body: { version: appeal.version, decision, reason: reason.trim() },
        }),
      )
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) onStale()
      setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('rect.appeal.decide')}>
      <RadioGroup
        id={`decide-${appeal.appealId}`}
        legend={t('rect.f.decision')}
        name={`decide-${appeal.appealId}`}
        required
        inline
        value={decision}
        onChange={setDecision}
        error={errors.decision}
        choices={(['upheld', 'rejected'] as const).map((d) => ({
          value: d,
          label: tx('rect.appeal.decision', d),
        }))}
      />
      <TextArea
        id={`decide-reason-${appeal.appealId}`}
        label={t('rect.appeal.decisionReason')}
        required
        rows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason}
      />
      {failure ? <ErrorMessage error={failure} /> : null}
      <button type="submit" className="btn btn-primary btn-small" disabled={busy} data-submit="decide">
        {t('rect.appeal.decide')}
      </button>
    </form>
  )
}

/** Appeals as a list; discipline officers decide the pending ones. */
export function AppealList({
  appeals,
  user,
  onChange,
  onStale,
  problemText,
}: {
  appeals: AppealView[]
  user: SessionUser
  onChange(a: AppealView): void
  onStale(): void
  /** The problem's words, when the page knows them. */
  problemText?: (problemId: string) => string | undefined
}) {
  const { t, tx, dateTime } = useI18n()
  const dept = useDeptName()
  const officer = hasRole(user, ...OFFICER_ROLES)
  if (!appeals.length) return <p className="empty">{t('rect.appeals.none')}</p>
  return (
    <ul className="rect-appeals" data-testid="rect-appeals">
      {appeals.map((a) => (
        <li key={a.appealId} className="card rect-appeal" data-appeal={a.appealId} data-status={a.status}>
          <p>
            <Badge tone={a.status === 'pending' ? 'warn' : a.status === 'upheld' ? 'done' : 'muted'}>
              {tx('rect.appeal.status', a.status)}
            </Badge>{' '}
            {dept(a.departmentId)} · {t('rect.appeal.submittedAt')} {dateTime(a.filed.at)}
            {a.orderId && (
              <>
                {' · '}
                <Link to={orderPage(a.orderId)}>{t('rect.order.header')}</Link>
              </>
            )}
          </p>
          <p className="small">
            {t('rect.appeal.problem')}:{' '}
            <span className="user-text">{problemText?.(a.problemId) ?? a.problemId}</span>
          </p>
          <p>
            {t('rect.appeal.reasons')}: <span className="user-text">{a.reasons}</span>
          </p>
          {a.decided && (
            <p>
              {t('rect.appeal.decisionReason')}: <span className="user-text">{a.decided.reason}</span>
            </p>
          )}
          {officer && a.status === 'pending' && <DecideForm appeal={a} onDone={onChange} onStale={onStale} />}
        </li>
      ))}
    </ul>
  )
}
