// The form of one case action: its fields, checked as the API checks them, posted with the version the
// page shows.
import { type FormEvent, useEffect, useState } from 'react'
import { ApiError, staffApi } from '../../../api/client.ts'
import type { Action, CaseView, Page, SessionUser, StaffUser } from '../../../api/types.ts'
import { UserText } from '../../../components/bits.tsx'
import { ErrorMessage } from '../../../components/feedback.tsx'
import {
  CheckboxField,
  CheckboxGroup,
  type FieldError,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/fields.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { serverFieldErrors, TRACKING_CODE } from '../../../lib/validate.ts'
import { useDepartments } from '../use-staff.ts'
import {
  type ActionValues,
  actionRequest,
  CONCERN_LIMITS,
  FINDINGS,
  MAX_EXTENSION_DAYS,
  TEXT_FIELD,
  takesFinding,
} from './action-request.ts'

export function ActionForm({
  action,
  c,
  user,
  onDone,
  onStale,
  onCancel,
}: {
  action: Action
  c: CaseView
  user: SessionUser
  onDone(c: CaseView): void
  onStale(): void
  onCancel(): void
}) {
  const { t, tx, deptName } = useI18n()
  const { list: departments } = useDepartments()
  const [v, setV] = useState<ActionValues>({
    departmentId: '',
    supportingDepartmentIds: [],
    assigneeId: '',
    note: '',
    reason: '',
    text: (action === 'reply' && c.draftReply?.text) || '',
    public: c.consentToPublish,
    days: '',
    intoCode: '',
    finding: '',
    office: action === 'concerns' ? (c.concerns?.office ?? '') : '',
    window: action === 'concerns' ? (c.concerns?.window ?? '') : '',
    staffNumber: action === 'concerns' ? (c.concerns?.staffNumber ?? '') : '',
  })
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)
  const [target, setTarget] = useState<CaseView | null | undefined>(undefined)
  const set = <K extends keyof ActionValues>(k: K, value: ActionValues[K]) => {
    setV((old) => ({ ...old, [k]: value }))
    setErrors((e) => ({ ...e, [k]: null }))
  }
  const mayListUsers = user.roles.includes('admin')
  const [assignees, setAssignees] = useState<StaffUser[]>([])
  useEffect(() => {
    if (action !== 'assign' || !mayListUsers || !v.departmentId) {
      setAssignees([])
      return
    }
    let live = true
    staffApi<Page<StaffUser>>('/users', {
      query: { departmentId: v.departmentId, active: true, limit: 200 },
    }).then(
      (p) => live && setAssignees(p.items),
      () => live && setAssignees([]),
    )
    return () => {
      live = false
    }
  }, [action, mayListUsers, v.departmentId])

  const textRule = TEXT_FIELD[action]
  const formId = `action-form-${action.replace('/', '-')}`

  const findTarget = async () => {
    const code = v.intoCode.trim().toUpperCase()
    if (!TRACKING_CODE.test(code)) {
      setErrors((e) => ({ ...e, intoCode: { key: 'v.trackingCode' } }))
      return
    }
    try {
      const page = await staffApi<Page<CaseView>>('/cases', { query: { q: code, limit: 5 } })
      setTarget(page.items.find((x) => x.trackingCode === code && x.id !== c.id) ?? null)
    } catch (err) {
      setFailure(err)
    }
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const { body, errors: errs } = actionRequest(action, v, c.version, target)
    setErrors(errs)
    if (Object.keys(errs).length) return
    setSending(true)
    setFailure(null)
    try {
      const updated = await staffApi<CaseView>(`/cases/${encodeURIComponent(c.id)}/${action}`, {
        method: 'POST',
        body,
      })
      onDone(updated)
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'stale-version') {
        onStale()
        return
      }
      if (err instanceof ApiError && err.status === 400 && err.problem.errors?.length) {
        const { fields } = serverFieldErrors(err.problem.errors)
        setErrors(fields)
      }
      setFailure(err)
    } finally {
      setSending(false)
    }
  }

  const help: Partial<Record<Action, string>> = {
    sign: t('action.help.sign'),
    'reply/approve': t('action.help.reply/approve'),
    close: t('action.help.close'),
    'extension/approve': t('action.help.extension/approve'),
    concerns: t('action.help.concerns'),
  }
  const active = departments.filter((d) => d.active)

  return (
    <form
      id={formId}
      className="form action-form"
      onSubmit={submit}
      noValidate
      aria-label={tx('action', action)}
    >
      <h3>{tx('action', action)}</h3>
      {help[action] && <p className="muted">{help[action]}</p>}
      {(action === 'extension/approve' || action === 'extension/refuse') && c.extension && (
        <p>
          <UserText
            inline
            text={t('case.extensionText', { days: c.extension.days, reason: c.extension.reason })}
          />
        </p>
      )}
      {(action === 'reply/approve' || action === 'reply/send-back') && c.draftReply && (
        <div className="quote">
          <UserText text={c.draftReply.text} />
        </div>
      )}
      {action === 'assign' && (
        <>
          <SelectField
            id="assign-department"
            label={t('f.department')}
            required
            value={v.departmentId}
            onChange={(e) => set('departmentId', e.target.value)}
            error={errors.departmentId}
          >
            <option value="">{t('f.department.choose')}</option>
            {active.map((d) => (
              <option key={d.id} value={d.id} data-code={d.code}>
                {deptName(d)}
              </option>
            ))}
          </SelectField>
          <CheckboxGroup
            legend={t('f.supporting')}
            values={v.supportingDepartmentIds}
            onChange={(vals) => set('supportingDepartmentIds', vals)}
            choices={active
              .filter((d) => d.id !== v.departmentId)
              .map((d) => ({ value: d.id, label: deptName(d) }))}
          />
          {mayListUsers && v.departmentId && (
            <SelectField
              id="assign-assignee"
              label={t('f.assignee')}
              value={v.assigneeId}
              onChange={(e) => set('assigneeId', e.target.value)}
            >
              <option value="">{t('f.assignee.none')}</option>
              {assignees.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName} ({u.username})
                </option>
              ))}
            </SelectField>
          )}
          <TextArea
            id="assign-note"
            label={t('f.note')}
            rows={3}
            maxLength={2000}
            value={v.note}
            onChange={(e) => set('note', e.target.value)}
            error={errors.note}
          />
        </>
      )}
      {action === 'extension' && (
        <TextField
          id="extension-days"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_EXTENSION_DAYS}
          label={t('f.days')}
          hint={t('v.days')}
          required
          value={v.days}
          onChange={(e) => set('days', e.target.value)}
          error={errors.days}
        />
      )}
      {textRule && (
        <TextArea
          id={`${formId}-${textRule.field}`}
          label={
            textRule.field === 'reason'
              ? t('f.reason')
              : action === 'escalate'
                ? t('f.escalateNote')
                : action === 'notes'
                  ? t('f.noteText')
                  : t('f.text')
          }
          required
          rows={textRule.max > 2000 ? 8 : 4}
          maxLength={textRule.max}
          value={v[textRule.field]}
          onChange={(e) => set(textRule.field, e.target.value)}
          error={errors[textRule.field]}
        />
      )}
      {(action === 'answer' || action === 'reply') && takesFinding(c.category) && (
        <SelectField
          id={`${formId}-finding`}
          label={t('f.finding')}
          hint={t('f.finding.hint')}
          value={v.finding}
          onChange={(e) => set('finding', e.target.value)}
          error={errors.finding}
        >
          <option value="">{t('f.finding.none')}</option>
          {FINDINGS.map((f) => (
            <option key={f} value={f}>
              {tx('finding', f)}
            </option>
          ))}
        </SelectField>
      )}
      {action === 'concerns' && (
        <>
          <TextField
            id="concerns-office"
            label={t('case.concerns.office')}
            maxLength={CONCERN_LIMITS.office}
            value={v.office}
            onChange={(e) => set('office', e.target.value)}
            error={errors.office}
          />
          <TextField
            id="concerns-window"
            label={t('case.concerns.window')}
            maxLength={CONCERN_LIMITS.window}
            value={v.window}
            onChange={(e) => set('window', e.target.value)}
            error={errors.window}
          />
          <TextField
            id="concerns-staffNumber"
            label={t('case.concerns.staffNumber')}
            hint={t('rect.v.staffNumber')}
            maxLength={20}
            className="mono"
            value={v.staffNumber}
            onChange={(e) => set('staffNumber', e.target.value)}
            error={errors.staffNumber}
          />
        </>
      )}
      {(action === 'answer' || action === 'reply') && (
        <CheckboxField
          id={`${formId}-public`}
          label={t('f.public')}
          checked={v.public}
          onChange={(e) => set('public', e.target.checked)}
        />
      )}
      {action === 'merge' && (
        <>
          <div className="inline-field">
            <TextField
              id="merge-code"
              label={t('f.intoCase')}
              required
              className="mono"
              maxLength={10}
              value={v.intoCode}
              onChange={(e) => {
                set('intoCode', e.target.value)
                setTarget(undefined)
              }}
              error={errors.intoCode}
            />
            <button type="button" className="btn btn-secondary" onClick={findTarget}>
              {t('f.intoCase.find')}
            </button>
          </div>
          {target && (
            <p role="status">
              {t('f.intoCase.found', { code: target.trackingCode, subject: target.subject })}
            </p>
          )}
          {target === null && <p role="status">{t('f.intoCase.none')}</p>}
        </>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={sending} data-submit={action}>
          {sending ? t('common.submitting') : tx('action', action)}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
