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
import { serverFieldErrors, TRACKING_CODE, validateText } from '../../../lib/validate.ts'
import { useDepartments } from '../use-staff.ts'

type Values = {
  departmentId: string
  supportingDepartmentIds: string[]
  assigneeId: string
  note: string
  reason: string
  text: string
  public: boolean
  days: string
  intoCode: string
}

const TEXT_FIELD: Partial<Record<Action, { field: 'reason' | 'text' | 'note'; max: number }>> = {
  'not-accept': { field: 'reason', max: 2000 },
  answer: { field: 'text', max: 20_000 },
  return: { field: 'reason', max: 2000 },
  extension: { field: 'reason', max: 2000 },
  'extension/refuse': { field: 'reason', max: 2000 },
  reply: { field: 'text', max: 20_000 },
  'reply/send-back': { field: 'reason', max: 2000 },
  escalate: { field: 'note', max: 2000 },
  reopen: { field: 'reason', max: 2000 },
  notes: { field: 'text', max: 5000 },
}

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
  const [v, setV] = useState<Values>({
    departmentId: '',
    supportingDepartmentIds: [],
    assigneeId: '',
    note: '',
    reason: '',
    text: (action === 'reply' && c.draftReply?.text) || '',
    public: c.consentToPublish,
    days: '',
    intoCode: '',
  })
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)
  const [target, setTarget] = useState<CaseView | null | undefined>(undefined)
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
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
    const errs: Record<string, FieldError> = {}
    const body: Record<string, unknown> = { version: c.version }
    if (textRule) {
      const value = v[textRule.field]
      const bad = validateText(value, textRule.max)
      if (bad) errs[textRule.field] = bad
      else body[textRule.field] = value.trim()
    }
    if (action === 'assign') {
      if (!v.departmentId) errs.departmentId = { key: 'v.required' }
      body.departmentId = v.departmentId
      const supporting = v.supportingDepartmentIds.filter((d) => d !== v.departmentId)
      if (supporting.length) body.supportingDepartmentIds = supporting
      if (v.assigneeId) body.assigneeId = v.assigneeId
      if (v.note.trim()) {
        const bad = validateText(v.note, 2000)
        if (bad) errs.note = bad
        else body.note = v.note.trim()
      }
    }
    if (action === 'extension') {
      const days = Number(v.days)
      if (!Number.isInteger(days) || days < 1 || days > 15) errs.days = { key: 'v.days' }
      body.days = days
    }
    if (action === 'answer' || action === 'reply') body.public = v.public
    if (action === 'merge') {
      if (!target) errs.intoCode = { key: 'f.intoCase.required' }
      else body.intoCaseId = target.id
    }
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
          max={15}
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
